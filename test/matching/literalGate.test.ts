/**
 * The literal gate (server/matching/literalGate.ts) skips an extractor's expression when the text holds
 * none of the literals every match of it contains. A fixture table of what is read from a pattern's
 * syntax, the scanner on texts, then the property the gate relies on, checked on the shipped
 * expressions of every domain over the evaluation corpora and generated descriptions: every match
 * contains one of its expression's literals, so the gate never skips an expression that would match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateItems } from '../../bench/generators/items';
import { loadRules } from '../../server/matching';
import { asciiFastTest, createLiteralScanner, necessaryLiterals } from '../../server/matching/literalGate';

describe('necessaryLiterals', () => {
  test.each([
    { source: '(?<![A-Z])(?:BLACK|BLK|BK)(?![A-Z])', expected: ['BK', 'BLK', 'BLACK'] },
    // A literal that contains another is implied by it.
    { source: 'MG|MCG|G', expected: ['G'] },
    // The most selective part of a sequence: the run whose shortest literal is longest.
    { source: '(?<value>\\d+)\\s?(?:ML|CC)\\b', expected: ['CC', 'ML'] },
    { source: 'NON[\\s-]?STERILE', expected: ['STERILE'] },
    // A space is no part of a literal (blanked spans are spaces).
    { source: 'SOFT GEL', expected: ['SOFT'] },
    { source: 'TABS?|CAPS?', expected: ['CAP', 'TAB'] },
    { source: '(?:XY|YZ)+', expected: ['XY', 'YZ'] },
    // Nothing necessary: an alternative without a literal, only assertions, an optional part, a modifier group.
    { source: 'ML|\\d+', expected: null },
    { source: '^(?!.*SALINE)', expected: null },
    { source: '(?:ABC)?\\d', expected: null },
    { source: '(', expected: null },
  ])('$source → $expected', ({ source, expected }) => {
    const literals = necessaryLiterals(source);
    expect(literals === null ? null : [...literals].sort((a, b) => a.length - b.length || a.localeCompare(b))).toEqual(expected);
  });
});

describe('createLiteralScanner', () => {
  const scanner = createLiteralScanner();
  const colour = scanner.gateOf('(?<![A-Z])(?:BLACK|BLK)(?![A-Z])');
  const gauge = scanner.gateOf('(?<value>\\d+)G');
  const always = scanner.gateOf('\\d+');
  const folded = scanner.gateOf('M²');
  scanner.seal();
  test.each([
    { text: 'SUTURE BLACK 3-0', colour: true, gauge: false, folded: false },
    { text: 'CABLE BLK 2M', colour: true, gauge: false, folded: false },
    { text: 'NEEDLE 18G 1IN', colour: false, gauge: true, folded: false },
    { text: 'DIALYSER 1,7 M²', colour: false, gauge: false, folded: true },
    { text: 'BL ACK', colour: false, gauge: false, folded: false },
    { text: '', colour: false, gauge: false, folded: false },
  ])('$text', ({ text, ...expected }) => {
    scanner.scan(text);
    expect({ colour: scanner.passes(colour), gauge: scanner.passes(gauge), folded: scanner.passes(folded) }).toEqual(expected);
    expect(always).toBeNull();
    expect(scanner.passes(always)).toBe(true);
  });
});

const CORPUS_DIRS = readdirSync('test/fixtures').filter((dir) => /^match-eval(-holdout([1-9]|10)?)?$/.test(dir));

function corpusTexts(): string[] {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const dir of CORPUS_DIRS)
    for (const file of readdirSync(`test/fixtures/${dir}`).filter((name) => name.endsWith('.json'))) {
      const corpus = JSON.parse(readFileSync(`test/fixtures/${dir}/${file}`, 'utf8')) as { records?: { record: unknown }[] };
      for (const entry of corpus.records ?? []) collect(entry.record);
    }
  return texts;
}

const domains = readdirSync('matching-rules')
  .filter((name) => /^[a-z][a-z0-9-]*\.json$/.test(name))
  .map((name) => name.replace(/\.json$/, ''));
const texts = [
  ...corpusTexts(),
  ...generateItems({ count: 2000, duplicateRate: 0.2, seed: 3 }).records.map((record) => String(record.description)),
].map((text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase(),
);

/** Every expression source of a domain's shipped extractors (undefined where a part is not declared). */
async function shippedSources(domain: string): Promise<Array<string | undefined>> {
  const extractors = (await loadRules(domain)).rules.attributes ?? [];
  return extractors.flatMap((extractor) => [
    extractor.requires,
    extractor.absentRequires,
    ...extractor.patterns.flatMap((pattern) => [pattern.regex, pattern.requires]),
  ]);
}

