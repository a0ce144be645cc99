/**
 * The compaction freeze in steps (docs/STORAGE.md "Session 17"): the snapshot is written from a copy-on-write freeze
 * of each collection and the index image from a live walk of the indexes, both over many event-loop turns while
 * writes, deletes, whole-collection deletes and index reads go on. Checked: reads during the compaction answer like a
 * model, and after a restart (index image used) every document is the model's and every index entry equals a rebuild
 * from the documents; also after a kill -9 in the middle of either walk or right after the compaction
 * (fixtures/freezeWriter.ts).
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';
import type { Logger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { EmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { IndexImage } from '../../server/store/embedded/indexState';
import type { Document } from '../../server/store/types';
import { runWriterUntilKilled } from '../support/killedWriter';
import { must } from '../support/must';
import { FREEZE_INDEXES, freezeDocument, stateAfter } from './fixtures/freezeModel';

const quiet = createLogger({ silent: true });
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mdm-freeze-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dataDir: string, options: { residentCharacters?: number; logger?: Logger } = {}): Promise<EmbeddedStore> {
  const store = await openEmbeddedStore({
    dataDir,
    logger: options.logger ?? quiet,
    compaction: { minLogBytes: Number.MAX_SAFE_INTEGER },
    residentText: { characters: options.residentCharacters },
  });
  cleanups.unshift(() => store.close().catch(() => undefined));
  return store;
}

/** A canonical form of an index's entries (map order differs between a restored and a rebuilt index). */
function canonical(images: IndexImage[]): Record<string, string[]> {
  return Object.fromEntries(
    images.map((image) => {
      const stride = image.multikey.length + 1;
      const entries: string[] = [];
      for (let at = 0; at < image.leaves.length; at += stride) {
        const ids = must(image.leaves[at + stride - 1], 'the ids of an index entry');
        entries.push(
          `${image.leaves.slice(at, at + stride - 1).join('|')} → ${(typeof ids === 'string' ? [ids] : [...ids].sort()).join(',')}`,
        );
      }
      return [image.name, entries.sort()];
    }),
  );
}

/** The indexes rebuilt from the documents of a copy of `dataDir` without its index image. */
async function rebuilt(dataDir: string, collection: string): Promise<Record<string, string[]>> {
  const copy = tempDir();
  for (const name of readdirSync(dataDir))
    if (name.endsWith('.mdb') && !name.startsWith('indexes-')) copyFileSync(join(dataDir, name), join(copy, name));
  const store = await open(copy);
  expect(store.recoveryReport.indexImage?.used ?? false).toBe(false);
  const images = canonical(store.indexImages(collection));
  await store.close();
  return images;
}

const sortedIds = (docs: Document[]): string[] => docs.map((doc) => doc._id).sort();

