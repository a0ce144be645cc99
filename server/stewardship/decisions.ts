/**
 * The steward's decisions on a task, each one transaction: the task is claimed first (conditional on
 * the version the steward read, so a second steward gets 409 and nothing is applied twice), then the
 * golden-record use case runs with the same session, then tasks made obsolete by the change close.
 */
import { recordAudit } from '../audit/auditLog';
import { BadRequestError, ConflictError } from '../errors';
import { SOURCE_RECORDS } from '../golden/collections';
import { inTransaction } from '../golden/goldenStore';
import { loadMergeable, mergeLoadedGoldenRecords, type MergeResult } from '../golden/mergeGoldenRecords';
import { setOverride } from '../golden/overrides';
import type { GoldenRecordDocument, SourceRecordDocument } from '../golden/types';
import type { AppServices } from '../services';
import type { Store, StoreSession } from '../store/types';
import { detectSurvivorshipConflicts } from './conflicts';
import { recordNotAMatch } from './notAMatch';
import { closeObsoleteTasks } from './obsoleteTasks';
import { assertTaskOpen, assertTaskType, assertTaskVersion, requireTask, updateTaskVersioned, type StewardActor } from './taskStore';
import type { TaskDocument } from './types';
import { bestOf } from './newTask';

type Services = Pick<AppServices, 'store'>;

async function subjectRecord(store: Store, session: StoreSession, task: TaskDocument): Promise<SourceRecordDocument> {
  const id = task.subject.sourceRecordId ?? '';
  const record = await store.collection<SourceRecordDocument>(SOURCE_RECORDS).findOne({ _id: id }, { session });
  if (!record || !record.goldenId)
    throw new ConflictError('TASK_NO_LONGER_APPLIES', `Source record "${id}" of task "${task._id}" no longer exists.`, { current: task });
  return record;
}

async function loadDecidableTask(
  store: Store,
  session: StoreSession,
  input: { taskId: string; expectedVersion: number },
  types: ReadonlyArray<TaskDocument['type']>,
  action: string,
): Promise<TaskDocument> {
  const task = await requireTask({ store, id: input.taskId, session });
  assertTaskOpen(task);
  assertTaskVersion(task, input.expectedVersion);
  assertTaskType(task, types, action);
  return task;
}

export interface MergeTaskResult {
  task: TaskDocument;
  merge: MergeResult;
  /** The survivor after the steward's per-attribute choices (overrides). */
  golden: GoldenRecordDocument;
}

/**
 * Accepts a potential match: the subject's golden record and the candidate merge (the candidate's id
 * survives unless `survivor: 'subject'`); `attributes` choose surviving values, stored as overrides.
 */
