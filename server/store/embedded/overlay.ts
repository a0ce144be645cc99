/**
 * A transaction's staged changes to one collection, indexed like the committed documents: a secondary
 * index of the collection gets an overlay twin over the staged documents (built when a read or a unique
 * check inside the transaction first needs it, then kept up to date), so a read inside
 * the transaction looks up the staged documents its plan can match and a unique check looks up the
 * staged owners of a key — O(matches), not O(staged). (Before, each read tested every staged
 * document and each write to a collection with a unique index re-validated the whole overlay.)
 */
import type { Document, IndexSpec } from '../types';
import type { IndexState } from './indexState';
import type { Plan } from './planner';

/** One document's staged change (the unit a transaction validates, applies and logs). */
export interface Change {
  id: string;
  /** Committed JSON before the change (undefined for an insert). */
  before: string | undefined;
  beforeDoc: Document | undefined;
  /** New version, or null for a delete. */
  after: { json: string; doc: Document } | null;
}

export class Overlay {
  private readonly changes = new Map<string, Change>();
  /** Staging position of each id (its first staging; a delete-then-insert moves it last, as `Map` order does). */
  private readonly positions = new Map<string, number>();
  private nextPosition = 0;
  private readonly committed = new Map<string, IndexState>();
  /** Twins built so far: an index's twin is built when a read or a unique check first needs it, then maintained. */
  private readonly twins = new Map<string, IndexState>();

  /** An empty overlay over these committed indexes (they cannot change while a transaction is open). */
  constructor(committedIndexes: readonly IndexState[]) {
    for (const index of committedIndexes) this.committed.set(index.name, index);
  }

  get size(): number {
    return this.changes.size;
  }

  get(id: string): Change | undefined {
    return this.changes.get(id);
  }

  has(id: string): boolean {
    return this.changes.has(id);
  }

  /** Staged changes in staging order (the order they are committed and logged in). */
  values(): IterableIterator<Change> {
    return this.changes.values();
  }

  /** Specs of the indexes twinned so far (for tests). */
  get twinnedSpecs(): IndexSpec[] {
    return [...this.twins.values()].map((index) => index.spec);
  }

  /** Stages a validated change (its `before` already the committed version), replacing an earlier one for the same id. */
  stage(change: Change): void {
    const priorAfter = this.changes.get(change.id)?.after ?? undefined;
    const isNew = !this.changes.has(change.id);
    if (change.before === undefined && change.after === null) {
      // Inserted and deleted inside the transaction: nothing to commit.
      if (priorAfter) for (const index of this.twins.values()) index.removeDocument(priorAfter.doc, change.id);
      this.changes.delete(change.id);
      this.positions.delete(change.id);
      return;
    }
    if (isNew) this.positions.set(change.id, this.nextPosition++);
    this.changes.set(change.id, change);
    // A re-staged version moves the twins' entries by its difference from the prior one (IndexState.replaceDocument).
    for (const index of this.twins.values()) {
      if (priorAfter && change.after) index.replaceDocument(priorAfter.doc, change.after.doc, change.id);
      else if (priorAfter) index.removeDocument(priorAfter.doc, change.id);
      else if (change.after) index.addDocument(change.after.doc, change.id);
    }
  }

  /** Ids staged under a full key tuple of the named index (unique checks). */
  idsAt(indexName: string, tuple: string[]): Iterable<string> {
    if (this.changes.size === 0) return [];
    return this.twinOf(indexName)?.idsAt(tuple) ?? [];
  }

  /**
   * The staged changes a read planned as `plan` may match (a superset; the filter still decides), in staging
   * order. Without a plan, or for an `_id` walk, every staged change.
   */
  candidates(plan: Plan | undefined): Iterable<Change> {
    if (!plan || this.changes.size === 0) return this.changes.values();
    let ids: Iterable<string>;
    if (plan.kind === 'ids') ids = plan.ids;
    else if (plan.kind === 'lookup') ids = this.twinOf(plan.index.name)?.idsForPrefix(plan.prefix) ?? this.changes.keys();
    else if (plan.index && plan.prefix.length > 0)
      ids = this.twinOf(plan.index.name)?.idsForPrefix(plan.prefix.map((key) => [key])) ?? this.changes.keys();
    else return this.changes.values();
    const found: Change[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const change = this.changes.get(id);
      if (change?.after) found.push(change);
    }
    if (found.length > 1) found.sort((a, b) => (this.positions.get(a.id) ?? 0) - (this.positions.get(b.id) ?? 0));
    return found;
  }

  private twinOf(name: string): IndexState | undefined {
    let twin = this.twins.get(name);
    if (twin) return twin;
    const original = this.committed.get(name);
    if (!original) return undefined;
    // Most indexes are never read inside a given transaction: index the staged documents only once one is.
    twin = original.emptyTwin();
    for (const change of this.changes.values()) if (change.after) twin.addDocument(change.after.doc, change.id);
    this.twins.set(name, twin);
    return twin;
  }
}
