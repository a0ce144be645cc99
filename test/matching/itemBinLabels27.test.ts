/**
 * Printed PAR-level / two-bin bin labels, glued gauge × length and variant words (items27bins, item-3.52.0): a bin
 * label's department, location, stock number, unit of issue, bin-of-pair, label kind and Code 39 barcode text leave
 * the line and its description is kept (parLevelLines.ts); a glued gauge × length (`22GX40MM`) is written as
 * catalogue titles write it (catalogueShorthand.ts), its length compared with the title's in any unit; the wear period of a
 * body-worn device, a notebook's format and a pen's unit-less tip size are attributes (item.json). Lines are written
 * for this test from two-bin Kanban label layouts and ERP 30/40-character naming conventions, not copied from a corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withoutParLevelColumns } from '../../server/matching/parLevelLines';
import { canonicalItemLines } from '../support/factories/itemLines';
import { matchingTestServer, shippedItemReadings } from '../support/factories/matching';

const { attributesOf, readAsCompared } = shippedItemReadings();

describe("a bin label's furniture leaves the line, its description is kept (fixture table)", () => {
  test.each([
    {
      layout: 'two-bin card: department, location, stock number, UOM, bin of pair, barcode',
      line: 'OR CORE | LOC B02-3-1 | ITEM 448120 | SYRINGE LL 10ML ACME | UOM BX | PAR 4 | ROP 2 | BIN 1 OF 2 | *448120*',
      kept: 'SYRINGE LL 10ML ACME',
    },
    {
      layout: 'PAR label kind and scan-to-reorder text',
      line: 'ICU STORES | SHELF 4 | STOCK NO 5521 | GLOVE NITRILE ACME MED | UOM: BX | PAR 6 | ROP 3 | PAR | SCAN TO REORDER',
      kept: 'GLOVE NITRILE ACME MED',
    },
  ])('$layout', ({ line, kept }) => {
    expect(withoutParLevelColumns(line).trim()).toBe(kept);
  });

  test('the older layout (unit and bin first, description after the par column) is read as before', () => {
    expect(withoutParLevelColumns('3W MED-SURG | BIN A-0412 | PAR 20 | ROP 6 | SYRINGE 10ML LL | BX100')).toBe(
      ' SYRINGE 10ML LL | 100/BX ',
    );
    expect(withoutParLevelColumns('GAUZE 4X4 12PLY STERILE | BIN B-2 | PAR 50 | ROP 10 | PK10')).toBe('GAUZE 4X4 12PLY STERILE | 10/PK ');
  });
});

describe('glued gauge × length read as catalogue titles write it (fixture table)', () => {
  test.each([
    ['NDL SPINAL ACME 25GX90MM', 'Acme spinal needle 25G x 90mm'],
    ['CATH IV ACME 20GX32MM', 'Acme IV catheter 20G x 32mm'],
    ['NDL HYPO ACME 21GX1.5IN', 'Acme hypodermic needle 21 G x 1.5 in'],
  ])('%s reads the words of %s', (short, title) => {
    const words = new Set((readAsCompared(title) ?? '').split(' '));
    const shortWords = (readAsCompared(short) ?? '').split(' ').filter((word) => /\d|^G$|^IN$|^MM$/.test(word));
    for (const word of shortWords) expect(words).toContain(word);
    expect(attributesOf(short).gauge).toEqual(attributesOf(title).gauge);
  });

  test('a metric and an imperial length of one catheter agree; another length conflicts', () => {
    expect(attributesOf('CATH IV ACME 18GX32MM').length).toEqual(expect.any(Array));
    expect(attributesOf('CATH IV ACME 18GX1.25IN').length).toEqual(attributesOf('Acme IV catheter 18G x 1 1/4"').length);
  });
});

describe('variant words read as what they are (fixture table)', () => {
  test.each([
    ['SENSOR CGM ACME 14 DAY', { wearPeriod: ['14'] }],
    ['Acme CGM sensor (10-Day)', { wearPeriod: ['10'] }],
    ['NOTEBOOK ACME CLASSIC DOTTED POCKET', { notebookFormat: ['pocket'] }],
    ['Acme Classic notebook large, squared', { notebookFormat: ['large'] }],
  ])('%s → %o', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });

  test('a supply or dosing period is no wear period, and a notebook pocket as a feature is no format', () => {
    expect(attributesOf('Acme CGM sensor | Qty: 3 per 30 days').wearPeriod).toBeUndefined();
    expect(attributesOf('Acme Classic notebook large with back pocket').notebookFormat).toEqual(['large']);
  });

  test("a pen's tip size without its unit is millimetres", () => {
    expect(attributesOf('Acme gel pen black 0.7').length).toEqual(attributesOf('Acme gel pen 0.7mm black').length);
  });
});

describe('through the public API: variant words on both sides decide, on one side they are unknown', () => {
  const { verify } = matchingTestServer('item');

  test('a 10-day and a 14-day sensor of one maker are two products', async () => {
    const pair = await verify(
      { sourceId: 'W1', description: 'Acme Glide CGM sensor 10-Day' },
      { sourceId: 'W2', description: 'SENSOR CGM ACME GLIDE 14 DAY' },
    );
    expect(pair.hardRule?.name).toBe('attributeConflict');
  });

  test('a sensor that states no wear period is not in conflict with one that does', async () => {
    const pair = await verify(
      { sourceId: 'W3', description: 'Acme Glide CGM sensors' },
      { sourceId: 'W4', description: 'Acme Glide CGM sensor 14 Day' },
    );
    expect(pair.hardRule?.name).not.toBe('attributeConflict');
  });

  test('a pocket and a large notebook of one line are two products', async () => {
    const pair = await verify(
      { sourceId: 'N1', description: 'Acme Classic ruled notebook, pocket, hard cover' },
      { sourceId: 'N2', description: 'NOTEBOOK ACME CLASSIC RULED LARGE' },
    );
    expect(pair.hardRule?.name).toBe('attributeConflict');
  });
});

describe('through the public ingest API: a bin label meets its catalogue title', () => {
  const lines = canonicalItemLines(['binlabel', 'erp', 'other-erp'], 'ITEMBINLABELS27');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a two-bin label is proposed for its catalogue title and kept apart from the other length', async () => {
    await lines.expectDuplicateProposedSiblingApart({
      line: 'ANAES STORE | LOC C03-2-1 | ITEM 771204 | NDL SPINAL QUINCKE ACME 25GX90MM | UOM BX | PAR 3 | ROP 1 | BIN 2 OF 2 | *771204*',
      same: 'Acme Quincke spinal needle 25G x 90mm, box of 25',
      other: 'Acme Quincke spinal needle 25G x 120mm, box of 25',
    });
  });
});
