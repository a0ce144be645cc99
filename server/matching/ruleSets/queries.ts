/**
 * Reading rule sets, and the one function the engine's callers use to get the rules in force:
 * `publishedRules` reads the head document's published pointer (one `_id` lookup) and compiles a
 * version once per process (cache by content hash), so a publish takes effect on the next call.
 */
import { createHash } from 'node:crypto';
import { NotFoundError } from '../../errors';
import type { Store, StoreSession } from '../../store/types';
import type { AliasTable } from '../aliases';
import { stableStringify } from '../../stableJson';
import { aliasTableNamesOf, compileRules, loadRules, type CompiledRules } from '../rules';
import type { RuleSet } from '../types';
import {
  MATCH_ALIAS_TABLES,
  MATCH_ALIAS_TABLE_VERSIONS,
  MATCH_RULE_SETS,
  MATCH_RULE_SET_VERSIONS,
  type RuleSetDocument,
  type RuleSetVersionDocument,
} from './types';

/** Hash of a rule set's (or an alias table's) content (key order independent). */
export function ruleSetHash(rules: RuleSet | AliasTable): string {
  return createHash('sha256').update(stableStringify(rules)).digest('hex');
}

/** `_id` of a published version. */
export function versionId(domain: string, number: number): string {
  return `${domain}|v${number}`;
}

// `collection` (heads or versions) selects the versioned kind: rule sets by default, alias tables
// with MATCH_ALIAS_TABLES / MATCH_ALIAS_TABLE_VERSIONS (see versionedKind.ts).

/** The head document of a domain's rule set (or of an alias table), or null. */
export async function findRuleSet(args: {
  store: Store;
  domain: string;
  session?: StoreSession;
  collection?: string;
}): Promise<RuleSetDocument | null> {
  return args.store
    .collection<RuleSetDocument>(args.collection ?? MATCH_RULE_SETS)
    .findOne({ _id: args.domain }, { session: args.session });
}

/** The head document or 404 (`what` names it in the message). */
export async function requireRuleSet(args: { store: Store; domain: string; collection?: string; what?: string }): Promise<RuleSetDocument> {
  const head = await findRuleSet(args);
  if (!head)
    throw new NotFoundError(
      args.what ? args.what.charAt(0).toUpperCase() + args.what.slice(1) : `Matching rules for domain "${args.domain}"`,
    );
  return head;
}

/** One published version or 404. */
export async function requireRuleSetVersion(args: {
  store: Store;
  domain: string;
  number: number;
  collection?: string;
}): Promise<RuleSetVersionDocument> {
  const version = await args.store
    .collection<RuleSetVersionDocument>(args.collection ?? MATCH_RULE_SET_VERSIONS)
    .findOne({ _id: versionId(args.domain, args.number) });
  if (!version) throw new NotFoundError(`Version ${args.number} of "${args.domain}"`);
  return version;
}

/** Published versions of a domain (or alias table), newest first. */
export async function listRuleSetVersions(args: { store: Store; domain: string; collection?: string }): Promise<RuleSetVersionDocument[]> {
  const versions = await args.store
    .collection<RuleSetVersionDocument>(args.collection ?? MATCH_RULE_SET_VERSIONS)
    .find({ domain: args.domain });
  return versions.sort((a, b) => b.number - a.number);
}

/** Published alias-table pointers of `names` (one query): name → content hash and version number. */
async function publishedAliasPointers(args: {
  store: Store;
  names: readonly string[];
  session?: StoreSession;
}): Promise<Map<string, { number: number; contentHash: string }>> {
  if (args.names.length === 0) return new Map();
  const heads = await args.store
    .collection<RuleSetDocument>(MATCH_ALIAS_TABLES)
    .find({ _id: { $in: [...args.names] } }, { projection: { published: 1 }, session: args.session });
  return new Map(
    heads.filter((h) => h.published).map((h) => [h._id, { number: h.published?.number ?? 0, contentHash: h.published?.contentHash ?? '' }]),
  );
}

const aliasTableByHash = new Map<string, AliasTable>();

/**
 * The published versions of the alias tables `names` (tables never published through the store are
 * left out: the engine then uses the shipped file). Contents are cached per content hash.
 */
export async function storedAliasTables(args: {
  store: Store;
  names: readonly string[];
  session?: StoreSession;
}): Promise<Map<string, AliasTable>> {
  const pointers = await publishedAliasPointers(args);
  return loadAliasContents({ ...args, pointers });
}

async function loadAliasContents(args: {
  store: Store;
  pointers: Map<string, { number: number; contentHash: string }>;
  session?: StoreSession;
}): Promise<Map<string, AliasTable>> {
  const out = new Map<string, AliasTable>();
  const missing: string[] = [];
  for (const [name, pointer] of args.pointers) {
    const cached = aliasTableByHash.get(pointer.contentHash);
    if (cached) out.set(name, cached);
    else missing.push(versionId(name, pointer.number));
  }
  if (missing.length > 0) {
    const versions = await args.store
      .collection<RuleSetVersionDocument>(MATCH_ALIAS_TABLE_VERSIONS)
      .find({ _id: { $in: missing } }, { session: args.session });
    for (const version of versions) {
      const table = version.rules as unknown as AliasTable;
      aliasTableByHash.set(version.contentHash, table);
      out.set(version.domain, table);
    }
  }
  return out;
}

