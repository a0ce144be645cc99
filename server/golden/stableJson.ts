/** JSON with object keys sorted, so equal values always serialise (and hash) the same way. */
import { createHash } from 'node:crypto';

/** Serialises `value` with sorted object keys. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/** Short SHA-256 of the stable serialisation. */
export function stableHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 32);
}

/** Whether two JSON values are equal regardless of key order. */
export function isSameJson(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b);
}
