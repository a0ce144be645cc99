/**
 * Canonical paths that changed between two versions of a golden record's attributes, for the
 * change feed (`changedPaths`) and subscriptions that fire only when given paths change.
 * Objects are descended (`manufacturer.name`); arrays are compared whole (`identifiers`), because
 * element positions shift when one element is added and would report every later element.
 */
import { isSameJson } from '../stableJson';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `isSameJson(a, b)` (undefined reads as null) for attribute values, without serialising a text compared with nothing,
 * with another text, or with a number or a boolean — their JSON never agrees (a text's is quoted, and JSON.stringify
 * is one-to-one on texts) — which is most of a new golden record's leaves. Anything else goes to `isSameJson`.
 */
export function isSameAttributeValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'string' ? isPlainScalar(b) : typeof b === 'string' && isPlainScalar(a)) return false;
  return isSameJson(a ?? null, b ?? null);
}

function isPlainScalar(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function visitPaths(a: unknown, b: unknown, path: string, found: string[]): void {
  // An object that appears or disappears reports its leaves, like any other change inside it.
  if ((isPlainObject(a) || a == null) && (isPlainObject(b) || b == null) && (isPlainObject(a) || isPlainObject(b))) {
    a ??= {};
    b ??= {};
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysOfA = Object.keys(a);
    // Against an empty side (a new record, an object that appeared) the keys are the other side's: no union to build.
    const keys = keysOfA.length === 0 ? Object.keys(b) : new Set([...keysOfA, ...Object.keys(b)]);
    for (const key of keys) visitPaths(a[key], b[key], path ? `${path}.${key}` : key, found);
    return;
  }
  if (!isSameAttributeValue(a, b)) found.push(path);
}

/** Dot paths (sorted) whose values differ between `before` and `after`. */
export function changedPaths(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const found: string[] = [];
  visitPaths(before, after, '', found);
  return found.sort();
}

/**
 * Whether a change touching `changed` concerns any of `watched`: equal paths, a watched path inside
 * a changed one (a whole object replaced), or a changed path inside a watched one.
 */
export function touchesPaths(changed: readonly string[], watched: readonly string[]): boolean {
  return watched.some((w) => changed.some((c) => c === w || c.startsWith(`${w}.`) || w.startsWith(`${c}.`)));
}
