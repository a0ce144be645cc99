/**
 * A bounded cache of parsed documents of one collection (deep-frozen under the tests), so hot documents (match-index entries
 * read as candidates by record after record, block statistics, golden records) are not parsed again on every
 * read. An entry is valid while its text equals the document's current text (the same string in the common
 * case, so the check is a pointer comparison): a write replaces the text, and the stale entry is simply not
 * used. Entries are never handed to callers — readers get copies (documentCopies.ts) — so sharing them is safe.
 * Least recently used entries go first once the cached text exceeds the budget.
 */
import type { Document } from '../types';
import { deepFreeze, isFreezingShared } from './documentCopies';

/**
 * Characters of cached document text per collection (parsed objects take a few times that in memory), from
 * `MDM_STORE_PARSED_CACHE_CHARS` when a collection is first used. Default 0, off: measured on the ingest load
 * (docs/INGEST.md, "Store read/write path"), the old-generation objects a cache keeps cost more garbage
 * collection than the parses it saves; reads then parse privately and hand the result out without a copy.
 */
export function parsedCacheCharacters(setting = process.env.MDM_STORE_PARSED_CACHE_CHARS): number {
  if (setting === undefined || setting === '') return 0;
  const value = Number(setting);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`MDM_STORE_PARSED_CACHE_CHARS must be a whole number of characters (0 or more), got ${JSON.stringify(setting)}`);
  return value;
}

/**
 * Entries are deep-frozen under the test runner (`isFreezingShared`), so a store path that changed a shared document
 * would throw in the tests; in production the walk is skipped, as the store never hands an entry out (readers get
 * copies) and never changes one.
 */
const isFreezing = isFreezingShared;

interface Entry {
  json: string;
  doc: Document;
}

export class ParsedCache {
  private readonly entries = new Map<string, Entry>();
  private characters = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly budget = parsedCacheCharacters()) {}

  /** False when the budget is 0: callers parse documents themselves (and own them). */
  get isEnabled(): boolean {
    return this.budget > 0;
  }

  /** The parsed, frozen form of document `id` whose current text is `json`. */
  parsed(id: string, json: string): Document {
    const entry = this.entries.get(id);
    if (entry !== undefined && entry.json === json) {
      this.hits += 1;
      // Move to the back: most recently used.
      this.entries.delete(id);
      this.entries.set(id, entry);
      return entry.doc;
    }
    this.misses += 1;
    const parsedDoc = JSON.parse(json) as Document;
    const doc = isFreezing ? deepFreeze(parsedDoc) : parsedDoc;
    this.remember(id, json, doc);
    return doc;
  }

  /** The cached form of document `id` if its text is `json`, without caching anything (a version about to be replaced). */
  peek(id: string, json: string): Document | undefined {
    const entry = this.entries.get(id);
    return entry !== undefined && entry.json === json ? entry.doc : undefined;
  }

  /** Caches a document the store parsed or copied itself (a write's private copy); from here on it is shared. */
  remember(id: string, json: string, doc: Document): void {
    if (json.length * 2 > this.budget) return;
    const previous = this.entries.get(id);
    if (previous !== undefined) {
      this.entries.delete(id);
      this.characters -= previous.json.length;
    }
    this.entries.set(id, { json, doc: isFreezing ? deepFreeze(doc) : doc });
    this.characters += json.length;
    if (this.characters <= this.budget) return;
    for (const [oldId, old] of this.entries) {
      if (this.characters <= this.budget) break;
      this.entries.delete(oldId);
      this.characters -= old.json.length;
    }
  }

  /** Drops document `id` (deleted): not required for correctness, it frees the memory early. */
  forget(id: string): void {
    const previous = this.entries.get(id);
    if (previous === undefined) return;
    this.entries.delete(id);
    this.characters -= previous.json.length;
  }

  /** Drops every entry (the collection was emptied). */
  clear(): void {
    this.entries.clear();
    this.characters = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
