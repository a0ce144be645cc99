/**
 * Turns request bodies and uploaded files into source records, one at a time and in bounded memory:
 * a JSON object or array, NDJSON (one object per line) or CSV with a header row. A line that cannot
 * be read becomes an `unreadable` item in its place, so it reaches the exception queue instead of
 * being dropped, and every item keeps its position for messages and resumable jobs.
 */
import { parse as createCsvParser } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import { BadRequestError } from '../errors';
import { parseJson } from '../http/body';
import { DEFAULT_MAX_JSON_DEPTH, describePath, findTooDeep, truncatedJson } from '../http/jsonDepth';
import { collectingCallbacks, csvParseOptions, type DelimitedOptions } from './formats/delimited';
import { Hl7MessageSplitter } from './formats/hl7v2';
import { FhirBundleSplitter } from './formats/fhir';
import { parseFormatText, type FormatName, type SourceFormatOptions } from './formats/registry';
import type { ItemPosition, ParsedItem } from './formats/types';
import { X12Splitter } from './formats/x12';
import { XmlRecordSplitter } from './formats/xml';

export type { ItemPosition, ParsedItem } from './formats/types';

/** A registry format; `csv` is the older name of `delimited` with its defaults (comma, header row). */
export type IngestFormat = FormatName | 'csv';

/** Media types accepted inline, by format. */
export const INGEST_MEDIA_TYPES: Readonly<Record<string, IngestFormat>> = {
  'application/json': 'json',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'text/csv': 'csv',
};

/** The format of an accepted media type. */
export function formatOfMediaType(mediaType: string): IngestFormat {
  const format = INGEST_MEDIA_TYPES[mediaType];
  if (!format)
    throw new BadRequestError(
      'UNSUPPORTED_FORMAT',
      `Content-Type "${mediaType}" cannot be ingested; use one of ${Object.keys(INGEST_MEDIA_TYPES).join(', ')}.`,
    );
  return format;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function notAnObject(options: { value: unknown; text: string; position: ItemPosition; where: string }): ParsedItem {
  const kind = Array.isArray(options.value) ? 'an array' : options.value === null ? 'null' : `a ${typeof options.value}`;
  return {
    kind: 'unreadable',
    code: 'NOT_AN_OBJECT',
    message: `${options.where} holds ${kind}; each record must be a JSON object.`,
    text: options.text,
    position: options.position,
  };
}

/**
 * A record nested deeper than `maxDepth` becomes a PAYLOAD_TOO_DEEP item in its place (its text cut at
 * the limit when there is no source line), so one deep record never fails the records around it.
 */
function depthChecked(options: {
  value: Record<string, unknown>;
  maxDepth: number;
  position: ItemPosition;
  where: string;
  text?: string;
}): ParsedItem {
  const path = findTooDeep(options.value, options.maxDepth);
  if (path === null) return { kind: 'record', raw: options.value, position: options.position };
  return {
    kind: 'unreadable',
    code: 'PAYLOAD_TOO_DEEP',
    message: `${options.where} nests more than ${options.maxDepth} levels deep (at ${describePath(path)}); the limit is set by MDM_MAX_JSON_DEPTH.`,
    text: options.text ?? truncatedJson(options.value, options.maxDepth),
    position: options.position,
  };
}

/** Items of a whole JSON document: one object, or an array of objects. */
export function readJsonDocument(text: string, options: { maxDepth?: number } = {}): ParsedItem[] {
  const document = parseJson(text);
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  if (isPlainObject(document)) return [depthChecked({ value: document, maxDepth, position: { index: 0 }, where: 'The record' })];
  if (!Array.isArray(document)) {
    throw new BadRequestError('INVALID_INGEST_BODY', 'A JSON ingest body must be one record (an object) or an array of records.');
  }
  return document.map((value, index): ParsedItem =>
    isPlainObject(value)
      ? depthChecked({ value, maxDepth, position: { index }, where: `Array element ${index}` })
      : notAnObject({
          value,
          text: Array.isArray(value) ? truncatedJson(value, maxDepth) : (JSON.stringify(value) ?? 'undefined'),
          position: { index },
          where: `Array element ${index}`,
        }),
  );
}

function ndjsonItem(line: string, lineNumber: number, maxDepth: number): ParsedItem | null {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text.trim() === '') return null;
  const position = { line: lineNumber };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'syntax error';
    return { kind: 'unreadable', code: 'NDJSON_PARSE_ERROR', message: `Line ${lineNumber} is not valid JSON (${reason}).`, text, position };
  }
  return isPlainObject(value)
    ? depthChecked({ value, maxDepth, position, where: `Line ${lineNumber}`, text })
    : notAnObject({ value, text, position, where: `Line ${lineNumber}` });
}

