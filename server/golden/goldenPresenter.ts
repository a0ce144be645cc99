/**
 * What leaves the server about golden records: never stored documents raw. Sensitive attributes
 * (configured per domain, e.g. an SSN-looking taxId) are masked for roles other than admin and
 * steward, everywhere they appear: attributes, overrides, source records, history.
 */
import type {
  ChangeView,
  GoldenRecordView,
  HistoryEntryView,
  LineageView,
  MatchDecisionView,
  OverrideView,
  RelationshipView,
  SourceRecordView,
  XrefView,
} from '../contracts/golden';
import { checkEin } from '../identifiers';
import type { Principal } from '../policies/abilities';
import type { StoredRelationship } from './relationships';
import type { SurvivorshipConfig } from './survivorshipConfig';
import type { ChangeDocument, GoldenHistoryDocument, GoldenRecordDocument, LineageEntry, MatchDecisionDocument, OverrideEntry, SourceRecordDocument } from './types';

export interface PresentOptions {
  config: SurvivorshipConfig;
  /** Whether the caller may see sensitive values unmasked. */
  canSeeSensitive: boolean;
}

/** Whether a principal may see sensitive values (admins and stewards). */
export function canSeeSensitive(principal: Principal): boolean {
  return principal.role === 'admin' || principal.role === 'steward';
}

/** A 9-digit tax id an EIN cannot be (SSN layout or a never-assigned EIN prefix). */
export function isSsnLike(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const digits = value.replace(/[^0-9]/g, '');
  return digits.length === 9 && !checkEin(value).ok;
}

/** Masks all but the last four characters. */
export function maskValue(value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return value === undefined || value === null ? value : '***';
  const text = String(value);
  return `${'*'.repeat(Math.max(0, text.length - 4))}${text.slice(-4)}`;
}

/** Masks the configured sensitive attributes of a record-like object (top level). */
export function maskAttributes(values: Record<string, unknown>, options: PresentOptions): Record<string, unknown> {
  if (options.canSeeSensitive) return values;
  const masked = { ...values };
  for (const rule of options.config.maskedAttributes ?? []) {
    const value = masked[rule.attribute];
    if (value === undefined || value === null) continue;
    if (rule.when === 'always' || isSsnLike(value)) masked[rule.attribute] = maskValue(value);
  }
  return masked;
}

function isMaskedAttribute(attribute: string, value: unknown, options: PresentOptions): boolean {
  if (options.canSeeSensitive) return false;
  const rule = (options.config.maskedAttributes ?? []).find((r) => r.attribute === attribute);
  return rule !== undefined && (rule.when === 'always' || isSsnLike(value));
}

function presentLineage(entry: LineageEntry): LineageView {
  // Overrides have no source record; they name the steward's key as their source id.
  return entry.strategy === 'override'
    ? { sourceRecordId: null, source: 'steward', sourceId: null, at: entry.at, strategy: 'override' }
    : { sourceRecordId: entry.sourceRecordId, source: entry.source, sourceId: entry.sourceId, at: entry.at, strategy: entry.strategy };
}

function presentOverride(attribute: string, entry: OverrideEntry, options: PresentOptions): OverrideView {
  const value = isMaskedAttribute(attribute, entry.value, options) ? maskValue(entry.value) : entry.value;
  return { value, reason: entry.reason, by: { name: entry.by.name, role: entry.by.role }, at: entry.at };
}

/** A golden record without extras; `lineage` when asked for. */
export function presentGolden(golden: GoldenRecordDocument, options: PresentOptions & { includeLineage?: boolean; asOf?: boolean }): GoldenRecordView {
  const overrides: Record<string, OverrideView> = {};
  for (const [attribute, entry] of Object.entries(golden.overrides ?? {})) overrides[attribute] = presentOverride(attribute, entry, options);
  const view: GoldenRecordView = {
    id: golden._id,
    domain: golden.domain,
    status: golden.status,
    ...(golden.mergedInto ? { mergedInto: golden.mergedInto } : {}),
    version: golden.version,
    attributes: maskAttributes(golden.attributes, options),
    overrides,
    sourceRecordIds: golden.sourceRecordIds,
    createdAt: golden.createdAt,
    updatedAt: golden.updatedAt,
    ...(options.asOf ? { asOf: golden.updatedAt } : {}),
  };
  if (options.includeLineage) view.lineage = Object.fromEntries(Object.entries(golden.lineage).map(([k, v]) => [k, presentLineage(v)]));
  return view;
}

/** A source record: raw payloads only for roles that may see sensitive values (they may hold anything). */
export function presentSourceRecord(record: SourceRecordDocument, options: PresentOptions): SourceRecordView {
  return {
    id: record._id,
    source: record.source,
    sourceId: record.sourceId,
    goldenId: record.goldenId,
    canonical: maskAttributes(record.canonical, options),
    ...(options.canSeeSensitive ? { raw: record.raw } : {}),
    mappingVersion: record.mappingVersion,
    schemaVersion: record.schemaVersion,
    receivedAt: record.receivedAt,
    updatedAt: record.updatedAt,
    version: record.version,
  };
}

