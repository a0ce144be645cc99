/**
 * One collection's committed state: documents kept as JSON text (one flat string per document —
 * compact, invisible to the GC's object tracing, and every read is a fresh deep copy by
 * construction) plus its indexes. Writes arrive as change sets that are validated as a whole
 * before any of them is applied, so a unique violation leaves nothing half-applied.
 */
import { DuplicateKeyError } from '../types';
import type { Document, Filter, IndexSpec, Sort } from '../types';
import { indexName, IndexState } from './indexState';
import { compareStrings, OrderedKeys } from './orderedKeys';
import { DocumentTable } from './documentTable';
import type { ResidentText, SpilledText } from './documentTable';
import type { Change, Overlay } from './overlay';
import { ParsedCache } from './parsedCache';
import type { OrderedPlan, Plan } from './planner';
import type { OrdinalSource } from './postings';
import { planQuery } from './planner';

export type { Change } from './overlay';

/** Indexes restored when a collection is first used (from an index image, see indexImage.ts). */
export interface DeferredIndexes {
  specs: IndexSpec[];
  /**
   * Fills the indexes of `specs` as of the snapshot with ordinals of `ordinals` (the collection's document
   * table), a step at a time (the iterator's return value is the indexes); throws if the image proves unusable.
   */
  restore: (ordinals: OrdinalSource) => Iterator<void, IndexState[]>;
  /** Documents changed since the snapshot: id → position in the snapshot (undefined: absent); `restore` leaves their entries out. */
  touched: ReadonlyMap<string, number | undefined>;
  /** Told when `restore` failed and the indexes were rebuilt from the documents instead. */
  onFallback: (error: Error) => void;
}

export class CollectionState {
  /** Documents by `_id` (JSON text in memory, or spilled to the store's spill file, see documentTable.ts). */
  readonly docs: DocumentTable;
  /** Parsed, frozen forms of recently read or written documents (see parsedCache.ts). */
  readonly parsedDocs = new ParsedCache();
  private readonly indexList: IndexState[] = [];
  private deferred: DeferredIndexes | undefined;
  /** A restore of the deferred indexes in progress (background steps, see restoreDeferredStep). */
  private restoring: Iterator<void, IndexState[]> | undefined;
  /** `_id`s in order, built on the first `_id` range or sort (see orderedKeys.ts). */
  readonly idOrder: OrderedKeys;

  constructor(
    readonly name: string,
    resident?: ResidentText,
  ) {
    // Without a budget the table keeps no spill bookkeeping at all (no per-document order entry).
    this.docs = new DocumentTable(resident?.isSpilling ? resident : undefined);
    this.idOrder = new OrderedKeys(this.docs, compareStrings);
  }

  /** Characters of the collection's document JSON (for the compaction policy). */
  get liveBytes(): number {
    return this.docs.liveCharacters;
  }

  /** The collection's indexes (restoring deferred ones first). */
  get indexes(): IndexState[] {
    if (this.deferred) this.restoreDeferred(this.deferred);
    return this.indexList;
  }

  hasIndex(spec: IndexSpec): boolean {
    const name = indexName(spec);
    return (
      this.indexList.some((index) => index.name === name) || (this.deferred?.specs.some((other) => indexName(other) === name) ?? false)
    );
  }

  /** Leaves these indexes to be restored on first use (start-up stays fast for collections nobody touches yet). */
  deferIndexes(deferred: DeferredIndexes): void {
    this.deferred = deferred;
    this.restoring = undefined;
  }

  /** True while indexes restored from an index image are not complete yet. */
  get hasDeferredIndexes(): boolean {
    return this.deferred !== undefined;
  }

  /**
   * Does one step of restoring the deferred indexes (one image record); true when none are left. Between steps
   * the partial indexes are private, and any use of the collection finishes the restore first (`indexes`).
   */
  restoreDeferredStep(): boolean {
    const deferred = this.deferred;
    if (!deferred) return true;
    let step: IteratorResult<void, IndexState[]>;
    try {
      this.restoring ??= deferred.restore(this.docs);
      step = this.restoring.next();
    } catch (error) {
      this.fallBack(deferred, error as Error);
      return true;
    }
    if (!step.done) return false;
    this.finishDeferred(deferred, step.value);
    return true;
  }

