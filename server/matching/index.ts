/** Public surface of the matching engine: rules, blocking, scoring, store-backed candidates, batch. */
import type { CompiledRules } from './rules';
import type { CanonicalRecord } from './types';

export type * from './types';
export { loadRules, validateRules, compileRules } from './rules';
export type { CompiledRules } from './rules';
export { prepareRecord, scorePair } from './scoring';
export { batchMatch, batchMatchAsync } from './batch';
export type { BatchMatchResult, BatchProgress, ReviewPair, RelationshipPair } from './batch';
export { indexRecord, indexRecords, removeFromIndex, setGoldenId, ensureMatchIndexes, MATCH_INDEX, BLOCK_STATS } from './matchIndex';
export type { MatchIndexEntry, IncomingPreparation } from './matchIndex';
export { prepareIncoming, readEntry } from './matchIndex';
export { findCandidates, matchRecord, pairKey } from './candidates';
/** The rules in force for a domain (current published version in the store; the shipped file when none). */
export { compileCached, compiledSourceOf, publishedRules } from './ruleSets/queries';
export type { CompiledSource } from './ruleSets/queries';
export { loadTermWeights } from './termStats';
export type { CandidateResult, GoldenCandidate, LookupArgs, MatchDecision, NotAMatch, OverCollision } from './candidates';

/** Every blocking key a record is indexed under (`<key rule name>:<value>`), across the rule set's key rules. */
export function blockingKeys(record: CanonicalRecord, compiled: CompiledRules): string[] {
  const keys = new Set<string>();
  for (const keyRule of compiled.keyRules) for (const key of keyRule.indexKeys(record)) keys.add(key);
  return [...keys];
}
