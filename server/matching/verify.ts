/**
 * Verify: score two given records, or one record against the store, under the published, draft or
 * ad-hoc rules, and explain — without writing anything. Against the store, candidates are found
 * through the match index (keyed by the published rules) and every candidate member is re-scored
 * from its stored canonical record, so draft rules are judged on fresh preparations, not stale ones.
 */
import { BadRequestError, ValidationError } from '../errors';
import { present } from '../invariant';
import { SOURCE_RECORDS } from '../sourceRecords/collections';
import type { SourceRecordDocument } from '../sourceRecords/types';
import { standardiseRecord } from '../ingest/standardise';
import { validateCanonical } from '../schemas/canonicalSchemas';
import type { Store } from '../store/types';
import { findCandidates, type OverCollision } from './candidates';
import { chooseRules, type RulesChoice } from './ruleSets/chooseRules';
import { publishedRules } from './ruleSets/queries';
import { prepareRecord, scorePair } from './scoring';
import { loadTermWeights } from './termStats';
import type { CanonicalRecord, MatchBand, MatchExplanation } from './types';

export interface VerifyCandidate {
  goldenId: string;
  sourceRecordId: string;
  source: string;
  score: number;
  band: MatchBand;
  explanation: MatchExplanation;
}

export interface VerifyResult {
  domain: string;
  rules: { choice: RulesChoice; rulesVersion: string };
  /** Pair mode: the explanation of a vs b. */
  explanation?: MatchExplanation;
  /** Store mode: what ingest would decide, the candidates at review or above (best first) and skipped blocks. */
  decision?: MatchBand;
  candidates?: VerifyCandidate[];
  candidatesConsidered?: number;
  overCollision?: OverCollision[];
}

const BAND_RANK: Record<MatchBand, number> = { 'auto-merge': 2, review: 1, 'no-match': 0 };

/** Standardises a request record as ingest would (identifiers, units, names); keeps its sourceId. */
function asRequestRecord(domain: string, record: Record<string, unknown>, fallbackId: string): CanonicalRecord {
  let standardised: Record<string, unknown>;
  try {
    standardised = standardiseRecord(domain, record).record;
  } catch {
    throw new BadRequestError('UNKNOWN_DOMAIN', `Domain "${domain}" has no canonical schema.`, [
      { path: 'params.domain', code: 'UNKNOWN_DOMAIN', message: `domain "${domain}" has no canonical schema` },
    ]);
  }
  // A partial record is fine here (no required fields), but not one ingest would refuse for its size: string
  // comparators are quadratic, and two 150,000-character names held the event loop for a minute and a half.
  const oversized = validateCanonical(domain, standardised).filter(
    (problem) => problem.code === 'MAX_LENGTH' || problem.code === 'MAX_ITEMS',
  );
  const first = oversized[0];
  if (first !== undefined)
    throw new ValidationError(
      `Record ${fallbackId}: ${first.message} (as ingest requires)`,
      oversized.map((problem) => ({ ...problem, path: `body.${fallbackId}.${problem.path}` })),
    );
  return { ...standardised, sourceId: typeof record.sourceId === 'string' ? record.sourceId : fallbackId };
}

/** Scores `a` against `b`, or `a` against the golden records in the store. Writes nothing. */
export async function verifyMatch(
  services: { store: Store },
  input: {
    domain: string;
    a: Record<string, unknown>;
    b?: Record<string, unknown>;
    rules?: unknown;
    useDraft?: boolean;
    limit?: number;
  },
): Promise<VerifyResult> {
  const { rules, choice } = await chooseRules({
    store: services.store,
    domain: input.domain,
    rules: input.rules,
    useDraft: input.useDraft,
  });
  const a = asRequestRecord(input.domain, input.a, 'a');
  const header = { domain: input.domain, rules: { choice, rulesVersion: rules.version } };
  if (input.b) {
    const b = asRequestRecord(input.domain, input.b, 'b');
    // idf comparators weigh tokens by their frequencies in the domain's match index.
    const context = await loadTermWeights({
      store: services.store,
      compiled: rules,
      prepared: [prepareRecord(a, rules), prepareRecord(b, rules)],
    });
    return { ...header, explanation: scorePair({ a, b, rules, context }) };
  }

  const indexRules = await publishedRules({ store: services.store, domain: input.domain });
  const found = await findCandidates({ store: services.store, rules: indexRules, record: a });
  const recordIds = [...found.byGolden.values()].flat().map((entry) => entry.recordId);
  const members =
    recordIds.length === 0 ? [] : await services.store.collection<SourceRecordDocument>(SOURCE_RECORDS).find({ _id: { $in: recordIds } });
  const best = new Map<string, VerifyCandidate>();
  const preparedMembers = members.map((member) => prepareRecord({ ...member.canonical, sourceId: member.sourceId }, rules));
  const context = await loadTermWeights({
    store: services.store,
    compiled: rules,
    prepared: [prepareRecord(a, rules), ...preparedMembers],
  });
  for (const [i, member] of members.entries()) {
    const explanation = scorePair({ a, b: present(preparedMembers[i], 'prepared member i'), rules, context });
    const candidate: VerifyCandidate = {
      goldenId: member.goldenId,
      sourceRecordId: member._id,
      source: member.source,
      score: explanation.score,
      band: explanation.band,
      explanation,
    };
    const current = best.get(member.goldenId);
    if (
      !current ||
      BAND_RANK[candidate.band] > BAND_RANK[current.band] ||
      (candidate.band === current.band && candidate.score > current.score)
    )
      best.set(member.goldenId, candidate);
  }
  const ranked = [...best.values()].sort((x, y) => BAND_RANK[y.band] - BAND_RANK[x.band] || y.score - x.score);
  const candidates = ranked.filter((c) => c.band !== 'no-match');
  const autoMerges = candidates.filter((c) => c.band === 'auto-merge').length;
  // As in matchRecord: two golden records at auto-merge would make a merge a guess.
  const decision: MatchBand =
    candidates.length === 0 ? 'no-match' : autoMerges > 1 ? 'review' : present(candidates[0], 'best candidate').band;
  return {
    ...header,
    decision,
    candidates: candidates.slice(0, input.limit ?? 10),
    candidatesConsidered: members.length,
    overCollision: found.overCollision,
  };
}
