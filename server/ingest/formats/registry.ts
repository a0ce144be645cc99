/**
 * The content types the hub ingests, each with its format, default options and whether an upload job
 * can read it record by record. One module for the server (ingest API, upload jobs, MLLP, seed) and
 * the studio (sample panel): `parseFormatText` is what both call on a whole text.
 */
import { parseDelimitedText, type DelimitedOptions } from './delimited';
import { parseFhirText, type FhirOptions } from './fhir';
import { parseHl7Text, type Hl7Options } from './hl7v2';
import { TEXT_ENCODINGS, type ParsedItem, type TextEncoding } from './types';
import { parseX12Text, type X12Options } from './x12';
import { parseXmlText, type XmlOptions } from './xml';
import { present } from '../../invariant';

export const FORMAT_NAMES = ['json', 'ndjson', 'delimited', 'hl7v2', 'xml', 'x12', 'fhir'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Every option any format takes; each format's schema says which apply to it. */
export interface SourceFormatOptions extends DelimitedOptions, Hl7Options, XmlOptions, X12Options, FhirOptions {
  /** How the bytes are encoded (default utf-8). */
  encoding?: TextEncoding;
}

/** How a source sends its payloads: a content type and its options (kept with the mapping). */
export interface SourceFormat {
  contentType: string;
  options?: SourceFormatOptions;
}

export interface ContentTypeEntry {
  contentType: string;
  format: FormatName;
  /** Options implied by the content type itself (tab for text/tab-separated-values). */
  defaults: SourceFormatOptions;
  /** Whether an upload job can read it record by record in bounded memory (XML: with a `recordPath`). */
  isStreamable: boolean;
  label: string;
}

export const CONTENT_TYPES: readonly ContentTypeEntry[] = [
  { contentType: 'application/json', format: 'json', defaults: {}, isStreamable: false, label: 'JSON (object or array)' },
  { contentType: 'application/x-ndjson', format: 'ndjson', defaults: {}, isStreamable: true, label: 'NDJSON' },
  { contentType: 'application/ndjson', format: 'ndjson', defaults: {}, isStreamable: true, label: 'NDJSON' },
  { contentType: 'text/csv', format: 'delimited', defaults: {}, isStreamable: true, label: 'Delimited text (CSV, pipe, …)' },
  {
    contentType: 'text/tab-separated-values',
    format: 'delimited',
    defaults: { delimiter: '\t' },
    isStreamable: true,
    label: 'Tab-separated text',
  },
  { contentType: 'application/hl7-v2', format: 'hl7v2', defaults: {}, isStreamable: true, label: 'HL7 v2 ER7' },
  { contentType: 'x-application/hl7-v2+er7', format: 'hl7v2', defaults: {}, isStreamable: true, label: 'HL7 v2 ER7' },
  { contentType: 'application/xml', format: 'xml', defaults: {}, isStreamable: true, label: 'XML' },
  { contentType: 'text/xml', format: 'xml', defaults: {}, isStreamable: true, label: 'XML (SOAP 1.1)' },
  { contentType: 'application/soap+xml', format: 'xml', defaults: {}, isStreamable: true, label: 'SOAP 1.2' },
  { contentType: 'application/edi-x12', format: 'x12', defaults: {}, isStreamable: true, label: 'X12 (832 catalog)' },
  { contentType: 'application/fhir+json', format: 'fhir', defaults: {}, isStreamable: true, label: 'FHIR R4 JSON (Bundle)' },
];

/** The entry of a bare media type, or undefined. */
export function contentTypeEntry(mediaType: string): ContentTypeEntry | undefined {
  return CONTENT_TYPES.find((entry) => entry.contentType === mediaType);
}

const encodingSchema = {
  type: 'string',
  enum: TEXT_ENCODINGS,
  description: 'How the bytes are encoded (default utf-8; utf-16 needs a byte-order mark).',
} as const;

/** JSON Schemas of each format's options (validated by the server; the studio renders its form from them). */
export const FORMAT_OPTION_SCHEMAS: Readonly<
  Record<FormatName, { type: 'object'; additionalProperties: false; properties: Record<string, unknown> }>
> = {
  json: { type: 'object', additionalProperties: false, properties: { encoding: encodingSchema } },
  ndjson: { type: 'object', additionalProperties: false, properties: { encoding: encodingSchema } },
  delimited: {
    type: 'object',
    additionalProperties: false,
    properties: {
      encoding: encodingSchema,
      delimiter: { type: 'string', minLength: 1, maxLength: 4, description: 'Field delimiter: , | \\t ; (default ,).' },
      quote: { type: 'string', maxLength: 1, description: 'Quote character (default "); empty = never quoted.' },
      header: { type: 'boolean', description: 'The first row names the columns (default true).' },
      columns: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        maxItems: 1000,
        description: 'Column names when there is no header row.',
      },
      trim: { type: 'boolean', description: 'Trim spaces around values (default false).' },
    },
  },
  hl7v2: {
    type: 'object',
    additionalProperties: false,
    properties: {
      encoding: encodingSchema,
      fieldNames: { type: 'boolean', description: 'Name fields from the segment definitions (default true).' },
    },
  },
  xml: {
    type: 'object',
    additionalProperties: false,
    properties: {
      encoding: encodingSchema,
      recordPath: {
        type: 'string',
        pattern: '^[A-Za-z_][\\w.\\-/]*$',
        maxLength: 500,
        description: 'Dotted local element names from the root to one record.',
      },
      alwaysArray: {
        type: 'array',
        items: { type: 'string', minLength: 1 },
        maxItems: 500,
        description: 'Elements that are always arrays.',
      },
    },
  },
  x12: {
    type: 'object',
    additionalProperties: false,
    properties: {
      encoding: encodingSchema,
      loopSegment: { type: 'string', pattern: '^[A-Z][A-Z0-9]{1,2}$', description: 'Segment that starts one record (default LIN).' },
    },
  },
  fhir: {
    type: 'object',
    additionalProperties: false,
    properties: {
      encoding: encodingSchema,
      resourceType: {
        type: 'string',
        pattern: '^[A-Z][A-Za-z]*$',
        description: 'The resource type of the records (default: every resource).',
      },
    },
  },
};

