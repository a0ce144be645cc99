/**
 * Session 29 (perf29): after the texts are read, `extractAttributes` gives an `absent` value walking only the extractors
 * that declare one (kept per list `compileExtractors` returned), not all ~100 of the item rules. Any other list (a copy)
 * is walked whole — the way it was read before. Both must read the same values from every text: the evaluation
 * corpora's and generated descriptions, with each domain's shipped extractors and a comparator's own few.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateItems } from '../../bench/generators/items';
import { CORPUS_DIRECTORY, OPENED_HOLDOUT_DIRECTORIES } from '../../scripts/match-eval/corpus';
import { loadRules } from '../../server/matching';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';

/** The development corpus and the opened held-out corpora (never a sealed one). */
const CORPUS_DIRS = [CORPUS_DIRECTORY, ...OPENED_HOLDOUT_DIRECTORIES];

/** Every string of every record of the corpora (descriptions, names, free text). */
function corpusTexts(): string[] {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const dir of CORPUS_DIRS)
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const corpus = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as { records?: { record: unknown }[] };
      for (const entry of corpus.records ?? []) collect(entry.record);
    }
  return texts;
}

const texts = [
  ...corpusTexts(),
  ...generateItems({ count: 1000, duplicateRate: 0.2, seed: 29 }).records.map((record) => String(record.description)),
];
const domains = readdirSync('matching-rules')
  .filter((name) => /^[a-z][a-z0-9-]*\.json$/.test(name))
  .map((name) => name.replace(/\.json$/, ''));

describe('the absent values of the extractors that declare one are those of walking every extractor', () => {
  test.each(domains)(
    '%s: every corpus and generated text, one text and three texts at once',
    async (domain) => {
      const attributes = (await loadRules(domain)).rules.attributes ?? [];
      const extractors = compileExtractors(attributes);
      const everyExtractor = [...extractors];
      const absentOf = new Map(attributes.flatMap((a) => (a.absent !== undefined ? [[a.sameAs ?? a.name, a.absent] as const] : [])));
      let absentRead = 0;
      for (let i = 0; i < texts.length; i++) {
        const one = [texts[i] as string];
        const read = extractAttributes(extractors, one);
        expect(read, texts[i]).toEqual(extractAttributes(everyExtractor, one));
        for (const [name, values] of Object.entries(read ?? {})) if (values[0] === absentOf.get(name)) absentRead++;
        // Several texts of one record: spans and `absentRequires` carry from one text to the next.
        const several = [texts[i] as string, texts[(i * 7 + 1) % texts.length] as string, texts[(i * 13 + 2) % texts.length] as string];
        expect(extractAttributes(extractors, several), several.join(' | ')).toEqual(extractAttributes(everyExtractor, several));
      }
      // Where a domain declares absent values, the texts give some (the check compares them, not only empty reads).
      if (absentOf.size > 0) expect(absentRead).toBeGreaterThan(0);
    },
    600_000,
  );
});
