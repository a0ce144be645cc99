/** What leaves the server about tasks: never the stored document raw; sensitive values masked for readers who may not see them. */
import type { TaskCandidateView, TaskView } from '../contracts/stewardship';
import { isSsnLike, maskValue } from '../golden/goldenPresenter';
import type { TaskCandidate, TaskDocument } from './types';

export interface TaskPresentOptions {
  /** Attributes configured as sensitive for the task's domain (survivorship `maskedAttributes`). */
  maskedAttributes?: ReadonlyArray<{ attribute: string; when: 'always' | 'ssnLike' }>;
  /** Admins and stewards see values unmasked (they decide on them). */
  canSeeSensitive?: boolean;
  /** Candidate golden id → explanation computed from the golden records as shown (`explainCandidatesAsShown`). */
  explanations?: ReadonlyMap<string, unknown>;
}

function maskIf(value: unknown, rule: { when: 'always' | 'ssnLike' } | undefined): unknown {
  if (!rule || value === null || value === undefined) return value;
  return rule.when === 'always' || isSsnLike(value) ? maskValue(value) : value;
}

function maskExplanation(explanation: unknown, rules: Map<string, { when: 'always' | 'ssnLike' }>): unknown {
  if (!explanation || typeof explanation !== 'object' || !('comparators' in explanation)) return explanation;
  const comparators = (explanation as { comparators: Array<Record<string, unknown>> }).comparators.map((c) => {
    const rule = rules.get(String(c.field ?? '').split('.')[0]);
    return rule ? { ...c, a: maskIf(c.a, rule), b: maskIf(c.b, rule) } : c;
  });
  return { ...explanation, comparators };
}

function presentCandidate(candidate: TaskCandidate, rules: Map<string, { when: 'always' | 'ssnLike' }>, asShown: unknown): TaskCandidateView {
  const base = { goldenId: candidate.goldenId, score: candidate.score, band: candidate.band };
  if (asShown === undefined) return { ...base, explanation: maskExplanation(candidate.explanation, rules), explanationBasis: 'match-decision' };
  return { ...base, explanation: maskExplanation(asShown, rules), explanationBasis: 'golden-records', decisionExplanation: maskExplanation(candidate.explanation, rules) };
}

/** The API view of a task. */
export function presentTask(task: TaskDocument, options: TaskPresentOptions = {}): TaskView {
  const canSee = options.canSeeSensitive ?? true;
  const rules = new Map(canSee ? [] : (options.maskedAttributes ?? []).map((r) => [r.attribute, r] as const));
  const attributeRule = task.subject.attribute ? rules.get(task.subject.attribute) : undefined;
  return {
    id: task._id,
    type: task.type,
    domain: task.domain,
    ...(task.source ? { source: task.source } : {}),
    status: task.status,
    ...(task.resolution ? { resolution: task.resolution } : {}),
    version: task.version,
    priority: task.priority,
    assignee: task.assignee ?? null,
    subject: { ...task.subject },
    ...(task.candidates ? { candidates: task.candidates.map((c) => presentCandidate(c, rules, options.explanations?.get(c.goldenId))) } : {}),
    ...(task.score !== undefined ? { score: task.score } : {}),
    ...(task.band !== undefined ? { band: task.band } : {}),
    ...(task.values ? { values: task.values.map((v) => ({ ...v, value: maskIf(v.value, attributeRule) })) } : {}),
    ...(task.exception ? { exception: { ...task.exception } } : {}),
    comments: task.comments.map((c) => ({ ...c })),
    history: task.history.map((h) => ({ ...h })),
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    ...(task.closedAt ? { closedAt: task.closedAt } : {}),
  };
}