function parseJsonText(text: string): ParsedItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [
      { kind: 'unreadable', code: 'INVALID_JSON', message: `The JSON cannot be read: ${(error as Error).message}.`, text, position: {} },
    ];
  }
  const values: unknown[] = Array.isArray(value) ? value : [value];
  return values.map((raw, index) => ({ kind: 'record', raw, position: { index } }));
}

function parseNdjsonText(text: string): ParsedItem[] {
  const items: ParsedItem[] = [];
  text.split('\n').forEach((line, index) => {
    const body = line.replace(/\r$/, '');
    if (body.trim() === '') return;
    try {
      items.push({ kind: 'record', raw: JSON.parse(body), position: { line: index + 1 } });
    } catch (error) {
      items.push({
        kind: 'unreadable',
        code: 'NDJSON_PARSE_ERROR',
        message: `Line ${index + 1} is not valid JSON (${(error as Error).message}).`,
        text: body,
        position: { line: index + 1 },
      });
    }
  });
  return items;
}

/** Every record (or unreadable piece) of a whole text in `format`. */
export function parseFormatText(format: FormatName, text: string, options: SourceFormatOptions = {}): ParsedItem[] {
  switch (format) {
    case 'json':
      return parseJsonText(text);
    case 'ndjson':
      return parseNdjsonText(text);
    case 'delimited':
      return parseDelimitedText(text, options);
    case 'hl7v2':
      return parseHl7Text(text, options);
    case 'xml':
      return parseXmlText(text, options);
    case 'x12':
      return parseX12Text(text, options);
    case 'fhir':
      return parseFhirText(text, options);
  }
}

/**
 * Options named in Content-Type parameters (`text/csv; delimiter="|"; charset=windows-1252`), as raw
 * values for validation: `charset` → encoding, `header`/`trim`/`fieldNames` → booleans, comma lists for
 * `alwaysArray` and `columns`. Parameters that are no option (e.g. `version`) are ignored.
 */
export function optionsFromMediaTypeParameters(header: string): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  const pattern = /;\s*([A-Za-z][\w-]*)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of header.matchAll(pattern)) {
    const name = present(match[1], 'the parameter name');
    const raw = present(match[2], 'the parameter value').trim();
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    const key = name.toLowerCase();
    if (key === 'charset')
      options.encoding =
        value.toLowerCase() === 'utf8'
          ? 'utf-8'
          : value
              .toLowerCase()
              .replace(/^cp1252$/, 'windows-1252')
              .replace(/^latin1$/, 'iso-8859-1');
    else if (key === 'delimiter') options.delimiter = value === '\\t' || value.toLowerCase() === 'tab' ? '\t' : value;
    else if (key === 'quote') options.quote = value;
    else if (key === 'header' || key === 'trim' || key === 'fieldnames')
      options[key === 'fieldnames' ? 'fieldNames' : key] =
        value === 'true' || value === 'present' ? true : value === 'false' || value === 'absent' ? false : value;
    else if (key === 'columns' || key === 'alwaysarray')
      options[key === 'columns' ? 'columns' : 'alwaysArray'] = value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    else if (key === 'recordpath') options.recordPath = value;
    else if (key === 'resourcetype') options.resourceType = value;
    else if (key === 'loopsegment') options.loopSegment = value;
  }
  return options;
}
