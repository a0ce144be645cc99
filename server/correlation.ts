/**
 * One correlation id follows a record from where it entered (an API request, an upload job, an MLLP
 * message) through mapping, the golden-record change (change-feed entries carry it), exceptions, audit
 * entries and each downstream delivery (`x-correlation-id`). It travels with the async call chain
 * (AsyncLocalStorage) instead of through every function's parameters: the entry point runs its work in
 * `withCorrelation`, and the writers (change feed, audit, exceptions, outbox) read `currentCorrelationId`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { CORRELATION_ID_PATTERN_SOURCE } from './contracts/correlation';

/** Accepted from callers (`x-correlation-id`): short, URL- and header-safe. */
export const CORRELATION_ID_PATTERN = new RegExp(CORRELATION_ID_PATTERN_SOURCE);

const storage = new AsyncLocalStorage<{ correlationId: string }>();

/** Runs `work` with `correlationId` as the current correlation id of everything it starts. */
export function withCorrelation<T>(correlationId: string, work: () => T): T {
  return storage.run({ correlationId }, work);
}

/** The correlation id of the work in progress, if it has one. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** `{ correlationId }` when there is one, else `{}`: spread into documents being written. */
export function correlationField(): { correlationId?: string } {
  const correlationId = currentCorrelationId();
  return correlationId ? { correlationId } : {};
}
