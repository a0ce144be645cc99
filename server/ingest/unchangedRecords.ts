/**
 * The fast path for unchanged re-sends (the nightly full file): a record whose raw payload was
 * stored before under the same mapping version, lookup tables, canonical schema and pipeline code
 * would be mapped, validated and standardised into the very canonical record already stored, so
 * it is answered `unchanged` from one indexed read per batch — without mapping it again.
 *
 * The stored source record carries `ingestKey`: a hash of domain, source, the ingest fingerprint
 * (what turns a payload into a canonical record) and the payload hash. A mapping that can give
 * different output for the same input ($now, $millis, $random) has no fingerprint, and its
 * records always take the full pipeline, as do replays of exceptions.
 */
import { createHash } from 'node:crypto';
import { SOURCE_RECORDS, sourceRecordIdOf } from '../golden';
import { stableHash } from '../stableJson';
import type { PublishedMapping } from '../mappings';
import type { CanonicalSchema } from '../schemas/canonicalSchemas';
import type { IngestContext, WorkItem } from './types';

/**
 * Bump when validation or standardisation code changes what a payload becomes: records stored
 * before then no longer count as unchanged by their key and take the full pipeline once.
 */
const PIPELINE_REVISION = 1;

/** JSONata built-ins whose result is not a function of the input. */
const NON_DETERMINISTIC = /\$(now|millis|random)\b/;

/** What decides the canonical record of a payload, as one hash; null when the mapping is not deterministic. */
export function ingestFingerprintOf(input: {
  mapping: PublishedMapping;
  lookups: Record<string, Record<string, unknown>>;
  schema: CanonicalSchema;
}): string | null {
  if (NON_DETERMINISTIC.test(input.mapping.expression)) return null;
  return stableHash({
    revision: PIPELINE_REVISION,
    mapping: input.mapping.cacheKey,
    expression: input.mapping.expression,
    lookups: input.lookups,
    schema: input.schema.schema,
  });
}

/** The key stored with a source record: same key ⇔ same payload through the same fingerprint. */
export function ingestKeyOf(input: { domain: string; source: string; fingerprint: string; payloadHash: string }): string {
  return createHash('sha256')
    .update(`${input.domain}\u0000${input.source}\u0000${input.fingerprint}\u0000${input.payloadHash}`)
    .digest('hex')
    .slice(0, 32);
}

/** The ingest key of an item under the context's fingerprint (undefined: none), computed once (persist reuses it). */
export function ingestKeyOfItem(item: WorkItem, context: Pick<IngestContext, 'domain' | 'source' | 'fingerprint'>): string | undefined {
  const { fingerprint } = context;
  if (!fingerprint) return undefined;
  item.ingestKey ??= ingestKeyOf({ domain: context.domain, source: context.source, fingerprint, payloadHash: payloadHashOf(item) });
  return item.ingestKey;
}

/** The payload hash of an item, computed once (persist reuses it). */
export function payloadHashOf(item: WorkItem): string {
  item.payloadHash ??= stableHash(item.raw);
  return item.payloadHash;
}

/** What the unchanged answer reads of a stored source record: fields of the index it is found by. */
type CoveredSourceRecord = {
  _id: string;
  ingestKey: string;
  goldenId: string;
  lastIngest?: { jobId?: string; change?: 'created' | 'updated' };
};

/**
 * Answers the items whose payload is stored unchanged under the current fingerprint (one indexed read
 * for the batch); returns the items so answered. Their results are what the persist stage would give.
 */
export async function answerUnchanged(items: WorkItem[], context: IngestContext): Promise<WorkItem[]> {
  const { fingerprint } = context;
  if (!fingerprint) return [];
  const byKey = new Map<string, WorkItem[]>();
  for (const item of items) {
    if (item.failure || item.result || item.replayOf || item.isRawText) continue;
    const key = ingestKeyOfItem(item, context);
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  if (byKey.size === 0) return [];
  // Covered by the index `ingest_by_unchanged_key_covered` (golden/collections.ts): no source record is read or parsed.
  const stored = await context.services.store
    .collection<CoveredSourceRecord>(SOURCE_RECORDS)
    .find(
      { ingestKey: { $in: [...byKey.keys()] } },
      { projection: { _id: 1, ingestKey: 1, goldenId: 1, 'lastIngest.jobId': 1, 'lastIngest.change': 1 } },
    );
  // The key hashes domain, source and the fingerprint — the mapping's cache key (one per published version) and the
  // schema (its `x-version` included) —, so a record found by it has this context's domain, source, mapping version and
  // schema version: its id is `domain|source|sourceId` (sourceRecordIdOf).
  const idPrefix = sourceRecordIdOf(context.domain, context.source, '');
  const answered: WorkItem[] = [];
  for (const record of stored) {
    if (!record._id.startsWith(idPrefix)) continue;
    const sourceId = record._id.slice(idPrefix.length);
    const last = record.lastIngest;
    for (const item of byKey.get(record.ingestKey) ?? []) {
      item.sourceId = sourceId;
      // A resumed job re-reads records it processed after its last checkpoint: answer as the first time (as persist does).
      item.result =
        context.origin.jobId && last?.jobId === context.origin.jobId && last.change
          ? {
              outcome: 'accepted',
              position: item.position,
              sourceId,
              sourceRecordId: record._id,
              goldenId: record.goldenId,
              change: last.change,
            }
          : {
              outcome: 'unchanged',
              position: item.position,
              sourceId,
              sourceRecordId: record._id,
              goldenId: record.goldenId,
            };
      item.isAnsweredUnchanged = true;
      answered.push(item);
    }
  }
  return answered;
}

/**
 * Items answered up front whose source id an earlier item of the same batch went on to store: at their
 * turn the stored record had already changed, so they must take the full pipeline like any other.
 */
export function overtakenAnswers(items: readonly WorkItem[]): WorkItem[] {
  const storedBefore = new Set<string>();
  const overtaken: WorkItem[] = [];
  for (const item of items) {
    if (item.isAnsweredUnchanged) {
      if (item.sourceId !== undefined && storedBefore.has(item.sourceId)) overtaken.push(item);
    } else if (item.result?.outcome === 'accepted') storedBefore.add(item.result.sourceId);
  }
  return overtaken;
}
