import { correlationIdQueryProperty } from './correlation';
/**
 * Request/response contracts of the steward's inbox (tasks and their actions) and the audit API;
 * imported by the server's routes and presenters and by the studio.
 */
import type { FromSchema } from 'json-schema-to-ts';
import { domainParam, expectedVersionProperty, goldenIdParam, reasonProperty } from './golden';

export const TASK_TYPES = ['potential-match', 'potential-match-cluster', 'data-quality', 'survivorship-conflict'] as const;
export const TASK_SORTS = ['priority', '-priority', 'score', '-score', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;

export const taskIdParamsSchema = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

/** Filters shared by the task list, the counts and bulk actions. */
const taskFilterProperties = {
  domain: domainParam,
  type: { type: 'string', enum: TASK_TYPES },
  source: { type: 'string', maxLength: 100 },
  status: { type: 'string', enum: ['open', 'closed'], description: 'Default open.' },
  assignee: { type: 'string', maxLength: 200, description: 'An API key id, or `none` for unassigned tasks.' },
  band: { type: 'string', enum: ['auto-merge', 'review', 'no-match'], description: "The best candidate's match band." },
  minScore: { type: 'number', minimum: 0, maximum: 1, description: 'Best candidate score at least this.' },
  maxScore: { type: 'number', minimum: 0, maximum: 1, description: 'Best candidate score below this.' },
  createdBefore: { type: 'string', format: 'date-time', description: 'Age: opened before this time ("older than").' },
  createdAfter: { type: 'string', format: 'date-time', description: 'Age: opened at or after this time.' },
} as const;

export const taskListQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...taskFilterProperties,
    sort: {
      type: 'string',
      enum: TASK_SORTS,
      default: '-priority',
      description: 'Field to sort by; a leading `-` sorts descending. Ties in id order.',
    },
    cursor: { type: 'string', maxLength: 600, description: 'nextCursor of the previous page.' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
  },
} as const;
export type TaskListQuery = FromSchema<typeof taskListQuerySchema>;

export const taskCountsQuerySchema = { type: 'object', additionalProperties: false, properties: taskFilterProperties } as const;
export type TaskFilterInput = FromSchema<typeof taskCountsQuerySchema>;

export const expectedTaskVersion = {
  ...expectedVersionProperty,
  description: 'The task version you last read; another version answers 409 with the current task.',
} as const;

export const assignBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedVersion'],
  properties: {
    assignee: {
      type: ['string', 'null'],
      maxLength: 200,
      description: 'API key id of the steward; null unassigns. Omitted: assign to yourself.',
    },
    expectedVersion: expectedTaskVersion,
  },
} as const;

export const commentBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: { type: 'string', format: 'plain-text', minLength: 1, maxLength: 4000 } },
} as const;

export const priorityBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['priority', 'expectedVersion'],
  properties: { priority: { type: 'integer', minimum: 0, maximum: 100 }, expectedVersion: expectedTaskVersion },
} as const;

const goldenVersionsProperty = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 1 },
  description: 'Golden record id → the version you last read; a different current version answers 409 with that record.',
} as const;

export const mergeTaskBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedVersion', 'reason'],
  properties: {
    expectedVersion: expectedTaskVersion,
    candidateGoldenId: { ...goldenIdParam, description: 'The candidate accepted; default the best one.' },
    goldenVersions: goldenVersionsProperty,
    survivor: {
      type: 'string',
      enum: ['candidate', 'subject'],
      default: 'candidate',
      description: 'Whose id survives; default the candidate (the established record).',
    },
    attributes: {
      type: 'object',
      description:
        "Per attribute, which value survives: a member source record's value, or a value of your own. Stored as steward overrides.",
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { sourceRecordId: { type: 'string', minLength: 1, maxLength: 400 }, value: {} },
      },
    },
    reason: reasonProperty,
  },
} as const;

