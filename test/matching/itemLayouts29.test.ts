/**
 * Items inside workflow document layouts (items29layouts, item-3.54.0): requisition approval e-mails (Coupa, Ariba,
 * Jaggaer, Workday, Oracle iProcurement), receiving discrepancy reports (Oracle, Infor), distributor portal order-history
 * exports, accounts-payable three-way-match exceptions quoting the invoice line and the PO line of one product (SAP MIRO,
 * Oracle Payables holds), team medical-kit checklists, CRM call notes (Salesforce, Veeva), expense claims (Concur,
 * Expensify) and research core order forms. Their labels, queue words, exception reasons, buttons and footers are on
 * every record the system sends and name no product (workflowDocumentLabels, tradeDocumentLabels, labelledRows.ts).
 * Lines are written for this test in those layouts with products of other makes than any corpus's; the guard rows say
 * what must stay as it was, and the pairs through the API keep siblings and unrelated products of one layout apart.
 */
import { describe, expect, test } from 'vitest';
import { matchingTestServer, shippedItemReadings } from '../support/factories/matching';

const { readAsCompared } = shippedItemReadings();

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

const APPROVAL = (line: string): string =>
  `Action required: Requisition REQ-20417 is awaiting your approval | Requester: Nguyen, Lily (Day Surgery) | Line 3: ${line} | Qty 2 | Est. total $86.40 | Charge to: 441-2090 | Approve | Reject | Reply APPROVE or open Coupa`;
const THREE_WAY = (invoiceLine: string, poLine: string): string =>
  `3-WAY MATCH EXCEPTION | AP hold queue | Supplier: Owens & Minor | Invoice INV-77120 ln 2: ${invoiceLine} | PO 4501177 ln 2: ${poLine} | Received: 20 | Exception: price variance over tolerance | Assigned: AP clerk Singh`;
const DISCREPANCY = (item: string): string =>
  `RECEIVING DISCREPANCY REPORT RDR-4410 | PO 7700123 Ln 2 | Vendor: Henry Schein | Item: ${item} | Ordered: 30 EA | Received: 28 EA | Discrepancy: short shipped, balance on backorder | Action: credit requested | Dock: Main receiving | Logged by: KT`;
const ORDER_HISTORY = (description: string): string =>
  `Order history export | Order # 552190 | Ordered 2026-09-14 | Item # 1188203 | ${description} | UOM BX | Qty 10 | Price 12.40 | Status: Shipped | Your PO 4500991`;
const CALL_NOTE = (products: string): string =>
  `Call Note | Account: Lakeside Orthopaedics | Contact: Theatre manager | Activity: Visit | Products discussed: ${products} | Samples left: 2 units | Next step: book a trial | Owner: R. Shah | Created from Salesforce mobile`;

describe('workflow documents are read for their product words (fixture table)', () => {
  test.each([
    {
      layout: 'approval e-mail: the line is the product; requester, total, buttons and the system out',
      line: APPROVAL('3M Tegaderm film dressing 6 x 7 cm, box of 100'),
      kept: ['TEGADERM', 'FILM', 'DRESSING'],
      gone: ['LINE', 'REQUISITION', 'NGUYEN', 'EST', 'TOTAL', '86', 'APPROVE', 'REJECT', 'REPLY', 'COUPA'],
    },
    {
      layout: 'three-way-match exception: the invoice line and the PO line both kept; queue, reason, tolerance and clerk out',
      line: THREE_WAY('MOLNLYCKE MEPILEX BORDER 10X10', 'Mepilex Border foam dressing 10 x 10 cm'),
      kept: ['MOLNLYCKE', 'MEPILEX', 'BORDER', 'FOAM', 'DRESSING'],
      gone: ['3WAY', 'MATCH', 'EXCEPTION', 'HOLD', 'QUEUE', 'VARIANCE', 'TOLERANCE', 'CLERK', 'SINGH', 'INV77120', '4501177'],
    },
    {
      layout: 'receiving discrepancy report: discrepancy, action, dock and logger out',
      line: DISCREPANCY('Coloplast SpeediCath male catheter CH 12'),
      kept: ['SPEEDICATH', 'CATHETER'],
      gone: ['RECEIVING', 'DISCREPANCY', 'SHORT', 'BACKORDER', 'CREDIT', 'DOCK', 'LOGGED', 'KT'],
    },
    {
      layout: "order-history export: the title, order number, UOM and price out; the distributor's description kept",
      line: ORDER_HISTORY('GLOVE EXAM NITRILE MICROFLEX MED'),
      kept: ['GLOVE', 'NITRILE', 'MICROFLEX'],
      gone: ['HISTORY', 'EXPORT', '552190', 'UOM', 'PRICE', '4500991'],
    },
    {
      layout: 'CRM call note: the products discussed kept; activity, samples, next step and the app footer out',
      line: CALL_NOTE('Stryker Neptune 4-port manifold'),
      kept: ['NEPTUNE', 'MANIFOLD'],
      gone: ['CALL', 'NOTE', 'LAKESIDE', 'VISIT', 'SAMPLE', 'NEXT', 'STEP', 'TRIAL', 'SALESFORCE', 'MOBILE', 'CREATED'],
    },
    {
      layout: 'medical-kit checklist: team, season, bag, par, reorder and checker out',
      line: 'MEDICAL KIT CHECKLIST - Riverside U14 Rugby | Season 2027 | Bag: Pitchside | Item: Elastoplast elastic adhesive bandage 7.5 cm | Par: 4 | On hand: 2 | Reorder: Y | Checked by: J. Wiremu (first aider)',
      kept: ['ELASTOPLAST', 'ADHESIVE', 'BANDAGE'],
      gone: ['CHECKLIST', 'RIVERSIDE', 'RUGBY', 'SEASON', 'PITCHSIDE', 'WIREMU', 'Y'],
    },
    {
      layout: 'expense claim: claimant, cost centre, merchant, amount and reason out',
      line: 'Expense reimbursement claim ER-3391 | Claimant: Brown, Tia | Cost centre: Physiotherapy | Merchant: OFFICEWORKS 0311 | Item: Brother TN-2450 toner black | Amount: $89.00 | Reason: printer ran out | Receipt: attached',
      kept: ['BROTHER', 'TONER', 'BLACK'],
      gone: ['EXPENSE', 'CLAIMANT', 'BROWN', 'PHYSIOTHERAPY', 'OFFICEWORKS', 'PRINTER', 'RECEIPT'],
    },
    {
      layout: 'research core order form: PI, lab and chartstring out; vendor, catalogue number and description kept',
      line: 'GENOMICS CORE - STOCKROOM ORDER FORM | PI: Dr R. Ahmed | Lab: Neurogenetics | Chartstring: 20110-NSF-BIO | Vendor: Thermo Fisher | Cat#: AM9937 | Description: UltraPure distilled water 500 mL | Qty: 2 | Unit: EA',
      kept: ['THERMO', 'AM9937', 'ULTRAPURE', 'WATER', '500'],
      gone: ['AHMED', 'NEUROGENETICS', 'CHARTSTRING', '20110NSF', 'STOCKROOM'],
    },
  ])('$layout', ({ line, kept, gone }) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, `${word} kept in ${words.join(' ')}`).toContain(word);
    for (const word of gone) expect(words, `${word} out of ${words.join(' ')}`).not.toContain(word);
  });
});

