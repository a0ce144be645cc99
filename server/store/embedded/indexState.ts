/**
 * In-memory secondary indexes: nested hash maps, one level per indexed field, leaves holding one
 * id (the common case, kept as a bare string to save memory) or a Set of ids. They answer
 * equality / `$in` lookups on any prefix of the index fields, and — through an ordered key list
 * per map, built on first use (`orderedKeys.ts`) — ranges and sorts on the field after an
 * equality prefix. The filter re-checks every candidate anyway, so an index only has to return a
 * superset of the matches.
 */
import { Query } from 'mingo';
import { present } from '../../invariant';
import type { Document, Filter, IndexSpec } from '../types';
import { copyParsed } from './documentCopies';
import { compareEncodedKeys, OrderedKeys } from './orderedKeys';
import type { KeyBound } from './orderedKeys';

type Leaf = string | Set<string>;
type IndexNode = Map<string, IndexNode | Leaf>;

// MongoDB refuses compound keys over two arrays; this bound stops a pathological document from exploding.
const MAX_KEYS_PER_DOCUMENT = 10_000;

/** Encodes one scalar value as an index key; type-tagged so 1 and "1" differ, as in MongoDB. */
export function encodeKeyValue(value: unknown): string {
  if (value === null || value === undefined) return 'z';
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return 'n' + String(value);
    case 'boolean':
      return value ? 'b1' : 'b0';
    default:
      return 'o' + JSON.stringify(value);
  }
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

