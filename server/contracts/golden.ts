import { correlationIdQueryProperty } from './correlation';
/**
 * Request/response contracts of the golden-record API (golden records, xrefs, history, change
 * feed, exports); imported by the server's routes and presenters and by the studio.
 */
import type { FromSchema } from 'json-schema-to-ts';

export const domainParam = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 } as const;
export const goldenIdParam = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const goldenParamsSchema = {
  type: 'object',
  required: ['domain', 'id'],
  properties: { domain: domainParam, id: goldenIdParam },
} as const;

export const getGoldenQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    include: {
      type: 'array',
      items: { type: 'string', enum: ['lineage', 'sources', 'history', 'relationships', 'xrefs'] },
      description:
        "Comma-separated extras: lineage, sources, history, relationships, xrefs (every system's id for the record: sources, and targets from downstream sync's closed loop).",
    },
    asOf: { type: 'string', format: 'date-time', description: 'Read the record as it was at this time (ISO-8601).' },
  },
} as const;
export type GetGoldenQuery = FromSchema<typeof getGoldenQuerySchema>;

export const reasonProperty = {
  type: 'string',
  format: 'plain-text',
  minLength: 1,
  maxLength: 2000,
  description: 'Why: kept in history and the audit log.',
} as const;
export const expectedVersionProperty = {
  type: 'integer',
  minimum: 1,
  description: 'The version you last read; a different current version answers 409 with the current state.',
} as const;

export const mergeBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['otherId', 'reason'],
  properties: {
    otherId: { ...goldenIdParam, description: 'The golden record merged into this one and retired.' },
    reason: reasonProperty,
    expectedVersion: expectedVersionProperty,
    otherExpectedVersion: { ...expectedVersionProperty, description: 'The version of the other record you last read.' },
  },
} as const;

export const unmergeBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['sourceRecordId', 'reason'],
  properties: {
    sourceRecordId: {
      type: 'string',
      minLength: 1,
      maxLength: 400,
      description: 'The source record (`domain|source|sourceId`) split off this golden record.',
    },
    reason: reasonProperty,
    expectedVersion: expectedVersionProperty,
  },
} as const;

export const overrideParamsSchema = {
  type: 'object',
  required: ['domain', 'id', 'attribute'],
  properties: { domain: domainParam, id: goldenIdParam, attribute: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 100 } },
} as const;

export const setOverrideBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'reason'],
  properties: {
    value: { description: 'The value that wins over survivorship until cleared (null forces the attribute empty).' },
    reason: reasonProperty,
    expectedVersion: expectedVersionProperty,
  },
} as const;

export const clearOverrideBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: reasonProperty, expectedVersion: expectedVersionProperty },
} as const;

export const listGoldenQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['active', 'retired'] },
    updatedSince: { type: 'string', format: 'date-time' },
    source: {
      type: 'string',
      pattern: '^[a-z0-9][a-z0-9_-]{0,62}$',
      description: 'Only golden records this source system feeds (e.g. meditech).',
    },
    cursor: { type: 'string', maxLength: 400, description: 'nextCursor of the previous page.' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
  },
  patternProperties: {
    '^attr\\.[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$': {
      type: 'string',
      maxLength: 500,
      description: 'Equality filter on an attribute path, e.g. attr.manufacturer.name=Medline.',
    },
  },
} as const;

export const changesQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    after: { type: 'string', pattern: '^[0-9]{1,16}$', description: 'nextCursor of the previous read; omit to start at the beginning.' },
    domain: domainParam,
    limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    correlationId: correlationIdQueryProperty('Only the changes caused by this request, upload job or message (its x-correlation-id).'),
  },
} as const;

