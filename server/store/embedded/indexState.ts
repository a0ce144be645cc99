/**
 * In-memory secondary indexes: nested hash maps, one level per indexed field, leaves holding the
 * documents under that key tuple as a posting of document ordinals (postings.ts: one bare ordinal —
 * the common case —, a small packed string, or a compact large posting); ids are translated from ordinals
 * only where the index is read (`OrdinalSource`, the collection's document table). They answer
 * equality / `$in` lookups on any prefix of the index fields, and — through an ordered key list
 * per map, built on first use (`orderedKeys.ts`) — ranges and sorts on the field after an
 * equality prefix. The filter re-checks every candidate anyway, so an index only has to return a
 * superset of the matches.
 */
import { Query } from 'mingo';
import { present } from '../../invariant';
import type { Document, Filter, IndexSpec } from '../types';
import { copyParsed } from './documentCopies';
import { flatString } from './flatString';
import { compareEncodedKeys, compareStrings, OrderedKeys } from './orderedKeys';
import type { KeyBound, KeySource } from './orderedKeys';
import type { OrdinalSource, Posting } from './postings';
import {
  addToPosting,
  LargePosting,
  postingHas,
  postingOf,
  postingOrdinals,
  postingToArray,
  PrivateOrdinals,
  removeFromPosting,
} from './postings';

type Child = IndexNode | Posting;

/**
 * A level below the first that holds one key: two fields instead of a `Map` (~40 bytes against ~180 with its hash
 * table). Most levels of a compound index whose leading field is (nearly) unique are such — `{ goldenId, at }`,
 * `{ target.type, target.id, at }`, `{ domain, goldenId }`: one per document and index. It becomes a `Map` when a
 * second key arrives (`setChild`), and is pruned like a Map when its key goes.
 */
class SingleKeyNode implements KeySource {
  constructor(
    public key: string | undefined,
    public child: Child | undefined,
  ) {}

  get size(): number {
    return this.key === undefined ? 0 : 1;
  }

  has(key: string): boolean {
    return key === this.key;
  }

  get(key: string): Child | undefined {
    return key === this.key ? this.child : undefined;
  }

  *keys(): IterableIterator<string> {
    if (this.key !== undefined) yield this.key;
  }

  *values(): IterableIterator<Child> {
    if (this.child !== undefined) yield this.child;
  }

  *[Symbol.iterator](): IterableIterator<[string, Child]> {
    if (this.key !== undefined && this.child !== undefined) yield [this.key, this.child];
  }
}

type IndexNode = Map<string, Child> | SingleKeyNode;

function isNode(value: Child | undefined): value is IndexNode {
  return value instanceof Map || value instanceof SingleKeyNode;
}

/** Sets `key` in `node`; returns the node its parent must hold (a single-key node becomes a Map at a second key). */
function setChild(node: IndexNode, key: string, child: Child): IndexNode {
  if (node instanceof Map) {
    node.set(key, child);
    return node;
  }
  if (node.key === undefined || node.key === key) {
    // An equal key keeps the string already stored (it may be shared with other indexes, see sharingKeys).
    node.key ??= key;
    node.child = child;
    return node;
  }
  return new Map<string, Child>([
    [node.key, present(node.child, 'the child of a single-key index level')],
    [key, child],
  ]);
}

function deleteChild(node: IndexNode, key: string): void {
  if (node instanceof Map) node.delete(key);
  else if (node.key === key) {
    node.key = undefined;
    node.child = undefined;
  }
}

// MongoDB refuses compound keys over two arrays; this bound stops a pathological document from exploding.
const MAX_KEYS_PER_DOCUMENT = 10_000;

/** Keys of the whole numbers 0…1023 (versions, counts, ranks): one string each, not one per index entry. */
const SMALL_NUMBER_KEYS = Array.from({ length: 1024 }, (_, value) => 'n' + String(value));

/** True when two key lists of one index level (each distinct) hold the same keys in the same order. */
function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** The keys of `keys` that `others` lacks, in `keys`' order (a Set only for long lists: most levels hold one key). */
function keysMissingFrom(keys: string[], others: string[]): string[] {
  if (others.length <= 8) return keys.filter((key) => !others.includes(key));
  const otherSet = new Set(others);
  return keys.filter((key) => !otherSet.has(key));
}

/** Encodes one scalar value as an index key; type-tagged so 1 and "1" differ, as in MongoDB. */
export function encodeKeyValue(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return (Number.isInteger(value) && value >= 0 && value < 1024 ? SMALL_NUMBER_KEYS[value] : undefined) ?? 'n' + String(value);
    case 'boolean':
      return value ? 'b1' : 'b0';
    default:
      return 'o' + JSON.stringify(value);
  }
}

/** The index keys stored so far by the commit being applied, by content (see `sharingKeys`). */
let sharedKeys: Map<string, string> | undefined;

/**
 * Runs `work` — a commit applying its changes to the collections it touched — with one table of the index keys it
 * stores, so a key that several indexes store in that commit is one string instead of a copy per index: an ingest
 * group's golden id is a key of eight indexes in five collections, its timestamp of eleven (heap snapshot at the end of
 * a 30k-into-30k load: 1.09M such extra copies, 48 MiB of the 694 MiB live heap; docs/INGEST.md "Peak memory of the
 * 100k run"). Only keys new to an index level are looked up (the others are not stored again); the table is dropped
 * when the commit has been applied.
 */
