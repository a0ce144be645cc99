/**
 * Blocking: the keys a record is filed under so that only records sharing a key are compared.
 * Every key is `<rule name>:<value>`. A key rule has two sides: the keys a record is INDEXED
 * under, and the keys it is LOOKED UP by. They are the same except for `nameTokens`, where a
 * record is indexed under all its tokens but looked up only by its rarest ones — rarity changes
 * as data arrives, so it is decided at lookup time from block sizes, never frozen into the index.
 */
import { loanwordSkeleton } from './scriptReadings';
import { domainLabel, cardMerchantOf, ocrFolded } from './nameReadings';
import { doubleMetaphone } from 'double-metaphone';
import { compiledWrittenAcronyms, initialismKeys, writtenInitialismKeys } from './acronyms';
import { withAliasTables, withAliasTablesTokens, type AliasTable } from './aliases';
import {
  codeTokensInText,
  shortNumbersInText,
  normalizeIdentifier,
  normalizerFor,
  normalizeWith,
  splitNormalized,
  stringsAtPaths,
} from './normalizers';
import { nameFormsWith } from './bracketedNames';
import { bilingualNamesOf, bilingualOtherNames } from './bilingualNames';
import { allCaptionNames, statedNamesAtPaths } from './captionNames';
import { compileTextRewrites, identifierStrings, rewrittenStringsAtPaths } from './textRewrites';
import type { BlockingKeyRule, CanonicalRecord } from './types';
import { present } from '../invariant';

type Normalize = (value: string) => string | null;

/** A key rule's normaliser and alias tables, as text and as words (token keys read words). */
interface KeyNormalizers {
  normalize: Normalize;
  wordsOf: (value: string) => readonly string[];
  /** The rule's `stopWords`, upper-cased once when it is compiled (not once per record). */
  stopWords: ReadonlySet<string>;
  /** A name's forms (`alternatives`: each side of ` / `, bracketed names) by the rule set's legal-form tables. */
  nameForms: (raw: string) => string[];
  /** The rule's `textRewrites` as one function, reading the rule set's table versions (none: undefined). */
  rewrite: ((text: string) => string) | undefined;
  /** `otherNameTables`: a public body's other official names its names state (bilingualNames.ts); none: undefined. */
  officialNames: ((raws: readonly string[]) => string[]) | undefined;
}

/** Tokens beyond this many are not indexed (long descriptions would bloat the index). */
const MAX_INDEXED_TOKENS = 16;
/** Cartesian products of `combined` parts are capped: a record with 40 addresses is not worth 40² keys. */
const MAX_COMBINED_KEYS = 16;

export interface CompiledBlockingKey {
  rule: BlockingKeyRule;
  /** Keys the record is filed under. */
  indexKeys(record: CanonicalRecord): string[];
  /** The same keys without the `<rule name>:` prefix (distinct within this rule; the batch keeps one block table per rule). */
  indexValues(record: CanonicalRecord): string[];
  /**
   * How lookups use the index keys: all of them, or the `count` rarest — and, with a `budget`, further keys in order of
   * rarity while all the blocks looked up hold at most `budget` other records (`lookupBudget`).
   */
  lookup: { mode: 'all' } | { mode: 'rarest'; count: number; budget: number };
}

/** Longest key list `unique` checks pair by pair (longer lists go through a Set). */
const PAIRWISE_UNIQUE = 8;

/**
 * The distinct values in first-seen order, as an exact-size array (`[...new Set(values)]`). A rule gives most records
 * zero to three keys: a list that short is checked pair by pair and copied when it holds no repeat, which spares the
 * batch's preparation a Set per key rule and record (six rules × a million records).
 */
function unique(values: readonly string[]): string[] {
  if (values.length <= PAIRWISE_UNIQUE) {
    let hasRepeat = false;
    for (let i = 1; i < values.length && !hasRepeat; i++) hasRepeat = values.indexOf(values[i] as string) < i;
    if (!hasRepeat) return values.slice();
  }
  return [...new Set(values)];
}

function identifierKeys(rule: BlockingKeyRule, record: CanonicalRecord): string[] {
  const scheme = rule.params?.scheme ?? 'raw';
  const out: string[] = [];
  for (const raw of identifierStrings({ record, fields: rule.fields, scheme, barcodeFields: rule.params?.barcodeFields })) {
    const value = normalizeIdentifier(scheme, raw);
    if (!value) continue;
    // GTIN base = digits 2–13: every packaging level of one product lands in one block.
    const keyed = scheme === 'gtin' && rule.params?.gtinPart === 'base' && value.length === 14 ? value.slice(1, 13) : value;
    out.push(keyed);
  }
  return unique(out);
}

