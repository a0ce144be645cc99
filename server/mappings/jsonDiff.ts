/** Where two JSON values differ, as field paths (`packaging[0].uom`), for test failures and "what changes". */
import { stableStringify } from './mappingIdentity';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const safe = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
  return path === '' ? safe : `${path}.${safe}`;
}

/** Paths whose values differ (objects and arrays are descended; at most `limit` paths, `''` = the whole value). */
export function differingPaths(before: unknown, after: unknown, limit = 50): string[] {
  const found: string[] = [];
  const visit = (a: unknown, b: unknown, path: string): void => {
    if (found.length >= limit) return;
    if (isPlainObject(a) && isPlainObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys) visit(a[key], b[key], join(path, key));
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let index = 0; index < Math.max(a.length, b.length); index++) visit(a[index], b[index], join(path, index));
      return;
    }
    if (stableStringify(a) !== stableStringify(b)) found.push(path);
  };
  visit(before, after, '');
  return found;
}