/** Streams NDJSON items from text chunks (lines may span chunks). */
export async function* readNdjson(chunks: AsyncIterable<string>, options: { maxDepth?: number } = {}): AsyncGenerator<ParsedItem> {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  let pending = '';
  let lineNumber = 0;
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    for (let end = pending.indexOf('\n', start); end !== -1; end = pending.indexOf('\n', start)) {
      lineNumber += 1;
      const item = ndjsonItem(pending.slice(start, end), lineNumber, maxDepth);
      start = end + 1;
      if (item) yield item;
    }
    pending = pending.slice(start);
  }
  if (pending !== '') {
    const item = ndjsonItem(pending, lineNumber + 1, maxDepth);
    if (item) yield item;
  }
}

/**
 * Streams CSV rows (header row → field names) from text chunks. csv-parse runs synchronously inside
 * `write`, so rows and skipped-row errors are collected in file order by its callbacks and yielded
 * after each chunk; a malformed row becomes a CSV_PARSE_ERROR item and parsing goes on.
 */
export async function* readCsv(chunks: AsyncIterable<string>, options: DelimitedOptions = {}): AsyncGenerator<ParsedItem> {
  const ready: ParsedItem[] = [];
  let fatal: Error | undefined;
  // The same csv-parse options and row callbacks as the studio's sample parser (formats/delimited.ts).
  const parser = createCsvParser({ ...csvParseOptions(options), ...collectingCallbacks(ready) });
  parser.on('error', (error: Error) => {
    fatal = error;
  });
  parser.resume();
  const finished = new Promise<void>((resolve) => {
    parser.on('end', resolve);
    parser.on('error', () => resolve());
  });
  for await (const chunk of chunks) {
    if (fatal) break;
    parser.write(chunk);
    yield* ready.splice(0, ready.length);
  }
  if (!fatal) parser.end();
  await finished;
  yield* ready.splice(0, ready.length);
  if (fatal) {
    // Nothing after an unrecoverable error (a broken header) can be read reliably: one exception says so.
    yield {
      kind: 'unreadable',
      code: 'CSV_PARSE_ERROR',
      message: `The CSV file cannot be read further: ${fatal.message}.`,
      text: '',
      position: {},
    };
  }
}

async function* single(text: string): AsyncGenerator<string> {
  yield text;
}

/**
 * Streams items through a splitter that takes text and hands back completed items (HL7 messages, X12
 * loops, XML records, Bundle entries); with `maxDepth`, records nested deeper become PAYLOAD_TOO_DEEP.
 */
async function* readSplit(
  chunks: AsyncIterable<string>,
  splitter: { push(chunk: string): ParsedItem[]; end(): ParsedItem[] },
  maxDepth?: number,
): AsyncGenerator<ParsedItem> {
  const checked = (items: ParsedItem[]) => (maxDepth === undefined ? items : depthCheckedItems(items, maxDepth));
  for await (const chunk of chunks) yield* checked(splitter.push(chunk));
  yield* checked(splitter.end());
}

