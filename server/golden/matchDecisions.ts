/** Storing every automatic matching decision with what the engine saw, and the rule named in audits. */
import { randomUUID } from 'node:crypto';
import { recordAudit, systemActor } from '../audit/auditLog';
import type { MatchDecision } from '../matching';
import { insertDeferrable } from '../store/deferredInserts';
import type { Store, StoreSession } from '../store/types';
import type { TaskCandidate } from '../stewardship/types';
import { MATCH_DECISIONS } from './collections';
import type { GoldenActor, MatchDecisionDocument } from './types';

/** Candidates kept on a decision: enough for a steward, bounded for storage. */
const MAX_STORED_CANDIDATES = 10;

/** The rule an automatic decision is attributed to (`<rules version>:<hard rule or band>`). */
export function ruleOf(decision: MatchDecision, rulesVersion: string): string {
  const fired = decision.best?.explanation.hardRule?.name;
  return `${rulesVersion}:${fired ?? (decision.isAmbiguous ? 'ambiguous-auto-merge' : decision.decision)}`;
}

/** The candidates of a decision in the task / decision format. */
export function taskCandidates(decision: MatchDecision): TaskCandidate[] {
  return decision.candidates
    .slice(0, MAX_STORED_CANDIDATES)
    .map((c) => ({ goldenId: c.goldenId, score: c.score, band: c.band, explanation: c.explanation }));
}

/** Stores one matching decision. */
export async function storeMatchDecision(args: {
  store: Store;
  session: StoreSession;
  domain: string;
  sourceRecordId: string;
  goldenId: string;
  outcome: MatchDecisionDocument['outcome'];
  trigger: MatchDecisionDocument['trigger'];
  rulesVersion: string;
  decision: MatchDecision;
  actor: GoldenActor;
  at: string;
}): Promise<MatchDecisionDocument> {
  const best = args.decision.best;
  const doc: MatchDecisionDocument = {
    _id: `md_${randomUUID()}`,
    domain: args.domain,
    sourceRecordId: args.sourceRecordId,
    goldenId: args.goldenId,
    outcome: args.outcome,
    trigger: args.trigger,
    rulesVersion: args.rulesVersion,
    band: args.decision.decision,
    score: best?.score ?? 0,
    ruleFired: best?.explanation.hardRule?.name ?? null,
    candidatesConsidered: args.decision.entriesCompared,
    candidates: taskCandidates(args.decision),
    overCollisions: args.decision.overCollision,
    excludedByNotAMatch: args.decision.excludedByNotAMatch,
    isAmbiguous: args.decision.isAmbiguous,
    isTruncated: args.decision.isTruncated,
    relationships: args.decision.relationships,
    actor: args.actor,
    at: args.at,
  };
  // Deferred in an ingest group: nothing to await (`insertDeferrable`).
  const written = insertDeferrable({ store: args.store, collection: MATCH_DECISIONS, doc, session: args.session });
  if (written) await written;
  return doc;
}

/** Audits one automatic decision under the rule that made it (`requestedBy` = the key that sent the record). */
export async function auditMatchDecision(args: {
  store: Store;
  session: StoreSession;
  rule: string;
  decision: MatchDecisionDocument;
  requestedBy: GoldenActor;
  at: string;
}): Promise<void> {
  const { decision } = args;
  await recordAudit({
    store: args.store,
    session: args.session,
    actor: systemActor(args.rule),
    action: 'golden.match',
    target: { type: 'sourceRecord', id: decision.sourceRecordId, domain: decision.domain },
    after: {
      goldenId: decision.goldenId,
      outcome: decision.outcome,
      band: decision.band,
      score: decision.score,
      decisionId: decision._id,
      requestedBy: args.requestedBy,
    },
    at: args.at,
  });
}