export const historyQuerySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    afterVersion: { type: 'integer', minimum: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export interface LineageView {
  sourceRecordId: string | null;
  source: string;
  sourceId: string | null;
  at: string;
  strategy: string;
}

export interface OverrideView {
  value: unknown;
  reason: string;
  by: { name: string; role: string };
  at: string;
}

export interface SourceRecordView {
  id: string;
  source: string;
  sourceId: string;
  goldenId: string;
  canonical: Record<string, unknown>;
  /** The payload as received: only for roles that may see sensitive values. */
  raw?: unknown;
  mappingVersion: number;
  schemaVersion: string;
  receivedAt: string;
  updatedAt: string;
  version: number;
}

export interface HistoryEntryView {
  version: number;
  at: string;
  cause: string;
  actor: { name: string; role: string; rule?: string };
  changes: Array<{ attribute: string; before: unknown; after: unknown }>;
  note?: string;
  status: string;
  mergedInto?: string;
  sourceRecordIds: string[];
}

export interface RelationshipView {
  type: string;
  direction: 'outgoing' | 'incoming';
  otherGoldenId: string;
  fromGoldenId: string;
  toGoldenId: string;
  attributes?: Record<string, unknown>;
  createdAt: string;
}

export interface GoldenRecordView {
  id: string;
  domain: string;
  status: 'active' | 'retired';
  mergedInto?: string;
  version: number;
  attributes: Record<string, unknown>;
  overrides: Record<string, OverrideView>;
  sourceRecordIds: string[];
  createdAt: string;
  updatedAt: string;
  /** Set when the record is read as of a time: the version's own timestamp. */
  asOf?: string;
  lineage?: Record<string, LineageView>;
  sources?: SourceRecordView[];
  history?: HistoryEntryView[];
  relationships?: RelationshipView[];
  xrefs?: GoldenXrefView[];
}

/**
 * One system's id for a golden record: a source system's (a source record filed under it) or a target
 * system's, learned from a downstream subscriber's reply by its response mapping (docs/SYNC.md, closed loop).
 */
export type GoldenXrefView =
  | { direction: 'source'; system: string; id: string; sourceRecordId: string; updatedAt: string }
  | {
      direction: 'target';
      system: string;
      id: string;
      subscriptionId: string;
      subscriptionName: string | null;
      lastVersionDelivered: number;
      deliveredAt: string;
    };

/** What a retired id answers (200): a pointer to the survivor, with the survivor itself. */
export interface RetiredGoldenView {
  retired: true;
  id: string;
  /** Null only when the survivor can no longer be found. */
  survivorId: string | null;
  survivor: GoldenRecordView | null;
}

export interface XrefView {
  source: string;
  sourceId: string;
  sourceRecordId: string;
  goldenId: string;
  updatedAt: string;
}

export interface ChangeView {
  cursor: string;
  domain: string;
  goldenId: string;
  type: string;
  version: number;
  at: string;
  cause?: string;
  mergedInto?: string;
  changedAttributes?: string[];
  /** The version this change replaced; null for a new record. */
  previousVersion?: number | null;
  /** Canonical paths whose value changed (objects descended, arrays whole). */
  changedPaths?: string[];
  /** The request, job or message that caused it (x-correlation-id). */
  correlationId?: string;
}

export interface MatchDecisionView {
  id: string;
  sourceRecordId: string;
  goldenId: string;
  outcome: string;
  trigger: string;
  rulesVersion: string;
  band: string;
  score: number;
  ruleFired: string | null;
  candidatesConsidered: number;
  /** Candidates at review or above, best first, each with the engine's explanation (per-comparator scores). */
  candidates: Array<{ goldenId: string; score: number; band: string; explanation: unknown }>;
  overCollisions: unknown[];
  excludedByNotAMatch: number;
  at: string;
  actor: { name: string; role: string };
}

/*
 * Response schemas: what the golden-record API answers (OpenAPI, and test/http/responseContracts.test.ts
 * checks real answers against them). The TypeScript views above are the same shapes written as
 * interfaces; routes pair each schema with its interface through `viewResponse`.
 */
const timestamp = { type: 'string', format: 'date-time' } as const;
const actorSchema = {
  type: 'object',
  required: ['name', 'role'],
  properties: { name: { type: 'string' }, role: { type: 'string' }, rule: { type: 'string' } },
} as const;

export const sourceRecordViewSchema = {
  type: 'object',
  required: ['id', 'source', 'sourceId', 'goldenId', 'canonical', 'mappingVersion', 'schemaVersion', 'receivedAt', 'updatedAt', 'version'],
  properties: {
    id: { type: 'string' },
    source: { type: 'string' },
    sourceId: { type: 'string' },
    goldenId: { type: 'string' },
    canonical: { type: 'object' },
    raw: {},
    mappingVersion: { type: 'integer' },
    schemaVersion: { type: 'string' },
    receivedAt: timestamp,
    updatedAt: timestamp,
    version: { type: 'integer' },
  },
} as const;

export const historyEntryViewSchema = {
  type: 'object',
  required: ['version', 'at', 'cause', 'actor', 'changes', 'status', 'sourceRecordIds'],
  properties: {
    version: { type: 'integer' },
    at: timestamp,
    cause: { type: 'string' },
    actor: actorSchema,
    changes: {
      type: 'array',
      items: { type: 'object', required: ['attribute'], properties: { attribute: { type: 'string' }, before: {}, after: {} } },
    },
    note: { type: 'string' },
    status: { type: 'string' },
    mergedInto: { type: 'string' },
    sourceRecordIds: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const goldenRecordViewSchema = {
  type: 'object',
  required: ['id', 'domain', 'status', 'version', 'attributes', 'overrides', 'sourceRecordIds', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    domain: { type: 'string' },
    status: { type: 'string', enum: ['active', 'retired'] },
    mergedInto: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    attributes: { type: 'object' },
    overrides: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['value', 'reason', 'by', 'at'],
        properties: { value: {}, reason: { type: 'string' }, by: actorSchema, at: timestamp },
      },
    },
    sourceRecordIds: { type: 'array', items: { type: 'string' } },
    createdAt: timestamp,
    updatedAt: timestamp,
    asOf: timestamp,
    lineage: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['source', 'at', 'strategy'],
        properties: {
          sourceRecordId: { type: ['string', 'null'] },
          source: { type: 'string' },
          sourceId: { type: ['string', 'null'] },
          at: timestamp,
          strategy: { type: 'string' },
        },
      },
    },
    sources: { type: 'array', items: sourceRecordViewSchema },
    history: { type: 'array', items: historyEntryViewSchema },
    relationships: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type', 'direction', 'otherGoldenId', 'fromGoldenId', 'toGoldenId', 'createdAt'],
        properties: {
          type: { type: 'string' },
          direction: { type: 'string', enum: ['outgoing', 'incoming'] },
          otherGoldenId: { type: 'string' },
          fromGoldenId: { type: 'string' },
          toGoldenId: { type: 'string' },
          attributes: { type: 'object' },
          createdAt: timestamp,
        },
      },
    },
  },
} as const;

