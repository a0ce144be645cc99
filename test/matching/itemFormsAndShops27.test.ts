/**
 * Items named in list and form rows (SharePoint / Microsoft Lists requests, prior-authorisation requests, classroom
 * donation pages, donation manifests), grant budget lines and web-shop product Q&A, and in Hausa, Malagasy and Turkmen
 * requisitions (items27text, item-3.52.0). Lines are written for this test in the conventions of those lists, forms,
 * budgets, Q&A widgets and West African, Malagasy and Central Asian stores requisitions, not copied from a corpus; the
 * guard rows say what must stay as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isShopperLine } from '../../server/matching/shopperLines';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a list row, a form, a budget line and a Q&A are read for their product words', () => {
  test.each([
    // SharePoint / Microsoft Lists: the list's own columns (Title, Created By, Modified, Approval status) out.
    [
      'Title: Dressings for the clinic | Item requested: Mepilex Border 10 x 10 cm | Quantity: 3 boxes | Department: Outpatients | Cost centre: 41122 | Approval status: Pending | Created By: Smith, Jo | Modified: 2/3/2026',
      ['MEPILEX', 'BORDER', '10', 'CM'],
      ['TITLE', 'CLINIC', 'APPROVAL', 'PENDING', 'CREATED', 'SMITH', 'MODIFIED', 'OUTPATIENT', '41122'],
    ],
    // Prior-authorisation request: the form's title and number, payer, member, diagnosis and billing codes out.
    [
      'PRIOR AUTHORIZATION REQUEST PA-88-1234 | Payer: Medicare | Member ID: 1EG4TE5MK72 | Dx: E11.9 | HCPCS: A4253 | Item: Accu-Chek Guide test strips | Qty: 100 per month | Status: Pending',
      ['ACCU', 'CHEK', 'GUIDE', 'TEST', 'STRIP'],
      ['PRIOR', 'AUTHORIZATION', 'MEDICARE', 'A4253', 'E11', '1EG4TE5MK72', 'PENDING'],
    ],
    // Classroom donation page: the header cells before the resource (site, school and town, grades) out.
    [
      'DonorsChoose | Project: Microscopes for Curious Minds | Westfield Elementary School, Springfield, IL | Grades 3-5 | Resource: AmScope M150C compound microscope | Vendor: Amazon Business | Quantity: 2 | Price: $99.99 | Fully funded May 2',
      ['AMSCOPE', 'M150C', 'COMPOUND', 'MICROSCOPE'],
      ['DONORSCHOOSE', 'WESTFIELD', 'ELEMENTARY', 'SPRINGFIELD', 'GRADE', 'CURIOUS'],
    ],
    // Grant budget line: heading, purpose, cost arithmetic and the price's source out.
    [
      "Budget Justification - Year 2 - Materials and Supplies: Whatman No. 1 filter paper 90 mm for the soil assays: 20 packs x $30.00 = $600.00. Price from the supplier's 2026 catalogue.",
      ['WHATMAN', 'FILTER', 'PAPER', '90', 'MM'],
      ['BUDGET', 'JUSTIFICATION', 'SOIL', 'ASSAY', '600', 'CATALOGUE', 'SUPPLIER'],
    ],
    // Web-shop product Q&A: the question, the answer, who answered and when, and the votes out; title and variant kept.
    [
      'Customer questions & answers | Omron M3 Comfort blood pressure monitor | Colour: White | Question: Will this fit a 42 cm arm? | Answer: Use the large cuff, sold separately. | By Seller on 3 May 2026 | 4 of 9 found this helpful',
      ['OMRON', 'M3', 'COMFORT', 'BLOOD', 'PRESSURE', 'MONITOR', 'WHITE'],
      ['QUESTION', 'ARM', '42', 'LARGE', 'CUFF', 'SELLER', 'HELPFUL', '2026'],
    ],
    // Donation manifest: the box the line was packed in and the donor and destination out.
    [
      'Box 7 | Nitrile exam gloves medium | Qty: 4 box(es) of 100 | Exp: 03/2028 | Donor: County hospital surplus | Destination: Tamale mission clinic',
      ['NITRILE', 'EXAM', 'GLOVE', 'MEDIUM'],
      ['COUNTY', 'SURPLUS', 'TAMALE', 'MISSION', 'DONOR', 'DESTINATION'],
    ],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test('a manifest box number is no pack count; the pack written in the quantity is', () => {
    expect(attributesOf('Box 7 | Nitrile exam gloves medium | Qty: 4 box(es) of 100 | Donor: County hospital')).toMatchObject({
      countPerPack: ['100'],
    });
  });

  test.each([
    // Guards: an unlabelled cell with a size is kept; a catalogue row without a how-many or who/where field keeps its cells.
    ['Item: Exam glove | Nitrile powder-free small | Qty: 2 | Department: ED', ['SMALL', 'NITRILE']],
    ['Nitrile exam glove | Description: powder-free, textured | Brand: Acme', ['NITRILE', 'EXAM', 'GLOVE']],
    ['GLOVE EXAM NITRILE PF SM 100/BX', ['GLOVE', 'EXAM', 'NITRILE']],
  ])('guard: %s keeps %s', (line, kept) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
  });

  test.each([
    ['Customer questions & answers | Littmann Classic III | Question: Is it single head? | Answer: No, dual head.', true],
    ['Q: does it come sterile? | A: yes, individually wrapped', true],
    ['Questionnaire form holder A4 clear', false],
  ])('guard: %s is a shopper line: %s', (line, isShopper) => {
    expect(isShopperLine(line)).toBe(isShopper);
  });
});

describe('Hausa, Malagasy and Turkmen requisitions read their supply words in English', () => {
  test.each([
    // Hausa: the form's title and number and the hospital and department out; item and quantity labels read.
    [
      'Takardar Neman Kayayyaki Na 12/2026 | Asibitin Koyarwa - Sashen Tiyata | Kaya: Allurar sirinji 5 ml na zubarwa | Ma\u2019auni: akwati (guda 100) | Yawa: 2',
      ['NEEDLE', 'SYRINGE', 'DISPOSABLE', '5', 'ML'],
      ['TAKARDAR', 'NEMAN', 'ASIBITIN', 'SASHEN', 'YAWA', 'KAYA'],
    ],
    // Malagasy: labels read, pack, size, colour and disposable in English.
    [
      'Taratasy fangatahana fitaovana laharana 5/2026 | CHU Mahajanga - Sampana fandidiana | Fitaovana: Fonon tanana azo ariana, habe M, mainty | Fonosana: boaty misy 100 | Isa: 3',
      ['GLOVE', 'DISPOSABLE', 'M', 'BLACK'],
      ['TARATASY', 'FANGATAHANA', 'MAHAJANGA', 'SAMPANA', 'ISA'],
    ],
    // Turkmen: labels read (accented letters in a label); single use (read as disposable), sterile, size and pack in English.
    [
      'Talapnama \u2116 5/2026 | Da\u015foguz wela\u00fdat hassahanasy - Hirurgi\u00fda b\u00f6l\u00fcmi | Haryt: Bir gezeklik steril ellik, \u00f6l\u00e7egi 7 | \u00d6l\u00e7eg birligi: guty (50 sany) | Mukdary: 4',
      ['GLOVE', 'DISPOSABLE', 'STERILE', '7'],
      ['TALAPNAMA', 'DASOGUZ', 'HASSAHANASY', 'MUKDARY', 'HARYT'],
    ],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test.each([
    ['Kaya: Safar hannu | Ma\u2019auni: akwati (guda 100) | Yawa: 2', '100'],
    ['Fitaovana: Fonon tanana | Fonosana: boaty misy 50 | Isa: 3', '50'],
    ['Haryt: Ellik | \u00d6l\u00e7eg birligi: guty (25 sany) | Mukdary: 4', '25'],
  ])('%s is a pack of %s', (line, count) => {
    expect(attributesOf(line)).toMatchObject({ countPerPack: [count] });
  });
});

describe('through the public ingest API: a list request reaches its catalogue line, never a sibling', () => {
  const lines = canonicalItemLines(['catalogue', 'requests'], 'ITEMS27TEXT');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a SharePoint request for the 10 x 10 cm dressing is proposed for the 10 x 10 cm catalogue line, never merged', async () => {
    const line = await lines.send('catalogue', {
      description: 'MEPILEX BORDER FLEX DRESSING 10CM X 10CM STERILE 10/BX',
      manufacturer: { name: 'Molnlycke Health Care' },
    });
    const request = await lines.send('requests', {
      description:
        'Title: Dressings for leg ulcer clinic | Item requested: Mepilex Border Flex 10 x 10 cm | Quantity: 2 boxes | Department: Community Nursing | Cost centre: 40987 | Approval status: Approved | Created By: Jones, Amy | Modified: 4/2/2026',
    });
    expect(request.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, request)).toBe(true);
  });

  test('a SharePoint request for the 15 x 15 cm size is neither merged with nor proposed for the 10 x 10 cm line', async () => {
    const line = await lines.send('catalogue', {
      description: 'MEPILEX BORDER FLEX DRESSING 10CM X 10CM STERILE 10/BX',
      manufacturer: { name: 'Molnlycke Health Care' },
    });
    const request = await lines.send('requests', {
      description:
        'Title: Dressings for leg ulcer clinic | Item requested: Mepilex Border Flex 15 x 15 cm | Quantity: 2 boxes | Department: Community Nursing | Cost centre: 40987 | Approval status: Approved | Created By: Jones, Amy | Modified: 4/2/2026',
    });
    expect(request.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, request)).toBe(false);
  });
});
