/**
 * Measurement words in the description containment measure (`tokenSet` param `measurements`,
 * item-3.11.0): a short charge line writes a size one way (`3x3`, `18in`), a catalogue title another
 * (`3" x 3" (7.5 x 7.5 cm)`, `45cm`); the size words no longer count as words the title lacks, since the
 * `attributes` comparator compares the sizes they spell and vetoes a conflict. A fixture table of what is
 * a measurement word, the measure itself, and the item rules with the param on (shipped off).
 */
import { describe, expect, test } from 'vitest';
import { compileRules, loadRules, scorePair, type CompiledRules } from '../../server/matching';
import { containmentWithoutMeasurements, isMeasurementToken, type MeasurementOptions } from '../../server/matching/measurementTokens';

const options: MeasurementOptions = { units: new Set(['X', 'IN', 'CM', 'MM', 'FR']), numbers: false };

describe('isMeasurementToken', () => {
  test.each([
    { token: '3X3', expected: true },
    { token: '5X24', expected: true },
    { token: '2X3X1', expected: true },
    { token: 'CM', expected: true },
    { token: 'X', expected: true },
    // Words of digits only with `numbers`; codes and words with letters and digits never.
    { token: '18', expected: false },
    { token: '10SG', expected: false },
    { token: 'X3', expected: false },
    { token: '3X', expected: false },
    { token: 'FS2', expected: false },
    { token: 'BORDER', expected: false },
  ])('$token: $expected', ({ token, expected }) => {
    expect(isMeasurementToken(token, options)).toBe(expected);
  });

  test('numbers: words of digits are measurement words too', () => {
    expect(isMeasurementToken('18', { ...options, numbers: true })).toBe(true);
  });
});

describe('containmentWithoutMeasurements', () => {
  const measure = (ta: string[], tb: string[], common: number) =>
    containmentWithoutMeasurements({ ta, tb, wa: null, wb: null, common, creditA: 0, creditB: 0, options });

  test('a size written as one word is left out of the lighter side: 3 of 3 words instead of 3 of 4', () => {
    // BORDER, DRESSING, MEPILEX are shared; 3X3 is the charge line's only other word.
    expect(measure(['3X3', 'BORDER', 'DRESSING', 'MEPILEX'], ['3', 'BORDER', 'CM', 'DRESSING', 'FOAM', 'MEPILEX', 'X'], 3)).toBe(1);
  });

  test('a shared measurement word leaves the shared weight with its side', () => {
    // CM is shared and left out of both: 2 of the 2 other words of the lighter side.
    expect(measure(['CM', 'GAUZE', 'STERILE'], ['CM', 'GAUZE', 'PAD', 'STERILE', 'X'], 3)).toBe(1);
  });

  test('nothing to leave out: 0 (the plain measure stands)', () => {
    expect(measure(['BORDER', 'DRESSING'], ['BORDER', 'FOAM'], 1)).toBe(0);
  });
});

// The item rules ship with `measurements` off (its batch CPU is over this round's budget, docs/MATCHING.md "Seventh
// item round"): the shipped rules and a copy that turns it on score the same pairs.
const shipped = await loadRules('item');
const MEASUREMENTS = { units: ['X', 'IN', 'CM', 'MM', 'FR', 'CH', 'ML', 'CC'], numbers: false };
const withMeasurements = compileRules({
  ...shipped.rules,
  comparators: shipped.rules.comparators.map((c) =>
    c.name === 'descriptionContained' ? { ...c, params: { ...c.params, measurements: MEASUREMENTS } } : c,
  ),
});
const contained = (rules: CompiledRules, a: string, b: string) =>
  scorePair({ a: { sourceId: 'a', description: a }, b: { sourceId: 'b', description: b }, rules }).comparators.find(
    (c) => c.name === 'descriptionContained',
  );

describe('descriptionContained with measurement words left out (item rules with the param on)', () => {
  const title = 'Mepilex Border Flex Self-Adherent Foam Dressing 3" x 3" (7.5 x 7.5 cm), Sterile, Box of 10';
  test('the charge line drsg mepilex brdr flx 3x3 is contained in its title: 4 of 4 words instead of 4 of 5', () => {
    expect(contained(shipped, 'drsg mepilex brdr flx 3x3', title)?.score).toBe(0.8);
    expect(contained(withMeasurements, 'drsg mepilex brdr flx 3x3', title)?.score).toBe(1);
  });
  test('the line one size away is contained as well, and the attributes conflict vetoes it', () => {
    const sibling = scorePair({
      a: { sourceId: 'a', description: 'drsg mepilex brdr flx 4x4' },
      b: { sourceId: 'b', description: title },
      rules: withMeasurements,
    });
    expect(sibling.hardRule?.name).toBe('attributeConflict');
    expect(sibling.band).toBe('no-match');
  });
});
