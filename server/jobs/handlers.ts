/** Every background job type the server runs; features add their handler here. */
import type { JobRunner } from './jobRunner';

/** Registers all job handlers on the runner. */
export function registerJobHandlers(runner: JobRunner): void {
  void runner;
}
