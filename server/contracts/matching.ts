/**
 * Request/response contracts of matching operations (rules with versions, verify, impact preview,
 * re-match) and golden-record search; imported by the routes (validation, OpenAPI) and the studio.
 */
import type { FromSchema } from 'json-schema-to-ts';

const domain = { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$', description: 'Canonical domain, e.g. `item`.' } as const;

export const rulesDomainParamsSchema = { type: 'object', required: ['domain'], properties: { domain } } as const;

export const rulesVersionParamsSchema = {
  type: 'object',
  required: ['domain', 'number'],
  properties: { domain, number: { type: 'integer', minimum: 1, description: 'Published version number.' } },
} as const;

const ruleSetBody = {
  type: 'object',
  description: 'A rule set in the format of `matching-rules/rules.schema.json`; problems answer 400 with `body.rules…` paths.',
} as const;

export const putRulesBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    rules: ruleSetBody,
    revision: {
      type: 'integer',
      minimum: 0,
      description: 'The draft revision you last read (0: no draft yet); a different current revision answers 409.',
    },
  },
} as const;

export const publishRulesBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    note: { type: 'string', format: 'plain-text', maxLength: 1000, description: 'Why (kept with the version and in the audit log).' },
    revision: { type: 'integer', minimum: 1, description: 'Publish only if the draft is still at this revision.' },
  },
} as const;

export const rollbackRulesBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['version'],
  properties: {
    version: { type: 'integer', minimum: 1, description: 'The earlier version number to publish again.' },
    reason: { type: 'string', format: 'plain-text', maxLength: 1000 },
  },
} as const;

export const previewRulesBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rules: { ...ruleSetBody, description: 'Candidate rules; without them (and by default) the saved draft.' },
    useDraft: { type: 'boolean', description: 'Preview the saved draft (the default when `rules` is absent).' },
    examples: { type: 'integer', minimum: 0, maximum: 200, default: 20, description: 'Example pairs listed per direction.' },
  },
} as const;

export const verifyBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['domain', 'a'],
  properties: {
    domain,
    a: { type: 'object', description: 'A canonical record (standardised as ingest would).' },
    b: { type: 'object', description: 'A second canonical record; without it `a` is matched against the golden records in the store.' },
    rules: { ...ruleSetBody, description: 'Ad-hoc rules; otherwise the draft (`useDraft`) or the published rules.' },
    useDraft: { type: 'boolean' },
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 10, description: 'Candidates returned at most (store mode).' },
  },
} as const;

export const rematchBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: {
    reason: {
      type: 'string',
      format: 'plain-text',
      minLength: 1,
      maxLength: 2000,
      description: 'Why (kept in history, tasks and the audit log).',
    },
  },
} as const;

export const trainRulesBodySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    randomPairs: {
      type: 'integer',
      minimum: 100,
      maximum: 5000000,
      default: 50000,
      description: 'Random record pairs sampled to estimate u.',
    },
    maxCandidatePairs: {
      type: 'integer',
      minimum: 100,
      maximum: 20000000,
      default: 500000,
      description: 'Blocked candidate pairs EM uses at most (a uniform sample beyond).',
    },
    maxIterations: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
    tolerance: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 0.1,
      default: 0.00001,
      description: 'EM stops when no m or prior moves by more than this.',
    },
    seed: { type: 'integer', minimum: 0, maximum: 4294967295, description: 'Sampling seed (same data + seed = same estimates).' },
  },
} as const;

