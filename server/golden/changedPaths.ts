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

/** Dot paths (sorted) whose values differ between `before` and `after`. */
export function changedPaths(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (a: unknown, b: unknown, path: string): void => {
    // An object that appears or disappears reports its leaves, like any other change inside it.
    if ((isPlainObject(a) || a == null) && (isPlainObject(b) || b == null) && (isPlainObject(a) || isPlainObject(b))) {
      a ??= {};
      b ??= {};
    }
    if (isPlainObject(a) && isPlainObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) visit(a[key], b[key], path ? `${path}.${key}` : key);
      return;
    }
    if (!isSameJson(a ?? null, b ?? null)) found.push(path);
  };
  visit(before, after, '');
  return found.sort();
}

/**
 * Whether a change touching `changed` concerns any of `watched`: equal paths, a watched path inside
 * a changed one (a whole object replaced), or a changed path inside a watched one.
 */
export function touchesPaths(changed: readonly string[], watched: readonly string[]): boolean {
  return watched.some((w) => changed.some((c) => c === w || c.startsWith(`${w}.`) || w.startsWith(`${c}.`)));
}
