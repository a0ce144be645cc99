/**
 * The terms a golden record is found by, and those a query looks up. Words give `w:` (whole word),
 * `p:` (prefixes of 3–8 letters, for typeahead) and `m:` (double-metaphone, for typos); identifiers
 * and code-like tokens (letters with digits) give `i:` after normalisation, so a GTIN in any padding,
 * an NDC in 10 or 11 digits or a part number without its punctuation all meet one term.
 */
import { readFileSync } from 'node:fs';
import { doubleMetaphone } from 'double-metaphone';
import { normalizePartNumber, normalizeText } from '../identifiers/names';
import { normalizeIdentifier, stringsAtPaths } from '../matching/normalizers';
import type { IdentifierScheme } from '../matching/types';
import { stableHash } from '../stableJson';

export interface SearchFieldConfig {
  display: string[];
  text: string[];
  identifiers: Array<{ field: string; scheme: IdentifierScheme | 'partNumber' }>;
}

const CONFIG = JSON.parse(readFileSync(new URL('./searchFields.json', import.meta.url), 'utf8')) as Record<
  string,
  SearchFieldConfig | string
>;

/**
 * Revision of how a golden record becomes search terms (`documentTerms`, `wordsOf`, `wordTerms`, the code and pair
 * rules). Bump it whenever a change makes a record indexed under other terms: on the next start every golden record
 * is re-indexed in the background (`termsVersion.ts`). 1: session 10; 2: words in other scripts kept as words
 * (session 11).
 */
export const SEARCH_TERMS_REVISION = 2;

/** The terms revision and the searched fields (`searchFields.json`): what an index built by another release may lack. */
export const SEARCH_TERMS_VERSION = `${SEARCH_TERMS_REVISION}:${stableHash(CONFIG)}`;

/** The search configuration of a domain, or null when the domain is not searchable. */
export function searchFieldsOf(domain: string): SearchFieldConfig | null {
  const config = CONFIG[domain];
  return typeof config === 'object' ? config : null;
}

const MIN_PREFIX = 3;
const MAX_PREFIX = 8;
const MIN_CODE = 3;
const MAX_PAIR_WORDS = 8;
const IDENTIFIER_SCHEMES: IdentifierScheme[] = ['gtin', 'ndc', 'ein', 'duns', 'uei', 'npi', 'ccn', 'gln', 'hibcc'];

const isCode = (token: string): boolean => /\d/.test(token);

function phonetic(word: string): string | null {
  // Double metaphone is for Latin letters only: a word in another script has no sound term.
  if (word.length < 4 || isCode(word) || !/^[A-Z]+$/.test(word)) return null;
  const [primary] = doubleMetaphone(word);
  return primary ? `m:${primary}` : null;
}

/** Normalised identifier value of `scheme` (null when nothing is left). */
export function normalizeSearchIdentifier(scheme: IdentifierScheme | 'partNumber', value: string): string | null {
  if (scheme === 'partNumber') return normalizePartNumber(value) || null;
  return normalizeIdentifier(scheme, value);
}

/** A letter of a script other than Latin (µ and Greek mu fold to U in normalizeText, so they count as Latin). */
const OTHER_SCRIPT_LETTER = /[^\P{L}\p{Script=Latin}\u00b5\u03bc]/u;

/** A word in another script: compatibility forms folded (half-width kana), marks dropped (niqqud, harakat), upper-case. */
function foldOtherScriptWord(token: string): string {
  return token
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toUpperCase();
}

/**
 * Words of a text, upper-case without punctuation. Latin text is normalizeText's words; a word in another
 * script (Cyrillic, Greek, Hebrew, Arabic, CJK…) is kept as its own folded word instead of being dropped,
 * so a record named only in that script can be found by its name. Anything else (punctuation, bidi
 * controls, soft hyphens) separates words, as in normalizeText.
 */
export function wordsOf(text: string): string[] {
  const words = OTHER_SCRIPT_LETTER.test(text)
    ? text
        .split(/[^\p{L}\p{N}\p{M}]+/u)
        .flatMap((token) => (OTHER_SCRIPT_LETTER.test(token) ? [foldOtherScriptWord(token)] : normalizeText(token).split(' ')))
    : normalizeText(text).split(' ');
  return words.filter((w) => w.length >= 2);
}

/**
 * A catalogue repeats a few thousand words across all its records (2,665 distinct whole words in 20,000 generated
 * items): their terms are computed once, not once per record. Bounded: cleared when full.
 */
const WORD_TERMS_CACHE_SIZE = 50_000;
const wordTermsCache = new Map<string, readonly string[]>();

