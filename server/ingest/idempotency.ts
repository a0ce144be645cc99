/**
 * `Idempotency-Key` for inline ingest: the first request with a key stores its response; a retry with
 * the same key and the same body gets that response again (nothing is ingested twice); the same key
 * with a different body is refused. Keys are scoped to the API key, source and domain and kept 24 hours.
 */
import { createHash } from 'node:crypto';
import { AppError, ConflictError, UnprocessableError } from '../errors';
import type { AppServices } from '../services';
import { DuplicateKeyError } from '../store/types';
import { INGEST_IDEMPOTENCY } from './collections';

const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A pending entry older than this belongs to a request that died; a retry may take it over. */
const ABANDONED_MS = 10 * 60 * 1000;

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

interface IdempotencyDocument {
  _id: string;
  requestHash: string;
  state: 'pending' | 'done';
  response?: { status: number; body: unknown };
  createdAt: string;
  expiresAt: string;
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
  const id = createHash('sha256').update(`${input.scope}\u0000${input.key}`).digest('hex');
  const now = new Date();
  await entries.deleteMany({ expiresAt: { $lt: now.toISOString() } });
  const existing = await entries.findOne({ _id: id });
  if (existing) {
    if (existing.requestHash !== input.requestHash) {
      throw new UnprocessableError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request body; use a new key for a new batch.');
    }
    if (existing.state === 'done' && existing.response) return { ...existing.response, isReplayed: true };
    if (now.getTime() - Date.parse(existing.createdAt) < ABANDONED_MS) {
      throw new ConflictError('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry it later.');
    }
    await entries.deleteOne({ _id: id, state: 'pending' });
  }
  try {
    await entries.insertOne({ _id: id, requestHash: input.requestHash, state: 'pending', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + RETENTION_MS).toISOString() });
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new ConflictError('IDEMPOTENCY_KEY_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry it later.');
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
  await entries.updateOne({ _id: id }, { $set: { state: 'done', response } });
  return { ...response, isReplayed: false };
}
