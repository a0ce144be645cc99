/**
 * What the sample payloads look like at a JSONata path, for field completion. Paths follow JSONata
 * semantics: a step over an array applies to every item (arrays are flattened), so `Lines.SKU`
 * works whether `Lines` is one object or a list of them.
 */

export type PathStep = { kind: 'field'; name: string } | { kind: 'wildcard' } | { kind: 'descendants' };

export interface FieldInfo {
  name: string;
  /** JSON types seen for this key across the samples, e.g. ["string"] or ["array", "null"]. */
  types: string[];
  /** The first non-null value seen, for the completion detail. */
  example: unknown;
  /** Number of sample objects carrying the key. */
  occurrences: number;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Flattens arrays (nested too) the way a JSONata path step sees them. */
function flatten(values: unknown[]): unknown[] {
  const result: unknown[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== undefined) result.push(value);
  };
  values.forEach(visit);
  return result;
}

function descendants(values: unknown[]): unknown[] {
  const result: unknown[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    result.push(value);
    if (isRecord(value)) Object.values(value).forEach(visit);
  };
  values.forEach(visit);
  return result;
}

/** Values reached by following `steps` from each sample record. */
export function valuesAtPath(records: readonly unknown[], steps: readonly PathStep[]): unknown[] {
  let current = flatten([...records]);
  for (const step of steps) {
    const next: unknown[] = [];
    const sources = step.kind === 'descendants' ? descendants(current) : current;
    for (const value of sources) {
      if (!isRecord(value)) continue;
      if (step.kind === 'field') next.push(value[step.name]);
      else if (step.kind === 'wildcard' || step.kind === 'descendants') next.push(...Object.values(value));
    }
    current = step.kind === 'descendants' ? flatten([...sources, ...next]) : flatten(next);
  }
  return current;
}

/** Keys of the objects among `values` (arrays flattened), in first-seen order. */
export function fieldsOf(values: readonly unknown[]): FieldInfo[] {
  const fields = new Map<string, FieldInfo>();
  for (const value of flatten([...values])) {
    if (!isRecord(value)) continue;
    for (const [name, fieldValue] of Object.entries(value)) {
      let info = fields.get(name);
      if (info === undefined) {
        info = { name, types: [], example: undefined, occurrences: 0 };
        fields.set(name, info);
      }
      info.occurrences += 1;
      const type = jsonType(fieldValue);
      if (!info.types.includes(type)) info.types.push(type);
      if (info.example === undefined && fieldValue !== null && fieldValue !== undefined) info.example = fieldValue;
    }
  }
  return [...fields.values()];
}

/** A short, single-line preview of a sample value for completion details. */
export function previewValue(value: unknown, maxLength = 40): string {
  if (value === undefined) return '';
  let text: string;
  if (Array.isArray(value)) text = `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  else if (isRecord(value)) text = `{${Object.keys(value).slice(0, 4).join(', ')}${Object.keys(value).length > 4 ? ', …' : ''}}`;
  else text = JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}