/** One history entry: what changed, why, by whom (key ids stay internal). */
export function presentHistoryEntry(entry: GoldenHistoryDocument, options: PresentOptions): HistoryEntryView {
  return {
    version: entry.version,
    at: entry.at,
    cause: entry.cause,
    actor: { name: entry.actor.name, role: entry.actor.role, ...(entry.actor.rule ? { rule: entry.actor.rule } : {}) },
    changes: entry.changes.map((c) =>
      isMaskedAttribute(c.attribute, c.before, options) || isMaskedAttribute(c.attribute, c.after, options)
        ? { attribute: c.attribute, before: maskValue(c.before), after: maskValue(c.after) }
        : c,
    ),
    ...(entry.note ? { note: entry.note } : {}),
    status: entry.snapshot.status,
    ...(entry.snapshot.mergedInto ? { mergedInto: entry.snapshot.mergedInto } : {}),
    sourceRecordIds: entry.snapshot.sourceRecordIds,
  };
}

/** A relationship seen from `goldenId`. */
export function presentRelationship(relationship: StoredRelationship, goldenId: string): RelationshipView {
  const isOutgoing = relationship.fromGoldenId === goldenId;
  return {
    type: relationship.type,
    direction: isOutgoing ? 'outgoing' : 'incoming',
    otherGoldenId: isOutgoing ? relationship.toGoldenId : relationship.fromGoldenId,
    fromGoldenId: relationship.fromGoldenId,
    toGoldenId: relationship.toGoldenId,
    ...(relationship.attributes ? { attributes: relationship.attributes } : {}),
    createdAt: relationship.createdAt,
  };
}

/** One xref line. */
export function presentXref(record: Pick<SourceRecordDocument, '_id' | 'source' | 'sourceId' | 'goldenId' | 'updatedAt'>): XrefView {
  return { source: record.source, sourceId: record.sourceId, sourceRecordId: record._id, goldenId: record.goldenId, updatedAt: record.updatedAt };
}

/** One change-feed entry; `cursor` is what to pass as `after`. */
export function presentChange(change: ChangeDocument): ChangeView {
  return {
    cursor: change._id,
    domain: change.domain,
    goldenId: change.goldenId,
    type: change.type,
    version: change.version,
    at: change.at,
    ...(typeof change.cause === 'string' ? { cause: change.cause } : {}),
    ...(typeof change.mergedInto === 'string' ? { mergedInto: change.mergedInto } : {}),
    ...(Array.isArray(change.changedAttributes) ? { changedAttributes: change.changedAttributes as string[] } : {}),
  };
}

interface ExplainedComparator {
  field?: string;
  a?: unknown;
  b?: unknown;
  details?: unknown;
}

/** Masks compared values of sensitive fields (always: normalised values no longer show an SSN's layout). */
function maskExplanation(explanation: unknown, options: PresentOptions): unknown {
  const masked = new Set((options.config.maskedAttributes ?? []).map((rule) => rule.attribute));
  if (options.canSeeSensitive || masked.size === 0 || typeof explanation !== 'object' || explanation === null) return explanation;
  const comparators = (explanation as { comparators?: ExplainedComparator[] }).comparators;
  if (!Array.isArray(comparators)) return explanation;
  return {
    ...explanation,
    comparators: comparators.map((c) =>
      String(c.field ?? '').split(',').some((field) => masked.has(field.split('.')[0]))
        ? // Attribute details are read from the same fields: masked with them.
          { ...c, a: maskValue(c.a), b: maskValue(c.b), ...(Array.isArray(c.details) ? { details: (c.details as Array<{ a: unknown; b: unknown }>).map((d) => ({ ...d, a: maskValue(d.a), b: maskValue(d.b) })) } : {}) }
        : c,
    ),
  };
}

/** One stored matching decision with its explanations. */
export function presentMatchDecision(decision: MatchDecisionDocument, options: PresentOptions): MatchDecisionView {
  return {
    id: decision._id,
    sourceRecordId: decision.sourceRecordId,
    goldenId: decision.goldenId,
    outcome: decision.outcome,
    trigger: decision.trigger,
    rulesVersion: decision.rulesVersion,
    band: decision.band,
    score: decision.score,
    ruleFired: decision.ruleFired,
    candidatesConsidered: decision.candidatesConsidered,
    candidates: decision.candidates.map((c) => ({ goldenId: c.goldenId, score: c.score, band: c.band, explanation: maskExplanation(c.explanation, options) })),
    overCollisions: decision.overCollisions,
    excludedByNotAMatch: typeof decision.excludedByNotAMatch === 'number' ? decision.excludedByNotAMatch : 0,
    at: decision.at,
    actor: { name: decision.actor.name, role: decision.actor.role },
  };
}
