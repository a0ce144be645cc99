/** Every background job type the server runs; features add their handler here. */
import type { JobRunner } from './jobRunner';
import { ingestUploadJob } from '../ingest/uploadJob';
import { replayExceptionsJob } from '../exceptions/replay';
import { bulkTasksJob } from '../stewardship/bulkJob';
import { recomputeGoldenJob } from '../golden/recomputeGoldenRecords';
import { rematchDomainJob } from '../matching/rematch';
import { previewRulesJob } from '../matching/preview';
import { trainRulesJob } from '../matching/trainRules';

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
