/**
 * What tells a golden record apart from others with the same name: the domain's summary attributes
 * (server/search/searchFields.json, `summary` — domain data, no per-domain code here) and the source
 * systems that feed it. Five "ST. JOSEPH'S HOSPITAL" rows read "City JOLIET · CCN 140007 · cms, nppes".
 */
import searchFields from '../../../server/search/searchFields.json';

export interface SummaryFact {
  label: string;
  value: string;
}

interface SummaryField {
  field: string;
  label: string;
}

const SUMMARY: Record<string, SummaryField[]> = Object.fromEntries(
  Object.entries(searchFields as Record<string, unknown>).flatMap(([domain, config]) =>
    typeof config === 'object' && config !== null && Array.isArray((config as { summary?: unknown }).summary)
      ? [[domain, (config as { summary: SummaryField[] }).summary]]
      : [],
  ),
);

/** The scalar values at a dotted path, going through arrays (`addresses.city` of every address). */
export function valuesAtPath(value: unknown, path: readonly string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => valuesAtPath(entry, path));
  if (path.length === 0) {
    if (typeof value === 'string') return value.trim() === '' ? [] : [value];
    return typeof value === 'number' || typeof value === 'boolean' ? [String(value)] : [];
  }
  if (value === null || typeof value !== 'object') return [];
  return valuesAtPath((value as Record<string, unknown>)[path[0] as string], path.slice(1));
}

/** The source systems of `domain|source|sourceId` record ids, each once, in order. */
export function sourcesOf(sourceRecordIds: readonly string[]): string[] {
  return [...new Set(sourceRecordIds.map((id) => id.split('|')[1] ?? id))];
}

/** The labelled summary attributes of a record of `domain` that have a value. */
export function summaryFacts(domain: string, attributes: Record<string, unknown>): SummaryFact[] {
  return (SUMMARY[domain] ?? []).flatMap(({ field, label }) => {
    const values = [...new Set(valuesAtPath(attributes, field.split('.')))];
    return values.length === 0 ? [] : [{ label, value: values.join(', ') }];
  });
}

/** One line: the summary facts, then the source systems ("City JOLIET · CCN 140007 · cms, nppes"). */
export function summaryLine(record: { domain: string; attributes: Record<string, unknown>; sourceRecordIds: readonly string[] }): string {
  const facts = summaryFacts(record.domain, record.attributes).map((fact) => `${fact.label} ${fact.value}`);
  const sources = sourcesOf(record.sourceRecordIds);
  return [...facts, ...(sources.length > 0 ? [sources.join(', ')] : [])].join(' · ');
}
