/** Collections of versioned matching rule sets, with their indexes. */
import type { CollectionDefinition } from '../../store/types';
import { MATCH_ALIAS_TABLES, MATCH_ALIAS_TABLE_VERSIONS, MATCH_RULE_SETS, MATCH_RULE_SET_VERSIONS } from './types';

export const ruleSetCollections: CollectionDefinition[] = [
  { name: MATCH_RULE_SETS, indexes: [] },
  {
    name: MATCH_RULE_SET_VERSIONS,
    indexes: [
      { keys: { domain: 1, number: 1 }, name: 'matchrules_by_number', unique: true },
      { keys: { domain: 1, rulesVersion: 1 }, name: 'matchrules_by_rules_version' },
    ],
  },
  { name: MATCH_ALIAS_TABLES, indexes: [] },
  {
    name: MATCH_ALIAS_TABLE_VERSIONS,
    indexes: [
      { keys: { domain: 1, number: 1 }, name: 'matchaliases_by_number', unique: true },
      { keys: { domain: 1, rulesVersion: 1 }, name: 'matchaliases_by_version' },
    ],
  },
];
