/**
 * Covered reads, as MongoDB's covered queries (https://www.mongodb.com/docs/manual/core/query-optimization/#covered-query):
 * a find whose filter is only equalities (`f: v`, `{ $eq }`, `{ $in }` of scalars) on the leading fields of one index, and
 * whose projection keeps only fields of that index, is answered from the index's key tuples — no document is read,
 * decoded or parsed. With a small resident-text budget most documents' text is spilled (a `pread` and a parse per read);
 * an index read costs neither. The answer is the same documents with the same projected values: only a read the index
 * answers exactly is covered, anything else (sort, skip, limit, other operators, a transaction's staged changes, a
 * multikey or object-valued field) takes the ordinary path. A null key stands for a null or a missing field alike, so
 * an entry whose projected key is null is answered by reading its document.
 */
import type { Document, Filter, FindOptions } from '../types';
import { isIndexableScalar, type IndexState } from './indexState';
import type { CollectionView } from './matcher';
import { encodeKeyValue } from './indexState';
import { projectDocuments } from './projection';

/** The filter as one list of encoded keys per field, when it is only equalities on scalars; otherwise undefined. */
function equalitiesOnly(filter: Filter): Map<string, string[]> | undefined {
  const out = new Map<string, string[]>();
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) return undefined;
    let values: unknown[];
    if (isIndexableScalar(condition)) values = [condition];
    else if (condition !== null && typeof condition === 'object' && !Array.isArray(condition) && !(condition instanceof RegExp)) {
      const operators = Object.entries(condition as Record<string, unknown>);
      if (operators.length !== 1) return undefined;
      const [operator, operand] = operators[0] as [string, unknown];
      if (operator === '$eq' && isIndexableScalar(operand)) values = [operand];
      else if (operator === '$in' && Array.isArray(operand) && operand.every(isIndexableScalar)) values = operand;
      else return undefined;
    } else return undefined;
    out.set(field, [...new Set(values.map(encodeKeyValue))]);
  }
  return out;
}

/** The projected fields (besides `_id`) and whether `_id` is kept, when the projection is an inclusion. */
function inclusionOf(projection: FindOptions['projection']): { fields: string[]; idKept: 0 | 1 | undefined } | undefined {
  if (!projection) return undefined;
  const fields: string[] = [];
  let idKept: 0 | 1 | undefined;
  for (const [field, value] of Object.entries(projection)) {
    if (field === '_id') idKept = value;
    else if (value !== 1 || field.length === 0 || field.startsWith('$') || field.split('.').some((part) => part.length === 0))
      return undefined;
    else fields.push(field);
  }
  return fields.length > 0 ? { fields, idKept } : undefined;
}

/** Decodes a stored key of a string, number or boolean; undefined for null / missing ('z') and objects ('o…'). */
function decodedKey(key: string): { value: unknown } | undefined {
  switch (key.charCodeAt(0)) {
    case 115 /* s */:
      return { value: key.slice(1) };
    case 110 /* n */:
      return { value: Number(key.slice(1)) };
    case 98 /* b */:
      return { value: key === 'b1' };
    default:
      return undefined;
  }
}

/** Sets a (dotted) field of a projected document. */
function setPath(doc: Record<string, unknown>, field: string, value: unknown): void {
  const parts = field.split('.');
  let target = doc;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (next !== null && typeof next === 'object') target = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      target[part] = created;
      target = created;
    }
  }
  target[parts[parts.length - 1] as string] = value;
}

/** The index that answers the read, and which of its levels each projected field is, if one does. */
function coveringIndex(input: {
  indexes: IndexState[];
  filter: Filter;
  equalities: Map<string, string[]>;
  fields: string[];
}): { index: IndexState; prefix: string[][]; levels: number[] } | undefined {
  for (const index of input.indexes) {
    if (!index.coversFilter(input.filter)) continue;
    const prefix: string[][] = [];
    for (const field of index.fields.slice(0, input.equalities.size)) {
      const keys = input.equalities.get(field);
      if (!keys) break;
      prefix.push(keys);
    }
    if (prefix.length !== input.equalities.size) continue;
    const levels = input.fields.map((field) => index.fields.indexOf(field));
    if (levels.some((level) => level < 0 || level >= index.heldLevels)) continue;
    const deepest = Math.max(prefix.length - 1, ...levels);
    // An array along a field's path makes its entries keys of the elements, not the field's value.
    if (index.multikey.slice(0, deepest + 1).some(Boolean) || index.hasObjectKeys.slice(0, deepest + 1).some(Boolean)) continue;
    return { index, prefix, levels };
  }
  return undefined;
}

/**
 * The read's results from an index alone, or undefined when no index covers it (the caller reads documents). Results
 * are the caller's own objects; their order is the index's, as the ordinary path gives for the same lookup.
 */
export function coveredResults(input: { view: CollectionView; filter: Filter; options: FindOptions }): Document[] | undefined {
  const { view, filter, options } = input;
  if (view.overlay || (options.sort && Object.keys(options.sort).length > 0) || options.skip || options.limit) return undefined;
  const inclusion = inclusionOf(options.projection);
  const equalities = equalitiesOnly(filter);
  if (!inclusion || !equalities || equalities.size === 0 || equalities.has('_id')) return undefined;
  const covering = coveringIndex({ indexes: view.state.indexes, filter, equalities, fields: inclusion.fields });
  if (!covering) return undefined;
  const results: Document[] = [];
  const seen = new Set<string>();
  for (const { keys, id } of covering.index.entriesForPrefix(covering.prefix)) {
    if (seen.has(id)) continue;
    seen.add(id);
    const doc: Record<string, unknown> = inclusion.idKept === 1 ? { _id: id } : {};
    let isExact = true;
    for (const [position, field] of inclusion.fields.entries()) {
      const decoded = decodedKey(keys[covering.levels[position] as number] as string);
      if (!decoded) {
        isExact = false;
        break;
      }
      setPath(doc, field, decoded.value);
    }
    if (isExact) {
      if (inclusion.idKept === undefined) doc._id = id;
      results.push(doc as Document);
      continue;
    }
    // A null key: null or missing, which only the document tells.
    const json = view.state.docs.get(id);
    if (json !== undefined) results.push(...projectDocuments<Document>([JSON.parse(json) as Document], options.projection));
  }
  return results;
}