describe('a compaction frozen copy-on-write and walked in steps', () => {
  it.each([
    { memory: 'all documents resident', residentCharacters: undefined },
    { memory: 'most documents spilled', residentCharacters: 256 * 1024 },
  ])(
    'keeps every document and index entry right while writes, deletes and reads interleave ($memory)',
    async ({ residentCharacters }) => {
      const dataDir = tempDir();
      let switched = false;
      // The documents at the log switch, read synchronously from the store's memory as the switch is logged.
      const atSwitch = new Map<string, Array<[string, string]>>();
      const logger: Logger = {
        ...quiet,
        debug: (message) => {
          if (!message.startsWith('store: compaction switched')) return;
          switched = true;
          for (const name of ['items', 'side']) atSwitch.set(name, [...store.view(name).state.docs]);
        },
        child: () => logger,
      };
      const store = await open(dataDir, { residentCharacters, logger });
      const items = store.collection('items');
      const side = store.collection('side');
      await items.createIndexes(FREEZE_INDEXES);
      await side.createIndexes([{ keys: { n: 1 } }]);
      // Model: id → the step each id is at (stateAfter gives its document or absence).
      const steps = new Map<string, number>();
      const ids = Array.from({ length: 6000 }, (_, n) => `d${String(n).padStart(5, '0')}`);
      for (let first = 0; first < ids.length; first += 1000) {
        await items.insertMany(ids.slice(first, first + 1000).map((id) => freezeDocument(id, 0)));
      }
      for (const id of ids) steps.set(id, 0);
      await side.insertMany(Array.from({ length: 3000 }, (_, n) => ({ _id: `s${n}`, n: n % 50 })));

      const compaction = store.compact();
      let isDone = false;
      void compaction.finally(() => (isDone = true));
      let rounds = 0;
      let roundsAfterSwitch = 0;
      let cursor = 0;
      while (!isDone) {
        rounds += 1;
        if (switched) roundsAfterSwitch += 1;
        // Ten ids a round, each one step further: replace (indexed fields move), delete, insert again.
        const batch = Array.from({ length: 10 }, () => must(ids[(cursor = (cursor + 617) % ids.length)], 'an id'));
        const distinct = [...new Set(batch)];
        await Promise.all(
          distinct.map(async (id) => {
            const next = must(steps.get(id), 'a step') + 1;
            const before = stateAfter(id, next - 1);
            const after = stateAfter(id, next);
            if (after && before) await items.replaceOne({ _id: id }, after);
            else if (after) await items.insertOne(after);
            else await items.deleteOne({ _id: id });
            steps.set(id, next);
          }),
        );
        if (rounds === 3) {
          // A whole-collection delete in the middle of the compaction, then new documents.
          await side.deleteMany({});
          await side.insertMany(Array.from({ length: 40 }, (_, n) => ({ _id: `s${n * 2}`, n: 7 })));
        }
        // Index reads between the writes answer like the model.
        const probe = must(distinct[0], 'a probe id');
        const expected = stateAfter(probe, must(steps.get(probe), 'a step'));
        const found = await items.find({ code: `C-${probe}-${must(steps.get(probe), 'a step')}` });
        expect(sortedIds(found)).toEqual(expected ? [probe] : []);
        await nextTurn();
      }
      await compaction;
      // The snapshot alone holds exactly the documents of the switch (copy-on-write kept what changed after it).
      const snapshotOnly = tempDir();
      for (const name of readdirSync(dataDir))
        if (name.startsWith('snapshot-')) copyFileSync(join(dataDir, name), join(snapshotOnly, name));
      const fromSnapshot = await open(snapshotOnly);
      for (const name of ['items', 'side']) {
        const expected = must(atSwitch.get(name), 'the documents at the switch')
          .map(([, json]) => JSON.parse(json) as Document)
          .sort((a, b) => a._id.localeCompare(b._id));
        const held = (await fromSnapshot.collection(name).find({})).sort((a, b) => a._id.localeCompare(b._id));
        expect(held).toEqual(expected);
      }
      await fromSnapshot.close();
      // The compaction spanned many event-loop turns with writes after the switch (the freeze was really exercised).
      expect(roundsAfterSwitch).toBeGreaterThanOrEqual(5);
      for (let k = 0; k < 50; k++) {
        const id = must(ids[(k * 97) % ids.length], 'an id');
        const next = must(steps.get(id), 'a step') + 1;
        const after = stateAfter(id, next);
        if (after && stateAfter(id, next - 1)) await items.replaceOne({ _id: id }, after);
        else if (after) await items.insertOne(after);
        else await items.deleteOne({ _id: id });
        steps.set(id, next);
      }
      const sideExpected = sortedIds(await side.find({}));
      await store.close();

      const reopened = await open(dataDir, { residentCharacters });
      expect(reopened.recoveryReport.indexImage).toMatchObject({ used: true });
      expect(reopened.recoveryReport.indexImage?.reindexedDocuments ?? 0).toBeGreaterThan(0);
      await reopened.indexesRestored;
      const expectedDocs = [...steps]
        .map(([id, step]) => stateAfter(id, step))
        .filter((doc): doc is Document => doc !== undefined)
        .sort((a, b) => a._id.localeCompare(b._id));
      const actual = (await reopened.collection('items').find({})).sort((a, b) => a._id.localeCompare(b._id));
      expect(actual).toEqual(expectedDocs);
      expect(sortedIds(await reopened.collection('side').find({}))).toEqual(sideExpected);
      const restoredIndexes = canonical(reopened.indexImages('items'));
      const restoredSide = canonical(reopened.indexImages('side'));
      await reopened.close();
      expect(restoredIndexes).toEqual(await rebuilt(dataDir, 'items'));
      expect(restoredSide).toEqual(await rebuilt(dataDir, 'side'));
    },
    120_000,
  );
});

/** Runs fixtures/freezeWriter.ts until `kill` says so, SIGKILLs it; the last acknowledged step of every id. */
async function runUntilKilled(dataDir: string, kill: (line: string, acks: number) => boolean): Promise<Map<string, number>> {
  const acked = new Map<string, number>();
  let acks = 0;
  await runWriterUntilKilled({
    script: join(import.meta.dirname, 'fixtures', 'freezeWriter.ts'),
    args: [dataDir],
    track: (child) => cleanups.push(() => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'))),
    onLine: (line) => {
      const [kind, id = '', step = ''] = line.split(' ');
      if (kind === 'ack') {
        acked.set(id, Number(step));
        acks += 1;
      }
      return kill(line, acks);
    },
  });
  return acked;
}

describe('a kill -9 around the stepwise compaction', () => {
  it.each([
    { at: 'compaction-writing-snapshot', after: 1 },
    { at: 'compaction-writing-index-image', after: 1 },
    { at: 'compaction-done', after: 1 },
    { at: 'compaction-done', after: 2 },
  ])(
    'killed at $at (compaction $after) keeps every acknowledged step, and the indexes equal a rebuild',
    async ({ at, after }) => {
      const dataDir = tempDir();
      let seen = 0;
      const acked = await runUntilKilled(dataDir, (line) => line === at && ++seen >= after);
      expect(acked.size).toBeGreaterThan(0);
      const store = await open(dataDir);
      const items = store.collection('items');
      await store.indexesRestored;
      // Each id is written one step at a time: the store holds the acknowledged step or the one in flight after it.
      const wrong: string[] = [];
      const docs = new Map((await items.find({})).map((doc) => [doc._id, doc]));
      for (const [id, step] of acked) {
        const held = docs.get(id);
        const matches = (candidate: number): boolean => JSON.stringify(stateAfter(id, candidate)) === JSON.stringify(held);
        if (!matches(step) && !matches(step + 1)) wrong.push(`${id} at step ${step}: ${JSON.stringify(held)}`);
      }
      expect(wrong).toEqual([]);
      for (const cut of store.recoveryReport.truncated) expect(cut.reason).toBe('torn-tail');
      const restored = canonical(store.indexImages('items'));
      const usedImage = store.recoveryReport.indexImage?.used ?? false;
      await store.close();
      if (at === 'compaction-done') expect(usedImage).toBe(true);
      expect(restored).toEqual(await rebuilt(dataDir, 'items'));
    },
    90_000,
  );
});