export async function mergeTask(
  services: Services,
  input: {
    taskId: string;
    expectedVersion: number;
    candidateGoldenId?: string;
    goldenVersions?: Record<string, number>;
    survivor?: 'candidate' | 'subject';
    attributes?: Record<string, { sourceRecordId?: string; value?: unknown }>;
    reason: string;
    actor: StewardActor;
  },
): Promise<MergeTaskResult> {
  const { store } = services;
  return inTransaction(store, undefined, async (session) => {
    const at = new Date().toISOString();
    const task = await loadDecidableTask(store, session, input, ['potential-match'], 'merge');
    const candidateId = input.candidateGoldenId ?? task.candidates?.[0]?.goldenId;
    if (!candidateId || !(task.candidates ?? []).some((c) => c.goldenId === candidateId)) {
      throw new BadRequestError('UNKNOWN_CANDIDATE', `"${candidateId ?? ''}" is not a candidate of task "${task._id}".`, [
        {
          path: 'body.candidateGoldenId',
          code: 'UNKNOWN_CANDIDATE',
          message: `Use one of: ${(task.candidates ?? []).map((c) => c.goldenId).join(', ')}.`,
        },
      ]);
    }
    const record = await subjectRecord(store, session, task);
    if (record.goldenId === candidateId) {
      throw new ConflictError('TASK_NO_LONGER_APPLIES', `Source record "${record._id}" is already part of "${candidateId}".`, {
        current: task,
      });
    }
    const [survivorId, mergedId] = input.survivor === 'subject' ? [record.goldenId, candidateId] : [candidateId, record.goldenId];
    // Every check that can refuse the merge (golden versions, both active) runs before the task closes.
    const { survivor, merged } = await loadMergeable({
      store,
      session,
      survivorId,
      mergedId,
      expectedVersions: input.goldenVersions,
      domain: task.domain,
    });
    const claimed = await updateTaskVersioned({
      store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      at,
      set: { status: 'closed', resolution: 'merged', closedAt: at },
      history: { by: input.actor.name, action: 'merged', note: `${record.goldenId} and ${candidateId} merged: ${input.reason}` },
    });
    const merge = await mergeLoadedGoldenRecords({ store, session, survivor, merged, actor: input.actor, reason: input.reason, at });
    let golden = merge.survivor;
    for (const [attribute, choice] of Object.entries(input.attributes ?? {})) {
      golden = await setOverride(services, {
        goldenId: golden._id,
        attribute,
        value: await chosenValue({ store, session, golden, attribute, choice }),
        reason: `chosen at merge: ${input.reason}`,
        actor: input.actor,
        expectedVersion: golden.version,
        domain: task.domain,
        session,
      });
    }
    await recordAudit({
      store,
      session,
      actor: input.actor,
      action: 'task.merge',
      target: { type: 'task', id: task._id, domain: task.domain },
      before: {
        status: 'open',
        version: task.version,
        sourceRecordId: record._id,
        goldenId: record.goldenId,
        candidateGoldenId: candidateId,
      },
      after: {
        status: 'closed',
        resolution: 'merged',
        version: claimed.version,
        survivorId: golden._id,
        retiredId: merge.retired._id,
        survivorVersion: golden.version,
        chosenAttributes: Object.keys(input.attributes ?? {}),
      },
      reason: input.reason,
      at,
    });
    await closeObsoleteTasks({ store, session, goldenIds: [survivorId, mergedId], at });
    // Trusted sources now side by side in one record may disagree on an identifier.
    await detectSurvivorshipConflicts({ store, session, goldenIds: [golden._id], at });
    return { task: claimed, merge, golden };
  });
}

async function chosenValue(args: {
  store: Store;
  session: StoreSession;
  golden: GoldenRecordDocument;
  attribute: string;
  choice: { sourceRecordId?: string; value?: unknown };
}): Promise<unknown> {
  const { choice, attribute } = args;
  if (choice.sourceRecordId === undefined) {
    if (!('value' in choice))
      throw new BadRequestError('EMPTY_CHOICE', `body.attributes.${attribute} needs a sourceRecordId or a value.`, [
        { path: `body.attributes.${attribute}`, code: 'EMPTY_CHOICE', message: 'Give sourceRecordId or value.' },
      ]);
    return choice.value ?? null;
  }
  if (!args.golden.sourceRecordIds.includes(choice.sourceRecordId)) {
    throw new BadRequestError('NOT_A_MEMBER', `Source record "${choice.sourceRecordId}" is not part of the merged record.`, [
      {
        path: `body.attributes.${attribute}.sourceRecordId`,
        code: 'NOT_A_MEMBER',
        message: `Use one of: ${args.golden.sourceRecordIds.join(', ')}.`,
      },
    ]);
  }
  const member = await args.store
    .collection<SourceRecordDocument>(SOURCE_RECORDS)
    .findOne({ _id: choice.sourceRecordId }, { session: args.session });
  return member?.canonical[attribute] ?? null;
}

