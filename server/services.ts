/**
 * The service container handed to every route handler, command, job and processor. Built once at
 * start-up by `createServices` (server/bootstrap.ts); holds no request state, so several server
 * processes can run side by side on the same MongoDB.
 */
import type { AppConfig } from './config';
import type { Logger } from './logger';
import type { MetricsRegistry } from './metrics/registry';
import type { Store } from './store/types';
import type { JobRunner } from './jobs/jobRunner';
import type { MappingRuntime } from './mapping-runtime';
import type { ProcessorRunner } from './processors/processorRunner';
import type { MatchPreparer } from './golden/preparationThread';

export interface AppServices {
  config: AppConfig;
  store: Store;
  logger: Logger;
  metrics: MetricsRegistry;
  jobs: JobRunner;
  /** Worker pool evaluating JSONata mappings (ingest, preview, mapping tests). */
  mappingRuntime: MappingRuntime;
  /** Runs the declared processors (change sequencer, search index, task sync, sync fan-out) under leases. */
  processors: ProcessorRunner;
  /**
   * Prepares ingest batches for matching on a worker thread (`golden/preparationThread.ts`); absent
   * (or switched off with MDM_MATCH_PREPARATION_THREAD=false): prepared on the main thread.
   */
  matchPreparer?: MatchPreparer;
}