describe('the gate never skips an expression that matches', () => {
  test.each(domains)(
    '%s: every match of every shipped expression holds one of its literals',
    async (domain) => {
      const sources = await shippedSources(domain);
      let gated = 0;
      for (const source of sources) {
        if (source === undefined) continue;
        const literals = necessaryLiterals(source);
        if (literals === null) continue;
        gated++;
        const regex = new RegExp(source, 'g');
        for (const text of texts)
          for (const match of text.matchAll(regex))
            expect(
              literals.some((literal) => match[0].includes(literal)),
              `${source} matched "${match[0]}" in "${text}" without ${literals.join(' | ')}`,
            ).toBe(true);
      }
      if (domain === 'item') expect(gated).toBeGreaterThan(100);
      // Hundreds of expressions over every corpus text: seconds alone, more on a loaded machine.
    },
    180_000,
  );
});

// The scan marks the gates of each literal it meets (an index from literals to gates): every gate holding it opens.
describe('gates that share a literal', () => {
  const scanner = createLiteralScanner();
  const sterile = scanner.gateOf('(?<![A-Z])STERILE(?![A-Z])');
  const nonSterile = scanner.gateOf('(?<![A-Z])NON-?STERILE(?![A-Z])');
  const eitherSterile = scanner.gateOf('(?:STERILE|STRL)');
  scanner.seal();
  test.each([
    // NON-?STERILE's necessary literal is STERILE (the most selective run): one literal opens all three gates.
    { text: 'GAUZE 4X4 STERILE', sterile: true, nonSterile: true, eitherSterile: true },
    { text: 'GAUZE 4X4 NON-STERILE', sterile: true, nonSterile: true, eitherSterile: true },
    { text: 'GAUZE 4X4 STRL', sterile: false, nonSterile: false, eitherSterile: true },
    { text: 'GAUZE 4X4', sterile: false, nonSterile: false, eitherSterile: false },
  ])('$text', ({ text, ...expected }) => {
    scanner.scan(text);
    expect({
      sterile: scanner.passes(sterile),
      nonSterile: scanner.passes(nonSterile),
      eitherSterile: scanner.passes(eitherSterile),
    }).toEqual(expected);
  });
});

// The scan's shortcuts (no literal starts at a space, a third-character test before `startsWith`, one gate per
// distinct literal set) must answer exactly what a plain search of each gate's literals answers. Checked on every
// shipped expression of every domain, over the corpus and generated texts and over texts made to sit at the edges
// of those shortcuts: each literal at the very end, cut one character short there, split by a space, and doubled.
describe('the scan answers what a plain search of the literals answers', () => {
  test.each(domains)(
    '%s: every gate, every text',
    async (domain) => {
      const sources = await shippedSources(domain);
      const scanner = createLiteralScanner();
      const gates = sources.flatMap((source) => {
        const literals = source === undefined ? null : necessaryLiterals(source);
        return literals === null ? [] : [{ gate: scanner.gateOf(source), literals }];
      });
      scanner.seal();
      const edges = [...new Set(gates.flatMap(({ literals }) => literals))].flatMap((literal) => [
        `X ${literal}`,
        `X ${literal.slice(0, -1)}`,
        `${literal.slice(0, 1)} ${literal.slice(1)}`,
        `${literal}${literal}`,
        literal,
      ]);
      const wrong: string[] = [];
      for (const text of [...texts, ...edges]) {
        scanner.scan(text);
        for (const { gate, literals } of gates) {
          const expected = literals.some((literal) => text.includes(literal));
          if (scanner.passes(gate) !== expected && wrong.length < 5) wrong.push(`"${text}": ${literals.join(' | ')} → ${expected}`);
        }
      }
      expect(wrong).toEqual([]);
      if (domain === 'item') expect(gates.length).toBeGreaterThan(100);
    },
    180_000,
  );
});

