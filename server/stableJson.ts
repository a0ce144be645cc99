/** JSON with object keys sorted, so equal values always serialise (and hash) the same way. */
import { createHash } from 'node:crypto';

interface Frame {
  values: unknown[];
  /** Object keys, parallel to `values`; absent for arrays. */
  keys?: string[];
  next: number;
}

/**
 * Serialises `value` with sorted object keys (undefined → null in arrays, left out in objects).
 * Iterative, so no nesting depth can overflow the call stack.
 */
export function stableStringify(value: unknown): string {
  const parts: string[] = [];
  const stack: Frame[] = [];
  let pending: { value: unknown } | null = { value };
  for (;;) {
    if (pending) {
      const current = pending.value;
      pending = null;
      if (current === undefined) parts.push('null');
      else if (current === null || typeof current !== 'object') parts.push(String(JSON.stringify(current)));
      else if (Array.isArray(current)) {
        parts.push('[');
        stack.push({ values: current, next: 0 });
      } else {
        const flat = flatObjectText(current as Record<string, unknown>);
        if (flat !== undefined) parts.push(flat);
        else {
          const entries = Object.entries(current as Record<string, unknown>)
            .filter(([, item]) => item !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
          parts.push('{');
          stack.push({ values: entries.map(([, item]) => item), keys: entries.map(([key]) => key), next: 0 });
        }
      }
    }
    const frame = stack[stack.length - 1];
    if (!frame) break;
    if (frame.next < frame.values.length) {
      if (frame.next > 0) parts.push(',');
      if (frame.keys) parts.push(`${JSON.stringify(frame.keys[frame.next])}:`);
      pending = { value: frame.values[frame.next] };
      frame.next += 1;
    } else {
      parts.push(frame.keys ? '}' : ']');
      stack.pop();
    }
  }
  return parts.join('');
}

/**
 * The text `stableStringify` writes for `value` when no value of it is an object or array — a flat record, such as
 * a CSV row (the raw payload hashed once per ingested record) or the innermost level of a canonical record; undefined
 * otherwise. Built in one pass without the entries, frames and parts the general walk allocates per value
 * (docs/INGEST.md, eleventh pass), and the same text: the same keys (own enumerable string keys, undefined values
 * left out), the same order (the default sort compares UTF-16 code units, as `a < b` does; keys are unique) and the
 * same value texts.
 */
function flatObjectText(value: Record<string, unknown>): string | undefined {
  const keys = Object.keys(value);
  for (const key of keys) {
    const item = value[key];
    if (item !== null && typeof item === 'object') return undefined;
  }
  keys.sort();
  let text = '{';
  for (const key of keys) {
    const item = value[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${String(JSON.stringify(item))}`;
  }
  return `${text}}`;
}

/** Short SHA-256 of the stable serialisation. */
export function stableHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 32);
}

function isObjectValue(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/**
 * Whether two JSON values are equal regardless of key order. The same reference, two scalars, or a scalar
 * and an object are decided without serialising (the common case on the ingest path: a new golden record
 * compared with nothing); the answer is always the one the stable serialisations give.
 */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const isObjectA = isObjectValue(a);
  const isObjectB = isObjectValue(b);
  // An object serialises to `{…}` or `[…]`, which no scalar's JSON (or `null`) can equal.
  if (isObjectA !== isObjectB) return false;
  if (!isObjectA) return String(JSON.stringify(a ?? null)) === String(JSON.stringify(b ?? null));
  return stableStringify(a) === stableStringify(b);
}

const NOT_PLAIN = Symbol('not plain JSON');

/**
 * `JSON.parse(JSON.stringify(value))` without the parse or the text, when `value` is plain JSON already (plain objects and
 * dense arrays of strings, booleans, null and finite numbers other than -0, no `toJSON`, no `__proto__` key);
 * undefined when it is not, and the caller parses the text instead (Dates, undefined fields, NaN and the like
 * change in a round trip, and only the round trip says how).
 */
export function copyIfPlainJson<T>(value: T): T | undefined {
  const copy = plainCopy(value);
  return copy === NOT_PLAIN ? undefined : (copy as T);
}

function plainCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : NOT_PLAIN;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const length = value.length;
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) {
      const element = plainCopy(value[i]);
      if (element === NOT_PLAIN) return NOT_PLAIN;
      out[i] = element;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return NOT_PLAIN;
  const source = value as Record<string, unknown>;
  if (typeof source.toJSON === 'function') return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (key === '__proto__') return NOT_PLAIN;
    const field = plainCopy(source[key]);
    if (field === NOT_PLAIN) return NOT_PLAIN;
    out[key] = field;
  }
  return out;
}
