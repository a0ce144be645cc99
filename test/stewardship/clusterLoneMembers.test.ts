/**
 * The supplier rules' `attachLoneMember` (supplier-3.13.0), through the public ingest API with made-up vendors: a
 * vendor record that no cluster edge placed (a name with a trade word added: name 0.92, match probability 0.64, in
 * pairwise review with each spelling of the vendor) joins the cluster task of the spellings it resembles when it
 * resembles nothing else — A–B review, B–C edge covers A–C — and the edge that put it in names the rule. It stays in
 * pairwise review when it also resembles another golden record: one linked at review level (in the cluster graph) or
 * one of its index candidates at probability 0.1 or more (outside the graph); and a golden record of several source
 * records (merged on an identifier: a vendor in its own right, often a parent) never attaches.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { publishMapping, startIngestServer } from '../support/factories/ingest';
import {
  VENDOR_FEED_EXPRESSION,
  clusterTaskOf as clusterTaskIn,
  memberIdsOf as memberIds,
  vendorSender,
} from '../support/factories/vendors';
import type { TestServer } from '../support/testServer';

const ATTACH_RULE = 'onlyLookalikeOfOneCluster';

let server: TestServer;
let ingestVendors: ReturnType<typeof vendorSender>;

beforeAll(async () => {
  server = await startIngestServer();
  for (const source of ['erp', 'pcard', 'gpo'])
    await publishMapping(server, { source, domain: 'supplier', expression: VENDOR_FEED_EXPRESSION });
  ingestVendors = vendorSender(server, 'L');
});
afterAll(async () => server?.stop());

const clusterTaskOf = (goldenId: string | undefined): Promise<TaskView | undefined> => clusterTaskIn(server, goldenId);

async function openPairwiseTaskOf(goldenId: string | undefined): Promise<TaskView | undefined> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items.find((task) => task.subject?.goldenId === goldenId);
}

describe('a lone record that resembles one cluster and nothing else joins it (attachLoneMember)', () => {
  test('a name with a trade word joins the cluster task of the vendor\u2019s spellings; its edge names the rule', async () => {
    const [plain, umlaut] = await ingestVendors('erp', [{ name: 'Tallmoor Scientific OU' }, { name: 'TALLMOOR SCIENTIFIC OÜ' }]);
    expect(memberIds(await clusterTaskOf(plain))).toEqual([plain, umlaut].sort());
    const [sales] = await ingestVendors('pcard', [{ name: 'Tallmoor Scientific Sales OU' }]);
    const task = await clusterTaskOf(sales);
    expect(memberIds(task)).toEqual([plain, umlaut, sales].sort());
    const edgesOfSales = (task?.edges ?? []).filter((edge) => edge.a === sales || edge.b === sales);
    expect(edgesOfSales.map((edge) => edge.rule)).toEqual([ATTACH_RULE]);
    expect(edgesOfSales[0]?.score).toBeGreaterThanOrEqual(0.5);
    // Its pairwise review went into the cluster task.
    expect(await openPairwiseTaskOf(sales)).toBeUndefined();
  });

  test('the lone record may come first: it joins when the cluster forms around a record it resembles', async () => {
    const [sales] = await ingestVendors('pcard', [{ name: 'Harrowby Optics Sales OU' }]);
    const [plain] = await ingestVendors('erp', [{ name: 'Harrowby Optics OU' }]);
    expect(await clusterTaskOf(sales)).toBeUndefined();
    const [umlaut] = await ingestVendors('gpo', [{ name: 'HARROWBY OPTICS OÜ' }]);
    expect(memberIds(await clusterTaskOf(umlaut))).toEqual([plain, umlaut, sales].sort());
  });

  test('a record that also resembles another vendor at review level stays out (in the cluster graph)', async () => {
    const [plain, umlaut] = await ingestVendors('erp', [{ name: 'Brackley Dental OU' }, { name: 'BRACKLEY DENTAL OÜ' }]);
    const [other] = await ingestVendors('gpo', [{ name: 'Brackley Service OU' }]);
    const [lone] = await ingestVendors('pcard', [{ name: 'Brackley Dental Service OU' }]);
    expect(memberIds(await clusterTaskOf(plain))).toEqual([plain, umlaut].sort());
    expect(await clusterTaskOf(lone)).toBeUndefined();
    expect(await clusterTaskOf(other)).toBeUndefined();
    expect(await openPairwiseTaskOf(lone)).toBeDefined();
  });

  test('a golden record of several source records is a vendor in its own right, not a stray spelling: it stays out', async () => {
    const [parent, parentAgain] = await ingestVendors('erp', [
      { name: 'Orlick Acoustics OU', duns: '150483799' },
      { name: 'ORLICK ACOUSTICS OU', duns: '150483799' },
    ]);
    expect(parentAgain).toBe(parent);
    const [supply, supplyUmlaut] = await ingestVendors('gpo', [
      { name: 'Orlick Acoustics Supply OU' },
      { name: 'ORLICK ACOUSTICS SUPPLY OÜ' },
    ]);
    expect(memberIds(await clusterTaskOf(supply))).toEqual([supply, supplyUmlaut].sort());
    expect(await clusterTaskOf(parent)).toBeUndefined();
  });

  test('a record that also resembles an index candidate outside the graph (probability 0.1\u20130.5) stays out', async () => {
    const [plain, umlaut] = await ingestVendors('erp', [{ name: 'Penwick Surgical OU' }, { name: 'PENWICK SURGICAL OÜ' }]);
    // Resembles the lone record (probability 0.12) and not the cluster: no link, so the graph never holds it.
    const [instruments] = await ingestVendors('gpo', [{ name: 'Penwick Sales Instruments OU' }]);
    const [lone] = await ingestVendors('pcard', [{ name: 'Penwick Surgical Sales OU' }]);
    const task = await clusterTaskOf(plain);
    expect(memberIds(task)).toEqual([plain, umlaut].sort());
    expect(await clusterTaskOf(lone)).toBeUndefined();
    expect(await clusterTaskOf(instruments)).toBeUndefined();
  });
});
