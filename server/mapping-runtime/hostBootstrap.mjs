// Evaluator host processes are plain Node processes: they register tsx themselves (as workers do)
// so the same code runs under npm start, vitest and the benchmarks.
import { register } from 'tsx/esm/api';

register();
await import('./evaluatorHostProcess.ts');
