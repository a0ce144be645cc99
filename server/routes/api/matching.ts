import {
  previewRulesBodySchema,
  publishRulesBodySchema,
  putRulesBodySchema,
  rematchBodySchema,
  rollbackRulesBodySchema,
  ruleSetVersionSchema,
  ruleSetVersionSummarySchema,
  ruleSetViewSchema,
  rulesDomainParamsSchema,
  rulesVersionParamsSchema,
  trainRulesBodySchema,
  verifyBodySchema,
  publishRulesResponseSchema,
  rulesPreviewResultSchema,
  verifyResultSchema,
} from '../../contracts/matching';
import { jobViewSchema } from '../../contracts/jobs';
import { defineRoute, viewResponse } from '../../http/route';
import { ForbiddenError } from '../../errors';
import { presentJob, type JobView } from '../../jobs/presenter';
import { isSensitivePath, maskExplanation, maskRulesOf, visibilityOf } from '../../policies/visibility';
import { countDomainRecords, PREVIEW_INLINE_LIMIT, PREVIEW_JOB, previewRules, type PreviewResult } from '../../matching/preview';
import { startRematchJob } from '../../golden/rematchDomain';
import { publishRules, rollbackRules, saveRulesDraft } from '../../matching/ruleSets/commands';
import { startTrainingJob } from '../../matching/trainRules';
import { presentRuleSet, presentRuleSetVersion, presentRuleSetVersionSummary } from '../../matching/ruleSets/presenter';
import { listRuleSetVersions, requireRuleSet, requireRuleSetVersion } from '../../matching/ruleSets/queries';
import { verifyMatch, type VerifyResult } from '../../matching/verify';
import type { Principal } from '../../policies/abilities';
import type { Store } from '../../store/types';

const TAGS = ['matching'];
const PATH = '/matching/rules/:domain';
const notFound = { 404: { description: 'No rules for this domain (or no such version).' } };
/** Rule sets and verify requests carry whole rule sets and records. */
const RULES_BODY_LIMIT = 2 * 1024 * 1024;

function authorOf(principal: Principal) {
  return { keyId: principal.keyId, name: principal.name, role: principal.role };
}

async function ruleSetView(services: { store: Store }, domain: string) {
  const head = await requireRuleSet({ store: services.store, domain });
  const published = head.published ? await requireRuleSetVersion({ store: services.store, domain, number: head.published.number }) : null;
  return presentRuleSet(head, published);
}

