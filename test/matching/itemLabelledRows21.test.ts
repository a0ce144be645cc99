/**
 * Labelled export rows (items21exports, item-3.43.0): a shop's product export (`Title: … | Option1 Name: Size | Option1
 * Value: M | Variant SKU: … | Vendor: …`), an ERP's variant suffix (`(Size: M, Colour: Blue)`), an inventory, recall,
 * formulary or ticket row and a form answer are read by their labels (text rewrite `labelledRows`, table
 * exportFieldLabels): the labels leave the compared words and the blocking keys, product / maker / code values stay, an
 * attribute's value is read as that attribute, where / how many / price / category / action values leave the line.
 * Rows are written for this test from the export conventions (Shopify / WooCommerce product CSVs, Odoo variant names,
 * LIMS inventories, recall notices, German / French / Spanish ERP exports), not copied from a corpus. A request form's
 * answer (`Item needed: …`) is left to the form-answer reader of the requestChatter rewrite (requestLines.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AliasTable } from '../../server/matching/aliases';
import { shippedAliasTables } from '../../server/matching/aliases';
import { loadRules, scorePair } from '../../server/matching';
import { fieldLabelKey, labelledRowReader, withLabelledRowsRead } from '../../server/matching/labelledRows';
import { aliasTableNamesOf } from '../../server/matching/rules';
import { compileTextRewrites } from '../../server/matching/textRewrites';
import { canonicalItemLines } from '../support/factories/itemLines';
import { comparatorLevel, describedItem, shippedItemReadings, shippedRules } from '../support/factories/matching';
import { must } from '../support/must';

const rules = await loadRules('item');
const { attributesOf, readAsCompared } = shippedItemReadings();
/** Runs of white space as one space: where a field left the row is not asserted. */
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('a labelled row read by its labels (fixture table)', () => {
  test.each([
    {
      row: 'Title: Acme Nitrile Exam Gloves, 100/box | Option1 Name: Size | Option1 Value: M | Option2 Name: Colour | Option2 Value: Blue | Variant SKU: ACM-NG-M | Vendor: Acme Medical',
      read: 'Acme Nitrile Exam Gloves, 100/box | | Size M | | Blue | | Acme Medical',
    },
    // A shop's product without variants: the placeholder option says nothing; the handle repeats the title.
    {
      row: 'Handle: acme-exam-gloves | Title: Acme Exam Gloves | Option1 Name: Title | Option1 Value: Default Title | Vendor: Acme',
      read: '| Acme Exam Gloves | | | Acme',
    },
    // WooCommerce's numbered attribute columns and a plural label.
    {
      row: 'Name: Acme nitrile gloves | Attribute 1 name: Size | Attribute 1 value(s): Large | Brand: Acme',
      read: 'Acme nitrile gloves | | Size Large | Acme',
    },
    // An ERP's variant suffix: the attribute names inside the brackets are labels, an unlisted one kept as a word; the
    // ERP's own reference in square brackets before the name is the seller's number, not the maker's code.
    { row: '[GL-204] Exam Glove Nitrile (Size: M, Colour: Blue)', read: 'Exam Glove Nitrile (Size M, Blue)' },
    { row: 'Biopsy forceps 2300 mm (Working length: 2300 mm, Needle: Without)', read: 'Biopsy forceps 2300 mm (2300 mm, without Needle)' },
    { row: 'Syringe 10 mL (Tip: Luer slip, Sterile: No)', read: 'Syringe 10 mL (Luer slip, non-Sterile)' },
    // A lab inventory: where it is and how many are left are not the product.
    {
      row: 'Name: Conical tube 50 mL PP | Container type: rack | Location: Freezer 2, shelf 3 | Qty: 4 racks | Vendor: Acme Labware',
      read: 'Conical tube 50 mL PP | | | | Acme Labware',
    },
    // A recall notice: the action and the registration number out, the catalogue number kept as a code.
    {
      row: 'Product: IV catheter 20G x 1.16in | ARTG: 123456 | Catalogue no: 381234 | Action: recall for product correction | Sponsor: Acme Pty Ltd',
      read: 'IV catheter 20G x 1.16in | | 381234 | | Acme Pty Ltd',
    },
    // German, French and Spanish export labels.
    {
      row: 'Artikelbezeichnung: Einmalhandschuhe Nitril | Größe: M | Farbe: blau | Hersteller: Acme GmbH | Art.-Nr.: NG-200 | Lagerort: Regal 4',
      read: 'Einmalhandschuhe Nitril | Größe M | blau | Acme GmbH | NG-200 | ',
    },
    {
      row: "Désignation: Gants d'examen nitrile | Taille: M | Fabricant: Acme | Prix: 4,20 €",
      read: "Gants d'examen nitrile | Taille M | Acme | ",
    },
    {
      row: 'Nombre: Guantes de nitrilo | Talla: M | Marca: Acme | Referencia: G-100 | Ubicación: almacén 2',
      read: 'Guantes de nitrilo | Talla M | Acme | G-100 | ',
    },
    { row: 'Description: Gauze swab 10 x 10 cm; Pack: 100; Supplier: Acme', read: 'Gauze swab 10 x 10 cm; pack of 100 ; Acme' },
    // A label offering alternatives names the attribute by the first (`Size/colour: M`).
    { row: 'Item: Exam gloves nitrile | Size/colour: M | Vendor: Acme', read: 'Exam gloves nitrile | Size M | Acme' },
  ])('$row', ({ row, read }) => {
    expect(spaced(withLabelledRowsRead(row))).toBe(spaced(read));
  });

  test.each([
    // One label is no labelled row; nor are labels the table does not list (they may be product words).
    'Sterile: single use syringe 10 mL',
    'Needle: SH | Suture: Vicryl 3-0 27in',
    'Mixing ratio 1:1, cartridge 50 mL',
    'See https://example.org/item for the IFU, gauze 4x4',
    'SUTURE VICRYL 3-0 SH 27IN UNDYED',
    // A bracketed code opening a line that is no labelled row stays (it may be the maker's).
    '[8203000] i-gel supraglottic airway size 3',
    // A row of nothing but the fields that are not the product is left as written.
    'Location: Freezer 2 | Qty: 4',
    // A request form's answer is left to the form-answer reader of the requestChatter rewrite (below).
    'Name: Jane Roe | Item needed: nitrile exam gloves medium | How many: 2 boxes of 100 | Dept: ED',
  ])('left as written: %s', (row) => {
    expect(withLabelledRowsRead(row)).toBe(row);
  });

  test('a request form is read by the form-answer reader: requester, order count and department out', () => {
    const words = must(
      readAsCompared('Name: Jane Roe | Item needed: nitrile exam gloves medium | Size/type: M | How many: 2 boxes | Dept: ED'),
      'words',
    ).split(' ');
    for (const word of ['JANE', 'ROE', 'NAME', 'DEPT', 'ED', 'NEEDED']) expect(words).not.toContain(word);
    for (const word of ['NITRILE', 'EXAM', 'GLOVE']) expect(words).toContain(word);
  });

  test.each([
    ['Option1 Name', 'OPTION NAME'],
    ['Art.-Nr.', 'ART NR'],
    ['Größe', 'GROSSE'],
    ['Størrelse', 'STORRELSE'],
    ['Attribute 1 value(s)', 'ATTRIBUTE VALUE'],
  ])('the label %s is looked up as %s', (label, key) => {
    expect(fieldLabelKey(label)).toBe(key);
  });
});