function partNumberKeys(rule: BlockingKeyRule, record: CanonicalRecord): string[] {
  const minLength = rule.params?.minLength ?? 3;
  const out: string[] = [];
  for (const raw of stringsAtPaths(record, rule.fields)) {
    const value = normalizeWith('partNumber', raw);
    if (value && value.length >= minLength) out.push(value);
  }
  return unique(out);
}

/**
 * The field values a name key reads: with `captionNames`, a caption's own and related names instead of the value
 * (captionNames.ts); with `alternatives`, each form of a `A / B` value and each bracketed name of the entity too (its
 * own leading words).
 */
function namesOf(
  rule: BlockingKeyRule,
  record: CanonicalRecord,
  { nameForms, officialNames }: Pick<KeyNormalizers, 'nameForms' | 'officialNames'>,
): string[] {
  const raws = stringsAtPaths(record, rule.fields);
  const named = rule.params?.captionNames ? raws.flatMap(allCaptionNames) : raws;
  const official = officialNames ? officialNames(named) : [];
  const stated = [...statedNamesAtPaths(record, rule.params?.relatedNameFields), ...official];
  const values = stated.length > 0 ? [...named, ...stated] : named;
  return rule.params?.alternatives ? values.flatMap(nameForms) : values;
}

function nameTokenKeys(rule: BlockingKeyRule, record: CanonicalRecord, normalizers: KeyNormalizers): string[] {
  const { wordsOf, stopWords, nameForms } = normalizers;
  const minLength = rule.params?.minLength ?? 3;
  const out = new Set<string>();
  for (const raw of namesOf(rule, record, normalizers)) {
    for (const token of wordsOf(raw)) {
      if (token.length >= minLength && !stopWords.has(token)) out.add(token);
      if (out.size >= MAX_INDEXED_TOKENS) return [...out];
    }
  }
  if (rule.params?.ocrConfusions || rule.params?.domainNames || rule.params?.merchantDescriptors)
    addReadingKeys({ rule, record, wordsOf, out, minLength });
  if (rule.params?.scriptSkeletons) addSkeletonKeys({ rule, record, wordsOf, nameForms, officialNames: normalizers.officialNames, out });
  return [...out];
}

/** Skeletons this short make blocks of unrelated names; their pairs meet through the other keys or not at all. */
const MIN_SKELETON_KEY = 5;

/** `scriptSkeletons`: each name's loanword skeleton (scriptReadings.ts), marked so it never meets a name token. */
function addSkeletonKeys(args: {
  rule: BlockingKeyRule;
  record: CanonicalRecord;
  wordsOf: KeyNormalizers['wordsOf'];
  nameForms: KeyNormalizers['nameForms'];
  officialNames: KeyNormalizers['officialNames'];
  out: Set<string>;
}): void {
  for (const raw of namesOf(args.rule, args.record, args)) {
    const skeleton = loanwordSkeleton(args.wordsOf(raw).join(' '));
    if (skeleton.length >= MIN_SKELETON_KEY) args.out.add(`\u00a7${skeleton}`);
  }
}

/**
 * The name-token keys of a value's readings (nameReadings.ts): its OCR-folded words, its domain label's prefixes, the
 * words of a card descriptor's merchant before the asterisk.
 */
function addReadingKeys(args: {
  rule: BlockingKeyRule;
  record: CanonicalRecord;
  wordsOf: KeyNormalizers['wordsOf'];
  out: Set<string>;
  minLength: number;
}): void {
  const { rule, out } = args;
  for (const raw of stringsAtPaths(args.record, rule.fields)) {
    const folded = rule.params?.ocrConfusions ? ocrFolded(raw) : null;
    if (folded !== null) for (const token of args.wordsOf(folded)) if (token.length >= args.minLength) out.add(token);
    const label = rule.params?.domainNames ? domainLabel(raw) : null;
    // The label and its prefixes meet the first word of the name it spells (`TANDEMDIABETES` → `TANDEM`, `VYAIRE`).
    if (label !== null) for (let end = Math.max(4, args.minLength); end <= label.length; end++) out.add(label.slice(0, end));
    const merchant = rule.params?.merchantDescriptors ? cardMerchantOf(raw) : null;
    if (merchant !== null) for (const token of args.wordsOf(merchant)) if (token.length >= args.minLength) out.add(token);
  }
}

function initialsKeys(rule: BlockingKeyRule, record: CanonicalRecord, { wordsOf }: KeyNormalizers): string[] {
  const out = new Set<string>();
  const site = rule.params?.acronymSiteWords
    ? { words: new Set(rule.params.acronymSiteWords), otherSiteWords: new Set(rule.params.acronymOtherSiteWords ?? []) }
    : undefined;
  const written = rule.params?.writtenAcronyms ? compiledWrittenAcronyms(rule.params.writtenAcronyms) : undefined;
  for (const raw of stringsAtPaths(record, rule.fields)) {
    const words = wordsOf(raw);
    for (const key of initialismKeys(words, site)) out.add(key);
    // A name's initials as its own language writes it (`SUS`: Skånes UniversitetsSjukhus), not as translated.
    if (written) for (const key of writtenInitialismKeys({ raw, normalized: words.join(' '), written })) out.add(key);
    if (out.size >= MAX_INDEXED_TOKENS) break;
  }
  return [...out];
}