export const matchingRoutes = [
  defineRoute({
    operationId: 'getMatchingRules',
    method: 'get',
    path: PATH,
    summary: 'The matching rules of a domain: the published version the engine uses and the draft',
    tags: TAGS,
    auth: { action: 'rules.read' },
    params: rulesDomainParamsSchema,
    responses: { 200: { description: 'Published rules and draft.', schema: ruleSetViewSchema }, ...notFound },
    handler: async ({ services, params }) => ({ body: await ruleSetView(services, params.domain) }),
  }),
  defineRoute({
    operationId: 'putMatchingRulesDraft',
    method: 'put',
    path: PATH,
    summary: 'Save the draft rules (validated against matching-rules/rules.schema.json)',
    description:
      'Problems answer 400 VALIDATION_FAILED with every problem and its path (`body.rules.thresholds.review`, `body.rules.hardRules[0].when[0].comparator`). Send `revision` to refuse overwriting someone else’s draft (409 STALE_REVISION).',
    tags: TAGS,
    auth: { action: 'rules.write' },
    params: rulesDomainParamsSchema,
    body: putRulesBodySchema,
    bodyLimit: RULES_BODY_LIMIT,
    responses: {
      200: { description: 'Draft saved.', schema: ruleSetViewSchema },
      201: { description: 'First draft of this domain.', schema: ruleSetViewSchema },
      400: { description: 'Invalid rules (paths named).' },
      409: { description: 'Stale revision.' },
    },
    handler: async ({ services, params, body, principal }) => {
      const { isCreated } = await saveRulesDraft(services, {
        domain: params.domain,
        rules: body.rules,
        expectedRevision: body.revision,
        actor: authorOf(principal),
      });
      return { status: isCreated ? 201 : 200, body: await ruleSetView(services, params.domain) };
    },
  }),
  defineRoute({
    operationId: 'publishMatchingRules',
    method: 'post',
    path: `${PATH}/publish`,
    summary: 'Publish the draft as the next version (the engine uses it from the next match on)',
    description:
      'A draft identical to the published rules returns that version (200, isNew false). Other rules under a `version` string used before answer 409 RULES_VERSION_REUSED. Existing golden records are not re-matched by publishing: start POST /matching/{domain}/rematch.',
    tags: TAGS,
    auth: { action: 'rules.write' },
    params: rulesDomainParamsSchema,
    body: publishRulesBodySchema,
    responses: {
      200: { description: 'Already published.', schema: publishRulesResponseSchema },
      201: { description: 'Published.', schema: publishRulesResponseSchema },
      409: { description: 'No draft, stale revision or version string reused.' },
      ...notFound,
    },
    handler: async ({ services, params, body, principal }) => {
      const { version, isNew } = await publishRules(services, {
        domain: params.domain,
        actor: authorOf(principal),
        note: body.note,
        expectedRevision: body.revision,
      });
      return { status: isNew ? 201 : 200, body: { isNew, version: presentRuleSetVersionSummary(version, version.number) } };
    },
  }),
  defineRoute({
    operationId: 'listMatchingRulesVersions',
    method: 'get',
    path: `${PATH}/versions`,
    summary: 'Published versions of the rules, newest first',
    tags: TAGS,
    auth: { action: 'rules.read' },
    params: rulesDomainParamsSchema,
    responses: {
      200: {
        description: 'Versions.',
        schema: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: ruleSetVersionSummarySchema } } },
      },
      ...notFound,
    },
    handler: async ({ services, params }) => {
      const head = await requireRuleSet({ store: services.store, domain: params.domain });
      const versions = await listRuleSetVersions({ store: services.store, domain: params.domain });
      return { body: { items: versions.map((v) => presentRuleSetVersionSummary(v, head.published?.number ?? null)) } };
    },
  }),
  defineRoute({
    operationId: 'getMatchingRulesVersion',
    method: 'get',
    path: `${PATH}/versions/:number`,
    summary: 'One published version with its rules (immutable)',
    tags: TAGS,
    auth: { action: 'rules.read' },
    params: rulesVersionParamsSchema,
    responses: { 200: { description: 'The version.', schema: ruleSetVersionSchema }, ...notFound },
    handler: async ({ services, params }) => {
      const head = await requireRuleSet({ store: services.store, domain: params.domain });
      return {
        body: presentRuleSetVersion(
          await requireRuleSetVersion({ store: services.store, domain: params.domain, number: params.number }),
          head.published?.number ?? null,
        ),
      };
    },
  }),
  defineRoute({
    operationId: 'rollbackMatchingRules',
    method: 'post',
    path: `${PATH}/rollback`,
    summary: 'Publish an earlier version of the rules again (as a new version number)',
    tags: TAGS,
    auth: { action: 'rules.write' },
    params: rulesDomainParamsSchema,
    body: rollbackRulesBodySchema,
    responses: {
      201: { description: 'The new version.', schema: ruleSetVersionSummarySchema },
      409: { description: 'That version is already the published one.' },
      ...notFound,
    },
    handler: async ({ services, params, body, principal }) => {
      const version = await rollbackRules(services, {
        domain: params.domain,
        number: body.version,
        actor: authorOf(principal),
        reason: body.reason,
      });
      return { status: 201, body: presentRuleSetVersionSummary(version, version.number) };
    },
  }),
  defineRoute({
    operationId: 'previewMatchingRules',
    method: 'post',
    path: `${PATH}/preview`,
    summary: 'Impact preview: what candidate rules (or the draft) would change on the current data',
    description: `Runs the batch matcher with the published and the candidate rules over the domain's source records and reports merges gained and lost (with examples explained under both), review pairs gained and lost, and band counts. Writes nothing. Above ${PREVIEW_INLINE_LIMIT} source records it runs as a job (202 with the job; the report is its result).`,
    tags: TAGS,
    auth: { action: 'match.verify' },
    params: rulesDomainParamsSchema,
    body: previewRulesBodySchema,
    bodyLimit: RULES_BODY_LIMIT,
    responses: {
      200: viewResponse<PreviewResult>({ description: 'The impact report.', schema: rulesPreviewResultSchema }),
      202: viewResponse<{ job: JobView }>({
        description: 'Queued as a job (large domain).',
        schema: { type: 'object', required: ['job'], properties: { job: jobViewSchema } },
      }),
      400: { description: 'Invalid candidate rules.' },
      409: { description: 'No draft to preview.' },
    },
    handler: async ({ services, params, body, principal }) => {
      const input = { domain: params.domain, rules: body.rules, useDraft: body.useDraft, examples: body.examples };
      if ((await countDomainRecords(services, params.domain)) <= PREVIEW_INLINE_LIMIT) return { body: await previewRules(services, input) };
      const job = await services.jobs.enqueue({ type: PREVIEW_JOB, params: input, createdBy: principal.keyId });
      return { status: 202, body: { job: presentJob(job) } };
    },
  }),
  defineRoute({
    operationId: 'verifyMatch',
    method: 'post',
    path: '/matching/verify',
    summary: 'Score two records, or one record against the store, and explain (writes nothing)',
    description:
      'Rules: `rules` (ad-hoc), else the draft (`useDraft`), else the published version. With `b`: the explanation of a vs b. Without: what ingest would decide for `a` now — decision, candidates at review or above with explanations, skipped over-collision blocks.',
    tags: TAGS,
    auth: { action: 'match.verify' },
    body: verifyBodySchema,
    bodyLimit: RULES_BODY_LIMIT,
    responses: {
      200: viewResponse<VerifyResult>({
        description: 'Explanation(s); compared sensitive values are masked for roles that see them masked.',
        schema: verifyResultSchema,
      }),
      400: { description: 'Invalid rules or domain.' },
      403: { description: 'A candidate lookup by a sensitive attribute (e.g. taxId) from a role that sees it masked.' },
      409: { description: 'No draft.' },
    },
    handler: async ({ services, body, principal }) => {
      const visibility = visibilityOf(principal);
      const rules = maskRulesOf(body.domain);
      // Looking candidates up by a sensitive attribute would confirm a value the caller sees masked.
      const sensitive =
        body.b || visibility.canQuerySensitive ? undefined : Object.keys(body.a).find((attribute) => isSensitivePath(attribute, rules));
      if (sensitive)
        throw new ForbiddenError(
          `Your API key may not look up golden records by "${sensitive}": it is a sensitive attribute, shown masked to your role (body.a.${sensitive}); remove it or compare two records with "b".`,
        );
      // Pair mode compares two records the caller sent; candidates come from the store and are masked.
      const result = await verifyMatch(services, {
        domain: body.domain,
        a: body.a,
        b: body.b,
        rules: body.rules,
        useDraft: body.useDraft,
        limit: body.limit,
      });
      return {
        body: {
          ...result,
          ...(result.candidates
            ? { candidates: result.candidates.map((c) => ({ ...c, explanation: maskExplanation(c.explanation, rules, visibility) })) }
            : {}),
        },
      };
    },
  }),
  defineRoute({
    operationId: 'rematchDomain',
    method: 'post',
    path: '/matching/:domain/rematch',
    summary: 'Re-match a whole domain under the published rules (background job with progress)',
    description:
      'Re-indexes every source record, then merges golden records the rules now auto-merge and opens tasks for review pairs. Never unmerges, never overrides a not-a-match decision.',
    tags: TAGS,
    auth: { action: 'rules.write' },
    params: rulesDomainParamsSchema,
    body: rematchBodySchema,
    responses: { 202: viewResponse<JobView>({ description: 'The queued job (GET /jobs/{id} for progress).', schema: jobViewSchema }) },
    handler: async ({ services, params, body, principal }) => {
      const job = await startRematchJob(services, { domain: params.domain, reason: body.reason, actor: authorOf(principal) });
      return { status: 202, body: presentJob(job) };
    },
  }),
  defineRoute({
    operationId: 'trainMatchingRules',
    method: 'post',
    path: '/matching/:domain/train',
    summary: 'Train Fellegi–Sunter m/u probabilities on the domain’s records; the result becomes the rules draft',
    description:
      'Background job `matching.train`: u from random pairs of the domain’s source records, m and the prior by EM over blocked candidate pairs, refined by stewards’ merges (match labels) and not-a-match pairs (non-match labels). The trained rules are saved as the DRAFT (review with POST /matching/rules/{domain}/preview, then publish); the job result is the report (iterations, convergence, m/u per comparator level, label counts).',
    tags: TAGS,
    auth: { action: 'rules.write' },
    params: rulesDomainParamsSchema,
    body: trainRulesBodySchema,
    responses: {
      202: viewResponse<JobView>({
        description: 'The queued job (GET /jobs/{id}; its result is the training report).',
        schema: jobViewSchema,
      }),
      400: { description: 'Unknown domain or invalid options.' },
    },
    handler: async ({ services, params, body, principal }) => {
      const job = await startTrainingJob(services, { domain: params.domain, actor: authorOf(principal), options: body });
      return { status: 202, body: presentJob(job) };
    },
  }),
];
