/**
 * Filters as the store contract means them. The client runs with `ignoreUndefined: true` (an
 * `undefined` field is not stored), and that setting applies to filters too: `{ goldenId: undefined }`
 * would be sent as `{}` and match every document. The contract (and the embedded store) reads an
 * `undefined` value in a filter as `null` — "missing or null" — so it is sent as `null`.
 */
import type { Filter } from '../types';

export function encodeFilter(filter: Filter): Filter {
  return hasUndefined(filter) ? (nullForUndefined(filter) as Filter) : filter;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function hasUndefined(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => item === undefined || hasUndefined(item));
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const item = value[key];
    if (item === undefined || hasUndefined(item)) return true;
  }
  return false;
}

function nullForUndefined(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(nullForUndefined);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = nullForUndefined(value[key]);
  return out;
}
