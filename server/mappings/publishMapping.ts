/** Publishing a draft (after its tests pass) and rolling back to an earlier version. */
import { ConflictError, NotFoundError, UnprocessableError } from '../errors';
import type { AppServices } from '../services';
import { adHocCacheKey, normalizeExpression, type MappingKey } from './mappingIdentity';
import { assertMappingKey, toTestCases } from './saveMappingDraft';
import { contentOf, publishVersion } from './publishVersion';
import { findPublishedVersion, requireMapping, requireVersion } from './queries';
import { runMappingTests, type TestReport } from './testRunner';
import type { MappingAuthor, MappingDocument, MappingVersionDocument } from './types';

type Services = Pick<AppServices, 'store' | 'mappingRuntime'>;

/** 422 MAPPING_TESTS_FAILED (or MAPPING_SYNTAX_ERROR) with each failing case, expected vs actual. */
export function testsFailedError(options: { label: string; report: TestReport }): UnprocessableError {
  const { report, label } = options;
  if (report.syntaxError) {
    const where = report.syntaxError.position !== undefined ? ` at character ${report.syntaxError.position}` : '';
    // The runtime's compile-time checks (e.g. MAPPING_UNSAFE_REGEX) arrive here too, with their own code.
    const what = report.syntaxError.code === 'MAPPING_SYNTAX_ERROR' ? 'does not parse' : 'is refused by the runtime';
    return new UnprocessableError(report.syntaxError.code, `${label} ${what}${where}: ${report.syntaxError.message}`, {
      syntaxError: report.syntaxError,
    });
  }
  const failures = report.cases.filter((result) => !result.passed);
  const names = failures.slice(0, 5).map((result) => `"${result.name}" (${result.message ?? 'failed'})`).join('; ');
  return new UnprocessableError('MAPPING_TESTS_FAILED', `${label}: ${report.failed} of ${report.total} test case${report.total === 1 ? '' : 's'} failed: ${names}${failures.length > 5 ? '; …' : ''}`, {
    total: report.total,
    passed: report.passed,
    failed: report.failed,
    missingLookupTables: report.missingLookupTables,
    failures: failures.map((result) => ({ name: result.name, expected: result.expected, actual: result.actual, message: result.message, differences: result.differences ?? [] })),
  });
}

/**
 * Runs test cases without saving anything: the draft's, or an unsaved `expression` and/or `tests`
 * from the editor (when both are given the mapping need not exist yet).
 */
export async function testMappingDraft(
  services: Services,
  input: { key: MappingKey; expression?: string; tests?: Array<{ name: string; input?: unknown; output?: unknown; error?: string }> },
): Promise<TestReport> {
  assertMappingKey(input.key);
  let expression = input.expression;
  let tests = input.tests ? toTestCases(input.tests, 'body.tests') : undefined;
  if (expression === undefined || tests === undefined) {
    const mapping = await requireMapping(services, input.key);
    if (!mapping.draft) throw new ConflictError('NO_DRAFT', `Mapping ${input.key.source}/${input.key.domain} has no draft to test.`);
    expression ??= mapping.draft.expression;
    tests ??= mapping.draft.tests;
  }
  expression = normalizeExpression(expression);
  return runMappingTests(services, { expression, tests, cacheKey: adHocCacheKey(expression), domain: input.key.domain, direction: input.key.direction });
}

/** Runs the draft's tests and publishes it as the next version; a draft equal to the published version is not republished. */
export async function publishMapping(
  services: Services,
  input: { key: MappingKey; actor: MappingAuthor; note?: string; expectedRevision?: number },
): Promise<{ version: MappingVersionDocument; isNew: boolean; mapping: MappingDocument }> {
  const mapping = await requireMapping(services, input.key);
  const draft = mapping.draft;
  if (!draft) throw new ConflictError('NO_DRAFT', `Mapping ${input.key.source}/${input.key.domain} has no draft to publish.`);
  if (input.expectedRevision !== undefined && input.expectedRevision !== draft.revision) {
    throw new ConflictError('STALE_REVISION', `The draft is at revision ${draft.revision}, not ${input.expectedRevision}; review the latest draft before publishing it.`, {
      current: { draftRevision: draft.revision, publishedVersion: mapping.published?.version ?? null },
    });
  }
  if (mapping.published && mapping.published.contentHash === draft.contentHash) {
    const current = await findPublishedVersion(services, mapping);
    if (current) return { version: current, isNew: false, mapping };
  }
  const report = await runMappingTests(services, {
    expression: draft.expression,
    tests: draft.tests,
    cacheKey: adHocCacheKey(draft.expression),
    domain: mapping.domain,
    direction: mapping.direction,
  });
  if (report.syntaxError || !report.isPassing) throw testsFailedError({ label: `The draft of ${input.key.source}/${input.key.domain} (revision ${draft.revision})`, report });
  const version = await publishVersion(services, {
    mapping,
    content: contentOf(draft),
    origin: 'api',
    testSummary: { total: report.total, passed: report.passed },
    note: input.note,
    author: input.actor,
  });
  return { version, isNew: true, mapping };
}

/** Publishes an earlier version's content again, as a new version number whose history names the old one. */
export async function rollbackMapping(
  services: Services,
  input: { key: MappingKey; version: number; actor: MappingAuthor; reason?: string },
): Promise<MappingVersionDocument> {
  const mapping = await requireMapping(services, input.key);
  if (!mapping.published) throw new NotFoundError(`A published version of ${input.key.source}/${input.key.domain}`);
  const target = await requireVersion(services, input.key, input.version);
  if (target.contentHash === mapping.published.contentHash) {
    throw new ConflictError('ALREADY_PUBLISHED', `Version ${target.version} has the same content as the published version ${mapping.published.version}; nothing to roll back.`, {
      current: { publishedVersion: mapping.published.version },
    });
  }
  // The content passed its tests when it was first published. They are not re-run: lookup tables may
  // have moved on since, and a rollback must work when something is already wrong in production.
  return publishVersion(services, {
    mapping,
    content: contentOf(target),
    origin: 'rollback',
    rolledBackFrom: target.version,
    testSummary: target.testSummary,
    note: input.reason ?? `Rollback to version ${target.version}`,
    author: input.actor,
  });
}
