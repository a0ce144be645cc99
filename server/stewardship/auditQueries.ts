/** The audit API's read side: entries per golden record (with the tasks about it), per actor, per action and time range. */
import type { AuditEntryView, AuditQuery } from '../contracts/stewardship';
import { AUDIT_COLLECTION } from '../audit/collections';
import type { AuditEntry } from '../audit/auditLog';
import type { AppServices } from '../services';
import type { Filter } from '../store/types';
import { maskDeep, maskRulesOf, RESTRICTED, type Visibility } from '../policies/visibility';
import { keysetPage } from './pagination';
import { tasksCollection } from './taskStore';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Ids whose entries belong to a golden record's trail: the record itself and every task about it. */
async function targetIdsOf(services: Pick<AppServices, 'store'>, goldenId: string): Promise<string[]> {
  const tasks = tasksCollection(services.store);
  const about = [
    ...(await tasks.find({ 'subject.goldenId': goldenId }, { projection: { _id: 1 } })),
    ...(await tasks.find({ 'candidates.goldenId': goldenId }, { projection: { _id: 1 } })),
    ...(await tasks.find({ 'members.goldenId': goldenId }, { projection: { _id: 1 } })),
  ];
  return [goldenId, ...new Set(about.map((t) => t._id))];
}

/** A page of audit entries in time order (`order` asc by default). */
export async function queryAudit(
  services: Pick<AppServices, 'store'>,
  input: AuditQuery,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const filter: Filter = {};
  if (input.goldenId) filter['target.id'] = { $in: await targetIdsOf(services, input.goldenId) };
  if (input.actor) filter['actor.keyId'] = input.actor;
  if (input.correlationId) filter.correlationId = input.correlationId;
  if (input.action) filter.action = input.action.endsWith('.') ? { $regex: `^${escapeRegExp(input.action)}` } : input.action;
  if (input.from || input.to) {
    filter.at = {
      ...(input.from ? { $gte: new Date(input.from).toISOString() } : {}),
      ...(input.to ? { $lt: new Date(input.to).toISOString() } : {}),
    };
  }
  return keysetPage({
    collection: services.store.collection<AuditEntry>(AUDIT_COLLECTION),
    filter,
    field: 'at',
    direction: input.order === 'desc' ? -1 : 1,
    cursor: input.cursor,
    limit: input.limit ?? 100,
  });
}

/** The API view of an audit entry; sensitive values (per the domain's rules) masked unless the viewer may see them (restricted by default). */
export function presentAuditEntry(entry: AuditEntry, options: { visibility?: Pick<Visibility, 'canSeeSensitive'> } = {}): AuditEntryView {
  const visibility = options.visibility ?? RESTRICTED;
  const rules = visibility.canSeeSensitive ? new Map() : maskRulesOf(entry.target.domain);
  const shown = (value: unknown) => maskDeep(value, rules, visibility);
  return {
    id: entry._id,
    at: entry.at,
    actor: { ...entry.actor },
    action: entry.action,
    target: { ...entry.target },
    ...(entry.before !== undefined ? { before: shown(entry.before) } : {}),
    ...(entry.after !== undefined ? { after: shown(entry.after) } : {}),
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
    ...(entry.correlationId !== undefined ? { correlationId: entry.correlationId } : {}),
  };
}