  private restoreDeferred(deferred: DeferredIndexes): void {
    let step: IteratorResult<void, IndexState[]>;
    try {
      this.restoring ??= deferred.restore(this.docs);
      do step = this.restoring.next();
      while (!step.done);
    } catch (error) {
      this.fallBack(deferred, error as Error);
      return;
    }
    this.finishDeferred(deferred, step.value);
  }

  private finishDeferred(deferred: DeferredIndexes, restored: IndexState[]): void {
    this.deferred = undefined;
    this.restoring = undefined;
    try {
      this.reindexTouched(restored, deferred.touched);
    } catch (error) {
      this.fallBack(deferred, error as Error);
      return;
    }
    // Before the indexes created after the snapshot, as they were when it was taken.
    this.indexList.unshift(...restored);
  }

  private fallBack(deferred: DeferredIndexes, error: Error): void {
    this.deferred = undefined;
    this.restoring = undefined;
    deferred.onFallback(error);
    const rebuilt = deferred.specs.map((spec) => new IndexState(spec, this.docs));
    this.indexDocuments(rebuilt);
    this.indexList.unshift(...rebuilt);
  }

  /** Builds indexes over the current documents; throws DuplicateKeyError (adding none) if a unique one is violated. */
  buildIndexes(specs: IndexSpec[]): void {
    const fresh = specs.filter((spec) => !this.hasIndex(spec)).map((spec) => new IndexState(spec, this.docs));
    if (fresh.length === 0) return;
    this.indexDocuments(fresh);
    this.indexList.push(...fresh);
  }

  private indexDocuments(fresh: IndexState[]): void {
    for (const [id, json] of this.docs) {
      const doc = JSON.parse(json) as Document;
      for (const index of fresh) {
        if (!index.isUnique) {
          index.addDocument(doc, id);
          continue;
        }
        for (const tuple of index.keysOf(doc)) {
          for (const other of index.idsAt(tuple))
            if (other !== id) throw new DuplicateKeyError(this.name, index.name, index.describeKey(doc));
          index.add(tuple, id);
        }
      }
    }
  }

  /**
   * Brings indexes restored from an image up to date for the documents changed since: the restore left out every
   * entry of theirs (the image may hold any version they had while it was walked), so each one's current version is added.
   */
  private reindexTouched(indexes: IndexState[], touched: ReadonlyMap<string, number | undefined>): void {
    for (const id of touched.keys()) {
      const after = this.docs.get(id);
      if (after === undefined) continue;
      const doc = JSON.parse(after) as Document;
      for (const index of indexes) index.addDocument(doc, id);
    }
  }

