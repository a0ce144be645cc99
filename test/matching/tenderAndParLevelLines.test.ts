/**
 * Item round of session 16 (items16, item-3.25.0): item lines as Spanish-language tenders (Chile Mercado Público,
 * Colombia SECOP II), hospital par-level sheets and marketplace titles write them, and the word attributes a product
 * family is sold by. Fixture tables read texts as the item rule reads them (text rewrites, normaliser and alias tables
 * taken from the shipped rule file); the pairs go through POST /ingest with lines written for this test (not corpus
 * lines): a duplicate in another convention is found, and the sibling that differs in a word attribute is neither
 * merged nor put before a steward.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withoutRegistrationReferences } from '../../server/matching/catalogueShorthand';
import { withoutParLevelColumns } from '../../server/matching/parLevelLines';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

describe('par-level sheets: unit, bin, par and reorder columns out (text rewrite parLevelColumns)', () => {
  test.each([
    ['3W MED-SURG | BIN A-0412 | PAR 20 | ROP 6 | SYRINGE 10ML LL | BX100', ' SYRINGE 10ML LL | 100/BX '],
    ['OR CORE | SHELF 3 | PAR 4 | ROP 1 | GLOVE SURG PF 7.5 | PR', ' GLOVE SURG PF 7.5 '],
    ['NICU | DRAWER N-2L | PAR: 12 | MIN 4 | MAX 16 | CATHETER UMBILICAL 3.5FR | EA', ' CATHETER UMBILICAL 3.5FR '],
    // The description before the par column: kept, the bin beside it dropped
    ['GAUZE 4X4 12PLY STERILE | BIN B-2 | PAR 50 | ROP 10 | PK10', 'GAUZE 4X4 12PLY STERILE | 10/PK '],
    // Not a par-level line: returned as it is
    [
      'Jeringa 10 ml | Marca: BD | Modelo: 302995 | Formato: Caja 100 unidades',
      'Jeringa 10 ml | Marca: BD | Modelo: 302995 | Formato: Caja 100 unidades',
    ],
    ['PAR 12 PACK SYRINGE 10ML', 'PAR 12 PACK SYRINGE 10ML'],
  ])('%s → %s', (raw, expected) => {
    expect(withoutParLevelColumns(raw)).toBe(expected);
  });

  test('a bin is no catalogue number and no volume: the sheet line reads only its description', () => {
    const read = attributesOf('ORTHO CLINIC | DRAWER O-4L | PAR 5 | ROP 2 | ARCHWIRE NITI RD .018 LOWER | PK10');
    expect(read).toEqual({ archwireSize: ['018'], countPerPack: ['10'], dentalArch: ['lower'] });
  });
});

describe('Colombian INVIMA / CUM and Chilean ISP registrations are not part numbers (text rewrite registrationReferences)', () => {
  test.each([
    ['SONDA FOLEY 2 VIAS 16FR - REG. SANITARIO INVIMA 2014DM-0011223 - PRESENTACION: UNIDAD', /2014DM|0011223/],
    ['INSULINA ASPART 100 UI/ML - REG. INVIMA 2018M-0017654-R1 - CUM 20034567-02', /2018M|0017654|20034567/],
    ['Guante de examen nitrilo talla M, Reg. ISP N° 2345/19 | Marca: X', /2345\/19/],
  ])('%s', (raw, registration) => {
    const rewritten = withoutRegistrationReferences(raw);
    expect(rewritten).not.toMatch(registration);
    expect(rewritten.length).toBeGreaterThan(10);
  });

  test('a line without a registration is returned as it is', () => {
    const line = 'BD 302995 SYRINGE 10ML LUER LOK 100/BX';
    expect(withoutRegistrationReferences(line)).toBe(line);
  });
});

describe('attributes of Spanish tender lines, par-level sheets and marketplace titles', () => {
  test.each([
    [
      'Tubo criogénico 2 ml, rosca externa, estéril | Marca: Corning | Formato: Caja 500 unidades',
      { capThread: ['external'], volume: ['2 ml'], countPerPack: ['500'] },
    ],
    ['TUBO CRIOGENICO 2 ML ROSCA INTERNA ESTERIL - PRESENTACION: CAJA X 500', { capThread: ['internal'], countPerPack: ['500'] }],
    ['Placa Petri 100 mm sin ventilación, estéril', { venting: ['unvented'] }],
    ['PETRI DISH 100MM TRIPLE VENT STERILE 500/CS', { venting: ['vented'] }],
    ['SWAB FLOQSWAB NYLON FLEX MINITIP | BX100', { swabTip: ['flexible minitip'] }],
    ['Hisopo flocado punta regular, Formato: Caja 100 unidades', { swabTip: ['regular'], countPerPack: ['100'] }],
    ['Media de compresión muslo clase 2, talla IV, color negro', { compressionClass: ['2'], size: ['4'], colour: ['black'] }],
    [
      'JOBST THIGH HIGH COMPRESSION STOCKING CCL1 SZ II SAND',
      { compressionClass: ['1'], size: ['2'], colour: ['beige'], garmentLength: ['thigh'] },
    ],
    ['STOCKING COMP KNEE 20-30 LG BGE OT', { garmentLength: ['knee'], colour: ['beige'], size: ['L'] }],
    ['Media de compresión hasta la rodilla (AD) clase 1, talla II', { garmentLength: ['knee'], compressionClass: ['1'], size: ['2'] }],
    ['Gel para ecografía transparente, bidón 5 litros', { colour: ['clear'], volume: ['5000 ml'] }],
    ['ACLS Provider Manual eBook 2025 American Heart Association ISBN', { bookFormat: ['ebook'], year: ['2025'] }],
    ['LIBRO ACLS PROVIDER MANUAL EDICION 2025 IMPRESO', { bookFormat: ['print'], year: ['2025'] }],
    [
      'ARCO DE ORTODONCIA NITI RECTANGULAR 0.016 INFERIOR - PRESENTACION: PAQUETE X 10',
      { archwireSize: ['016'], dentalArch: ['lower'], countPerPack: ['10'] },
    ],
    ['PICU | BIN M-21 | PAR 10 | ROP 3 | BP CUFF REUSABLE ADLT | EA', { patientPopulation: ['adult'] }],
    ['Lente de contacto diario, poder -1,25 D | Formato: Caja 30 lentes', { opticalPower: ['-1.25'], countPerPack: ['30'] }],
  ])('%s', (raw, expected) => {
    expect(attributesOf(raw)).toMatchObject(expected);
  });

  test.each([
    // A volume after a pack word is no count; a Spanish box of a product in millilitres is read as the volume
    ['FRASCO X 250 ML', 'countPerPack'],
    // Colours and classes only where the family is sold by them
    ['JERINGA 10 ML TAPA AZUL CLASE 2', 'colour'],
    ['JERINGA 10 ML TAPA AZUL CLASE 2', 'compressionClass'],
    ['DIGITAL THERMOMETER ORAL', 'bookFormat'],
    ['PETRI DISH HOLDER STAINLESS', 'venting'],
  ])('%s reads no %s', (raw, attribute) => {
    expect(attributesOf(raw)[attribute]).toBeUndefined();
  });
});

describe('Spanish tender words as the item description comparator reads them (catalogueTranslations 1.4.0, noiseWords 1.4.0)', () => {
  test.each([
    // SYNTHE: words in -S are read as English plurals on both sides alike (pluralWords.ts, item-3.32.0).
    ['Alambre de Kirschner punta roma 1,2 mm | Marca: Synthes | Formato: Unidad', 'WIRE KIRSCHNER TIP ROMA 1 2 MM DEPUY SYNTHE'],
    ['Media de compresión hasta la rodilla, pie abierto', 'COMPRESSION STOCKING KNEE HIGH OPEN TOE'],
    ['Tubo criogénico, rosca externa, tapa', 'TUBE CRYOGENIC EXTERNAL THREAD CAP'],
    ['PAR-LEVEL | BIN 4 | PAR 2 | ROP 1 | KWIRE TROC 1.2 SS | EA', 'KIRSCHNER WIRE TROCAR 1 2 SS'],
  ])('%s → %s', (raw, expected) => {
    expect(readAsCompared(raw)).toBe(expected);
  });
});

describe('tender, par-level and marketplace lines through POST /ingest', () => {
  const SOURCES = ['cl-tender', 'co-tender', 'par-sheet', 'marketplace'] as const;
  const lines = canonicalItemLines(SOURCES, 'TENDER');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a SECOP line and a par-level line with one maker part number are one product; the other cap thread is not', async () => {
    const secop = await lines.send('co-tender', {
      description: 'TUBO CRIOGENICO 2 ML ROSCA EXTERNA ESTERIL CORNING - REG. SANITARIO INVIMA 2016DM-0014455 - PRESENTACION: CAJA X 500',
      manufacturer: { name: 'CORNING' },
      manufacturerPartNumber: '430659',
    });
    const sheet = await lines.send('par-sheet', {
      description: 'LAB RECEIVING | SHELF C2 | PAR 6 | ROP 2 | CRYOVIAL 2ML EXTERNAL THREAD STERILE CORNING | BX500',
      manufacturerPartNumber: '430659',
    });
    expect(sheet.goldenId, 'the same part number and the same product read in both conventions').toBe(secop.goldenId);
    const internal = await lines.send('par-sheet', {
      description: 'LAB RECEIVING | SHELF C2 | PAR 6 | ROP 2 | CRYOVIAL 2ML INTERNAL THREAD STERILE CORNING | BX500',
    });
    expect(internal.goldenId, 'another cap thread is never merged').not.toBe(secop.goldenId);
    expect(await lines.isProposed(secop, internal), 'nor proposed').toBe(false);
  });

  const TABLE: Array<{ title: string; a: string; same: string; other: string }> = [
    {
      title: 'a Mercado Público Petri dish vs the par-level line; the unvented dish is another product',
      a: 'Placa Petri 100 mm con ventilación, estéril, poliestireno | Marca: Falcon | Formato: Caja 500 unidades',
      same: 'MICRO LAB | SHELF P-1 | PAR 2 | ROP 1 | PETRI DISH 100MM VENTED STERILE POLYSTYRENE FALCON | CS500',
      other: 'MICRO LAB | SHELF P-1 | PAR 2 | ROP 1 | PETRI DISH 100MM UNVENTED STERILE POLYSTYRENE FALCON | CS500',
    },
    {
      title: 'a SECOP compression stocking vs the marketplace title; talla IV is another size',
      a: 'MEDIA DE COMPRESION JOBST ULTRASHEER CLASE 2 TALLA III NEGRA PUNTERA CERRADA - PRESENTACION: PAR',
      same: 'JOBST UltraSheer Compression Stockings Class 2 Size III Black Closed Toe Knee High 1 Pair for Women Men',
      other: 'MEDIA DE COMPRESION JOBST ULTRASHEER CLASE 2 TALLA IV NEGRA PUNTERA CERRADA - PRESENTACION: PAR',
    },
    {
      title: 'a Mercado Público swab vs the SECOP line; the minitip swab is another product',
      a: 'Tórula flocada nylon con medio de transporte 1 ml, punta regular | Marca: Puritan | Formato: Caja 50 unidades',
      same: 'HISOPO FLOCADO NYLON CON MEDIO DE TRANSPORTE 1 ML PUNTA REGULAR PURITAN - PRESENTACION: CAJA X 50',
      other: 'HISOPO FLOCADO NYLON CON MEDIO DE TRANSPORTE 1 ML PUNTA MINI PURITAN - PRESENTACION: CAJA X 50',
    },
  ];

  test.each(TABLE)('$title', async ({ a, same, other }) => {
    const first = await lines.send('cl-tender', { description: a });
    const duplicate = await lines.send('marketplace', { description: same });
    expect(duplicate.goldenId, 'text only: never an auto-merge').not.toBe(first.goldenId);
    expect(await lines.isProposed(first, duplicate), 'the duplicate is put before a steward').toBe(true);
    const sibling = await lines.send('co-tender', { description: other });
    expect(sibling.goldenId, 'another word attribute is never merged').not.toBe(first.goldenId);
    expect(await lines.isProposed(first, sibling), 'nor proposed').toBe(false);
  });
});
