/**
 * Item round of session 20 (items20, item-3.40.0): item lines written as form answers and as terse ERP short texts. A
 * stock-request form (Microsoft / Google Forms, a service-desk form, a lab ordering system) writes its answers on one
 * line as `Label: value | Label: value`: the labels, the department, the requester, the date and the reason are no
 * product words, and the order count of a how-many answer is no count per pack (a count per pack after it is). Contract
 * and ERP short texts write `F/O`, `SINGLE USE` for disposable, `100T` for a kit of 100 tests and a bare `DZ` unit of
 * issue. Lines are written for this test in several writers' styles (ward, pharmacy, lab, IT, porters), not copied
 * from a corpus; the rows fail on item-3.39.1 except the guard rows (what must stay as it was).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them, in order of the text. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a form answer is read by its product fields', () => {
  test.each([
    // Ward stock request: labels, department and reason out; what the item is for out.
    [
      'Item needed: yankauer suction tips for the resus trolley | Size/type: bulb tip, vented | How many: 2 boxes | Ward/Dept: 4B surgical | Reason: restock',
      ['YANKAUER', 'SUCTION', 'TIP', 'BULB', 'TIP', 'VENTED'],
    ],
    // Pharmacy, semicolons between the fields, a date.
    [
      'Product: amber medicine bottles 100ml; Qty: 1 case; Dept: pharmacy dispensary; Needed by: Friday',
      ['AMBER', 'MEDICINE', 'BT', '100', 'ML'],
    ],
    // Phlebotomy: a size field, a cost centre and a location; the order count out, the count per box kept.
    [
      'Item requested: nitrile gloves powder free | Size: medium | How many: 10 boxes of 100 | Cost centre: 4410 | Location: phlebotomy',
      ['NITRILE', 'GLOVE', 'POWDER', 'FREE', 'MEDIUM', 'BX', '100'],
    ],
    // IT helpdesk form: priority and department out.
    [
      'What do you need: usb-c charger 65w for the laptop | Quantity: 1 | Department: IT helpdesk | Priority: high',
      ['USB', 'C', 'CHARGER', '65'],
    ],
    // Lab: a brand field kept without its label, a date out.
    [
      'Item needed: pipette tips 200ul filtered | Brand: eppendorf | How many: 1 case | Dept: micro lab | Date needed: 12/03',
      ['PIPETTE', 'TIP', '200', 'MCL', 'FILTERED', 'EPPENDORF'],
    ],
  ])('%s', (line, words) => {
    expect(wordsOf(line)).toEqual(words);
  });

  test.each([
    // Guards (held on item-3.39.1 too): the order count of a how-many answer is no count per pack; a count per pack after it is.
    ['Item needed: fine tip markers, black | How many: 1 box of 12 | Dept: outpatients', { countPerPack: ['12'] }, []],
    ['Item needed: sterile dressing packs | Size/type: large | How many: 4 packs | Dept: district nurses', {}, ['countPerPack']],
    ['Item needed: cannula 20g pink | How many: 2 boxes | Ward: 6A', { gauge: ['20'] }, ['countPerPack']],
  ])('attributes of %s', (line, expected, absent) => {
    const attributes = attributesOf(line);
    expect(attributes).toMatchObject(expected);
    for (const name of absent) expect(attributes[name], name).toBeUndefined();
  });

  test.each([
    // Guards: labels the table does not list stay with their values (a label can be a product word); one field is no form.
    ['SUTURE: VICRYL 3-0; NEEDLE: SH CT-1', ['SUTURE', 'VICRYL', '3', '0', 'NEEDLE', 'SH', 'CT1']],
    ['Item needed: saline flush 10ml', ['ITEM', 'SODIUM', 'CHLORIDE', 'FLUSH', '10', 'ML']],
    ['GLOVE EXAM NITRILE PF SM 100/BX', ['GLOVE', 'EXAM', 'NITRILE', 'POWDER', 'FREE', 'SMALL', '100', 'BX']],
  ])('guard: %s', (line, words) => {
    expect(wordsOf(line)).toEqual(words);
  });
});

describe('ERP and contract short texts', () => {
  test.each([
    // F/O and the US spelling are fibre optic; single use is disposable.
    ['BLADE,LARYNGOSCOPE,MIL 1,DISP,F/O -- Bx/10', 'Blade Laryngoscope Miller 1 Single Use Fiber Optic 10/Box'],
  ])('%s shares its words with %s', (short, long) => {
    const shortWords = new Set(wordsOf(short));
    for (const word of ['DISPOSABLE', 'FIBRE', 'OPTIC']) {
      expect(shortWords.has(word), word).toBe(true);
      expect(wordsOf(long)).toContain(word);
    }
  });

  test.each([
    // A kit's tests glued to the number, and a bare dozen unit of issue, are counts per pack.
    ['REAGENT HBA1C 100T', { countPerPack: ['100'] }],
    ['REAGENT TROPONIN I HS 96T', { countPerPack: ['96'] }],
    ['PEN MARKER FINE BLK DZ', { countPerPack: ['12'] }],
    ['PENCIL HB YELLOW -- Dz', { countPerPack: ['12'] }],
  ])('attributes of %s', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });

  test.each([
    // Guards: a magnet's tesla, a toddler size, two dozen ordered, a count per dozen already written.
    ['MRI KNEE COIL 3T', 'countPerPack'],
    ['TODDLER T-SHIRT 3T', 'countPerPack'],
    ['GLOVES 2 DZ', 'countPerPack'],
  ])('guard: %s reads no %s', (line, attribute) => {
    expect(attributesOf(line)[attribute]).toBeUndefined();
  });
  test('guard: 12/DZ stays a count of 12', () => {
    expect(attributesOf('EYE PADS STERILE 12/DZ')).toMatchObject({ countPerPack: ['12'] });
  });
});

describe('through the public ingest API: a form answer reaches the catalogue line of its product, never a sibling', () => {
  const lines = canonicalItemLines(['item-master', 'stock-forms'], 'ITEMS20');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a form answer is proposed for its contract line', async () => {
    const line = await lines.send('item-master', {
      description: 'BLADE,LARYNGOSCOPE,MIL 1,DISP,F/O,STAINLESS -- Bx/10',
      manufacturer: { name: 'Northwind Airway' },
    });
    const form = await lines.send('stock-forms', {
      description:
        'Item needed: disposable miller laryngoscope blades, fibre optic | Size/type: miller 1 | How many: 1 box | Dept: theatres recovery',
    });
    expect(form.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, form)).toBe(true);
  });

  test('a form answer for the other size is neither merged with nor proposed for the contract line', async () => {
    const line = await lines.send('item-master', {
      description: 'BLADE,LARYNGOSCOPE,MIL 2,DISP,F/O,STAINLESS -- Bx/10',
      manufacturer: { name: 'Northwind Airway' },
    });
    const form = await lines.send('stock-forms', {
      description:
        'Item needed: disposable miller laryngoscope blades, fibre optic | Size/type: miller 3 | How many: 1 box | Dept: theatres recovery',
    });
    expect(form.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, form)).toBe(false);
  });
});
