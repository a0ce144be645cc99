/**
 * The supplier rules' split rules of session 15 (supplier-3.21.0, `clusterReview.splitWhen` with `compare: "values"`),
 * through the public ingest API with made-up vendors written in real-world conventions: two Canadian numbered
 * companies whose numbers differ by a transposition (`numberedCompany`), one utility name incorporated in two states
 * (`otherStateOfIncorporation`) and a Slovenian d.o.o. beside a Tunisian company of one short brand
 * (`otherJurisdictionOfLegalForm`) are never in one cluster task; each entity's own spellings still are, and the tasks
 * that remain are accepted, split and rejected as before. Each pair below links by name alone (one cluster task
 * without the rule); the tests fail without their rule.
 */
import { describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { memberIdsOf as memberIds, vendorTestServer } from '../support/factories/vendors';

const { server, steward, ingestVendors, clusterTaskOf, decide } = vendorTestServer({
  sources: ['erp', 'registry', 'pcard'],
  idPrefix: 'J',
});

describe('two numbered companies are two tasks when their numbers differ (numberedCompany)', () => {
  const mississauga = { street: '5800 Ambler Drive', city: 'Mississauga', postal: 'L4W 4J4', country: 'CA' };

  test('a transposed number is another company; accept all still merges one company\u2019s spellings only', async () => {
    const [first, firstAgain] = await ingestVendors('registry', [
      { name: '2417836 ONTARIO INC.', ...mississauga },
      { name: '2417836 Ontario Inc' },
    ]);
    const [second, secondAgain] = await ingestVendors('erp', [
      { name: '2417863 ONTARIO INC.', ...mississauga },
      { name: '2417863 Ontario Inc' },
    ]);
    const firstTask = await clusterTaskOf(first);
    expect(memberIds(firstTask)).toEqual([first, firstAgain].sort());
    expect(memberIds(await clusterTaskOf(second))).toEqual([second, secondAgain].sort());

    expect(await decide(firstTask, 'accept-cluster', 'One numbered company, two spellings')).toMatchObject({
      status: 'closed',
      resolution: 'merged',
    });
    expect(memberIds(await clusterTaskOf(second))).toEqual([second, secondAgain].sort());
  });
});

describe('one name incorporated in two states is two tasks (otherStateOfIncorporation)', () => {
  test('the Ohio and the Indiana company keep their own spellings; a record stating no state joins neither; split off still works', async () => {
    const [ohio, ohioUpper, ohioShort] = await ingestVendors('registry', [
      { name: 'Tri-County Water Company (Ohio)' },
      { name: 'TRI-COUNTY WATER COMPANY (OHIO)' },
      { name: 'Tri County Water Co. (Ohio)' },
    ]);
    const [indiana, indianaShort] = await ingestVendors('erp', [
      { name: 'Tri-County Water Company (Indiana)' },
      { name: 'TRI-COUNTY WATER CO (INDIANA)' },
    ]);
    const [bare] = await ingestVendors('pcard', [{ name: 'TRI-COUNTY WATER COMPANY' }]);
    const ohioTask = await clusterTaskOf(ohio);
    expect(memberIds(ohioTask)).toEqual([ohio, ohioUpper, ohioShort].sort());
    expect(memberIds(await clusterTaskOf(indiana))).toEqual([indiana, indianaShort].sort());
    expect(await clusterTaskOf(bare)).toBeUndefined();

    const split = await server().request<{ task: TaskView; pairs: number }>('POST', `/api/v1/tasks/${ohioTask?.id}/split`, {
      key: steward(),
      body: { expectedVersion: ohioTask?.version, goldenIds: [ohioShort], reason: 'Abbreviated spelling: checked apart' },
    });
    expect(split.status, split.text).toBe(200);
    expect(memberIds(await clusterTaskOf(ohio))).toEqual([ohio, ohioUpper].sort());
    expect(memberIds(await clusterTaskOf(indiana))).toEqual([indiana, indianaShort].sort());
  });
});

describe('a legal form of one country beside a company named for another country is two tasks (otherJurisdictionOfLegalForm)', () => {
  test('the Slovenian d.o.o. and the Tunisian company of one brand stay apart; reject still works', async () => {
    const [doo, dooCity] = await ingestVendors('registry', [
      { name: 'KORAL, D.O.O.', street: 'Letališka cesta 29', city: 'Ljubljana', postal: '1000', country: 'SI' },
      { name: 'KORAL DOO LJUBLJANA' },
    ]);
    const [tunis, tunisAgain] = await ingestVendors('erp', [{ name: 'KORAL (TUNISIE)' }, { name: 'KORAL (TUNISIA)' }]);
    expect(memberIds(await clusterTaskOf(doo))).toEqual([doo, dooCity].sort());
    const tunisTask = await clusterTaskOf(tunis);
    expect(memberIds(tunisTask)).toEqual([tunis, tunisAgain].sort());
    expect(await decide(tunisTask, 'reject', 'Checked: two vendors')).toMatchObject({ status: 'closed', resolution: 'not-a-match' });
  });

  test('a GmbH beside its own name with (Schweiz) is one task: the countries they stand for meet', async () => {
    const [swiss, plain] = await ingestVendors('registry', [{ name: 'Helvamed GmbH (Schweiz)' }, { name: 'HELVAMED GMBH' }]);
    expect(memberIds(await clusterTaskOf(swiss))).toEqual([swiss, plain].sort());
  });
});
