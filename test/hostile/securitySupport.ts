/**
 * Support for the security cases of test/hostile: a server with an empty mappings folder, a published
 * item mapping for source `erp`, and the check every case ends with — the service still answers
 * /healthz and a normal ingest still succeeds.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Logger } from '../../server/logger';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, toNdjson } from '../support/factories/ingest';
import { startTestServer, type TestServer } from '../support/testServer';

/** A server with no mappings as code and `erp/item` published (so a normal ingest can run). */
export async function startSecurityServer(
  options: { env?: Record<string, string>; dataDir?: string; logger?: Logger; studioDir?: string; publish?: boolean } = {},
): Promise<TestServer> {
  const mappingsDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-mappings-'));
  await mkdir(path.join(mappingsDir, 'lookups'));
  const server = await startTestServer({
    env: { MDM_MAPPINGS_DIR: mappingsDir, ...options.env },
    dataDir: options.dataDir,
    logger: options.logger,
    studioDir: options.studioDir,
  });
  if (options.publish ?? true) await publishMapping(server, { source: 'erp', domain: 'item', expression: ERP_ITEM_EXPRESSION });
  return server;
}

/** /healthz answers ok and one normal record ingests (accepted) with `key` (the admin key by default). */
export async function expectStillServing(server: TestServer, key?: string): Promise<void> {
  const health = await server.request<{ status: string }>('GET', '/healthz', { key: null });
  expect(health.status).toBe(200);
  expect(health.body.status).toBe('ok');
  const response = await ingest(server, {
    source: 'erp',
    domain: 'item',
    body: toNdjson([erpItemRow()]),
    contentType: 'application/x-ndjson',
    key,
  });
  expect(response.status, response.text).toBe(200);
  expect(response.body.totals).toMatchObject({ received: 1, accepted: 1, exceptions: 0 });
}

/** A raw HTTP request whose path is sent exactly as given (fetch would normalise it), optionally from another local address. */
export function rawRequest(options: {
  baseUrl: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  localAddress?: string;
}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const url = new URL(options.baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers: options.headers,
        localAddress: options.localAddress,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}
