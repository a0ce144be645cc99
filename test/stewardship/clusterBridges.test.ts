/**
 * A vendor name that says no country and no legal form ("BIOTRONIK" on a GPO roster) between a US
 * company and its parent abroad, through the public ingest API: the supplier rules' `splitWhen` rules
 * with `bridges: "leaveOut"` keep the two companies in two cluster tasks and the formless name in
 * neither — also when the record that rebuilds the cluster reaches only one side by its edges (a later
 * record of the parent abroad), because a candidate on the other side of such a split is gathered too.
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
  for (const source of ['erp', 'roster', 'ariba'])
    await publishMapping(server, { source, domain: 'supplier', expression: VENDOR_FEED_EXPRESSION });
  ingestVendors = vendorSender(server, 'B');
});
afterAll(async () => server?.stop());

describe('a name that could be either of two split companies', () => {
  test('joins neither cluster task, also when a later record of one side rebuilds its cluster', async () => {
    const us = await ingestVendors('erp', [
      { name: 'Biotronik, Inc.', street: '6024 Jean Rd', city: 'Lake Oswego', postal: '97035', country: 'US' },
      { name: 'BIOTRONIK INC', street: 'PO Box 512345', city: 'Los Angeles', postal: '90051', country: 'US' },
    ]);
    const abroad = await ingestVendors('erp', [
      { name: 'Biotronik SE & Co. KG', street: 'Woermannkehre 1', city: 'Berlin', postal: '12359', country: 'DE' },
      { name: 'BIOTRONIK SE & CO KG', street: 'Postfach 470120', city: 'Berlin', postal: '12310', country: 'DE' },
    ]);
    const [roster] = await ingestVendors('roster', [{ name: 'Biotronik' }]);
    // A later record of the parent abroad: its edges reach the parent's records and the roster name only.
    const later = await ingestVendors('ariba', [
      { name: 'Biotronik SE & Co KG', street: 'Woermannkehre 1', city: 'Berlin', postal: '12359', country: 'DE' },
    ]);

    const tasks = await openClusterTasks(server);
    const taskOf = (goldenId: string | undefined) => tasks.find((task) => (task.members ?? []).some((m) => m.goldenId === goldenId));
    // The formless name is in no cluster task: nothing says which company it names.
    expect(taskOf(roster)).toBeUndefined();
    // The US company's two records are one task; no task holds records of both companies.
    expect(taskOf(at(us, 0))?.id).toBeDefined();
    expect(taskOf(at(us, 0))?.id).toBe(taskOf(at(us, 1))?.id);
    const abroadIds = new Set([...abroad, ...later]);
    for (const task of tasks) {
      const members = (task.members ?? []).map((m) => m.goldenId);
      expect(members.some((id) => us.includes(id)) && members.some((id) => abroadIds.has(id))).toBe(false);
    }
    // It still reaches a steward: pairwise potential-match tasks name it with the companies' records.
    const pairwise = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match&limit=200');
    expect(pairwise.status, pairwise.text).toBe(200);
    const mentioned = pairwise.body.items.filter(
      (task) => task.subject?.goldenId === roster || (task.candidates ?? []).some((c) => c.goldenId === roster),
    );
    expect(mentioned.length).toBeGreaterThan(0);
  });

  test('a name that joined one cluster first leaves it when the other company arrives, and is reviewed pairwise again', async () => {
    const us = await ingestVendors('erp', [
      { name: 'Hamilton Medical, Inc.', street: '4990 Energy Way', city: 'Reno', postal: '89502', country: 'US' },
      { name: 'HAMILTON MEDICAL INC', street: 'PO Box 845123', city: 'Dallas', postal: '75284', country: 'US' },
    ]);
    const [roster] = await ingestVendors('roster', [{ name: 'Hamilton Medical' }]);
    const taskOf = async (goldenId: string | undefined) =>
      (await openClusterTasks(server)).find((task) => (task.members ?? []).some((m) => m.goldenId === goldenId));
    // Only the US company is known: the roster name is one of its spellings, in its cluster task.
    expect((await taskOf(roster))?.id).toBe((await taskOf(at(us, 0)))?.id);

    await ingestVendors('erp', [
      { name: 'Hamilton Medical AG', street: 'Via Crusch 8', city: 'Bonaduz', postal: '7402', country: 'CH' },
      { name: 'HAMILTON MEDICAL AG', street: 'Postfach 26', city: 'Bonaduz', postal: '7402', country: 'CH' },
    ]);
    // Now it could be either company: it leaves the task, which keeps the two US records…
    expect(await taskOf(roster)).toBeUndefined();
    expect((await taskOf(at(us, 0)))?.id).toBe((await taskOf(at(us, 1)))?.id);
    // …and its pairwise review comes back, with the US records among the candidates.
    const pairwise = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match&limit=200');
    expect(pairwise.status, pairwise.text).toBe(200);
    const own = pairwise.body.items.find((task) => task.subject?.goldenId === roster);
    expect(own?.candidates?.map((c) => c.goldenId)).toEqual(expect.arrayContaining(us));
  });
});

describe('two Latin-American legal forms of one name (supplier-3.7.0 otherLatinLegalForm split)', () => {
  test('an S.A. de C.V. and an S. de R.L. de C.V. at two addresses are two cluster tasks', async () => {
    const sa = await ingestVendors('erp', [
      {
        name: 'INSUMOS QUIRURGICOS DEL BAJIO, S.A. DE C.V.',
        street: 'Blvd. Adolfo Lopez Mateos 1020',
        city: 'Leon',
        postal: '37000',
        country: 'MX',
      },
      { name: 'INSUMOS QUIRURGICOS DEL BAJIO SA DE CV', street: 'Apartado Postal 118', city: 'Leon', postal: '37001', country: 'MX' },
    ]);
    const rl = await ingestVendors('erp', [
      {
        name: 'INSUMOS QUIRURGICOS DEL BAJIO, S. DE R.L. DE C.V.',
        street: 'Av. Industrial 55',
        city: 'Celaya',
        postal: '38010',
        country: 'MX',
      },
      { name: 'INSUMOS QUIRURGICOS DEL BAJIO S DE RL DE CV', street: 'Av. Industrial 55', city: 'Celaya', postal: '38010', country: 'MX' },
    ]);
    const tasks = await openClusterTasks(server);
    const mixed = tasks.filter((task) => {
      const members = (task.members ?? []).map((m) => m.goldenId);
      return members.some((id) => sa.includes(id)) && members.some((id) => rl.includes(id));
    });
    expect(mixed).toEqual([]);
  });
});