export function sharingKeys<T>(work: () => T): T {
  if (sharedKeys) return work();
  sharedKeys = new Map();
  try {
    return work();
  } finally {
    sharedKeys = undefined;
  }
}

/**
 * The string an index level stores for a key new to it: the commit's instance of `key` (see `sharingKeys`), made a
 * flat string when it is the first (an encoded key is `'s' + value`, a cons string: see flatString.ts).
 */
function sharedKey(key: string): string {
  if (!sharedKeys) return flatString(key);
  const found = sharedKeys.get(key);
  if (found !== undefined) return found;
  const stored = flatString(key);
  sharedKeys.set(stored, stored);
  return stored;
}

/** True for values an equality lookup can use as an index key. */
export function isIndexableScalar(value: unknown): boolean {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * All values at a dotted path, descending into arrays like MongoDB multikey indexes do. Missing
 * counts as null for index keys (`isMissingNull`, the default) and is skipped for `distinct`.
 */
export function valuesAtPath(
  document: unknown,
  path: string | string[],
  options: { isMissingNull: boolean } = { isMissingNull: true },
): unknown[] {
  const out: unknown[] = [];
  collect(document, typeof path === 'string' ? path.split('.') : path, 0, out);
  if (!options.isMissingNull) return out.filter((value) => value !== MISSING);
  const values = out.map((value) => (value === MISSING ? null : value));
  return values.length === 0 ? [null] : values;
}

const MISSING = Symbol('missing');

function collect(current: unknown, parts: string[], depth: number, out: unknown[]): void {
  if (depth === parts.length) {
    if (Array.isArray(current)) {
      // An empty array is stored under the null key: a superset for `{ field: null }` lookups.
      if (current.length === 0) out.push(MISSING);
      else for (const element of current) out.push(element);
    } else out.push(current);
    return;
  }
  // Missing along the path counts as null, like MongoDB: `{ 'a.b': null }` matches `{ a: [{ c: 1 }] }`.
  if (current === null || typeof current !== 'object') {
    out.push(MISSING);
    return;
  }
  const part = present(parts[depth], 'a part of an index field path');
  if (Array.isArray(current)) {
    if (/^\d+$/.test(part) && Number(part) < current.length) collect(current[Number(part)], parts, depth + 1, out);
    for (const element of current)
      if (element !== null && typeof element === 'object' && !Array.isArray(element)) collect(element, parts, depth, out);
    return;
  }
  const next = (current as Record<string, unknown>)[part];
  if (next === undefined) {
    out.push(MISSING);
    return;
  }
  collect(next, parts, depth + 1, out);
}

/** Returned by `scalarAlongPath` when an array occurs along the path (the multikey case, left to `valuesAtPath`). */
const ALONG_AN_ARRAY = Symbol('along an array');

/**
 * The one value at `path` when no array occurs along it (missing counts as null, as in `valuesAtPath`), else
 * `ALONG_AN_ARRAY`: the common case of an index field — a scalar at a plain path — without the two arrays
 * `valuesAtPath` builds for it, on every index write of every document.
 */
function scalarAlongPath(document: unknown, path: string[]): unknown {
  let current = document;
  for (const part of path) {
    if (Array.isArray(current)) return ALONG_AN_ARRAY;
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[part];
    if (current === undefined) return null;
  }
  return Array.isArray(current) ? ALONG_AN_ARRAY : current;
}

/** Default index name, as MongoDB derives it (`a_1_b_-1`). */
export function indexName(spec: IndexSpec): string {
  return (
    spec.name ??
    Object.entries(spec.keys)
      .map(([field, direction]) => `${field}_${direction}`)
      .join('_')
  );
}

/**
 * An index's entries as one flat list, in the order of its hash maps: per leaf, one key per index field
 * followed by the ids under that key tuple (one id, or an array when several share it). Taken in one
 * synchronous step, so it is the index exactly as of that moment (strings are shared, not copied).
 */
export interface IndexImage {
  name: string;
  multikey: boolean[];
  hasObjectKeys: boolean[];
  leaves: Array<string | string[]>;
}

/** Thrown when an index image's entries are not of the expected shape. */
export class IndexImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndexImageError';
  }
}