export const notAMatchBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedVersion', 'reason'],
  properties: {
    expectedVersion: expectedTaskVersion,
    candidateGoldenIds: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: goldenIdParam,
      description: 'Candidates rejected; default all.',
    },
    reason: reasonProperty,
  },
} as const;

export const skipBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedVersion'],
  properties: { expectedVersion: expectedTaskVersion, reason: reasonProperty },
} as const;

export const overrideTaskBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedVersion', 'reason'],
  properties: {
    expectedVersion: expectedTaskVersion,
    sourceRecordId: { type: 'string', minLength: 1, maxLength: 400, description: 'Take the value of this member source record.' },
    value: { description: 'Or give the value yourself.' },
    goldenVersion: { ...expectedVersionProperty, description: 'The golden record version you last read.' },
    reason: reasonProperty,
  },
} as const;

const memberIdsProperty = { type: 'array', minItems: 1, maxItems: 200, uniqueItems: true, items: goldenIdParam } as const;
const survivorMemberProperty = {
  ...goldenIdParam,
  description: 'The member whose id survives; default the member with the most source records.',
} as const;

export const acceptClusterBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedVersion', 'reason'],
  properties: {
    expectedVersion: expectedTaskVersion,
    survivorGoldenId: survivorMemberProperty,
    goldenVersions: goldenVersionsProperty,
    reason: reasonProperty,
  },
} as const;

export const splitClusterBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedVersion', 'goldenIds', 'reason'],
  properties: {
    expectedVersion: expectedTaskVersion,
    goldenIds: { ...memberIdsProperty, description: 'Members split off: each is recorded as not a match with every member that stays.' },
    mergeRest: {
      type: 'boolean',
      default: false,
      description: 'Merge the members that stay into one golden record now (otherwise they stay an open cluster).',
    },
    survivorGoldenId: survivorMemberProperty,
    goldenVersions: goldenVersionsProperty,
    reason: reasonProperty,
  },
} as const;

export const rejectClusterBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['expectedVersion', 'reason'],
  properties: { expectedVersion: expectedTaskVersion, reason: reasonProperty },
} as const;

export const bulkBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['action', 'filter', 'reason'],
  properties: {
    action: {
      type: 'string',
      enum: ['merge', 'not-a-match'],
      description: "merge accepts each task's best candidate; not-a-match rejects all its candidates.",
    },
    filter: {
      type: 'object',
      additionalProperties: false,
      properties: { ...taskFilterProperties, type: { type: 'string', enum: ['potential-match'] } },
    },
    reason: reasonProperty,
  },
} as const;
export type BulkBody = FromSchema<typeof bulkBodySchema>;

