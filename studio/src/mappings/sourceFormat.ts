/**
 * The sample panel's format choice ↔ the mapping's `format` setting (content type + parser options), so
 * what the analyst picks for the sample is saved with the draft, used by ingest, and picked again when
 * the mapping is reopened. Uses the server's content-type registry (server/ingest/formats/registry.ts).
 */
import { contentTypeEntry, type SourceFormat, type SourceFormatOptions } from '../../../server/ingest/formats/registry';
import type { SampleFormat } from '../samples/parseSamples';
import { stableJson } from '../ui/format';

export type SampleFormatChoice = SampleFormat | 'auto';

/** The content type written for a choice when the mapping named none of that format before. */
const DEFAULT_CONTENT_TYPE: Record<SampleFormat, string> = {
  json: 'application/json',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv',
  hl7v2: 'application/hl7-v2',
  xml: 'application/xml',
  x12: 'application/edi-x12',
  fhir: 'application/fhir+json',
};

/** The picker state for a stored `format` ('auto' and no options when the mapping has none). */
export function choiceOfSourceFormat(format: SourceFormat | undefined): { format: SampleFormatChoice; options: SourceFormatOptions } {
  const entry = format === undefined ? undefined : contentTypeEntry(format.contentType);
  if (format === undefined || entry === undefined) return { format: 'auto', options: {} };
  return { format: entry.format === 'delimited' ? 'csv' : entry.format, options: { ...entry.defaults, ...format.options } };
}

/** Options as the server validates them: empty texts and lists mean "not set". */
function cleanOptions(options: SourceFormatOptions): SourceFormatOptions {
  return Object.fromEntries(
    Object.entries(options).filter(([name, value]) => {
      if (value === undefined || (Array.isArray(value) && value.length === 0)) return false;
      // An empty quote means "never quoted", a setting of its own; other empty texts are unset.
      return !(typeof value === 'string' && value === '' && name !== 'quote');
    }),
  ) as SourceFormatOptions;
}

/**
 * The `format` to save for a choice (undefined for 'auto'): the previously stored content type is kept
 * when it is of the same format (`text/xml` stays `text/xml`), else the format's usual one.
 */
export function sourceFormatOfChoice(input: {
  format: SampleFormatChoice;
  options: SourceFormatOptions;
  previous?: SourceFormat;
}): SourceFormat | undefined {
  if (input.format === 'auto') return undefined;
  const wanted = input.format === 'csv' ? 'delimited' : input.format;
  const previous = input.previous === undefined ? undefined : contentTypeEntry(input.previous.contentType);
  const contentType = previous?.format === wanted ? previous.contentType : DEFAULT_CONTENT_TYPE[input.format];
  const implied = contentTypeEntry(contentType)?.defaults ?? {};
  // Options the content type implies (tab for text/tab-separated-values) are not repeated.
  const options = Object.fromEntries(
    Object.entries(cleanOptions(input.options)).filter(([name, value]) => stableJson((implied as Record<string, unknown>)[name]) !== stableJson(value)),
  );
  return { contentType, options };
}
