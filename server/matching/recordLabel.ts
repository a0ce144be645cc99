/**
 * A human label of a source record for reports (impact preview): the domain's display attribute
 * (server/search/searchFields.json `display`, first present wins), with its source and source id.
 * Domains stay data: a domain without a display configuration is labelled by its source id.
 */
import { searchFieldsOf } from '../search/searchTerms';
import { stringsAtPaths } from './normalizers';

export interface RecordLabel {
  /** The display attribute's value, or the source id when the record has none. */
  name: string;
  source: string;
  sourceId: string;
}

/** Labels the source record `recordId` (`${domain}|${source}|${sourceId}`) from its canonical attributes. */
export function recordLabel(args: { domain: string; recordId: string; source: string; canonical: Record<string, unknown> }): RecordLabel {
  const prefix = `${args.domain}|${args.source}|`;
  const sourceId = args.recordId.startsWith(prefix) ? args.recordId.slice(prefix.length) : args.recordId;
  const displayFields = searchFieldsOf(args.domain)?.display ?? [];
  const name = displayFields
    .map((field) => stringsAtPaths(args.canonical, [field])[0])
    .find((value) => value !== undefined && value !== '');
  return { name: name ?? sourceId, source: args.source, sourceId };
}
