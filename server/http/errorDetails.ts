/**
 * Stored documents in error details leave the server presented, like everywhere else. Commands stay
 * HTTP-agnostic and put the current stored state into a 409's `details.current`; the router calls
 * `presentErrorFor` with the caller, so the one presenter of that kind decides what the caller sees
 * (masking included). Anything else that looks like a stored document is dropped by
 * `withoutStoredDocuments` in the error handler, so a raw document can never reach a client.
 */
import { AppError } from '../errors';
import { goldenPresentOptions, presentGolden } from '../golden/presenter';
import type { GoldenRecordDocument } from '../golden/types';
import type { Principal } from '../policies/abilities';
import { visibilityOf } from '../policies/visibility';
import { presentTask } from '../stewardship/presenter';
import type { TaskDocument } from '../stewardship/types';

type Details = Record<string, unknown>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStoredDocument(value: unknown): value is { _id: unknown } {
  return isObject(value) && '_id' in value;
}

function isGoldenDocument(value: unknown): value is GoldenRecordDocument {
  return (
    isStoredDocument(value) &&
    typeof value._id === 'string' &&
    isObject((value as Details).attributes) &&
    Array.isArray((value as Details).sourceRecordIds) &&
    typeof (value as Details).domain === 'string'
  );
}

function isTaskDocument(value: unknown): value is TaskDocument {
  return (
    isStoredDocument(value) &&
    typeof value._id === 'string' &&
    isObject((value as Details).subject) &&
    Array.isArray((value as Details).history) &&
    typeof (value as Details).type === 'string'
  );
}

function presentForViewer(value: unknown, principal: Principal): unknown {
  if (isGoldenDocument(value)) return presentGolden(value, goldenPresentOptions(value.domain, principal));
  if (isTaskDocument(value)) return presentTask(value, { visibility: visibilityOf(principal) });
  return value;
}

function mapDetails(error: AppError, map: (value: unknown) => unknown): AppError {
  if (!isObject(error.details)) return error;
  let changed = false;
  const details: Details = {};
  for (const [key, value] of Object.entries(error.details)) {
    const next = map(value);
    if (next !== value) changed = true;
    if (next !== undefined) details[key] = next;
  }
  if (!changed) return error;
  const copy = new AppError(error.status, error.code, error.message, details);
  copy.name = error.name;
  return Object.assign(copy, { stack: error.stack, ...retryHint(error) });
}

function retryHint(error: AppError): { retryAfterSeconds?: number } {
  const value = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
  return typeof value === 'number' ? { retryAfterSeconds: value } : {};
}

/** The error with every stored golden record or task in its details presented for `principal`. */
export function presentErrorFor(error: unknown, principal: Principal): unknown {
  if (!(error instanceof AppError)) return error;
  return mapDetails(error, (value) => presentForViewer(value, principal));
}

/** The error without any detail that is still a stored document (the last line of defence before the envelope). */
export function withoutStoredDocuments(error: AppError): AppError {
  return mapDetails(error, (value) => (isStoredDocument(value) ? undefined : value));
}
