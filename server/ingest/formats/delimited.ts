/**
 * Delimited text (`text/csv`, `text/tab-separated-values`, Lawson-style pipe extracts): the delimiter,
 * quote and header handling are chosen per source, never guessed. The studio and the server parse
 * with csv-parse and the options built here (`csvParseOptions`), so a sample reads in the studio
 * exactly as the file reads on ingest. One record per row: header names → values, all strings (leading
 * zeros survive); a row that cannot be read becomes a CSV_PARSE_ERROR item in its place.
 */
import { parse as parseCsvSync, type Options as CsvParseOptions } from 'csv-parse/browser/esm/sync';
import type { ParsedItem } from './types';

export interface DelimitedOptions {
  /** Field delimiter (default `,`; `|` for Lawson extracts, `\t`, `;`). */
  delimiter?: string;
  /** Quote character (default `"`); empty string = fields are never quoted. */
  quote?: string;
  /** Whether the first row names the columns (default true). */
  header?: boolean;
  /** Column names when there is no header row. */
  columns?: string[];
  /** Trim spaces around values (default false: fixed-width padding in extracts is data to some mappings). */
  trim?: boolean;
}

/** csv-parse options for a source's delimited settings (shared by the streaming server reader and the studio). */
export function csvParseOptions(options: DelimitedOptions = {}): CsvParseOptions {
  const hasHeader = options.header !== false;
  return {
    delimiter: options.delimiter ?? ',',
    quote: options.quote === '' ? false : (options.quote ?? '"'),
    // No header and no names: rows are read as lists and named column1… (collectingCallbacks).
    columns: hasHeader ? true : (options.columns ?? false),
    ...(hasHeader || options.columns ? {} : { relax_column_count: true }),
    trim: options.trim ?? false,
    bom: true,
    skip_empty_lines: true,
  };
}

interface RowWithRaw {
  record: Record<string, string> | string[];
  raw: string;
}

function named(record: Record<string, string> | string[]): Record<string, string> {
  return Array.isArray(record) ? Object.fromEntries(record.map((value, index) => [`column${index + 1}`, value])) : record;
}

/** Callbacks that turn csv-parse's rows and skipped rows into items in file order. */
export function collectingCallbacks(
  ready: ParsedItem[],
): Pick<CsvParseOptions, 'on_skip' | 'on_record' | 'raw' | 'skip_records_with_error'> {
  return {
    raw: true,
    skip_records_with_error: true,
    on_skip: (error, rawText) => {
      const line = (error as { lines?: number } | undefined)?.lines;
      const reason = error?.message ?? 'the row cannot be read';
      const previous = ready[ready.length - 1];
      // After a broken quote csv-parse may report the rest of the same line again: one row, one exception.
      if (line !== undefined && previous?.kind === 'unreadable' && previous.position.line === line) {
        previous.text += (rawText ?? '').replace(/\r?\n$/, '');
        return undefined;
      }
      ready.push({
        kind: 'unreadable',
        code: 'CSV_PARSE_ERROR',
        message: `CSV row${line ? ` at line ${line}` : ''} cannot be read: ${reason}.`,
        text: (rawText ?? '').replace(/\r?\n$/, ''),
        position: line ? { line } : {},
      });
      return undefined;
    },
    on_record: (row: unknown, context) => {
      // With `raw: true` and named columns csv-parse hands over { record, raw }.
      ready.push({ kind: 'record', raw: named((row as RowWithRaw).record), position: { line: context.lines } });
      return null;
    },
  };
}

/** Every row of a delimited text (the studio's sample parser; the server streams with the same options). */
export function parseDelimitedText(text: string, options: DelimitedOptions = {}): ParsedItem[] {
  const ready: ParsedItem[] = [];
  try {
    parseCsvSync(text, { ...csvParseOptions(options), ...collectingCallbacks(ready) });
  } catch (error) {
    ready.push({
      kind: 'unreadable',
      code: 'CSV_PARSE_ERROR',
      message: `The file cannot be read further: ${(error as Error).message}.`,
      text: '',
      position: {},
    });
  }
  return ready;
}
