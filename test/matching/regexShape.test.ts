/**
 * `capturesFollowMatch` decides which extractor patterns may have their values remembered by the
 * matched string (attributes.ts). A fixture table of shapes, then the property the memory relies on,
 * checked on the shipped patterns of every domain: wherever a matched string occurs — in the
 * evaluation corpora, in generated item descriptions, in adversarial texts built around the matches —
 * its groups are the same. And extraction with the memory equals extraction by a fresh compile.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateItems } from '../../bench/generators/items';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';
import { loadRules } from '../../server/matching';
import { capturesFollowMatch } from '../../server/matching/regexShape';
import type { AttributeExtractor } from '../../server/matching/types';

describe('capturesFollowMatch', () => {
  test.each([
    { source: '(?<value>\\d+)\\s?G', expected: true },
    { source: '(?<![A-Z0-9.])(?<value>\\d+)(?:ML|CC)(?![A-Z0-9])', expected: true },
    { source: '\\b(?<value>\\d+)X(?=\\s?\\d+MM)', expected: true },
    { source: '(?<!X)(?<!Y\\s)A(?!B)(?!C)', expected: true },
    // Assertions between consuming parts can look outside the match.
    { source: 'A(?=BC)B', expected: false },
    { source: '(?<v>\\d+)\\b(?<w>\\d*)X', expected: false },
    { source: '(?:A\\b)+', expected: false },
    { source: '(?<v>A(?!B))C', expected: false },
    // Top-level alternatives can carry their own assertions; back references are left out.
    { source: '(?<!X)A|B', expected: false },
    { source: '(a)\\1', expected: false },
    { source: '(', expected: false },
  ])('$source → $expected', ({ source, expected }) => {
    expect(capturesFollowMatch(source)).toBe(expected);
  });
});

const RULES_DIR = 'matching-rules';
const CORPUS_DIRS = readdirSync('test/fixtures').filter((dir) => /^match-eval(-holdout\d*)?$/.test(dir));

function corpusTexts(): string[] {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const dir of CORPUS_DIRS) {
    for (const file of readdirSync(`test/fixtures/${dir}`).filter((name) => name.endsWith('.json'))) {
      const corpus = JSON.parse(readFileSync(`test/fixtures/${dir}/${file}`, 'utf8')) as { records?: { record: unknown }[] };
      for (const entry of corpus.records ?? []) collect(entry.record);
    }
  }
  return texts;
}

const domains = readdirSync(RULES_DIR)
  .filter((name) => /^[a-z][a-z0-9-]*\.json$/.test(name))
  .map((name) => name.replace(/\.json$/, ''));
const extractorsOf = async (domain: string): Promise<AttributeExtractor[]> => (await loadRules(domain)).rules.attributes ?? [];

const generated = generateItems({ count: 20000, duplicateRate: 0.2, seed: 7 }).records.map((record) => String(record.description));
const texts = [...corpusTexts(), ...generated].map((text) => text.toUpperCase());
// Each text again inside contexts that lookarounds read: letters, digits, dots, slashes, dashes glued on either side.
const CONTEXTS = ['', 'X', '1', '.', '/', '-', ' ', 'MM', 'O.D. '];
const adversarial = texts
  .slice(0, 400)
  .flatMap((text) => CONTEXTS.flatMap((before) => CONTEXTS.map((after) => `${before}${text}${after}`)));

// Each case sweeps every pattern over ~50,000 texts: ~10 s on a quiet machine, 60–106 s when the suite shares two
// cores with other work. The limit is a guard against a hang, not a timing assertion.
const SWEEP_TIMEOUT = 300_000;

describe('remembered values are what a fresh read gives', () => {
  test.each(domains)(
    '%s: a matched string has the same groups wherever it occurs',
    async (domain) => {
      const all = (await extractorsOf(domain)).flatMap((extractor) => extractor.patterns.map((pattern) => pattern.regex));
      // Only patterns of this shape are remembered (a whole-text condition such as supplier `trust`'s `^(?!.*TRUST)` is
      // read afresh every time); item descriptions are the hot path, so every item pattern must keep the shape.
      const patterns = all.filter(capturesFollowMatch);
      if (domain === 'item') expect(patterns).toEqual(all);
      for (const source of patterns) {
        const regex = new RegExp(source, 'g');
        const groupsOf = new Map<string, string>();
        for (const text of [...texts, ...adversarial]) {
          for (const match of text.matchAll(regex)) {
            const groups = JSON.stringify(match.groups ?? {});
            const seen = groupsOf.get(match[0]);
            if (seen === undefined) groupsOf.set(match[0], groups);
            else expect(groups, `${source} on "${match[0]}" in "${text}"`).toBe(seen);
          }
        }
      }
    },
    SWEEP_TIMEOUT,
  );

  test.each(domains)(
    '%s: extraction with remembered values equals extraction by fresh extractors',
    async (domain) => {
      const definitions = await extractorsOf(domain);
      const warm = compileExtractors(definitions);
      for (const text of [...texts, ...adversarial]) extractAttributes(warm, [text]);
      // The cold side forgets before every text: each value is read from its own match.
      const cold = compileExtractors(definitions);
      const forget = () => cold.forEach((extractor) => extractor.patterns.forEach((pattern) => pattern.remembered?.clear()));
      for (const text of [...texts.slice(-3000), ...adversarial.slice(0, 3000)]) {
        forget();
        expect(extractAttributes(warm, [text]), text).toEqual(extractAttributes(cold, [text]));
      }
    },
    SWEEP_TIMEOUT,
  );
});