  /**
   * Throws DuplicateKeyError if applying `changes` (ids unique within the set) would violate a unique index.
   * Inside a transaction `staged` is what the transaction staged before (each staged change was validated when
   * it was staged, and committed state cannot change while a transaction is open, so only the new changes need
   * checking: against committed documents the transaction has not changed, and against the staged ones).
   */
  validate(changes: Iterable<Change>, staged?: Overlay): void {
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
          if (claimant !== undefined && claimant !== change.id)
            throw new DuplicateKeyError(this.name, index.name, index.describeKey(change.after.doc));
          claimed.set(joined, change.id);
          for (const existing of index.idsAt(tuple)) {
            if (existing !== change.id && !changedIds.has(existing) && !staged?.has(existing))
              throw new DuplicateKeyError(this.name, index.name, index.describeKey(change.after.doc));
          }
          if (!staged) continue;
          for (const other of staged.idsAt(index.name, tuple)) {
            if (other !== change.id && !changedIds.has(other))
              throw new DuplicateKeyError(this.name, index.name, index.describeKey(change.after.doc));
          }
        }
      }
    }
  }

  /**
   * Applies validated changes to documents and indexes (cannot fail). An update moves each index's entries by the
   * difference between the versions (`IndexState.replaceDocument`): unchanged keys stay in place.
   */
  apply(changes: Iterable<Change>): void {
    for (const change of changes) {
      const beforeJson = this.docs.get(change.id);
      let beforeDoc: Document | undefined;
      if (beforeJson !== undefined) {
        beforeDoc =
          change.before === beforeJson && change.beforeDoc
            ? change.beforeDoc
            : (this.parsedDocs.peek(change.id, beforeJson) ?? (JSON.parse(beforeJson) as Document));
        if (!change.after) for (const index of this.indexes) index.removeDocument(beforeDoc, change.id);
      }
      if (change.after) {
        if (beforeJson === undefined) this.idOrder.added(change.id);
        // The ordinal of an id stays with it across an update, so the entries can be moved after the text is set.
        this.docs.set(change.id, change.after.json);
        const afterDoc = change.after.doc;
        if (beforeDoc) for (const index of this.indexes) index.replaceDocument(beforeDoc, afterDoc, change.id);
        else for (const index of this.indexes) index.addDocument(afterDoc, change.id);
      } else if (this.docs.delete(change.id)) this.idOrder.removed();
      // Only reads fill the cache: most written documents (history, changes, audit, lineage) are never read
      // back during a load, and keeping their parsed copies cost old-generation memory and GC time.
      this.parsedDocs.forget(change.id);
    }
  }

  /**
   * Drops every document and index entry at once, reading and parsing none of them (a whole-collection delete;
   * before, each document was parsed to unlink it from the indexes). Indexes still waiting to be restored from an
   * index image are replaced by empty ones.
   */
  clear(): void {
    const deferred = this.deferred;
    if (deferred) {
      this.deferred = undefined;
      this.restoring = undefined;
      this.indexList.unshift(...deferred.specs.map((spec) => new IndexState(spec, this.docs)));
    }
    for (const index of this.indexList) index.clear();
    this.docs.clear();
    this.idOrder.reset();
    this.parsedDocs.clear();
  }

  /** Replay path: stores document text without parsing (indexes are built afterwards). */
  putRaw(id: string, json: string): void {
    if (!this.docs.has(id)) this.idOrder.added(id);
    this.docs.set(id, json);
  }

  /** Snapshot loading: like putRaw for an id known to be new (a snapshot lists each document once). */
  loadRaw(id: string, json: string): void {
    this.docs.set(id, json);
    this.idOrder.added(id);
  }

  /** Snapshot loading: a new id whose text stays where the loaded snapshot holds it (`isNewest`: until loaded into memory after start-up). */
  loadSpilled(id: string, position: SpilledText, isNewest: boolean): void {
    this.docs.loadSpilled(id, position, isNewest);
    this.idOrder.added(id);
  }

  deleteRaw(id: string): void {
    if (this.docs.delete(id)) this.idOrder.removed();
  }

  /** How to find the candidates for `filter` (and `sort`); undefined means a full scan. */
  plan(filter: Filter, sort?: Sort): Plan | undefined {
    return planQuery({ filter, sort, indexes: this.indexes });
  }

  /** Candidate ids of a plan, each once (lazy, so a findOne or a small limit stops after the first few). */
  candidates(plan: Plan): Iterable<string> {
    if (plan.kind === 'ids') return plan.ids.length > 1 ? distinct(plan.ids) : plan.ids;
    if (plan.kind === 'lookup') return distinct(plan.index.idsForPrefix(plan.prefix));
    return distinct(
      (function* (groups: Iterable<string[]>) {
        for (const group of groups) yield* group;
      })(this.orderedGroups(plan)),
    );
  }

  /** Candidate id groups of an ordered plan, in order (a group holds ids tied on the ordered fields). */
  orderedGroups(plan: OrderedPlan): Iterable<string[]> {
    if (plan.index) return plan.index.orderedIdGroups(plan);
    return (function* (keys: Iterable<string>) {
      for (const id of keys) yield [id];
    })(this.idOrder.range({ lower: plan.lower, upper: plan.upper, descending: plan.descending[0] ?? false }));
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
