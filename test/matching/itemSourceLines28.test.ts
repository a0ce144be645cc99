/**
 * Items named in stores and purchasing documents — purchasing-card logs, stock-transfer notes, write-off registers,
 * bid tabulations, value-analysis and item set-up forms, veterinary practice-management product lists — and in Kyrgyz,
 * Telugu and Khmer requisitions (items28text, item-3.53.0). Lines are written for this test in the conventions of those
 * documents and of Central Asian, South Indian and Cambodian stores requisitions, not copied from a corpus; the guard
 * rows say what must stay as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fieldLabelKey } from '../../server/matching/labelledRows';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('stores and purchasing documents are read for their product words', () => {
  test.each([
    // Purchasing-card log: cardholder, merchant and its category code, accounting string and receipt out.
    [
      'Purchasing Card Log | Cardholder: Patel, Anika | Merchant: STAPLES 00123 | MCC: 5111 | Item: BD Vacutainer SST tubes 5 mL gold top, box of 100 | Qty: 1 | Amount: $58.40 | Fund/Org: 210-3300-1120 | Receipt attached: Y',
      ['VACUTAINER', 'SST', 'TUBE', '5', 'ML'],
      ['CARDHOLDER', 'PATEL', 'ANIKA', 'STAPLES', 'MCC', '5111', 'RECEIPT', 'FUND', '1120'],
    ],
    // A P-card line's count bought before the product (`2 x …`) is no part of it.
    [
      'P-Card Transaction Detail | Cardholder: Lee, Sam | Merchant: BESTBUY 0042 | Item: 2 x Logitech M185 wireless mouse | Amount: $39.98',
      ['LOGITECH', 'M185', 'WIRELESS', 'MOUSE'],
      ['2', 'X', 'BESTBUY', 'LEE'],
    ],
    // Stock-transfer note: the note's title and number, the stores, who issued it out; the unlabelled product cell kept.
    [
      'INTER-STORE TRANSFER IST-4471 | From: Central Sterile Stores | To: Ward 6B | Line 1 | MEPORE DRESSING 9CM X 10CM | Qty 20 EA | Issued by: K. Obi | Received by: ____',
      ['MEPORE', 'DRESSING', '9', 'CM'],
      ['INTER', 'STORE', 'TRANSFER', 'IST', '4471', 'OBI', 'CENTRAL'],
    ],
    // Write-off register: the register's title, reason, value and who authorised it out.
    [
      'STOCK WRITE-OFF REGISTER | Item: Opsite Flexifix film 10cm x 1m | Qty: 3 rolls | Reason: water damaged | Value: $41.10 | Authorised by: Store manager',
      ['OPSITE', 'FLEXIFIX', 'FILM'],
      ['REGISTER', 'WRITE', 'VALUE', 'AUTHORISED', 'MANAGER', 'WATER'],
    ],
    // Bid tabulation: the tabulation's title, programme and buyer (cells before the item's Description:), bidder, price, award out.
    [
      'BID TABULATION ITB 19-044 Laboratory Supplies (Northside School District) | Line 12 | Description: Nitrile gloves, powder free, medium, 100/box | Bidder: Acme Scientific | Bid price: $6.20 | Award: Yes',
      ['NITRILE', 'GLOVE', 'MEDIUM'],
      ['BID', 'TABULATION', 'NORTHSIDE', 'DISTRICT', 'ACME', 'AWARD', 'ITB'],
    ],
    // Value-analysis request: rationale, evidence and decision out; estimated annual use is no pack count.
    [
      'NEW PRODUCT REQUEST - Value Analysis | Product: Medline ReadyPrep CHG cloth 2% | Est. annual use: 4000 | Rationale: reduce SSI rates | Evidence: two RCTs | Decision: Approved',
      ['READYPREP', 'CHG', 'CLOTH'],
      ['RATIONALE', 'SSI', 'EVIDENCE', 'RCT', 'DECISION', 'APPROVED', '4000'],
    ],
    // Veterinary practice-management product list: active flag and dispensing label out.
    [
      'Product: Vetrap bandaging tape 10cm | Product Group: Consumables > Bandages | Supplier Code: VT10 | Active: Yes | Dispensing label: no',
      ['VETRAP', 'BANDAGING', 'TAPE', '10', 'CM'],
      ['ACTIVE', 'DISPENSING', 'LABEL'],
    ],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test.each([
    // Guards: a product named with `transfer` keeps it; a row without a document title keeps its first cell.
    ['Vial transfer device 20 mm | Qty: 3 | Dept: Pharmacy', ['TRANSFER', 'DEVICE', '20']],
    ['Fluid transfer set | Qty: 2 | Ward: 4 | Issued by: J. Roe', ['FLUID', 'TRANSFER', 'SET']],
    ['Nitrile exam glove | Description: powder-free, textured | Brand: Acme', ['NITRILE', 'EXAM', 'GLOVE']],
    // A dimension opening the item's value is no count bought.
    ['Item: 4 x 4 gauze swab | Qty: 2 | Ward: 3', ['4', 'X', 'GAUZE', 'SWAB']],
  ])('guard: %s keeps %s', (line, kept) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
  });
});

describe('Kyrgyz, Telugu and Khmer requisitions read their labels and supply words', () => {
  test.each([
    // Kyrgyz: the hospital and the request number (cells before the item's label) out; labels read; supply words in English.
    [
      'Ош шаардык клиникалык ооруканасы | Талап № 14/2026 | Аталышы: Бир жолку стерилдүү колкап, M | Бирдиги: куту (100 даана) | Саны: 5',
      ['DISPOSABLE', 'STERILE', 'GLOVE', 'M'],
      ['14', '2026'],
    ],
    // Telugu: the indent number and the hospital out; labels read in Telugu script.
    [
      'జిల్లా ఆసుపత్రి, వరంగల్ | ఇండెంట్ సంఖ్య: DH/WGL/2026/77 | వస్తువు: సిరంజి 5 ml | యూనిట్: పెట్టె | సంఖ్య: 10',
      ['SYRINGE', '5', 'ML'],
      ['DH', 'WGL', '2026', '77', '10'],
    ],
    // Khmer: labels read; the unspaced item words found by longest match (gloves, size); the request number out.
    ['មន្ទីរពេទ្យខេត្តសៀមរាប | សំណើសុំសម្ភារៈលេខ ១២/២០២៦ | ឈ្មោះសម្ភារៈ: ស្រោមដៃ ទំហំ M | ឯកតា: ប្រអប់ | ចំនួន: ១០', ['GLOVE', 'M'], ['12', '2026', '10']],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test('a capacity in Cyrillic bytes (ГБ) is read as GB', () => {
    expect(attributesOf('Аталышы: USB флеш-диск Kingston DataTraveler 32 ГБ | Саны: 10')).toMatchObject({ storageCapacity: ['32 GB'] });
  });

  test.each([
    // Telugu: a box of 10 dressings (the noun stays), the quantity column out; the left hand a laterality.
    ['వస్తువు: గాజ్ డ్రెస్సింగ్ 10 x 10 సెం.మీ. | ప్యాకింగ్: 10 డ్రెస్సింగ్‌ల పెట్టె | కావలసిన పరిమాణం: 20 పెట్టెలు', { countPerPack: ['10'] }],
    ['వస్తువు: మణికట్టు బ్రేస్ - ఎడమ చేతికి | సంఖ్య: 6', { laterality: ['left'] }],
    ['వస్తువు: ట్రాకియోస్టమీ ట్యూబ్ హోల్డర్ - పిల్లలకు | సంఖ్య: 50', { patientPopulation: ['paediatric'] }],
    // Khmer: centimetres spelled out after a number, a box of 50 capsules, the right hand.
    ['ឈ្មោះសម្ភារៈ: ក្រណាត់បិទរបួស ១០ x ១០ សង់ទីម៉ែត្រ | ឯកតា: ប្រអប់ (៥០ គ្រាប់) | ចំនួន: ៣', { dimensions: ['100x100 mm ±5/5'], countPerPack: ['50'] }],
    ['ឈ្មោះសម្ភារៈ: ឧបករណ៍ទ្រកដៃ ដៃស្តាំ | ចំនួន: ៤', { laterality: ['right'] }],
    // Kyrgyz: a box of 50 capsules.
    ['Аталышы: капсулалары, түсү A2 | Бирдиги: куту (50 капсула) | Саны: 8', { countPerPack: ['50'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });

  test('a Kyrgyz glove size is read as a size', () => {
    expect(attributesOf('Аталышы: Бир жолку стерилдүү колкап, M | Саны: 5')).toMatchObject({ size: ['M'] });
  });

  test.each([
    ['Аталышы', 'ATALYSHY'],
    ['АТАЛЫШЫ', 'ATALYSHY'],
    ['Item name', 'ITEM NAME'],
  ])('the label %s is keyed %s', (label, key) => {
    expect(fieldLabelKey(label)).toBe(key);
  });

  test('a Khmer word is never found inside another syllable', () => {
    // ដប (bottle) is not read inside ដប់ (ten): the match would end before a vowel sign.
    expect(wordsOf('ឈ្មោះសម្ភារៈ: ស្រោមដៃ ដប់ | ចំនួន: ២')).toEqual(['GLOVE']);
  });
});

describe('through the public ingest API: a purchasing-card line reaches its catalogue line, never an unrelated item', () => {
  const lines = canonicalItemLines(['catalogue', 'pcard'], 'ITEMS28TEXT');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  const pcardLine = (item: string): string =>
    `P-Card Reconciliation | Cardholder: Marsh, Dana - Respiratory Therapy | Merchant: AMAZON MKTPLACE PMTS | Description of items purchased: ${item} | Amount: $42.10 | Business purpose: clinic stock, backorder at distributor | Object code: 6120 Medical supplies | Receipt attached: Y`;

  test('a P-card line for the adult holder is proposed for the adult catalogue line, never merged', async () => {
    const line = await lines.send('catalogue', {
      description: 'HOLDER TRACHEOSTOMY TUBE ADULT FOAM HOOK AND LOOP',
      manufacturer: { name: 'Dale Medical Products' },
    });
    const card = await lines.send('pcard', { description: pcardLine('Dale tracheostomy tube holder adult, qty 10') });
    expect(card.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, card)).toBe(true);
  });

  test('two P-card lines of one cardholder sharing every boilerplate field are not proposed for each other', async () => {
    const first = await lines.send('pcard', { description: pcardLine('Welch Allyn SureTemp probe covers, box of 250') });
    const second = await lines.send('pcard', { description: pcardLine('Medline Curad sheer adhesive bandages 1 x 3 in, box of 100') });
    expect(second.goldenId).not.toBe(first.goldenId);
    expect(await lines.isProposed(first, second)).toBe(false);
  });
});
