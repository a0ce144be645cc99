/** The processor lease-and-cursor documents (one per declared processor). */
import type { CollectionDefinition } from '../store/types';

export const PROCESSORS = 'processors';

export const processorCollections: CollectionDefinition[] = [{ name: PROCESSORS, indexes: [] }];
