/**
 * kill -9 of the server while a delivery is in flight loses nothing: the restarted server sends the
 * same message again with the same webhook-id, and the receiver accepts it exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startReceiver, waitFor, type WebhookReceiver } from '../support/webhookReceiver';

const ADMIN_KEY = 'mdm_test_admin_key_0123456789abcdef';
const children: ChildProcess[] = [];
let receiver: WebhookReceiver;
let dataDir: string;

/** Starts `npm start`'s entry point on the data directory and resolves with its base URL. */
function startServer(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../../server/main.ts')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      MDM_DATA_DIR: dataDir,
      MDM_ADMIN_KEY: ADMIN_KEY,
      MDM_SEED: 'false',
      LOG_LEVEL: 'error',
      MDM_EGRESS_ALLOW: '127.0.0.1',
      MDM_SYNC_INTERVAL_MS: '20',
      MDM_SYNC_RETRY_SCHEDULE_MS: '50,50,50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve({ child, baseUrl: `http://127.0.0.1:${match[1]}` });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

async function call<T>(baseUrl: string, method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-sync-crash-'));
  receiver = await startReceiver();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await receiver?.close();
  await rm(dataDir, { recursive: true, force: true });
});

// Two server start-ups in a child process: allow for a loaded machine (a guard against hanging, not a timing assertion).
test(
  'a delivery in flight when the server is killed is sent again after restart with the same webhook-id, accepted once',
  { timeout: 300_000 },
  async () => {
    const first = await startServer();
    const subscription = await call<{ id: string }>(first.baseUrl, 'POST', '/api/v1/subscriptions', {
      name: 'crash',
      domains: ['item'],
      transport: { type: 'webhook', url: receiver.url },
    });
    expect(subscription.status).toBe(201);
    // The first request never gets an answer: the server dies waiting for it.
    let isHanging = true;
    receiver.respond = () => (isHanging ? new Promise(() => undefined) : { status: 200 });
    const ingest = await call(first.baseUrl, 'POST', '/api/v1/ingest/lawson/item', [
      {
        ITEM: '77001',
        DESCRIPTION: 'GLOVE NITRILE L',
        MANUF_CODE: 'BD',
        MANUF_NBR: '77001X',
        STOCK_UOM: 'EA',
        ACTIVE_STATUS: 'A',
        GTIN: '',
        UNSPSC_CODE: '',
        VENDOR: '1236',
        VEN_ITEM: '1',
        UOM: 'BX',
        UOM_MULT: '100',
        PKG_DESC: '100 EA/BX',
        UNIT_COST: '1.00',
      },
    ]);
    expect(ingest.status).toBeLessThan(300);
    const inFlight = await waitFor('the request in flight', () => receiver.requests[0], 120_000);
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    isHanging = false;
    const second = await startServer();
    await waitFor('sent again and accepted', () => receiver.requests.some((r) => r.status === 200), 120_000);
    const sameMessage = receiver.requests.filter((r) => r.headers['webhook-id'] === inFlight.headers['webhook-id']);
    expect(sameMessage.length).toBeGreaterThanOrEqual(2);
    expect(receiver.requests.filter((r) => r.status === 200)).toHaveLength(1);
    expect(sameMessage.at(-1)?.body).toBe(inFlight.body);
    const view = await waitFor('delivered in the stats', async () => {
      const found = await call<{ stats: { delivered: number; pending: number } }>(
        second.baseUrl,
        'GET',
        `/api/v1/subscriptions/${subscription.body.id}`,
      );
      return found.body.stats.delivered === 1 && found.body;
    });
    expect(view.stats.pending).toBe(0);
  },
);
