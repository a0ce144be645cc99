/**
 * The composition root's list of background work: every job handler and every processor a server runs.
 * It sits beside bootstrap.ts, not in jobs/ or processors/, so those runners never import the features
 * whose work they run (the features import the runners' types; the dependency points one way).
 */
import { changeSequencer } from './golden/changeSequencer';
import type { JobRunner } from './jobs/jobRunner';
import type { Processor } from './processors';
import { searchIndexProcessor } from './search/searchSync';
import type { AppServices } from './services';
import { exceptionTasksProcessor, taskSyncProcessor } from './stewardship/taskSync';
import { syncFanOutProcessor } from './sync/dispatcher';
import { ingestUploadJob } from './ingest/uploadJob';
import { replayExceptionsJob } from './ingest/replayExceptions';
import { bulkTasksJob } from './stewardship/bulkJob';
import { recomputeGoldenJob } from './golden/recomputeGoldenRecords';
import { rematchDomainJob } from './golden/rematchDomain';
import { previewRulesJob } from './matching/preview';
import { trainRulesJob } from './matching/trainRules';

/** Registers all job handlers on the runner. */
export function registerJobHandlers(runner: JobRunner): void {
  runner.register(ingestUploadJob);
  runner.register(replayExceptionsJob);
  runner.register(bulkTasksJob);
  runner.register(recomputeGoldenJob);
  runner.register(rematchDomainJob);
  runner.register(previewRulesJob);
  runner.register(trainRulesJob);
}

/** Every declared processor, in the order a server registers them (the sequencer first: the others read what it numbers). */
export function allProcessors(services: Pick<AppServices, 'config'>): Processor[] {
  return [changeSequencer, searchIndexProcessor, taskSyncProcessor, exceptionTasksProcessor, syncFanOutProcessor(services.config)];
}
