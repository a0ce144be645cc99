/**
 * The attribute details an explanation shows (`compareAttributes`): one row per attribute either record states, in the
 * order the rule set declares them, whatever order the records' own attribute objects hold them in.
 */
import { describe, expect, test } from 'vitest';
import { compareAttributes } from '../../server/matching/attributes';

const DECLARED = ['gauge', 'length', 'sutureSize', 'volume', 'sterility', 'laterality'];

describe('compareAttributes', () => {
  test('rows follow the declared order, not the order the records stated them in', () => {
    const result = compareAttributes({
      names: DECLARED,
      // A 3 mL syringe with a 25G x 1 in needle against a 5 mL one with the same needle, keys written in another order.
      a: { volume: ['3 ml'], gauge: ['25'], length: ['25.4 mm'] },
      b: { length: ['25.4 mm'], volume: ['5 ml'], gauge: ['25'] },
    });
    expect(result.details.map((detail) => detail.attribute)).toEqual(['gauge', 'length', 'volume']);
    expect(result).toMatchObject({ conflicts: 1, agreements: 2 });
    expect(result.details.find((detail) => detail.attribute === 'volume')).toEqual({
      attribute: 'volume',
      a: '3 ml',
      b: '5 ml',
      agrees: false,
    });
  });

  test('an attribute stated on one side only is shown and agrees; one neither side states and an undeclared one are left out', () => {
    const result = compareAttributes({
      names: DECLARED,
      a: { laterality: ['LEFT'], colour: ['BLUE'] },
      b: { sterility: ['sterile'] },
    });
    expect(result.details).toEqual([
      { attribute: 'sterility', a: null, b: 'sterile', agrees: true },
      { attribute: 'laterality', a: 'LEFT', b: null, agrees: true },
    ]);
    expect(result).toMatchObject({ conflicts: 0, agreements: 0 });
  });

  test('a list naming an attribute twice shows it twice, as walking the declared names does', () => {
    const result = compareAttributes({ names: ['gauge', 'gauge'], a: { gauge: ['18'] }, b: { gauge: ['20'] } });
    expect(result.details.map((detail) => detail.attribute)).toEqual(['gauge', 'gauge']);
    expect(result.conflicts).toBe(2);
  });

  test('quantities within a declared tolerance agree', () => {
    const result = compareAttributes({
      names: DECLARED,
      a: { length: ['457.2 mm ±0.5'] },
      b: { length: ['457.2 mm'] },
      tolerances: new Map([['length', 0.01]]),
    });
    expect(result.details).toEqual([{ attribute: 'length', a: '457.2 mm ±0.5', b: '457.2 mm', agrees: true }]);
  });
});
