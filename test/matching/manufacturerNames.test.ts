/**
 * Item manufacturer names (item-3.9.0): a national subsidiary or a division word after the brand owner's name
 * (`manufacturerQualifiers`), and brand owners after whole product-line acquisitions (`manufacturerFamilies`), compare
 * as one maker; a related owner (`manufacturerRelations`) stays `related`; other makers stay different.
 */
import { expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';

const rules = await loadRules('item');

function manufacturerOutcome(a: string, b: string): string | undefined {
  const explanation = scorePair({
    a: { sourceId: 'a', description: 'GLOVE EXAM NITRILE', manufacturer: { name: a } },
    b: { sourceId: 'b', description: 'GLOVE EXAM NITRILE', manufacturer: { name: b } },
    rules,
  });
  return explanation.comparators.find((c) => c.name === 'manufacturer')?.outcome;
}

test.each([
  { a: 'Becton Dickinson UK Ltd', b: 'BD', outcome: 'match' },
  { a: '3M Deutschland GmbH', b: '3M', outcome: 'match' },
  { a: 'Covidien (UK) Commercial Ltd', b: 'Covidien LP', outcome: 'match' },
  { a: 'Hikma Farmaceutica (Portugal) S.A.', b: 'HIKMA', outcome: 'match' },
  { a: 'TIDI Products, LLC', b: 'TIDI', outcome: 'match' },
  { a: 'Siemens Healthineers', b: 'Siemens Healthcare Limited', outcome: 'match' },
  { a: 'Johnson & Johnson Medical Pty Ltd', b: 'DePuy Synthes', outcome: 'match' },
  { a: 'Mylan Pharmaceuticals Inc.', b: 'Viatris', outcome: 'match' },
  { a: 'HUDSON RCI', b: 'Teleflex Medical', outcome: 'match' },
  { a: 'Miltex', b: 'Integra LifeSciences', outcome: 'match' },
  { a: 'UNITED STATES SURGICAL', b: 'Covidien Deutschland GmbH', outcome: 'match' },
  { a: 'Sage Products LLC', b: 'Stryker', outcome: 'match' },
  { a: 'Kimberly-Clark Professional', b: 'O&M Halyard', outcome: 'related' },
  { a: 'Medtronic Canada', b: 'Covidien Pty Ltd', outcome: 'related' },
  { a: 'Medtronic Canada', b: 'Smiths Medical', outcome: 'mismatch' },
  { a: '3M Deutschland GmbH', b: 'Paul Hartmann AG', outcome: 'mismatch' },
  { a: 'Medline Industries, LP', b: 'McKesson Medical-Surgical', outcome: 'mismatch' },
])('$a / $b → $outcome', ({ a, b, outcome }) => {
  expect(manufacturerOutcome(a, b)).toBe(outcome);
});
