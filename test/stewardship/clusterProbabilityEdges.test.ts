/**
 * The supplier rules' `similarNameNoAddressConflict` cluster edge (supplier-3.10.0), through the public ingest
 * API with made-up vendors: a name that differs from another only a little (name 0.95–0.96: a letter dropped from
 * one word and another word in its French spelling; a trailing country word after the legal form scores 0.97 since
 * supplier-3.9.0, so it meets the older `sameNameNoIdentifier` edge) links the two into one cluster task when nothing else says two vendors — but not when the pair's match
 * probability is below the rule's `probabilityAtLeast` (an NPI that differs), nor when another record of one
 * golden record has an address that contradicts (`unless`), nor at one identical address (a parent and its
 * subsidiary at one head office are named so).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { publishMapping, startIngestServer } from '../support/factories/ingest';
import { VENDOR_FEED_EXPRESSION, openClusterTasks, vendorSender } from '../support/factories/vendors';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
let ingestVendors: ReturnType<typeof vendorSender>;

beforeAll(async () => {
  server = await startIngestServer();
  for (const source of ['erp', 'ungm', 'ariba'])
    await publishMapping(server, { source, domain: 'supplier', expression: VENDOR_FEED_EXPRESSION });
  ingestVendors = vendorSender(server, 'P');
});
afterAll(async () => server?.stop());

async function clusterTaskOf(goldenId: string | undefined): Promise<TaskView | undefined> {
  expect(goldenId).toBeDefined();
  return (await openClusterTasks(server)).find((task) => (task.members ?? []).some((member) => member.goldenId === goldenId));
}

describe('similar names with nothing against them (similarNameNoAddressConflict)', () => {
  test('a name spelled a little differently joins the cluster task of the other spellings, and the edge names its rule', async () => {
    const [plain, umlaut] = await ingestVendors('erp', [{ name: 'Tallmoor Scientific OU' }, { name: 'TALLMOOR SCIENTIFIC OÜ' }]);
    const [variant] = await ingestVendors('ungm', [{ name: 'Tallmor Scientifique OU' }]);
    const task = await clusterTaskOf(variant);
    expect(task?.members?.map((member) => member.goldenId).sort()).toEqual([plain, umlaut, variant].sort());
    const edgesOfVariant = (task?.edges ?? []).filter((edge) => edge.a === variant || edge.b === variant);
    expect(edgesOfVariant.length).toBeGreaterThan(0);
    for (const edge of edgesOfVariant) expect(edge.rule).toBe('similarNameNoAddressConflict');
    // Its pairwise review went into the cluster task: the evidence per member is on the task's edges.
    expect(at(edgesOfVariant, 0).score).toBeGreaterThanOrEqual(0.6);
  });

  test('two records alone are one cluster task', async () => {
    const [a, b] = await ingestVendors('erp', [{ name: 'Wexcombe Scientific OU' }, { name: 'Wexcomb Scientifique OU' }]);
    const task = await clusterTaskOf(a);
    expect(task?.members?.map((member) => member.goldenId).sort()).toEqual([a, b].sort());
  });

  test('a match probability below the rule\u2019s probabilityAtLeast (two different NPIs) is no link', async () => {
    const [a, b] = await ingestVendors('erp', [
      { name: 'Ellerby Scientific OU', npi: '1245319599' },
      { name: 'Ellerbey Scientifique OU', npi: '1679576722' },
    ]);
    expect(a).not.toBe(b);
    expect(await clusterTaskOf(a)).toBeUndefined();
    expect(await clusterTaskOf(b)).toBeUndefined();
  });

  test('another record of a golden record with an address that contradicts keeps the name from linking', async () => {
    // Two records of one vendor, merged on their DUNS: one in Tallinn, one without an address.
    const [registered, noAddress] = await ingestVendors('erp', [
      { name: 'Brennock Scientific OU', duns: '150483782', street: 'Parnu mnt 10', city: 'Tallinn', postal: '10148', country: 'EE' },
      { name: 'BRENNOCK SCIENTIFIC OU', duns: '150483782' },
    ]);
    expect(noAddress).toBe(registered);
    // A similar name in Tartu: similar enough to the record without an address, but the vendor as a whole is in Tallinn.
    const [tartu] = await ingestVendors('ariba', [
      { name: 'Brenock Scientifique OU', street: 'Riia 181', city: 'Tartu', postal: '51014', country: 'EE' },
    ]);
    expect(tartu).not.toBe(registered);
    expect(await clusterTaskOf(tartu)).toBeUndefined();
  });

  test('one identical address is no link (a parent and its subsidiary at one head office)', async () => {
    const office = { street: '1 Harbour Rd', city: 'Tallinn', postal: '10111', country: 'EE' };
    const [parent, subsidiary] = await ingestVendors('erp', [
      { name: 'Quenby Scientific OU', ...office },
      { name: 'Quenbey Scientifique OU', ...office },
    ]);
    expect(parent).not.toBe(subsidiary);
    expect(await clusterTaskOf(subsidiary)).toBeUndefined();
  });
});
