/**
 * Relationships between golden records that are not merges: packaging levels reported by the
 * matching engine, and parent / remit-to references between source records of one source, resolved
 * through the xref. Stored per source-record pair, so merges and unmerges only re-point golden ids.
 */
import type { Store, StoreSession } from '../store/types';
import { RELATIONSHIPS, SOURCE_RECORDS } from './collections';
import type { SurvivorshipConfig } from './survivorshipConfig';
import type { RelationshipDocument, SourceRecordDocument } from './types';

export interface StoredRelationship extends RelationshipDocument {
  fromSourceRecordId: string;
  toSourceRecordId: string;
}

/** Relationship types the matching engine's hints become. */
const HINT_TYPES: Record<string, string> = { 'packaging-level': 'packaging' };

/** The source record id for a source-local reference, as the xref stores it. */
export function sourceRecordIdOf(domain: string, source: string, sourceId: string): string {
  return `${domain}|${source}|${sourceId}`;
}

async function upsertRelationship(args: {
  store: Store;
  session: StoreSession;
  domain: string;
  type: string;
  from: Pick<SourceRecordDocument, '_id' | 'goldenId'>;
  to: Pick<SourceRecordDocument, '_id' | 'goldenId'>;
  attributes?: Record<string, unknown>;
  at: string;
}): Promise<void> {
  const id = `${args.type}|${args.from._id}|${args.to._id}`;
  await args.store.collection<StoredRelationship>(RELATIONSHIPS).updateOne(
    { _id: id },
    {
      $set: { fromGoldenId: args.from.goldenId, toGoldenId: args.to.goldenId, ...(args.attributes ? { attributes: args.attributes } : {}) },
      $setOnInsert: {
        domain: args.domain,
        type: args.type,
        fromSourceRecordId: args.from._id,
        toSourceRecordId: args.to._id,
        createdAt: args.at,
      },
    },
    { upsert: true, session: args.session },
  );
}

/** Records the relationships of one source record: its references, references to it, and engine hints. */
export async function linkRelationships(args: {
  store: Store;
  session: StoreSession;
  record: SourceRecordDocument;
  config: SurvivorshipConfig;
  hints: ReadonlyArray<{ recordId: string; goldenId: string; relationship: string }>;
  at: string;
}): Promise<void> {
  const { store, session, record } = args;
  const sources = store.collection<SourceRecordDocument>(SOURCE_RECORDS);
  const relationships = store.collection<StoredRelationship>(RELATIONSHIPS);
  for (const reference of args.config.relationships ?? []) {
    const target = record.canonical[reference.attribute];
    const targetId = typeof target === 'string' && target !== '' ? sourceRecordIdOf(record.domain, record.source, target) : null;
    // A changed or removed reference drops the old link.
    await relationships.deleteMany(
      { type: reference.type, fromSourceRecordId: record._id, ...(targetId ? { toSourceRecordId: { $ne: targetId } } : {}) },
      { session },
    );
    if (targetId && targetId !== record._id) {
      const targetRecord = await sources.findOne({ _id: targetId }, { projection: { _id: 1, goldenId: 1 }, session });
      if (targetRecord)
        await upsertRelationship({
          store,
          session,
          domain: record.domain,
          type: reference.type,
          from: record,
          to: targetRecord,
          attributes: { via: reference.attribute },
          at: args.at,
        });
    }
    // Records that arrived earlier and point at this one.
    const referring = await sources.find(
      { domain: record.domain, source: record.source, [`canonical.${reference.attribute}`]: record.sourceId },
      { projection: { _id: 1, goldenId: 1 }, session },
    );
    for (const from of referring) {
      if (from._id !== record._id)
        await upsertRelationship({
          store,
          session,
          domain: record.domain,
          type: reference.type,
          from,
          to: record,
          attributes: { via: reference.attribute },
          at: args.at,
        });
    }
  }
  for (const hint of args.hints) {
    const type = HINT_TYPES[hint.relationship] ?? hint.relationship;
    await upsertRelationship({
      store,
      session,
      domain: record.domain,
      type,
      from: record,
      to: { _id: hint.recordId, goldenId: hint.goldenId },
      attributes: { hint: hint.relationship },
      at: args.at,
    });
  }
}

/** Re-points the relationships of moved source records to their new golden record. */
export async function repointRelationships(args: {
  store: Store;
  session: StoreSession;
  sourceRecordIds: string[];
  goldenId: string;
}): Promise<void> {
  if (args.sourceRecordIds.length === 0) return;
  const relationships = args.store.collection<StoredRelationship>(RELATIONSHIPS);
  await relationships.updateMany(
    { fromSourceRecordId: { $in: args.sourceRecordIds } },
    { $set: { fromGoldenId: args.goldenId } },
    { session: args.session },
  );
  await relationships.updateMany(
    { toSourceRecordId: { $in: args.sourceRecordIds } },
    { $set: { toGoldenId: args.goldenId } },
    { session: args.session },
  );
}

/** Relationships of a golden record with other golden records (links inside one record are hidden). */
export async function relationshipsOf(args: { store: Store; goldenId: string }): Promise<StoredRelationship[]> {
  const collection = args.store.collection<StoredRelationship>(RELATIONSHIPS);
  // Two indexed lookups rather than one $or, which the embedded store would answer with a scan.
  const outgoing = await collection.find({ fromGoldenId: args.goldenId }, { sort: { _id: 1 } });
  const incoming = await collection.find({ toGoldenId: args.goldenId }, { sort: { _id: 1 } });
  return [...outgoing, ...incoming].filter((r) => r.fromGoldenId !== r.toGoldenId);
}
