/**
 * Survivorship: computes a golden record's attributes from its source records, one top-level
 * canonical attribute at a time, by the strategy its rules name, then applies steward overrides
 * (which always win). Pure and deterministic: ties fall through the rule's tie-breakers, then most
 * recent, then the source record id, so recomputing the same inputs always gives the same record.
 */
import type { LineageEntry, OverrideEntry } from './types';
import type { AttributeRule, SurvivorshipConfig, SurvivorshipStrategy } from './survivorshipConfig';
import { copyIfPlainJson, stableStringify } from '../stableJson';
import { present } from '../invariant';

/** The parts of a source record survivorship reads. */
export interface SurvivorshipSource {
  _id: string;
  source: string;
  sourceId: string;
  canonical: Record<string, unknown>;
  updatedAt: string;
}

export interface SurvivorshipResult {
  attributes: Record<string, unknown>;
  lineage: Record<string, LineageEntry>;
}

interface Candidate {
  record: SurvivorshipSource;
  value: unknown;
  /** Stable JSON of the value; left empty when it is the attribute's only candidate (nothing to compare). */
  fingerprint: string;
}

/** Whether a value counts as absent (missing values never win). */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmptyValue);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isEmptyValue);
  return false;
}

/** How filled-in a value is: characters of text, non-empty leaves of objects and arrays. */
export function completenessOf(value: unknown): number {
  if (isEmptyValue(value)) return 0;
  if (typeof value === 'string') return value.trim().length;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + Math.max(completenessOf(item), isEmptyValue(item) ? 0 : 1), 0);
  if (typeof value === 'object') {
    // Leaves count once each, so an address with a postal code beats one without.
    return Object.values(value as Record<string, unknown>).reduce<number>(
      (sum, item) => sum + (isEmptyValue(item) ? 0 : typeof item === 'object' ? completenessOf(item) : 1),
      0,
    );
  }
  return 1;
}

function strategyScores(strategy: SurvivorshipStrategy, candidates: Candidate[], priority: string[]): number[] {
  switch (strategy) {
    case 'sourcePriority':
      return candidates.map((c) => {
        const index = priority.indexOf(c.record.source);
        return index < 0 ? 0 : priority.length - index;
      });
    case 'mostRecent':
      return candidates.map((c) => Date.parse(c.record.updatedAt) || 0);
    case 'mostFrequent': {
      const counts = new Map<string, number>();
      for (const c of candidates) counts.set(c.fingerprint, (counts.get(c.fingerprint) ?? 0) + 1);
      return candidates.map((c) => counts.get(c.fingerprint) ?? 0);
    }
    case 'mostComplete':
      return candidates.map((c) => completenessOf(c.value));
  }
}

function isSingleValue(candidates: Candidate[]): boolean {
  return candidates.every((c) => c.fingerprint === candidates[0]?.fingerprint);
}

/**
 * Picks the surviving candidate. The lineage names the strategy that decided the VALUE: the first
 * in the chain after which every remaining candidate agrees (later steps only pick which of several
 * agreeing records is cited).
 */
function pickSurvivor(candidates: Candidate[], rule: AttributeRule, config: SurvivorshipConfig): { winner: Candidate; strategy: string } {
  const priority = rule.sources ?? config.sourcePriority ?? [];
  const chain: SurvivorshipStrategy[] = [rule.strategy, ...(rule.tieBreak ?? []).filter((s) => s !== rule.strategy)];
  if (!chain.includes('mostRecent')) chain.push('mostRecent');
  let remaining = candidates;
  let decidedBy: string | null = isSingleValue(candidates) ? rule.strategy : null;
  for (const strategy of chain) {
    if (remaining.length === 1) break;
    const scores = strategyScores(strategy, remaining, priority);
    const best = Math.max(...scores);
    remaining = remaining.filter((_, i) => scores[i] === best);
    if (decidedBy === null && isSingleValue(remaining)) decidedBy = strategy;
  }
  // Still tied (identical timestamps): the lowest source record id, for determinism.
  const winner = present(
    [...remaining].sort((x, y) => (x.record._id < y.record._id ? -1 : x.record._id > y.record._id ? 1 : 0))[0],
    'a surviving candidate (survivorship is only asked about attributes with candidates)',
  );
  return { winner, strategy: decidedBy ?? rule.strategy };
}

/** The lineage entry of a steward override. */
export function overrideLineage(override: OverrideEntry): LineageEntry {
  return { sourceRecordId: '', source: 'steward', sourceId: override.by.keyId, at: override.at, strategy: 'override' };
}

/**
 * A golden attribute's own copy of a value: objects are cloned (never shared with a source record), scalars are
 * immutable. Canonical values are plain JSON (parsed or standardised), copied by one walk — `structuredClone`'s
 * serialise-and-deserialise cost ~1 % of a bulk load's main thread — and anything else by `structuredClone` as before.
 */
function copyOfValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  return copyIfPlainJson(value) ?? structuredClone(value);
}

/** Attribute names that never survive, per configuration (one set per loaded configuration, not one per record). */
const excludedByConfig = new WeakMap<SurvivorshipConfig, ReadonlySet<string>>();

function excludedOf(config: SurvivorshipConfig): ReadonlySet<string> {
  let excluded = excludedByConfig.get(config);
  if (!excluded) excludedByConfig.set(config, (excluded = new Set(['sourceId', ...(config.excludedAttributes ?? [])])));
  return excluded;
}

/** Computes every golden attribute with its lineage from the source records and the overrides. */
export function resolveSurvivorship(args: {
  sources: readonly SurvivorshipSource[];
  overrides?: Record<string, OverrideEntry>;
  config: SurvivorshipConfig;
}): SurvivorshipResult {
  const excluded = excludedOf(args.config);
  const names = new Set<string>();
  for (const source of args.sources) for (const name of Object.keys(source.canonical)) if (!excluded.has(name)) names.add(name);
  const attributes: Record<string, unknown> = {};
  const lineage: Record<string, LineageEntry> = {};
  for (const name of [...names].sort()) {
    const candidates: Candidate[] = [];
    for (const record of args.sources) {
      const value = record.canonical[name];
      if (!isEmptyValue(value)) candidates.push({ record, value, fingerprint: '' });
    }
    if (candidates.length === 0) continue;
    const rule = args.config.attributes?.[name] ?? args.config.default;
    // A lone candidate (every attribute of a one-member golden record, what a bulk load creates by the thousand) wins by
    // the rule's strategy: what `pickSurvivor` answers for it, without its chain and copies (~7 KB of garbage a record).
    // Fingerprints only tell candidates apart, so it needs none either.
    const [only] = candidates;
    let survivor: { winner: Candidate; strategy: string };
    if (only && candidates.length === 1) survivor = { winner: only, strategy: rule.strategy };
    else {
      for (const candidate of candidates) candidate.fingerprint = stableStringify(candidate.value);
      survivor = pickSurvivor(candidates, rule, args.config);
    }
    const { winner, strategy } = survivor;
    attributes[name] = copyOfValue(winner.value);
    lineage[name] = {
      sourceRecordId: winner.record._id,
      source: winner.record.source,
      sourceId: winner.record.sourceId,
      at: winner.record.updatedAt,
      strategy,
    };
  }
  for (const [name, override] of Object.entries(args.overrides ?? {})) {
    if (override.value === null) delete attributes[name];
    else attributes[name] = copyOfValue(override.value);
    lineage[name] = overrideLineage(override);
  }
  return { attributes, lineage };
}
