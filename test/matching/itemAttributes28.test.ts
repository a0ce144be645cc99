/**
 * The products' own distinguishing attributes read without a code (items28attrs, item-3.53.0): a graphite pencil's
 * grade, a VITA tooth shade, the pH of a buffer, the variant words after a model code (a model name followed by a further
 * variant word is another model), French gauge written FG, a whole-number needle length after a glued gauge and a surgical
 * instrument's curvature; an agreement on a shade, grade, pH or capacity counts as strong evidence. Lines are written
 * for this test from the conventions of stationers', dental distributors', laboratory, instrument and electronics
 * catalogues and ERP item masters, with an invented maker (Acme), not copied from a corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalItemLines } from '../support/factories/itemLines';
import { matchingTestServer, shippedItemReadings } from '../support/factories/matching';

const { attributesOf } = shippedItemReadings();

describe('attributes read from the text (fixture table)', () => {
  test.each([
    ['Acme Tri-Grip graphite pencils HB, box of 12', { pencilGrade: ['HB'] }],
    ['PENCIL GRAPHITE ACME TRI-GRIP 2B BX/12', { pencilGrade: ['2B'] }],
    ['Acme drawing pencil, grade H', { pencilGrade: ['H'] }],
    ['Acme mechanical pencil leads 0.5 mm 4H', { pencilGrade: ['4H'] }],
    ['Acme glass ionomer restorative capsules, shade A2, 50/box', { toothShade: ['A2'] }],
    ['COMPOSITE ACME NANOFILL SYR A3.5 4G', { toothShade: ['A3.5'] }],
    ['Acme universal composite Vita C2 syringe', { toothShade: ['C2'] }],
    ['Acme buffer solution pH 4.01, 500 mL', { phValue: ['4'] }],
    ['PH BUFFER 7,01 500ML ACME', { phValue: ['7'] }],
    ['Acme calibration buffer pH 10 (exact value 10.01 at 25 C)', { phValue: ['10'] }],
    ['Acme phosphate buffered saline pH 7.4, 500 mL', { phValue: ['7.4'] }],
    ['Acme QX-30 Plus CE graphing calculator', { modelVariant: ['PLUS CE', 'CE'] }],
    ['CALCULATOR GRAPHING ACME QX-30 PLUS', { modelVariant: ['PLUS'] }],
    ['Acme V70 Pro Max handheld scanner', { modelVariant: ['PRO MAX', 'MAX'] }],
    ['DRAIN CHEST ACME SELDINGER 12FG', { french: ['12'] }],
    ['SYR 3ML ACME SAFETY 25GX1', { length: ['25.4 mm'] }],
    ['NDL HYPO ACME 18G X 1.5', { length: ['38.1 mm'] }],
    ['SCISSORS METZENBAUM ACME 7IN CVD', { curvature: ['curved'] }],
    ['Acme Kelly haemostatic forceps straight 14 cm', { curvature: ['straight'] }],
  ])('%s → %o', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });

  test.each([
    ['a paper size in a dental form is no shade', 'Acme dental record folder A4', 'toothShade'],
    ['a letter code outside a dental text is no shade', 'Acme storage bin A2 blue', 'toothShade'],
    ['a grade word outside a pencil text is no grade', 'Acme screw set HB 2B', 'pencilGrade'],
    ['a pH range of test strips is no value', 'Acme indicator strips pH 0-14, 100/pk', 'phValue'],
    ['a model code without variant words states none', 'Acme QX-30 graphing calculator', 'modelVariant'],
    ['variant words not after a model code are not read', 'Acme Plus exam gloves nitrile', 'modelVariant'],
    ['a count after a comma is no needle length', 'NEEDLE HYPO ACME 25G, X 2', 'length'],
    ["a suture's curved needle is no instrument curvature", 'SUTURE ACME 3-0 CURVED NEEDLE 27IN', 'curvature'],
  ])('%s', (_, line, attribute) => {
    expect(attributesOf(line)[attribute]).toBeUndefined();
  });

  test('a variant that drops an earlier variant word agrees with the full name (TI-84 CE = TI-84 Plus CE)', () => {
    expect(attributesOf('ACME QX-30 CE CALCULATOR').modelVariant).toEqual(['CE']);
    expect(attributesOf('Acme QX-30 Plus CE graphing calculator').modelVariant).toEqual(expect.arrayContaining(['CE']));
  });
});

describe('through the public API: siblings differing only in the attribute never merge and leave review', () => {
  const { verify } = matchingTestServer('item');

  test.each([
    ['pencil grades', 'Acme Tri-Grip graphite pencils HB, box of 12', 'PENCIL GRAPHITE ACME TRI-GRIP 2B BX/12'],
    ['tooth shades', 'Acme glass ionomer restorative capsules, shade A2, 50/box', 'ACME GLASS IONOMER CAPSULE SHADE A3 (50)'],
    ['buffer values', 'Acme buffer solution pH 4.01, 500 mL bottle', 'Acme buffer solution pH 7.01, 500 mL bottle'],
    [
      'a model and the same model with a further variant word',
      'Acme QX-30 Plus graphing calculator',
      'Acme QX-30 Plus CE graphing calculator',
    ],
    ['French sizes written FG and Fr', 'DRAIN CHEST ACME SELDINGER 12FG', 'Acme Seldinger chest drain kit 18 Fr'],
    ['needle lengths after a glued gauge', 'SYR 3ML ACME SAFETY 25GX1', 'SYR 3ML ACME SAFETY 25GX5/8'],
    [
      'a curved and a straight instrument of one pattern and length',
      'SCISSORS METZENBAUM ACME 7IN CVD',
      'Acme Metzenbaum scissors straight 18 cm',
    ],
  ])('%s', async (_, a, b) => {
    const pair = await verify({ sourceId: 'S1', description: a }, { sourceId: 'S2', description: b });
    expect(pair.hardRule?.name).toBe('attributeConflict');
    expect(pair.band).toBe('no-match');
  });

  test('a record silent on the attribute is unknown, not different', async () => {
    const pair = await verify(
      { sourceId: 'U1', description: 'Acme Tri-Grip graphite pencils, box of 12' },
      { sourceId: 'U2', description: 'Acme Tri-Grip graphite pencils 2B, box of 12' },
    );
    expect(pair.hardRule?.name).not.toBe('attributeConflict');
  });

  test('the same shade, grade or pH agrees as strongly as a dimension', async () => {
    const pair = await verify(
      { sourceId: 'A1', description: 'Acme buffer solution pH 4 (500 mL)' },
      { sourceId: 'A2', description: 'PH BUFFER 4.01 500ML ACME' },
    );
    const attributes = pair.comparators.find((comparator) => comparator.name === 'attributes');
    expect(attributes?.outcome).toBe('match');
    expect(attributes?.score).toBe(1);
  });
});

describe('through the public ingest API: the same size and the same product words reach a steward', () => {
  const lines = canonicalItemLines(['pcard', 'vetshop', 'writeoff'], 'ITEMATTRS28');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a collar written with its size only is proposed for the same size and kept apart from another size', async () => {
    await lines.expectDuplicateProposedSiblingApart({
      line: 'Item: 2 x Acme Softcone recovery collar 20 cm for dogs | Amount: $18.40',
      same: 'ACME SOFTCONE COLLAR 20CM',
      other: 'ACME SOFTCONE COLLAR 25CM',
    });
  });
});