const authorSchema = {
  type: 'object',
  properties: { keyId: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
} as const;

export const ruleSetVersionSummarySchema = {
  type: 'object',
  required: ['number', 'rulesVersion', 'contentHash', 'origin', 'author', 'createdAt', 'isCurrent'],
  properties: {
    number: { type: 'integer' },
    rulesVersion: { type: 'string', description: 'The rule set’s own `version`, recorded in every explanation.' },
    contentHash: { type: 'string' },
    origin: { type: 'string', enum: ['api', 'files', 'rollback'] },
    rolledBackFrom: { type: ['integer', 'null'] },
    note: { type: ['string', 'null'] },
    author: authorSchema,
    createdAt: { type: 'string' },
    isCurrent: { type: 'boolean' },
  },
} as const;
export type RuleSetVersionSummaryView = FromSchema<typeof ruleSetVersionSummarySchema>;

export const ruleSetVersionSchema = {
  type: 'object',
  required: [...ruleSetVersionSummarySchema.required, 'rules'],
  properties: { ...ruleSetVersionSummarySchema.properties, rules: { type: 'object' } },
} as const;

export const ruleSetViewSchema = {
  type: 'object',
  required: ['domain', 'published', 'draft', 'draftState'],
  properties: {
    domain: { type: 'string' },
    published: { anyOf: [ruleSetVersionSchema, { type: 'null' }] },
    draft: {
      anyOf: [
        {
          type: 'object',
          properties: {
            revision: { type: 'integer' },
            contentHash: { type: 'string' },
            rules: { type: 'object' },
            updatedAt: { type: 'string' },
            updatedBy: authorSchema,
          },
        },
        { type: 'null' },
      ],
    },
    draftState: { type: 'string', enum: ['none', 'unpublished', 'same-as-published', 'modified'] },
  },
} as const;

export const searchParamsSchema = { type: 'object', required: ['domain'], properties: { domain } } as const;

export const searchQuerySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description:
        'Name, description or identifier (GTIN in any padding, NDC 10/11, EIN, NPI, CCN, part number with or without punctuation); the last word may be a prefix.',
    },
    limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
  },
} as const;

export const searchResponseSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'domain', 'displayName', 'matchedField', 'score'],
        properties: {
          id: { type: 'string' },
          domain: { type: 'string' },
          displayName: { type: 'string' },
          matchedField: { type: 'string' },
          score: { type: 'number', description: '1 = exact identifier match.' },
        },
      },
    },
    isTruncated: { type: 'boolean', description: 'Only common words matched and were capped: refine the query.' },
  },
} as const;

// ---- Alias tables (abbreviations, organisation aliases, legal suffixes, noise words) ----

const tableName = {
  type: 'string',
  pattern: '^[A-Za-z][A-Za-z0-9_-]{0,60}$',
  description: 'Alias table name, e.g. `organizationAliases`.',
} as const;

export const aliasTableParamsSchema = { type: 'object', required: ['table'], properties: { table: tableName } } as const;

export const aliasTableVersionParamsSchema = {
  type: 'object',
  required: ['table', 'number'],
  properties: { table: tableName, number: { type: 'integer', minimum: 1, description: 'Published version number.' } },
} as const;

export const putAliasTableBodySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['table'],
  properties: {
    table: {
      type: 'object',
      description:
        'An alias table in the format of `matching-rules/aliases/aliases.schema.json`; problems answer 400 with `body.table…` paths.',
    },
    revision: {
      type: 'integer',
      minimum: 0,
      description: 'The draft revision you last read (0: no draft yet); a different current revision answers 409.',
    },
  },
} as const;

export const publishAliasTableBodySchema = publishRulesBodySchema;
export const rollbackAliasTableBodySchema = rollbackRulesBodySchema;

const aliasTableVersionSummarySchema = {
  type: 'object',
  required: [...ruleSetVersionSummarySchema.required],
  properties: { ...ruleSetVersionSummarySchema.properties, rulesVersion: { type: 'string', description: 'The table’s own `version`.' } },
} as const;

export const aliasTableVersionSchema = {
  type: 'object',
  required: [...aliasTableVersionSummarySchema.required, 'table'],
  properties: { ...aliasTableVersionSummarySchema.properties, table: { type: 'object', description: 'The table content.' } },
} as const;

export const aliasTableViewSchema = {
  type: 'object',
  required: ['table', 'published', 'draft', 'draftState'],
  properties: {
    table: { type: 'string' },
    published: { anyOf: [aliasTableVersionSchema, { type: 'null' }] },
    draft: {
      anyOf: [
        {
          type: 'object',
          properties: {
            revision: { type: 'integer' },
            contentHash: { type: 'string' },
            table: { type: 'object' },
            updatedAt: { type: 'string' },
            updatedBy: authorSchema,
          },
        },
        { type: 'null' },
      ],
    },
    draftState: { type: 'string', enum: ['none', 'unpublished', 'same-as-published', 'modified'] },
    usedBy: { type: 'array', items: { type: 'string' }, description: 'Domains whose published rules name this table.' },
  },
} as const;

