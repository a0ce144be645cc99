// Worker threads do not reliably inherit the parent's TypeScript loader (vitest runs its own
// transform; `node --import tsx` passes it via execArgv), so every worker registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./mappingWorker.ts');
