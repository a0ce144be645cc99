/**
 * Item sources round of session 18 (item-3.33.0): item lines as exports and scans damage them — OCR'd words with
 * digits for letters, list / contract / reseller / slip-column numbers around the product, two-line ERP
 * descriptions, Slovak, Croatian, Estonian and Bulgarian tender lines, maker names as a slip or a Cyrillic tender
 * writes them. Lines are written for this test, not copied from a corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { withOcrConfusionsRead, withoutListReferences } from '../../server/matching/exportedItemLines';
import { isCodeToken, normalizeWith } from '../../server/matching/normalizers';
import { canonicalItemLines } from '../support/factories/itemLines';
import { comparatorLevel, describedItem, shippedItemReadings } from '../support/factories/matching';

const rules = await loadRules('item');
const { readAsCompared, attributesOf } = shippedItemReadings();

describe('ocrConfusions: words an OCR engine wrote with digits for letters', () => {
  test.each([
    ['QTY SHP 4 BX GAUZE SP0NGE 4X4 STER1LE', 'QTY SHP 4 BX GAUZE SPONGE 4X4 STERILE'],
    ['TEGADERM F1LM DRESS1NG 6X7CM', 'TEGADERM FILM DRESSING 6X7CM'],
    ['C0BAN WRAP 3IN', 'COBAN WRAP 3IN'],
    ['BETAD1NE SWABST1CKS 50/BX', 'BETADINE SWABSTICKS 50/BX'],
    ['GLOVE NITR1LE LG 100/BX', 'GLOVE NITRILE LG 100/BX'],
    ['TRANSP0RE TAPE 1IN', 'TRANSPORE TAPE 1IN'],
    ['HIB|SCRUB 4 0Z', 'HIBISCRUB 4 OZ'],
    ['CLIP MAX-L0K LG', 'CLIP MAX-LOK LG'],
    ['COPY PAPER 24# LETTER', 'COPY PAPER 24 LB LETTER'],
  ])('%s → %s', (line, read) => {
    expect(withOcrConfusionsRead(line)).toBe(read);
  });

  test.each([
    'PSLX350H',
    'RECIPROC R25',
    'YUBIKEY 5C',
    'STERILE H2O 1L',
    'VITAMIN B12 1MG',
    'HBA1C CONTROL',
    'CAT5E PATCH CABLE',
    'ASIN B0822FE340',
    'N95 RESPIRATOR',
    'CONTROL LVL1',
    'MARKER CD10',
    'COVID H1N1 SWAB',
    'L0K',
    'MFR #178',
    'WRAP SELF ADHERENT 2INX5YD',
    'DRESSING FOAM 5X5IN 10/BX',
    'GAUZE ROLL 4INX5YD',
  ])('a code or a word with digits on purpose stays: %s', (line) => {
    expect(withOcrConfusionsRead(line)).toBe(line);
  });

  test('a line without the shape returns as it is (the literal gate)', () => {
    const line = 'Gauze sponge 4x4 12-ply sterile 2/pk';
    expect(withOcrConfusionsRead(line)).toBe(line);
  });
});

describe('listReferences: numbers of a list, a contract, a reseller or a slip column are no product data', () => {
  test.each([
    ['CPSM 1234567 GLOVE EXAM NITRILE MED 100/BX', '  GLOVE EXAM NITRILE MED 100/BX'],
    ['Gauze swab, 10 x 10 cm, 8-ply; Brand X; SOA line 44512', 'Gauze swab, 10 x 10 cm, 8-ply; Brand X;  '],
    ['Syringe 10 mL luer lock, contract line 12', 'Syringe 10 mL luer lock,  '],
    ['Pulse oximeter finger | Item # 44120-A', 'Pulse oximeter finger |  '],
    ['Infusion set Mat. no. 100234 gravity', 'Infusion set   gravity'],
    ['Headset USB-C | Mfr. #: 1234-567 | Insight #: 7654321', 'Headset USB-C | Mfr. #: 1234-567 |  '],
    ['QTY SHP 3 BX DRAPE SURGICAL 50/CS', '  DRAPE SURGICAL 50/CS'],
    ['QTY SHIPPED 12 EA SWAB LOT ______ EXP ______', '  SWAB    '],
    ['Part 77120-3 - Suction canister 1000 mL', '77120-3 - Suction canister 1000 mL'],
  ])('%s', (line, read) => {
    expect(withoutListReferences(line)).toBe(read);
  });

  test.each(['Mfr #301041 collection kit', 'REF 28412 needle', 'Ward stock line item', 'Spare part for pump - see manual'])(
    'the maker’s number and ordinary words stay: %s',
    (line) => {
      expect(withoutListReferences(line)).toBe(line);
    },
  );

  test('a contract number is no code of the text, the part number written in it is', () => {
    const read = (text: string) => normalizeWith('requisitionText', text);
    expect(read('CPSM 7766554 DRAPE SURGICAL 50/CS')).not.toContain('7766554');
    expect(read('Part 77120-3 - Suction canister 1000 mL')).toContain('77120');
  });
});

describe('pack units of ERP exports are no codes', () => {
  test.each(['10RM', '14CART', '6CTG', '65CAN', '12BTL'])('%s', (token) => {
    expect(isCodeToken(token, 4)).toBe(false);
  });
  test('a real code still is one', () => {
    expect(isCodeToken('WW620', 4)).toBe(true);
  });
});

describe('Slovak, Croatian, Estonian and Bulgarian tender lines', () => {
  test.each([
    ['Rukavice vyšetrovacie nitrilové, veľkosť M, bal. 100 ks', { size: ['M'], countPerPack: ['100'] }],
    ['Rukavice nitrilne, veličina L, pakiranje 100 kom', { size: ['L'], countPerPack: ['100'] }],
    ['Uurimiskindad nitriil, suurus S, pakend 100 tk', { size: ['S'], countPerPack: ['100'] }],
    ['Maska tvárová pre deti, 1 ks', { patientPopulation: ['paediatric'] }],
    ['Maska za lice za djecu, kom 1', { patientPopulation: ['paediatric'] }],
    ['Маска за лице за деца, 1 бр.', { patientPopulation: ['paediatric'] }],
  ])('%s', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });

  test.each([
    ['Obväz s gázou, 1 ks', 'size'],
    ['Zavoj sa gazom, kom 1', 'size'],
  ])('the preposition s / sa is no size S: %s', (line, attribute) => {
    expect(attributesOf(line)[attribute]).toBeUndefined();
  });

  test.each([
    ['Ligačné klipy veľkosť L, farba zelená, bal. 10 x 6 ks', 'GREEN'],
    ['Kirurški klipovi, boja plava, pakiranje 2 kom', 'BLUE'],
    ['Klambrid suurus L, värv lilla, pakend 10 x 6 tk', 'PURPLE'],
    ['Костен цимент 40 г, с гентамицин, 1 бр.', 'BONE CEMENT'],
    ['Kostný cement 40 g, vysoká viskozita, bez antibiotika, 1 ks', 'WITHOUT ANTIBIOTIC'],
  ])('%s reads %s', (line, words) => {
    for (const word of words.split(' ')) expect(readAsCompared(line)?.split(' ')).toContain(word);
  });
});

describe('maker names as a slip or a Cyrillic tender writes them', () => {
  test.each([
    ['HENRY SCHE1N', 'Henry Schein Inc'],
    ['Хенри Шайн', 'Henry Schein'],
    ['Professional Hospital Supply', 'PHS Inc'],
  ])('%s = %s', (a, b) => {
    const explanation = scorePair({
      a: { sourceId: 'a', manufacturer: { name: a } },
      b: { sourceId: 'b', manufacturer: { name: b } },
      rules,
    });
    expect(comparatorLevel(explanation, 'manufacturer')).not.toBe('different');
  });
});

describe('codes of a style and its variant', () => {
  test('a style number in one text and the variant code in the other are no code conflict; another style is', () => {
    const level = (a: string, b: string) =>
      comparatorLevel(scorePair({ a: describedItem('a', a, 'Maker'), b: describedItem('b', b, 'Maker'), rules }), 'catalogInText');
    expect(level('Scrub pant unisex KX410-BLK-L black, size L', 'PANT SCRUB UNISEX KX410 / BLACK L')).not.toBe('conflict');
    expect(level('Scrub pant unisex KX410-BLK-L black, size L', 'PANT SCRUB UNISEX KX477 / BLACK L')).toBe('conflict');
  });
});

describe('exported and scanned lines through POST /ingest', () => {
  const SOURCES = ['slip', 'partmaster', 'contract', 'tender'] as const;
  const lines = canonicalItemLines(SOURCES, 'ITEMS18S');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('an OCR’d slip line is put before a steward against the part master; the other size is not', async () => {
    const part = await lines.send('partmaster', {
      description: 'Part 46022 - Tegaderm film dressing, transparent, 6 x 7 cm, box of 100',
      manufacturer: { name: 'Solventum' },
    });
    const slip = await lines.send('slip', {
      description: 'QTY SHP 3 BX TEGADERM F1LM DRESS1NG 6X7CM 100/BX LOT ....... EXP',
      manufacturer: { name: 'S0LVENTUM' },
    });
    const otherSize = await lines.send('slip', {
      description: 'QTY SHP 3 BX TEGADERM F1LM DRESS1NG 10X12CM 100/BX LOT ....... EXP',
      manufacturer: { name: 'S0LVENTUM' },
    });
    expect(slip.goldenId, 'text only: never an auto-merge').not.toBe(part.goldenId);
    expect(await lines.isProposed(part, slip)).toBe(true);
    expect(otherSize.goldenId).not.toBe(part.goldenId);
    expect(await lines.isProposed(part, otherSize)).toBe(false);
  });

  test('a contract line with its contract number is put before a steward against a tender line in Croatian', async () => {
    const contract = await lines.send('contract', {
      description: 'CPSM 9911223 ELECTRODE DEFIB HEARTSTART PEDI PADS 1PR',
      manufacturer: { name: 'PHILIPS MEDICAL' },
    });
    const tender = await lines.send('tender', {
      description: 'Elektrode za defibrilator HeartStart za djecu, par',
      manufacturer: { name: 'Philips Medical Systems' },
    });
    expect(tender.goldenId).not.toBe(contract.goldenId);
    expect(await lines.isProposed(contract, tender)).toBe(true);
  });
});
