/**
 * The supplier rules' legal-entity split rules of session 14 (supplier-3.18.0, `clusterReview.splitWhen`), through the
 * public ingest API with made-up vendors written in real-world conventions: a US corporation and an LLC of one name
 * (`corporationAndLlc`), a holding company beside its operating company (`holdingOrGroupAndOperatingCompany`), an East
 * Asian `Co., Ltd.` parent beside its US `Inc.` (`eastAsianCompanyAndUsCompany`) and a GmbH beside an AG of one name
 * (`gmbhAndAg`) are never in one cluster task; each entity's own spellings still are, and the tasks that remain are
 * accepted, split and rejected as before. Each test fails without its rule (the pairs below link by name alone).
 */
import { describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { memberIdsOf as memberIds, vendorTestServer } from '../support/factories/vendors';

const { server, steward, ingestVendors, clusterTaskOf, decide } = vendorTestServer({ sources: ['erp', 'sec', 'pcard'], idPrefix: 'L' });

describe('a corporation and an LLC of one name are two tasks (corporationAndLlc)', () => {
  const bridgewater = { street: '410 Crossing Boulevard', city: 'Bridgewater', postal: '08807', country: 'US' };

  test('the listed Inc and its operating LLC at one head office: each keeps its spellings; accept all still works', async () => {
    const [inc, incUpper] = await ingestVendors('sec', [
      { name: 'Norvane Therapeutics, Inc.', ...bridgewater },
      { name: 'NORVANE THERAPEUTICS INC' },
    ]);
    const [llc, llcDots] = await ingestVendors('erp', [
      { name: 'Norvane Therapeutics LLC', ...bridgewater },
      { name: 'NORVANE THERAPEUTICS L.L.C.' },
    ]);
    const incTask = await clusterTaskOf(inc);
    expect(memberIds(incTask)).toEqual([inc, incUpper].sort());
    expect(memberIds(await clusterTaskOf(llc))).toEqual([llc, llcDots].sort());

    expect(await decide(incTask, 'accept-cluster', 'One corporation, two spellings')).toMatchObject({
      status: 'closed',
      resolution: 'merged',
    });
    expect(memberIds(await clusterTaskOf(llc))).toEqual([llc, llcDots].sort());
  });
});

describe('a holding company is not in its operating company\u2019s task (holdingOrGroupAndOperatingCompany)', () => {
  const rosemont = { street: '9300 W. Higgins Road', city: 'Rosemont', postal: '60018', country: 'US' };

  test('X Holding Corp. stays out of the task of X, Inc.\u2019s spellings; split off still works', async () => {
    const [inc, incUpper, incSpaced] = await ingestVendors('erp', [
      { name: 'Quellmark Foods, Inc.', ...rosemont },
      { name: 'QUELLMARK FOODS INC' },
      { name: 'Q U E L L M A R K FOODS INC' },
    ]);
    // Same head office and probability 0.99 with the W-9 spelling: without the rule it joins the task as a lone look-alike.
    const [holding] = await ingestVendors('sec', [{ name: 'Quellmark Foods Holding Corp.', ...rosemont }]);
    expect(await clusterTaskOf(holding)).toBeUndefined();
    const task = await clusterTaskOf(inc);
    expect(memberIds(task)).toEqual([inc, incUpper, incSpaced].sort());

    const split = await server().request<{ task: TaskView; pairs: number }>('POST', `/api/v1/tasks/${task?.id}/split`, {
      key: steward(),
      body: { expectedVersion: task?.version, goldenIds: [incSpaced], reason: 'Typed with spaces by the scanner: checked apart' },
    });
    expect(split.status, split.text).toBe(200);
    // The two spellings left stay one open task; the holding company is still in none.
    expect(split.body.task.status).toBe('open');
    expect(memberIds(await clusterTaskOf(inc))).toEqual([inc, incUpper].sort());
    expect(await clusterTaskOf(holding)).toBeUndefined();
  });
});

describe('an East Asian Co., Ltd. and its US Inc. are two tasks (eastAsianCompanyAndUsCompany)', () => {
  test('the parent written with Co., Ltd. (no address) stays apart from the US subsidiary\u2019s spellings; reject still works', async () => {
    const [parent, parentUpper] = await ingestVendors('sec', [{ name: 'Tomizawa Seiyaku Co., Ltd.' }, { name: 'TOMIZAWA SEIYAKU CO LTD' }]);
    const [us, usUpper] = await ingestVendors('erp', [
      { name: 'Tomizawa Seiyaku Inc.', street: '200 Metro Boulevard', city: 'Nutley', postal: '07110', country: 'US' },
      { name: 'TOMIZAWA SEIYAKU INC' },
    ]);
    expect(memberIds(await clusterTaskOf(parent))).toEqual([parent, parentUpper].sort());
    const usTask = await clusterTaskOf(us);
    expect(memberIds(usTask)).toEqual([us, usUpper].sort());
    expect(await decide(usTask, 'reject', 'Checked: two vendors')).toMatchObject({ status: 'closed', resolution: 'not-a-match' });
  });
});

describe('a GmbH and an AG of one name are two tasks (gmbhAndAg)', () => {
  test('the group\u2019s AG and its sales GmbH keep their own spellings', async () => {
    const [ag, agUpper] = await ingestVendors('sec', [
      { name: 'Velbrandt Medical AG', street: 'Leopoldstrasse 250', city: 'München', postal: '80807', country: 'DE' },
      { name: 'VELBRANDT MEDICAL AG' },
    ]);
    const [gmbh, gmbhUpper] = await ingestVendors('erp', [{ name: 'Velbrandt Medical GmbH' }, { name: 'VELBRANDT MEDICAL GMBH' }]);
    expect(memberIds(await clusterTaskOf(ag))).toEqual([ag, agUpper].sort());
    expect(memberIds(await clusterTaskOf(gmbh))).toEqual([gmbh, gmbhUpper].sort());
  });
});

describe('a complete legal name with an extra word does not attach as a stray spelling (attachLoneMember unless)', () => {
  const osaka = { street: '2-3-18 Nakanoshima', city: 'Osaka', postal: '530-8288', country: 'JP' };

  test('X Medix Corporation beside X CORPORATION\u2019s task stays out; a spelling of X itself still attaches', async () => {
    const [parent, parentUpper] = await ingestVendors('erp', [{ name: 'Torvane Corporation', ...osaka }, { name: 'TORVANE CORPORATION' }]);
    expect(memberIds(await clusterTaskOf(parent))).toEqual([parent, parentUpper].sort());
    // Same city, the same legal suffix and a name that only partly agrees: a sister company, not a spelling.
    const [affiliate] = await ingestVendors('sec', [{ name: 'Torvane Medix Corporation', ...osaka }]);
    expect(await clusterTaskOf(affiliate)).toBeUndefined();
    const [remit] = await ingestVendors('pcard', [{ name: 'TORVANE CORP OSAKA' }]);
    expect(memberIds(await clusterTaskOf(parent))).toEqual([parent, parentUpper, remit].sort());
  });
});