export class IndexState {
  readonly name: string;
  readonly fields: string[];
  private readonly fieldPaths: string[][];
  readonly isUnique: boolean;
  private readonly partial: Query | undefined;
  /** The first level (always a Map; the levels below start as single-key nodes). */
  private readonly root = new Map<string, Child>();
  /** Where postings' ordinals come from and ids are looked up (the collection's document table, see postings.ts). */
  private ordinals: OrdinalSource;
  private readonly ordered = new WeakMap<IndexNode, OrderedKeys>();
  /** Per field: some document had an array along its path (sorting by it then needs mingo's array order). */
  readonly multikey: boolean[];
  /** Per field: some key is an object (ordered differently from mingo's object order). */
  readonly hasObjectKeys: boolean[];
  /**
   * True when the last field is `_id` after at least one other (`{ domain, _id }`, `{ correlationId, _id }`): that level
   * is implicit. Its key is always the document's own id (`'s' + _id`: `_id` is a non-empty string in this store), so
   * the level above holds the posting of the documents under its prefix — as if the index ended one field earlier —
   * and a key of the implicit level is derived from an ordinal (`'s' + idAt(ordinal)`) where one is read. This drops a
   * key string (~60 B) and a hash-table slot or single-key node (~40 B) per document and index (docs/INGEST.md "Peak
   * memory, session 20"). Reads see the same entries in the same order: a posting keeps insertion order as the level's
   * `Map` did, and ordered walks over the level go by id (`'s' + a` orders as `a`).
   */
  private readonly isIdLast: boolean;
  /** The levels held as maps and postings: all fields, or all but the implicit `_id` level. */
  private readonly storedDepth: number;
  /** Ordered views of the large postings of the implicit `_id` level (by id), built on the first ordered walk. */
  private readonly orderedIds = new WeakMap<LargePosting, OrderedKeys>();

  constructor(
    readonly spec: IndexSpec,
    /** The collection's document table (its documents' ordinals); by default ordinals of the index's own. */
    ordinals?: OrdinalSource,
    /** The compiled partial filter of a twin's original (compiling a mingo Query is not cheap). */
    sharedPartial?: Query,
  ) {
    this.ordinals = ordinals ?? new PrivateOrdinals();
    this.name = indexName(spec);
    this.fields = Object.keys(spec.keys);
    this.fieldPaths = this.fields.map((field) => field.split('.'));
    this.isUnique = spec.unique === true;
    this.partial = sharedPartial ?? (spec.partial ? new Query(spec.partial) : undefined);
    this.multikey = this.fields.map(() => false);
    this.hasObjectKeys = this.fields.map(() => false);
    this.isIdLast = this.fields.length >= 2 && this.fields[this.fields.length - 1] === '_id';
    this.storedDepth = this.isIdLast ? this.fields.length - 1 : this.fields.length;
  }

  /** An empty index of the same spec (a transaction overlay's twin, see overlay.ts), with ordinals of its own. */
  emptyTwin(): IndexState {
    return new IndexState(this.spec, undefined, this.partial);
  }

  /** Takes ordinals from `ordinals` from now on (only while empty: an index restored into a collection's table). */
  useOrdinals(ordinals: OrdinalSource): void {
    if (this.root.size > 0) throw new Error(`index ${this.name}: its ordinals can only change while it is empty`);
    this.ordinals = ordinals;
  }

  /**
   * The encoded keys a document contributes, per index field (each list distinct); undefined when a partial
   * filter excludes it. Its tuples are the cartesian product of the lists. Also notes multikey and object keys.
   */
  keyLevels(document: Document, depth = this.fieldPaths.length): string[][] | undefined {
    if (this.partial && !this.partial.test(document)) return undefined;
    const levels: string[][] = [];
    let tuples = 1;
    for (let level = 0; level < depth; level++) {
      const path = present(this.fieldPaths[level], 'the field path of an index level');
      const scalar = scalarAlongPath(document, path);
      let encoded: string[];
      if (scalar !== ALONG_AN_ARRAY) encoded = [encodeKeyValue(scalar)];
      else {
        const values = valuesAtPath(document, path);
        if (values.length === 1) encoded = [encodeKeyValue(values[0])];
        else {
          const distinct = new Set<string>();
          for (const value of values) distinct.add(encodeKeyValue(value));
          encoded = [...distinct];
        }
        // An array occurs along the path, so the field is multikey (as MongoDB marks an index).
        this.multikey[level] = true;
      }
      if (!this.hasObjectKeys[level]) for (const key of encoded) if (key.charCodeAt(0) === 111 /* 'o' */) this.hasObjectKeys[level] = true;
      tuples *= encoded.length;
      if (tuples > MAX_KEYS_PER_DOCUMENT)
        throw new Error(`document ${document._id} produces more than ${MAX_KEYS_PER_DOCUMENT} keys for index ${this.name}`);
      levels.push(encoded);
    }
    return levels;
  }

  /** Key tuples (encoded) a document contributes; empty when a partial filter excludes it. */
  keysOf(document: Document): string[][] {
    const levels = this.keyLevels(document);
    if (!levels) return [];
    let tuples: string[][] = present(levels[0], 'the first key level').map((key) => [key]);
    for (let level = 1; level < levels.length; level++) {
      const next: string[][] = [];
      const keys = present(levels[level], 'a key level');
      for (const tuple of tuples) for (const key of keys) next.push([...tuple, key]);
      tuples = next;
    }
    return tuples;
  }

  /**
   * Adds every key tuple of a document in one walk of the maps: a shared prefix (`domain` of a multikey
   * `{ domain, terms }` index) is looked up once per document, not once per key, and no tuple is built.
   */
  addDocument(document: Document, id: string): void {
    // The implicit `_id` level's key is not made at all (see isIdLast).
    const levels = this.keyLevels(document, this.storedDepth);
    if (levels) this.addAt(this.root, levels, 0, this.ordinals.ordinalFor(id));
  }

  /** Removes every key tuple of a document (the document as it was indexed), pruning emptied maps. */
  removeDocument(document: Document, id: string): void {
    const levels = this.keyLevels(document, this.storedDepth);
    if (!levels) return;
    const ordinal = this.ordinals.ordinalOf(id);
    if (ordinal !== undefined) this.removeAt(this.root, levels, 0, ordinal);
  }

