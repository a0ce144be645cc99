/**
 * The sequencer's order within a batch: writer time across records, version order within one record whatever the clocks said;
 * and on a store, for a queue shorter and longer than one batch.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { QueuedChangeDocument } from '../../server/golden/changeFeed';
import { CHANGE_QUEUE, CHANGES } from '../../server/golden/collections';
import { SEQUENCER, sequenceOrder } from '../../server/golden/changeSequencer';
import type { ChangeDocument } from '../../server/golden/types';
import { startTestServer, type TestServer } from '../support/testServer';

const entry = (id: string, goldenId: string, version: number, queuedAt: string): QueuedChangeDocument => ({
  _id: id,
  domain: 'item',
  goldenId,
  type: version === 1 ? 'created' : 'updated',
  version,
  at: queuedAt,
  queuedAt,
});

test.each([
  { name: 'writer time across records', input: [entry('q2', 'b', 1, 't2'), entry('q1', 'a', 1, 't1')], output: ['q1', 'q2'] },
  { name: 'ties broken by id', input: [entry('q2', 'b', 1, 't1'), entry('q1', 'a', 1, 't1')], output: ['q1', 'q2'] },
  {
    name: 'a record whose later version carries an earlier clock keeps version order in its slots',
    input: [entry('a3', 'a', 3, 't1'), entry('b1', 'b', 1, 't2'), entry('a2', 'a', 2, 't3')],
    output: ['a2', 'b1', 'a3'],
  },
  { name: 'an empty batch', input: [], output: [] },
])('$name', ({ input, output }) => {
  expect(sequenceOrder(input).map((e) => e._id)).toEqual(output);
});

describe('the sequencer on a store', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop({ removeData: true });
  });

  /** Queues `entries` in one write, runs the sequencer until the queue is empty, returns the numbered entry ids in feed order. */
  async function sequence(entries: QueuedChangeDocument[]): Promise<string[]> {
    const { store, processors } = server.running.services;
    const before = await store.collection(CHANGES).countDocuments({});
    await store.collection<QueuedChangeDocument>(CHANGE_QUEUE).insertMany(entries);
    await processors.runNow(SEQUENCER);
    expect(await store.collection(CHANGE_QUEUE).countDocuments({})).toBe(0);
    const numbered = await store.collection<ChangeDocument>(CHANGES).find({}, { sort: { _id: 1 } });
    expect(numbered.map((change) => Number(change._id))).toEqual(numbered.map((_, index) => index + 1));
    return numbered.slice(before).map((change) => String(change.entryId));
  }

  test.each([
    { name: 'a queue shorter than a batch', fillers: 20 },
    // The first batch's head holds version 2 only; its version 1 (a late clock) is found by golden id.
    { name: 'a queue longer than a batch, version 1 beyond the first head', fillers: 700 },
  ])('$name: a record whose later version carries an earlier clock is numbered in version order', async ({ fillers }) => {
    const run = `r${fillers}`;
    const clock = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    const entries = [
      entry(`${run}-v2`, `${run}-a`, 2, clock(0)),
      ...Array.from({ length: fillers }, (_, index) =>
        entry(`${run}-f${String(index).padStart(4, '0')}`, `${run}-f${index}`, 1, clock(1 + index)),
      ),
      entry(`${run}-v1`, `${run}-a`, 1, clock(fillers + 5)),
    ];
    const order = await sequence(entries);
    expect(order).toHaveLength(fillers + 2);
    expect(new Set(order)).toEqual(new Set(entries.map((e) => e._id)));
    expect(order.indexOf(`${run}-v1`)).toBeLessThan(order.indexOf(`${run}-v2`));
  });
});
