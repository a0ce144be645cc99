/**
 * One collection's committed state: documents kept as JSON text (one flat string per document —
 * compact, invisible to the GC's object tracing, and every read is a fresh deep copy by
 * construction) plus its indexes. Writes arrive as change sets that are validated as a whole
 * before any of them is applied, so a unique violation leaves nothing half-applied.
 */
import { DuplicateKeyError } from '../types';
import type { Document, Filter, IndexSpec } from '../types';
import { encodeKeyValue, indexName, IndexState, isIndexableScalar } from './indexState';

export interface Change {
  id: string;
  /** Committed JSON before the change (undefined for an insert). */
  before: string | undefined;
  beforeDoc: Document | undefined;
  /** New version, or null for a delete. */
  after: { json: string; doc: Document } | null;
}

// Beyond this many $in combinations a scan is cheaper than the lookups.
const MAX_LOOKUP_COMBINATIONS = 10_000;

export class CollectionState {
  readonly docs = new Map<string, string>();
  readonly indexes: IndexState[] = [];
  liveBytes = 0;

  constructor(readonly name: string) {}

  hasIndex(spec: IndexSpec): boolean {
    return this.indexes.some((index) => index.name === indexName(spec));
  }

  /** Builds indexes over the current documents; throws DuplicateKeyError (adding none) if a unique one is violated. */
  buildIndexes(specs: IndexSpec[]): void {
    const fresh = specs.filter((spec) => !this.hasIndex(spec)).map((spec) => new IndexState(spec));
    if (fresh.length === 0) return;
    for (const [id, json] of this.docs) {
      const doc = JSON.parse(json) as Document;
      for (const index of fresh) {
        for (const tuple of index.keysOf(doc)) {
          if (index.isUnique) {
            for (const other of index.idsAt(tuple)) if (other !== id) throw new DuplicateKeyError(this.name, index.name, index.describeKey(doc));
          }
          index.add(tuple, id);
        }
      }
    }
    this.indexes.push(...fresh);
  }

  /** Throws DuplicateKeyError if applying `changes` (ids unique within the set) would violate a unique index. */
  validate(changes: Iterable<Change>): void {
    const list = [...changes];
    const changedIds = new Set(list.map((change) => change.id));
    for (const change of list) {
      if (change.before === undefined && change.after && this.docs.has(change.id)) {
        throw new DuplicateKeyError(this.name, '_id_', { _id: change.id });
      }
    }
    for (const index of this.indexes) {
      if (!index.isUnique) continue;
      const claimed = new Map<string, string>();
      for (const change of list) {
        if (!change.after) continue;
        for (const tuple of index.keysOf(change.after.doc)) {
          const joined = tuple.join('\u0000');
          const claimant = claimed.get(joined);
          if (claimant !== undefined && claimant !== change.id) throw new DuplicateKeyError(this.name, index.name, index.describeKey(change.after.doc));
          claimed.set(joined, change.id);
          for (const existing of index.idsAt(tuple)) {
            if (existing !== change.id && !changedIds.has(existing)) throw new DuplicateKeyError(this.name, index.name, index.describeKey(change.after.doc));
          }
        }
      }
    }
  }

  /** Applies validated changes to documents and indexes (cannot fail). */
  apply(changes: Iterable<Change>): void {
    for (const change of changes) {
      const beforeJson = this.docs.get(change.id);
      if (beforeJson !== undefined) {
        const beforeDoc = change.before === beforeJson && change.beforeDoc ? change.beforeDoc : (JSON.parse(beforeJson) as Document);
        for (const index of this.indexes) for (const tuple of index.keysOf(beforeDoc)) index.remove(tuple, change.id);
        this.liveBytes -= beforeJson.length;
      }
      if (change.after) {
        this.docs.set(change.id, change.after.json);
        this.liveBytes += change.after.json.length;
        for (const index of this.indexes) for (const tuple of index.keysOf(change.after.doc)) index.add(tuple, change.id);
      } else this.docs.delete(change.id);
    }
  }

  /** Replay path: stores document text without parsing (indexes are built afterwards). */
  putRaw(id: string, json: string): void {
    const previous = this.docs.get(id);
    if (previous !== undefined) this.liveBytes -= previous.length;
    this.docs.set(id, json);
    this.liveBytes += json.length;
  }

  deleteRaw(id: string): void {
    const previous = this.docs.get(id);
    if (previous === undefined) return;
    this.liveBytes -= previous.length;
    this.docs.delete(id);
  }

  /** Candidate ids for `filter` from `_id` or an index prefix, or undefined when a full scan is needed. */
  plan(filter: Filter): { ids: Iterable<string>; via: string } | undefined {
    const equalities = equalityKeys(filter);
    const idKeys = equalities.get('_id');
    if (idKeys) {
      const ids: string[] = [];
      for (const key of idKeys) if (key.startsWith('s')) ids.push(key.slice(1));
      return { ids, via: '_id_' };
    }
    let best: { index: IndexState; prefix: string[][]; combinations: number } | undefined;
    for (const index of this.indexes) {
      if (!index.coversFilter(filter)) continue;
      const prefix: string[][] = [];
      let combinations = 1;
      for (const field of index.fields) {
        const keys = equalities.get(field);
        if (!keys) break;
        prefix.push(keys);
        combinations *= keys.length;
      }
      if (prefix.length === 0 || combinations > MAX_LOOKUP_COMBINATIONS) continue;
      const isBetter = !best || prefix.length > best.prefix.length || (prefix.length === best.prefix.length && index.isUnique && !best.index.isUnique);
      if (isBetter) best = { index, prefix, combinations };
    }
    if (!best) return undefined;
    // Lazy, so a findOne or a small limit stops after the first few candidates.
    return { ids: distinct(best.index.idsForPrefix(best.prefix)), via: best.index.name };
  }
}

function* distinct(ids: Iterable<string>): Generator<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    yield id;
  }
}

/** Fields constrained to a finite set of scalars (`f: v`, `f: { $eq: v }`, `f: { $in: [...] }`, also inside `$and`). */
function equalityKeys(filter: Filter): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (clause: Filter): void => {
    for (const [field, condition] of Object.entries(clause)) {
      if (field === '$and' && Array.isArray(condition)) {
        for (const part of condition) if (part && typeof part === 'object') visit(part as Filter);
        continue;
      }
      if (field.startsWith('$')) continue;
      let values: unknown[] | undefined;
      if (isIndexableScalar(condition)) values = [condition];
      else if (condition && typeof condition === 'object' && !Array.isArray(condition) && !(condition instanceof RegExp)) {
        const operators = condition as Record<string, unknown>;
        if ('$eq' in operators && isIndexableScalar(operators.$eq)) values = [operators.$eq];
        else if (Array.isArray(operators.$in) && operators.$in.every(isIndexableScalar)) values = operators.$in;
      }
      // A field constrained twice keeps the first set; both are re-checked by mingo.
      if (values && !out.has(field)) out.set(field, [...new Set(values.map(encodeKeyValue))]);
    }
  };
  visit(filter);
  return out;
}