  /**
   * Moves a document's entries from its indexed version `before` to `after` (an update), touching only the keys that
   * changed: when every key is the same — most indexes of an updated document: its domain, its status, its foreign
   * keys — nothing is done, and when the keys differ in one field only — a multikey field such as search terms or
   * blocking keys, where a few of ~60 change — only the removed keys are unlinked and only the new ones added. An
   * unchanged entry keeps its place in its posting and its key its place in its level, as a MongoDB index keeps an
   * updated document's unchanged entries (before, every entry was removed and re-appended: a large posting's slot
   * tombstoned and its log grown per key, a key of a one-document level deleted and re-inserted, and the garbage of
   * it). Otherwise — keys that differ in two or more fields, or a partial filter that now excludes or includes the
   * document — all of `before`'s entries are removed and all of `after`'s added, as before.
   */
  replaceDocument(before: Document, after: Document, id: string): void {
    const beforeLevels = this.keyLevels(before, this.storedDepth);
    const afterLevels = this.keyLevels(after, this.storedDepth);
    if (!beforeLevels || !afterLevels) {
      const ordinal = this.ordinals.ordinalOf(id);
      if (beforeLevels && ordinal !== undefined) this.removeAt(this.root, beforeLevels, 0, ordinal);
      if (afterLevels) this.addAt(this.root, afterLevels, 0, this.ordinals.ordinalFor(id));
      return;
    }
    let differing = -1;
    for (let level = 0; level < afterLevels.length; level++) {
      if (sameKeys(present(beforeLevels[level], 'a key level'), present(afterLevels[level], 'a key level'))) continue;
      if (differing >= 0) {
        differing = -2;
        break;
      }
      differing = level;
    }
    if (differing === -1) return;
    const ordinal = this.ordinals.ordinalFor(id);
    if (differing === -2) {
      this.removeAt(this.root, beforeLevels, 0, ordinal);
      this.addAt(this.root, afterLevels, 0, ordinal);
      return;
    }
    // The tuples are the product of the levels, so with every other level equal the removed tuples are the prefix ×
    // the keys only `before` has at this level × the suffix, and the added ones likewise.
    const beforeKeys = present(beforeLevels[differing], 'a key level');
    const afterKeys = present(afterLevels[differing], 'a key level');
    const removed = keysMissingFrom(beforeKeys, afterKeys);
    const added = keysMissingFrom(afterKeys, beforeKeys);
    if (removed.length > 0) {
      beforeLevels[differing] = removed;
      this.removeAt(this.root, beforeLevels, 0, ordinal);
    }
    if (added.length > 0) {
      afterLevels[differing] = added;
      this.addAt(this.root, afterLevels, 0, ordinal);
    }
  }

  /** Adds an ordinal under every key combination below `node`; returns the node its parent must hold (see setChild). */
  private addAt(node: IndexNode, levels: string[][], level: number, id: number): IndexNode {
    const keys = present(levels[level], 'the keys of an index level');
    let current = node;
    if (level === levels.length - 1) {
      for (const key of keys) {
        const leaf = current.get(key) as Posting | undefined;
        if (leaf === undefined) {
          const stored = sharedKey(key);
          current = setChild(current, stored, id);
          this.ordered.get(current)?.added(stored);
          continue;
        }
        const updated = addToPosting(leaf, id);
        if (updated !== leaf) current = setChild(current, key, updated);
        // A duplicate is harmless: an ordered view keeps equal keys once.
        else if (this.isIdLast && updated instanceof LargePosting) this.orderedIds.get(updated)?.added(this.idOf(id));
      }
      return current;
    }
    for (const key of keys) {
      const child = current.get(key) as IndexNode | undefined;
      if (!child) {
        const stored = sharedKey(key);
        current = setChild(current, stored, this.addAt(new SingleKeyNode(undefined, undefined), levels, level + 1, id));
        this.ordered.get(current)?.added(stored);
        continue;
      }
      const updated = this.addAt(child, levels, level + 1, id);
      if (updated !== child) current = setChild(current, key, updated);
    }
    return current;
  }

  private removeAt(node: IndexNode, levels: string[][], level: number, id: number): void {
    const keys = present(levels[level], 'the keys of an index level');
    if (level === levels.length - 1) {
      for (const key of keys) {
        const leaf = node.get(key) as Posting | undefined;
        if (leaf === undefined) continue;
        if (this.isIdLast && leaf instanceof LargePosting) this.orderedIds.get(leaf)?.removed();
        const updated = removeFromPosting(leaf, id);
        if (updated === undefined) {
          deleteChild(node, key);
          this.ordered.get(node)?.removed();
        }
        // The key stays, so this never turns a single-key node into a Map.
        else if (updated !== leaf) setChild(node, key, updated);
      }
      return;
    }
    for (const key of keys) {
      const child = node.get(key) as IndexNode | undefined;
      if (!child) continue;
      this.removeAt(child, levels, level + 1, id);
      // Drop emptied levels so deleted keys do not leak memory.
      if (child.size === 0) {
        deleteChild(node, key);
        this.ordered.get(node)?.removed();
      }
    }
  }