// A scan of the text scanned last is skipped (its marks still stand): the answers are those of a fresh scan, also
// when the same text comes back after another one (perf24).
describe('a text scanned twice in a row', () => {
  const scanner = createLiteralScanner();
  const gauge = scanner.gateOf('(?<value>\\d+)G');
  const sterile = scanner.gateOf('(?<![A-Z])STERILE(?![A-Z])');
  scanner.seal();
  test('same answers as its first scan, and as a scan after another text', () => {
    const answers = (text: string) => {
      scanner.scan(text);
      return [scanner.passes(gauge), scanner.passes(sterile)];
    };
    expect(answers('NEEDLE 18G 1IN')).toEqual([true, false]);
    expect(answers('NEEDLE 18G 1IN')).toEqual([true, false]);
    expect(answers('SWAB STERILE')).toEqual([false, true]);
    expect(answers('SWAB STERILE')).toEqual([false, true]);
    expect(answers('NEEDLE 18G 1IN')).toEqual([true, false]);
    expect(answers('')).toEqual([false, false]);
  });
});

// `asciiFastTest` answers an ASCII text by the source compiled without `u`: the same answers as the `iu` expression,
// which still tests any text with a non-ASCII character, and tests everything when its source names a character that
// folds to an ASCII letter only under Unicode folding (ſ → s, Kelvin sign → k) or a class or escape it cannot read.
describe('asciiFastTest', () => {
  const listMarker = /\bQTY|\bSKU\b|^\s*(?:LOT|CZĘŚĆ|ČÁST)\s?\d|#\s?\d{3}|\bMAT(?:ERIAL)?\.?\s?(?:NO|NR|#)/iu;
  test.each([
    'glove nitrile qty 2 bx',
    'GLOVE NITRILE SKU',
    'GLOVE NITRILE SKUS',
    'Lot 4 glove',
    'part #104 glove',
    'Mat. no 55 glove',
    'Część 2 rękawice',
    'ČÁST 3 rukavice',
    'část 3 rukavice',
    'GLOVE ſKU',
    'GLOVE \u212aIT',
    '',
  ])('%s: as the iu expression', (text) => {
    expect(asciiFastTest(listMarker)(text)).toBe(listMarker.test(text));
  });
  test.each([/ſku/iu, /\u017Fku/iu, /[À-ž]KU/iu, /\p{Lu}KU/iu])('%s: tested by the expression itself', (regex) => {
    const fast = asciiFastTest(regex);
    for (const text of ['SKU', 'sku', 'ſku', 'ŽKU']) expect(fast(text)).toBe(regex.test(text));
  });
});

// One gate for an extractor's patterns (perf24): it passes exactly when one of the patterns' own gates passes, and is
// null (always open) when one pattern has no literal known.
describe('gateOfAny', () => {
  const scanner = createLiteralScanner();
  const gauge = scanner.gateOf('(?<value>\\d+)\\s?(?:GA|GAUGE)\\b');
  const french = scanner.gateOf('(?<value>\\d+)\\s?FR\\b');
  const either = scanner.gateOfAny(['(?<value>\\d+)\\s?(?:GA|GAUGE)\\b', '(?<value>\\d+)\\s?FR\\b']);
  const unknown = scanner.gateOfAny(['(?<value>\\d+)\\s?FR\\b', '\\d+']);
  scanner.seal();
  test.each(['CATHETER 14 FR', 'NEEDLE 18 GA', 'NEEDLE 18G', 'SYRINGE 10ML', ''])('%s', (text) => {
    scanner.scan(text);
    expect(scanner.passes(either)).toBe(scanner.passes(gauge) || scanner.passes(french));
    expect(unknown).toBeNull();
  });
});