export const aliasTableListSchema = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['table', 'mode', 'entries', 'publishedNumber', 'version', 'draftState'],
        properties: {
          table: { type: 'string' },
          description: { type: ['string', 'null'] },
          mode: { type: 'string', enum: ['replace', 'remove', 'removeTrailing', 'removeLeading', 'removeFrom'] },
          entries: { type: 'integer', description: 'Rows in the published table.' },
          publishedNumber: { type: ['integer', 'null'] },
          version: { type: ['string', 'null'] },
          draftState: { type: 'string', enum: ['none', 'unpublished', 'same-as-published', 'modified'] },
        },
      },
    },
  },
} as const;
export type AliasTableListView = FromSchema<typeof aliasTableListSchema>;
/** One comparator's part of an explanation (server/matching/types.ts ComparatorExplanation). */
export const comparatorExplanationSchema = {
  type: 'object',
  required: ['name', 'field', 'type', 'weight', 'score', 'outcome', 'a', 'b'],
  properties: {
    name: { type: 'string' },
    field: { type: 'string', description: 'The compared fields, comma-separated.' },
    type: { type: 'string', description: 'Comparator type (identifier, fuzzy, tokenSet, …).' },
    weight: { type: 'number', description: 'Weight in the weighted model.' },
    score: { type: ['number', 'null'], description: '0..1, null when a side is missing.' },
    outcome: { type: 'string', enum: ['missing', 'match', 'partial', 'mismatch', 'related'] },
    a: { type: ['string', 'null'], description: 'Best-matching normalised value of a.' },
    b: { type: ['string', 'null'] },
    level: { type: 'string', description: 'fellegiSunter: the comparison level (`missing` when a side is missing).' },
    m: { type: 'number', description: 'fellegiSunter: P(level | same entity).' },
    u: { type: 'number', description: 'fellegiSunter: P(level | different entities).' },
    matchWeight: { type: 'number', description: 'fellegiSunter: log2(m/u), the Bayes factor in bits; 0 when missing.' },
  },
} as const;

/** The explanation every match decision carries (server/matching/types.ts MatchExplanation); the studio draws its waterfall. */
export const matchExplanationSchema = {
  type: 'object',
  required: ['domain', 'rulesVersion', 'aSourceId', 'bSourceId', 'comparators', 'hardRule', 'model', 'score', 'evidenceWeight', 'band'],
  properties: {
    domain: { type: 'string' },
    rulesVersion: { type: 'string' },
    aSourceId: { type: 'string' },
    bSourceId: { type: 'string' },
    comparators: { type: 'array', items: comparatorExplanationSchema },
    hardRule: {
      anyOf: [
        {
          type: 'object',
          required: ['name', 'action'],
          properties: {
            name: { type: 'string' },
            action: { type: 'string', enum: ['veto', 'forceReview', 'forceMerge', 'capAtReview'] },
            relationship: { type: 'string' },
          },
        },
        { type: 'null' },
      ],
      description: 'The hard rule that fired; it decides the band whatever the score.',
    },
    model: { type: 'string', enum: ['weighted', 'fellegiSunter'] },
    score: { type: 'number', description: 'Weighted score, or the match probability under fellegiSunter (0..1, before hard rules).' },
    priorMatchWeight: { type: 'number', description: 'fellegiSunter: log2 of the prior odds (the waterfall starts here).' },
    matchWeight: { type: 'number', description: 'fellegiSunter: priorMatchWeight + Σ comparator matchWeight.' },
    probability: { type: 'number', description: 'fellegiSunter: 2^matchWeight / (1 + 2^matchWeight).' },
    evidenceWeight: { type: 'number' },
    band: { type: 'string', enum: ['auto-merge', 'review', 'no-match'] },
    relationship: { type: 'string' },
  },
} as const;
export type MatchExplanationView = FromSchema<typeof matchExplanationSchema>;