describe('the labels leave the compared words; the values are read as attributes', () => {
  const row =
    'Title: Acme Nitrile Exam Gloves, 100/box | Option1 Name: Size | Option1 Value: M | Variant SKU: ACM-NG-M | Vendor: Acme Medical';

  test('no label is a compared word', () => {
    const words = must(readAsCompared(row), 'compared words').split(' ');
    for (const label of ['TITLE', 'OPTION', 'OPTION1', 'NAME', 'VALUE', 'VARIANT', 'SKU', 'VENDOR']) expect(words).not.toContain(label);
    for (const word of ['ACME', 'NITRILE', 'GLOVE', 'MEDICAL']) expect(words).toContain(word);
  });

  test.each([
    [row, { size: ['M'], countPerPack: ['100'] }],
    [
      'Title: Syringe Luer Lock | Option1 Name: Volume | Option1 Value: 10 mL | Option2 Name: Sterile | Option2 Value: No | Vendor: Acme',
      { volume: ['10 ml'], sterility: ['non-sterile'] },
    ],
    ['Title: Pipette tips 200 µL | Option1 Name: Filter | Option1 Value: No | Vendor: Acme', { tipFilter: ['unfiltered'] }],
    ['Name: Exam glove nitrile | Pack size: 200 | Brand: Acme', { countPerPack: ['200'] }],
  ])('%s reads %j', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test('two rows of one shop that differ in an option conflict on it', () => {
    const shop = (size: string) =>
      `Title: Acme Nitrile Exam Gloves | Option1 Name: Size | Option1 Value: ${size} | Variant SKU: ACM-NG-${size} | Vendor: Acme`;
    const explanation = scorePair({ a: describedItem('a', shop('S')), b: describedItem('b', shop('L')), rules });
    expect(comparatorLevel(explanation, 'attributes')).toBe('conflict');
    expect(explanation.band).toBe('no-match');
  });

  test('two unrelated rows of one shop share no compared word but the maker', () => {
    const gloves = must(
      readAsCompared('Title: Acme Nitrile Exam Gloves | Option1 Name: Size | Option1 Value: M | Variant SKU: A-1 | Vendor: Acme'),
      'gloves',
    );
    const oximeter = must(
      readAsCompared('Title: Acme Finger Pulse Oximeter | Option1 Name: Colour | Option1 Value: Grey | Variant SKU: A-2 | Vendor: Acme'),
      'oximeter',
    );
    const shared = gloves.split(' ').filter((word) => oximeter.split(' ').includes(word));
    expect([...new Set(shared)]).toEqual(['ACME']);
  });
});

describe('a published version of exportFieldLabels reaches the reading', () => {
  test('a label only the published version lists is read', () => {
    const rewrites = ['labelledRows'] as const;
    const line = 'Produktnavn: Sprøyte 10 ml | Lagerhylle: B4 | Leverandør: Acme';
    const shipped = must(compileTextRewrites(rewrites), 'shipped rewrite');
    expect(shipped(line)).toMatch(/B4/);
    const table = structuredClone(must(shippedAliasTables().get('exportFieldLabels'), 'shipped table')) as AliasTable;
    const edited: AliasTable = {
      ...table,
      version: 'exportFieldLabels-test-1',
      entries: table.entries.map((entry) =>
        entry.canonical === 'field: not the product' ? { ...entry, variants: [...entry.variants, 'LAGERHYLLE'] } : entry,
      ),
    };
    const published = must(
      compileTextRewrites(rewrites, (name) => (name === 'exportFieldLabels' ? edited : shippedAliasTables().get(name))),
      'published rewrite',
    );
    expect(published(line)).not.toMatch(/B4/);
    expect(published(line)).toMatch(/Sprøyte 10 ml/);
    expect(labelledRowReader(edited)(line)).toBe(published(line));
  });

  test('the item rule set loads the table', () => {
    expect(aliasTableNamesOf(shippedRules('item'))).toContain('exportFieldLabels');
  });
});

describe('labelled rows through POST /ingest', () => {
  const lines = canonicalItemLines(['shop', 'erp', 'shop-b'], 'ITEMS21X');
  beforeAll(async () => {
    await lines.start();
    // A catalogue to match against: lines without labels, so a label is a rare word in it.
    for (const description of [
      'GLOVE EXAM NITRILE PF MED 100/BX',
      'SYRINGE 10ML LUER LOCK STERILE',
      'GAUZE SPONGE 4X4IN 12PLY STERILE',
      'TAPE SURGICAL PAPER 1IN X 10YD',
      'OXIMETER PULSE FINGERTIP ADULT',
      'CATHETER IV 20G X 1IN',
    ])
      await lines.send('erp', { description });
  });
  afterAll(() => lines.stop());

  test('two unrelated rows of one shop are not put before a steward', async () => {
    const gloves = await lines.send('shop', {
      description:
        'Title: Zorvex Nitrile Exam Gloves, 100/box | Option1 Name: Size | Option1 Value: S | Variant SKU: ZV-NG-S | Vendor: Zorvex',
    });
    const oximeter = await lines.send('shop', {
      description:
        'Title: Quillon Finger Pulse Oximeter | Option1 Name: Colour | Option1 Value: Grey | Variant SKU: QL-PO-1 | Vendor: Quillon',
    });
    expect(oximeter.goldenId).not.toBe(gloves.goldenId);
    expect(await lines.isProposed(gloves, oximeter)).toBe(false);
  });

  test('a shop row and the catalogue line of its product are proposed; the row of another size is apart', async () => {
    await lines.expectDuplicateProposedSiblingApart({
      line: 'Title: Halvard Sterile Gauze Sponges 4 x 4 in, 12 ply | Option1 Name: Pack | Option1 Value: 50 | Variant SKU: HV-GZ-44 | Vendor: Halvard',
      same: 'Halvard gauze sponge sterile 12 ply 4x4in, pack of 50',
      other:
        'Title: Halvard Sterile Gauze Sponges 2 x 2 in, 12 ply | Option1 Name: Pack | Option1 Value: 50 | Variant SKU: HV-GZ-22 | Vendor: Halvard',
    });
  });
});
