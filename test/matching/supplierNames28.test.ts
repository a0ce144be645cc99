/**
 * Supplier names of session 28 (supplier-3.39.0): a public body's two official names in two languages (table
 * bilingualOrganisationNames: te reo Māori / English, Welsh / English, Irish / English, French / English), read as names
 * the record states and compared strictly (a review, never an automatic merge on the row alone); a former name in
 * brackets written `(ex-Y)` or `(formerly: Y)`; a department after `Company` / `Co` and a dash; a holding word and another
 * legal form kept out of review at one registered office too. The public bodies are the
 * table's own rows (chosen outside the corpora); every company is made up.
 */
import { describe, expect, test } from 'vitest';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import { clusterTaskOf as clusterTaskIn, memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, verified } = vendorTestServer({ sources: ['register', 'directory', 'payments'], idPrefix: 'S28-' });

describe('a public body under its two official names (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // te reo Māori and English, with and without macrons, and the doubled-vowel spelling of a long vowel.
    ['Toitū Te Whenua', 'Land Information New Zealand'],
    ['TOITU TE WHENUA', 'Land Information New Zealand'],
    ['Toituu Te Whenua', 'Land Information New Zealand'],
    ['Waka Kotahi', 'New Zealand Transport Agency'],
    // Both names joined by a dash: the record is each of them.
    ['Te Whatu Ora - Health New Zealand', 'Te Whatu Ora'],
    ['Te Whatu Ora – Health New Zealand', 'Health New Zealand'],
    // Welsh, Irish and French names of other bilingual jurisdictions' bodies.
    ['Llywodraeth Cymru', 'Welsh Government'],
    ['Feidhmeannacht na Seirbhíse Sláinte', 'Health Service Executive'],
    ['Santé Canada', 'Health Canada'],
  ])('%s and %s: reviewed, not merged', async (a, b) => {
    const explanation = await verified(a, b);
    expect(explanation.band).toBe('review');
    expect(comparatorOf(explanation, 'name')?.score).toBeLessThan(1);
  });

  test.each<[string, string]>([
    // A generic English name is listed with its country: another country's ministry is not the row's.
    ['Manatū Hauora', 'Ministry of Health Malaysia'],
    // A body's name inside a company's name is no name of the body.
    ['Waka Kotahi', 'Kotahi Freight Logistics Ltd'],
    ['Santé Canada', 'Santé Plus Canada Inc'],
  ])('%s and %s: not read as one body', async (a, b) => {
    expect((await verified(a, b)).band).toBe('no-match');
  });
});

describe('a former name in brackets and a department after the company (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Quorvex (ex-Harlan Vending Services)', 'Harlan Vending Services'],
    ['Quorvex Ltd (formerly: Harlan Vending Services Ltd)', 'HARLAN VENDING SERVICES LIMITED'],
  ])('%s states %s: reviewed, not merged', async (a, b) => {
    const explanation = await verified(a, b);
    expect(explanation.band).toBe('review');
  });

  test('a department after the company name and a dash is not part of the name', async () => {
    const explanation = await verified('Brannock Elevator Co - Service', 'BRANNOCK ELEVATOR COMPANY');
    expect(comparatorOf(explanation, 'name')?.score).toBeGreaterThanOrEqual(0.9);
  });

  test('a brand written without its outsourced-service words is reviewed against the legal name', async () => {
    const explanation = await verified('Thornbury', 'THORNBURY WASTE SERVICES LIMITED');
    expect(explanation.band).toBe('review');
    expect(comparatorOf(explanation, 'name')?.score).toBeLessThan(1);
  });

  test('a state after the dash names the operating company of that state, not a department', async () => {
    const explanation = await verified('Dunmore Power Co - Wisconsin', 'Dunmore Power Co - Minnesota');
    expect(comparatorOf(explanation, 'name')?.score ?? 0).toBeLessThan(1);
  });

  test('another company after the dash is not read as a department', async () => {
    const explanation = await verified('Brannock Elevator Co - Harwick Lifts Ltd', 'BRANNOCK ELEVATOR COMPANY');
    expect(comparatorOf(explanation, 'name')?.score ?? 0).toBeLessThan(0.9);
  });
});

describe('a holding company and its operating company at one registered office (POST /matching/verify)', () => {
  const office = { line1: '4 Fenwick Court', city: 'Reading', postalCode: 'RG1 2AB', country: 'GB' };

  test('a holding word and another legal form at one address: two registrations, kept out of review', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'Carrick Facilities Group plc', addresses: [office] },
      b: { name: 'Carrick Facilities Limited', addresses: [office] },
    });
    expect(explanation.hardRule?.name).toBe('holdingWordAndOtherLegalSuffix');
    expect(explanation.band).toBe('no-match');
  });

  test('one legal form written two ways at one address is still one company', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'Carrick Facilities Limited', addresses: [office] },
      b: { name: 'CARRICK FACILITIES LTD', addresses: [office] },
    });
    expect(explanation.band).not.toBe('no-match');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test('a directory record under the Māori name meets the register record under the English name', async () => {
    const [english] = await ingestVendors('register', [{ name: 'Land Information New Zealand', city: 'Wellington', country: 'NZ' }]);
    const [maori] = await ingestVendors('directory', [{ name: 'Toitū Te Whenua', city: 'Wellington', country: 'NZ' }]);
    const task = await clusterTaskIn(server(), maori);
    expect(task).toBeDefined();
    expect(memberIdsOf(task)).toContain(english);
  });
});
