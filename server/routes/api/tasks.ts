/**
 * The steward's inbox over HTTP: list, count and read tasks; assign, comment, prioritise; decide
 * (merge, not-a-match, skip, override); bulk decisions as a job. Every change takes the task version
 * the steward read (`expectedVersion`) and answers 409 with the current task when it moved on.
 */
import {
  acceptClusterBodySchema,
  assignBodySchema,
  bulkBodySchema,
  commentBodySchema,
  mergeTaskBodySchema,
  notAMatchBodySchema,
  overrideTaskBodySchema,
  priorityBodySchema,
  rejectClusterBodySchema,
  skipBodySchema,
  splitClusterBodySchema,
  taskCountsQuerySchema,
  taskIdParamsSchema,
  taskActionResultSchema,
  taskCountsViewSchema,
  taskListQuerySchema,
  taskListViewSchema,
  taskViewSchema,
  type TaskCountsView,
  type TaskListView,
  type TaskView,
} from '../../contracts/stewardship';
import { goldenPresentOptions, presentGolden } from '../../golden/presenter';
import { visibilityOf } from '../../policies/visibility';
import { defineRoute, viewResponse } from '../../http/route';
import { presentJob, type JobView } from '../../jobs/presenter';
import { jobViewSchema } from '../../contracts/jobs';
import type { GoldenRecordView } from '../../contracts/golden';
import type { Principal } from '../../policies/abilities';
import type { AppServices } from '../../services';
import {
  acceptCluster,
  assignTask,
  commentOnTask,
  countTasks,
  listTasks,
  mergeTask,
  presentTask,
  rejectCandidates,
  rejectCluster,
  requireTask,
  resolveConflict,
  setTaskPriority,
  skipTask,
  splitCluster,
  startBulkAction,
  explainCandidatesAsShown,
  type TaskDocument,
} from '../../stewardship';

const TAGS = ['tasks'];