export const retiredGoldenViewSchema = {
  type: 'object',
  required: ['retired', 'id', 'survivorId', 'survivor'],
  properties: {
    retired: { const: true },
    id: { type: 'string' },
    survivorId: { type: ['string', 'null'] },
    survivor: { anyOf: [goldenRecordViewSchema, { type: 'null' }] },
  },
} as const;

export const goldenOrRetiredViewSchema = { anyOf: [goldenRecordViewSchema, retiredGoldenViewSchema] } as const;

export const goldenPageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: goldenRecordViewSchema }, nextCursor: { type: ['string', 'null'] } },
} as const;

export const goldenHistorySchema = {
  type: 'object',
  required: ['goldenId', 'items', 'nextAfterVersion'],
  properties: {
    goldenId: { type: 'string' },
    items: { type: 'array', items: historyEntryViewSchema },
    nextAfterVersion: { type: ['integer', 'null'] },
  },
} as const;

export const matchDecisionViewSchema = {
  type: 'object',
  required: ['id', 'sourceRecordId', 'goldenId', 'outcome', 'trigger', 'band', 'score', 'candidates', 'at'],
  properties: {
    id: { type: 'string' },
    sourceRecordId: { type: 'string' },
    goldenId: { type: 'string' },
    outcome: { type: 'string' },
    trigger: { type: 'string' },
    rulesVersion: { type: 'string' },
    band: { type: 'string' },
    score: { type: 'number' },
    ruleFired: { type: ['string', 'null'] },
    candidatesConsidered: { type: 'integer' },
    candidates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['goldenId', 'score', 'band'],
        properties: { goldenId: { type: 'string' }, score: { type: 'number' }, band: { type: 'string' }, explanation: {} },
      },
    },
    overCollisions: { type: 'array' },
    excludedByNotAMatch: { type: 'integer' },
    at: timestamp,
    actor: actorSchema,
  },
} as const;

export const matchDecisionsSchema = {
  type: 'object',
  required: ['goldenId', 'items'],
  properties: { goldenId: { type: 'string' }, items: { type: 'array', items: matchDecisionViewSchema } },
} as const;

export const xrefViewSchema = {
  type: 'object',
  required: ['source', 'sourceId', 'sourceRecordId', 'goldenId', 'updatedAt'],
  properties: {
    source: { type: 'string' },
    sourceId: { type: 'string' },
    sourceRecordId: { type: 'string' },
    goldenId: { type: 'string' },
    updatedAt: timestamp,
  },
} as const;

export const goldenXrefsSchema = {
  type: 'object',
  required: ['goldenId', 'items'],
  properties: {
    goldenId: { type: 'string' },
    requestedId: { type: 'string' },
    retired: { const: true },
    items: { type: 'array', items: xrefViewSchema },
  },
} as const;

export const xrefWithGoldenSchema = {
  type: 'object',
  required: [...xrefViewSchema.required, 'golden'],
  properties: { ...xrefViewSchema.properties, golden: goldenRecordViewSchema },
} as const;

export const mergeResultSchema = {
  type: 'object',
  required: ['survivor', 'retired'],
  properties: { survivor: goldenRecordViewSchema, retired: goldenRecordViewSchema },
} as const;

export const unmergeResultSchema = {
  type: 'object',
  required: ['golden', 'newGoldenId', 'outcome'],
  properties: { golden: goldenRecordViewSchema, newGoldenId: { type: 'string' }, outcome: { type: 'string' } },
} as const;

export const changeViewSchema = {
  type: 'object',
  required: ['cursor', 'domain', 'goldenId', 'type', 'version', 'at'],
  properties: {
    cursor: { type: 'string' },
    domain: { type: 'string' },
    goldenId: { type: 'string' },
    type: { type: 'string' },
    version: { type: 'integer' },
    at: timestamp,
    cause: { type: 'string' },
    mergedInto: { type: 'string' },
    changedAttributes: { type: 'array', items: { type: 'string' } },
    previousVersion: { type: ['integer', 'null'] },
    changedPaths: { type: 'array', items: { type: 'string' } },
    correlationId: { type: 'string' },
  },
} as const;

export const changePageSchema = {
  type: 'object',
  required: ['items', 'nextCursor'],
  properties: { items: { type: 'array', items: changeViewSchema }, nextCursor: { type: ['string', 'null'] } },
} as const;