/** True when an array occurs anywhere along `path` in `document` (including the value itself). */
function touchesArray(document: unknown, path: string[]): boolean {
  let current = document;
  for (const part of path) {
    if (Array.isArray(current)) return true;
    if (current === null || typeof current !== 'object') return false;
    current = (current as Record<string, unknown>)[part];
  }
  return Array.isArray(current);
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
  private readonly root: IndexNode = new Map();
  private readonly ordered = new WeakMap<IndexNode, OrderedKeys>();
  /** Per field: some document had an array along its path (sorting by it then needs mingo's array order). */
  readonly multikey: boolean[];
  /** Per field: some key is an object (ordered differently from mingo's object order). */
  readonly hasObjectKeys: boolean[];

  constructor(
    readonly spec: IndexSpec,
    /** The compiled partial filter of a twin's original (compiling a mingo Query is not cheap). */
    sharedPartial?: Query,
  ) {
    this.name = indexName(spec);
    this.fields = Object.keys(spec.keys);
    this.fieldPaths = this.fields.map((field) => field.split('.'));
    this.isUnique = spec.unique === true;
    this.partial = sharedPartial ?? (spec.partial ? new Query(spec.partial) : undefined);
    this.multikey = this.fields.map(() => false);
    this.hasObjectKeys = this.fields.map(() => false);
  }

  /** An empty index of the same spec (a transaction overlay's twin, see overlay.ts). */
  emptyTwin(): IndexState {
    return new IndexState(this.spec, this.partial);
  }

  /**
   * The encoded keys a document contributes, per index field (each list distinct); undefined when a partial
   * filter excludes it. Its tuples are the cartesian product of the lists. Also notes multikey and object keys.
   */
  keyLevels(document: Document): string[][] | undefined {
    if (this.partial && !this.partial.test(document)) return undefined;
    const levels: string[][] = [];
    let tuples = 1;
    for (let level = 0; level < this.fieldPaths.length; level++) {
      const path = present(this.fieldPaths[level], 'the field path of an index level');
      const values = valuesAtPath(document, path);
      let encoded: string[];
      if (values.length === 1) encoded = [encodeKeyValue(values[0])];
      else {
        const distinct = new Set<string>();
        for (const value of values) distinct.add(encodeKeyValue(value));
        encoded = [...distinct];
      }
      if (!this.multikey[level] && (values.length > 1 || touchesArray(document, path))) this.multikey[level] = true;
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
    const levels = this.keyLevels(document);
    if (levels) this.addAt(this.root, levels, 0, id);
  }

  /** Removes every key tuple of a document (the document as it was indexed), pruning emptied maps. */
  removeDocument(document: Document, id: string): void {
    const levels = this.keyLevels(document);
    if (levels) this.removeAt(this.root, levels, 0, id);
  }

  private addAt(node: IndexNode, levels: string[][], level: number, id: string): void {
    const keys = present(levels[level], 'the keys of an index level');
    if (level === levels.length - 1) {
      for (const key of keys) {
        const leaf = node.get(key) as Leaf | undefined;
        if (leaf === undefined) {
          node.set(key, id);
          this.ordered.get(node)?.added(key);
        } else if (typeof leaf === 'string') {
          if (leaf !== id) node.set(key, new Set([leaf, id]));
        } else leaf.add(id);
      }
      return;
    }
    for (const key of keys) {
      let child = node.get(key) as IndexNode | undefined;
      if (!child) {
        child = new Map();
        node.set(key, child);
        this.ordered.get(node)?.added(key);
      }
      this.addAt(child, levels, level + 1, id);
    }
  }

  private removeAt(node: IndexNode, levels: string[][], level: number, id: string): void {
    const keys = present(levels[level], 'the keys of an index level');
    if (level === levels.length - 1) {
      for (const key of keys) {
        const leaf = node.get(key) as Leaf | undefined;
        if (leaf === undefined) continue;
        if (typeof leaf === 'string') {
          if (leaf === id) {
            node.delete(key);
            this.ordered.get(node)?.removed();
          }
        } else {
          leaf.delete(id);
          if (leaf.size === 1) node.set(key, leaf.values().next().value as string);
        }
      }
      return;
    }
    for (const key of keys) {
      const child = node.get(key) as IndexNode | undefined;
      if (!child) continue;
      this.removeAt(child, levels, level + 1, id);
      // Drop emptied maps so deleted keys do not leak memory.
      if (child.size === 0) {
        node.delete(key);
        this.ordered.get(node)?.removed();
      }
    }
  }

  /** Removes every entry at once (a whole-collection delete; the per-field flags stay, they only go from false to true). */
  clear(): void {
    this.root.clear();
    this.ordered.delete(this.root);
  }

  /** The entries as of now (see IndexImage); the id strings are the index's own. */
  image(): IndexImage {
    const leaves: Array<string | string[]> = [];
    const depth = this.fields.length;
    const keys: string[] = [];
    const walk = (node: IndexNode, level: number): void => {
      for (const [key, child] of node) {
        if (level + 1 < depth) {
          keys[level] = key;
          walk(child as IndexNode, level + 1);
          continue;
        }
        for (let l = 0; l < level; l++) leaves.push(present(keys[l], 'a key on the walked path'));
        leaves.push(key, typeof child === 'string' ? child : [...(child as Set<string>)]);
      }
    };
    walk(this.root, 0);
    return { name: this.name, multikey: [...this.multikey], hasObjectKeys: [...this.hasObjectKeys], leaves };
  }

  /**
   * Adds the leaves of an image chunk whose ids are ordinals into `ids` (see indexImage.ts). Only for an index
   * being restored at start-up: no ordered key lists exist yet, and nothing is checked for uniqueness.
   */
  restoreLeaves(leaves: unknown[], ids: readonly string[]): void {
    const depth = this.fields.length;
    const stride = depth + 1;
    if (leaves.length % stride !== 0)
      throw new IndexImageError(`index ${this.name}: ${leaves.length} values is not a whole number of entries`);
    const idAt = (ordinal: unknown): string => {
      const id = typeof ordinal === 'number' ? ids[ordinal] : undefined;
      if (id === undefined) throw new IndexImageError(`index ${this.name}: document number ${String(ordinal)} does not exist`);
      return id;
    };
    // Leaves arrive in map order, so consecutive ones share their leading keys: keep the last path.
    const pathKeys: string[] = [];
    const pathNodes: IndexNode[] = [this.root];
    for (let at = 0; at < leaves.length; at += stride) {
      let level = 0;
      while (level < depth - 1 && pathKeys[level] === leaves[at + level]) level++;
      for (; level < depth - 1; level++) {
        const key = leaves[at + level];
        if (typeof key !== 'string') throw new IndexImageError(`index ${this.name}: a key is not a string`);
        const parent = present(pathNodes[level], 'the parent node of an image key');
        let child = parent.get(key) as IndexNode | undefined;
        if (!child) {
          child = new Map();
          parent.set(key, child);
        }
        pathKeys[level] = key;
        pathNodes[level + 1] = child;
      }
      const last = leaves[at + depth - 1];
      if (typeof last !== 'string') throw new IndexImageError(`index ${this.name}: a key is not a string`);
      const value = leaves[at + depth];
      present(pathNodes[depth - 1], 'the node of an image leaf').set(last, Array.isArray(value) ? new Set(value.map(idAt)) : idAt(value));
    }
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
    let node = this.root;
    for (let level = 0; level < tuple.length - 1; level++) {
      const key = present(tuple[level], 'a key of the tuple');
      let child = node.get(key) as IndexNode | undefined;
      if (!child) {
        child = new Map();
        node.set(key, child);
        this.ordered.get(node)?.added(key);
      }
      node = child;
    }
    const last = present(tuple[tuple.length - 1], 'the last key of the tuple');
    const leaf = node.get(last) as Leaf | undefined;
    if (leaf === undefined) {
      node.set(last, id);
      this.ordered.get(node)?.added(last);
    } else if (typeof leaf === 'string') {
      if (leaf !== id) node.set(last, new Set([leaf, id]));
    } else leaf.add(id);
  }

  remove(tuple: string[], id: string): void {
    const path: IndexNode[] = [this.root];
    for (let level = 0; level < tuple.length - 1; level++) {
      const child = present(path[level], 'a node on the tuple path').get(present(tuple[level], 'a key of the tuple')) as
        IndexNode | undefined;
      if (!child) return;
      path.push(child);
    }
    const node = present(path[path.length - 1], 'the leaf node of the tuple');
    const last = present(tuple[tuple.length - 1], 'the last key of the tuple');
    const leaf = node.get(last) as Leaf | undefined;
    if (leaf === undefined) return;
    if (typeof leaf === 'string') {
      if (leaf === id) {
        node.delete(last);
        this.ordered.get(node)?.removed();
      }
    } else {
      leaf.delete(id);
      if (leaf.size === 1) node.set(last, leaf.values().next().value as string);
    }
    // Drop empty intermediate maps so deleted keys do not leak memory.
    for (let level = path.length - 1; level > 0 && path[level]?.size === 0; level--) {
      const parent = present(path[level - 1], 'the parent of an empty node');
      parent.delete(present(tuple[level - 1], 'the key of an empty node'));
      this.ordered.get(parent)?.removed();
    }
  }

  /** Ids stored under a full key tuple (for uniqueness checks). */
  idsAt(tuple: string[]): Iterable<string> {
    let node: IndexNode | Leaf | undefined = this.root;
    for (const key of tuple) {
      if (!(node instanceof Map)) return [];
      node = node.get(key);
    }
    if (node === undefined) return [];
    return typeof node === 'string' ? [node] : (node as Set<string>);
  }

  /** Lazily yields every id under each prefix combination (one key list per leading field); may repeat ids. */
  *idsForPrefix(prefixKeys: string[][]): Generator<string> {
    function* walk(node: IndexNode | Leaf, level: number): Generator<string> {
      if (typeof node === 'string') yield node;
      else if (node instanceof Set) yield* node;
      else if (level < prefixKeys.length) {
        for (const key of present(prefixKeys[level], 'the keys of a prefix level')) {
          const child = node.get(key);
          if (child !== undefined) yield* walk(child, level + 1);
        }
      } else for (const child of node.values()) yield* walk(child, level + 1);
    }
    yield* walk(this.root, 0);
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
    let node: IndexNode | Leaf | undefined = this.root;
    for (const key of options.prefix) {
      if (!(node instanceof Map)) return;
      node = node.get(key);
    }
    if (!(node instanceof Map)) {
      if (node !== undefined) yield typeof node === 'string' ? [node] : [...node];
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
    const idsBelow = (child: IndexNode | Leaf): string[] => [...this.idsBelow(child)];
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
        if (depth + 1 < levels && child instanceof Map) yield* walk(child, depth + 1);
        else yield idsBelow(child);
      }
    }
    yield* walk(node, 0);
  }

  private *idsBelow(node: IndexNode | Leaf): Generator<string> {
    if (typeof node === 'string') yield node;
    else if (node instanceof Set) yield* node;
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