export const auditQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    goldenId: {
      ...goldenIdParam,
      description: 'Entries whose target is this record (golden record, task, source record or exception id).',
    },
    actor: { type: 'string', maxLength: 200, description: 'API key id, or `system` for automatic decisions.' },
    action: { type: 'string', maxLength: 100, description: 'Exact action, or a prefix ending in `.` (e.g. `task.`).' },
    correlationId: correlationIdQueryProperty('Entries written by the request, job or message with this correlation id.'),
    from: { type: 'string', format: 'date-time', description: 'At or after this time.' },
    to: { type: 'string', format: 'date-time', description: 'Before this time.' },
    order: { type: 'string', enum: ['asc', 'desc'], default: 'asc' },
    cursor: { type: 'string', maxLength: 600 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;
export type AuditQuery = FromSchema<typeof auditQuerySchema>;

export interface TaskCandidateView {
  goldenId: string;
  /** Score and band matching decided with (the new record against the candidate's best-scoring member). */
  score: number;
  band: string;
  /** Proposed through these golden records (both records reached review against one of them; rules' transitiveReview), not directly. */
  via?: string[];
  /**
   * The explanation to show beside the records: with basis `golden-records`, computed when the task is
   * read from the subject's and the candidate's golden attributes (the values the compare view shows)
   * under the published rules; with basis `match-decision` (a golden record is gone), the stored one.
   */
  explanation: unknown;
  explanationBasis: 'golden-records' | 'match-decision';
  /** With basis `golden-records`: the explanation stored when matching decided, for the record of why. */
  decisionExplanation?: unknown;
}

export interface ClusterMemberView {
  goldenId: string;
  records: Array<{ sourceRecordId: string; source: string; sourceId: string; name: string | null; identifiers: Record<string, unknown> }>;
}

/** The evidence linking two members of a cluster: the best qualifying pair of their source records, explained. */
export interface ClusterEdgeView {
  a: string;
  b: string;
  aRecordId: string;
  bRecordId: string;
  score: number;
  /** The rule set's clusterReview edge rule that linked them. */
  rule: string;
  explanation: unknown;
}

export interface TaskView {
  id: string;
  type: (typeof TASK_TYPES)[number];
  domain: string;
  source?: string;
  status: 'open' | 'closed';
  resolution?: string;
  version: number;
  priority: number;
  assignee: string | null;
  subject: { sourceRecordId?: string; goldenId?: string; exceptionId?: string; attribute?: string };
  candidates?: TaskCandidateView[];
  score?: number;
  band?: string;
  values?: Array<{ sourceRecordId: string; source: string; value: unknown }>;
  exception?: { code: string; stage: string; message: string; sourceId?: string };
  /** potential-match-cluster: the golden records that look like one, and the edges' evidence. */
  members?: ClusterMemberView[];
  edges?: ClusterEdgeView[];
  /** Closed as `absorbed`: the cluster task that took this question over. */
  absorbedInto?: string;
  comments: Array<{ at: string; by: string; text: string }>;
  history: Array<{ at: string; by: string; action: string; note?: string }>;
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
}

export interface TaskListView {
  items: TaskView[];
  nextCursor: string | null;
}

export interface TaskCountsView {
  total: number;
  byType: Record<string, number>;
  byDomain: Record<string, number>;
  bySource: Record<string, number>;
  byBand: Record<string, number>;
  byAssignee: Record<string, number>;
  /** Best-candidate score in tenths: `0.9-1.0`, `0.8-0.9`, …; `none` without a score. */
  byScoreBand: Record<string, number>;
  /** Age of open tasks: `<1d`, `1-7d`, `7-30d`, `>30d`. */
  byAge: Record<string, number>;
}

export interface AuditEntryView {
  id: string;
  at: string;
  actor: { keyId: string; name: string; role: string; rule?: string };
  action: string;
  target: { type: string; id: string; domain?: string };
  before?: unknown;
  after?: unknown;
  reason?: string;
  correlationId?: string;
}

/*
 * Response schemas of the steward API (OpenAPI; test/http/responseContracts.test.ts checks real answers
 * against them); the interfaces above are the same shapes, paired with them in routes by `viewResponse`.
 */
const timestamp = { type: 'string', format: 'date-time' } as const;
const counts = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } } as const;

