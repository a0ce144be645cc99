/**
 * Starts a real server on a fresh embedded store in a temporary directory, per test file or per test
 * (isolation without global truncation), and gives typed helpers to call it as a client would.
 * With MDM_TEST_STORE=mongodb and MONGODB_URI set, every test server uses its own database on that
 * MongoDB instead (named after its data directory, so a restart on the same data finds the same
 * database), dropped when the data would be removed. Every JSON success answer is checked against the
 * response schema its route declares (test/support/responseContracts.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bootstrap, listen, type RunningApp } from '../../server/bootstrap';
import { loadConfig, type AppConfig } from '../../server/config';
import { createLogger, type Logger } from '../../server/logger';
import { withDatabaseName } from '../../server/store/mongo/connectionUri';
import { openMongoStore } from '../../server/store/mongo/mongoStore';
import { checkResponseContract } from './responseContracts';

export const TEST_ADMIN_KEY = 'mdm_test_admin_key_0123456789abcdef';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  key?: string | null;
  body?: unknown;
  /** Sent as-is (string or Buffer) with `contentType`. */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface TestServer {
  baseUrl: string;
  adminKey: string;
  dataDir: string;
  running: RunningApp;
  request<T = unknown>(method: string, path: string, options?: RequestOptions): Promise<TestResponse<T>>;
  /** Creates an API key for `role` through the admin API and returns its secret. */
  createKey(role: string, name?: string): Promise<string>;
  /** Stops the server and closes the store; keeps the data directory unless `removeData`. */
  stop(options?: { removeData?: boolean }): Promise<void>;
}

/** Starts a test server; `env` overrides configuration (MDM_SEED defaults to false here). */
export async function startTestServer(
  options: { env?: Record<string, string>; dataDir?: string; logger?: Logger; studioDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'mdm-test-')));
  const mongo = testMongoDatabase(dataDir, options.env);
  const config: AppConfig = loadConfig({
    MDM_DATA_DIR: dataDir,
    MDM_ADMIN_KEY: TEST_ADMIN_KEY,
    MDM_SEED: 'false',
    PORT: '0',
    HOST: '127.0.0.1',
    ...mongo?.env,
    ...options.env,
  });
  const logger = options.logger ?? createLogger({ silent: !process.env.MDM_TEST_LOGS });
  const running = await bootstrap({ config, logger, studioDir: options.studioDir });
  let server: Server;
  try {
    server = await listen(running.app, { port: 0, host: '127.0.0.1' });
  } catch (error) {
    await running.close();
    throw error;
  }
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const request = async <T = unknown>(method: string, urlPath: string, opts: RequestOptions = {}): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { ...opts.headers };
    const key = opts.key === undefined ? TEST_ADMIN_KEY : opts.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | Uint8Array | undefined;
    if (method === 'GET' || method === 'HEAD') {
      // fetch refuses bodies on GET/HEAD; tables that send a body to every route rely on this.
    } else if (opts.raw !== undefined) {
      body = typeof opts.raw === 'string' ? opts.raw : new Uint8Array(opts.raw);
      headers['content-type'] = opts.contentType ?? 'application/json';
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = opts.contentType ?? 'application/json';
    }
    const response = await fetch(`${baseUrl}${urlPath}`, { method, headers, body: body as BodyInit | undefined });
    const text = await response.text();
    let parsed: unknown = text;
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType.includes('json') && text) parsed = JSON.parse(text);
    const check = checkResponseContract({ method, path: urlPath, status: response.status, contentType, body: parsed });
    if (check && check.problems.length > 0)
      throw new Error(`${check.operationId} answered ${check.status} outside its declared response schema: ${check.problems.join('; ')}`);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };

  return {
    baseUrl,
    adminKey: TEST_ADMIN_KEY,
    dataDir,
    running,
    request,
    createKey: async (role, name = `test ${role}`) => {
      const response = await request<{ secret: string }>('POST', '/api/v1/keys', { body: { name, role } });
      if (response.status !== 201) throw new Error(`creating a ${role} key failed: ${response.status} ${response.text}`);
      return response.body.secret;
    },
    stop: async (stopOptions = {}) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await running.close();
      if (stopOptions.removeData ?? !options.dataDir) {
        await rm(dataDir, { recursive: true, force: true });
        if (mongo) await dropTestDatabase(mongo);
      }
    },
  };
}

interface TestMongoDatabase {
  uri: string;
  databaseName: string;
  env: Record<string, string>;
}

/** The MongoDB database a test server uses, when the MongoDB leg is asked for (MDM_TEST_STORE=mongodb). */
function testMongoDatabase(dataDir: string, env: Record<string, string> | undefined): TestMongoDatabase | undefined {
  const uri = process.env.MONGODB_URI;
  if (process.env.MDM_TEST_STORE !== 'mongodb' || !uri || env?.MONGODB_URI) return undefined;
  const databaseName = `mdm_test_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
  return {
    uri,
    databaseName,
    env: {
      MONGODB_URI: withDatabaseName(uri, databaseName),
      MDM_MONGODB_ALLOW_STANDALONE: process.env.MDM_MONGODB_ALLOW_STANDALONE ?? 'false',
    },
  };
}

async function dropTestDatabase(mongo: TestMongoDatabase): Promise<void> {
  const store = await openMongoStore({
    uri: mongo.uri,
    databaseName: mongo.databaseName,
    logger: createLogger({ silent: true }),
    allowStandalone: true,
  });
  try {
    await store.dropDatabase();
  } finally {
    await store.close();
  }
}
