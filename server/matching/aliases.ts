/**
 * Alias tables: editable lookup tables that normalisers apply before comparison and blocking —
 * abbreviations (`PF` → `POWDER FREE`), organisation aliases (`BD` → `BECTON DICKINSON`), legal
 * suffixes and noise words. Shipped as `matching-rules/aliases/<table>.json`, versioned in the store
 * like rule sets (server/matching/aliasTables/), named by the rule set's comparators and keys.
 *
 * A table is compiled once per normaliser: its variants are normalised by the same function as the
 * values they rewrite (so `J&J` under `orgName` is `J AND J`, under `text` `J J`), then matched as
 * whole-token sequences, longest first. Applying a table is one Map lookup per token.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { createAjv, toErrorDetails } from '../schemas';
import type { ErrorDetail } from '../errors';
import { aliasTableCrossProblems } from './aliasTableChecks';

export const ALIASES_DIRECTORY = fileURLToPath(new URL('../../matching-rules/aliases/', import.meta.url));

/** `replace`: variants → canonical anywhere; `remove`: variants dropped anywhere; `removeTrailing`: dropped at the end only (legal suffixes). */
export type AliasTableMode = 'replace' | 'remove' | 'removeTrailing';

export interface AliasEntry {
  /** The form variants become (replace tables only). */
  canonical?: string;
  variants: string[];
}

export interface AliasTable {
  $schema?: string;
  table: string;
  /** Names one content forever, like a rule set's `version`. */
  version: string;
  description?: string;
  mode: AliasTableMode;
  entries: AliasEntry[];
}

/** A table's content keyed by name, as the engine receives it (published versions or shipped files). */
export type AliasTables = ReadonlyMap<string, AliasTable>;

interface CompiledEntry {
  variant: string[];
  canonical: string[];
}

/** A table compiled for one normaliser: rewrites a token list. */
export type AliasRewrite = (tokens: string[]) => string[];

let validator: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } | undefined;

function schemaValidator(): ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } {
  if (!validator) {
    const schema: unknown = JSON.parse(readFileSync(`${ALIASES_DIRECTORY}aliases.schema.json`, 'utf8'));
    validator = createAjv().compile(schema as object);
  }
  return validator;
}

/** Validates an alias table; problems as ErrorDetail (empty when valid). */
export function validateAliasTable(json: unknown): ErrorDetail[] {
  const validate = schemaValidator();
  if (!validate(json)) return toErrorDetails(validate.errors ?? []);
  return aliasTableCrossProblems(json as AliasTable);
}

let shipped: Map<string, AliasTable> | undefined;

/** The shipped tables (`matching-rules/aliases/*.json`), read once; invalid files are left out (start-up logs them). */
export function shippedAliasTables(): AliasTables {
  if (!shipped) {
    shipped = new Map();
    for (const file of readdirSync(ALIASES_DIRECTORY).filter((f) => f.endsWith('.json') && f !== 'aliases.schema.json').sort()) {
      try {
        const json: unknown = JSON.parse(readFileSync(`${ALIASES_DIRECTORY}${file}`, 'utf8'));
        if (validateAliasTable(json).length === 0 && (json as AliasTable).table === file.slice(0, -'.json'.length)) shipped.set((json as AliasTable).table, json as AliasTable);
      } catch {
        // An unreadable file is reported by loadAliasTableFiles at start-up.
      }
    }
  }
  return shipped;
}

const compiledTables = new WeakMap<AliasTable, Map<(value: string) => string | null, AliasRewrite>>();

/** Compiles `table` for values normalised by `normalize` (cached per table object and normaliser). */
export function compileAliasTable(table: AliasTable, normalize: (value: string) => string | null): AliasRewrite {
  let byNormalizer = compiledTables.get(table);
  if (!byNormalizer) {
    byNormalizer = new Map();
    compiledTables.set(table, byNormalizer);
  }
  let rewrite = byNormalizer.get(normalize);
  if (!rewrite) {
    rewrite = buildRewrite(table, normalize);
    byNormalizer.set(normalize, rewrite);
  }
  return rewrite;
}

function tokensOf(value: string, normalize: (value: string) => string | null): string[] {
  const normalized = normalize(value);
  return normalized ? normalized.split(' ').filter((t) => t !== '') : [];
}

function buildRewrite(table: AliasTable, normalize: (value: string) => string | null): AliasRewrite {
  const byFirst = new Map<string, CompiledEntry[]>();
  for (const entry of table.entries) {
    const canonical = table.mode === 'replace' ? tokensOf(entry.canonical ?? '', normalize) : [];
    // The canonical form is a variant of itself, so `CARDINAL HEALTH 414` is not read as `CARDINAL` + `HEALTH 414`.
    for (const raw of table.mode === 'replace' ? [entry.canonical ?? '', ...entry.variants] : entry.variants) {
      const variant = tokensOf(raw, normalize);
      if (variant.length === 0) continue;
      const list = byFirst.get(variant[0]) ?? [];
      list.push({ variant, canonical });
      byFirst.set(variant[0], list);
    }
  }
  // Longest variant first: `BECTON DICKINSON AND CO` before `BECTON DICKINSON`.
  for (const list of byFirst.values()) list.sort((x, y) => y.variant.length - x.variant.length);
  const matchAt = (tokens: string[], i: number): CompiledEntry | undefined => {
    const candidates = byFirst.get(tokens[i]);
    if (!candidates) return undefined;
    return candidates.find((c) => c.variant.length <= tokens.length - i && c.variant.every((t, k) => tokens[i + k] === t));
  };
  if (table.mode === 'removeTrailing') {
    const endings = [...byFirst.values()].flat();
    return (tokens) => {
      const out = [...tokens];
      let isChanged = true;
      while (isChanged && out.length > 1) {
        isChanged = false;
        for (const ending of endings) {
          const start = out.length - ending.variant.length;
          if (start >= 1 && ending.variant.every((t, k) => out[start + k] === t)) {
            out.length = start;
            isChanged = true;
            break;
          }
        }
      }
      return out;
    };
  }
  return (tokens) => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      const hit = matchAt(tokens, i);
      if (hit) {
        out.push(...hit.canonical);
        i += hit.variant.length;
      } else {
        out.push(tokens[i]);
        i += 1;
      }
    }
    // Removing every word leaves nothing to compare: keep the value as it was.
    return out.length > 0 ? out : tokens;
  };
}

/** A normaliser followed by alias tables (in order); null when nothing is left. */
export function withAliasTables(args: { normalize: (value: string) => string | null; tables: readonly AliasTable[] }): (value: string) => string | null {
  if (args.tables.length === 0) return args.normalize;
  const rewrites = args.tables.map((table) => compileAliasTable(table, args.normalize));
  return (value) => {
    const normalized = args.normalize(value);
    if (!normalized) return null;
    let tokens = normalized.split(' ');
    for (const rewrite of rewrites) tokens = rewrite(tokens);
    return tokens.join(' ') || null;
  };
}
