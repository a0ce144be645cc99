/**
 * Several app instances side by side over ONE shared embedded store in one test process (issue 12):
 * each instance is a full bootstrap — its own HTTP server, job runner, processor runner and sync
 * dispatcher — as separate servers on one MongoDB would be. `kill()` stops an instance the way a crash
 * does (nothing released or handed back); `stop()` shuts it down cleanly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { bootstrap, listen, type RunningApp } from '../../server/bootstrap';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { TEST_ADMIN_KEY, type RequestOptions, type TestResponse, type TestServer } from './testServer';

export interface AppInstance {
  name: string;
  baseUrl: string;
  running: RunningApp;
  request: TestServer['request'];
  /** Stops like a crash: leases stay until they expire. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface Cluster {
  store: EmbeddedStore;
  instances: AppInstance[];
  /** Starts one more instance over the shared store. */
  startInstance(name: string): Promise<AppInstance>;
  /** Stops every instance still running and closes the store. */
  stop(): Promise<void>;
}

async function startInstance(input: {
  name: string;
  store: EmbeddedStore;
  dataDir: string;
  env: Record<string, string>;
}): Promise<AppInstance> {
  const config = loadConfig({
    MDM_DATA_DIR: input.dataDir,
    MDM_ADMIN_KEY: TEST_ADMIN_KEY,
    MDM_SEED: 'false',
    PORT: '0',
    HOST: '127.0.0.1',
    ...input.env,
  });
  const logger = createLogger({ silent: !process.env.MDM_TEST_LOGS, base: { instance: input.name } });
  const running = await bootstrap({ config, logger, store: input.store });
  const server: Server = await listen(running.app, { port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let isDown = false;
  const closeHttp = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  };
  const request = async <T = unknown>(method: string, urlPath: string, options: RequestOptions = {}): Promise<TestResponse<T>> => {
    const headers: Record<string, string> = { ...options.headers };
    const key = options.key === undefined ? TEST_ADMIN_KEY : options.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | undefined;
    if (options.raw !== undefined) {
      body = String(options.raw);
      headers['content-type'] = options.contentType ?? 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = options.contentType ?? 'application/json';
    }
    const response = await fetch(`${baseUrl}${urlPath}`, { method, headers, body });
    const text = await response.text();
    const parsed: unknown = (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
  return {
    name: input.name,
    baseUrl,
    running,
    request,
    kill: async () => {
      if (isDown) return;
      isDown = true;
      await closeHttp();
      await running.kill();
    },
    stop: async () => {
      if (isDown) return;
      isDown = true;
      await closeHttp();
      await running.close();
    },
  };
}

/** Opens one embedded store and starts `count` instances over it, one after another. */
export async function startCluster(options: { count: number; env?: Record<string, string> }): Promise<Cluster> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-cluster-'));
  const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  const instances: AppInstance[] = [];
  const cluster: Cluster = {
    store,
    instances,
    startInstance: async (name) => {
      const instance = await startInstance({ name, store, dataDir, env: options.env ?? {} });
      instances.push(instance);
      return instance;
    },
    stop: async () => {
      for (const instance of instances) await instance.stop();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  for (let i = 0; i < options.count; i++) await cluster.startInstance(`instance-${i + 1}`);
  return cluster;
}
