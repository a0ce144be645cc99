/**
 * Projections. Top-level inclusion / exclusion projections (the only kind the application uses)
 * are applied directly, reproducing mingo's output exactly (field order included); anything else
 * (dotted paths, operators) goes through mingo, whose `find` builds a full operator context per
 * call and made a projected findOne several times slower than an unprojected one.
 */
import { find as mingoFind } from 'mingo';
import type { Document, Projection } from '../types';

interface SimpleProjection {
  isInclusion: boolean;
  fields: Set<string>;
  /** `_id` explicitly 1, explicitly 0, or not mentioned. */
  id: 0 | 1 | undefined;
}

function simpleProjection(projection: Projection): SimpleProjection | undefined {
  let isInclusion: boolean | undefined;
  let id: 0 | 1 | undefined;
  const fields = new Set<string>();
  for (const field of Object.keys(projection)) {
    const value = projection[field] as unknown;
    if (value !== 0 && value !== 1) return undefined;
    if (field.length === 0 || field.includes('.') || field.startsWith('$') || field === '__proto__') return undefined;
    if (field === '_id') {
      id = value;
      continue;
    }
    const fieldInclusion = value === 1;
    if (isInclusion !== undefined && isInclusion !== fieldInclusion) return undefined;
    isInclusion = fieldInclusion;
    fields.add(field);
  }
  // `{ _id: 1 }` alone is an inclusion, `{ _id: 0 }` alone an exclusion.
  return { isInclusion: isInclusion ?? id === 1, fields, id };
}

function projectOne(doc: Document, spec: SimpleProjection): Document {
  const out: Record<string, unknown> = {};
  if (spec.isInclusion) {
    for (const key of Object.keys(doc)) {
      if (key === '_id' ? spec.id === 1 : spec.fields.has(key)) out[key] = doc[key];
    }
    // mingo appends an implicitly included _id after the projected fields.
    if (spec.id === undefined && doc._id !== undefined) out._id = doc._id;
    return out as Document;
  }
  for (const key of Object.keys(doc)) {
    if (key === '_id' ? spec.id === 0 : spec.fields.has(key)) continue;
    out[key] = doc[key];
  }
  return out as Document;
}

/** Applies an inclusion or exclusion projection (documents are the caller's own copies). */
export function projectDocuments<T>(docs: Document[], projection: Projection | undefined): T[] {
  if (!projection || Object.keys(projection).length === 0) return docs as unknown as T[];
  const spec = simpleProjection(projection);
  if (!spec) return mingoFind(docs, {}, projection).all() as T[];
  return docs.map((doc) => projectOne(doc, spec)) as unknown as T[];
}