/*
 * Response schemas of publish, impact preview and verify (OpenAPI; test/http/responseContracts.test.ts
 * checks real answers). `PreviewResult` (server/matching/preview.ts) and `VerifyResult`
 * (server/matching/verify.ts) are the same shapes written as interfaces.
 */
export const publishRulesResponseSchema = {
  type: 'object',
  required: ['isNew', 'version'],
  properties: { isNew: { type: 'boolean' }, version: ruleSetVersionSummarySchema },
} as const;

export const publishAliasTableResponseSchema = {
  type: 'object',
  required: ['isNew', 'version'],
  properties: { isNew: { type: 'boolean' }, version: aliasTableVersionSummarySchema },
} as const;

export const aliasTableVersionSummaryListSchema = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: aliasTableVersionSummarySchema } },
} as const;
export { aliasTableVersionSummarySchema };

const bandCountsSchema = {
  type: 'object',
  required: ['rulesVersion', 'pairsCompared', 'autoMergePairs', 'reviewPairs', 'clusters', 'recordsInClusters'],
  properties: {
    rulesVersion: { type: 'string' },
    pairsCompared: { type: 'integer' },
    autoMergePairs: { type: 'integer' },
    reviewPairs: { type: 'integer' },
    clusters: { type: 'integer' },
    recordsInClusters: { type: 'integer' },
    mergesBlockedByCannotLink: { type: 'integer' },
    blocksSkippedOverCollision: { type: 'integer' },
  },
} as const;

const recordLabelSchema = {
  type: 'object',
  required: ['name', 'source', 'sourceId'],
  additionalProperties: false,
  properties: { name: { type: 'string' }, source: { type: 'string' }, sourceId: { type: 'string' } },
} as const;

const pairChangeSchema = {
  type: 'object',
  required: ['a', 'b', 'labels', 'current', 'candidate'],
  properties: {
    a: { type: 'string' },
    b: { type: 'string' },
    labels: {
      type: 'object',
      required: ['a', 'b'],
      description: "Each record's display attribute (the domain's search display fields), source and source id.",
      properties: { a: recordLabelSchema, b: recordLabelSchema },
    },
    current: {
      type: 'object',
      required: ['score', 'band'],
      properties: { score: { type: 'number' }, band: { type: 'string' }, hardRule: {} },
    },
    candidate: matchExplanationSchema,
  },
} as const;

export const rulesPreviewResultSchema = {
  type: 'object',
  required: ['domain', 'records', 'rules', 'current', 'candidate', 'mergesGained', 'mergesLost', 'reviewGained', 'reviewLost', 'examples'],
  properties: {
    domain: { type: 'string' },
    records: { type: 'integer' },
    rules: { type: 'object', required: ['current', 'candidate', 'candidateChoice'] },
    current: bandCountsSchema,
    candidate: bandCountsSchema,
    mergesGained: { type: 'integer' },
    mergesLost: { type: 'integer' },
    reviewGained: { type: 'integer' },
    reviewLost: { type: 'integer' },
    examples: {
      type: 'object',
      required: ['gained', 'lost'],
      properties: { gained: { type: 'array', items: pairChangeSchema }, lost: { type: 'array', items: pairChangeSchema } },
    },
  },
} as const;

export const verifyResultSchema = {
  type: 'object',
  required: ['domain', 'rules'],
  properties: {
    domain: { type: 'string' },
    rules: { type: 'object', required: ['choice', 'rulesVersion'] },
    explanation: matchExplanationSchema,
    decision: { type: 'string', enum: ['auto-merge', 'review', 'no-match'] },
    candidates: {
      type: 'array',
      items: {
        type: 'object',
        required: ['goldenId', 'sourceRecordId', 'source', 'score', 'band', 'explanation'],
        properties: {
          goldenId: { type: 'string' },
          sourceRecordId: { type: 'string' },
          source: { type: 'string' },
          score: { type: 'number' },
          band: { type: 'string' },
          explanation: { type: 'object' },
        },
      },
    },
    candidatesConsidered: { type: 'integer' },
    overCollision: {
      type: 'array',
      items: { type: 'object', required: ['key', 'size', 'maxBlockSize'] },
    },
  },
} as const;