  /** Removes every entry at once (a whole-collection delete; the per-field flags stay, they only go from false to true). */
  clear(): void {
    this.root.clear();
    this.ordered.delete(this.root);
  }

  /** The entries as of now (see IndexImage); the id strings are the document table's. */
  image(): IndexImage {
    const leaves: Array<string | string[]> = [];
    for (const chunk of this.imageChunks(Number.POSITIVE_INFINITY)) leaves.push(...chunk);
    return { name: this.name, multikey: [...this.multikey], hasObjectKeys: [...this.hasObjectKeys], leaves };
  }

  /**
   * The entries in chunks of up to `leavesPerChunk` leaves (IndexImage's `leaves` layout), walking the live maps: a
   * compaction writes its index image from this in steps while writes go on (docs/STORAGE.md "Session 17"). Read
   * between writes, a chunk may hold an entry of any version a document had meanwhile (an ordinal no document holds
   * any more is left out), but every entry present throughout the walk is in it: Map iterators visit every entry
   * present until their turn, a single-key level that became a Map keeps its key and child, a posting is read whole at
   * its turn, and a level is removed only when no entry is left below it. Read in one go it is the index exactly.
   */
  *imageChunks(leavesPerChunk: number): Generator<Array<string | string[]>, void> {
    const depth = this.storedDepth;
    const isIdLast = this.isIdLast;
    const ordinals = this.ordinals;
    const keys: string[] = [];
    let chunk: Array<string | string[]> = [];
    let count = 0;
    const idsOf = (posting: Posting): string | string[] | undefined => {
      if (typeof posting === 'number') return this.ordinals.idAt(posting);
      const ids: string[] = [];
      for (const ordinal of postingToArray(posting)) {
        const id = this.ordinals.idAt(ordinal);
        if (id !== undefined) ids.push(id);
      }
      return ids.length === 0 ? undefined : ids.length === 1 ? ids[0] : ids;
    };
    function* walk(node: IndexNode, level: number): Generator<Array<string | string[]>, void> {
      for (const [key, child] of node) {
        if (level + 1 < depth) {
          keys[level] = key;
          yield* walk(child as IndexNode, level + 1);
          continue;
        }
        if (isIdLast) {
          // The implicit `_id` level is written out as the index's last field, as before it was implicit: one leaf a
          // document (the image format does not change, and images of either kind restore into either).
          for (const ordinal of postingOrdinals(child as Posting)) {
            const id = ordinals.idAt(ordinal);
            if (id === undefined) continue;
            for (let l = 0; l < level; l++) chunk.push(present(keys[l], 'a key on the walked path'));
            chunk.push(key, 's' + id, id);
            if (++count < leavesPerChunk) continue;
            yield chunk;
            chunk = [];
            count = 0;
          }
          continue;
        }
        const ids = idsOf(child as Posting);
        if (ids === undefined) continue;
        for (let l = 0; l < level; l++) chunk.push(present(keys[l], 'a key on the walked path'));
        chunk.push(key, ids);
        if (++count < leavesPerChunk) continue;
        yield chunk;
        chunk = [];
        count = 0;
      }
    }
    yield* walk(this.root, 0);
    if (chunk.length > 0) yield chunk;
  }

  /** The id of an ordinal the index holds (its source always knows it: entries leave before their document does). */
  private idOf(ordinal: number): string {
    return present(this.ordinals.idAt(ordinal), 'the document of an index entry');
  }

