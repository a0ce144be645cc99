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
import { present } from '../invariant';
import { aliasTableCrossProblems } from './aliasTableChecks';

export const ALIASES_DIRECTORY = fileURLToPath(new URL('../../matching-rules/aliases/', import.meta.url));

/**
 * `replace`: variants → canonical anywhere; `remove`: variants dropped anywhere; `removeTrailing`: dropped at the end only
 * (legal suffixes); `removeLeading`: dropped at the start only (chargemaster prefixes); `removeFrom`: a variant and every
 * word after it dropped, when a word precedes it (accounts-payable notes: `ECOLAB INC LOCKBOX 70343`, `X DBA Y`).
 */
export type AliasTableMode = 'replace' | 'remove' | 'removeTrailing' | 'removeLeading' | 'removeFrom';

export interface AliasEntry {
  /** The form variants become (replace tables only). */
  canonical?: string;
  variants: string[];
  /** Where the entry is published (a register of renamings cites each row); not read by matching. */
  source?: string;
}

export interface AliasTable {
  $schema?: string;
  table: string;
  /** Names one content forever, like a rule set's `version`. */
  version: string;
  description?: string;
  mode: AliasTableMode;
  /** `removeFrom` only: how many words must precede a variant for it to cut the value (default 1). */
  minWordsBefore?: number;
  /** `removeLeading` only: how many words must follow a prefix for it to be dropped (default 1). */
  minWordsAfter?: number;
  entries: AliasEntry[];
}

/** A table's content keyed by name, as the engine receives it (published versions or shipped files). */
export type AliasTables = ReadonlyMap<string, AliasTable>;

interface CompiledEntry {
  variant: string[];
  canonical: string[];
  /** The canonical form written as this variant (a replace table's canonical is a variant of itself): a hit changes nothing. */
  isIdentity: boolean;
}

/** A table compiled for one normaliser: rewrites a token list. */
export type AliasRewrite = (tokens: string[]) => string[];

/**
 * The tokens that can make a compiled table change anything: the first token of a variant
 * (`replace`, `remove`, `removeLeading`, `removeFrom`) or the last one (`removeTrailing`, which only looks at the value's end).
 * A value holding none of them is left exactly as it is by the table.
 */
interface RewriteTriggers {
  anywhere: ReadonlySet<string>;
  atEnd: ReadonlySet<string>;
}

const triggersOf = new WeakMap<AliasRewrite, RewriteTriggers>();

let validator: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined;

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

/**
 * The shipped tables (`matching-rules/aliases/*.json`), read once. They ship with the engine that reads them (some
 * readers use them directly, not through a rule set), so an invalid or unreadable file is a defect of the release,
 * not a table to leave out: matching without it would read fewer attributes — fewer vetoes between siblings — and
 * nobody would know. It throws, naming the file and its problems (start-up's `loadAliasTableFiles` logs them too).
 */
export function shippedAliasTables(): AliasTables {
  shipped ??= readAliasTableDirectory(ALIASES_DIRECTORY);
  return shipped;
}

/** Every table of `directory` by name; throws on a file that is unreadable, invalid or named other than its table. */
export function readAliasTableDirectory(directory: string): Map<string, AliasTable> {
  const tables = new Map<string, AliasTable>();
  for (const file of readdirSync(directory)
    .filter((f) => f.endsWith('.json') && f !== 'aliases.schema.json')
    .sort()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(`${directory}${file}`, 'utf8'));
    } catch (error) {
      throw new Error(`alias table ${file} could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    const problems = validateAliasTable(json);
    if (problems.length > 0)
      throw new Error(`alias table ${file} is invalid: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
    const table = json as AliasTable;
    if (table.table !== file.slice(0, -'.json'.length)) throw new Error(`alias table ${file} names itself ${table.table}`);
    tables.set(table.table, table);
  }
  return tables;
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
    const built = buildRewrite(table, normalize);
    rewrite = withRecentResults(built);
    triggersOf.set(rewrite, present(triggersOf.get(built), 'the triggers of a compiled alias table'));
    byNormalizer.set(normalize, rewrite);
  }
  return rewrite;
}

/** Inputs a compiled table remembers its last results for (by identity): the words of one record's few texts. */
const RECENT_REWRITES = 8;

