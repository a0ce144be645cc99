/**
 * The persist stage: store each accepted record as a source record with its raw payload and lineage
 * (mapping version, schema version) and hand it to golden records (`applySourceRecord`: matching,
 * survivorship, history), in one transaction per small group of records so that the log is written
 * once per group. If a group fails, its records are retried one by one, and only the record that
 * still fails becomes a PERSIST_FAILED exception — the others are unaffected.
 */
import {
  applySourceRecord,
  namedByNotAMatch,
  rulesFor,
  SOURCE_RECORDS,
  sourceRecordIdOf,
  withGroupedMatchCounts,
  type SourceRecordDocument,
} from '../golden';
import { isSameJson } from '../stableJson';
import { withDeferredInserts } from '../store/deferredInserts';
import type { StoreSession } from '../store/types';

/** The domain's compiled match rules, as golden hands them out (ingest does not depend on matching). */
type CompiledRules = Awaited<ReturnType<typeof rulesFor>>;
import type { IngestContext, RecordResult, WorkItem } from './types';
import { ingestKeyOfItem, payloadHashOf } from './unchangedRecords';

/**
 * Records written per transaction. The embedded store appends each transaction as one log record and
 * resolves it after the fsync covering it, so a group is one log append and one fsync wait: an upload
 * job's batch (200 records) commits as one group. Other writers wait at most one group.
 */
const GROUP_SIZE = 200;

/**
 * Records stored between two turns of the event loop inside a group. The embedded store answers from
 * memory with promise continuations only, so without a turn a whole group would run before any timer or
 * socket is served (HTTP keep-alive timers then fire late and close connections mid-request).
 */
const RECORDS_PER_TURN = 25;

/** Which request or job last changed a source record, so a resumed job counts a record it already stored as accepted. */
interface LastIngest {
  requestId?: string;
  jobId?: string;
  at: string;
  change: 'created' | 'updated';
}

type StoredSourceRecord = SourceRecordDocument & { lastIngest?: LastIngest };

function sourceRecords(context: IngestContext) {
  return context.services.store.collection<StoredSourceRecord>(SOURCE_RECORDS);
}

/**
 * Which source records of a group are stored, read at its start with one query. A record that is not
 * stored needs no read of its own (a bulk load is mostly new records, and each read inside a transaction
 * also tests the documents the group has staged so far); a stored one is read when its turn comes,
 * because placing an earlier record of the group may have changed it (a merge moves its golden id).
 */
async function storedIdsOf(items: WorkItem[], context: IngestContext, session: StoreSession): Promise<Set<string>> {
  const ids = [...new Set(items.map((item) => sourceRecordIdOf(context.domain, context.source, item.sourceId as string)))];
  const found = await sourceRecords(context).find({ _id: { $in: ids } }, { projection: { _id: 1 }, session });
  return new Set(found.map((record) => record._id));
}

async function persistOne(input: {
  item: WorkItem;
  context: IngestContext;
  session: StoreSession;
  rules: CompiledRules;
  /** null: known not to be stored (read once for the group); undefined: read it here. */
  stored?: null;
  /** No not-a-match pair names the record (read once for the group). */
  isNamedByNoNotAMatch: boolean;
}): Promise<RecordResult> {
  const { item, context, session, rules } = input;
  const { domain, source } = context;
  const sourceId = item.sourceId as string;
  const canonical = item.canonical as Record<string, unknown>;
  const id = sourceRecordIdOf(domain, source, sourceId);
  const previous = input.stored !== undefined ? input.stored : await sourceRecords(context).findOne({ _id: id }, { session });
  const payloadHash = payloadHashOf(item);
  const ingestKey = ingestKeyOfItem(item, context);
  const at = new Date().toISOString();
  if (previous && previous.payloadHash === payloadHash && isSameJson(previous.canonical, canonical)) {
    const last = previous.lastIngest;
    // A resumed job re-reads records it processed after its last checkpoint: answer as the first time.
    if (context.origin.jobId && last?.jobId === context.origin.jobId) {
      return {
        outcome: 'accepted',
        position: item.position,
        sourceId,
        sourceRecordId: id,
        goldenId: previous.goldenId,
        change: last.change,
      };
    }
    const isLineageChanged = previous.mappingVersion !== context.mapping.version || previous.schemaVersion !== context.schemaVersion;
    if (isLineageChanged || previous.ingestKey !== ingestKey) {
      // The key follows the lineage, so the next re-send of this payload is answered without mapping.
      const lineage = { mappingVersion: context.mapping.version, schemaVersion: context.schemaVersion };
      const update = ingestKey ? { $set: { ...lineage, ingestKey } } : { $set: lineage, $unset: { ingestKey: '' } };
      await sourceRecords(context).updateOne({ _id: id }, update, { session });
    }
    return { outcome: 'unchanged', position: item.position, sourceId, sourceRecordId: id, goldenId: previous.goldenId };
  }
  const record: SourceRecordDocument = {
    _id: id,
    domain,
    source,
    sourceId,
    goldenId: previous?.goldenId ?? '',
    raw: item.raw,
    canonical,
    payloadHash,
    mappingVersion: context.mapping.version,
    schemaVersion: context.schemaVersion,
    receivedAt: previous?.receivedAt ?? at,
    updatedAt: at,
    version: (previous?.version ?? 0) + 1,
    ...(ingestKey ? { ingestKey } : {}),
    // Written by applySourceRecord with the record itself: no extra write per record.
    lastIngest: { ...context.origin, at, change: previous ? 'updated' : 'created' } satisfies LastIngest,
  };
  const applied = await applySourceRecord(context.services, {
    sourceRecord: record,
    previous,
    actor: context.actor,
    session,
    rules,
    isNamedByNoNotAMatch: input.isNamedByNoNotAMatch,
    prepared: item.matchPreparation,
  });
  const result: RecordResult = {
    outcome: 'accepted',
    position: item.position,
    sourceId,
    sourceRecordId: id,
    goldenId: applied.goldenId,
    change: previous ? 'updated' : 'created',
    match: applied.outcome,
  };
  return result;
}

