/**
 * Mapping management costs that sit on hot or start-up paths, on the embedded store:
 * (a) getPublishedMapping per ingest batch, (b) with loadLookupTables, (c) loading the repository's
 * mappings as code at start-up (tests run through the runtime), (d) publishing a draft with 200 tests.
 * Run: node --import tsx bench/mappings.bench.ts
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { ensureCollections } from '../server/db/collections';
import { createLogger } from '../server/logger';
import { createMappingRuntime } from '../server/mapping-runtime';
import { getPublishedMapping, loadLookupTables, loadMappingsAsCode, publishMapping, saveMappingDraft } from '../server/mappings';
import type { AppServices } from '../server/services';
import { openStore } from '../server/store';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-bench-mappings-'));
const logger = createLogger({ silent: true });
const config = loadConfig({ MDM_DATA_DIR: dataDir, MDM_SEED: 'false' });
const store = await openStore({ dataDir, logger });
await ensureCollections(store);
const mappingRuntime = createMappingRuntime({ logger });
const services = { config, store, logger, mappingRuntime } as unknown as AppServices;

function report(label: string, count: number, elapsedMs: number): void {
  process.stdout.write(
    `${label.padEnd(58)} ${count.toString().padStart(7)} in ${elapsedMs.toFixed(0).padStart(6)} ms  → ${(count / (elapsedMs / 1000)).toFixed(0).padStart(8)} /s\n`,
  );
}

try {
  let started = performance.now();
  const summary = await loadMappingsAsCode(services);
  const loadMs = performance.now() - started;
  process.stdout.write(
    `(c) start-up load of ${config.mappingsDir}: ${summary.published.length} mappings published, ${summary.lookupsSaved.length} lookup tables, ${summary.refused.length} refused, in ${loadMs.toFixed(0)} ms\n`,
  );
  const restart = performance.now();
  const again = await loadMappingsAsCode(services);
  process.stdout.write(
    `    second start-up (all in sync: ${again.inSync.length} files) in ${(performance.now() - restart).toFixed(0)} ms\n`,
  );

  const target = { source: 'lawson', domain: 'item' };
  const iterations = 20_000;
  for (let index = 0; index < 1000; index++) await getPublishedMapping(services, target);
  started = performance.now();
  for (let index = 0; index < iterations; index++) await getPublishedMapping(services, target);
  report('(a) getPublishedMapping (one read by _id)', iterations, performance.now() - started);

  started = performance.now();
  for (let index = 0; index < iterations; index++) {
    const mapping = await getPublishedMapping(services, target);
    await loadLookupTables(services, mapping?.lookupTables ?? []);
  }
  const tables = (await getPublishedMapping(services, target))?.lookupTables ?? [];
  report(`(b) getPublishedMapping + loadLookupTables (${tables.length} tables)`, iterations, performance.now() - started);

  const tests = Array.from({ length: 200 }, (_, index) => ({
    name: `case ${index}`,
    input: { ITEM: String(index), DESCRIPTION: `ITEM ${index}` },
    output: { sourceId: String(index), description: `ITEM ${index}` },
  }));
  const actor = { keyId: 'bench', name: 'bench', role: 'admin' };
  const key = { source: 'bench', domain: 'item', direction: 'inbound' as const };
  let publishes = 0;
  started = performance.now();
  for (let round = 0; round < 20; round++) {
    await saveMappingDraft(services, {
      key,
      content: {
        expression: `{ "sourceId": ITEM, "description": DESCRIPTION, "category": "r${round}" }`,
        tests: tests.map((test) => ({ ...test, output: { ...test.output, category: `r${round}` } })),
      },
      actor,
    });
    await publishMapping(services, { key, actor });
    publishes++;
  }
  const publishMs = performance.now() - started;
  process.stdout.write(`(d) save draft + publish with 200 tests: ${(publishMs / publishes).toFixed(1)} ms each (${publishes} rounds)\n`);
} finally {
  await mappingRuntime.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}
