/**
 * Item recall across sources that share few words (items22recall, item-3.46.0 — 3.45.0 on its branch), through the public API
 * (`POST /matching/verify`):
 * - agreeing dimensions (`11 x 100 mm`, `6 x 6 in`) weigh as an agreeing drug strength (level `agreeStrength`), one
 *   agreeing volume, gauge, length or sterility stays a weak agreement, and conflicting ones still conflict;
 * - the numbers of purchase orders, goods-received notes, returns, invoices, tickets and bins are no product codes:
 *   two products' lines of one goods receipt do not agree by them, and two sources' lines of one product do not
 *   conflict by them (text rewrite `transactionReferences`), while a maker's code in the same line still counts.
 * The products, documents and numbers here are not those of the evaluation corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withoutTransactionReferences } from '../../server/matching/transactionReferences';
import { startIngestServer } from '../support/factories/ingest';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

describe('item: agreeing dimensions are strong evidence, one agreeing measurement is not', () => {
  test.each<[string, string, string]>([
    ['dimensions in millimetres', 'Laparoscopic port 11 x 100 mm bladed', 'need a box of the 11 x 100mm bladed ports for theatre 3'],
    ['dimensions in inches', 'Foam dressing 6 x 6 in adhesive border', 'pt needs 6"x6" foam dressing with border changed q3 days'],
  ])('%s: agreeStrength', async (_, a, b) => {
    const explanation = await verifyPair({ server, domain: 'item', a: { description: a }, b: { description: b } });
    // Score 1 is the level agreeStrength; an agreement on no strong attribute scores 0.5 (level agree).
    expect(comparatorOf(explanation, 'attributes')).toMatchObject({ outcome: 'match', score: 1 });
  });

  test.each<[string, string, string]>([
    // Standard sizes are shared by a family's products: a syringe and a prefilled flush syringe of 10 mL, two 22G cannulas.
    ['one volume', 'Syringe 10 mL Luer lock', 'Saline flush syringe 10 mL'],
    ['one gauge', 'IV cannula 22G blue', 'Spinal needle 22G'],
    ['one length', 'Arm sling universal 16 in', 'Elbow support 41 cm'],
    ['one sterility', 'Gauze swab sterile', 'Sterile gauze swabs'],
  ])('%s: a weak agreement', async (_, a, b) => {
    const explanation = await verifyPair({ server, domain: 'item', a: { description: a }, b: { description: b } });
    expect(comparatorOf(explanation, 'attributes')).toMatchObject({ outcome: 'match', score: 0.5 });
  });

  test.each<[string, string, string]>([
    ['other dimensions', 'Laparoscopic port 11 x 100 mm bladed', 'Laparoscopic port 11 x 150 mm bladed'],
    ['another length', 'Arm sling universal 16 in', 'Arm sling universal 20 in'],
  ])('%s: still a conflict, never merged', async (_, a, b) => {
    const explanation = await verifyPair({ server, domain: 'item', a: { description: a }, b: { description: b } });
    expect(comparatorOf(explanation, 'attributes')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });
});

describe('item: transaction and bin numbers are no product codes', () => {
  test.each<[string, string]>([
    [
      'GRN 55120 | PO 7700123 L1 | SPACER DEVICE ADULT | REC\u2019D 10 EA | BIN RSP-02',
      'GRN 55120 | PO 7700123 L2 | SPACER DEVICE ADULT | REC\u2019D 10 EA | BIN RSP-02',
    ],
    ['P.O. #7700123 line 1: spacer device adult', 'Purchase order: 7700123 line 2: spacer device adult'],
  ])('two lines of one document share only its numbers: no code agreement (%s)', async (a, b) => {
    const explanation = await verifyPair({ server, domain: 'item', a: { description: a }, b: { description: b } });
    expect(comparatorOf(explanation, 'catalogInText')?.outcome).not.toBe('match');
  });

  test('a returns line and a goods receipt of one product: the document numbers do not conflict', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'item',
      a: { description: 'RMA 31-00417 | Volumatic spacer device adult | Qty 2 | Reason: damaged in transit' },
      b: { description: 'GRN 88213 | PO 7700552 L3 | VOLUMATIC SPACER DEVICE ADULT | REC\u2019D 10 EA' },
    });
    expect(comparatorOf(explanation, 'catalogInText')?.outcome).not.toBe('mismatch');
  });

  test('a maker code beside the document numbers still conflicts with another maker code', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'item',
      a: { description: 'GRN 55120 | PO 7700123 L1 | SPACER AB-4410 | REC\u2019D 10 EA' },
      b: { description: 'GRN 55120 | PO 7700123 L2 | SPACER AB-4420 | REC\u2019D 10 EA' },
    });
    expect(comparatorOf(explanation, 'catalogInText')?.outcome).toBe('mismatch');
  });

  test.each<[string, string]>([
    ['GRN 104500 | PO 4400123 L2 | mask', 'GRN  | PO  L2 | mask'],
    ['RMA 25-01234 | mask', 'RMA  | mask'],
    ['Invoice no. INV-2026-0042 | mask', 'Invoice no.  | mask'],
    ['Ticket #5521 INC0045123 new mouse', 'Ticket #   new mouse'],
    ['Loc: B-14-2 gauze 4x4', 'Loc:  gauze 4x4'],
    // Left alone: a dose route and frequency, a sharps bin's volume, a catalogue's order code, a Luer lock, no number.
    ['paracetamol 500mg PO q4h', 'paracetamol 500mg PO q4h'],
    ['SHARPS BIN 12L', 'SHARPS BIN 12L'],
    ['Order code: 4411 exam glove', 'Order code: 4411 exam glove'],
    ['syringe Luer lock 10 mL', 'syringe Luer lock 10 mL'],
    ['InvoiceLine 3 | Item name: mask | Invoiced quantity: 10', 'InvoiceLine 3 | Item name: mask | Invoiced quantity: 10'],
  ])('%s → %s', (text, expected) => {
    expect(withoutTransactionReferences(text)).toBe(expected);
  });
});
