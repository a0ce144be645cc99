/**
 * Product and brand words written differently (session 21, items21tokens, item-3.43.0): a name that opens with a
 * single letter written hyphenated, apart or joined (`i-gel` / `igel` / `I GEL`, `X-ray` / `XRAY`), a word an ERP
 * short text writes without some of its vowels (`NANOSVR`), one stem with another ending or in another European
 * language (`BIOPSY` / `BIOPSIA`, `LAMINATING` / `LAMINATOR`), and a pack count glued after its unit (`BX20`,
 * `PK100`) or a thickness in `mic` (`80MIC`) that were read as catalog numbers. Lines are written for this test from
 * these conventions, not copied from a corpus; guard rows say what must stay as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileComparator } from '../../server/matching/comparators';
import { codeTokensInText } from '../../server/matching/normalizers';
import { isVowelDropOf, sharesStem } from '../../server/matching/shorthandTokens';
import type { ComparatorRule } from '../../server/matching/types';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings, shippedRules } from '../support/factories/matching';
import { must } from '../support/must';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them, in order of the text. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a name opening with a letter, written hyphenated, apart or joined (shipped description comparator)', () => {
  const description = compileComparator(
    must(
      shippedRules('item').comparators.find((c) => c.name === 'description'),
      'description',
    ),
  );
  const score = (a: string, b: string): number =>
    description.compare(
      description.prepare({ sourceId: 'a', description: a }) ?? [],
      description.prepare({ sourceId: 'b', description: b }) ?? [],
    ).score ?? 0;

  test.each([
    ['Supraglottic airway i-gel size 4', 'supraglottic airway igel size 4'],
    ['AIRWAY SUPRAGLOTTIC I GEL SZ 4', 'AIRWAY SUPRAGLOTTIC IGEL SZ 4'],
    ['Sponge gauze X-ray detectable 10x10cm', 'SPONGE GAUZE XRAY DETECTABLE 10X10CM'],
    ['Filter in-line 0.2 micron', 'FILTER INLINE 0.2 MICRON'],
  ])('%s / %s: the same words', (a, b) => {
    expect(score(a, b)).toBeCloseTo(1, 9);
    expect(score(b, a)).toBeCloseTo(1, 9);
  });

  test.each([
    // A letter between separators is a size, and two letters are an abbreviation: the words stay as they were.
    ['GLOVE-NITRILE-L-PF', ['GLOVE', 'NITRILE', 'L', 'POWDER', 'FREE']],
    ['GLOVE EXAM NITRILE PF-SM', ['GLOVE', 'EXAM', 'NITRILE', 'POWDER', 'FREE', 'SMALL']],
    ['SUTURE 3-0 BV-1', ['SUTURE', '3', '0', 'BV1']],
  ])('guard: %s reads as before', (line, words) => {
    expect(wordsOf(line)).toEqual(words);
  });
});

describe('shorthand pairs of words spelt differently (tokenSet shorthand params)', () => {
  const rule = (extra: Record<string, unknown>): ComparatorRule => ({
    name: 'description',
    type: 'tokenSet',
    fields: ['description'],
    weight: 1,
    params: { normalizer: 'text', shorthand: { minLength: 3, credit: 0.75, exclude: ['NON', 'STERILE', 'LARGE'], ...extra } },
  });
  const score = (extra: Record<string, unknown>, a: string, b: string): number => {
    const comparator = compileComparator(rule(extra));
    const pa = comparator.prepare({ sourceId: 'a', description: a });
    const pb = comparator.prepare({ sourceId: 'b', description: b });
    return comparator.compare(pa ?? [], pb ?? []).score ?? 0;
  };

  test.each([
    ['AIRWAY I GEL SIZE', 'AIRWAY IGEL SIZE'],
    ['TUBE X RAY DETECTABLE', 'TUBE XRAY DETECTABLE'],
    ['FILTER IN LINE', 'FILTER INLINE'],
  ])('joinLetterPrefix: %s / %s are the same words (score 1)', (a, b) => {
    expect(score({ joinLetterPrefix: true }, a, b)).toBeCloseTo(1, 9);
    expect(score({ joinLetterPrefix: true }, b, a)).toBeCloseTo(1, 9);
    expect(score({}, a, b)).toBeLessThan(0.9);
  });

  test.each([
    ['GOWN X LARGE', 'GOWN XLARGE'], // an excluded word (a size the attributes decide) never joins
    ['AIRWAY I GEL', 'AIRWAY IGELS'], // the joined form must be the other side's word
  ])('guard: joinLetterPrefix leaves %s / %s as they were', (a, b) => {
    expect(score({ joinLetterPrefix: true }, a, b)).toBe(score({}, a, b));
  });

  test.each([
    ['NANOSVR', 'NANOSAVER'],
    ['CATHTR', 'CATHETER'],
    ['RETRCTBL', 'RETRACTABLE'],
  ])('vowelDrops: %s is %s without some vowels', (short, long) => {
    expect(isVowelDropOf(short, long, 3)).toBe(true);
    expect(score({ vowelDrops: true }, `LOCK ${short}`, `LOCK ${long}`)).toBeGreaterThan(score({}, `LOCK ${short}`, `LOCK ${long}`));
  });

  test.each([
    ['BLT', 'BELT'], // too short to say
    ['CLEAR', 'CLEARER'], // letters added, not vowels dropped
    ['SAFTY', 'SAFETY'], // one vowel: a typo, typoMinLength's
    ['HDPE', 'HOPE'],
  ])('guard: %s is no vowel drop of %s', (short, long) => {
    expect(isVowelDropOf(short, long, 3)).toBe(false);
  });

  test.each([
    ['BIOPSY', 'BIOPSIA'],
    ['SUPRAGLOTTIC', 'SUPRAGLOTIG'],
    ['LAMINATING', 'LAMINATOR'],
    ['DIAMETER', 'DIAMETRO'],
  ])('stemMinLength: %s and %s share a stem', (x, y) => {
    expect(sharesStem(x, y, 5)).toBe(true);
    expect(score({ stemMinLength: 5 }, `FORCEPS ${x}`, `FORCEPS ${y}`)).toBeGreaterThan(score({}, `FORCEPS ${x}`, `FORCEPS ${y}`));
  });

  test.each([
    ['HYPERTONIC', 'HYPOTONIC'], // a stem of three letters
    ['GASTROSCOPE', 'GASTROSTOMY'], // endings longer than three letters
    ['ABSORBABLE', 'NONABSORBABLE'],
  ])('guard: %s and %s share no stem', (x, y) => {
    expect(sharesStem(x, y, 5)).toBe(false);
  });

  test('the shipped item rules declare the three on both description comparators', () => {
    const comparators = shippedRules('item').comparators;
    for (const name of ['description', 'descriptionContained']) {
      const shorthand = comparators.find((c) => c.name === name)?.params?.shorthand;
      expect(shorthand).toMatchObject({ joinLetterPrefix: true, vowelDrops: true, stemMinLength: 5 });
    }
  });
});

describe('quantities written joined are not catalog numbers', () => {
  test.each([
    ['FORCEPS BIOPSY 2.3MM 2300MM S/U BX20', []],
    ['FILTER PAPER QUALITATIVE 110MM PK100', []],
    ['POUCH LAMINATING A4 125MIC PK100', []],
    ['DRESSING FOAM 10X10CM BX10 REF 66801', ['66801']],
    // Guards: a model or part number keeps being one.
    ['CELL LITHIUM CR2032 3V', ['CR2032']],
    ['NEEDLE J417H CS100X', ['J417H', 'CS100X']],
  ])('%s reads codes %j', (line, codes) => {
    expect([...codeTokensInText(line, 4)].sort()).toEqual([...codes].sort());
  });

  test('guard: one digit after the unit letters is a product line, not a count (Photoshop CS3)', () => {
    expect(wordsOf('ADOBE PHOTOSHOP CS3 UPGRADE')).toContain('CS3');
  });

  test('a glued pack count reads as the pack unit and the count', () => {
    expect(wordsOf('FILTER PAPER QUALITATIVE 110MM PK100')).toEqual(wordsOf('Filter paper qualitative 110 mm PK 100'));
  });

  test.each([
    // A laminating pouch's mic is its film thickness (items21units' filmThickness, read before poreSize since item-3.44.0).
    ['POUCH LAMINATING A4 80MIC GLOSS', { filmThickness: ['80 um'] }],
    ['Laminating pouches A4 125 mic gloss', { filmThickness: ['125 um'] }],
    // Elsewhere a number in mic is a pore size in micrometres.
    ['SYRINGE FILTER PES 25MM 0.22MIC STERILE', { poreSize: ['0.22'] }],
  ])('a thickness in mic is read as micrometres: %s', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });
});

describe('through the public ingest API: product words written joined, apart and with glued quantities', () => {
  const lines = canonicalItemLines(['catalogue', 'erp-master'], 'SPELL21');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('an ERP short text with its pack count and thickness glued is proposed for the catalogue line, never merged', async () => {
    const catalogue = await lines.send('catalogue', { description: 'Laminator pouches A4 100 micron gloss, box of 100, REF 53061' });
    const erp = await lines.send('erp-master', { description: 'LAMINATING POUCH A4 100MIC GLOSS PK100' });
    expect(erp.goldenId, 'text only: never an auto-merge').not.toBe(catalogue.goldenId);
    expect(await lines.isProposed(catalogue, erp)).toBe(true);
  });

  test('the pouch of another thickness is neither merged with nor proposed for it', async () => {
    const catalogue = await lines.send('catalogue', { description: 'Laminator pouches A4 100 micron gloss, box of 100, REF 53061' });
    const thicker = await lines.send('erp-master', { description: 'LAMINATING POUCH A4 150MIC GLOSS PK100' });
    expect(thicker.goldenId).not.toBe(catalogue.goldenId);
    expect(await lines.isProposed(catalogue, thicker)).toBe(false);
  });

  test('a letter-prefixed name written hyphenated and joined: proposed for its product, never merged on text alone', async () => {
    const catalogue = await lines.send('catalogue', {
      description: 'Humidifier chamber e-Flo, adult, pack of 10, REF 40210',
      manufacturer: { name: 'Northwind Respiratory' },
    });
    const erp = await lines.send('erp-master', {
      description: 'HUMIDIFIER CHAMBER EFLO ADULT PK10',
      manufacturer: { name: 'NORTHWIND RESPIRATORY' },
    });
    expect(erp.goldenId, 'text only: never an auto-merge').not.toBe(catalogue.goldenId);
    expect(await lines.isProposed(catalogue, erp)).toBe(true);
  });

  test('the infant chamber of the same line is neither merged with nor proposed for the adult one', async () => {
    const adult = await lines.send('catalogue', {
      description: 'Humidifier chamber e-Flo, adult, pack of 10, REF 40210',
      manufacturer: { name: 'Northwind Respiratory' },
    });
    const infant = await lines.send('erp-master', {
      description: 'HUMIDIFIER CHAMBER EFLO INFANT PK10',
      manufacturer: { name: 'NORTHWIND RESPIRATORY' },
    });
    expect(infant.goldenId).not.toBe(adult.goldenId);
    expect(await lines.isProposed(adult, infant)).toBe(false);
  });
});