  /**
   * Adds the leaves of an image chunk whose ids are ordinals into `ids` (see indexImage.ts). Only for an index
   * being restored at start-up: no ordered key lists exist yet, and nothing is checked for uniqueness. An image
   * ordinal is a position in the snapshot, translated to the document's ordinal in this index's source; a document
   * the source no longer holds (deleted since the snapshot) is left out — the restored index is brought up to date
   * for such documents afterwards anyway (CollectionState.reindexTouched). Entries of the snapshot positions flagged in
   * `skip` (documents written since the snapshot) are left out too: the image may hold any version such a document
   * had while it was walked, and reindexTouched adds its current one.
   */
  restoreLeaves(leaves: unknown[], ids: readonly string[], skip?: Uint8Array): void {
    const stride = this.fields.length + 1;
    // The levels held as maps: an implicit `_id` level's leaves are merged into the posting of their prefix.
    const depth = this.storedDepth;
    if (leaves.length % stride !== 0)
      throw new IndexImageError(`index ${this.name}: ${leaves.length} values is not a whole number of entries`);
    const source = this.ordinals;
    const ordinalAt = (position: unknown): number | undefined => {
      const id = typeof position === 'number' ? ids[position] : undefined;
      if (id === undefined) throw new IndexImageError(`index ${this.name}: document number ${String(position)} does not exist`);
      // A document written since the snapshot: its entries may be of a version it had while the image was walked.
      if (skip?.[position as number] === 1) return undefined;
      // A table loaded from the snapshot gives its documents the snapshot's positions as ordinals: check that first.
      if (source.idAt(position as number) === id) return position as number;
      return source instanceof PrivateOrdinals ? source.ordinalFor(id) : source.ordinalOf(id);
    };
    const restoredPosting = (value: unknown): Posting | undefined => {
      if (!Array.isArray(value)) return ordinalAt(value);
      const ordinals: number[] = [];
      for (const position of value) {
        const ordinal = ordinalAt(position);
        if (ordinal !== undefined) ordinals.push(ordinal);
      }
      // Built once: adding one by one would copy a packed posting at every entry.
      return postingOf(ordinals);
    };
    // Leaves arrive in map order, so consecutive ones share their leading keys: keep the last path.
    const pathKeys: string[] = [];
    const pathNodes: IndexNode[] = [this.root];
    // Sets a child of the node at `level` on the path; a node that became a Map replaces itself in its parent.
    const setOnPath = (level: number, key: string, child: Child): void => {
      const node = present(pathNodes[level], 'a node on the restored path');
      const updated = setChild(node, key, child);
      if (updated === node) return;
      pathNodes[level] = updated;
      setChild(present(pathNodes[level - 1], 'the parent of a restored node'), present(pathKeys[level - 1], 'its key'), updated);
    };
    for (let at = 0; at < leaves.length; at += stride) {
      if (this.isIdLast) this.checkOwnIdLeaf(leaves[at + depth], leaves[at + depth + 1], ids);
      let posting = restoredPosting(leaves[at + stride - 1]);
      // A key whose documents are all gone since the snapshot: nothing to store (no empty path either).
      if (posting === undefined) continue;
      let level = 0;
      while (level < depth - 1 && pathKeys[level] === leaves[at + level]) level++;
      for (; level < depth - 1; level++) {
        const key = leaves[at + level];
        if (typeof key !== 'string') throw new IndexImageError(`index ${this.name}: a key is not a string`);
        let child = present(pathNodes[level], 'the parent node of an image key').get(key) as IndexNode | undefined;
        if (!child) {
          child = new SingleKeyNode(undefined, undefined);
          setOnPath(level, key, child);
        }
        pathKeys[level] = key;
        pathNodes[level + 1] = child;
      }
      const last = leaves[at + depth - 1];
      if (typeof last !== 'string') throw new IndexImageError(`index ${this.name}: a key is not a string`);
      if (this.isIdLast) {
        const held = present(pathNodes[depth - 1], 'the node of a restored posting').get(last) as Posting | undefined;
        if (held !== undefined) {
          let merged: Posting = held;
          for (const ordinal of postingOrdinals(posting)) merged = addToPosting(merged, ordinal);
          posting = merged;
        }
      }
      setOnPath(depth - 1, last, posting);
    }
  }

  /** Checks that an image leaf of the implicit `_id` level is keyed by its one document's own id (`'s' + _id`). */
  private checkOwnIdLeaf(key: unknown, position: unknown, ids: readonly string[]): void {
    const id = typeof position === 'number' ? ids[position] : undefined;
    if (typeof key !== 'string' || id === undefined || key.length !== id.length + 1 || key.charCodeAt(0) !== 115 || !key.endsWith(id))
      throw new IndexImageError(`index ${this.name}: an _id entry is not keyed by its document's own id`);
  }

  /** Sets the per-field flags saved with an image (they only ever go from false to true). */
  restoreFlags(image: { multikey: unknown; hasObjectKeys: unknown }): void {
    const flags = (value: unknown, what: string): boolean[] => {
      if (!Array.isArray(value) || value.length !== this.fields.length || value.some((flag) => typeof flag !== 'boolean'))
        throw new IndexImageError(`index ${this.name}: ${what} flags do not fit its ${this.fields.length} fields`);
      return value as boolean[];
    };
    flags(image.multikey, 'multikey').forEach((flag, level) => (this.multikey[level] ||= flag));
    flags(image.hasObjectKeys, 'object-key').forEach((flag, level) => (this.hasObjectKeys[level] ||= flag));
  }

  /** Raw field values behind an encoded tuple, for DuplicateKeyError messages. */
  describeKey(document: Document): Record<string, unknown> {
    return Object.fromEntries(
      this.fields.map((field) => {
        // A copy: the document may be a shared, frozen one (parsedCache.ts).
        const values = copyParsed(valuesAtPath(document, field));
        return [field, values.length === 1 ? values[0] : values];
      }),
    );
  }

  add(tuple: string[], id: string): void {
    this.addAt(
      this.root,
      tuple.slice(0, this.storedDepth).map((key) => [key]),
      0,
      this.ordinals.ordinalFor(id),
    );
  }

  remove(tuple: string[], id: string): void {
    const ordinal = this.ordinals.ordinalOf(id);
    if (ordinal === undefined) return;
    this.removeAt(
      this.root,
      tuple.slice(0, this.storedDepth).map((key) => [key]),
      0,
      ordinal,
    );
  }

  /** Ids stored under a full key tuple (for uniqueness checks). */
  idsAt(tuple: string[]): string[] {
    let node: Child | undefined = this.root;
    for (const key of tuple.slice(0, this.storedDepth)) {
      if (!isNode(node)) return [];
      node = node.get(key);
    }
    if (node === undefined || isNode(node)) return [];
    if (this.isIdLast) {
      const id = this.ownIdIn(node, tuple[this.storedDepth]);
      return id === undefined ? [] : [id];
    }
    return typeof node === 'number' ? [this.idOf(node)] : postingToArray(node).map((ordinal) => this.idOf(ordinal));
  }

