import {
  closeExceptionBodySchema,
  exceptionCountsQuerySchema,
  exceptionCountsSchema,
  exceptionIdParamsSchema,
  exceptionListQuerySchema,
  exceptionListSchema,
  exceptionSchema,
  replayFilterBodySchema,
  replayManyResponseSchema,
  replayOneResponseSchema,
} from '../../contracts/ingest';
import { closeException } from '../../exceptions/closeException';
import { exceptionsCollection } from '../../exceptions/exceptionStore';
import { presentException } from '../../exceptions/presenter';
import { countExceptions, listExceptions, requireException, type ExceptionFilter } from '../../exceptions/queries';
import {
  INLINE_REPLAY_LIMIT,
  REPLAY_EXCEPTIONS_JOB,
  replayableFilter,
  replayExceptions,
  type ReplayJobParams,
} from '../../ingest/replayExceptions';
import { defineRoute } from '../../http/route';
import { presentRecordResult } from '../../ingest/presenter';
import type { Principal } from '../../policies/abilities';
import { visibilityOf } from '../../policies/visibility';

const TAGS = ['exceptions'];

function actorOf(principal: Principal) {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

function filterOf(input: {
  source?: string;
  domain?: string;
  code?: string;
  stage?: string;
  status?: string;
  since?: string;
  until?: string;
  correlationId?: string;
}): ExceptionFilter {
  return { ...input } as ExceptionFilter;
}

const closeRoute = (status: 'resolved' | 'discarded') =>
  defineRoute({
    operationId: status === 'resolved' ? 'resolveException' : 'discardException',
    method: 'post',
    path: `/exceptions/:id/${status === 'resolved' ? 'resolve' : 'discard'}`,
    summary:
      status === 'resolved'
        ? 'Mark an exception resolved (handled another way), with a reason'
        : 'Discard an exception (the record is not wanted), with a reason',
    tags: TAGS,
    auth: { action: 'exceptions.manage' },
    params: exceptionIdParamsSchema,
    body: closeExceptionBodySchema,
    responses: {
      200: { description: 'The closed exception.', schema: exceptionSchema },
      404: { description: 'No such exception.' },
      409: { description: 'EXCEPTION_CLOSED: it is not open.' },
    },
    handler: async ({ services, params, body, principal }) => ({
      body: presentException(await closeException(services, { id: params.id, status, reason: body.reason, actor: actorOf(principal) })),
    }),
  });

export const exceptionRoutes = [
  defineRoute({
    operationId: 'listExceptions',
    method: 'get',
    path: '/exceptions',
    summary: 'List exceptions (records that could not be accepted), most recently seen first',
    description:
      'Filter by source, domain, code, stage, status (default open) and age (since / until on the last time the record was seen).',
    tags: TAGS,
    auth: { action: 'exceptions.read' },
    query: exceptionListQuerySchema,
    responses: { 200: { description: 'A page of exceptions (without raw payloads).', schema: exceptionListSchema } },
    handler: async ({ services, query }) => {
      const limit = query.limit ?? 50;
      const offset = query.offset ?? 0;
      const { items, total } = await listExceptions(services, { filter: filterOf(query), limit, offset });
      return { body: { items: items.map((item) => presentException(item)), total, limit, offset } };
    },
  }),
  defineRoute({
    operationId: 'countExceptions',
    method: 'get',
    path: '/exceptions/counts',
    summary: 'Counts of exceptions grouped by code and by source',
    tags: TAGS,
    auth: { action: 'exceptions.read' },
    query: exceptionCountsQuerySchema,
    responses: { 200: { description: 'Totals by code and by source and domain.', schema: exceptionCountsSchema } },
    handler: async ({ services, query }) => ({ body: await countExceptions(services, filterOf(query)) }),
  }),
  defineRoute({
    operationId: 'replayExceptions',
    method: 'post',
    path: '/exceptions/replay',
    summary: 'Replay every open exception matching a filter (after a mapping fix)',
    description: `Up to ${INLINE_REPLAY_LIMIT} matching exceptions replay within the request; more run as a job (202, Location). Unreadable lines (parse errors) are not replayable and are skipped.`,
    tags: TAGS,
    auth: { action: 'exceptions.manage' },
    body: replayFilterBodySchema,
    responses: {
      200: { description: 'Replayed within the request.', schema: replayManyResponseSchema },
      202: { description: 'Replaying as a job.', schema: replayManyResponseSchema },
    },
    handler: async ({ services, body, principal, requestId }) => {
      const filter = filterOf(body);
      const storeFilter = replayableFilter(filter);
      const matched = await exceptionsCollection(services).countDocuments(storeFilter);
      if (matched > INLINE_REPLAY_LIMIT) {
        const params: ReplayJobParams = { filter, actor: actorOf(principal) };
        const job = await services.jobs.enqueue({ type: REPLAY_EXCEPTIONS_JOB, params, createdBy: principal.keyId, total: matched });
        const location = `/api/v1/jobs/${job._id}`;
        return { status: 202, body: { matched, replayed: null, stillFailing: null, jobId: job._id }, headers: { Location: location } };
      }
      const exceptions = await exceptionsCollection(services).find(storeFilter, { sort: { _id: 1 } });
      const results = await replayExceptions(services, { exceptions, actor: actorOf(principal), origin: { requestId } });
      const replayed = results.filter((result) => result.status === 'replayed').length;
      return { body: { matched, replayed, stillFailing: results.length - replayed, jobId: null } };
    },
  }),
  defineRoute({
    operationId: 'getException',
    method: 'get',
    path: '/exceptions/:id',
    summary: 'One exception with its raw payload',
    tags: TAGS,
    auth: { action: 'exceptions.read' },
    params: exceptionIdParamsSchema,
    responses: { 200: { description: 'The exception.', schema: exceptionSchema }, 404: { description: 'No such exception.' } },
    handler: async ({ services, params, principal }) => ({
      body: presentException(await requireException(services, params.id), { includeRaw: visibilityOf(principal).canSeeExceptionPayloads }),
    }),
  }),
  defineRoute({
    operationId: 'replayException',
    method: 'post',
    path: '/exceptions/:id/replay',
    summary: 'Run one exception’s record through the pipeline again with the published mapping',
    tags: TAGS,
    auth: { action: 'exceptions.manage' },
    params: exceptionIdParamsSchema,
    responses: {
      200: {
        description: 'The result: replayed (accepted, exception closed) or open (failed again, exception updated).',
        schema: replayOneResponseSchema,
      },
      404: { description: 'No such exception.' },
      409: { description: 'EXCEPTION_CLOSED or EXCEPTION_NOT_REPLAYABLE.' },
      422: { description: 'NO_PUBLISHED_MAPPING.' },
    },
    handler: async ({ services, params, principal, requestId }) => {
      const exception = await requireException(services, params.id);
      const [replay] = await replayExceptions(services, { exceptions: [exception], actor: actorOf(principal), origin: { requestId } });
      if (!replay) throw new Error(`internal error: replaying exception ${exception._id} gave no result`);
      const after = await requireException(services, params.id);
      return { body: { status: replay.status, result: presentRecordResult(replay.result, 0), exception: presentException(after) } };
    },
  }),
  closeRoute('resolved'),
  closeRoute('discarded'),
];
