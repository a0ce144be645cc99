/**
 * The training job `matching.train`: estimates Fellegi–Sunter m, u and the prior from a domain's
 * own source records (training.ts), refined by stewards' decisions, and saves the result as the
 * domain's rules DRAFT — an analyst reviews it with the impact preview and publishes it. Nothing
 * the engine uses changes until then. The job's result is the training report.
 */
import { SOURCE_RECORDS } from '../sourceRecords/collections';
import { TASKS } from '../stewardship/collections';
import type { SourceRecordDocument } from '../sourceRecords/types';
import type { JobHandler } from '../jobs/types';
import type { AppServices } from '../services';
import type { TaskDocument } from '../stewardship/types';
import type { Store } from '../store/types';
import { loadDomainRecords, notAMatchPairs, splitPair } from './domainRecords';
import { assertMatchingDomain, saveRulesDraft } from './ruleSets/commands';
import { publishedRules } from './ruleSets/queries';
import type { RuleSetAuthor } from './ruleSets/types';
import { trainFellegiSunterAsync, type TrainingLabels, type TrainingOptions, type TrainingProgress, type TrainingReport } from './training';

export const TRAIN_JOB = 'matching.train';

export interface TrainJobParams {
  domain: string;
  actor: RuleSetAuthor;
  options: TrainingOptions;
  [key: string]: unknown;
}

export interface TrainJobResult {
  report: TrainingReport;
  /** The draft the trained rules were saved as. */
  draft: { revision: number; rulesVersion: string };
}

/**
 * Stewards' decisions as labels. Not-a-match: every stored pair (golden-side pairs expanded to the
 * golden record's members). Match: each potential-match task closed as `merged` gives the pair the
 * steward looked at — the subject record and the candidate's best member (named in the task's
 * explanation) — while both are still in one golden record (an unmerge since withdraws the label).
 */
export async function loadTrainingLabels(args: {
  store: Store;
  domain: string;
  goldenOf: ReadonlyMap<string, string>;
}): Promise<TrainingLabels> {
  const nonMatches = [...(await notAMatchPairs(args))].map((key) => splitPair(key));
  const merged = await args.store
    .collection<TaskDocument>(TASKS)
    .find({ domain: args.domain, type: 'potential-match', status: 'closed', resolution: 'merged' });
  const matches: Array<[string, string]> = [];
  const membersOf = new Map<string, string[]>();
  for (const [recordId, goldenId] of args.goldenOf) {
    const list = membersOf.get(goldenId);
    if (list) list.push(recordId);
    else membersOf.set(goldenId, [recordId]);
  }
  for (const task of merged) {
    const subject = task.subject.sourceRecordId;
    const goldenId = subject ? args.goldenOf.get(subject) : undefined;
    if (!subject || !goldenId) continue;
    const seen = new Set(
      (task.candidates ?? [])
        .map((c) => (c.explanation as { bSourceId?: unknown } | null)?.bSourceId)
        .filter((id): id is string => typeof id === 'string'),
    );
    const others = (membersOf.get(goldenId) ?? []).filter((id) => id !== subject);
    if (others.length === 0 || seen.size === 0) continue;
    // Explanations name records by their source's own id; map the golden record's members back.
    const members = await args.store
      .collection<SourceRecordDocument>(SOURCE_RECORDS)
      .find({ _id: { $in: others } }, { projection: { _id: 1, sourceId: 1 } });
    for (const member of members) if (seen.has(member.sourceId)) matches.push([subject, member._id]);
  }
  return { matches, nonMatches };
}

/** Queues training for `domain` (202 with the job). */
export async function startTrainingJob(services: Pick<AppServices, 'store' | 'jobs'>, input: TrainJobParams) {
  assertMatchingDomain(input.domain);
  return services.jobs.enqueue({ type: TRAIN_JOB, params: input, createdBy: input.actor.keyId });
}

/** A version string no earlier rules used: the base version with a `+trained.<timestamp>` suffix. */
function trainedVersion(base: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${base.replace(/\+trained\.[0-9TZ]+$/, '')}+trained.${stamp}`;
}

/** Trains on the domain's records and labels and saves the trained rules as its draft. */
export async function trainDomainRules(
  services: Pick<AppServices, 'store'>,
  input: {
    domain: string;
    actor: RuleSetAuthor;
    options?: TrainingOptions;
    onPhase?: (phase: string) => Promise<void>;
    /** Called at each pause of the cooperative training (progress reports, cancellation). */
    onProgress?: (progress: TrainingProgress) => void | Promise<void>;
  },
): Promise<TrainJobResult> {
  const { store } = services;
  const compiled = await publishedRules({ store, domain: input.domain });
  await input.onPhase?.('loading records');
  const { records, goldenOf } = await loadDomainRecords({ store, domain: input.domain });
  const labels = await loadTrainingLabels({ store, domain: input.domain, goldenOf });
  await input.onPhase?.('estimating u (random pairs) and m (EM over candidate pairs)');
  // Cooperative: the training pauses for the event loop, so the server keeps answering and the job keeps its lease.
  const { rules, report } = await trainFellegiSunterAsync({
    records,
    rules: compiled.rules,
    labels,
    options: input.options,
    version: trainedVersion(compiled.rules.version, new Date()),
    onYield: input.onProgress,
  });
  const { ruleSet } = await saveRulesDraft(services, { domain: input.domain, rules, actor: input.actor });
  return { report, draft: { revision: ruleSet.draft?.revision ?? 0, rulesVersion: rules.version } };
}

/** How the job names each phase of the training in its progress. */
const TRAINING_PHASES: Record<TrainingProgress['phase'], string> = {
  prepare: 'preparing records',
  randomPairs: 'estimating u (random pairs)',
  block: 'blocking candidate pairs',
  candidatePairs: 'comparing candidate pairs',
  em: 'estimating m (EM iterations)',
};

/** The job: one pass (training is CPU work on the job runner's thread; a restart starts over). */
export const trainRulesJob: JobHandler<TrainJobParams> = {
  type: TRAIN_JOB,
  async run({ job, services, report, signal }) {
    await report({ phase: 'starting', done: 0, total: 1 });
    const result = await trainDomainRules(services, {
      ...job.params,
      onPhase: (phase) => report({ phase, done: 0, total: 1 }),
      onProgress: (progress) => {
        signal.throwIfAborted();
        return report({ phase: TRAINING_PHASES[progress.phase], done: progress.done, total: progress.total });
      },
    });
    await report({ phase: 'done', done: 1, total: 1 });
    return result;
  },
};
