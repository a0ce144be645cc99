/**
 * Search-index catch-up from scratch, CPU time per golden record: the search-index processor's work (one
 * transaction per page of changes — `--page`, by default the processor's SEARCH_PAGE — `indexGoldenForSearch` over
 * that page's golden records) on the embedded store, without the ingest that produces the changes. The machine is shared, so CPU time is the figure to read.
 *
 *   node --import tsx bench/searchCatchup.bench.ts [--records 20000] [--page 2000]
 *
 * The end-to-end catch-up rate (through the change feed and `syncSearchIndex`) is the `scenario` mode of
 * bench/ingest.bench.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../server/logger';
import { indexGoldenForSearch, searchCollections } from '../server/search';
import { SEARCH_PAGE } from '../server/search/searchSync';
import { openEmbeddedStore } from '../server/store/embedded/embeddedStore';
import { generateItems } from './generators/items';

const at = process.argv.indexOf('--records');
const records = at >= 0 ? Number(process.argv[at + 1]) : 20_000;
const pageAt = process.argv.indexOf('--page');
/** The search-index processor's page by default (`--page 500` measures the page size before search10). */
const PAGE = pageAt >= 0 ? Number(process.argv[pageAt + 1]) : SEARCH_PAGE;

async function main(): Promise<void> {
  const items = generateItems({ count: records, seed: 11 }).records as Array<Record<string, unknown>>;
  const goldens = items.map((item) => ({ _id: `item-${String(item.sourceId)}`, domain: 'item', status: 'active', attributes: item }));
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-search-catchup-'));
  const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  try {
    for (const definition of searchCollections) await store.collection(definition.name).createIndexes(definition.indexes);
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    for (let start = 0; start < goldens.length; start += PAGE) {
      const page = goldens.slice(start, start + PAGE);
      await store.withTransaction((session) => indexGoldenForSearch({ store, goldens: page, session }));
    }
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const seconds = (performance.now() - started) / 1000;
    const entries = await store.collection('searchIndex').countDocuments();
    console.log(
      `search catch-up from scratch: ${records} golden records (${entries} entries) in ${seconds.toFixed(1)} s wall = ${(records / seconds).toFixed(0)}/s; ` +
        `CPU ${cpuSeconds.toFixed(2)} s = ${(records / cpuSeconds).toFixed(0)} per CPU-second; load average ${loadavg()
          .map((value) => value.toFixed(1))
          .join(' ')}`,
    );
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
