/** Collections matching keeps in the store (match index, block sizes, token frequencies, versioned rule sets), with their indexes. */
import type { CollectionDefinition } from '../store/types';
import { BLOCK_STATS, MATCH_INDEX } from './matchIndex';
import { ruleSetCollections } from './ruleSets/collections';
import { TERM_STATS } from './termStats';

export const matchingCollections: CollectionDefinition[] = [
  {
    name: MATCH_INDEX,
    indexes: [
      { keys: { domain: 1, keys: 1 }, name: 'domain_keys' },
      { keys: { domain: 1, goldenId: 1 }, name: 'domain_golden' },
    ],
  },
  { name: BLOCK_STATS, indexes: [] },
  { name: TERM_STATS, indexes: [] },
  ...ruleSetCollections,
];
