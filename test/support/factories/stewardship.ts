/**
 * Factories for stewardship tests: realistic item records that land in the review band (so matching
 * opens a potential-match task), helpers to read tasks and audit entries over HTTP, and the task-sync
 * processor run on demand (the server also runs it on a timer; running it here makes tests deterministic).
 */
import { expect } from 'vitest';
import type { AuditEntryView, TaskView } from '../../../server/contracts/stewardship';
import type { GoldenRecordView } from '../../../server/contracts/golden';
import { TASKS } from '../../../server/stewardship/collections';
import { syncTasks, type SyncResult, type TaskDocument } from '../../../server/stewardship';
import type { TestServer } from '../testServer';
import { applyCanonical, gtin, itemRecord } from './golden';

export type CanonicalItem = Record<string, unknown> & { sourceId: string };

/** Runs the task-sync processor now (closes obsolete tasks, opens conflict and data-quality tasks). */
export function sync(server: TestServer): Promise<SyncResult> {
  return syncTasks(server.running.services);
}

/** An item master record (SAP) and a vague EHR supply-feed record of the same product: a review-band pair. */
export function reviewPairRecords(overrides: { master?: Record<string, unknown>; feed?: Record<string, unknown> } = {}): {
  master: CanonicalItem;
  feed: CanonicalItem;
} {
  const master = itemRecord(overrides.master);
  const feed = {
    sourceId: `EHR-${master.sourceId}`,
    description: `ETHICON ${String(master.manufacturerPartNumber)} SUTURE`,
    ...overrides.feed,
  } as CanonicalItem;
  return { master, feed };
}

export interface ReviewPair {
  master: CanonicalItem;
  feed: CanonicalItem;
  masterRecordId: string;
  feedRecordId: string;
  masterGoldenId: string;
  feedGoldenId: string;
  task: TaskView;
}

/** Applies a review-band pair and returns the potential-match task matching opened for the feed record. */
export async function createReviewPair(
  server: TestServer,
  overrides: { master?: Record<string, unknown>; feed?: Record<string, unknown>; feedSource?: string } = {},
): Promise<ReviewPair> {
  const { master, feed } = reviewPairRecords(overrides);
  const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: master });
  const b = await applyCanonical(server, { domain: 'item', source: overrides.feedSource ?? 'ehr', canonical: feed });
  expect(b.outcome, 'the feed record should land in the review band').toBe('review');
  const task = await openTaskFor(server, b.sourceRecordId);
  expect(task, 'matching should open a potential-match task').not.toBeNull();
  return {
    master,
    feed,
    masterRecordId: a.sourceRecordId,
    feedRecordId: b.sourceRecordId,
    masterGoldenId: a.goldenId,
    feedGoldenId: b.goldenId,
    task: task as TaskView,
  };
}

/** The open potential-match task of a source record, read over HTTP (null when there is none). */
export async function openTaskFor(server: TestServer, sourceRecordId: string): Promise<TaskView | null> {
  const stored = await server.running.services.store
    .collection<TaskDocument>(TASKS)
    .findOne({ 'subject.sourceRecordId': sourceRecordId, status: 'open', type: 'potential-match' });
  return stored ? getTask(server, stored._id) : null;
}

/** GET /tasks/:id, asserting 200. */
export async function getTask(server: TestServer, id: string, key?: string): Promise<TaskView> {
  const response = await server.request<TaskView>('GET', `/api/v1/tasks/${id}`, { key });
  expect(response.status, response.text).toBe(200);
  return response.body;
}

/** GET /golden/item/:id with lineage and history, asserting 200. */
export async function getItem(server: TestServer, id: string): Promise<GoldenRecordView> {
  const response = await server.request<GoldenRecordView>('GET', `/api/v1/golden/item/${id}?include=lineage,history`);
  expect(response.status, response.text).toBe(200);
  return response.body;
}

/** Every audit entry matching a query string, following cursors. */
export async function auditEntries(server: TestServer, query: string): Promise<AuditEntryView[]> {
  const items: AuditEntryView[] = [];
  let cursor: string | null = null;
  do {
    const path: string = `/api/v1/audit?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await server.request<{ items: AuditEntryView[]; nextCursor: string | null }>('GET', path);
    expect(response.status, response.text).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return items;
}

/** An item with a given GTIN base (13 digits incl. indicator 0) for conflict scenarios. */
export function itemWithGtin(first13: string, overrides: Record<string, unknown> = {}): CanonicalItem {
  return itemRecord({ gtin: gtin(first13), ...overrides });
}

export { applyCanonical, itemRecord, gtin };
