/**
 * kill -9 durability: a child process writes as fast as it can and prints every acknowledged
 * write; the parent kills it mid-stream (also mid-compaction), reopens the directory and checks
 * that every acknowledged write is there.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { runWriterUntilKilled } from '../support/killedWriter';

const dataDir = mkdtempSync(join(tmpdir(), 'mdm-store-crash-'));
const children = new Set<ChildProcess>();
afterAll(() => {
  // A failed or timed-out round must not leave a writer running.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

interface Acks {
  inserts: string[];
  updates: Map<string, number>;
  transactions: Array<[string, string]>;
  sawCompaction: boolean;
}

/** Runs the writer until `shouldKill` says so, SIGKILLs it and returns what it acknowledged. */
async function runUntilKilled(options: {
  mode: 'normal' | 'compaction';
  shouldKill: (acks: Acks, line: string) => boolean;
}): Promise<Acks> {
  const acks: Acks = { inserts: [], updates: new Map(), transactions: [], sawCompaction: false };
  await runWriterUntilKilled({
    script: join(import.meta.dirname, 'fixtures', 'writer.ts'),
    args: [dataDir, options.mode],
    track: (child) => children.add(child),
    onLine: (line) => {
      // Lines without ids (compaction markers) are shorter; an ack missing its id fails the checks below.
      const [kind, what, first = '', second = ''] = line.split(' ');
      if (kind === 'compaction-writing-snapshot') acks.sawCompaction = true;
      if (kind === 'ack' && what === 'insert') acks.inserts.push(first);
      if (kind === 'ack' && what === 'update') acks.updates.set(first, Number(second));
      if (kind === 'ack' && what === 'tx') acks.transactions.push([first, second]);
      return options.shouldKill(acks, line);
    },
  });
  return acks;
}

async function expectAllAcknowledgedPresent(acks: Acks): Promise<void> {
  const store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  try {
    const items = store.collection('items');
    const ids = [...acks.inserts, ...acks.transactions.flat()];
    const found = new Map(
      (await items.find({ _id: { $in: ids } }, { projection: { version: 1 } })).map((doc) => [doc._id, doc.version as number]),
    );
    const missing = ids.filter((id) => !found.has(id));
    expect(missing).toEqual([]);
    const lostUpdates = [...acks.updates].filter(([id, version]) => (found.get(id) ?? -1) < version);
    expect(lostUpdates).toEqual([]);
    // Indexes (restored from an index image or rebuilt) answer as a scan of every document does.
    const viaIndex = (await items.find({ version: 1 }, { projection: { _id: 1 } })).map((doc) => doc._id).sort();
    const viaScan = (await items.find({ $or: [{ version: 1 }] }, { projection: { _id: 1 } })).map((doc) => doc._id).sort();
    expect(viaIndex).toEqual(viaScan);
    // A torn tail is the only thing recovery may drop, and only unacknowledged bytes.
    for (const cut of store.recoveryReport.truncated) expect(cut.reason).toBe('torn-tail');
  } finally {
    await store.close();
  }
}

describe('crash durability (SIGKILL)', () => {
  it.each([
    { round: 1, mode: 'normal' as const, after: 300 },
    { round: 2, mode: 'normal' as const, after: 700 },
    { round: 3, mode: 'normal' as const, after: 450 },
  ])(
    'round $round: every write acknowledged before kill -9 after $after acks survives',
    async ({ mode, after }) => {
      const acks = await runUntilKilled({ mode, shouldKill: (state) => state.inserts.length >= after });
      expect(acks.inserts.length).toBeGreaterThanOrEqual(after);
      await expectAllAcknowledgedPresent(acks);
    },
    60_000,
  );

  it.each([
    { round: 4, at: 'compaction-writing-snapshot' },
    { round: 5, at: 'compaction-writing-snapshot' },
    { round: 6, at: 'compaction-writing-index-image' },
  ])(
    'round $round: killed during a compaction ($at), nothing acknowledged is lost',
    async ({ at }) => {
      const acks = await runUntilKilled({
        mode: 'compaction',
        shouldKill: (state, line) => line === at && state.inserts.length >= 200,
      });
      expect(acks.sawCompaction).toBe(true);
      // Informational: which files the kill left behind (two logs or a *.tmp = it landed mid-compaction).
      console.log(
        `[store crash] files after kill during compaction: ${readdirSync(dataDir)
          .filter((name) => name !== 'LOCK')
          .join(', ')}`,
      );
      await expectAllAcknowledgedPresent(acks);
    },
    60_000,
  );
});
