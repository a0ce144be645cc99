/** Small display helpers shared by the pages. */

/** A timestamp as a short local date and time ("24 Nov 2026, 20:33"); empty for missing values. */
export function formatWhen(iso: string | undefined | null): string {
  if (iso === undefined || iso === null || iso === '') return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Any attribute value as one readable line (objects and arrays as compact JSON). */
export function formatValue(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A score 0..1 as a percentage with no decimals. */
export function formatScore(score: number | null | undefined): string {
  return typeof score === 'number' ? `${Math.round(score * 100)}%` : '—';
}

/** Whether two JSON values are equal (key order ignored). */
export function isSameValue(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so equal values give equal text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
