/**
 * Reads that run once per ingest batch or once per processor pass must examine only the documents they return, so
 * their cost follows the batch, not the store: with the declared indexes (server/db/collections.ts) the planner answers
 * them by a lookup whose candidates are exactly the matches. Before session 28 the three reads below were planned on an
 * index narrowing by `status` (and source) alone and read every open task / every open exception (of the source) each time
 * (docs/INGEST.md "Session 28 (ingest28)").
 */
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../server/db/collections';
import { INGEST_EXCEPTIONS } from '../../server/exceptions/collections';
import { supersededFilter } from '../../server/exceptions/closeException';
import { TASKS } from '../../server/stewardship/collections';
import { exceptionsSeenSince, OPEN_DATA_QUALITY_TASKS } from '../../server/stewardship/taskSync';
import { CollectionState } from '../../server/store/embedded/collectionState';
import type { Document, Filter } from '../../server/store/types';
import { must } from '../support/must';

function stateOf(name: string, docs: Document[]): CollectionState {
  const state = new CollectionState(name);
  state.apply(
    docs.map((doc) => ({ id: doc._id as string, before: undefined, beforeDoc: undefined, after: { json: JSON.stringify(doc), doc } })),
  );
  state.buildIndexes(must(COLLECTIONS.find((definition) => definition.name === name)?.indexes, `the indexes of ${name}`));
  return state;
}

/** The candidates the plan examines and the documents the filter matches (ids, sorted). */
function examinedAndMatched(
  state: CollectionState,
  docs: Document[],
  filter: Filter,
): { via: string | undefined; examined: string[]; matched: string[] } {
  const plan = state.plan(filter);
  const examined = plan ? [...new Set(state.candidates(plan))].sort() : docs.map((doc) => doc._id as string).sort();
  const query = new Query(filter);
  const matched = docs
    .filter((doc) => query.test(doc))
    .map((doc) => doc._id as string)
    .sort();
  return { via: plan?.via, examined, matched };
}

// An inbox as ingest leaves it: many open review tasks in two domains, a few open data-quality tasks, closed ones of both.
const TASK_DOCS: Document[] = Array.from({ length: 400 }, (_, i) => {
  const type = i % 10 === 0 ? 'data-quality' : 'potential-match';
  return {
    _id: `task-${i}`,
    type,
    status: i % 7 === 0 ? 'resolved' : 'open',
    domain: i % 2 === 0 ? 'item' : 'supplier',
    priority: i % 5,
    createdAt: `2026-12-07T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
    subject: type === 'data-quality' ? { exceptionId: `exception-${i}` } : { sourceRecordId: `record-${i}` },
  };
});

// An exception queue: open and resolved exceptions of two sources, several for one source id.
const EXCEPTION_DOCS: Document[] = Array.from({ length: 600 }, (_, i) => ({
  _id: `exception-${i}`,
  status: i % 4 === 0 ? 'resolved' : 'open',
  source: i % 3 === 0 ? 'lawson' : 'epic',
  domain: 'item',
  sourceId: `S${i % 250}`,
  code: 'VALIDATION_FAILED',
  rawHash: `hash-${i}`,
  lastSeenAt: `2026-12-07T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
}));

describe('recurring reads of the ingest path are lookups of what they return', () => {
  it.each([
    {
      name: 'the exception-tasks pass: open data-quality tasks',
      collection: TASKS,
      docs: TASK_DOCS,
      filter: { ...OPEN_DATA_QUALITY_TASKS } as Filter,
      via: 'stewardship_by_type_status',
    },
    {
      name: 'the exception-tasks pass: open exceptions seen since its cursor',
      collection: INGEST_EXCEPTIONS,
      docs: EXCEPTION_DOCS,
      filter: exceptionsSeenSince('2026-12-07T00:00:50.000Z') as Filter,
      via: 'by_status_last_seen',
    },
    {
      name: "a batch's superseded exceptions",
      collection: INGEST_EXCEPTIONS,
      docs: EXCEPTION_DOCS,
      filter: supersededFilter({ source: 'lawson', domain: 'item', sourceIds: ['S0', 'S3', 'S9', 'S12', 'S249', 'S-missing'] }),
      via: 'by_source_record_status',
    },
  ])('$name', ({ collection, docs, filter, via }) => {
    const { via: planned, examined, matched } = examinedAndMatched(stateOf(collection, docs), docs, filter);
    expect(planned).toBe(via);
    expect(matched.length).toBeGreaterThan(0);
    // Nothing examined that the filter does not return: the read does not grow with the rest of the collection.
    expect(examined).toEqual(matched);
  });

  it('a source id with no open exception examines nothing', () => {
    const state = stateOf(INGEST_EXCEPTIONS, EXCEPTION_DOCS);
    expect(
      examinedAndMatched(state, EXCEPTION_DOCS, supersededFilter({ source: 'lawson', domain: 'item', sourceIds: ['S-none'] })).examined,
    ).toEqual([]);
  });
});
