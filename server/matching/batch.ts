/**
 * Batch matching of a whole domain in memory: block, compare each candidate pair once, cluster
 * auto-merge pairs with union-find under cannot-link constraints (vetoed and not-a-match pairs),
 * list review pairs. Memory beyond the records: one prepared
 * record each, integer block membership (Int32Arrays), and a per-anchor candidate set — never a
 * global set of pairs. Over-collision blocks are counted and skipped, so work is bounded by
 * records × keys × maxBlockSize, never quadratic in the number of records.
 */
import type { CompareContext, ComparisonResult } from './comparators';
import type { CompiledRules } from './rules';
import { rarestKeys } from './blocking';
import { clusterPairs } from './clustering';
import { decidingVeto, evaluatePreparedPair, prepareRecord } from './scoring';
import { countTerms, termWeightsOf } from './termStats';
import { pairSources, sourceWithOwnWeights } from './sourceLayoutWords';
import { present } from '../invariant';
import type { CanonicalRecord, PreparedRecord } from './types';

export interface BatchProgress {
  phase: 'prepare' | 'block' | 'compare';
  done: number;
  total: number;
}

export interface ReviewPair {
  a: string;
  b: string;
  score: number;
}

export interface RelationshipPair {
  a: string;
  b: string;
  relationship: string;
}

export interface BatchMatchResult {
  records: number;
  blocks: number;
  blocksSkippedOverCollision: number;
  /** The largest over-collision blocks (key and size), for tuning. */
  largestSkippedBlocks: Array<{ key: string; size: number }>;
  pairsCompared: number;
  autoMergePairs: number;
  /** Auto-merge pairs not applied because their clusters hold a vetoed or not-a-match pair; listed as review. */
  mergesBlockedByCannotLink: number;
  reviewPairCount: number;
  /** Up to `maxListedPairs` review pairs. */
  reviewPairs: ReviewPair[];
  relationships: RelationshipPair[];
  /** Clusters of 2+ records joined by auto-merge pairs (sourceIds). */
  clusters: string[][];
  /** Cluster id (index of its first record) per input record, for ground-truth evaluation. */
  clusterOf: Int32Array;
  /** Token weights of idf comparators counted over these records (to explain pairs as they were scored). */
  context?: CompareContext;
}

/**
 * Block ids of all records in one growing Int32Array, each record's run at `start[r]` … `start[r + 1]` (compressed rows).
 * Kept here rather than taken from a library: it is a dozen lines, and what it replaces — a typed array per record and
 * phase (index blocks, keyed ids, lookup blocks, usable lookup blocks) — cost ~230 bytes of object each (a small
 * Int32Array of six ids holds ~200 bytes of headers), over 900 bytes per record held through preparation and
 * matching, as much again as the record's prepared values: heap the garbage collector marked and promoted.
 */
class IdRows {
  data = new Int32Array(1 << 16);
  length = 0;
  readonly start: Int32Array;
  constructor(rows: number) {
    this.start = new Int32Array(rows + 1);
  }
  push(id: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = id;
  }
  /** Ends row `r` (rows are written in order). */
  endRow(r: number): void {
    this.start[r + 1] = this.length;
  }
  /**
   * Sorts the ids pushed since `from` ascending and drops repeats, in place (what `sortedUnique` of a per-record list
   * gave): insertion sort, as a record holds a dozen ids at most and no array is made for them.
   */
  sortUniqueFrom(from: number): void {
    const data = this.data;
    for (let i = from + 1; i < this.length; i++) {
      const id = present(data[i], 'id i');
      let j = i - 1;
      while (j >= from && present(data[j], 'id j') > id) {
        data[j + 1] = present(data[j], 'id j');
        j--;
      }
      data[j + 1] = id;
    }
    let n = from;
    for (let i = from; i < this.length; i++) {
      const id = present(data[i], 'id i');
      if (n === from || data[n - 1] !== id) data[n++] = id;
    }
    this.length = n;
  }
}

