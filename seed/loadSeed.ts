/**
 * Reads the committed seed the way an ingest client would: the manifest, each source file parsed by
 * its content type (CSV rows that cannot be parsed are reported, not thrown), and the ground truth.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { GroundTruth } from './generator/truth';
import type { ManifestEntry } from './generate';
import { contentTypeEntry, parseFormatText, type SourceFormat, type SourceFormatOptions } from '../server/ingest/formats/registry';

export type { GroundTruth, RecordRef, Relationship, BadRecord } from './generator/truth';
export type { ManifestEntry } from './generate';

export const SEED_DIRECTORY = dirname(fileURLToPath(import.meta.url));
const MAPPINGS_DIRECTORY = join(SEED_DIRECTORY, '..', 'mappings');

export interface CsvRowError {
  /** 1-based physical line of the row in the file. */
  line: number;
  code: string;
  message: string;
  rawLine: string;
}

export interface SeedFileRecords {
  entry: ManifestEntry;
  records: unknown[];
  rowErrors: CsvRowError[];
}

/** The manifest entries in load order. */
export function readSeedManifest(directory: string = SEED_DIRECTORY): ManifestEntry[] {
  return JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8')) as ManifestEntry[];
}

/** Parses CSV with a header row; a malformed row is skipped and reported with its line number. */
export function parseCsvRecords(text: string): { records: Record<string, string>[]; rowErrors: CsvRowError[] } {
  const lines = text.split('\n');
  const rowErrors: CsvRowError[] = [];
  const records = parse(text, {
    columns: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: { code?: string; message: string; lines?: number } | undefined) => {
      if (!error) return;
      const line = error.lines ?? 0;
      if (rowErrors.some((known) => known.line === line)) return;
      rowErrors.push({ line, code: 'CSV_PARSE_ERROR', message: `${error.code ?? 'CSV'}: ${error.message}`, rawLine: lines[line - 1] ?? '' });
    },
  }) as Record<string, string>[];
  return { records, rowErrors };
}

/** The parser options the source's mapping declares (`format` in mappings/<source>/<domain>.json), as ingest uses them. */
function mappingFormatOptions(entry: ManifestEntry): SourceFormatOptions {
  try {
    const meta = JSON.parse(readFileSync(join(MAPPINGS_DIRECTORY, entry.source, `${entry.domain}.json`), 'utf8')) as { format?: SourceFormat };
    const format = meta.format;
    return format && contentTypeEntry(format.contentType)?.format === contentTypeEntry(entry.contentType)?.format ? (format.options ?? {}) : {};
  } catch {
    return {};
  }
}

/** Reads and parses one manifest entry's file with the hub's parser for its content type and its mapping's options. */
export function readSeedFile(entry: ManifestEntry, directory: string = SEED_DIRECTORY): SeedFileRecords {
  const text = readFileSync(join(directory, entry.file), 'utf8');
  if (entry.contentType === 'text/csv' && !mappingFormatOptions(entry).delimiter) return { entry, ...parseCsvRecords(text) };
  const format = contentTypeEntry(entry.contentType);
  if (!format) throw new Error(`${entry.file}: content type ${entry.contentType} is not one the hub reads`);
  const items = parseFormatText(format.format, text, mappingFormatOptions(entry));
  const lines = text.split('\n');
  return {
    entry,
    records: items.flatMap((item) => (item.kind === 'record' ? [item.raw] : [])),
    rowErrors: items.flatMap((item) => (item.kind === 'unreadable' ? [{ line: item.position.line ?? 0, code: item.code, message: item.message, rawLine: item.position.line ? (lines[item.position.line - 1] ?? '') : item.text }] : [])),
  };
}

/** Ground truth for one domain. */
export function readGroundTruth(domain: string, directory: string = SEED_DIRECTORY): GroundTruth {
  return JSON.parse(readFileSync(join(directory, 'ground-truth', `${domain}.json`), 'utf8')) as GroundTruth;
}
