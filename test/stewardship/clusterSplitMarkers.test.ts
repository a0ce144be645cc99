/**
 * The supplier rules' name-marker split rules (supplier-3.15.0, `clusterReview.splitWhen[].marker`), through the public
 * ingest API with made-up vendors: a trading subsidiary (`X Trading AD`) is never in the cluster task of its parent's
 * spellings, while `trading as` (a trade name of the same company) does not split; a German limited partnership
 * (`X GmbH & Co. KG`) is never in the task of a GmbH of the same name at another address or without one (at one address
 * the GmbH is the KG written short: a fixture in clusterGraph.test.ts), and a name without a legal form that resembles
 * both joins neither. The cluster task that remains is still accepted, split and rejected as before.
 */
import { describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { memberIdsOf as memberIds, vendorTestServer } from '../support/factories/vendors';

const { server, steward, ingestVendors, clusterTaskOf } = vendorTestServer({ sources: ['erp', 'tender', 'pcard'], idPrefix: 'M' });

const sofia = { street: '16 Iliensko Shose Str.', city: 'Sofia', postal: '1220', country: 'BG' };

describe('a trading subsidiary is not in its parent\u2019s cluster task (tradingSubsidiary)', () => {
  test('X Trading AD stays out of the task of X AD\u2019s spellings; the task is accepted without it', async () => {
    const [plain, tender] = await ingestVendors('erp', [{ name: 'Kestrava Pharma AD', ...sofia }, { name: 'KESTRAVA PHARMA AD' }]);
    expect(memberIds(await clusterTaskOf(plain))).toEqual([plain, tender].sort());
    // Probability 0.64 with each spelling and nothing else alike: without the rule it would attach to the task.
    const [trading] = await ingestVendors('pcard', [{ name: 'Kestrava Pharma Trading AD' }]);
    expect(await clusterTaskOf(trading)).toBeUndefined();
    const task = await clusterTaskOf(plain);
    expect(memberIds(task)).toEqual([plain, tender].sort());

    const accepted = await server().request<{ task: TaskView; retiredIds: string[] }>('POST', `/api/v1/tasks/${task?.id}/accept-cluster`, {
      key: steward(),
      body: { expectedVersion: task?.version, reason: 'One manufacturer, two spellings' },
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.task).toMatchObject({ status: 'closed', resolution: 'merged' });
    expect(accepted.body.retiredIds).toHaveLength(1);
    const golden = await server().request<{ id: string; status: string }>('GET', `/api/v1/golden/supplier/${trading}`);
    expect(golden.status, golden.text).toBe(200);
    expect(golden.body.status).toBe('active');
  });

  test('a record that says `trading as` names the same company: it joins', async () => {
    const [plain, upper] = await ingestVendors('erp', [{ name: 'Dorrance Optics Ltd' }, { name: 'DORRANCE OPTICS LTD' }]);
    const [tradingAs] = await ingestVendors('tender', [{ name: 'Dorrance Optics Ltd trading as Dorrance' }]);
    expect(memberIds(await clusterTaskOf(plain))).toEqual([plain, upper, tradingAs].sort());
  });
});

describe('a GmbH & Co. KG and a GmbH of one name are two tasks (limitedPartnershipAndPartner)', () => {
  const berlin = { street: 'Mariendorfer Damm 160', city: 'Berlin', postal: '12107', country: 'DE' };
  const hamburg = { street: 'Wandsbeker Zollstrasse 87', city: 'Hamburg', postal: '22041', country: 'DE' };

  test('the same family name in two cities: each company\u2019s spellings stay apart; split and reject still work', async () => {
    const [gmbh, gmbhUmlaut] = await ingestVendors('erp', [
      { name: 'Haberle Medizintechnik GmbH', ...berlin },
      { name: 'Häberle Medizintechnik GmbH' },
    ]);
    const [kg, kgUpper] = await ingestVendors('tender', [
      { name: 'Häberle Medizintechnik GmbH & Co. KG', ...hamburg },
      { name: 'HABERLE MEDIZINTECHNIK GMBH + CO KG' },
    ]);
    const gmbhTask = await clusterTaskOf(gmbh);
    expect(memberIds(gmbhTask)).toEqual([gmbh, gmbhUmlaut].sort());
    const kgTask = await clusterTaskOf(kg);
    expect(memberIds(kgTask)).toEqual([kg, kgUpper].sort());

    // A name without a legal form or address resembles both companies: nothing says which it is, so it joins neither.
    const [formless] = await ingestVendors('pcard', [{ name: 'HABERLE MEDIZINTECHNIK' }]);
    expect(await clusterTaskOf(formless)).toBeUndefined();
    expect(memberIds(await clusterTaskOf(gmbh))).toEqual([gmbh, gmbhUmlaut].sort());

    const current = await clusterTaskOf(kg);
    const split = await server().request<{ task: TaskView; pairs: number }>('POST', `/api/v1/tasks/${current?.id}/split`, {
      key: steward(),
      body: { expectedVersion: current?.version, goldenIds: [kgUpper], reason: 'Keyed from another register entry' },
    });
    expect(split.status, split.text).toBe(200);
    expect(split.body.task).toMatchObject({ status: 'closed', resolution: 'not-a-match' });
    const other = await clusterTaskOf(gmbh);
    const rejected = await server().request<{ task: TaskView }>('POST', `/api/v1/tasks/${other?.id}/reject`, {
      key: steward(),
      body: { expectedVersion: other?.version, reason: 'Two branches kept apart' },
    });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.task).toMatchObject({ status: 'closed', resolution: 'not-a-match' });
  });
});
