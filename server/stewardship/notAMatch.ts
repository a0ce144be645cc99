/**
 * Not-a-match decisions. A steward rejecting a candidate golden record stores one pair per member of
 * that record: the subject source record ↔ the member, each with the fingerprint of what the matching
 * rules compare (after normalisation). Golden records' matching skips such a pair while both
 * fingerprints are unchanged — so the pair never returns as a task or an auto-merge, through any
 * re-match — and a change of either record in a compared attribute reopens the question.
 */
import { asCanonical, fingerprintRecord, rulesFor } from '../golden/goldenMatching';
import { loadMembers, requireGolden } from '../golden/goldenStore';
import { NOT_A_MATCH } from './collections';
import type { SourceRecordDocument } from '../golden/types';
import type { Store, StoreSession } from '../store/types';
import type { StewardActor } from './taskStore';
import type { NotAMatchDocument } from './types';

/** The stored id of a pair: the two ids sorted, joined with `~`. */
export function notAMatchId(x: string, y: string): string {
  return [x, y].sort().join('~');
}

/** The fingerprint of what the domain's rules compare for one source record. */
export async function fingerprintOf(args: { store: Store; record: SourceRecordDocument; session?: StoreSession }): Promise<string> {
  const rules = await rulesFor({ store: args.store, domain: args.record.domain, session: args.session });
  return fingerprintRecord(asCanonical(args.record.canonical, args.record.sourceId), rules);
}

/** Stores record ↔ member pairs for every member of `goldenId`; returns the pairs written. */
export async function recordNotAMatch(args: {
  store: Store;
  session: StoreSession;
  record: SourceRecordDocument;
  goldenId: string;
  actor: StewardActor;
  reason: string;
  taskId?: string;
  at: string;
}): Promise<NotAMatchDocument[]> {
  const golden = await requireGolden({ store: args.store, id: args.goldenId, session: args.session });
  const members = await loadMembers({ store: args.store, golden, session: args.session });
  const own = await fingerprintOf({ store: args.store, record: args.record, session: args.session });
  const pairs: NotAMatchDocument[] = [];
  for (const member of members) {
    if (member._id === args.record._id) continue;
    const [a, b] = args.record._id < member._id ? [args.record._id, member._id] : [member._id, args.record._id];
    const pair: NotAMatchDocument = {
      _id: notAMatchId(a, b),
      domain: args.record.domain,
      a,
      b,
      fingerprints: {
        [args.record._id]: own,
        [member._id]: await fingerprintOf({ store: args.store, record: member, session: args.session }),
      },
      by: { keyId: args.actor.keyId, name: args.actor.name, role: args.actor.role },
      at: args.at,
      reason: args.reason,
      ...(args.taskId ? { taskId: args.taskId } : {}),
    };
    await args.store
      .collection<NotAMatchDocument>(NOT_A_MATCH)
      .replaceOne({ _id: pair._id }, pair, { upsert: true, session: args.session });
    pairs.push(pair);
  }
  return pairs;
}

/** Stores a not-a-match pair for every record of `left` × every record of `right` (cluster split / reject); returns the count. */
export async function recordNotAMatchBetween(args: {
  store: Store;
  session: StoreSession;
  left: SourceRecordDocument[];
  right: SourceRecordDocument[];
  actor: StewardActor;
  reason: string;
  taskId?: string;
  at: string;
}): Promise<number> {
  const fingerprints = new Map<string, string>();
  const fingerprint = async (record: SourceRecordDocument): Promise<string> => {
    let value = fingerprints.get(record._id);
    if (value === undefined) {
      value = await fingerprintOf({ store: args.store, record, session: args.session });
      fingerprints.set(record._id, value);
    }
    return value;
  };
  let count = 0;
  for (const x of args.left) {
    for (const y of args.right) {
      if (x._id === y._id) continue;
      const [a, b] = x._id < y._id ? [x._id, y._id] : [y._id, x._id];
      const pair: NotAMatchDocument = {
        _id: notAMatchId(a, b),
        domain: x.domain,
        a,
        b,
        fingerprints: { [x._id]: await fingerprint(x), [y._id]: await fingerprint(y) },
        by: { keyId: args.actor.keyId, name: args.actor.name, role: args.actor.role },
        at: args.at,
        reason: args.reason,
        ...(args.taskId ? { taskId: args.taskId } : {}),
      };
      await args.store
        .collection<NotAMatchDocument>(NOT_A_MATCH)
        .replaceOne({ _id: pair._id }, pair, { upsert: true, session: args.session });
      count++;
    }
  }
  return count;
}