/** Rejects candidates of a potential match (default all): stored as not-a-match pairs; the task closes when none is left. */
export async function rejectCandidates(
  services: Services,
  input: { taskId: string; expectedVersion: number; candidateGoldenIds?: string[]; reason: string; actor: StewardActor },
): Promise<{ task: TaskDocument; pairs: number }> {
  const { store } = services;
  return inTransaction(store, undefined, async (session) => {
    const at = new Date().toISOString();
    const task = await loadDecidableTask(store, session, input, ['potential-match'], 'not-a-match');
    const candidates = task.candidates ?? [];
    const rejected = input.candidateGoldenIds ?? candidates.map((c) => c.goldenId);
    const unknown = rejected.filter((id) => !candidates.some((c) => c.goldenId === id));
    if (unknown.length > 0) {
      throw new BadRequestError(
        'UNKNOWN_CANDIDATE',
        `${unknown.map((id) => `"${id}"`).join(', ')} not a candidate of task "${task._id}".`,
        [
          {
            path: 'body.candidateGoldenIds',
            code: 'UNKNOWN_CANDIDATE',
            message: `Use ids among: ${candidates.map((c) => c.goldenId).join(', ')}.`,
          },
        ],
      );
    }
    const record = await subjectRecord(store, session, task);
    const remaining = candidates.filter((c) => !rejected.includes(c.goldenId));
    const isDone = remaining.length === 0;
    const claimed = await updateTaskVersioned({
      store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      at,
      // A closed task keeps the candidates it was decided on; an open one shows what is left to decide.
      set: isDone ? { status: 'closed', resolution: 'not-a-match', closedAt: at } : { candidates: remaining, ...bestOf(remaining) },
      history: { by: input.actor.name, action: 'not-a-match', note: `Not ${rejected.join(', ')}: ${input.reason}` },
    });
    let pairs = 0;
    for (const goldenId of rejected)
      pairs += (await recordNotAMatch({ store, session, record, goldenId, actor: input.actor, reason: input.reason, taskId: task._id, at }))
        .length;
    await recordAudit({
      store,
      session,
      actor: input.actor,
      action: 'task.not-a-match',
      target: { type: 'task', id: task._id, domain: task.domain },
      before: { status: 'open', version: task.version, sourceRecordId: record._id, candidates: candidates.map((c) => c.goldenId) },
      after: {
        status: claimed.status,
        ...(isDone ? { resolution: 'not-a-match' } : {}),
        version: claimed.version,
        rejected,
        candidates: remaining.map((c) => c.goldenId),
        pairs,
      },
      reason: input.reason,
      at,
    });
    return { task: claimed, pairs };
  });
}

/** Settles a survivorship conflict with a steward override: a member's value or a value given. */
export async function resolveConflict(
  services: Services,
  input: {
    taskId: string;
    expectedVersion: number;
    sourceRecordId?: string;
    value?: unknown;
    hasValue: boolean;
    goldenVersion?: number;
    reason: string;
    actor: StewardActor;
  },
): Promise<{ task: TaskDocument; golden: GoldenRecordDocument }> {
  const { store } = services;
  return inTransaction(store, undefined, async (session) => {
    const at = new Date().toISOString();
    const task = await loadDecidableTask(store, session, input, ['survivorship-conflict'], 'override');
    const attribute = task.subject.attribute ?? '';
    const goldenId = task.subject.goldenId ?? '';
    let value: unknown;
    if (input.sourceRecordId !== undefined) {
      const offered = (task.values ?? []).find((v) => v.sourceRecordId === input.sourceRecordId);
      if (!offered) {
        throw new BadRequestError(
          'UNKNOWN_VALUE',
          `Source record "${input.sourceRecordId}" is not one of the disagreeing sources of task "${task._id}".`,
          [
            {
              path: 'body.sourceRecordId',
              code: 'UNKNOWN_VALUE',
              message: `Use one of: ${(task.values ?? []).map((v) => v.sourceRecordId).join(', ')}.`,
            },
          ],
        );
      }
      value = offered.value;
    } else if (input.hasValue) {
      value = input.value ?? null;
    } else {
      throw new BadRequestError('EMPTY_CHOICE', "Give body.sourceRecordId (take that source's value) or body.value.", [
        { path: 'body', code: 'EMPTY_CHOICE', message: 'Give sourceRecordId or value.' },
      ]);
    }
    const claimed = await updateTaskVersioned({
      store,
      session,
      task,
      expectedVersion: input.expectedVersion,
      at,
      set: { status: 'closed', resolution: 'overridden', closedAt: at },
      history: { by: input.actor.name, action: 'overridden', note: `${attribute} set by steward: ${input.reason}` },
    });
    const golden = await setOverride(services, {
      goldenId,
      attribute,
      value,
      reason: input.reason,
      actor: input.actor,
      expectedVersion: input.goldenVersion,
      domain: task.domain,
      session,
    });
    await recordAudit({
      store,
      session,
      actor: input.actor,
      action: 'task.override',
      target: { type: 'task', id: task._id, domain: task.domain },
      before: { status: 'open', version: task.version, goldenId, attribute, values: task.values ?? [] },
      after: {
        status: 'closed',
        resolution: 'overridden',
        version: claimed.version,
        goldenId,
        attribute,
        value,
        goldenVersion: golden.version,
      },
      reason: input.reason,
      at,
    });
    return { task: claimed, golden };
  });
}
