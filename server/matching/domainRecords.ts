/**
 * A domain's source records as the batch matcher sees them (`sourceId` = the source record's `_id`,
 * unique across sources), and the stewards' not-a-match decisions as a pair predicate — pairs
 * stored record ↔ golden record (unmerges) apply to every current member of that golden record.
 */
import { SOURCE_RECORDS } from '../sourceRecords/collections';
import { NOT_A_MATCH } from '../stewardship/collections';
import type { SourceRecordDocument } from '../sourceRecords/types';
import type { NotAMatchDocument } from '../stewardship/types';
import type { Store } from '../store/types';
import type { CanonicalRecord } from './types';

export interface DomainRecords {
  records: CanonicalRecord[];
  /** Source record id → golden id. */
  goldenOf: Map<string, string>;
  /** Source record id → source system. */
  sourceOf: Map<string, string>;
}

/** Loads every source record of `domain` (streamed; only canonical, ids and golden id are kept). */
export async function loadDomainRecords(args: { store: Store; domain: string }): Promise<DomainRecords> {
  const records: CanonicalRecord[] = [];
  const goldenOf = new Map<string, string>();
  const sourceOf = new Map<string, string>();
  for await (const record of args.store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .iterate({ domain: args.domain }, { batchSize: 2000 })) {
    if (!record.goldenId) continue;
    records.push({ ...record.canonical, sourceId: record._id });
    goldenOf.set(record._id, record.goldenId);
    sourceOf.set(record._id, record.source);
  }
  records.sort((x, y) => (x.sourceId < y.sourceId ? -1 : x.sourceId > y.sourceId ? 1 : 0));
  return { records, goldenOf, sourceOf };
}

/** Every not-a-match pair of the domain as record-id pair keys (golden-side pairs expanded to the golden record's members). */
export async function notAMatchPairs(args: { store: Store; domain: string; goldenOf: ReadonlyMap<string, string> }): Promise<Set<string>> {
  const membersOf = new Map<string, string[]>();
  for (const [recordId, goldenId] of args.goldenOf) {
    const list = membersOf.get(goldenId);
    if (list) list.push(recordId);
    else membersOf.set(goldenId, [recordId]);
  }
  const expand = (id: string): string[] => (args.goldenOf.has(id) ? [id] : (membersOf.get(id) ?? []));
  const pairs = new Set<string>();
  for await (const pair of args.store.collection<NotAMatchDocument>(NOT_A_MATCH).iterate({ domain: args.domain })) {
    for (const x of expand(pair.a)) for (const y of expand(pair.b)) if (x !== y) pairs.add(pairOf(x, y));
  }
  return pairs;
}

/** Order-free key of two source record ids (their ids contain `|`, so another separator). */
export function pairOf(x: string, y: string): string {
  return x < y ? `${x}\u0000${y}` : `${y}\u0000${x}`;
}

/** The two ids of a `pairOf` key. */
export function splitPair(key: string): [string, string] {
  const at = key.indexOf('\u0000');
  return [key.slice(0, at), key.slice(at + 1)];
}
