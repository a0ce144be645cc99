// Worker threads do not reliably inherit the parent's TypeScript loader (vitest runs its own
// transform; `node --import tsx` passes it via execArgv), so the worker registers tsx itself
// (as the mapping runtime's workers do).
import { register } from 'tsx/esm/api';

register();
await import('./preparationWorker.ts');
