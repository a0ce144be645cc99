// Worker threads do not inherit the parent's TypeScript loader (vitest transforms in-process), so
// the worker registers tsx itself before loading the TypeScript host.
import { register } from 'tsx/esm/api';

register();
await import('./evaluationWorkerHost.ts');