function phoneticKeys(rule: BlockingKeyRule, record: CanonicalRecord, normalizers: KeyNormalizers): string[] {
  const { normalize } = normalizers;
  const tokenCount = rule.params?.tokens ?? 2;
  const minLength = rule.params?.minLength ?? 2;
  const out: string[] = [];
  for (const raw of namesOf(rule, record, normalizers)) {
    const normalized = normalize(raw);
    if (!normalized) continue;
    const leading = splitNormalized(normalized)
      .filter((t) => t.length >= minLength)
      .slice(0, tokenCount);
    if (leading.length === 0) continue;
    const codes = leading.map((t) => doubleMetaphone(t));
    out.push(codes.map((c) => c[0]).join(' '));
    const alternate = codes.map((c) => c[1]).join(' ');
    if (alternate !== out[out.length - 1]) out.push(alternate);
  }
  return unique(out.filter((k) => k.trim() !== ''));
}

function catalogInTextKeys(rule: BlockingKeyRule, record: CanonicalRecord, { rewrite }: KeyNormalizers): string[] {
  const minLength = rule.params?.minLength ?? 4;
  const out: string[] = [];
  // Short digit runs are keyed too, so `3M 1860` meets the record whose part number is 1860; the
  // comparator never counts two texts sharing only a short number (a year) as evidence.
  for (const text of rewrittenStringsAtPaths(record, rule.fields, rewrite))
    out.push(...codeTokensInText(text, minLength), ...shortNumbersInText(text, minLength));
  for (const raw of stringsAtPaths(record, rule.params?.codeFields ?? [])) {
    const code = normalizeWith('partNumber', raw);
    if (code && code.length >= minLength) out.push(code);
  }
  return unique(out);
}

function combinedKeys(rule: BlockingKeyRule, record: CanonicalRecord): string[] {
  let combos: string[] = [''];
  for (const part of rule.params?.parts ?? []) {
    const values: string[] = [];
    for (const raw of stringsAtPaths(record, [part.field])) {
      let value = normalizeWith(part.normalizer ?? 'text', raw);
      if (!value) continue;
      if (part.firstToken) value = value.split(' ')[0] ?? value;
      if (part.prefix) value = value.slice(0, part.prefix);
      values.push(value);
    }
    if (values.length === 0) return [];
    const next: string[] = [];
    for (const combo of combos) for (const value of unique(values)) next.push(combo === '' ? value : `${combo}|${value}`);
    combos = next.slice(0, MAX_COMBINED_KEYS);
  }
  return unique(combos);
}

const KEY_FUNCTIONS: Record<
  BlockingKeyRule['type'],
  (rule: BlockingKeyRule, record: CanonicalRecord, normalizers: KeyNormalizers) => string[]
> = {
  identifier: identifierKeys,
  partNumber: partNumberKeys,
  nameTokens: nameTokenKeys,
  initials: initialsKeys,
  phonetic: phoneticKeys,
  catalogInText: catalogInTextKeys,
  combined: combinedKeys,
};

/**
 * Compiles one blocking-key rule into key functions. `aliasTable` resolves the alias tables the rule
 * names (nameTokens, phonetic), applied after its normaliser so `BD` and `Becton Dickinson` share keys.
 */
export function compileBlockingKey(rule: BlockingKeyRule, aliasTable: (name: string) => AliasTable = missingTable): CompiledBlockingKey {
  const make = KEY_FUNCTIONS[rule.type];
  const prefix = `${rule.name}:`;
  const chain = {
    normalize: normalizerFor(rule.params?.normalizer ?? (rule.type === 'phonetic' ? 'orgName' : 'text'), aliasTable),
    tables: (rule.params?.aliasTables ?? []).map(aliasTable),
  };
  const normalize = withAliasTables(chain);
  const officialTables = rule.params?.otherNameTables;
  const official = officialTables ? bilingualNamesOf(officialTables.map(aliasTable), normalize) : null;
  const normalizers: KeyNormalizers = {
    normalize,
    wordsOf: withAliasTablesTokens(chain),
    stopWords: new Set((rule.params?.stopWords ?? []).map((w) => w.toUpperCase())),
    nameForms: nameFormsWith(aliasTable),
    rewrite: compileTextRewrites(rule.params?.textRewrites, aliasTable),
    officialNames: official ? (raws) => bilingualOtherNames({ raws, names: official, normalize }) : undefined,
  };
  return {
    rule,
    indexKeys: (record) => make(rule, record, normalizers).map((value) => prefix + value),
    indexValues: (record) => make(rule, record, normalizers),
    lookup:
      rule.type === 'nameTokens'
        ? { mode: 'rarest', count: rule.params?.count ?? 2, budget: rule.params?.lookupBudget ?? 0 }
        : { mode: 'all' },
  };
}