  /**
   * The ids of a posting, lazily: translated one at a time as they are read, so a paused reader gets the id an
   * ordinal has when it reads it (one removed since is skipped; see postings.ts on paused iterations).
   */
  private *postingIds(posting: Posting): Generator<string> {
    for (const ordinal of postingOrdinals(posting)) {
      const id = this.ordinals.idAt(ordinal);
      if (id !== undefined) yield id;
    }
  }

  /**
   * The id a key of the implicit `_id` level (`'s' + _id`) stands for, if that document is in `posting`; the table's
   * own string is returned.
   */
  private ownIdIn(posting: Posting, key: string | undefined): string | undefined {
    if (key === undefined || key.charCodeAt(0) !== 115 /* 's' */) return undefined;
    const ordinal = this.ordinals.ordinalOf(key.slice(1));
    return ordinal !== undefined && postingHas(posting, ordinal) ? this.ordinals.idAt(ordinal) : undefined;
  }

  /** Lazily yields every id under each prefix combination (one key list per leading field); may repeat ids. */
  *idsForPrefix(prefixKeys: string[][]): Generator<string> {
    const postingIds = (posting: Posting): Generator<string> => this.postingIds(posting);
    const ownIdIn = (posting: Posting, key: string): string | undefined => this.ownIdIn(posting, key);
    function* walk(node: Child, level: number): Generator<string> {
      if (!isNode(node)) {
        // Only below an implicit `_id` level can the prefix go on past a posting: its keys name documents in it.
        if (level < prefixKeys.length)
          for (const key of present(prefixKeys[level], 'the keys of a prefix level')) {
            const id = ownIdIn(node, key);
            if (id !== undefined) yield id;
          }
        else yield* postingIds(node);
      } else if (level < prefixKeys.length) {
        for (const key of present(prefixKeys[level], 'the keys of a prefix level')) {
          const child = node.get(key);
          if (child !== undefined) yield* walk(child, level + 1);
        }
      } else for (const child of node.values()) yield* walk(child, level + 1);
    }
    yield* walk(this.root, 0);
  }

  /**
   * Every entry under each prefix combination with its stored keys (one encoded key per stored level, the implicit `_id`
   * level not included) and its id, for reads answered from the index alone (coveredRead.ts). A multikey document may
   * come once per tuple.
   */
  *entriesForPrefix(prefixKeys: string[][]): Generator<{ keys: string[]; id: string }> {
    const keys: string[] = [];
    const postingIds = (posting: Posting): Generator<string> => this.postingIds(posting);
    const ownIdIn = (posting: Posting, key: string): string | undefined => this.ownIdIn(posting, key);
    function* walk(node: Child, level: number): Generator<{ keys: string[]; id: string }> {
      if (!isNode(node)) {
        if (level < prefixKeys.length)
          for (const key of present(prefixKeys[level], 'the keys of a prefix level')) {
            const id = ownIdIn(node, key);
            if (id !== undefined) yield { keys: [...keys], id };
          }
        else for (const id of postingIds(node)) yield { keys: [...keys], id };
        return;
      }
      const children: Iterable<[string, Child]> =
        level < prefixKeys.length
          ? present(prefixKeys[level], 'the keys of a prefix level').flatMap((key) => {
              const child = node.get(key);
              return child === undefined ? [] : [[key, child] as [string, Child]];
            })
          : node;
      for (const [key, child] of children) {
        keys.push(key);
        yield* walk(child, level + 1);
        keys.pop();
      }
    }
    yield* walk(this.root, 0);
  }

  /** The number of levels held as maps and postings (all fields, or all but an implicit last `_id` level). */
  get heldLevels(): number {
    return this.storedDepth;
  }

  /**
   * Ids in key order: `prefix` fixes one key per leading field, then the next `orderedLevels`
   * fields are walked in order (each ascending or descending; the first may be bounded by
   * `lower`/`upper`). Yields one group per distinct ordered tuple — ids tied on those fields —
   * with deeper levels flattened into the group.
   */
  *orderedIdGroups(options: {
    prefix: string[];
    orderedLevels: number;
    descending: boolean[];
    lower?: KeyBound;
    upper?: KeyBound;
  }): Generator<string[]> {
    let node: Child | undefined = this.root;
    for (const [level, key] of options.prefix.entries()) {
      if (!isNode(node)) {
        // A prefix through the implicit `_id` level (its last key): that one document, if it is under the prefix.
        const id = node !== undefined && level === this.storedDepth ? this.ownIdIn(node, key) : undefined;
        if (id !== undefined) yield [id];
        return;
      }
      node = node.get(key);
    }
    if (!isNode(node)) {
      if (node === undefined) return;
      // The walk starts at the implicit `_id` level: one group per document, by id, within the bounds.
      if (this.isIdLast && options.orderedLevels > 0)
        for (const id of this.orderedOwnIds(node, options.descending[0] ?? false, options.lower, options.upper)) yield [id];
      else yield [...this.postingIds(node)];
      return;
    }
    const ordered = (map: IndexNode): OrderedKeys => {
      let keys = this.ordered.get(map);
      if (!keys) {
        keys = new OrderedKeys(map, compareEncodedKeys);
        this.ordered.set(map, keys);
      }
      return keys;
    };
    const levels = options.orderedLevels;
    const idsBelow = (child: Child): string[] => [...this.idsBelow(child)];
    const orderedOwnIds = (posting: Posting, descending: boolean): Iterable<string> => this.orderedOwnIds(posting, descending);
    const isIdLast = this.isIdLast;
    function* walk(map: IndexNode, depth: number): Generator<string[]> {
      const isFirst = depth === 0;
      const keys = ordered(map).range({
        lower: isFirst ? options.lower : undefined,
        upper: isFirst ? options.upper : undefined,
        descending: options.descending[depth] ?? false,
      });
      for (const key of keys) {
        const child = map.get(key);
        if (child === undefined) continue;
        if (depth + 1 < levels && isNode(child)) yield* walk(child, depth + 1);
        else if (isIdLast && depth + 1 < levels) {
          // The next ordered level is the implicit `_id` level: one group per document, by id.
          for (const id of orderedOwnIds(child as Posting, options.descending[depth + 1] ?? false)) yield [id];
        } else yield idsBelow(child);
      }
    }
    yield* walk(node, 0);
  }

