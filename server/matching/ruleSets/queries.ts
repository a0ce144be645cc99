/**
 * Reading rule sets, and the one function the engine's callers use to get the rules in force:
 * `publishedRules` reads the head document's published pointer (one `_id` lookup) and compiles a
 * version once per process (cache by content hash), so a publish takes effect on the next call.
 */
import { createHash } from 'node:crypto';
import { NotFoundError } from '../../errors';
import type { Store, StoreSession } from '../../store/types';
import { compileRules, loadRules, type CompiledRules } from '../rules';
import type { RuleSet } from '../types';
import { MATCH_RULE_SETS, MATCH_RULE_SET_VERSIONS, type RuleSetDocument, type RuleSetVersionDocument } from './types';

/** Hash of a rule set's content (key order independent). */
export function ruleSetHash(rules: RuleSet): string {
  return createHash('sha256').update(stableStringify(rules)).digest('hex');
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `_id` of a published version. */
export function versionId(domain: string, number: number): string {
  return `${domain}|v${number}`;
}

/** The head document of a domain's rule set, or null. */
export async function findRuleSet(args: { store: Store; domain: string; session?: StoreSession }): Promise<RuleSetDocument | null> {
  return args.store.collection<RuleSetDocument>(MATCH_RULE_SETS).findOne({ _id: args.domain }, { session: args.session });
}

/** The head document or 404. */
export async function requireRuleSet(args: { store: Store; domain: string }): Promise<RuleSetDocument> {
  const head = await findRuleSet(args);
  if (!head) throw new NotFoundError(`Matching rules for domain "${args.domain}"`);
  return head;
}

/** One published version or 404. */
export async function requireRuleSetVersion(args: { store: Store; domain: string; number: number }): Promise<RuleSetVersionDocument> {
  const version = await args.store.collection<RuleSetVersionDocument>(MATCH_RULE_SET_VERSIONS).findOne({ _id: versionId(args.domain, args.number) });
  if (!version) throw new NotFoundError(`Version ${args.number} of the matching rules for "${args.domain}"`);
  return version;
}

/** Published versions of a domain, newest first. */
export async function listRuleSetVersions(args: { store: Store; domain: string }): Promise<RuleSetVersionDocument[]> {
  const versions = await args.store.collection<RuleSetVersionDocument>(MATCH_RULE_SET_VERSIONS).find({ domain: args.domain });
  return versions.sort((a, b) => b.number - a.number);
}

const compiledByHash = new Map<string, CompiledRules>();
const MAX_CACHED = 64;

/** Compiles a rule set once per content hash (versions are immutable, so the cache never goes stale). */
export function compileCached(rules: RuleSet, hash: string = ruleSetHash(rules)): CompiledRules {
  let compiled = compiledByHash.get(hash);
  if (!compiled) {
    compiled = compileRules(rules);
    if (compiledByHash.size >= MAX_CACHED) compiledByHash.delete(compiledByHash.keys().next().value as string);
    compiledByHash.set(hash, compiled);
  }
  return compiled;
}

/**
 * The rules in force for `domain`: the current published version from the store, or — when the store
 * has none (a store set up without start-up loading) — the shipped file.
 */
export async function publishedRules(args: { store: Store; domain: string; session?: StoreSession }): Promise<CompiledRules> {
  const head = await args.store.collection<RuleSetDocument>(MATCH_RULE_SETS).findOne({ _id: args.domain }, { projection: { published: 1 }, session: args.session });
  if (!head?.published) return loadRules(args.domain);
  const cached = compiledByHash.get(head.published.contentHash);
  if (cached) return cached;
  const version = await args.store
    .collection<RuleSetVersionDocument>(MATCH_RULE_SET_VERSIONS)
    .findOne({ _id: versionId(args.domain, head.published.number) }, { session: args.session });
  if (!version) return loadRules(args.domain);
  return compileCached(version.rules, version.contentHash);
}
