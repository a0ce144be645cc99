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

export type { GroundTruth, RecordRef, Relationship, BadRecord } from './generator/truth';
export type { ManifestEntry } from './generate';

export const SEED_DIRECTORY = dirname(fileURLToPath(import.meta.url));

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

/** Reads and parses one manifest entry's file. */
export function readSeedFile(entry: ManifestEntry, directory: string = SEED_DIRECTORY): SeedFileRecords {
  const text = readFileSync(join(directory, entry.file), 'utf8');
  if (entry.contentType === 'text/csv') return { entry, ...parseCsvRecords(text) };
  if (entry.contentType === 'application/x-ndjson') {
    const records = text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as unknown);
    return { entry, records, rowErrors: [] };
  }
  return { entry, records: JSON.parse(text) as unknown[], rowErrors: [] };
}

/** Ground truth for one domain. */
export function readGroundTruth(domain: string, directory: string = SEED_DIRECTORY): GroundTruth {
  return JSON.parse(readFileSync(join(directory, 'ground-truth', `${domain}.json`), 'utf8')) as GroundTruth;
}
