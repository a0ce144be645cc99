/** Use cases for lookup tables: read for mappings, list/get/save/delete for the API, all audited. */
import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/auditLog';
import { ConflictError, NotFoundError } from '../errors';
import { stableStringify } from '../stableJson';
import type { AppServices } from '../services';
import { DuplicateKeyError, type StoreSession } from '../store/types';
import { LOOKUP_TABLES_COLLECTION } from './collections';
import type { LookupTableDocument } from './types';

type Actor = LookupTableDocument['updatedBy'];

/** Hash of a table's content (key order ignored). */
export function lookupContentHash(table: { description: string; entries: Record<string, unknown> }): string {
  return createHash('sha256')
    .update(stableStringify({ description: table.description, entries: table.entries }))
    .digest('hex');
}

function concurrentTableChange(name: string): ConflictError {
  return new ConflictError(
    'STALE_REVISION',
    `Lookup table "${name}" was changed by someone else at the same moment; reload it and apply your change again.`,
    { current: null },
  );
}

function tables(services: Pick<AppServices, 'store'>) {
  return services.store.collection<LookupTableDocument>(LOOKUP_TABLES_COLLECTION);
}

/** The entries of the named tables, keyed by name; unknown names are left out (the runtime reports LOOKUP_MISSING). */
export async function loadLookupTables(
  services: Pick<AppServices, 'store'>,
  names: string[],
): Promise<Record<string, Record<string, unknown>>> {
  if (names.length === 0) return {};
  const found = await tables(services).find({ _id: { $in: [...new Set(names)] } });
  return Object.fromEntries(found.map((table) => [table._id, table.entries]));
}

/** Every table, by name (entries included: tables are reference data, small by nature). */
export async function listLookupTables(services: Pick<AppServices, 'store'>): Promise<LookupTableDocument[]> {
  return tables(services).find({}, { sort: { _id: 1 } });
}

/** One table, or 404. */
export async function getLookupTable(services: Pick<AppServices, 'store'>, name: string): Promise<LookupTableDocument> {
  const table = await tables(services).findOne({ _id: name });
  if (!table) throw new NotFoundError(`Lookup table "${name}"`);
  return table;
}

/** Creates or replaces a table; `expectedRevision` (when given) must match the stored one (0 = must not exist). */
export async function saveLookupTable(
  services: Pick<AppServices, 'store'>,
  input: {
    name: string;
    description: string;
    entries: Record<string, unknown>;
    expectedRevision?: number;
    actor: Actor;
    origin?: 'api' | 'files';
    fileHash?: string;
  },
): Promise<{ table: LookupTableDocument; isCreated: boolean; isChanged: boolean }> {
  const now = new Date().toISOString();
  const hash = lookupContentHash(input);
  return services.store.withTransaction(async (session) => {
    const current = await tables(services).findOne({ _id: input.name }, { session });
    const currentRevision = current?.revision ?? 0;
    if (input.expectedRevision !== undefined && input.expectedRevision !== currentRevision) {
      throw new ConflictError(
        'STALE_REVISION',
        `Lookup table "${input.name}" was changed by someone else (you sent revision ${input.expectedRevision}, it is now at ${currentRevision}). Reload it and apply your change again.`,
        {
          current: current
            ? {
                name: current._id,
                revision: current.revision,
                description: current.description,
                entries: current.entries,
                updatedAt: current.updatedAt,
                updatedBy: current.updatedBy,
              }
            : null,
        },
      );
    }
    if (current && current.contentHash === hash) {
      if (input.fileHash !== undefined && current.fileHash !== input.fileHash)
        await tables(services).updateOne({ _id: input.name }, { $set: { fileHash: input.fileHash } }, { session });
      return { table: { ...current, fileHash: input.fileHash ?? current.fileHash }, isCreated: false, isChanged: false };
    }
    const table: LookupTableDocument = {
      _id: input.name,
      description: input.description,
      entries: input.entries,
      revision: currentRevision + 1,
      contentHash: hash,
      origin: input.origin ?? 'api',
      updatedAt: now,
      updatedBy: input.actor,
      createdAt: current?.createdAt ?? now,
      ...(input.fileHash !== undefined
        ? { fileHash: input.fileHash }
        : current?.fileHash !== undefined
          ? { fileHash: current.fileHash }
          : {}),
    };
    // Conditional writes keep concurrent saves apart even where transactions are not available.
    if (current) {
      const written = await tables(services).replaceOne({ _id: input.name, revision: current.revision }, table, { session });
      if (written.matchedCount === 0) throw concurrentTableChange(input.name);
    } else {
      try {
        await tables(services).insertOne(table, { session });
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw concurrentTableChange(input.name);
        throw error;
      }
    }
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: current ? 'lookup.update' : 'lookup.create',
      target: { type: 'lookupTable', id: input.name },
      before: current ? { revision: current.revision, description: current.description, entries: current.entries } : undefined,
      after: { revision: table.revision, description: table.description, entries: table.entries, origin: table.origin },
    });
    return { table, isCreated: !current, isChanged: true };
  });
}

/**
 * Who uses a lookup table: the published mappings naming it, read in the deleting transaction. A port
 * passed in by the caller (mappings implement it: `publishedMappingsUsingLookup`), so lookups never
 * import mappings — mappings depend on lookups, one way.
 */
export type LookupUsers = (name: string, session: StoreSession) => Promise<Array<{ source: string; domain: string; direction: string }>>;

/** Deletes a table unless a published mapping uses it (409 LOOKUP_IN_USE naming those mappings). */
export async function deleteLookupTable(
  services: Pick<AppServices, 'store'>,
  input: { name: string; actor: Actor; reason?: string; usersOf: LookupUsers },
): Promise<LookupTableDocument> {
  return services.store.withTransaction(async (session) => {
    const current = await tables(services).findOne({ _id: input.name }, { session });
    if (!current) throw new NotFoundError(`Lookup table "${input.name}"`);
    const users = await input.usersOf(input.name, session);
    if (users.length > 0) {
      const list = users.map((mapping) => `${mapping.source}/${mapping.domain}`).join(', ');
      throw new ConflictError(
        'LOOKUP_IN_USE',
        `Lookup table "${input.name}" is used by the published mapping${users.length > 1 ? 's' : ''} ${list}; publish versions that no longer use it first.`,
        {
          mappings: users.map((mapping) => ({ source: mapping.source, domain: mapping.domain, direction: mapping.direction })),
        },
      );
    }
    await tables(services).deleteOne({ _id: input.name }, { session });
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'lookup.delete',
      target: { type: 'lookupTable', id: input.name },
      before: { revision: current.revision, description: current.description, entries: current.entries },
      reason: input.reason,
    });
    return current;
  });
}
