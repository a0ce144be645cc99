/**
 * Re-match job benchmark. Prints figures; asserts nothing.
 *   node --max-old-space-size=8192 --import tsx bench/rematch.bench.ts --records 5000
 * Applies N generated items as source records through `applySourceRecord` (the use case ingest
 * calls: matching, golden records, tasks), publishes item rules that auto-merge what used to be
 * review, and times the `matching.rematch` job over the domain (re-index + match + apply).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootstrap } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { applySourceRecord, GOLDEN_RECORDS, type SourceRecordDocument } from '../server/golden';
import { createLogger } from '../server/logger';
import { startRematchJob } from '../server/golden/rematchDomain';
import { publishRules, saveRulesDraft } from '../server/matching/ruleSets/commands';
import { publishedRules } from '../server/matching/ruleSets/queries';
import { generateItems } from './generators/items';

const index = process.argv.indexOf('--records');
const records = index >= 0 ? Number(process.argv[index + 1]) : 5000;
const ACTOR = { keyId: 'bench', name: 'bench', role: 'admin' };

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-rematch-bench-'));
  const config = { ...loadConfig({ MDM_DATA_DIR: dataDir, MDM_SEED: 'false', PORT: '0' }), seed: false };
  const running = await bootstrap({ config, logger: createLogger({ silent: true }) });
  const { services } = running;
  try {
    console.log(`re-match benchmark — node ${process.version}, ${records.toLocaleString('en-US')} generated items`);
    const items = generateItems({ count: records, seed: 3 }).records;
    const applyStarted = performance.now();
    for (const item of items) {
      const at = new Date().toISOString();
      const sourceRecord: SourceRecordDocument = {
        _id: `item|bench|${item.sourceId}`,
        domain: 'item',
        source: 'bench',
        sourceId: item.sourceId,
        goldenId: '',
        raw: item,
        canonical: item,
        payloadHash: createHash('sha256').update(JSON.stringify(item)).digest('hex'),
        mappingVersion: 1,
        schemaVersion: '1.0.0',
        receivedAt: at,
        updatedAt: at,
        version: 1,
      };
      await applySourceRecord(services, { sourceRecord, actor: ACTOR });
    }
    const applySeconds = (performance.now() - applyStarted) / 1000;
    const goldensBefore = await services.store.collection(GOLDEN_RECORDS).countDocuments({ domain: 'item', status: 'active' });
    console.log(
      `  applied through applySourceRecord: ${applySeconds.toFixed(1)} s (${Math.round(records / applySeconds)} records/s), ${goldensBefore} active golden records`,
    );

    const current = (await publishedRules({ store: services.store, domain: 'item' })).rules;
    const looser = {
      ...structuredClone(current),
      version: 'item-bench-looser',
      thresholds: { autoMerge: current.thresholds.review, review: current.thresholds.review },
    };
    await saveRulesDraft(services, { domain: 'item', rules: looser, actor: ACTOR });
    await publishRules(services, { domain: 'item', actor: ACTOR });
    const started = performance.now();
    const job = await startRematchJob(services, { domain: 'item', reason: 'benchmark', actor: ACTOR });
    const done = await services.jobs.waitFor(job._id, 3_600_000);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  re-match job: ${done.status} in ${seconds.toFixed(1)} s (${Math.round(records / seconds)} source records/s through both phases); result ${JSON.stringify(done.result)}`,
    );
    console.log(`  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
  } finally {
    await running.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