/**
 * A compiled table answering the word lists it rewrote last from memory, by identity. Two chains of one normaliser
 * that share tables (an item description's comparator chain and its blocking-key chain) meet the same word lists
 * (`splitWords` hands both the same list, and a shared table hands both the same result), so the second chain's
 * rewrites are look-ups. Sound because word lists are never changed once made (rewrites copy) and a compiled
 * table is fixed (a new table version is a new table object, compiled anew).
 */
function withRecentResults(rewrite: AliasRewrite): AliasRewrite {
  const inputs: Array<readonly string[] | undefined> = new Array<readonly string[] | undefined>(RECENT_REWRITES);
  const outputs: string[][] = new Array<string[]>(RECENT_REWRITES);
  let next = 0;
  return (tokens) => {
    for (let i = 0; i < RECENT_REWRITES; i++) if (inputs[i] === tokens) return present(outputs[i], 'a remembered rewrite');
    const out = rewrite(tokens);
    inputs[next] = tokens;
    outputs[next] = out;
    next = (next + 1) % RECENT_REWRITES;
    return out;
  };
}

function tokensOf(value: string, normalize: (value: string) => string | null): string[] {
  const normalized = normalize(value);
  return normalized ? normalized.split(' ').filter((t) => t !== '') : [];
}

/** The variants starting with one word, as `matchAt` looks them up. */
interface FirstWordStarts {
  /** Variants of two or more words by their second word, each list in the order of `byFirst`'s (longest first). */
  bySecondWord: Map<string, CompiledEntry[]> | null;
  /** The first one-word variant (it stands wherever its word does): the match when no longer variant does. */
  oneWord: CompiledEntry | undefined;
}

/**
 * `byFirst` indexed by the second word too. A table's first words can start dozens of variants (`SODIUM …`, `BD …`):
 * walking them all at every word that begins one was the costliest line of preparing a description. Only the
 * variants whose second word stands next can match, and they are tried in the same order, so the entry found is the
 * one the walk of the whole list found (the longer variants come first in it, then the one-word ones).
 */
function startsByFirstWord(byFirst: ReadonlyMap<string, readonly CompiledEntry[]>): Map<string, FirstWordStarts> {
  const starts = new Map<string, FirstWordStarts>();
  for (const [first, list] of byFirst) {
    const entry: FirstWordStarts = { bySecondWord: null, oneWord: undefined };
    for (const candidate of list) {
      const second = candidate.variant[1];
      if (second === undefined) {
        entry.oneWord ??= candidate;
        continue;
      }
      entry.bySecondWord ??= new Map();
      const same = entry.bySecondWord.get(second);
      if (same) same.push(candidate);
      else entry.bySecondWord.set(second, [candidate]);
    }
    starts.set(first, entry);
  }
  return starts;
}