  /**
   * The ids of a posting of the implicit `_id` level in id order (the order of their keys `'s' + _id`), within bounds
   * given as encoded keys. A large posting keeps an ordered view (built on first use, then maintained like an index
   * level's, see orderedKeys.ts); a small one (≤ 256 documents) is sorted on each walk.
   */
  private *orderedOwnIds(posting: Posting, descending: boolean, lower?: KeyBound, upper?: KeyBound): Generator<string> {
    const bounds = idBounds(lower, upper);
    if (bounds === undefined) return;
    if (posting instanceof LargePosting) {
      let view = this.orderedIds.get(posting);
      if (!view) {
        const ordinals = this.ordinals;
        const source: KeySource = {
          has: (id) => {
            const ordinal = ordinals.ordinalOf(id);
            return ordinal !== undefined && posting.has(ordinal);
          },
          keys: () => this.postingIds(posting),
          get size() {
            return posting.size;
          },
        };
        view = new OrderedKeys(source, compareStrings);
        this.orderedIds.set(posting, view);
      }
      yield* view.range({ ...bounds, descending });
      return;
    }
    const ids = [...this.postingIds(posting)].sort(compareStrings);
    if (descending) ids.reverse();
    for (const id of ids) if (isWithin(id, bounds)) yield id;
  }

  private *idsBelow(node: Child): Generator<string> {
    if (!isNode(node)) yield* this.postingIds(node);
    else for (const child of node.values()) yield* this.idsBelow(child);
  }

  /**
   * True when the index may answer `filter`: always for a full index; for a partial one only if the filter
   * repeats each of its conditions, or — for an `{ $exists: true }` condition — matches only documents that
   * hold the field (an equality or `$in` of non-null scalars, as MongoDB uses such an index).
   */
  coversFilter(filter: Filter): boolean {
    if (!this.spec.partial) return true;
    return Object.entries(this.spec.partial).every(
      ([key, value]) =>
        key in filter && (JSON.stringify(filter[key]) === JSON.stringify(value) || (isExistsTrue(value) && impliesPresence(filter[key]))),
    );
  }
}

/**
 * Bounds on encoded keys (`'s' + _id`) as bounds on ids; undefined when no id can be within them (a lower bound above
 * every text, as an object or a boolean is, or an upper bound below every text). See compareEncodedKeys' type order.
 */
function idBounds(lower?: KeyBound, upper?: KeyBound): { lower?: KeyBound; upper?: KeyBound } | undefined {
  const bounds: { lower?: KeyBound; upper?: KeyBound } = {};
  for (const [bound, isLower] of [
    [lower, true],
    [upper, false],
  ] as const) {
    if (!bound) continue;
    const order = compareEncodedKeys(bound.key.charAt(0), 's');
    // A bound of another type either lets every text through or none.
    if (order !== 0) {
      if (isLower === order > 0) return undefined;
      continue;
    }
    bounds[isLower ? 'lower' : 'upper'] = { key: bound.key.slice(1), inclusive: bound.inclusive };
  }
  return bounds;
}

function isWithin(id: string, bounds: { lower?: KeyBound; upper?: KeyBound }): boolean {
  const { lower, upper } = bounds;
  if (lower && (lower.inclusive ? id < lower.key : id <= lower.key)) return false;
  return !(upper && (upper.inclusive ? id > upper.key : id >= upper.key));
}

const isPresentScalar = (value: unknown): boolean => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function isExistsTrue(condition: unknown): boolean {
  return JSON.stringify(condition) === '{"$exists":true}';
}

/** Whether a filter condition on a field can only match documents holding the field. */
function impliesPresence(condition: unknown): boolean {
  if (isPresentScalar(condition)) return true;
  if (condition === null || typeof condition !== 'object' || Array.isArray(condition)) return false;
  const operators = Object.entries(condition);
  return (
    operators.length > 0 &&
    operators.every(([operator, operand]) =>
      operator === '$in'
        ? Array.isArray(operand) && operand.length > 0 && operand.every(isPresentScalar)
        : operator === '$exists'
          ? operand === true
          : operator === '$eq' && isPresentScalar(operand),
    )
  );
}