export const taskViewSchema = {
  type: 'object',
  required: [
    'id',
    'type',
    'domain',
    'status',
    'version',
    'priority',
    'assignee',
    'subject',
    'comments',
    'history',
    'createdAt',
    'updatedAt',
  ],
  properties: {
    id: { type: 'string' },
    type: { type: 'string', enum: TASK_TYPES },
    domain: { type: 'string' },
    source: { type: 'string' },
    status: { type: 'string', enum: ['open', 'closed'] },
    resolution: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    priority: { type: 'number' },
    assignee: { type: ['string', 'null'] },
    subject: {
      type: 'object',
      properties: {
        sourceRecordId: { type: 'string' },
        goldenId: { type: 'string' },
        exceptionId: { type: 'string' },
        attribute: { type: 'string' },
      },
    },
    candidates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['goldenId', 'score', 'band', 'explanationBasis'],
        properties: {
          goldenId: { type: 'string' },
          score: { type: 'number' },
          band: { type: 'string' },
          explanation: {},
          explanationBasis: { type: 'string', enum: ['golden-records', 'match-decision'] },
          decisionExplanation: {},
        },
      },
    },
    score: { type: 'number' },
    band: { type: 'string' },
    values: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sourceRecordId', 'source'],
        properties: { sourceRecordId: { type: 'string' }, source: { type: 'string' }, value: {} },
      },
    },
    exception: {
      type: 'object',
      required: ['code', 'stage', 'message'],
      properties: { code: { type: 'string' }, stage: { type: 'string' }, message: { type: 'string' }, sourceId: { type: 'string' } },
    },
    members: {
      type: 'array',
      items: {
        type: 'object',
        required: ['goldenId', 'records'],
        properties: {
          goldenId: { type: 'string' },
          records: {
            type: 'array',
            items: {
              type: 'object',
              required: ['sourceRecordId', 'source', 'sourceId', 'name', 'identifiers'],
              properties: {
                sourceRecordId: { type: 'string' },
                source: { type: 'string' },
                sourceId: { type: 'string' },
                name: { type: ['string', 'null'] },
                identifiers: { type: 'object' },
              },
            },
          },
        },
      },
    },
    edges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['a', 'b', 'aRecordId', 'bRecordId', 'score', 'rule'],
        properties: {
          a: { type: 'string' },
          b: { type: 'string' },
          aRecordId: { type: 'string' },
          bRecordId: { type: 'string' },
          score: { type: 'number' },
          rule: { type: 'string' },
          explanation: {},
        },
      },
    },
    absorbedInto: { type: 'string' },
    comments: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'by', 'text'],
        properties: { at: timestamp, by: { type: 'string' }, text: { type: 'string' } },
      },
    },
    history: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'by', 'action'],
        properties: { at: timestamp, by: { type: 'string' }, action: { type: 'string' }, note: { type: 'string' } },
      },
    },
    createdAt: timestamp,
    updatedAt: timestamp,
    closedAt: timestamp,
  },
} as const;

export const taskListViewSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: taskViewSchema }, nextCursor: { type: ['string', 'null'] } },
} as const;

export const taskCountsViewSchema = {
  type: 'object',
  required: ['total', 'byType', 'byDomain', 'bySource', 'byBand', 'byAssignee', 'byScoreBand', 'byAge'],
  properties: {
    total: { type: 'integer', minimum: 0 },
    byType: counts,
    byDomain: counts,
    bySource: counts,
    byBand: counts,
    byAssignee: counts,
    byScoreBand: counts,
    byAge: counts,
  },
} as const;

/** What a task action answers: the task, and the golden records it changed when it changed some. */
export const taskActionResultSchema = {
  anyOf: [
    taskViewSchema,
    {
      type: 'object',
      required: ['task'],
      properties: {
        task: taskViewSchema,
        golden: { type: 'object', required: ['id', 'version'] },
        retired: { type: 'object', required: ['id', 'version'] },
        retiredIds: { type: 'array', items: { type: 'string' } },
        pairs: { type: 'integer', minimum: 0 },
      },
    },
  ],
} as const;

export const auditEntryViewSchema = {
  type: 'object',
  required: ['id', 'at', 'actor', 'action', 'target'],
  properties: {
    id: { type: 'string' },
    at: timestamp,
    actor: {
      type: 'object',
      required: ['keyId', 'name', 'role'],
      properties: { keyId: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, rule: { type: 'string' } },
    },
    action: { type: 'string' },
    target: {
      type: 'object',
      required: ['type', 'id'],
      properties: { type: { type: 'string' }, id: { type: 'string' }, domain: { type: 'string' } },
    },
    before: {},
    after: {},
    reason: { type: 'string' },
    correlationId: { type: 'string' },
  },
} as const;

export const auditPageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: auditEntryViewSchema }, nextCursor: { type: ['string', 'null'] } },
} as const;
