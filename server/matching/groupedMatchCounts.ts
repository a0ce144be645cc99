/**
 * Block sizes and term counts a transaction's match-index writes change, held in memory per session and
 * written once at its end (`withGroupedMatchCounts` in matchIndex.ts) instead of once per record — an ingest
 * group of 200 records then reads and writes `blockStats` and `termStats` a few times, not ~1,200 times.
 *
 * Every reader inside the session adds the held changes to what it reads from the store (`heldBlockChanges`,
 * `heldTermChanges`): the store holds the counts as they were when the group began, the overlay what the
 * group changed since, so each record sees exactly the sizes and counts it saw when they were written per
 * record. Also held: the match-index entries known absent (read once for the group), so indexing a new record
 * needs no read of its previous entry.
 */
import type { StoreSession } from '../store/types';

export interface GroupedMatchCounts {
  /** domain → block key → change of its size. */
  blocks: Map<string, Map<string, number>>;
  /** domain → `<comparator>|<token>` → change of its count. */
  terms: Map<string, Map<string, number>>;
  /** domain → record ids with no match-index entry (read at the group's start, not indexed since). */
  absentEntries: Map<string, Set<string>>;
  /**
   * domain → the block sizes the store held when the group began, for the blocking keys of the group's records
   * (read once then, `withGroupedMatchCounts`): key → size, undefined for a block with no size document; and
   * the domain's term-stats version read with them. Nothing writes either inside the group (its changes are
   * held above), so a reader takes them from here instead of reading the store again.
   */
  blockSizesAtStart: Map<string, BlockSizesAtStart>;
}

/** The block sizes and term-stats version of a domain as the store held them when a group began. */
export interface BlockSizesAtStart {
  sizes: ReadonlyMap<string, number | undefined>;
  /** '' when the domain has no term-stats version document yet. */
  termStatsVersion: string;
}

const groupedBySession = new WeakMap<StoreSession, GroupedMatchCounts>();

/** The counts held for `session`, when its match-index writes are grouped. */
export function groupedCountsOf(session: StoreSession | undefined): GroupedMatchCounts | undefined {
  return session ? groupedBySession.get(session) : undefined;
}

/** Starts holding `session`'s counts; returns the new holder, or undefined when the session holds them already. */
export function startGrouping(session: StoreSession): GroupedMatchCounts | undefined {
  if (groupedBySession.has(session)) return undefined;
  const grouped: GroupedMatchCounts = { blocks: new Map(), terms: new Map(), absentEntries: new Map(), blockSizesAtStart: new Map() };
  groupedBySession.set(session, grouped);
  return grouped;
}

/** Stops holding `session`'s counts (written or dropped by the caller). */
export function stopGrouping(session: StoreSession): void {
  groupedBySession.delete(session);
}

/** Adds `changes` to the domain's held changes in `into`. */
export function holdChanges(into: Map<string, Map<string, number>>, domain: string, changes: ReadonlyMap<string, number>): void {
  let held = into.get(domain);
  if (!held) into.set(domain, (held = new Map<string, number>()));
  for (const [key, change] of changes) held.set(key, (held.get(key) ?? 0) + change);
}

/** Block-size changes held for `session` and `domain` (undefined: none, or not grouping). */
export function heldBlockChanges(session: StoreSession | undefined, domain: string): ReadonlyMap<string, number> | undefined {
  return groupedCountsOf(session)?.blocks.get(domain);
}

/** Term-count changes held for `session` and `domain`, by `<comparator>|<token>` (undefined: none, or not grouping). */
export function heldTermChanges(session: StoreSession | undefined, domain: string): ReadonlyMap<string, number> | undefined {
  return groupedCountsOf(session)?.terms.get(domain);
}

/**
 * The block sizes of `keys` and the term-stats version as stored when `session`'s group began, when all of
 * `keys` were read then (undefined otherwise: read them from the store).
 */
export function blockSizesAtStart(
  session: StoreSession | undefined,
  domain: string,
  keys: readonly string[],
): BlockSizesAtStart | undefined {
  const atStart = groupedCountsOf(session)?.blockSizesAtStart.get(domain);
  if (!atStart) return undefined;
  for (const key of keys) if (!atStart.sizes.has(key)) return undefined;
  return atStart;
}