function buildRewrite(table: AliasTable, normalize: (value: string) => string | null): AliasRewrite {
  const byFirst = new Map<string, CompiledEntry[]>();
  for (const entry of table.entries) {
    const canonical = table.mode === 'replace' ? tokensOf(entry.canonical ?? '', normalize) : [];
    // The canonical form is a variant of itself, so `CARDINAL HEALTH 414` is not read as `CARDINAL` + `HEALTH 414`.
    for (const raw of table.mode === 'replace' ? [entry.canonical ?? '', ...entry.variants] : entry.variants) {
      const variant = tokensOf(raw, normalize);
      const first = variant[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ variant, canonical, isIdentity: sameTokens(variant, canonical) });
      byFirst.set(first, list);
    }
  }
  // Longest variant first: `BECTON DICKINSON AND CO` before `BECTON DICKINSON`.
  for (const list of byFirst.values()) list.sort((x, y) => y.variant.length - x.variant.length);
  const startingWith = startsByFirstWord(byFirst);
  // The first entry of `byFirst`'s list (longest variant first) that stands at `i`, looked up by the first two words.
  const matchAt = (tokens: string[], i: number): CompiledEntry | undefined => {
    const token = tokens[i];
    const starts = token === undefined ? undefined : startingWith.get(token);
    if (starts === undefined) return undefined;
    const second = tokens[i + 1];
    const longer = second === undefined ? undefined : starts.bySecondWord?.get(second);
    if (longer !== undefined) for (const candidate of longer) if (isAt(tokens, i, candidate.variant)) return candidate;
    return starts.oneWord;
  };
  if (table.mode === 'removeLeading') {
    // Only a prefix is dropped (`HC SYRINGE 3ML`); one word (or the table's `minWordsAfter`) is always kept, so a
    // value is never emptied.
    const keptWords = table.minWordsAfter ?? 1;
    const dropPrefixes: AliasRewrite = (tokens) => {
      let start = 0;
      for (;;) {
        const hit = start < tokens.length - 1 ? matchAt(tokens, start) : undefined;
        if (!hit || start + hit.variant.length + keptWords > tokens.length) break;
        start += hit.variant.length;
      }
      return start === 0 ? tokens : tokens.slice(start);
    };
    // A variant's first word anywhere triggers the rewrite (it then looks at the start only).
    triggersOf.set(dropPrefixes, { anywhere: new Set(byFirst.keys()), atEnd: new Set() });
    return dropPrefixes;
  }
  if (table.mode === 'removeFrom') {
    // The first variant after the first word cuts the value there (`NIHON KOHDEN AMERICA REMIT` → `NIHON KOHDEN AMERICA`);
    // a value that starts with a variant (`LOCKBOX SOLUTIONS`) is a name, not a note, and is kept; so is one with fewer
    // words before the variant than the table's `minWordsBefore`.
    const firstCut = table.minWordsBefore ?? 1;
    const cutFromFirstVariant: AliasRewrite = (tokens) => {
      for (let i = firstCut; i < tokens.length; i++) if (matchAt(tokens, i)) return tokens.slice(0, i);
      return tokens;
    };
    triggersOf.set(cutFromFirstVariant, { anywhere: new Set(byFirst.keys()), atEnd: new Set() });
    return cutFromFirstVariant;
  }
  if (table.mode === 'removeTrailing') {
    // Indexed by last token: a value's ending is looked up, not compared with every suffix.
    const byLast = new Map<string, CompiledEntry[]>();
    for (const entry of [...byFirst.values()].flat()) {
      const last = present(entry.variant.at(-1), 'last word of an alias variant');
      byLast.set(
        last,
        [...(byLast.get(last) ?? []), entry].sort((x, y) => y.variant.length - x.variant.length),
      );
    }
    const rewrite: AliasRewrite = (tokens) => {
      let end = tokens.length;
      for (;;) {
        const lastToken = tokens[end - 1];
        const endings = lastToken === undefined ? undefined : byLast.get(lastToken);
        const hit = endings?.find((e) => end - e.variant.length >= 1 && isAt(tokens, end - e.variant.length, e.variant));
        if (!hit) break;
        end -= hit.variant.length;
      }
      return end === tokens.length ? tokens : tokens.slice(0, end);
    };
    triggersOf.set(rewrite, { anywhere: new Set(), atEnd: new Set(byLast.keys()) });
    return rewrite;
  }
  const rewrite: AliasRewrite = (tokens) => {
    let out: string[] | null = null;
    for (let i = 0; i < tokens.length;) {
      const hit = matchAt(tokens, i);
      if (hit === undefined) {
        out?.push(present(tokens[i], 'token i'));
        i += 1;
        continue;
      }
      // Copy lazily: most values contain no variant at all, and a canonical form met as written (`TUBE` of
      // `TUBO`, `ROHRCHEN` → `TUBE`) is consumed as a whole but leaves the words as they are.
      if (out === null && hit.isIdentity) {
        i += hit.variant.length;
        continue;
      }
      out ??= tokens.slice(0, i);
      for (const token of hit.canonical) out.push(token);
      i += hit.variant.length;
    }
    if (out === null) return tokens;
    // Removing every word leaves nothing to compare: keep the value as it was.
    return out.length > 0 ? out : tokens;
  };
  triggersOf.set(rewrite, { anywhere: new Set(byFirst.keys()), atEnd: new Set() });
  return rewrite;
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && isAt(a, 0, b);
}

function isAt(tokens: readonly string[], start: number, variant: readonly string[]): boolean {
  if (start + variant.length > tokens.length) return false;
  for (let k = 0; k < variant.length; k++) if (tokens[start + k] !== variant[k]) return false;
  return true;
}

