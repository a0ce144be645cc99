/**
 * The alias-table editor's logic: a table as editable rows (canonical form + variants typed as a
 * comma-separated list) and back, and live validation with the server's schema, ajv set-up and
 * cross-row checks. The server validates again on save.
 */
import type { ErrorObject } from 'ajv';
import aliasSchema from '../../../../matching-rules/aliases/aliases.schema.json';
import { aliasTableCrossProblems } from '../../../../server/matching/aliasTableChecks';
import { createAjv } from '../../../../server/schemas/ajv';
import { toErrorDetails } from '../../../../server/schemas/errorDetails';

export type AliasMode = 'replace' | 'remove' | 'removeTrailing' | 'removeLeading' | 'removeFrom';

export interface AliasTableContent {
  table: string;
  version: string;
  description?: string;
  mode: AliasMode;
  entries: Array<{ canonical?: string; variants: string[]; source?: string }>;
  [key: string]: unknown;
}

export interface AliasRow {
  canonical: string;
  /** Variants as typed: comma-separated. */
  variants: string;
  /** Where the entry is published (a register's citation, e.g. facilityRenames); kept through edits, dropped when blank. */
  source?: string;
}

export interface AliasProblem {
  path?: string;
  code: string;
  message: string;
}

/** Rows of a table for editing. */
export function rowsOf(table: AliasTableContent): AliasRow[] {
  return table.entries.map((entry) => ({
    canonical: entry.canonical ?? '',
    variants: entry.variants.join(', '),
    ...(entry.source !== undefined ? { source: entry.source } : {}),
  }));
}

/** The table the rows describe; blank rows are dropped, variants split on commas and trimmed. */
export function tableOf(args: { base: AliasTableContent; rows: readonly AliasRow[]; version: string }): AliasTableContent {
  const entries = args.rows
    .map((row) => ({
      canonical: row.canonical.trim(),
      variants: row.variants
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
      source: row.source?.trim() ?? '',
    }))
    .filter((row) => row.canonical !== '' || row.variants.length > 0)
    .map(({ canonical, variants, source }) => ({
      ...(canonical !== '' ? { canonical } : {}),
      variants,
      ...(source !== '' ? { source } : {}),
    }));
  return { ...args.base, version: args.version.trim(), entries };
}

let compiled: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | null = null;

/** Problems of a table: the schema's, then rows without a canonical form or with a variant listed twice. */
export function aliasTableProblems(table: unknown): AliasProblem[] {
  compiled ??= createAjv().compile(aliasSchema as object);
  if (!compiled(table)) return toErrorDetails(compiled.errors ?? []);
  return aliasTableCrossProblems(table as AliasTableContent);
}

/** Which row a problem path points at (`entries[3].variants[0]` → 3), for highlighting. */
export function rowOfProblem(problem: AliasProblem): number | null {
  const match = /^entries\[(\d+)\]/.exec(problem.path ?? '');
  return match ? Number(match[1]) : null;
}

/** The row each entry of `tableOf(rows)` comes from (blank rows make no entry): entry index → row index. */
export function rowOfEntry(rows: readonly AliasRow[]): number[] {
  const indexes: number[] = [];
  rows.forEach((row, index) => {
    if (row.canonical.trim() !== '' || row.variants.split(',').some((variant) => variant.trim() !== '')) indexes.push(index);
  });
  return indexes;
}