function missingTable(name: string): AliasTable {
  throw new Error(`alias table "${name}" was not provided`);
}

/**
 * Chooses the keys to look a record up by, given the number of OTHER records in each block: all
 * keys of `all` rules; for `rarest` rules the `count` smallest non-empty blocks (ties broken by
 * longer, then alphabetical token so the choice is deterministic). A token no other record has
 * would waste a slot, so a record with two unique words is still looked up by its shared ones.
 */
export function selectLookupKeys(args: {
  keyRules: readonly CompiledBlockingKey[];
  keysByRule: readonly string[][];
  sizeOf: (key: string) => number;
}): string[] {
  const selected: string[] = [];
  forEachLookupKey(args, (key) => selected.push(key));
  return selected;
}

/**
 * `selectLookupKeys` handing each chosen key to `visit` with its rule's index. The keys of one rule may
 * be given with or without the rule's common prefix (the ranking is the same); `sizeOf` gets the rule too.
 */
export function forEachLookupKey(
  args: {
    keyRules: readonly CompiledBlockingKey[];
    keysByRule: readonly string[][];
    sizeOf: (key: string, ruleIndex: number) => number;
  },
  visit: (key: string, ruleIndex: number) => void,
): void {
  args.keyRules.forEach((keyRule, index) => {
    const keys = present(args.keysByRule[index], 'keys of blocking rule');
    if (keyRule.lookup.mode === 'all') {
      for (const key of keys) visit(key, index);
      return;
    }
    const chosen = rarestKeys({
      keys,
      count: keyRule.lookup.count,
      budget: keyRule.lookup.budget,
      sizeOf: sizeOfRule(args.sizeOf, index),
      textOf: keyText,
    });
    for (const key of chosen) visit(key, index);
  });
}

/**
 * `sizeOf` of one rule's keys. Made by a function rather than written in the object literal: the tsx loader (which
 * `npm start` runs under too) names a function written as a property or bound to a name each time one is made
 * (`__name`), and incremental matching makes these once per rule per record.
 */
function sizeOfRule(sizeOf: (key: string, ruleIndex: number) => number, ruleIndex: number): (key: string) => number {
  return (key) => sizeOf(key, ruleIndex);
}

/** A key's text is the key (`rarestKeys`' `textOf` for string keys). */
function keyText(key: string): string {
  return key;
}

/**
 * The `count` keys of a `rarest` rule with the smallest non-empty blocks, ties broken by longer, then alphabetically
 * first key text; then, with a `budget`, the next rarest keys while the chosen blocks hold at most `budget` records in
 * all. Why the budget: the record that arrives second is the only one that looks the pair up, and a long title holds
 * more words rarer than the ones it shares with its partner (`IMMUNIZATION`, `BECTON` before `SOLOSHOT`); where
 * blocks are small, looking up a few more of them costs a few comparisons and finds the partner, and where they are
 * large (a big hub) the first `count` already spend the budget and nothing changes. Keys are any handle on a key
 * (its text, or the batch's block id) with its text at `textOf`.
 */
export function rarestKeys<K>(args: {
  keys: ArrayLike<K>;
  /** Only `keys[start]` … `keys[end - 1]` (default: all), so a caller holding many records' keys in one array need not copy. */
  start?: number;
  end?: number;
  count: number;
  budget?: number;
  sizeOf: (key: K) => number;
  textOf: (key: K) => string;
}): K[] {
  const ranked: Array<{ key: K; text: string; size: number }> = [];
  const end = args.end ?? args.keys.length;
  for (let i = args.start ?? 0; i < end; i++) {
    const key = args.keys[i] as K;
    const size = args.sizeOf(key);
    if (size > 0) ranked.push({ key, text: args.textOf(key), size });
  }
  ranked.sort((x, y) => x.size - y.size || y.text.length - x.text.length || (x.text < y.text ? -1 : 1));
  const chosen: K[] = [];
  let held = 0;
  for (let i = 0; i < ranked.length; i++) {
    const { key, size } = present(ranked[i], 'ranked key');
    // Sizes ascend: the first key past the budget ends the list.
    if (i >= args.count && held + size > (args.budget ?? 0)) break;
    chosen.push(key);
    held += size;
  }
  return chosen;
}
