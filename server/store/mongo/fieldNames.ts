/**
 * Reversible field-name encoding for the MongoDB adapter, so any JSON object round-trips on every
 * supported server (4.4+). BSON field names cannot contain NUL at all, and before MongoDB 5.0 they
 * cannot contain `.` or start with `$` (https://www.mongodb.com/docs/manual/core/dot-dollar-considerations/,
 * https://www.mongodb.com/docs/manual/reference/limits/#naming-restrictions). Raw payloads carry such
 * keys (NPPES headers, a UTF-16 CSV read as UTF-8), so the adapter stores
 * `%` → `%25`, `.` → `%2E`, NUL → `%00` and a leading `$` → `%24`, and decodes on every read.
 * Because `%` itself is always escaped, decoding is exact. Keys without these characters are
 * stored unchanged (and objects without such keys are not copied), so ordinary fields stay queryable.
 * Filters are not encoded: querying by a field whose name holds one of these characters is not
 * supported (the application never does; raw payloads are only read back whole).
 */

const NEEDS_ENCODING = /[%.\0]|^\$/;
const ENCODED_CHARACTER = /[%.\0]|^\$/g;
const ESCAPE = /%([0-9A-Fa-f]{2})/g;

/** One field name in stored form. */
export function encodeFieldName(name: string): string {
  return NEEDS_ENCODING.test(name)
    ? name.replace(ENCODED_CHARACTER, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    : name;
}

/** One stored field name back to its original. */
export function decodeFieldName(name: string): string {
  return name.includes('%') ? name.replace(ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : name;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

// `copy[key] = value` would set the prototype for a payload key named `__proto__`.
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function mapFieldNames<T>(value: T, rename: (name: string) => string): T {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index += 1) {
      const element = value[index] as unknown;
      const mapped = mapFieldNames(element, rename);
      if (mapped !== element) {
        copy ??= value.slice();
        copy[index] = mapped;
      }
    }
    return (copy ?? value) as T;
  }
  if (!isPlainObject(value)) return value;
  let copy: Record<string, unknown> | undefined;
  const keys = Object.keys(value);
  for (const [index, key] of keys.entries()) {
    const renamed = rename(key);
    const element = value[key];
    const mapped = mapFieldNames(element, rename);
    if (copy === undefined && (renamed !== key || mapped !== element)) {
      // Rebuild from the start so field order is kept.
      copy = {};
      for (const earlier of keys.slice(0, index)) copy[earlier] = value[earlier];
    }
    if (copy !== undefined) setOwn(copy, renamed, mapped);
  }
  return (copy ?? value) as T;
}

/** A document (or any value) with every field name in stored form; unchanged values are returned as is. */
export function encodeFieldNames<T>(value: T): T {
  return mapFieldNames(value, encodeFieldName);
}

/** The inverse of `encodeFieldNames`. */
export function decodeFieldNames<T>(value: T): T {
  return mapFieldNames(value, decodeFieldName);
}

/** Operators whose values are stored as given (their keys are paths and stay as written). */
const VALUE_OPERATORS = new Set(['$set', '$setOnInsert']);
/** Operators whose value is an element, or `{ $each: [...] }` with modifiers. */
const ELEMENT_OPERATORS = new Set(['$push', '$addToSet']);

/** An update document whose stored values are encoded; paths, conditions ($pull) and numbers are left alone. */
export function encodeUpdateValues(update: Record<string, unknown>): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const [operator, fields] of Object.entries(update)) {
    if (!isPlainObject(fields) || !(VALUE_OPERATORS.has(operator) || ELEMENT_OPERATORS.has(operator))) continue;
    let encodedFields: Record<string, unknown> | undefined;
    for (const [path, value] of Object.entries(fields)) {
      let encoded: unknown;
      if (ELEMENT_OPERATORS.has(operator) && isPlainObject(value) && Array.isArray(value.$each)) {
        const each = encodeFieldNames(value.$each);
        encoded = each === value.$each ? value : { ...value, $each: each };
      } else {
        encoded = encodeFieldNames(value);
      }
      if (encoded !== value) {
        encodedFields ??= { ...fields };
        encodedFields[path] = encoded;
      }
    }
    if (encodedFields) {
      copy ??= { ...update };
      copy[operator] = encodedFields;
    }
  }
  return copy ?? update;
}
