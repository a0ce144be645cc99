/**
 * Golden-record search benchmark. Prints figures; asserts nothing (machines are noisy).
 *   node --max-old-space-size=16384 --import tsx bench/search.bench.ts --records 1000000 --queries 1000
 * Builds the search index of N generated golden items in the embedded store (through
 * `indexGoldenForSearch`, the function the change-feed sync calls), then times `searchGolden` for
 * query kinds a typeahead sees: a rare word with a typo, a prefix being typed, manufacturer + word,
 * GTIN without its leading zeros, part number without punctuation, and only common words. For each
 * kind: latency p50/p95/p99/max, how often the intended record is in the first 10 results (identical
 * descriptions make this a lower bound) and how often the first result holds the intended words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createLogger } from '../server/logger';
import { indexGoldenForSearch, searchCollections, searchGolden } from '../server/search';
import { openEmbeddedStore } from '../server/store/embedded/embeddedStore';
import { createRandom, generateItems } from './generators/items';
import { present } from '../server/invariant';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}

const records = option('records', 1_000_000);
const queries = option('queries', 1000);
const CHUNK = 5000;
const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** One typo: a letter dropped inside a word of 6+ letters. */
function withTypo(word: string, random: () => number): string {
  if (word.length < 6) return word;
  const at = 2 + Math.floor(random() * (word.length - 3));
  return word.slice(0, at) + word.slice(at + 1);
}

type Item = Record<string, unknown> & {
  sourceId: string;
  description?: string;
  manufacturer?: { name?: string };
  manufacturerPartNumber?: string;
  gtin?: string;
};
type Query = { kind: string; q: string; target: string; mustContain: string[] };

/** Words the first result must contain to be relevant (the intended words, before the typo). */
function intendedWords(kind: string, item: Item): string[] {
  const words = (item.description ?? '').split(' ').filter((w) => /^[A-Z]{3,}$/.test(w));
  const rare = present([...words].sort((x, y) => y.length - x.length)[0], '[...words].sort((x, y) => y.length - x.length)[0]');
  if (kind === 'rare word with typo + another word') return [words.find((w) => w !== rare) ?? '', rare];
  if (kind === 'prefix being typed') return [present(words[0], 'words[0]'), rare.slice(0, 5)];
  if (kind === 'manufacturer + word') return [rare];
  if (kind === 'only common words') return [present(words[0], 'words[0]'), present(words[1], 'words[1]')];
  return [];
}

function queryFor(kind: string, item: Item, random: () => number): string | null {
  const words = (item.description ?? '').split(' ').filter((w) => /^[A-Z]{3,}$/.test(w));
  const rare = [...words].sort((x, y) => y.length - x.length)[0];
  switch (kind) {
    case 'rare word with typo + another word':
      return rare && words.length > 1 ? `${words.find((w) => w !== rare)?.toLowerCase()} ${withTypo(rare, random).toLowerCase()}` : null;
    case 'prefix being typed':
      return rare ? `${present(words[0], 'words[0]').toLowerCase()} ${rare.slice(0, 5).toLowerCase()}` : null;
    case 'manufacturer + word':
      return item.manufacturer?.name && rare ? `${item.manufacturer.name.split(' ')[0]} ${rare}` : null;
    case 'GTIN without leading zeros':
      return item.gtin ? item.gtin.replace(/^0+/, '') : null;
    case 'part number without punctuation':
      return item.manufacturerPartNumber ? item.manufacturerPartNumber.replace(/[^A-Za-z0-9]/g, '').toLowerCase() : null;
    case 'only common words':
      return words.length >= 2 ? `${words[0]} ${words[1]}`.toLowerCase() : null;
    default:
      return null;
  }
}

const KINDS = [
  'rare word with typo + another word',
  'prefix being typed',
  'manufacturer + word',
  'GTIN without leading zeros',
  'part number without punctuation',
  'only common words',
];

async function main(): Promise<void> {
  console.log(`search benchmark — node ${process.version}, ${records.toLocaleString('en-US')} golden items, ${queries} queries per kind`);
  const started = performance.now();
  const generated = generateItems({ count: records, seed: 11 });
  console.log(`  generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const dataDir = mkdtempSync(join(tmpdir(), 'mdm-search-bench-'));
  const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  try {
    for (const definition of searchCollections) await store.collection(definition.name).createIndexes(definition.indexes);
    const items = generated.records as Item[];
    const indexStarted = performance.now();
    for (let i = 0; i < items.length; i += CHUNK) {
      const goldens = items
        .slice(i, i + CHUNK)
        .map((item) => ({ _id: `item-${item.sourceId}`, domain: 'item', status: 'active', attributes: item }));
      await indexGoldenForSearch({ store, goldens });
      if ((i / CHUNK) % 20 === 19)
        console.log(
          `  … indexed ${(i + CHUNK).toLocaleString('en-US')} at ${((performance.now() - indexStarted) / 1000).toFixed(0)} s, RSS ${peakRssMiB()} MiB`,
        );
    }
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    console.log(
      `  index built: ${indexSeconds.toFixed(0)} s (${Math.round(items.length / indexSeconds)} golden records/s), ${(await store.collection('searchTermStats').countDocuments()).toLocaleString('en-US')} counted terms, peak RSS ${peakRssMiB()} MiB`,
    );
    const random = createRandom(5);
    const all: number[] = [];
    for (const kind of KINDS) {
      const batch: Query[] = [];
      while (batch.length < queries) {
        const item = present(items[Math.floor(random() * items.length)], 'items[Math.floor(random() * items.length)]');
        const q = queryFor(kind, item, random);
        if (q) batch.push({ kind, q, target: `item-${item.sourceId}`, mustContain: intendedWords(kind, item) });
      }
      const latencies: number[] = [];
      let found = 0;
      let truncated = 0;
      let relevant = 0;
      for (const query of batch) {
        const t = performance.now();
        const result = await searchGolden({ store }, { domain: 'item', q: query.q, limit: 10 });
        latencies.push(performance.now() - t);
        if (result.items.some((hit) => hit.id === query.target)) found++;
        if (result.isTruncated) truncated++;
        const first = result.items[0]?.displayName.toUpperCase() ?? '';
        if (result.items.length > 0 && query.mustContain.every((w) => first.split(' ').some((word) => word.startsWith(w)))) relevant++;
      }
      latencies.sort((x, y) => x - y);
      all.push(...latencies);
      console.log(
        `  ${kind.padEnd(36)} p50 ${percentile(latencies, 50).toFixed(2)} ms  p95 ${percentile(latencies, 95).toFixed(2)} ms  p99 ${percentile(latencies, 99).toFixed(2)} ms  max ${present(latencies[latencies.length - 1], 'latencies[latencies.length - 1]').toFixed(1)} ms  target in top 10: ${((100 * found) / batch.length).toFixed(1)} %  first hit has the words: ${((100 * relevant) / batch.length).toFixed(1)} %  capped: ${truncated}  e.g. "${present(batch[0], 'batch[0]').q}"`,
      );
    }
    all.sort((x, y) => x - y);
    console.log(
      `  all queries: p50 ${percentile(all, 50).toFixed(2)} ms, p95 ${percentile(all, 95).toFixed(2)} ms, p99 ${percentile(all, 99).toFixed(2)} ms; peak RSS ${peakRssMiB()} MiB`,
    );
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
