/** The sequencer's order within a batch: writer time across records, version order within one record whatever the clocks said. */
import { expect, test } from 'vitest';
import type { QueuedChangeDocument } from '../../server/golden/changeFeed';
import { sequenceOrder } from '../../server/golden/changeSequencer';

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
