/**
 * Supplier names of session 26 (supplier-3.37.0): a numbered operating subsidiary's number (`X Corporation No. 3`,
 * `X Health 310, LLC`) against the parent's name or a sister's number is two companies, while two spellings of one
 * number (`No. 3` / `#3`) are one; and two names that share only a country's or territory's name (`Air X` / `Royal X`)
 * are different names. Every company here is made up; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { comparatorOf } from '../support/factories/matching';
import { clusterTaskOf as clusterTaskIn, memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, verified } = vendorTestServer({ sources: ['register', 'ledger', 'card'], idPrefix: 'S26-' });

describe('numbered operating subsidiaries (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // The number after the corporate form, against the parent's name.
    ['Harwell Corporation No. 3', 'Harwell Corporation'],
    ['HARWELL CORP NO 3', 'Harwell Corp.'],
    // The number before an LLC's form, against the parent corporation and against a sister's number.
    ['Dunmore Health 310, LLC', 'Dunmore Health, Inc.'],
    ['Dunmore Health 310, LLC', 'Dunmore Health 312, LLC'],
    ['DUNMORE HEALTH 310 LLC - RADIOLOGY SVCS', 'Dunmore Health 312 LLC'],
  ])('%s and %s: two legal persons, kept out of review', async (a, b) => {
    const explanation = await verified(a, b);
    expect(explanation.hardRule?.name).toBe('otherOperatingCompanyNumber');
    expect(explanation.band).toBe('no-match');
  });

  test.each<[string, string]>([
    // One number written two ways.
    ['Harwell Corporation No. 3', 'HARWELL CORP NO 3'],
    ['Harwell Corporation No. 3', 'Harwell Corp. #3'],
    ['Dunmore Health 310, LLC', 'DUNMORE HEALTH 310 LLC'],
    // An accounts-payable copy counter is no company number: the second record of one vendor.
    ['Kessler Supply LLC #2', 'Kessler Supply LLC'],
    ['KESSLER SUPPLY INC 2', 'Kessler Supply Inc'],
    // A number ending a name without a form is the subsidiary's written short, or a store number: it vetoes nothing.
    ['Dunmore Health 310', 'Dunmore Health 310, LLC'],
    ['Dunmore Health 310', 'Dunmore Health, Inc.'],
    ['THE BRIGHTWAY PHARMACY 0457', 'Brightway Pharmacy, Inc.'],
    // A store or suite number after a brand is not read.
    ['Brightway Pharmacy #1042', 'Brightway Pharmacy'],
    ['Kessler Medical Ste 200', 'Kessler Medical'],
  ])('%s and %s: no operating-company veto', async (a, b) => {
    expect((await verified(a, b)).hardRule?.name).not.toBe('otherOperatingCompanyNumber');
  });
});

describe('names alike only by a country or territory name (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // A small territory's airline, seafood exporter, utility and telecom are all named after it.
    ['Air Bermuda', 'Royal Bermuda Seafoods Ltd'],
    ['Gibraltar Power Authority', 'Kestrel (Gibraltar) Limited'],
    ['Kalaallit Nunaat Fisk A/S', 'Tele Kalaallit Nunaat A/S'],
    ['Faroe Islands Salmon P/F', 'Atlantic Faroe Islands Telecom'],
  ])('%s and %s: different names', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });

  test.each<[string, string]>([
    // Another word shared, exactly or nearly: compared as before.
    ['Bermuda Seafoods Ltd', 'Bermuda Seafood Limited'],
    ['Gibraltar Marine Minerals Ltd', 'Gibraltar Marine Mineral Resources'],
    ['Air Bermuda', 'AIR BERMUDA LTD'],
  ])('%s and %s: still alike', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')?.outcome).not.toBe('mismatch');
    expect(explanation.band).not.toBe('no-match');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test('a numbered subsidiary written `No. 3` and `#3` is one task', async () => {
    const [numbered] = await ingestVendors('register', [{ name: 'Harwell Corporation No. 3', city: 'Dayton', country: 'US' }]);
    const [short] = await ingestVendors('card', [{ name: 'Harwell Corp. #3' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), short))).toEqual([numbered, short].sort());
  });

  test('beside the parent, a `#3` (a copy counter or the subsidiary) is chained to neither', async () => {
    const [parent] = await ingestVendors('register', [{ name: 'Lomond Corporation', city: 'Akron', country: 'US' }]);
    const [numbered] = await ingestVendors('register', [{ name: 'Lomond Corporation No. 3', city: 'Akron', country: 'US' }]);
    const [short] = await ingestVendors('card', [{ name: 'Lomond Corp. #3' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), short))).not.toContain(parent);
    expect(memberIdsOf(await clusterTaskIn(server(), numbered))).not.toContain(parent);
  });

  test('two companies of one island that share only its name: no common task', async () => {
    const [airline] = await ingestVendors('ledger', [{ name: 'Air Bermuda', city: 'Hamilton', country: 'BM' }]);
    const [seafood] = await ingestVendors('ledger', [{ name: 'Royal Bermuda Seafoods Ltd', city: 'Hamilton', country: 'BM' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), seafood))).not.toContain(airline);
  });
});
