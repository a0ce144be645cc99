/**
 * Survivorship conflicts: trusted sources (those the domain's survivorship rules rank) disagree on a
 * key attribute — an identifier the matching rules compare, such as a GTIN or a tax id. Survivorship
 * still picks a value, but a steward should confirm it: one open task per golden record and attribute,
 * until the sources agree again or a steward overrides the attribute.
 */
import { findGolden, inTransaction, loadMembers } from '../golden/goldenStore';
import { rulesFor } from '../golden/goldenMatching';
import { isEmptyValue } from '../golden/survivorship';
import { loadSurvivorshipConfig } from '../golden/survivorshipConfig';
import { stableStringify } from '../stableJson';
import type { ChangeDocument, GoldenRecordDocument, SourceRecordDocument } from '../golden/types';
import type { Store, StoreSession } from '../store/types';
import { insertTask } from './newTask';
import { tasksCollection } from './taskStore';
import type { ConflictValue, TaskDocument } from './types';

export const CONFLICT_RULE = 'stewardship:survivorship-conflict';
const CONFLICT_PRIORITY = 70;
/** Sources can only disagree in a golden record of at least this many members. */
const CONFLICT_MEMBERS = 2;

/** Top-level attributes compared by the domain's identifier comparators (data, not code: from the rule set). */
export async function keyAttributesOf(args: { store: Store; domain: string; session?: StoreSession }): Promise<string[]> {
  const rules = await rulesFor(args);
  const names = new Set<string>();
  for (const comparator of rules.rules.comparators) {
    if (comparator.type !== 'identifier') continue;
    for (const field of comparator.fields) if (!field.includes('.')) names.add(field);
  }
  return [...names].sort();
}

/** The disagreeing values of trusted sources for one attribute, or [] when they agree. */
export function conflictingValues(args: {
  members: SourceRecordDocument[];
  attribute: string;
  trustedSources: readonly string[];
}): ConflictValue[] {
  const values: ConflictValue[] = [];
  for (const member of args.members) {
    const value = member.canonical[args.attribute];
    if (!args.trustedSources.includes(member.source) || isEmptyValue(value)) continue;
    values.push({ sourceRecordId: member._id, source: member.source, value });
  }
  const distinct = new Set(values.map((v) => stableStringify(v.value)));
  return distinct.size > 1 ? values : [];
}

/** Every conflict of a golden record: attribute → values (attributes with a steward override are settled). */
export async function conflictsOf(args: {
  store: Store;
  session?: StoreSession;
  golden: GoldenRecordDocument;
}): Promise<Map<string, ConflictValue[]>> {
  const conflicts = new Map<string, ConflictValue[]>();
  if (args.golden.status !== 'active' || args.golden.sourceRecordIds.length < CONFLICT_MEMBERS) return conflicts;
  const config = loadSurvivorshipConfig(args.golden.domain);
  const members = await loadMembers({ store: args.store, golden: args.golden, session: args.session });
  for (const attribute of await keyAttributesOf({ store: args.store, domain: args.golden.domain, session: args.session })) {
    if (attribute in args.golden.overrides) continue;
    const trusted = config.attributes?.[attribute]?.sources ?? config.sourcePriority ?? [];
    const values = conflictingValues({ members, attribute, trustedSources: trusted });
    if (values.length > 0) conflicts.set(attribute, values);
  }
  return conflicts;
}

/**
 * The golden records of a batch of change-feed entries that may have a conflict: those whose newest entry in the
 * batch does not say it left them with fewer than two members. A bulk load creates one-member records by the
 * thousand, and reading each (the whole document) only to find one member was the task-sync processor's main
 * cost. Skipping on an entry is exact: if the record gained members since, that change has an entry of its own,
 * which the processor reads later; entries written before `memberCount` existed are read as before.
 */
export function goldenIdsThatMayConflict(changes: readonly ChangeDocument[]): string[] {
  const newest = new Map<string, ChangeDocument>();
  for (const change of changes) {
    const seen = newest.get(change.goldenId);
    if (!seen || change.version >= seen.version) newest.set(change.goldenId, change);
  }
  return [...newest.values()]
    .filter((change) => typeof change.memberCount !== 'number' || change.memberCount >= CONFLICT_MEMBERS)
    .map((change) => change.goldenId);
}

/**
 * Opens a survivorship-conflict task for every new conflict of the given golden records (call after
 * a recompute, in its transaction); an open task whose values changed is updated. Returns opened tasks.
 */
export async function detectSurvivorshipConflicts(args: {
  store: Store;
  session?: StoreSession;
  goldenIds: string[];
  at?: string;
}): Promise<TaskDocument[]> {
  return inTransaction(args.store, args.session, async (session) => {
    const at = args.at ?? new Date().toISOString();
    const opened: TaskDocument[] = [];
    for (const goldenId of [...new Set(args.goldenIds)]) {
      const golden = await findGolden({ store: args.store, id: goldenId, session });
      if (!golden) continue;
      const conflicts = await conflictsOf({ store: args.store, session, golden });
      if (conflicts.size === 0) continue;
      const known = await tasksCollection(args.store).find(
        { 'subject.goldenId': goldenId, type: 'survivorship-conflict' },
        { sort: { createdAt: -1 }, session },
      );
      const open = known.filter((t) => t.status === 'open');
      for (const [attribute, values] of conflicts) {
        const existing = open.find((t) => t.subject.attribute === attribute);
        const lastClosed = known.find((t) => t.status === 'closed' && t.subject.attribute === attribute);
        // A steward already closed a task on exactly this disagreement (e.g. skipped it): not news.
        if (
          !existing &&
          lastClosed &&
          lastClosed.resolution !== 'auto-closed' &&
          stableStringify(lastClosed.values) === stableStringify(values)
        )
          continue;
        if (existing) {
          if (stableStringify(existing.values) !== stableStringify(values)) {
            await tasksCollection(args.store).updateOne(
              { _id: existing._id, version: existing.version },
              {
                $set: { values, updatedAt: at },
                $inc: { version: 1 },
                $push: { history: { at, by: 'system', action: 'values-changed', note: `Sources now report: ${describe(values)}.` } },
              },
              { session },
            );
          }
          continue;
        }
        opened.push(
          await insertTask({
            store: args.store,
            session,
            fields: {
              type: 'survivorship-conflict',
              domain: golden.domain,
              subject: { goldenId, attribute },
              priority: CONFLICT_PRIORITY,
              values,
            },
            rule: CONFLICT_RULE,
            note: `Trusted sources disagree on ${attribute}: ${describe(values)}.`,
            at,
          }),
        );
      }
    }
    return opened;
  });
}

function describe(values: ConflictValue[]): string {
  return values.map((v) => `${v.source} ${stableStringify(v.value)}`).join(', ');
}
