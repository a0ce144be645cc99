/**
 * Supplier names with a vendor master's own record id written into them (supplier-3.33.0; ledgerRecordIds.ts, read
 * through the name comparator's and name keys' `captionNames` param): NetSuite's `V20117 Name` entity display,
 * Business Central's `VEND-000123`, SAP's zero-padded vendor number, `100234 - NAME` list exports, Odoo's `[V0042] Name`
 * and an id after the name. The id numbers the source's record, never the company; a numbered company's number, a
 * name that starts with a number and a number inside a name are no such id. And a US state-law legal form against
 * another country's register form (`X GmbH` / `X Inc`), with nothing in common, is kept out of review (attribute and
 * comparator `legalFormJurisdiction`, hard rule `usAndForeignLegalForm`).
 * Every company here is made up; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { withoutLedgerRecordId } from '../../server/matching/ledgerRecordIds';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, clusterTaskOf, verified } = vendorTestServer({ sources: ['register', 'erp', 'bank'], idPrefix: 'S22-' });

describe('withoutLedgerRecordId: the name without the record id a vendor list writes into it', () => {
  test.each<[string, string | null]>([
    // Prefixed, auto-numbered ids before the name (NetSuite, Business Central, a German Kreditor number).
    ['V20417 Tolvarin Medical, Inc.', 'Tolvarin Medical, Inc.'],
    ['VEND-000123 Brenvik Surgical LLC', 'Brenvik Surgical LLC'],
    ['K100234 Quellan Medizintechnik GmbH', 'Quellan Medizintechnik GmbH'],
    ['V20417: Tolvarin Medical', 'Tolvarin Medical'],
    // A zero-padded ERP number field (SAP's ten-digit vendor number), a number with a separator, a bracketed id.
    ['0000100234 HARWELD SURGICAL SUPPLIES', 'HARWELD SURGICAL SUPPLIES'],
    ['100234 - Harweld Surgical Supplies', 'Harweld Surgical Supplies'],
    ['100234 | HARWELD SURGICAL', 'HARWELD SURGICAL'],
    ['[V0042] Keston Vale Ltd', 'Keston Vale Ltd'],
    // The id after the name.
    ['Keston Vale Ltd (V-00042)', 'Keston Vale Ltd'],
    ['KESTON VALE LTD - 100234', 'KESTON VALE LTD'],
    ['Keston Vale Ltd #100234', 'Keston Vale Ltd'],
    // No id: a numbered company's number is its whole name, and names that start or end with a number.
    ['2345678 Ontario Inc.', null],
    ['9876-5432 Québec inc.', null],
    ['614 298 313 PTY LTD', null],
    ['3M Company', null],
    ['1st Choice Medical Supply', null],
    ['A1 Surgical Ltd', null],
    ['B612 Diagnostics', null],
    ['Tolvarin Health 414, LLC', null],
    ['TOLVARIN MEDICAL INC 2', null],
    // An id with no name beside it stays as written.
    ['V20417', null],
    ['V20417 - 42', null],
  ])('%s → %s', (raw, expected) => {
    expect(withoutLedgerRecordId(raw)).toBe(expected);
  });
});

describe('through the public API (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['V20417 Tolvarin Medical, Inc.', 'TOLVARIN MEDICAL INC'],
    ['0000100234 HARWELD SURGICAL SUPPLIES', 'Harweld Surgical Supplies, LLC'],
    ['[V0042] Keston Vale Ltd', 'KESTON VALE LIMITED'],
  ])('%s = %s: the same name once the record id is out, put before a steward', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'match', score: 1 });
    expect(explanation.band).toBe('review');
  });

  test('two numbered companies stay two companies (the number is no record id)', async () => {
    const explanation = await verified('2345678 ONTARIO INC.', '2345687 ONTARIO INC.');
    expect(comparatorOf(explanation, 'numberedCompany')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });
});

describe('a US legal form against a foreign one (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Brenvik Medizintechnik GmbH', 'Brenvik Medizintechnik, Inc.'],
    ['KESTON VALE LTD', 'Keston Vale LLC'],
    ['Tolvarin Diagnostics AG', 'TOLVARIN DIAGNOSTICS INC'],
    ['Quellan Medical B.V.', 'Quellan Medical LLC'],
  ])('%s and %s: a US subsidiary and its parent or sister abroad, kept out of review', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'legalFormJurisdiction')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });

  test('two foreign forms (a Swiss company in German and French) stay before a steward', async () => {
    expect((await verified('Tolvarin Diagnostics AG', 'Tolvarin Diagnostics SA')).band).toBe('review');
  });

  test('`U.S.A.` ending a name is no S.A.: the same company with and without its Inc', async () => {
    const explanation = await verified('HARWELD IMAGING SOLUTIONS U.S.A.', 'Harweld Imaging Solutions U.S.A., Inc.');
    expect(comparatorOf(explanation, 'legalFormJurisdiction')?.outcome).not.toBe('mismatch');
    expect(explanation.band).toBe('review');
  });

  test('a shared country says otherwise: reviewed, not vetoed', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'Keston Vale Ltd', addresses: [{ country: 'US' }] },
      b: { name: 'KESTON VALE INC', addresses: [{ country: 'US' }] },
    });
    expect(explanation.band).toBe('review');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test("a vendor master's id-prefixed record joins the company's task; its sister with another name does not", async () => {
    const company = await ingestVendors('register', [
      { name: 'BRENVIK SURGICAL, LLC', street: '12 Mill Road', city: 'Dayton', postal: '45402', country: 'US' },
      { name: 'Brenvik Surgical LLC' },
    ]);
    const [listed] = await ingestVendors('erp', [{ name: 'V31077 Brenvik Surgical LLC' }]);
    const [sister] = await ingestVendors('erp', [{ name: 'V31078 Brenvik Orthopedics LLC' }]);
    const task = await clusterTaskOf(listed);
    expect(memberIdsOf(task)).toEqual([...company, listed].sort());
    expect(memberIdsOf(task)).not.toContain(sister);
  });
});