/** Normalised values remembered per normaliser + tables (names and manufacturers repeat across records). */
const MAX_REMEMBERED = 20000;
/** Look-ups after which a chain whose values rarely repeat (fewer than one in MIN_HIT_RATIO answered) stops remembering them. */
const REMEMBER_TRIAL = 5000;
const MIN_HIT_RATIO = 4;

/**
 * The last values a base normaliser produced, shared by every alias-table chain built on it: a
 * record's description is normalised for its comparators and again for its blocking keys, one
 * right after the other. Small, and emptied when full.
 */
const RECENT_NORMALIZED = 64;

/** The words of the normalised values split last (a value's comparator chain and key chain split the same string). */
let recentWords = new Map<string, string[]>();

/**
 * `normalized.split(' ')`, the same list for the same string while it is remembered (small, emptied when full): the
 * chains of one normaliser then hand their tables the same list (`withRecentResults`). Never change the list.
 */
function splitWords(normalized: string): string[] {
  let words = recentWords.get(normalized);
  if (words === undefined) {
    words = normalized.split(' ');
    if (recentWords.size >= RECENT_NORMALIZED) recentWords = new Map();
    recentWords.set(normalized, words);
  }
  return words;
}
const recentByNormalizer = new WeakMap<(value: string) => string | null, Map<string, string | null>>();

function recentNormalizer(normalize: (value: string) => string | null): (value: string) => string | null {
  let recent = recentByNormalizer.get(normalize);
  if (!recent) {
    recent = new Map();
    recentByNormalizer.set(normalize, recent);
  }
  const cache = recent;
  return (value) => {
    const known = cache.get(value);
    if (known !== undefined) return known;
    const normalized = normalize(value);
    if (cache.size >= RECENT_NORMALIZED) cache.clear();
    cache.set(value, normalized);
    return normalized;
  };
}

/** Tables per chain a trigger mask can tell apart (bits of a 32-bit integer); a longer chain runs every table on every value. */
const MAX_MASKED_TABLES = 30;

/** The rewrites of a chain of tables over a normalised value's tokens (`split(' ')`, the tables' order). */
function tableRewrites(args: {
  normalize: (value: string) => string | null;
  tables: readonly AliasTable[];
}): (tokens: string[]) => string[] {
  const rewrites = args.tables.map((table) => compileAliasTable(table, args.normalize));
  const triggers = rewrites.map((rewrite) => triggersOf.get(rewrite));
  // A mode that does not declare its triggers never takes the shortcut.
  if (rewrites.length > MAX_MASKED_TABLES || triggers.some((t) => t === undefined)) {
    return (tokens) => {
      let out = tokens;
      for (const rewrite of rewrites) out = rewrite(out);
      return out;
    };
  }
  // One look-up per token gives the tables that can change the value (bit i: table i): the others are not run.
  // Most descriptions meet one or two of a chain's eight tables; running each table costs a look-up per token.
  const anywhere = new Map<string, number>();
  const atEnd = new Map<string, number>();
  triggers.forEach((trigger, i) => {
    for (const token of trigger?.anywhere ?? []) anywhere.set(token, (anywhere.get(token) ?? 0) | (1 << i));
    for (const token of trigger?.atEnd ?? []) atEnd.set(token, (atEnd.get(token) ?? 0) | (1 << i));
  });
  const tablesTriggeredBy = (tokens: readonly string[]): number => {
    let mask = 0;
    for (const token of tokens) mask |= anywhere.get(token) ?? 0;
    const last = tokens.at(-1);
    return last === undefined ? mask : mask | (atEnd.get(last) ?? 0);
  };
  /** The same array when no table changes the value. */
  return (tokens) => {
    let mask = tablesTriggeredBy(tokens);
    let out = tokens;
    for (let i = 0; mask !== 0 && i < rewrites.length; i++) {
      if ((mask & (1 << i)) === 0) continue;
      const next = present(rewrites[i], 'rewrite i')(out);
      // A table that changed the words may have brought a later table's trigger (or taken one away).
      if (next !== out) mask = tablesTriggeredBy(next);
      out = next;
    }
    return out;
  };
}

