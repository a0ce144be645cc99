/**
 * The processor runner's lease: two runners over one store take turns on a processor, a runner whose
 * heartbeat stopped is taken over after the lease, and its late cursor move is refused (fencing).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { ensureCollections } from '../../server/db/collections';
import { createLogger } from '../../server/logger';
import { PROCESSORS, ProcessorRunner, type PollingProcessor, type ProcessorDocument } from '../../server/processors';
import type { AppServices } from '../../server/services';
import { openEmbeddedStore, type EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { waitFor } from '../support/webhookReceiver';
import { at } from '../support/must';

let dataDir: string;
let store: EmbeddedStore;
const runners: ProcessorRunner[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-processors-'));
  store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  await ensureCollections(store);
});

afterEach(async () => {
  for (const runner of runners.splice(0)) await runner.stop();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

function runner(input: { leaseMs: number; owner: string }): ProcessorRunner {
  const services = { store, logger: createLogger({ silent: true }) } as unknown as AppServices;
  const created = new ProcessorRunner({ services, leaseMs: input.leaseMs, owner: input.owner });
  runners.push(created);
  return created;
}

/** A processor counting its passes in its cursor; `gate` (when set) holds a pass before it moves the cursor. */
function counter(passes: string[], gates: Map<string, Promise<void>>): (owner: string) => PollingProcessor {
  return (owner) => ({
    name: 'counter',
    kind: 'poll',
    intervalMs: 20,
    run: async ({ cursor, fence }) => {
      await gates.get(owner);
      const next = (typeof cursor === 'number' ? cursor : 0) + 1;
      await fence.moveCursor(next);
      passes.push(`${owner}:${next}`);
      return { more: false };
    },
  });
}

const documentOf = () => store.collection<ProcessorDocument>(PROCESSORS).findOne({ _id: 'counter' });

test('one runner at a time advances a cursor; a stopped runner releases it and the other takes over at once', async () => {
  const passes: string[] = [];
  const make = counter(passes, new Map());
  const a = runner({ leaseMs: 60_000, owner: 'a' });
  const b = runner({ leaseMs: 60_000, owner: 'b' });
  a.register(make('a'));
  b.register(make('b'));
  a.start();
  await waitFor('a to take the lease', () => a.isHolding('counter'));
  b.start();
  await waitFor('a few passes', () => passes.length >= 5);
  // b never took a lease a keeps renewing (its lease period is a minute).
  expect(b.isHolding('counter')).toBe(false);
  expect(passes.every((p) => p.startsWith('a:'))).toBe(true);
  await a.stop();
  const stoppedAt = passes.length;
  await waitFor('b to take over', () => b.isHolding('counter'));
  await waitFor('b to advance', () => passes.length > stoppedAt + 1);
  const document = await documentOf();
  expect(document).toMatchObject({ owner: 'b', token: 2 });
  // Each pass moved the cursor by exactly one, in order, whoever ran it.
  expect(passes.map((p) => Number(p.split(':')[1]))).toEqual(passes.map((_, i) => i + 1));
});

test('a runner whose heartbeat stopped is taken over after the lease, and its late cursor move is refused', async () => {
  const passes: string[] = [];
  let openGate: () => void = () => undefined;
  const gates = new Map([['stale', new Promise<void>((resolve) => (openGate = resolve))]]);
  const make = counter(passes, gates);
  // The stale runner renews every 200 s (a paused or partitioned server); the other waits 300 ms of silence.
  const stale = runner({ leaseMs: 600_000, owner: 'stale' });
  const live = runner({ leaseMs: 300, owner: 'live' });
  stale.register(make('stale'));
  stale.start();
  await waitFor('the stale runner to take the lease', async () => (await documentOf())?.owner === 'stale');
  live.register(make('live'));
  live.start();
  await waitFor('the live runner to take over', () => live.isHolding('counter'));
  await waitFor('the live runner to advance', () => passes.length >= 2);
  expect((await documentOf())?.token).toBe(2);
  // The stale pass now wakes up and tries to move the cursor from where it read it: refused.
  openGate();
  await waitFor('the stale runner to learn it lost the lease', () => !stale.isHolding('counter'));
  // Stop the stale runner first: still running, it would take the lease back the moment the live one releases it.
  await stale.stop();
  await live.stop();
  expect(passes.every((p) => p.startsWith('live:'))).toBe(true);
  const document = await documentOf();
  expect(document?.owner).toBe(null);
  expect(document?.token).toBe(2);
  expect(document?.cursor).toBe(Number(at(passes, passes.length - 1).split(':')[1]));
});
