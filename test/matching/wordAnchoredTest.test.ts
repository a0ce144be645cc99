/**
 * `wordAnchoredTest` (server/matching/wordAnchoredTest.ts) answers a case-insensitive alternation of marker words
 * without running it on an ASCII text that spells none of its alternatives' anchor words: it must give the
 * expression's own answer for every text. A fixture table of marker expressions written from the conventions the
 * language readings follow (pack and unit words of tender lines), each over lines that hold a marker, lines that hold
 * only part of one, lines in other cases and lines with a character above ASCII; then the property on every string of
 * the evaluation corpora and generated descriptions against the shipped Latin-language markers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generateItems } from '../../bench/generators/items';
import { LATIN_LANGUAGE_MARKER } from '../../server/matching/itemLineLanguages';
import { hasWordAnchors, wordAnchoredTest } from '../../server/matching/wordAnchoredTest';

const LINES = [
  'GLOVE NITRILE EXAM MEDIUM BOX OF 100',
  'rukavice nitrilne 100 ks',
  'RUKAVICE NITRILNE KS 100',
  'rukavice 100 kom.',
  'pakovanje 30 kom',
  'Pakiranje: 50 kom',
  'kutija 10 kom',
  'kutijas 10',
  'pakend 10 tk',
  'PAKENDIS 10TK',
  'kaitsekindad 100tk',
  'handschoenen nitril 100 stuks',
  'HANDSCHOEN STUK',
  'handschoenstuk',
  'doos van 100 handschoenen',
  'doos van handschoenen',
  'sarung tangan saiz M',
  'SARUNG TANGAN SAIZ',
  'saizes',
  'pakai buang',
  'capsa de 100 unitats',
  'CAPSA DE 100',
  'sterilus',
  'sterilūs',
  'steril',
  'STERILE LATEX FREE',
  'sen látex',
  'SEN LATEX',
  'sensor latex',
  'mida M',
  'amidas',
  'cebl 2m',
  "o'lcham 10",
  'O‘LCHAM 10',
  'velicina 8',
  'veličina 8',
  '',
  'x',
  '12',
  'ñ',
];

describe('wordAnchoredTest', () => {
  const markers = [
    /\bstuks?\b|\b(?:boks|doos|pak|karton)\svan\s\d|\bsteriel\b/i,
    /\d\sks\b|\bks\s\d|\bkom\s\d|\d\skom\b|\bbal\.\s?\d|\bpakiranje\b|\bpakovanje\b|\bkutija\s\d|\bveli[čc]ina\b/i,
    /\d\s?tk\b|\bpakend|\bsuurus\b|steriilne/i,
    /\b(?:saiz|kotak|pek|pakai buang)\b|\bsteril[ūu]s\b/i,
    /\bcapsa\b|\bunitats\b|\bamb\b|estèril|\bmida\b|sol ús|\bpaquet de\b|\bsen (?:agulla|l[aá]tex)\b/i,
    /ədəd|\bqutu|o['‘’ʻ]lcham|\bcebl\b|\bmin[għg]+ajr\b/i,
  ];
  test.each(markers.flatMap((marker) => LINES.map((line) => ({ marker, line }))))('$marker on "$line"', ({ marker, line }) => {
    expect(wordAnchoredTest(marker)(line)).toBe(marker.test(line));
  });

  // Expressions it cannot read are tested as they are: other flags, an alternative without a run of two letters.
  test.each([/\bks\b/iu, /\bks\b/, /\d+/i, /\bk\b|\bstuk\b/i, /[kt]s\b/i])('%s: tested by the expression itself', (regex) => {
    const test = wordAnchoredTest(regex);
    for (const line of LINES) expect(test(line)).toBe(regex.test(line));
  });
});

// The property the Latin-language reading relies on, on every string of the development and opened held-out corpora
// and generated descriptions, as written, upper- and lower-cased: the shipped markers' answer is the expression's.
describe('the Latin-language markers over the corpora', () => {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const folder of readdirSync('test/fixtures').filter((name) => /^match-eval(-holdout([2-9]|1\d|2[0-3])?)?$/.test(name)))
    for (const domain of ['item', 'supplier', 'facility']) {
      const path = `test/fixtures/${folder}/${domain}.json`;
      if (existsSync(path)) collect(JSON.parse(readFileSync(path, 'utf8')));
    }
  for (const record of generateItems({ count: 5000, seed: 7 }).records) collect([record.description, record.shortDescription]);

  // A marker without a run of two letters would send every line through the expression again (answers unchanged).
  test('every shipped marker has an anchor word', () => {
    expect(hasWordAnchors(LATIN_LANGUAGE_MARKER)).toBe(true);
    expect(hasWordAnchors(new RegExp(`${LATIN_LANGUAGE_MARKER.source}|\\bx\\b`, 'i'))).toBe(false);
  });

  test('every string is answered as the expression answers it', () => {
    const holdsMarker = wordAnchoredTest(LATIN_LANGUAGE_MARKER);
    let differing = 0;
    let holding = 0;
    for (const text of strings)
      for (const line of [text, text.toUpperCase(), text.toLowerCase()]) {
        const expected = LATIN_LANGUAGE_MARKER.test(line);
        if (expected) holding++;
        if (holdsMarker(line) !== expected) differing++;
      }
    expect(differing).toBe(0);
    // Lines of the languages themselves occur (the property is not checked on English lines only).
    expect(holding).toBeGreaterThan(100);
  });
});
