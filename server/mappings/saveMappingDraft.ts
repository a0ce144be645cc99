/** Creates a mapping or updates its draft, with optimistic concurrency on the draft revision. */
import { recordAudit } from '../audit/auditLog';
import { assertSourceFormat } from '../ingest/sourceFormat';
import type { SourceFormat } from '../ingest/formats/registry';
import { ConflictError, ValidationError, type ErrorDetail } from '../errors';
import { listDomains } from '../schemas/canonicalSchemas';
import type { AppServices } from '../services';
import { DuplicateKeyError } from '../store/types';
import { contentHash, mappingId, normalizeExpression, type MappingKey } from './mappingIdentity';
import { findPublishedVersion, mappingsCollection } from './queries';
import { presentMapping } from './presenter';
import type { MappingAuthor, MappingContent, MappingDocument, MappingTestCase } from './types';

/** `lookups/` is where lookup tables live in the mappings folder, so no source may be called that. */
const RESERVED_SOURCES = new Set(['lookups']);

/** Refuses keys that cannot be a mapping: a reserved source name or a domain without a canonical schema. */
export function assertMappingKey(key: MappingKey): void {
  const problems: ErrorDetail[] = [];
  if (RESERVED_SOURCES.has(key.source)) problems.push({ path: 'params.source', code: 'RESERVED', message: `source "${key.source}" is reserved (lookup tables live under mappings/lookups/)` });
  if (!listDomains().includes(key.domain)) {
    problems.push({ path: 'params.domain', code: 'UNKNOWN_DOMAIN', message: `domain "${key.domain}" has no canonical schema; known domains: ${listDomains().join(', ')}` });
  }
  if (problems[0]) throw new ValidationError(problems[0].message, problems);
}

type TestCaseInput = { name: string; input?: unknown; output?: unknown; error?: string };

/** Each test needs a unique name and exactly one of `output` / `error`. */
export function toTestCases(tests: TestCaseInput[], rootPath: string): MappingTestCase[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  const cases = tests.map((test, index): MappingTestCase => {
    const path = `${rootPath}[${index}]`;
    const hasOutput = 'output' in test;
    const hasError = test.error !== undefined;
    if (hasOutput === hasError) problems.push({ path, code: 'OUTPUT_OR_ERROR', message: `${path} should have either "output" (the expected record) or "error" (the expected error code), not ${hasOutput ? 'both' : 'neither'}` });
    if (seen.has(test.name)) problems.push({ path: `${path}.name`, code: 'DUPLICATE', message: `${path}.name "${test.name}" is used by another test; names must be unique` });
    seen.add(test.name);
    return hasError ? { name: test.name, input: test.input ?? null, error: test.error as string } : { name: test.name, input: test.input ?? null, output: test.output ?? null };
  });
  if (problems[0]) throw new ValidationError(problems[0].message, problems);
  return cases;
}

/** Saves the draft; `expectedRevision` (when given) must equal the current draft revision, 0 meaning "new mapping". */
export async function saveMappingDraft(
  services: Pick<AppServices, 'store'>,
  input: { key: MappingKey; content: { expression: string; description?: string; samples?: unknown[]; tests?: TestCaseInput[]; format?: SourceFormat }; expectedRevision?: number; actor: MappingAuthor },
): Promise<{ mapping: MappingDocument; isCreated: boolean; isChanged: boolean }> {
  assertMappingKey(input.key);
  const content: MappingContent = {
    expression: normalizeExpression(input.content.expression),
    description: input.content.description ?? '',
    samples: input.content.samples ?? [],
    tests: toTestCases(input.content.tests ?? [], 'body.tests'),
    ...(input.content.format ? { format: assertSourceFormat(input.content.format, 'body.format') } : {}),
  };
  const hash = contentHash(content);
  const now = new Date().toISOString();
  const id = mappingId(input.key);
  return services.store.withTransaction(async (session) => {
    const mappings = mappingsCollection(services);
    const current = await mappings.findOne({ _id: id }, { session });
    const currentRevision = current?.draft?.revision ?? 0;
    if (input.expectedRevision !== undefined && input.expectedRevision !== currentRevision) {
      const currentView = current ? presentMapping(current, await findPublishedVersion(services, current)) : null;
      throw new ConflictError(
        'STALE_REVISION',
        `The draft of ${input.key.source}/${input.key.domain} was changed by someone else (you sent revision ${input.expectedRevision}, it is now at ${currentRevision}). Reload it and apply your change again.`,
        { current: currentView },
      );
    }
    if (current?.draft && current.draft.contentHash === hash) return { mapping: current, isCreated: false, isChanged: false };
    const draft = { ...content, revision: currentRevision + 1, contentHash: hash, updatedAt: now, updatedBy: input.actor };
    const mapping: MappingDocument = current
      ? { ...current, draft, updatedAt: now }
      : { _id: id, ...input.key, draft, published: null, createdAt: now, updatedAt: now };
    // The write itself is conditional too: on a MongoDB without transactions, two saves of the same
    // revision must still not both win.
    if (current) {
      const written = await mappings.replaceOne({ _id: id, 'draft.revision': current.draft?.revision ?? null }, mapping, { session });
      if (written.matchedCount === 0) throw concurrentDraftChange(input.key);
    } else {
      try {
        await mappings.insertOne(mapping, { session });
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw concurrentDraftChange(input.key);
        throw error;
      }
    }
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: current ? 'mapping.update' : 'mapping.create',
      target: { type: 'mapping', id, domain: input.key.domain },
      before: current?.draft ? { revision: current.draft.revision, ...pickContent(current.draft) } : undefined,
      after: { revision: draft.revision, ...content },
    });
    return { mapping, isCreated: !current, isChanged: true };
  });
}

function concurrentDraftChange(key: MappingKey): ConflictError {
  return new ConflictError('STALE_REVISION', `The draft of ${key.source}/${key.domain} was changed by someone else at the same moment; reload it and apply your change again.`, { current: null });
}

function pickContent(content: MappingContent): MappingContent {
  return { expression: content.expression, description: content.description, samples: content.samples, tests: content.tests, ...(content.format ? { format: content.format } : {}) };
}
