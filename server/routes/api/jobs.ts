import { NotFoundError } from '../../errors';
import { defineRoute, viewResponse } from '../../http/route';
import { JOBS_COLLECTION } from '../../jobs/collections';
import { presentJob, type JobView } from '../../jobs/presenter';
import type { JobDocument } from '../../jobs/types';
import { sourceOfRole, type Principal } from '../../policies/abilities';
import type { Filter } from '../../store/types';
import { jobListSchema, jobViewSchema } from '../../contracts/jobs';

const jobIdParams = { type: 'object', required: ['id'], properties: { id: { type: 'string', minLength: 1, maxLength: 80 } } } as const;

/** Source-bound keys see only the jobs of their own source. */
function visibilityFilter(principal: Principal): Filter {
  const source = sourceOfRole(principal.role);
  return source === undefined ? {} : { 'params.source': source };
}

export const jobRoutes = [
  defineRoute({
    operationId: 'listJobs',
    method: 'get',
    path: '/jobs',
    summary: 'List background jobs, newest first',
    tags: ['jobs'],
    auth: { action: 'jobs.read' },
    query: {
      type: 'object',
      additionalProperties: false,
      properties: {
        type: { type: 'string', maxLength: 60 },
        status: { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'quarantined'] },
        limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
      },
    },
    responses: { 200: viewResponse<{ items: JobView[] }>({ description: 'Jobs with progress, rate and ETA.', schema: jobListSchema }) },
    handler: async ({ services, query, principal }) => {
      const filter: Filter = { ...visibilityFilter(principal) };
      if (query.type) filter.type = query.type;
      if (query.status) filter.status = query.status;
      const jobs = await services.store
        .collection<JobDocument>(JOBS_COLLECTION)
        .find(filter, { sort: { createdAt: -1 }, limit: query.limit ?? 50 });
      return { body: { items: jobs.map(presentJob) } };
    },
  }),
  defineRoute({
    operationId: 'getJob',
    method: 'get',
    path: '/jobs/:id',
    summary: 'A background job with its progress (records done, failed, rate, ETA)',
    tags: ['jobs'],
    auth: { action: 'jobs.read' },
    params: jobIdParams,
    responses: { 200: viewResponse<JobView>({ description: 'The job.', schema: jobViewSchema }), 404: { description: 'No such job.' } },
    handler: async ({ services, params, principal }) => {
      const job = await services.store.collection<JobDocument>(JOBS_COLLECTION).findOne({ _id: params.id, ...visibilityFilter(principal) });
      if (!job) throw new NotFoundError(`Job "${params.id}"`);
      return { body: presentJob(job) };
    },
  }),
  defineRoute({
    operationId: 'cancelJob',
    method: 'post',
    path: '/jobs/:id/cancel',
    summary: 'Cancel a queued, running or quarantined job',
    tags: ['jobs'],
    auth: { action: 'jobs.manage' },
    params: jobIdParams,
    responses: {
      200: viewResponse<JobView>({ description: 'The job after the request.', schema: jobViewSchema }),
      404: { description: 'No such job.' },
    },
    handler: async ({ services, params, principal }) => {
      const visible = await services.store
        .collection<JobDocument>(JOBS_COLLECTION)
        .findOne({ _id: params.id, ...visibilityFilter(principal) });
      if (!visible) throw new NotFoundError(`Job "${params.id}"`);
      const job = await services.jobs.cancel(params.id);
      return { body: presentJob(job ?? visible) };
    },
  }),
];