/** Records of a parsed document checked against the depth limit, like JSON records. */
function depthCheckedItems(items: ParsedItem[], maxDepth: number): ParsedItem[] {
  return items.map((item) =>
    item.kind === 'record' && isPlainObject(item.raw)
      ? depthChecked({ value: item.raw, maxDepth, position: item.position, where: 'The record' })
      : item,
  );
}

/** Items of a body or file in `format`, read from text chunks; records deeper than `maxDepth` become PAYLOAD_TOO_DEEP items. */
export function readItems(input: {
  format: IngestFormat;
  chunks: AsyncIterable<string>;
  maxDepth?: number;
  options?: SourceFormatOptions;
}): AsyncIterable<ParsedItem> {
  const options = input.options ?? {};
  const maxDepth = input.maxDepth ?? DEFAULT_MAX_JSON_DEPTH;
  switch (input.format) {
    case 'csv':
    case 'delimited':
      return readCsv(input.chunks, options);
    case 'ndjson':
      return readNdjson(input.chunks, { maxDepth });
    case 'hl7v2':
      return readSplit(input.chunks, new Hl7MessageSplitter(options));
    case 'x12':
      return readSplit(input.chunks, new X12Splitter(options));
    case 'fhir':
      return readSplit(input.chunks, new FhirBundleSplitter(options), maxDepth);
    case 'xml':
      // Records at a record path are read one by one; without one the document is the record.
      if (hasXmlRecordPath(options)) return readSplit(input.chunks, new XmlRecordSplitter(options), maxDepth);
      return readWhole({ format: 'xml', chunks: input.chunks, maxDepth, options });
    default:
      return readWhole({ format: input.format, chunks: input.chunks, maxDepth, options });
  }
}

/** Whether XML options name the records' element (so the document can be streamed). */
export function hasXmlRecordPath(options: SourceFormatOptions): boolean {
  return (options.recordPath ?? '').split(/[./]/).some(Boolean);
}

/** A JSON document or an XML document without a record path, read whole (inline bodies only). */
function readWhole(input: { format: 'json' | 'xml'; chunks: AsyncIterable<string>; maxDepth: number; options: SourceFormatOptions }) {
  return (async function* whole(): AsyncGenerator<ParsedItem> {
    let text = '';
    for await (const chunk of input.chunks) text += chunk;
    if (input.format === 'json') yield* readJsonDocument(text, { maxDepth: input.maxDepth });
    else yield* depthCheckedItems(parseFormatText(input.format, text, input.options), input.maxDepth);
  })();
}

/** Items of a whole inline body. */
export function readBodyItems(input: {
  format: IngestFormat;
  text: string;
  maxDepth?: number;
  options?: SourceFormatOptions;
}): AsyncIterable<ParsedItem> {
  return readItems({ format: input.format, chunks: single(input.text), maxDepth: input.maxDepth, options: input.options });
}

/**
 * 400 DUPLICATE_CSV_HEADER when the header row (the first line of `text`) names a column twice: the
 * later column would silently overwrite the earlier one in every record. A header that cannot be read
 * is left to the record reader, which reports it as an exception.
 */
export function assertUniqueCsvHeader(text: string, options: DelimitedOptions = {}): void {
  if (options.header === false) return;
  let header: unknown[] | undefined;
  try {
    const { delimiter, quote } = csvParseOptions(options);
    header = parseCsvSync(text, { bom: true, to_line: 1, relax_column_count: true, delimiter, quote })[0] as unknown[] | undefined;
  } catch {
    return;
  }
  const seen = new Map<string, number>();
  for (const [index, name] of (header ?? []).entries()) {
    const column = String(name);
    const first = seen.get(column);
    if (first !== undefined) {
      throw new BadRequestError(
        'DUPLICATE_CSV_HEADER',
        `The CSV header names column "${column}" twice (columns ${first + 1} and ${index + 1}); rename one of them.`,
        [
          {
            path: `header/${index + 1}`,
            code: 'DUPLICATE_CSV_HEADER',
            message: `column "${column}" already appears as column ${first + 1}`,
          },
        ],
      );
    }
    seen.set(column, index);
  }
}
