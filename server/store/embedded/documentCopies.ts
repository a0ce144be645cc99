/**
 * Copies of documents without a JSON round trip. The store keeps documents as JSON text; the read path
 * tests candidates against parsed documents shared through a bounded cache (deep-frozen, never handed out,
 * see parsedCache.ts) and gives each caller its own copy of the matches. Copying a parsed document walks it
 * once (~3× faster than `JSON.parse` of its text); a written document that is already plain JSON is copied
 * the same way instead of being parsed back from the text just written.
 */
// `copyIfPlainJson` lives with the other plain-JSON helpers (golden survivorship copies values with it too).
export { copyIfPlainJson } from '../../stableJson';

/** A deep copy of a value parsed from JSON (or a copy of one): plain objects, arrays and JSON scalars only. */
export function copyParsed<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const length = value.length;
    const out = new Array<unknown>(length);
    for (let i = 0; i < length; i++) out[i] = copyParsed(value[i] as unknown);
    return out as T;
  }
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    // JSON.parse makes `__proto__` an own property; assignment would set the prototype instead.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: copyParsed(source[key]), enumerable: true, writable: true, configurable: true });
    else out[key] = copyParsed(source[key]);
  }
  return out as T;
}

/**
 * True when `value` is plain JSON as `copyIfPlainJson` (stableJson.ts) defines it (its round trip through JSON would give an equal
 * value), checked without copying anything: a document handed over by its caller is then kept as it is.
 */
export function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    const length = value.length;
    for (let i = 0; i < length; i++) if (!isPlainJson(value[i])) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const source = value as Record<string, unknown>;
  if (typeof source.toJSON === 'function') return false;
  for (const key of Object.keys(source)) if (key === '__proto__' || !isPlainJson(source[key])) return false;
  return true;
}

/**
 * Whether the store deep-freezes the parsed documents it shares or keeps: under the test runner (`VITEST`), or with
 * `MDM_STORE_FREEZE_SHARED=true`. A store path that changed a shared cache entry, or a caller that changed a document
 * it handed over (`WriteOptions.isHandedOver`) while the store still holds it, then throws in the tests; in
 * production the walk is skipped (it cost ~2 % of a bulk load).
 */
export const isFreezingShared = process.env.VITEST !== undefined || process.env.MDM_STORE_FREEZE_SHARED === 'true';

/** Freezes a parsed document and everything in it (shared cache entries must not change under their readers). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (Array.isArray(value)) for (const element of value) deepFreeze(element);
  else for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
}
