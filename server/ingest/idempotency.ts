/**
 * `Idempotency-Key` for inline ingest: the first request with a key stores its response; a retry with
 * the same key and the same body gets that response again (nothing is ingested twice); the same key
 * with a different body is refused. Keys are scoped to the API key, source and domain and kept 24 hours.
 * A large answer (tens of thousands of records) does not fit one 16 MiB document, so answers above
 * INLINE_ANSWER_CHARS are stored as JSON text in ordered chunks, written before the entry is marked
 * done; chunks outlive their entry by an hour so expiry never leaves a "done" entry without them.
 */
import { createHash } from 'node:crypto';
import { AppError, ConflictError, UnprocessableError } from '../errors';
import type { AppServices } from '../services';
import { DuplicateKeyError } from '../store/types';
import type { Collection } from '../store/types';
import { INGEST_IDEMPOTENCY, INGEST_IDEMPOTENCY_CHUNKS } from './collections';

const RETENTION_MS = 24 * 60 * 60 * 1000;
/** Chunks are removed this long after their entry (TTL passes are independent per collection). */
const CHUNK_GRACE_MS = 60 * 60 * 1000;
/** Answers whose JSON is longer than this are stored in chunks. */
export const INLINE_ANSWER_CHARS = 1024 * 1024;
/** Characters per stored chunk: at most 3 bytes each in UTF-8, so a chunk stays well under 16 MiB. */
export const ANSWER_CHUNK_CHARS = 4 * 1024 * 1024;
/** A pending entry older than this belongs to a request that died; a retry may take it over. */
const ABANDONED_MS = 10 * 60 * 1000;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

interface IdempotencyDocument {
  _id: string;
  requestHash: string;
  state: 'pending' | 'done';
  /** The answer: inline `body`, or `chunks` in INGEST_IDEMPOTENCY_CHUNKS. */
  response?: { status: number; body?: unknown; chunks?: number };
  createdAt: string;
  expiresAt: string;
  /** The same instant as a Date, for MongoDB's TTL index. */
  expireAt: Date;
  [key: string]: unknown;
}

interface AnswerChunkDocument {
  _id: string;
  entryId: string;
  seq: number;
  text: string;
  expiresAt: string;
  expireAt: Date;
  [key: string]: unknown;
}

export interface StoredResponse {
  status: number;
  body: unknown;
  isReplayed: boolean;
}

/** Hash of what makes two requests "the same": media type and exact body bytes. */
export function requestHashOf(input: { mediaType: string; body: Buffer }): string {
  return createHash('sha256').update(input.mediaType).update('\n').update(input.body).digest('hex');
}

/** Runs `work` once per key: replays the stored response for a retry, refuses a key reused for another body. */
export async function withIdempotencyKey(
  services: Pick<AppServices, 'store'>,
  input: { key: string; scope: string; requestHash: string },
  work: () => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(input.key)) {
    throw new AppError(400, 'INVALID_IDEMPOTENCY_KEY', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.');
  }
  const entries = services.store.collection<IdempotencyDocument>(INGEST_IDEMPOTENCY);
  const chunks = services.store.collection<AnswerChunkDocument>(INGEST_IDEMPOTENCY_CHUNKS);
  const id = createHash('sha256').update(`${input.scope}\u0000${input.key}`).digest('hex');
  const now = new Date();
  // MongoDB's TTL index does this too; the embedded store has no TTL, so expired entries go here.
  await entries.deleteMany({ expiresAt: { $lt: now.toISOString() } });
  await chunks.deleteMany({ expiresAt: { $lt: now.toISOString() } });
  const existing = await entries.findOne({ _id: id });
  if (existing) {
    if (existing.requestHash !== input.requestHash) {
      throw new UnprocessableError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used with a different request body; use a new key for a new batch.',
      );
    }
    if (existing.state === 'done' && existing.response) return { ...(await readAnswer(chunks, id, existing.response)), isReplayed: true };
    if (now.getTime() - Date.parse(existing.createdAt) < ABANDONED_MS) {
      throw new ConflictError(
        'IDEMPOTENCY_KEY_IN_PROGRESS',
        'A request with this Idempotency-Key is still being processed; retry it later.',
      );
    }
    await entries.deleteOne({ _id: id, state: 'pending' });
    await chunks.deleteMany({ entryId: id });
  }
  const expiresAt = new Date(now.getTime() + RETENTION_MS);
  try {
    await entries.insertOne({
      _id: id,
      requestHash: input.requestHash,
      state: 'pending',
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      expireAt: expiresAt,
    });
  } catch (error) {
    if (error instanceof DuplicateKeyError)
      throw new ConflictError(
        'IDEMPOTENCY_KEY_IN_PROGRESS',
        'A request with this Idempotency-Key is still being processed; retry it later.',
      );
    throw error;
  }
  let response: { status: number; body: unknown };
  try {
    response = await work();
  } catch (error) {
    // A refused or failed request ingested nothing for certain only if it threw before the pipeline;
    // either way the caller must be able to retry with the same key, so the key is released.
    await entries.deleteOne({ _id: id });
    throw error;
  }
  const text = JSON.stringify(response.body);
  if (text === undefined || text.length <= INLINE_ANSWER_CHARS) {
    await entries.updateOne({ _id: id }, { $set: { state: 'done', response } });
  } else {
    const chunkExpiry = new Date(expiresAt.getTime() + CHUNK_GRACE_MS);
    let seq = 0;
    for (let start = 0; start < text.length; start += ANSWER_CHUNK_CHARS, seq += 1) {
      // One chunk per write keeps every write far below MongoDB's message and transaction limits.
      await chunks.insertOne({
        _id: `${id}:${String(seq).padStart(6, '0')}`,
        entryId: id,
        seq,
        text: text.slice(start, start + ANSWER_CHUNK_CHARS),
        expiresAt: chunkExpiry.toISOString(),
        expireAt: chunkExpiry,
      });
    }
    await entries.updateOne({ _id: id }, { $set: { state: 'done', response: { status: response.status, chunks: seq } } });
  }
  return { ...response, isReplayed: false };
}

/** The stored answer of a finished entry, reassembled from its chunks when it has them. */
async function readAnswer(
  chunks: Collection<AnswerChunkDocument>,
  entryId: string,
  response: NonNullable<IdempotencyDocument['response']>,
): Promise<{ status: number; body: unknown }> {
  if (response.chunks === undefined) return { status: response.status, body: response.body };
  const parts: string[] = [];
  for await (const chunk of chunks.iterate({ entryId }, { sort: { seq: 1 }, batchSize: 2 })) parts.push(chunk.text);
  if (parts.length !== response.chunks) {
    throw new AppError(
      500,
      'IDEMPOTENT_ANSWER_INCOMPLETE',
      `The stored answer for this Idempotency-Key is incomplete (${parts.length} of ${response.chunks} parts); the batch was ingested, query the records instead of retrying.`,
    );
  }
  return { status: response.status, body: JSON.parse(parts.join('')) as unknown };
}
