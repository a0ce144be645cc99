/** The audit API's read side: entries per golden record (with the tasks about it), per actor, per action and time range. */
import type { AuditEntryView, AuditQuery } from '../contracts/stewardship';
import { AUDIT_COLLECTION } from '../audit/collections';
import type { AuditEntry } from '../audit/auditLog';
import type { AppServices } from '../services';
import type { Filter } from '../store/types';
import { isSsnLike, maskValue } from '../golden/goldenPresenter';
import { loadSurvivorshipConfig } from '../golden/survivorshipConfig';
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
export async function queryAudit(services: Pick<AppServices, 'store'>, input: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const filter: Filter = {};
  if (input.goldenId) filter['target.id'] = { $in: await targetIdsOf(services, input.goldenId) };
  if (input.actor) filter['actor.keyId'] = input.actor;
  if (input.action) filter.action = input.action.endsWith('.') ? { $regex: `^${escapeRegExp(input.action)}` } : input.action;
  if (input.from || input.to) {
    filter.at = { ...(input.from ? { $gte: new Date(input.from).toISOString() } : {}), ...(input.to ? { $lt: new Date(input.to).toISOString() } : {}) };
  }
  return keysetPage({ collection: services.store.collection<AuditEntry>(AUDIT_COLLECTION), filter, field: 'at', direction: input.order === 'desc' ? -1 : 1, cursor: input.cursor, limit: input.limit ?? 100 });
}

type MaskRules = Map<string, { when: 'always' | 'ssnLike' }>;

function maskIf(value: unknown, rule: { when: 'always' | 'ssnLike' } | undefined): unknown {
  if (!rule || value === null || value === undefined) return value;
  return rule.when === 'always' || isSsnLike(value) ? maskValue(value) : value;
}

/** Masks sensitive values wherever an entry names them: `{ taxId: … }`, or `{ attribute: 'taxId', value, values }`. */
function maskDeep(value: unknown, rules: MaskRules): unknown {
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, rules));
  if (!value || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const named = typeof object.attribute === 'string' ? rules.get(object.attribute) : undefined;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(object)) {
    if (named && key === 'value') out[key] = maskIf(item, named);
    else if (named && key === 'values' && Array.isArray(item)) out[key] = item.map((v) => (v && typeof v === 'object' ? { ...(v as object), value: maskIf((v as { value?: unknown }).value, named) } : v));
    else if (rules.has(key)) out[key] = maskIf(item, rules.get(key));
    else out[key] = maskDeep(item, rules);
  }
  return out;
}

function maskRulesOf(domain: string | undefined): MaskRules {
  if (!domain) return new Map();
  try {
    return new Map((loadSurvivorshipConfig(domain).maskedAttributes ?? []).map((r) => [r.attribute, r] as const));
  } catch {
    // Entries about things that are not a domain with survivorship rules carry no configured secrets.
    return new Map();
  }
}

/** The API view of an audit entry; sensitive values (per the domain's rules) masked unless `canSeeSensitive`. */
export function presentAuditEntry(entry: AuditEntry, options: { canSeeSensitive: boolean } = { canSeeSensitive: true }): AuditEntryView {
  const rules = options.canSeeSensitive ? new Map() : maskRulesOf(entry.target.domain);
  const shown = (value: unknown) => (rules.size > 0 ? maskDeep(value, rules) : value);
  return {
    id: entry._id,
    at: entry.at,
    actor: { ...entry.actor },
    action: entry.action,
    target: { ...entry.target },
    ...(entry.before !== undefined ? { before: shown(entry.before) } : {}),
    ...(entry.after !== undefined ? { after: shown(entry.after) } : {}),
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
  };
}
