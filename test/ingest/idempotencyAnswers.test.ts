/**
 * Idempotency-Key answers larger than one MongoDB document (16 MiB): the embedded store refuses such
 * documents exactly as MongoDB does, so without chunked answers the first request would fail after
 * ingesting; with them the answer is stored and replayed byte for byte.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INGEST_IDEMPOTENCY, INGEST_IDEMPOTENCY_CHUNKS } from '../../server/ingest/collections';
import { ANSWER_CHUNK_CHARS, INLINE_ANSWER_CHARS, withIdempotencyKey } from '../../server/ingest/idempotency';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import type { Store } from '../../server/store/types';
import { MAX_DOCUMENT_BYTES } from '../../server/store/types';
import { ensureCollections } from '../../server/db/collections';

let dataDir: string;
let store: Store;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-idempotency-'));
  store = await openEmbeddedStore({ dataDir, logger: createLogger({ silent: true }) });
  await ensureCollections(store);
});

afterEach(async () => {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** An ingest-like answer: one entry per record, like a 70k-record batch. */
function answerOf(records: number): { status: number; body: unknown } {
  const results = Array.from({ length: records }, (_, index) => ({
    position: { index },
    status: 'accepted',
    goldenId: `gold_${index.toString(36).padStart(10, '0')}`,
    match: { outcome: index % 3 === 0 ? 'merged' : 'created', score: 0.93, rule: 'gtin-exact' },
    sourceRecordId: `src_${'x'.repeat(150)}_${index}`,
  }));
  return { status: 200, body: { received: records, accepted: records, results } };
}

describe('Idempotency-Key answers', () => {
  it.each([
    { name: 'a small answer is stored inline', records: 10, chunked: false },
    { name: `an answer above ${MAX_DOCUMENT_BYTES} bytes is stored in chunks and replayed exactly`, records: 70_000, chunked: true },
  ])('$name', async ({ records, chunked }) => {
    const answer = answerOf(records);
    const text = JSON.stringify(answer.body);
    if (chunked) expect(Buffer.byteLength(text)).toBeGreaterThan(MAX_DOCUMENT_BYTES);
    let runs = 0;
    const input = { key: 'batch-1', scope: 'key|erp|item', requestHash: 'h1' };
    const work = async (): Promise<{ status: number; body: unknown }> => {
      runs += 1;
      return answer;
    };
    const first = await withIdempotencyKey({ store }, input, work);
    expect(first).toMatchObject({ status: 200, isReplayed: false });
    const repeat = await withIdempotencyKey({ store }, input, work);
    expect(repeat.isReplayed).toBe(true);
    expect(repeat.status).toBe(200);
    expect(JSON.stringify(repeat.body)).toBe(text);
    expect(runs).toBe(1);
    const chunkCount = await store.collection(INGEST_IDEMPOTENCY_CHUNKS).countDocuments();
    expect(chunkCount).toBe(chunked ? Math.ceil(text.length / ANSWER_CHUNK_CHARS) : 0);
    expect(text.length > INLINE_ANSWER_CHARS).toBe(chunked);
    const entry = await store.collection(INGEST_IDEMPOTENCY).findOne({});
    expect(entry?.state).toBe('done');
    // The TTL field is set for MongoDB's TTL index.
    expect(entry?.expireAt).toBeDefined();
  });

  it('a failed request releases its key and leaves no chunks; expired entries and chunks are removed', async () => {
    const input = { key: 'batch-2', scope: 'key|erp|item', requestHash: 'h2' };
    await expect(
      withIdempotencyKey({ store }, input, async () => {
        throw new Error('mapping failed');
      }),
    ).rejects.toThrow('mapping failed');
    expect(await store.collection(INGEST_IDEMPOTENCY).countDocuments()).toBe(0);
    await withIdempotencyKey({ store }, input, async () => answerOf(10_000));
    expect(await store.collection(INGEST_IDEMPOTENCY_CHUNKS).countDocuments()).toBeGreaterThan(0);
    const past = new Date(Date.now() - 1000).toISOString();
    await store.collection(INGEST_IDEMPOTENCY).updateMany({}, { $set: { expiresAt: past } });
    await store.collection(INGEST_IDEMPOTENCY_CHUNKS).updateMany({}, { $set: { expiresAt: past } });
    let runs = 0;
    await withIdempotencyKey({ store }, { ...input, key: 'other' }, async () => {
      runs += 1;
      return { status: 200, body: {} };
    });
    expect(runs).toBe(1);
    expect(await store.collection(INGEST_IDEMPOTENCY_CHUNKS).countDocuments()).toBe(0);
    expect(await store.collection(INGEST_IDEMPOTENCY).countDocuments()).toBe(1);
  });
});
