/**
 * Item round 5 (item-3.9.0): sizes written in the conventions of other catalogues agree, and a size one
 * step away still conflicts (item-3.11.0 adds dimensions written without a unit). Each row scores two descriptions with the shipped item rules and reads the
 * `attributes` comparator (a conflict vetoes the pair; agreement is evidence).
 */
import { describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';

const rules = await loadRules('item');

function attributesOutcome(a: string, b: string): string | undefined {
  const explanation = scorePair({ a: { sourceId: 'a', description: a }, b: { sourceId: 'b', description: b }, rules });
  return explanation.comparators.find((c) => c.name === 'attributes')?.outcome;
}

describe.each([
  {
    convention: 'a fluid ounce is labelled 30 mL (4 OZ = 120 mL)',
    a: 'CONTAINER,SPECIMEN,4OZ,STRL',
    same: 'Specimen collection container, 120 mL, sterile, screw cap',
    other: 'Specimen collection container, 150 mL, sterile, screw cap',
  },
  {
    convention: 'nominal metric sizes of inch products are rounded down (1/2 IN X 4 IN = 12 MM X 100 MM)',
    a: 'STERI-STRIP REINFORCED 1/2 IN X 4 IN',
    same: 'Skin closure strips, reinforced, 12 mm x 100 mm',
    other: 'Skin closure strips, reinforced, 12 mm x 75 mm',
  },
  {
    convention: 'comma-separated ERP fields: PS-2,18" is an 18 in suture on a PS-2 needle',
    a: 'SUTURE,NYL,BLK,4-0,PS-2,18"',
    same: 'ETHILON NYLON SUTURE BLACK MONOFILAMENT 4-0 18IN PS-2',
    other: 'ETHILON NYLON SUTURE BLACK MONOFILAMENT 4-0 30IN PS-2',
  },
  {
    convention: 'a needle length after its gauge (21GX3/4IN), and an ISO 9626 diameter x length in a blood-collection set',
    a: 'SET BLD COLL PUSHBTN 21GX3/4IN',
    same: 'BD Vacutainer Push Button blood collection set 21G 0,8 x 19 mm, tubing 305 mm',
    other: 'BD Vacutainer Push Button blood collection set 23G 0,6 x 19 mm, tubing 305 mm',
  },
  {
    convention: 'a charge line leaves the unit of a dressing size out (3X3 is 3 in x 3 in, printed 7.5 x 7.5 cm)',
    a: 'drsg foam brdr slcn 3x3',
    same: 'Foam Dressing, Silicone Border, 3" x 3" (7.5 x 7.5 cm), Sterile, Box of 10',
    other: 'Foam Dressing, Silicone Border, 4" x 4" (10 x 10 cm), Sterile, Box of 10',
  },
  {
    convention: 'a European line leaves the centimetres out (10X10 is 10 cm x 10 cm)',
    a: 'KOMPRESSE VLIES STERIL 10X10',
    same: 'Nonwoven swab sterile 10 cm x 10 cm',
    other: 'Nonwoven swab sterile 7.5 cm x 7.5 cm',
  },
  {
    convention: "a roll's width in inches by its length in feet (exam-table paper 18X125 is 18 in x 125 ft)",
    a: 'PAPER EXAM TBL CREPE 18X125 WH',
    same: 'Examination couch roll crepe paper 46 cm x 38 m, white',
    other: 'Examination couch roll crepe paper 53 cm x 38 m, white',
  },
])('$convention', ({ a, same, other }) => {
  test('the same product agrees', () => {
    expect(attributesOutcome(a, same)).toBe('match');
  });
  test('the sibling one size away conflicts', () => {
    expect(attributesOutcome(a, other)).toBe('mismatch');
  });
});