function actorOf(principal: Principal) {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

/** Presents tasks for a caller: candidate explanations from the golden records as shown; sensitive values masked for roles that may not see them. */
async function presentTasks(
  services: Pick<AppServices, 'store'>,
  tasks: readonly TaskDocument[],
  principal: Principal,
): Promise<TaskView[]> {
  const explanations = await explainCandidatesAsShown({ store: services.store, tasks });
  const visibility = visibilityOf(principal);
  return tasks.map((task) => presentTask(task, { visibility, explanations: explanations.get(task._id) }));
}

async function present(services: Pick<AppServices, 'store'>, task: TaskDocument, principal: Principal): Promise<TaskView> {
  const [view] = await presentTasks(services, [task], principal);
  if (!view) throw new Error(`internal error: task ${task._id} was not presented`);
  return view;
}

const taskResponse = viewResponse<TaskView>({ description: 'The task after the action.', schema: taskViewSchema });
const errorResponses = {
  400: { description: 'Invalid request (e.g. a candidate that is not on the task).' },
  404: { description: 'No such task.' },
  409: {
    description:
      'STALE_VERSION, TASK_CLOSED, WRONG_TASK_TYPE or TASK_NO_LONGER_APPLIES (details.current is the task as it is now), or a stale golden record version (details.current is that record).',
  },
};
const actionResponses = { ...errorResponses, 200: taskResponse };
/** Actions that change golden records answer the task with them. */
function decisionResponses<T>(description: string) {
  return { ...errorResponses, 200: viewResponse<{ task: TaskView } & T>({ description, schema: taskActionResultSchema }) };
}

export const taskRoutes = [
  defineRoute({
    operationId: 'listTasks',
    method: 'get',
    path: '/tasks',
    summary: 'The steward inbox: tasks filtered by domain, type, source, status, assignee, band, score and age; sorted; cursor-paginated',
    tags: TAGS,
    auth: { action: 'tasks.read' },
    query: taskListQuerySchema,
    responses: {
      200: viewResponse<TaskListView>({
        description: '`{ items, nextCursor }`; nextCursor is null on the last page.',
        schema: taskListViewSchema,
      }),
      400: { description: 'Invalid filter or cursor.' },
    },
    handler: async ({ services, query, principal }) => {
      const page = await listTasks(services, query);
      return { body: { items: await presentTasks(services, page.items, principal), nextCursor: page.nextCursor } };
    },
  }),
  defineRoute({
    operationId: 'countTasks',
    method: 'get',
    path: '/tasks/counts',
    summary: 'Counts of the tasks matching a filter, per type, domain, source, band, assignee, score band and age',
    tags: TAGS,
    auth: { action: 'tasks.read' },
    query: taskCountsQuerySchema,
    responses: { 200: viewResponse<TaskCountsView>({ description: 'Totals per filter value.', schema: taskCountsViewSchema }) },
    handler: async ({ services, query }) => ({ body: await countTasks(services, query) }),
  }),
  defineRoute({
    operationId: 'bulkTaskAction',
    method: 'post',
    path: '/tasks/bulk',
    summary: 'Merge (best candidate) or reject (all candidates) every open potential-match task matching a filter, as a background job',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    body: bulkBodySchema,
    responses: {
      202: viewResponse<JobView>({
        description: 'The queued job; follow it at GET /api/v1/jobs/:id (progress, rate, ETA; result lists failures).',
        schema: jobViewSchema,
      }),
      400: { description: 'Invalid request.' },
    },
    handler: async ({ services, body, principal }) => {
      const job = await startBulkAction(services, {
        action: body.action,
        filter: body.filter,
        reason: body.reason,
        actor: actorOf(principal),
      });
      return { status: 202, body: presentJob(job), headers: { location: `/api/v1/jobs/${job._id}` } };
    },
  }),
  defineRoute({
    operationId: 'getTask',
    method: 'get',
    path: '/tasks/:id',
    summary: 'One task with its candidates and match explanations, comments and history',
    tags: TAGS,
    auth: { action: 'tasks.read' },
    params: taskIdParamsSchema,
    responses: { 200: viewResponse<TaskView>({ description: 'The task.', schema: taskViewSchema }), 404: { description: 'No such task.' } },
    handler: async ({ services, params, principal }) => ({
      body: await present(services, await requireTask({ store: services.store, id: params.id }), principal),
    }),
  }),
  defineRoute({
    operationId: 'assignTask',
    method: 'post',
    path: '/tasks/:id/assign',
    summary: 'Assign a task to a steward (yourself when assignee is omitted; null unassigns)',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: assignBodySchema,
    responses: actionResponses,
    handler: async ({ services, params, body, principal }) => {
      const task = await assignTask(services, {
        taskId: params.id,
        assignee: body.assignee,
        expectedVersion: body.expectedVersion,
        actor: actorOf(principal),
      });
      return { body: await present(services, task, principal) };
    },
  }),
  defineRoute({
    operationId: 'commentOnTask',
    method: 'post',
    path: '/tasks/:id/comments',
    summary: 'Add a comment to a task (open or closed)',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: commentBodySchema,
    responses: {
      201: viewResponse<TaskView>({ description: 'The task with the comment.', schema: taskViewSchema }),
      404: { description: 'No such task.' },
    },
    handler: async ({ services, params, body, principal }) => ({
      status: 201,
      body: await present(
        services,
        await commentOnTask(services, { taskId: params.id, text: body.text, actor: actorOf(principal) }),
        principal,
      ),
    }),
  }),
  defineRoute({
    operationId: 'setTaskPriority',
    method: 'post',
    path: '/tasks/:id/priority',
    summary: 'Set the priority of a task (0..100, higher first)',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: priorityBodySchema,
    responses: actionResponses,
    handler: async ({ services, params, body, principal }) => ({
      body: await present(
        services,
        await setTaskPriority(services, {
          taskId: params.id,
          priority: body.priority,
          expectedVersion: body.expectedVersion,
          actor: actorOf(principal),
        }),
        principal,
      ),
    }),
  }),
  defineRoute({
    operationId: 'mergeTask',
    method: 'post',
    path: '/tasks/:id/merge',
    summary: 'Accept a potential match: merge the golden records, optionally choosing per attribute which value survives',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: mergeTaskBodySchema,
    responses: decisionResponses<{ golden: GoldenRecordView; retired: GoldenRecordView }>(
      'The closed task, the survivor and the retired record.',
    ),
    handler: async ({ services, params, body, principal }) => {
      const result = await mergeTask(services, {
        taskId: params.id,
        expectedVersion: body.expectedVersion,
        candidateGoldenId: body.candidateGoldenId,
        goldenVersions: body.goldenVersions,
        survivor: body.survivor,
        attributes: body.attributes as Record<string, { sourceRecordId?: string; value?: unknown }> | undefined,
        reason: body.reason,
        actor: actorOf(principal),
      });
      const options = goldenPresentOptions(result.golden.domain, principal);
      return {
        body: {
          task: await present(services, result.task, principal),
          golden: presentGolden(result.golden, { ...options, includeLineage: true }),
          retired: presentGolden(result.merge.retired, options),
        },
      };
    },
  }),
  defineRoute({
    operationId: 'notAMatchTask',
    method: 'post',
    path: '/tasks/:id/not-a-match',
    summary: 'Reject candidates of a potential match (default all): the pair never comes back until a compared attribute changes',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: notAMatchBodySchema,
    responses: decisionResponses<{ pairs: number }>('The closed task and how many not-a-match pairs were stored.'),
    handler: async ({ services, params, body, principal }) => {
      const result = await rejectCandidates(services, {
        taskId: params.id,
        expectedVersion: body.expectedVersion,
        candidateGoldenIds: body.candidateGoldenIds,
        reason: body.reason,
        actor: actorOf(principal),
      });
      return { body: { task: await present(services, result.task, principal), pairs: result.pairs } };
    },
  }),
  defineRoute({
    operationId: 'acceptClusterTask',
    method: 'post',
    path: '/tasks/:id/accept-cluster',
    summary: 'Accept a cluster task: merge every member into one golden record',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: acceptClusterBodySchema,
    responses: decisionResponses<{ golden: GoldenRecordView; retiredIds: string[] }>('The closed task, the survivor and the retired ids.'),
    handler: async ({ services, params, body, principal }) => {
      const result = await acceptCluster(services, {
        taskId: params.id,
        expectedVersion: body.expectedVersion,
        survivorGoldenId: body.survivorGoldenId,
        goldenVersions: body.goldenVersions,
        reason: body.reason,
        actor: actorOf(principal),
      });
      const options = goldenPresentOptions(result.golden.domain, principal);
      return {
        body: {
          task: await present(services, result.task, principal),
          golden: presentGolden(result.golden, { ...options, includeLineage: true }),
          retiredIds: result.retiredIds,
        },
      };
    },
  }),
  defineRoute({
    operationId: 'splitClusterTask',
    method: 'post',
    path: '/tasks/:id/split',
    summary:
      'Split members off a cluster task (not a match with every member that stays); the rest stays a cluster, or merges with mergeRest',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: splitClusterBodySchema,
    responses: decisionResponses<{ pairs: number; golden?: GoldenRecordView; retiredIds: string[] }>(
      'The task, the pairs stored and, with mergeRest, the survivor.',
    ),
    handler: async ({ services, params, body, principal }) => {
      const result = await splitCluster(services, {
        taskId: params.id,
        expectedVersion: body.expectedVersion,
        goldenIds: body.goldenIds,
        mergeRest: body.mergeRest,
        survivorGoldenId: body.survivorGoldenId,
        goldenVersions: body.goldenVersions,
        reason: body.reason,
        actor: actorOf(principal),
      });
      const golden = result.golden
        ? presentGolden(result.golden, { ...goldenPresentOptions(result.golden.domain, principal), includeLineage: true })
        : undefined;
      return {
        body: {
          task: await present(services, result.task, principal),
          pairs: result.pairs,
          ...(golden ? { golden } : {}),
          retiredIds: result.retiredIds,
        },
      };
    },
  }),
  defineRoute({
    operationId: 'rejectClusterTask',
    method: 'post',
    path: '/tasks/:id/reject',
    summary: 'Reject a cluster task: not a match between every two members',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: rejectClusterBodySchema,
    responses: decisionResponses<{ pairs: number }>('The closed task and how many not-a-match pairs were stored.'),
    handler: async ({ services, params, body, principal }) => {
      const result = await rejectCluster(services, {
        taskId: params.id,
        expectedVersion: body.expectedVersion,
        reason: body.reason,
        actor: actorOf(principal),
      });
      return { body: { task: await present(services, result.task, principal), pairs: result.pairs } };
    },
  }),
  defineRoute({
    operationId: 'skipTask',
    method: 'post',
    path: '/tasks/:id/skip',
    summary: 'Close a task without a decision (matching may raise the question again)',
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: skipBodySchema,
    responses: actionResponses,
    handler: async ({ services, params, body, principal }) => ({
      body: await present(
        services,
        await skipTask(services, {
          taskId: params.id,
          expectedVersion: body.expectedVersion,
          reason: body.reason,
          actor: actorOf(principal),
        }),
        principal,
      ),
    }),
  }),
  defineRoute({
    operationId: 'overrideTask',
    method: 'post',
    path: '/tasks/:id/override',
    summary: "Settle a survivorship conflict with a steward override (a source's value, or a value given)",
    tags: TAGS,
    auth: { action: 'tasks.act' },
    params: taskIdParamsSchema,
    body: overrideTaskBodySchema,
    responses: {
      ...decisionResponses<{ golden: GoldenRecordView }>('The closed task and the golden record with the override.'),
      422: { description: 'The value is not valid for the attribute.' },
    },
    handler: async ({ services, params, body, principal }) => {
      const result = await resolveConflict(services, {
        taskId: params.id,
        expectedVersion: body.expectedVersion,
        sourceRecordId: body.sourceRecordId,
        value: body.value,
        hasValue: 'value' in body,
        goldenVersion: body.goldenVersion,
        reason: body.reason,
        actor: actorOf(principal),
      });
      const options = goldenPresentOptions(result.golden.domain, principal);
      return {
        body: {
          task: await present(services, result.task, principal),
          golden: presentGolden(result.golden, { ...options, includeLineage: true }),
        },
      };
    },
  }),
];
