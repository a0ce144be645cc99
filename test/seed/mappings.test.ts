/**
 * Mappings as code and the seed they load: every mapping's tests and samples run through the real
 * mapping runtime (worker pool, extra functions, lookup tables) and their outputs are validated
 * against the canonical schemas; then the whole seed is mapped and checked against its ground truth.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MappingRuntime } from '../../server/mapping-runtime';
import { checkSyntax, createMappingRuntime, referencedLookupTables } from '../../server/mapping-runtime';
import { createLogger } from '../../server/logger';
import { listDomains, validateCanonical } from '../../server/schemas';
import { readSeedManifest } from '../../seed/loadSeed';
import type { MappedSeedFile } from '../../seed/mapSeed';
import { mapWholeSeed, readLookupTables, readMappingFiles } from '../../seed/mapSeed';
import { at } from '../support/must';

const mappings = readMappingFiles();
const lookups = readLookupTables();
let runtime: MappingRuntime;

beforeAll(() => {
  runtime = createMappingRuntime({ poolSize: 2, logger: createLogger({ silent: true }) });
});
afterAll(async () => {
  await runtime?.close();
});

describe('mapping files', () => {
  test('every seeded source × domain has a mapping, and every mapping a seeded file', () => {
    const seeded = new Set(readSeedManifest().map((entry) => `${entry.source}/${entry.domain}`));
    const mapped = new Set(mappings.map((mapping) => `${mapping.source}/${mapping.domain}`));
    expect([...mapped].sort()).toEqual([...seeded].sort());
    expect(mapped.size).toBeGreaterThanOrEqual(13);
  });

  test.each(lookups.files.map((file) => [file.name, file.content] as const))('lookup table %s has a description and string entries', (_name, content) => {
    const table = content as { description?: unknown; entries?: Record<string, unknown> };
    expect(typeof table.description).toBe('string');
    expect(Object.keys(table.entries ?? {}).length).toBeGreaterThan(0);
    for (const value of Object.values(table.entries ?? {})) expect(typeof value).toBe('string');
  });

  test.each(mappings.map((mapping) => [`${mapping.source}/${mapping.domain}`, mapping] as const))('%s: metadata, syntax and referenced lookup tables', (_key, mapping) => {
    expect(mapping.description.length).toBeGreaterThan(40);
    expect(mapping.samples.length).toBeGreaterThanOrEqual(3);
    expect(mapping.samples.length).toBeLessThanOrEqual(5);
    expect(mapping.tests.length).toBeGreaterThanOrEqual(4);
    expect(new Set(mapping.tests.map((t) => t.name)).size).toBe(mapping.tests.length);
    expect(listDomains()).toContain(mapping.domain);
    expect(checkSyntax(mapping.expression)).toBeNull();
    for (const table of referencedLookupTables(mapping.expression)) expect(Object.keys(lookups.tables)).toContain(table);
  });

  test.each(mappings.map((mapping) => [`${mapping.source}/${mapping.domain}`, mapping] as const))('%s: tests pass through the runtime and outputs are valid canonical records', async (_key, mapping) => {
    const outcomes = await runtime.evaluateBatch({ cacheKey: `tests:${mapping.source}/${mapping.domain}`, expression: mapping.expression, records: mapping.tests.map((t) => t.input), lookups: lookups.tables });
    mapping.tests.forEach((testCase, index) => {
      const outcome = at(outcomes, index);
      if ('error' in testCase) {
        expect(outcome.ok, testCase.name).toBe(false);
        if (!outcome.ok) expect([outcome.error.code, outcome.error.jsonataCode], testCase.name).toContain(testCase.error);
        return;
      }
      expect(outcome.ok, `${testCase.name}: ${outcome.ok ? '' : outcome.error.message}`).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.value, testCase.name).toEqual(testCase.output);
      expect(validateCanonical(mapping.domain, outcome.value), testCase.name).toEqual([]);
    });
  });

  test.each(mappings.map((mapping) => [`${mapping.source}/${mapping.domain}`, mapping] as const))('%s: samples map to valid canonical records', async (_key, mapping) => {
    const outcomes = await runtime.evaluateBatch({ cacheKey: `samples:${mapping.source}/${mapping.domain}`, expression: mapping.expression, records: mapping.samples, lookups: lookups.tables });
    for (const outcome of outcomes) {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(validateCanonical(mapping.domain, outcome.value)).toEqual([]);
    }
  });
});

describe('the seed mapped end to end', () => {
  let mapped: MappedSeedFile[] = [];
  beforeAll(async () => {
    mapped = await mapWholeSeed({ runtime, mappings, lookups: lookups.tables });
  });

  test('every record maps without a runtime error', () => {
    const failures = mapped.flatMap((file) => file.outcomes.flatMap((outcome, index) => (outcome.ok ? [] : [`${file.entry.file} #${index}: ${outcome.error.code} ${outcome.error.message}`])));
    expect(failures).toEqual([]);
  });

  test('source ids are unique per source and domain', () => {
    const seen = new Map<string, number>();
    for (const file of mapped) {
      for (const outcome of file.outcomes) {
        if (!outcome.ok) continue;
        const key = `${file.entry.domain}|${file.entry.source}|${(outcome.value as { sourceId: string }).sourceId}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    expect([...seen.entries()].filter(([, count]) => count > 1)).toEqual([]);
  });
});