const compiledByHash = new Map<string, CompiledRules>();
const MAX_CACHED = 64;

/** What a rule set compiled here was compiled from: enough to compile the same rules in another thread. */
export interface CompiledSource {
  rules: RuleSet;
  hash: string;
  aliasTables?: Map<string, AliasTable>;
}

const sourceOfCompiled = new WeakMap<CompiledRules, CompiledSource>();

/** The rule set and published alias tables `compiled` was made from by `compileCached` (undefined: compiled elsewhere). */
export function compiledSourceOf(compiled: CompiledRules): CompiledSource | undefined {
  return sourceOfCompiled.get(compiled);
}

/**
 * Compiles a rule set once per content hash and alias-table contents (versions are immutable, so the
 * cache never goes stale). `aliasTables` are the published tables (others come from the shipped files).
 */
export function compileCached(rules: RuleSet, hash: string = ruleSetHash(rules), aliasTables?: Map<string, AliasTable>): CompiledRules {
  const key =
    aliasTables && aliasTables.size > 0
      ? `${hash}|${[...aliasTables]
          .map(([name, table]) => `${name}:${ruleSetHash(table)}`)
          .sort()
          .join(',')}`
      : hash;
  let compiled = compiledByHash.get(key);
  if (!compiled) {
    compiled = compileRules(rules, { aliasTables });
    sourceOfCompiled.set(compiled, { rules, hash, ...(aliasTables ? { aliasTables } : {}) });
    if (compiledByHash.size >= MAX_CACHED) compiledByHash.delete(compiledByHash.keys().next().value as string);
    compiledByHash.set(key, compiled);
  }
  return compiled;
}

/**
 * The rules in force for `domain`: the current published version from the store, or — when the store
 * has none (a store set up without start-up loading) — the shipped file; compiled with the published
 * versions of the alias tables they name (one more `$in` read), so a table publish also takes effect
 * on the next match.
 */
export async function publishedRules(args: { store: Store; domain: string; session?: StoreSession }): Promise<CompiledRules> {
  const head = await args.store
    .collection<RuleSetDocument>(MATCH_RULE_SETS)
    .findOne({ _id: args.domain }, { projection: { published: 1, aliasPointers: 1 }, session: args.session });
  const rules: RuleSet | CompiledRules | null = head?.published
    ? (rulesByHash.get(head.published.contentHash) ?? null)
    : await loadRules(args.domain);
  let ruleSet: RuleSet;
  let hash: string;
  if (rules && 'comparatorIndex' in rules) {
    ruleSet = rules.rules;
    hash = ruleSetHash(ruleSet);
  } else if (rules) {
    ruleSet = rules;
    hash = head?.published?.contentHash ?? ruleSetHash(rules);
  } else {
    const version = await args.store
      .collection<RuleSetVersionDocument>(MATCH_RULE_SET_VERSIONS)
      .findOne({ _id: versionId(args.domain, head?.published?.number ?? 0) }, { session: args.session });
    if (!version) return loadRules(args.domain);
    ruleSet = version.rules;
    hash = version.contentHash;
    rulesByHash.set(hash, ruleSet);
  }
  let names = namesByRules.get(ruleSet);
  if (!names) namesByRules.set(ruleSet, (names = aliasTableNamesOf(ruleSet)));
  // The head carries every table's published pointer (kept in step by table publishes): no second read.
  const shared = head?.aliasPointers;
  const pointers = shared
    ? new Map(
        names.flatMap((name): [string, { number: number; contentHash: string }][] => {
          const pointer = shared[name];
          return pointer ? [[name, pointer]] : [];
        }),
      )
    : await publishedAliasPointers({ store: args.store, names, session: args.session });
  const key = `${hash}|${[...pointers]
    .map(([name, p]) => `${name}:${p.contentHash}`)
    .sort()
    .join(',')}`;
  const cached = compiledByPointers.get(key);
  if (cached) return cached;
  const compiled = compileCached(ruleSet, hash, await loadAliasContents({ store: args.store, pointers, session: args.session }));
  if (compiledByPointers.size >= MAX_CACHED) compiledByPointers.delete(compiledByPointers.keys().next().value as string);
  compiledByPointers.set(key, compiled);
  return compiled;
}

const namesByRules = new WeakMap<RuleSet, string[]>();
/** Published rule-set contents by hash (immutable versions). */
const rulesByHash = new Map<string, RuleSet>();
/** Compiled rules by rules hash + published alias-table hashes: the hot path reads two small documents, compiles nothing. */
const compiledByPointers = new Map<string, CompiledRules>();
