/**
 * Factories for supplier cluster-task tests through the public API: a vendor feed mapping that carries
 * identifiers and the country of an optional address, a sender that ingests made-up vendors from one
 * source and answers their golden ids, and a reader of the open cluster tasks.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { TaskView } from '../../../server/contracts/stewardship';
import { must } from '../must';
import type { TestServer } from '../testServer';
import { nameComparison, verifyPair, type ShownComparison, type VerifiedPair } from './matching';
import { ingest, publishMapping, startIngestServer, toNdjson } from './ingest';

/** A vendor feed: name, optional DUNS and NPI, and an optional address with its country. */
export const VENDOR_FEED_EXPRESSION = `{
  "sourceId": VENDOR_ID,
  "name": NAME,
  "duns": DUNS,
  "npi": NPI,
  "addresses": CITY ? [{ "purposes": ["main"], "line1": STREET, "city": CITY, "postalCode": POSTAL, "country": COUNTRY }]
}`;

export interface Vendor {
  name: string;
  duns?: string;
  npi?: string;
  street?: string;
  city?: string;
  postal?: string;
  country?: string;
}

/** A function that ingests vendors from one source (the feed mapping published for it) and returns each record's golden id. */
export function vendorSender(server: TestServer, idPrefix: string): (source: string, vendors: Vendor[]) => Promise<string[]> {
  let counter = 0;
  return async (source, vendors) => {
    const rows = vendors.map((vendor) => {
      counter += 1;
      return {
        VENDOR_ID: `${idPrefix}${String(counter).padStart(5, '0')}`,
        NAME: vendor.name,
        ...(vendor.duns ? { DUNS: vendor.duns } : {}),
        ...(vendor.npi ? { NPI: vendor.npi } : {}),
        ...(vendor.city ? { STREET: vendor.street, CITY: vendor.city, POSTAL: vendor.postal, COUNTRY: vendor.country } : {}),
      };
    });
    const response = await ingest(server, { source, domain: 'supplier', body: toNdjson(rows), contentType: 'application/x-ndjson' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.totals.exceptions, response.text).toBe(0);
    return response.body.records.map((record) => record.goldenId as string);
  };
}

/** The open supplier cluster tasks. */
export async function openClusterTasks(server: TestServer): Promise<TaskView[]> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items;
}

/** The open supplier cluster task that lists a golden record as a member (undefined when none). */
export async function clusterTaskOf(server: TestServer, goldenId: string | undefined): Promise<TaskView | undefined> {
  expect(goldenId).toBeDefined();
  return (await openClusterTasks(server)).find((task) => (task.members ?? []).some((member) => member.goldenId === goldenId));
}

/** A cluster task's member golden ids, sorted (empty for no task). */
export function memberIdsOf(task: TaskView | undefined): string[] {
  return (task?.members ?? []).map((member) => member.goldenId).sort();
}

/** A steward's decision on a cluster task (accept all, or reject) at the version read; answers the closed task. */
export async function decideClusterTask(
  server: TestServer,
  steward: string,
  task: TaskView | undefined,
  action: 'accept-cluster' | 'reject',
  reason: string,
): Promise<TaskView> {
  const response = await server.request<{ task: TaskView }>('POST', `/api/v1/tasks/${task?.id}/${action}`, {
    key: steward,
    body: { expectedVersion: task?.version, reason },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.task;
}

/** An ingest server with the vendor feed published for each source, a steward key and a vendor sender (ids `idPrefix…`). */
export async function startVendorServer(args: { sources: string[]; idPrefix: string }): Promise<{
  server: TestServer;
  steward: string;
  ingestVendors: (source: string, vendors: Vendor[]) => Promise<string[]>;
}> {
  const server = await startIngestServer();
  const steward = await server.createKey('steward', 'Dana Steward');
  for (const source of args.sources) await publishMapping(server, { source, domain: 'supplier', expression: VENDOR_FEED_EXPRESSION });
  return { server, steward, ingestVendors: vendorSender(server, args.idPrefix) };
}

/**
 * A test file's own vendor server (`startVendorServer`, plus `mappings` published into the supplier domain) started
 * before the file's tests and stopped after them, with its helpers bound to it: its steward key, `ingestVendors`, the cluster task of a
 * golden record, a steward's decision on a task, and two names scored through `POST /matching/verify`.
 */
export function vendorTestServer(args: { sources: string[]; idPrefix: string; mappings?: Array<{ source: string; expression: string }> }) {
  let started: Awaited<ReturnType<typeof startVendorServer>> | undefined;
  beforeAll(async () => {
    started = await startVendorServer(args);
    for (const mapping of args.mappings ?? []) await publishMapping(started.server, { ...mapping, domain: 'supplier' });
  });
  afterAll(async () => started?.server.stop());
  const current = () => must(started, 'the vendor test server');
  const server = (): TestServer => current().server;
  return {
    server,
    steward: (): string => current().steward,
    ingestVendors: (source: string, vendors: Vendor[]): Promise<string[]> => current().ingestVendors(source, vendors),
    clusterTaskOf: (goldenId: string | undefined): Promise<TaskView | undefined> => clusterTaskOf(server(), goldenId),
    decide: (task: TaskView | undefined, action: 'accept-cluster' | 'reject', reason: string): Promise<TaskView> =>
      decideClusterTask(server(), current().steward, task, action, reason),
    verified: (a: string, b: string): Promise<VerifiedPair> =>
      verifyPair({ server: server(), domain: 'supplier', a: { name: a }, b: { name: b } }),
    compareNames: (a: string, b: string): Promise<ShownComparison | undefined> =>
      nameComparison({ server: server(), domain: 'supplier', a, b }),
  };
}
