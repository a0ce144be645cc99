/** Public surface of the processor runner (the list of processors a server runs is server/backgroundWork.ts). */

export { ProcessorRunner } from './processorRunner';
export type { ProcessorRunnerOptions } from './processorRunner';
export { processorCollections, PROCESSORS } from './collections';
export type * from './types';
export { LeaseLostError } from './types';
