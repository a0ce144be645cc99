/**
 * What leaves the server about tasks: never the stored document raw. Sensitive values (the domain's
 * `maskedAttributes`) are masked unless the viewer may see them — and masked when no viewer is given:
 * the default is the restricted view (server/policies/visibility.ts).
 */
import type { TaskCandidateView, TaskView } from '../contracts/stewardship';
import { maskExplanation, maskInText, maskRulesOf, maskSensitive, RESTRICTED, type Visibility } from '../policies/visibility';
import type { TaskCandidate, TaskDocument } from './types';

export interface TaskPresentOptions {
  /** What the caller may see; omitted → the restricted view (sensitive values masked). */
  visibility?: Pick<Visibility, 'canSeeSensitive'>;
  /** Candidate golden id → explanation computed from the golden records as shown (`explainCandidatesAsShown`). */
  explanations?: ReadonlyMap<string, unknown>;
}

function presentCandidate(args: {
  candidate: TaskCandidate;
  asShown: unknown;
  mask: (explanation: unknown) => unknown;
}): TaskCandidateView {
  const { candidate, asShown, mask } = args;
  const base = {
    goldenId: candidate.goldenId,
    score: candidate.score,
    band: candidate.band,
    ...(candidate.via ? { via: candidate.via } : {}),
  };
  if (asShown === undefined) return { ...base, explanation: mask(candidate.explanation), explanationBasis: 'match-decision' };
  return { ...base, explanation: mask(asShown), explanationBasis: 'golden-records', decisionExplanation: mask(candidate.explanation) };
}

/** The API view of a task. */
export function presentTask(task: TaskDocument, options: TaskPresentOptions = {}): TaskView {
  const visibility = options.visibility ?? RESTRICTED;
  const rules = visibility.canSeeSensitive ? (new Map() as ReturnType<typeof maskRulesOf>) : maskRulesOf(task.domain);
  const attributeRule = task.subject.attribute ? rules.get(task.subject.attribute.split('.')[0] ?? task.subject.attribute) : undefined;
  // System notes quote the disagreeing values ("Trusted sources disagree on taxId: erp \"…\""): mask them there too.
  const secrets =
    attributeRule && task.values ? task.values.map((v) => v.value).filter((value) => maskSensitive(value, attributeRule) !== value) : [];
  const text = (note: string): string => (secrets.length > 0 ? maskInText(note, secrets) : note);
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
    ...(task.candidates
      ? {
          candidates: task.candidates.map((candidate) =>
            presentCandidate({
              candidate,
              asShown: options.explanations?.get(candidate.goldenId),
              mask: (explanation) => maskExplanation(explanation, rules, visibility),
            }),
          ),
        }
      : {}),
    ...(task.score !== undefined ? { score: task.score } : {}),
    ...(task.band !== undefined ? { band: task.band } : {}),
    ...(task.values ? { values: task.values.map((v) => ({ ...v, value: maskSensitive(v.value, attributeRule) })) } : {}),
    ...(task.exception ? { exception: { ...task.exception } } : {}),
    ...(task.members
      ? {
          members: task.members.map((m) => ({
            goldenId: m.goldenId,
            records: m.records.map((r) => ({
              ...r,
              identifiers: Object.fromEntries(
                Object.entries(r.identifiers).map(([name, value]) => [name, maskSensitive(value, rules.get(name))]),
              ),
            })),
          })),
        }
      : {}),
    ...(task.edges ? { edges: task.edges.map((e) => ({ ...e, explanation: maskExplanation(e.explanation, rules, visibility) })) } : {}),
    ...(task.absorbedInto ? { absorbedInto: task.absorbedInto } : {}),
    comments: task.comments.map((c) => ({ ...c, text: text(c.text) })),
    history: task.history.map((h) => ({ ...h, ...(h.note !== undefined ? { note: text(h.note) } : {}) })),
    createdAt: task.createdAt,
    updatedAt: task.updatedAt,
    ...(task.closedAt ? { closedAt: task.closedAt } : {}),
  };
}