/**
 * `compute` (a pure function of a string) with its results remembered while the values it is given repeat. Remembering
 * pays for values that repeat (manufacturer names, units); for values that do not (item descriptions) it only keeps
 * thousands of strings alive into the old generation, which the garbage collector then pays for. So it stops
 * remembering when too few look-ups were answered after a trial, and empties itself when full.
 */
export function rememberedWhileRepeating<T>(compute: (value: string) => T): (value: string) => T {
  let remembered = new Map<string, T>();
  let lookups = 0;
  let hits = 0;
  let isRemembering = true;
  return (value) => {
    if (isRemembering) {
      const known = remembered.get(value);
      lookups++;
      if (known !== undefined) {
        hits++;
        return known;
      }
      if (lookups === REMEMBER_TRIAL && hits * MIN_HIT_RATIO < lookups) {
        isRemembering = false;
        remembered = new Map();
      }
    }
    const result = compute(value);
    if (isRemembering) {
      if (remembered.size >= MAX_REMEMBERED) remembered = new Map();
      remembered.set(value, result);
    }
    return result;
  };
}

/** A normaliser followed by alias tables (in order); null when nothing is left. */
export function withAliasTables(args: {
  normalize: (value: string) => string | null;
  tables: readonly AliasTable[];
}): (value: string) => string | null {
  if (args.tables.length === 0) return args.normalize;
  const rewrite = tableRewrites(args);
  const normalize = recentNormalizer(args.normalize);
  return rememberedWhileRepeating((value) => {
    const normalized = normalize(value);
    if (!normalized) return null;
    const tokens = splitWords(normalized);
    const rewritten = rewrite(tokens);
    return rewritten === tokens ? normalized : rewritten.join(' ') || null;
  });
}

const NO_TOKENS: readonly string[] = [];

/**
 * The same chain as `withAliasTables`, answering the words of the result (what
 * `splitNormalized(withAliasTables(…)(value) ?? '')` gives) without joining them into text to split
 * it again: token-set comparators and token blocking keys read words.
 */
export function withAliasTablesTokens(args: {
  normalize: (value: string) => string | null;
  tables: readonly AliasTable[];
}): (value: string) => readonly string[] {
  const rewrite = args.tables.length === 0 ? (tokens: string[]) => tokens : tableRewrites(args);
  const normalize = recentNormalizer(args.normalize);
  return (value) => {
    const normalized = normalize(value);
    if (!normalized) return NO_TOKENS;
    // Variants and canonical forms hold no spaces (tokensOf), so words are the non-empty tokens.
    const tokens = rewrite(splitWords(normalized));
    return tokens.includes('') ? tokens.filter((token) => token !== '') : tokens;
  };
}

/** Values built from alias tables, by builder key and the versions of the tables they read. */
const builtForVersions = new Map<string, unknown>();

/**
 * What `build` makes of the tables `tables` as a rule set resolves them (`aliasTable`: its published versions, else
 * the shipped files): `shipped()` when every version is the shipped one (or there is no resolver), else one value per
 * set of versions (a version names one content, so `key` + versions names one build). The way a reading that reads
 * alias tables itself — not through a comparator's `aliasTables` — sees a table an analyst published.
 */
export function builtWithTableVersions<T>(args: {
  key: string;
  tables: readonly string[];
  aliasTable: ((name: string) => AliasTable | undefined) | undefined;
  build: (tableNamed: (name: string) => AliasTable | undefined) => T;
  shipped: () => T;
}): T {
  if (!args.aliasTable) return args.shipped();
  const resolved = new Map<string, AliasTable | undefined>();
  for (const name of args.tables) {
    let table: AliasTable | undefined;
    try {
      table = args.aliasTable(name);
    } catch {
      table = undefined;
    }
    resolved.set(name, table);
  }
  const versions = args.tables.map((name) => resolved.get(name)?.version ?? '-').join('|');
  const shippedVersions = args.tables.map((name) => shippedAliasTables().get(name)?.version ?? '-').join('|');
  if (versions === shippedVersions) return args.shipped();
  const key = `${args.key}|${versions}`;
  if (!builtForVersions.has(key))
    builtForVersions.set(
      key,
      args.build((name) => resolved.get(name)),
    );
  return builtForVersions.get(key) as T;
}
