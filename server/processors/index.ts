/** Public surface of the processor runner, and the list of every processor a server runs. */
import { changeSequencer } from '../golden/changeSequencer';
import { searchIndexProcessor } from '../search/searchSync';
import type { AppServices } from '../services';
import { exceptionTasksProcessor, taskSyncProcessor } from '../stewardship/taskSync';
import { syncFanOutProcessor } from '../sync/dispatcher';
import type { Processor } from './types';

export { ProcessorRunner } from './processorRunner';
export type { ProcessorRunnerOptions } from './processorRunner';
export { processorCollections, PROCESSORS } from './collections';
export type * from './types';
export { LeaseLostError } from './types';

/** Every declared processor, in the order a server registers them (the sequencer first: the others read what it numbers). */
export function allProcessors(services: Pick<AppServices, 'config'>): Processor[] {
  return [changeSequencer, searchIndexProcessor, taskSyncProcessor, exceptionTasksProcessor, syncFanOutProcessor(services.config)];
}