/** True when the sorted runs `a[aStart…aEnd)` and `b[bStart…bEnd)` share an element. */
function intersects(a: Int32Array, aStart: number, aEnd: number, b: Int32Array, bStart: number, bEnd: number): boolean {
  let i = aStart;
  let j = bStart;
  while (i < aEnd && j < bEnd) {
    const x = present(a[i], 'a block id of the first sorted run');
    const y = present(b[j], 'a block id of the second sorted run');
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

export interface BatchMatchArgs {
  records: readonly CanonicalRecord[];
  rules: CompiledRules;
  onProgress?: (progress: BatchProgress) => void;
  /** Pairs the caller excludes (stewards' not-a-match decisions), by sourceIds. */
  isNotAMatch?: (a: string, b: string) => boolean;
  maxListedPairs?: number;
  progressEvery?: number;
}

/** Units of work (records prepared or looked up, pairs compared) between two pauses of the async matcher. */
export const DEFAULT_YIELD_EVERY = 2_000;

/** Matches all records of one domain against each other, in one synchronous run (benches, small sets). */
export function batchMatch(args: BatchMatchArgs): BatchMatchResult {
  const steps = batchMatchSteps(args, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same match as `batchMatch` (identical result), cooperative: every `yieldEvery` units of work
 * it hands the event loop a turn (`setImmediate`), so timers such as a job's lease heartbeat run
 * during a long match, then awaits `onYield` (e.g. a cancel or lease check that throws to stop).
 */
export async function batchMatchAsync(
  args: BatchMatchArgs & { yieldEvery?: number; onYield?: (progress: BatchProgress) => void | Promise<void> },
): Promise<BatchMatchResult> {
  const steps = batchMatchSteps(args, args.yieldEvery ?? DEFAULT_YIELD_EVERY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
    await args.onYield?.(step.value);
  }
}

/** The batch match as a generator: it pauses (yields its progress) after every `yieldEvery` units of work. */
function* batchMatchSteps(args: BatchMatchArgs, yieldEvery: number): Generator<BatchProgress, BatchMatchResult, void> {
  const { records, rules } = args;
  const total = records.length;
  const every = args.progressEvery ?? 50_000;
  const maxListed = args.maxListedPairs ?? 100_000;
  let work = 0;
  let nextPause = yieldEvery;

  // 1. Prepare each record once and collect its index keys as block ids.
  const prepared: PreparedRecord[] = new Array<PreparedRecord>(total);
  // Block ids per key rule, by key value without the rule's prefix (no prefixed string built and hashed per key).
  const blockIdOfRule = rules.keyRules.map(() => new Map<string, number>());
  /** Each block's key value (its rule's prefix left off; `blockKeyOf` adds it). */
  const blockKeys: string[] = [];
  const blockRuleIndex: number[] = [];
  const blockSizes: number[] = [];
  // Each record's index block ids, sorted and distinct (one run per record).
  const indexIds = new IdRows(total);
  // Per record, when some rule looks up by its rarest keys: the number of keys of each rule, then their block ids in
  // rule order. The lookup keys are chosen from these ids after this pass (a block's key text is `blockKeys[id]`):
  // no key string is kept per record and none is looked up again.
  const keyRules = rules.keyRules;
  const hasRarest = keyRules.some((k) => k.lookup.mode === 'rarest');
  const keyedIds = new IdRows(hasRarest ? total : 0);
  const maxSizeByRule = keyRules.map((k) => k.rule.maxBlockSize);
  for (let r = 0; r < total; r++) {
    const record = present(records[r], 'batch record r');
    prepared[r] = prepareRecord(record, rules);
    const indexFrom = indexIds.length;
    // The key counts come first: their slots are filled as each rule's keys are read.
    const keyedFrom = keyedIds.length;
    if (hasRarest) for (let ruleIndex = 0; ruleIndex < keyRules.length; ruleIndex++) keyedIds.push(0);
    for (let ruleIndex = 0; ruleIndex < keyRules.length; ruleIndex++) {
      const keys = present(keyRules[ruleIndex], 'key rule ruleIndex').indexValues(record);
      const blockIdOf = present(blockIdOfRule[ruleIndex], 'the block ids of rule ruleIndex');
      if (hasRarest) keyedIds.data[keyedFrom + ruleIndex] = keys.length;
      for (let k = 0; k < keys.length; k++) {
        const key = present(keys[k], 'index key k');
        let id = blockIdOf.get(key);
        if (id === undefined) {
          id = blockKeys.length;
          blockIdOf.set(key, id);
          blockKeys.push(key);
          blockRuleIndex.push(ruleIndex);
          blockSizes.push(0);
        }
        blockSizes[id] = present(blockSizes[id], 'the size of block id') + 1;
        indexIds.push(id);
        // Rarest-token lookups need global block sizes, known only after this pass: keep the block ids of
        // records whose rules need them (dropped right after the lookup keys are chosen).
        if (hasRarest) keyedIds.push(id);
      }
    }
    if (hasRarest) keyedIds.endRow(r);
    indexIds.sortUniqueFrom(indexFrom);
    indexIds.endRow(r);
    if (args.onProgress && (r + 1) % every === 0) args.onProgress({ phase: 'prepare', done: r + 1, total });
    if (++work >= nextPause) {
      nextPause = work + yieldEvery;
      yield { phase: 'prepare', done: r + 1, total };
    }
  }

  // Token frequencies of idf comparators over this batch (the whole domain).
  const context = rules.idfComparators.length > 0 ? termWeightsOf(countTerms(prepared, rules), rules) : undefined;
  // Each record's source when it weighs tokens by weights of its own (sourceLayoutWords.ts), read once here, not per pair.
  const sourceSides = context?.sourceWeights ? prepared.map((record) => sourceWithOwnWeights(record, rules, context)) : undefined;

  for (const map of blockIdOfRule) map.clear();

  // 2. Lookup keys per record (only the usable blocks: their sizes are known now) and block membership.
  const isUsable = (b: number): boolean =>
    present(blockSizes[b], 'the size of block b') <=
    present(maxSizeByRule[present(blockRuleIndex[b], 'the rule of block b')], 'the max size of the rule of block b');
  const usableLookup = new IdRows(total);
  // Lookup selection counts the OTHER members of a block, as the store-backed lookup does (`forEachLookupKey`).
  const sizeOf = (id: number): number => present(blockSizes[id], 'the size of block id') - 1;
  const textOf = (id: number): string => present(blockKeys[id], 'the key of block id');
  for (let r = 0; r < total; r++) {
    const from = usableLookup.length;
    if (hasRarest) {
      const keyed = keyedIds.data;
      let at = present(keyedIds.start[r], 'the keyed ids of record r') + keyRules.length;
      for (let ruleIndex = 0; ruleIndex < keyRules.length; ruleIndex++) {
        const count = present(
          keyed[present(keyedIds.start[r], 'the keyed ids of record r') + ruleIndex],
          'the key count of rule ruleIndex',
        );
        const start = at;
        at += count;
        const lookup = present(keyRules[ruleIndex], 'key rule ruleIndex').lookup;
        // The rule's ids are read in place (a `subarray` view per rule and record was garbage of this phase).
        if (lookup.mode === 'all') for (let k = start; k < at; k++) usableLookup.push(present(keyed[k], 'block id k'));
        else
          for (const id of rarestKeys({ keys: keyed, start, end: at, count: lookup.count, budget: lookup.budget, sizeOf, textOf }))
            usableLookup.push(id);
      }
      usableLookup.sortUniqueFrom(from);
    } else
      for (let k = present(indexIds.start[r], 'index ids of r'); k < present(indexIds.start[r + 1], 'index ids of r+1'); k++)
        usableLookup.push(present(indexIds.data[k], 'index id k'));
    // Keep the usable blocks of the record's sorted distinct lookup blocks, in order.
    let kept = from;
    for (let k = from; k < usableLookup.length; k++) {
      const id = present(usableLookup.data[k], 'lookup id k');
      if (isUsable(id)) usableLookup.data[kept++] = id;
    }
    usableLookup.length = kept;
    usableLookup.endRow(r);
    if (++work >= nextPause) {
      nextPause = work + yieldEvery;
      yield { phase: 'block', done: r + 1, total };
    }
  }
  keyedIds.data = new Int32Array(0);
  const blockKeyOf = (b: number): string =>
    `${present(keyRules[present(blockRuleIndex[b], 'the rule of block b')], 'the key rule of block b').rule.name}:${present(blockKeys[b], 'the key of block b')}`;
  const offsets = new Int32Array(blockKeys.length + 1);
  const sizeOfBlock = (b: number): number => present(blockSizes[b], 'the size of block b');
  for (let b = 0; b < blockKeys.length; b++) offsets[b + 1] = present(offsets[b], 'offset b') + sizeOfBlock(b);
  const members = new Int32Array(present(offsets[blockKeys.length], 'the end offset of the blocks'));
  const fill = offsets.slice(0, blockKeys.length);
  for (let r = 0; r < total; r++) {
    for (let k = present(indexIds.start[r], 'index ids of r'); k < present(indexIds.start[r + 1], 'index ids of r+1'); k++) {
      const b = present(indexIds.data[k], 'index id k');
      const at = present(fill[b], 'the fill position of block b');
      members[at] = r;
      fill[b] = at + 1;
    }
  }
  let blocksSkipped = 0;
  let blocks = 0;
  const skipped: Array<{ key: string; size: number }> = [];
  for (let b = 0; b < blockKeys.length; b++) {
    const size = sizeOfBlock(b);
    if (size < 2) continue;
    blocks++;
    if (!isUsable(b)) {
      blocksSkipped++;
      skipped.push({ key: blockKeyOf(b), size });
    }
  }
  skipped.sort((x, y) => y.size - x.size);
  if (args.onProgress) args.onProgress({ phase: 'block', done: blockKeys.length, total: blockKeys.length });

  // 3. Compare. A pair (a, b) with b < a is skipped when b's own lookup already reached a.
  // `score` orders merges strongest first (match weight); `shown` is the score reported.
  const merges = { a: [] as number[], b: [] as number[], score: [] as number[], shown: [] as number[] };
  const cannotLinks = { a: [] as number[], b: [] as number[] };
  let pairsCompared = 0;
  let autoMergePairs = 0;
  let reviewPairCount = 0;
  const reviewPairs: ReviewPair[] = [];
  const reviewCandidates: { a: number[]; b: number[]; score: number[] } = { a: [], b: [], score: [] };
  const relationships: RelationshipPair[] = [];
  // The anchor that last reached each record (a stamp per record instead of a set cleared per anchor).
  const seenBy = new Int32Array(total).fill(-1);
  for (let a = 0; a < total; a++) {
    const pairsBefore = pairsCompared;
    const anchor = present(prepared[a], 'prepared record a');
    const ids = indexIds.data;
    const anchorStart = present(indexIds.start[a], 'index ids of a');
    const anchorEnd = present(indexIds.start[a + 1], 'index ids of a+1');
    const usable = usableLookup.data;
    const usableEnd = present(usableLookup.start[a + 1], 'usable lookup ids of a+1');
    for (let u = present(usableLookup.start[a], 'usable lookup ids of a'); u < usableEnd; u++) {
      const b = present(usable[u], 'usable lookup id u');
      const end = present(offsets[b + 1], 'offset b+1');
      for (let m = present(offsets[b], 'offset b'); m < end; m++) {
        const other = present(members[m], 'block member m');
        if (other === a || seenBy[other] === a) continue;
        seenBy[other] = a;
        if (
          other < a &&
          intersects(
            usable,
            present(usableLookup.start[other], 'usable lookup ids of other'),
            present(usableLookup.start[other + 1], 'usable lookup ids of other+1'),
            ids,
            anchorStart,
            anchorEnd,
          )
        )
          continue;
        const otherRecord = present(prepared[other], 'prepared record other');
        const sa = anchor.sourceId;
        const sb = otherRecord.sourceId;
        if (args.isNotAMatch?.(sa, sb)) {
          cannotLinks.a.push(a);
          cannotLinks.b.push(other);
          continue;
        }
        pairsCompared++;
        // A veto read from a few comparators (another GTIN…) bands the pair no-match: it is not scored.
        const compared: Array<ComparisonResult | undefined> = [];
        const veto = decidingVeto({ a: anchor, b: otherRecord, compiled: rules, compared });
        const evaluation = veto
          ? null
          : evaluatePreparedPair({
              a: anchor,
              b: otherRecord,
              compiled: rules,
              context,
              known: compared,
              sources: sourceSides ? (pairSources(sourceSides[a], sourceSides[other]) ?? null) : null,
            });
        const rule = veto ?? evaluation?.hardRule;
        if (rule?.relationship && relationships.length < maxListed) {
          relationships.push({ a: sa, b: sb, relationship: rule.relationship });
        }
        if (rule?.action === 'veto') {
          cannotLinks.a.push(a);
          cannotLinks.b.push(other);
        }
        if (!evaluation) continue;
        if (evaluation.band === 'auto-merge') {
          autoMergePairs++;
          merges.a.push(a);
          merges.b.push(other);
          merges.score.push(evaluation.matchWeight);
          merges.shown.push(evaluation.score);
        } else if (evaluation.band === 'review') {
          reviewCandidates.a.push(a);
          reviewCandidates.b.push(other);
          reviewCandidates.score.push(evaluation.score);
        }
      }
    }
    if (args.onProgress && (a + 1) % every === 0) args.onProgress({ phase: 'compare', done: a + 1, total });
    // One unit per anchor plus one per pair compared: an anchor's pairs are bounded by its keys × maxBlockSize.
    work += 1 + pairsCompared - pairsBefore;
    if (work >= nextPause) {
      nextPause = work + yieldEvery;
      yield { phase: 'compare', done: a + 1, total };
    }
  }

  const { rootOf: clusterOf, blocked } = clusterPairs({ total, merges, cannotLinks });
  const sourceIdOf = (r: number): string => present(prepared[r], 'prepared record r').sourceId;
  // A review pair whose records ended in one cluster (merged through other pairs) asks nothing.
  for (let i = 0; i < reviewCandidates.a.length; i++) {
    const a = present(reviewCandidates.a[i], 'review candidate i');
    const b = present(reviewCandidates.b[i], 'review candidate i');
    if (clusterOf[a] === clusterOf[b]) continue;
    reviewPairCount++;
    if (reviewPairs.length < maxListed)
      reviewPairs.push({
        a: sourceIdOf(a),
        b: sourceIdOf(b),
        score: Math.round(present(reviewCandidates.score[i], 'review candidate i') * 10000) / 10000,
      });
  }
  // A refused merge is still a strong pair: a steward decides it.
  for (const i of blocked) {
    reviewPairCount++;
    if (reviewPairs.length < maxListed) {
      reviewPairs.push({
        a: sourceIdOf(present(merges.a[i], 'merge i')),
        b: sourceIdOf(present(merges.b[i], 'merge i')),
        score: Math.round(present(merges.shown[i], 'merge i') * 10000) / 10000,
      });
    }
  }
  const clusterMembers = new Map<number, string[]>();
  for (let r = 0; r < total; r++) {
    const root = present(clusterOf[r], 'the cluster of record r');
    if (root === r) continue;
    let list = clusterMembers.get(root);
    if (!list) {
      list = [sourceIdOf(root)];
      clusterMembers.set(root, list);
    }
    list.push(sourceIdOf(r));
  }
  return {
    records: total,
    blocks,
    blocksSkippedOverCollision: blocksSkipped,
    largestSkippedBlocks: skipped.slice(0, 20),
    pairsCompared,
    autoMergePairs,
    mergesBlockedByCannotLink: blocked.length,
    reviewPairCount,
    reviewPairs,
    relationships,
    clusters: [...clusterMembers.values()],
    clusterOf,
    ...(context ? { context } : {}),
  };
}
