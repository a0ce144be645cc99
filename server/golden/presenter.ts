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
import type { Principal } from '../policies/abilities';
import { maskExplanation, maskRecord, maskRulesFromConfig, maskSensitive, visibilityOf, type Visibility } from '../policies/visibility';
import type { StoredRelationship } from './relationships';
import { loadSurvivorshipConfig, type SurvivorshipConfig } from './survivorshipConfig';
import type {
  ChangeDocument,
  GoldenHistoryDocument,
  GoldenRecordDocument,
  LineageEntry,
  MatchDecisionDocument,
  OverrideEntry,
  SourceRecordDocument,
} from './types';

export { isSsnLike, maskValue } from '../policies/visibility';

export interface PresentOptions {
  config: SurvivorshipConfig;
  /** What the caller may see (server/policies/visibility.ts). */
  visibility: Visibility;
}

/** Whether a principal may see sensitive values (admins and stewards; see server/policies/visibility.ts). */
export function canSeeSensitive(principal: Principal): boolean {
  return visibilityOf(principal).canSeeSensitive;
}

/** Presentation options for golden records of `domain` shown to `principal`. */
export function goldenPresentOptions(domain: string, principal: Principal): PresentOptions {
  return { config: loadSurvivorshipConfig(domain), visibility: visibilityOf(principal) };
}

/** Masks the configured sensitive attributes of a record-like object (top level). */
export function maskAttributes(values: Record<string, unknown>, options: PresentOptions): Record<string, unknown> {
  return maskRecord(values, maskRulesFromConfig(options.config), options.visibility);
}

function maskedValue(attribute: string, value: unknown, options: PresentOptions): unknown {
  if (options.visibility.canSeeSensitive) return value;
  return maskSensitive(value, maskRulesFromConfig(options.config).get(attribute));
}

function presentLineage(entry: LineageEntry): LineageView {
  // Overrides have no source record; they name the steward's key as their source id.
  return entry.strategy === 'override'
    ? { sourceRecordId: null, source: 'steward', sourceId: null, at: entry.at, strategy: 'override' }
    : { sourceRecordId: entry.sourceRecordId, source: entry.source, sourceId: entry.sourceId, at: entry.at, strategy: entry.strategy };
}

function presentOverride(attribute: string, entry: OverrideEntry, options: PresentOptions): OverrideView {
  return {
    value: maskedValue(attribute, entry.value, options),
    reason: entry.reason,
    by: { name: entry.by.name, role: entry.by.role },
    at: entry.at,
  };
}

/** A golden record without extras; `lineage` when asked for. */
export function presentGolden(
  golden: GoldenRecordDocument,
  options: PresentOptions & { includeLineage?: boolean; asOf?: boolean },
): GoldenRecordView {
  const overrides: Record<string, OverrideView> = {};
  for (const [attribute, entry] of Object.entries(golden.overrides ?? {}))
    overrides[attribute] = presentOverride(attribute, entry, options);
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

/** A source record: raw payloads only for roles that may see them (they may hold anything). */
export function presentSourceRecord(record: SourceRecordDocument, options: PresentOptions): SourceRecordView {
  return {
    id: record._id,
    source: record.source,
    sourceId: record.sourceId,
    goldenId: record.goldenId,
    canonical: maskAttributes(record.canonical, options),
    ...(options.visibility.canSeeRawPayloads ? { raw: record.raw } : {}),
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
    changes: entry.changes.map((c) => ({
      attribute: c.attribute,
      before: maskedValue(c.attribute, c.before, options),
      after: maskedValue(c.attribute, c.after, options),
    })),
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
  return {
    source: record.source,
    sourceId: record.sourceId,
    sourceRecordId: record._id,
    goldenId: record.goldenId,
    updatedAt: record.updatedAt,
  };
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
    // Entries written before these fields existed have neither.
    ...(change.previousVersion !== undefined ? { previousVersion: change.previousVersion } : {}),
    ...(Array.isArray(change.changedPaths) ? { changedPaths: change.changedPaths } : {}),
    ...(typeof change.correlationId === 'string' ? { correlationId: change.correlationId } : {}),
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
    candidates: decision.candidates.map((c) => ({
      goldenId: c.goldenId,
      score: c.score,
      band: c.band,
      explanation: maskExplanation(c.explanation, maskRulesFromConfig(options.config), options.visibility),
    })),
    overCollisions: decision.overCollisions,
    excludedByNotAMatch: typeof decision.excludedByNotAMatch === 'number' ? decision.excludedByNotAMatch : 0,
    at: decision.at,
    actor: { name: decision.actor.name, role: decision.actor.role },
  };
}
