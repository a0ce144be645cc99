/**
 * Supplier names of session 27 (supplier-3.38.0): another name a vendor record states in brackets without a relation
 * word — the legal name of the company that bills after the name a payer knows (`Brand (Legal Name Co.)`), a brand or
 * trade name after the legal name — is a related name of
 * the record, compared strictly: a review, never an auto-merge, and never a qualifier, a place or a sister's name.
 * Every company here is made up; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { comparatorOf } from '../support/factories/matching';
import { clusterTaskOf as clusterTaskIn, memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, verified } = vendorTestServer({ sources: ['register', 'billpay', 'card'], idPrefix: 'S27-' });

describe('a name stated in brackets (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // A bill-pay or portal name: the name a payer knows, the billing company's legal name in brackets.
    ['Brightwater Energy (Calloway Electric Power Co.)', 'Calloway Electric Power Company'],
    ['Northmoor Power (Calloway Electric and Gas Company)', 'CALLOWAY ELECTRIC & GAS CO'],
    ['Tallis Water (Uisce Tallis)', 'Uisce Tallis'],
    ['Harrowgate Energy (Kelby Public Power Authority)', 'Kelby Public Power Authority'],
    // The legal name with `d/b/a` left at the bracket's end: the bracket trades as the name outside.
    ['Brightwater Energy (Calloway Electric Co d/b/a)', 'Calloway Electric Co'],
  ])('%s and %s: reviewed, not merged', async (a, b) => {
    const explanation = await verified(a, b);
    expect(explanation.band).toBe('review');
    expect(comparatorOf(explanation, 'name')?.score).toBeLessThan(1);
  });

  test.each<[string, string]>([
    // A qualifier or a place in brackets says nothing about another company of that name.
    ['Kessler Logistics (North America)', 'Dunmore North America Inc'],
    ['Kessler Logistics (Ontario)', 'Ontario Freight Lines Inc'],
    // Two sister utilities of one holding: one distinctive word apart among shared generic words.
    ['Brightwater Energy (Calloway Power and Light)', 'Dunmore Power & Light Co'],
    // An initialism after a name is not read: it meets another organisation's initialism as readily as its own.
    ['Calloway Regional Supply Distributors LLC (CRSD)', 'Coldwater Ridge Steel & Dye LLC'],
    // A note, not a name.
    ['Kessler Logistics (remit to PO Box 4410)', 'PO Box Services Inc'],
  ])('%s and %s: not read as one name', async (a, b) => {
    expect((await verified(a, b)).band).toBe('no-match');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test('a bill-pay name with the legal name in brackets joins the legal name in one task', async () => {
    const [legal] = await ingestVendors('register', [{ name: 'Calloway Electric Power Company', city: 'Dayton', country: 'US' }]);
    const [billPay] = await ingestVendors('billpay', [{ name: 'Brightwater Energy (Calloway Electric Power Co.)' }]);
    const task = await clusterTaskIn(server(), billPay);
    expect(task).toBeDefined();
    expect(memberIdsOf(task)).toContain(legal);
  });

  test('one brand written with two operating companies in brackets is two tasks', async () => {
    const [east] = await ingestVendors('billpay', [{ name: 'Marlowe Telecom (Dakota East)' }]);
    const [west] = await ingestVendors('billpay', [{ name: 'Marlowe Telecom (Dakota West)' }]);
    const [eastLegal] = await ingestVendors('register', [{ name: 'Marlowe Telecom Dakota East, LLC', city: 'Fargo', country: 'US' }]);
    const task = await clusterTaskIn(server(), east);
    expect(memberIdsOf(task)).not.toContain(west);
    expect(memberIdsOf(await clusterTaskIn(server(), eastLegal))).not.toContain(west);
  });
});
