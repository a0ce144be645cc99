/**
 * The checks on an alias table a JSON Schema cannot express (a replace row needs its canonical form;
 * a variant is listed once). Free of Node APIs: the studio runs them live in the editor, the server
 * again on save.
 */
import type { ErrorDetail } from '../errors';

interface TableShape {
  table: string;
  mode: 'replace' | 'remove' | 'removeTrailing' | 'removeLeading' | 'removeFrom';
  entries: Array<{ canonical?: string; variants: string[] }>;
}

/** Cross-row problems of a schema-valid alias table; paths like `entries[2].variants[0]`. */
export function aliasTableCrossProblems(table: TableShape): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  table.entries.forEach((entry, i) => {
    if (table.mode === 'replace' && !entry.canonical) {
      problems.push({
        path: `entries[${i}].canonical`,
        code: 'CANONICAL_REQUIRED',
        message: `entries[${i}] needs a canonical form: table "${table.table}" replaces variants`,
      });
    }
    entry.variants.forEach((variant, j) => {
      const key = variant.trim().toUpperCase();
      const earlier = seen.get(key);
      if (earlier !== undefined && earlier !== i) {
        problems.push({
          path: `entries[${i}].variants[${j}]`,
          code: 'DUPLICATE_VARIANT',
          message: `variant "${variant}" is already listed in entries[${earlier}]`,
        });
      }
      seen.set(key, i);
    });
  });
  return problems;
}
