/**
 * CPU of attribute extraction alone: the item rules' extractors compiled, then run over the descriptions of
 * generated items (what the matching benchmark prepares) and of the labelled item corpora, best of several
 * rounds in one process. Prints the values read too, so two versions of the extractors can be compared.
 *   node --import tsx bench/attributeExtraction.bench.ts [--records 50000] [--rounds 5] [--rules path]
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileExtractors, extractAttributes } from '../server/matching/attributes';
import type { AttributeExtractor } from '../server/matching/types';
import { generateItems } from './generators/items';

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
};
const records = Number(option('--records', '50000'));
const rounds = Number(option('--rounds', '5'));
const rulesPath = option('--rules', 'matching-rules/item.json');
const rules = JSON.parse(readFileSync(rulesPath, 'utf8')) as { version: string; attributes: AttributeExtractor[] };

const generated = generateItems({ count: records, seed: 11 }).records.map((record) => [String(record.description ?? '')]);
// The labelled corpora's item descriptions (real-world conventions the generator does not write), sealed ones left out.
const corpusTexts: string[][] = [];
for (const directory of readdirSync('test/fixtures').filter((name) => /^match-eval(-holdout(\d*))?$/.test(name) && !name.endsWith('11'))) {
  const file = join('test/fixtures', directory, 'item.json');
  if (!existsSync(file)) continue;
  const corpus = JSON.parse(readFileSync(file, 'utf8')) as { records: { record: Record<string, unknown> }[] };
  for (const entry of corpus.records) {
    const record = entry.record ?? entry;
    corpusTexts.push([String(record.description ?? ''), String(record.shortDescription ?? '')].filter((text) => text !== ''));
  }
}

function measure(label: string, texts: string[][]): void {
  let best = Number.POSITIVE_INFINITY;
  let values = 0;
  for (let round = 0; round < rounds; round++) {
    const extractors = compileExtractors(rules.attributes);
    const started = performance.now();
    let read = 0;
    for (const text of texts) {
      const attributes = extractAttributes(extractors, text);
      if (attributes) for (const name in attributes) read += attributes[name]?.length ?? 0;
    }
    best = Math.min(best, performance.now() - started);
    values = read;
  }
  console.log(
    `${label}: ${texts.length} records, best of ${rounds}: ${best.toFixed(1)} ms (${((best * 1000) / texts.length).toFixed(2)} µs per record), ${values} values read`,
  );
}

console.log(`rules ${rules.version} (${rules.attributes.length} extractors)`);
measure('generated', generated);
measure('corpora', corpusTexts);
