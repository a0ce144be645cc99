/**
 * Response contracts of the jobs API: a background job as `presentJob` (server/jobs/presenter.ts)
 * shows it, with rate and ETA derived from progress; imported by routes and, through the typed
 * operations, by the studio.
 */
const timestamp = { type: 'string', format: 'date-time' } as const;

export const jobViewSchema = {
  type: 'object',
  required: [
    'id',
    'type',
    'status',
    'params',
    'progress',
    'result',
    'error',
    'attempts',
    'createdBy',
    'createdAt',
    'startedAt',
    'finishedAt',
    'updatedAt',
  ],
  properties: {
    id: { type: 'string' },
    type: { type: 'string' },
    status: { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'quarantined'] },
    params: { type: 'object' },
    progress: {
      type: 'object',
      required: ['done', 'failed', 'ratePerSecond', 'etaSeconds', 'percent'],
      properties: {
        done: { type: 'number' },
        failed: { type: 'number' },
        total: { type: 'number' },
        ratePerSecond: { type: 'number' },
        etaSeconds: { type: ['number', 'null'] },
        percent: { type: ['number', 'null'] },
      },
    },
    result: {},
    error: {
      anyOf: [
        { type: 'null' },
        { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
      ],
    },
    attempts: { type: 'integer' },
    createdBy: { type: 'string' },
    createdAt: timestamp,
    startedAt: { anyOf: [timestamp, { type: 'null' }] },
    finishedAt: { anyOf: [timestamp, { type: 'null' }] },
    updatedAt: timestamp,
  },
} as const;

export const jobListSchema = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: jobViewSchema } },
} as const;