async function persistGroup(items: WorkItem[], context: IngestContext): Promise<void> {
  const { store } = context.services;
  const results = await store.withTransaction((session) =>
    withDeferredInserts({ store, session }, () =>
      context.services.config.groupedMatchCounts
        ? withGroupedMatchCounts(
            { store, session, domain: context.domain, recordIds: items.map((item) => idOf(item, context)), blockKeys: blockKeysOf(items) },
            () => persistInGroup(items, context, session),
          )
        : persistInGroup(items, context, session),
    ),
  );
  items.forEach((item, index) => (item.result = results[index]));
}

/**
 * The blocking keys of the group's records prepared off the main thread: their block sizes are read once for the
 * group. A key of rules published since is only read in vain; a record prepared here reads its own.
 */
function blockKeysOf(items: WorkItem[]): Set<string> {
  const keys = new Set<string>();
  for (const item of items)
    for (const byRule of item.matchPreparation?.preparation.keysByRule ?? []) for (const key of byRule) keys.add(key);
  return keys;
}

/** The source-record id of an item that passed the earlier stages. */
function idOf(item: WorkItem, context: IngestContext): string {
  return sourceRecordIdOf(context.domain, context.source, item.sourceId as string);
}

/**
 * The group's records one after another in its transaction. The append-only documents each writes — history
 * entries, queued changes, match decisions, audit entries — are inserted together at the group's end (nothing
 * in the group reads them back), one write per collection instead of one per record.
 */
async function persistInGroup(items: WorkItem[], context: IngestContext, session: StoreSession): Promise<RecordResult[]> {
  const { store } = context.services;
  // The published rules once per transaction: it sees one snapshot (MongoDB) or runs alone (the
  // embedded store serialises transactions), so reading them per record could not find another version.
  const rules = await rulesFor({ store, domain: context.domain, session });
  const storedAtStart = await storedIdsOf(items, context, session);
  const named = await namedByNotAMatch({ store, session, recordIds: items.map((item) => idOf(item, context)) });
  // Only source ids neither stored at the start nor seen earlier in the group are known to be absent.
  const seen = new Set<string>();
  const done: RecordResult[] = [];
  for (const [index, item] of items.entries()) {
    if (index > 0 && index % RECORDS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    const id = idOf(item, context);
    const stored = seen.has(id) || storedAtStart.has(id) ? undefined : null;
    seen.add(id);
    done.push(await persistOne({ item, context, session, rules, stored, isNamedByNoNotAMatch: !named.has(id) }));
  }
  return done;
}

/** Persists and matches every item that passed the earlier stages. */
export async function persistItems(items: WorkItem[], context: IngestContext): Promise<void> {
  for (let start = 0; start < items.length; start += GROUP_SIZE) {
    const group = items.slice(start, start + GROUP_SIZE);
    try {
      await persistGroup(group, context);
    } catch {
      for (const item of group) {
        try {
          await persistGroup([item], context);
        } catch (error) {
          context.services.logger.error('ingest: storing a record failed', {
            source: context.source,
            domain: context.domain,
            sourceId: item.sourceId,
            error: error instanceof Error ? error.stack : String(error),
          });
          item.failure = {
            stage: 'persist',
            code: 'PERSIST_FAILED',
            message:
              'The record passed mapping and validation but could not be stored or matched; replay it, and report it if this persists.',
            problems: [],
          };
        }
      }
    }
  }
}