describe('guard rows: what the layouts do not reach', () => {
  test('a listed label with LINE in it is still read by its own entry (Line width is an attribute)', () => {
    const words = wordsOf('Item: Acme gel pen | Line width: 0.5 mm | Colour: blue');
    expect(words).toEqual(expect.arrayContaining(['GEL', 'PEN', 'BLUE']));
    expect(words.join(' ')).toMatch(/0 5 MM|MM/);
  });

  test('a product cell opening with a button word is no button (only a whole Approve / Reject cell is)', () => {
    const words = wordsOf('Theatre stock list | Return electrode pad adult, split | Ref E7507 | Qty: 5');
    expect(words).toEqual(expect.arrayContaining(['RETURN', 'ELECTRODE', 'PAD']));
  });

  test('a catalogue title without cells keeps a history or reply word', () => {
    expect(wordsOf('Acme order history binder A4')).toEqual(expect.arrayContaining(['HISTORY', 'BINDER']));
  });
});

describe('through the public API: one layout joins no products by its boilerplate', () => {
  const { verify } = matchingTestServer('item');

  test('two unrelated products of one AP hold queue are no candidates', async () => {
    const pair = await verify(
      { sourceId: 'T1', description: THREE_WAY('MOLNLYCKE MEPILEX BORDER 10X10', 'Mepilex Border foam dressing 10 x 10 cm') },
      { sourceId: 'T2', description: THREE_WAY('BROTHER TN2450 TONER BLK', 'Brother TN-2450 black toner cartridge') },
    );
    expect(pair.band).toBe('no-match');
  });

  test('two unrelated products of one approval workflow are no candidates', async () => {
    const pair = await verify(
      { sourceId: 'A1', description: APPROVAL('3M Tegaderm film dressing 6 x 7 cm, box of 100') },
      { sourceId: 'A2', description: APPROVAL('Coloplast SpeediCath male catheter CH 12') },
    );
    expect(pair.band).toBe('no-match');
  });

  test('two sizes of one dressing in one AP hold queue are two products', async () => {
    const pair = await verify(
      { sourceId: 'S1', description: THREE_WAY('MOLNLYCKE MEPILEX BORDER 10X10', 'Mepilex Border foam dressing 10 x 10 cm') },
      { sourceId: 'S2', description: THREE_WAY('MOLNLYCKE MEPILEX BORDER 15X15', 'Mepilex Border foam dressing 15 x 15 cm') },
    );
    expect(pair.band).not.toBe('auto-merge');
    expect(pair.hardRule?.name).toBe('attributeConflict');
  });

  test('two catheter sizes in one discrepancy report are two products', async () => {
    const pair = await verify(
      { sourceId: 'D1', description: DISCREPANCY('Coloplast SpeediCath male catheter CH 12') },
      { sourceId: 'D2', description: DISCREPANCY('Coloplast SpeediCath male catheter CH 14') },
    );
    expect(pair.band).not.toBe('auto-merge');
    expect(pair.hardRule?.name).toBe('attributeConflict');
  });

  test("a three-way-match exception meets the product's catalogue line", async () => {
    const pair = await verify(
      { sourceId: 'C1', description: THREE_WAY('MOLNLYCKE MEPILEX BORDER 10X10', 'Mepilex Border foam dressing 10 x 10 cm') },
      { sourceId: 'C2', description: 'Mepilex Border Flex foam dressing 10 x 10 cm, Mölnlycke' },
    );
    expect(pair.band).not.toBe('no-match');
  });

  test("a CRM call note's product meets the same product's order-history line", async () => {
    const pair = await verify(
      { sourceId: 'R1', description: CALL_NOTE('Coloplast SpeediCath male catheter CH 12') },
      { sourceId: 'R2', description: ORDER_HISTORY('CATHETER SPEEDICATH MALE CH12 COLOPLAST') },
    );
    expect(pair.band).not.toBe('no-match');
  });
});
