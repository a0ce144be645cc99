/** What leaves the server about tasks: never the stored document raw; sensitive values masked for readers who may not see them. */
import type { TaskView } from '../contracts/stewardship';
import { isSsnLike, maskValue } from '../golden/goldenPresenter';
import type { TaskDocument } from './types';

export interface TaskPresentOptions {
  /** Attributes configured as sensitive for the task's domain (survivorship `maskedAttributes`). */
  maskedAttributes?: ReadonlyArray<{ attribute: string; when: 'always' | 'ssnLike' }>;
  /** Admins and stewards see values unmasked (they decide on them). */
  canSeeSensitive?: boolean;
}

function maskIf(value: unknown, rule: { when: 'always' | 'ssnLike' } | undefined): unknown {
  if (!rule || value === null || value === undefined) return value;
  return rule.when === 'always' || isSsnLike(value) ? maskValue(value) : value;
}

function maskExplanation(explanation: unknown, rules: Map<string, { when: 'always' | 'ssnLike' }>): unknown {
  if (!explanation || typeof explanation !== 'object' || !('comparators' in explanation)) return explanation;
  const comparators = (explanation as { comparators: Array<Record<string, unknown>> }).comparators.map((c) => {
    const rule = rules.get(String(c.field ?? '').split('.')[0]);
    if (!rule) return c;
    // Attribute details are read from the same field: masked with it.
    const details = Array.isArray(c.details) ? { details: (c.details as Array<{ a: unknown; b: unknown }>).map((d) => ({ ...d, a: maskIf(d.a, rule), b: maskIf(d.b, rule) })) } : {};
    return { ...c, a: maskIf(c.a, rule), b: maskIf(c.b, rule), ...details };
  });
  return { ...explanation, comparators };
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
    ...(task.candidates ? { candidates: task.candidates.map((c) => ({ goldenId: c.goldenId, score: c.score, band: c.band, explanation: maskExplanation(c.explanation, rules) })) } : {}),
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