/** Whole-word, prefix and phonetic terms of one word (not a code). */
function wordTerms(word: string): readonly string[] {
  const cached = wordTermsCache.get(word);
  if (cached) return cached;
  const terms = [`w:${word}`];
  for (let length = MIN_PREFIX; length < Math.min(word.length, MAX_PREFIX + 1); length++) terms.push(`p:${word.slice(0, length)}`);
  const sound = phonetic(word);
  if (sound) terms.push(sound);
  if (wordTermsCache.size >= WORD_TERMS_CACHE_SIZE) wordTermsCache.clear();
  wordTermsCache.set(word, terms);
  return terms;
}

/** Every term a record with these texts and identifiers is indexed under. */
export function documentTerms(args: { texts: string[]; identifiers: string[] }): string[] {
  const terms = new Set<string>();
  for (const value of args.identifiers) terms.add(`i:${value}`);
  const words = new Set<string>();
  for (const text of args.texts) {
    for (const raw of text.toUpperCase().split(/[\s,;:/()[\]]+/)) {
      const code = normalizePartNumber(raw);
      if (code.length >= MIN_CODE && isCode(code)) terms.add(`i:${code}`);
    }
    for (const word of wordsOf(text)) {
      if (isCode(word)) {
        if (word.length >= MIN_CODE) terms.add(`i:${word}`);
        continue;
      }
      words.add(word);
      for (const term of wordTerms(word)) terms.add(term);
    }
  }
  // Word pairs (order-free) answer queries made only of common words by one index lookup instead of
  // an intersection of two long lists. Bounded: the first MAX_PAIR_WORDS distinct words.
  const sorted = [...words].slice(0, MAX_PAIR_WORDS).sort();
  sorted.forEach((first, i) => {
    for (const second of sorted.slice(i + 1)) terms.add(pairTerm(first, second));
  });
  return [...terms];
}

/** The term of two words found in one record. */
export function pairTerm(x: string, y: string): string {
  return x < y ? `b:${x}|${y}` : `b:${y}|${x}`;
}

/** Texts and normalised identifiers of a golden record's attributes under a domain's configuration. */
export function searchableValues(
  attributes: Record<string, unknown>,
  config: SearchFieldConfig,
): {
  display: string;
  texts: Array<{ field: string; value: string }>;
  identifiers: Array<{ field: string; value: string }>;
} {
  const display = config.display.map((field) => stringsAtPaths(attributes, [field])[0]).find((v) => v !== undefined) ?? '';
  const texts: Array<{ field: string; value: string }> = [];
  for (const field of config.text) for (const value of stringsAtPaths(attributes, [field])) texts.push({ field, value });
  const identifiers: Array<{ field: string; value: string }> = [];
  for (const { field, scheme } of config.identifiers) {
    for (const value of stringsAtPaths(attributes, [field])) {
      const normalized = normalizeSearchIdentifier(scheme, value);
      if (normalized) identifiers.push({ field, value: normalized });
    }
  }
  return { display, texts, identifiers };
}

export interface QueryTerms {
  /** Exact identifier terms (the whole query and each token under every scheme). */
  identifiers: string[];
  /** Per query word, its alternative terms (whole word, prefix for the last word, phonetic). */
  words: string[][];
  /** Pair terms of the query's words taken as whole words. */
  pairs: string[];
}

/** The terms a query looks up. The last word is treated as a prefix (the user is still typing). */
export function queryTerms(query: string): QueryTerms {
  const identifiers = new Set<string>();
  const compact = query.replace(/\s+/g, '');
  const candidates = [compact, ...query.split(/\s+/)].filter((v) => v.length >= MIN_CODE);
  for (const value of candidates) {
    const part = normalizePartNumber(value);
    if (part.length >= MIN_CODE) identifiers.add(`i:${part}`);
    if (!/\d/.test(value)) continue;
    for (const scheme of IDENTIFIER_SCHEMES) {
      const normalized = normalizeIdentifier(scheme, value);
      if (normalized) identifiers.add(`i:${normalized}`);
    }
  }
  const words = wordsOf(query).filter((w) => !isCode(w));
  const alternatives = words.map((word, index) => {
    const terms = [`w:${word}`];
    if (index === words.length - 1 && word.length >= MIN_PREFIX) terms.push(`p:${word.slice(0, MAX_PREFIX)}`);
    const sound = phonetic(word);
    if (sound) terms.push(sound);
    return terms;
  });
  const pairs = new Set<string>();
  words.forEach((first, i) => {
    for (const second of words.slice(i + 1)) if (first !== second) pairs.add(pairTerm(first, second));
  });
  return { identifiers: [...identifiers], words: alternatives, pairs: [...pairs] };
}
