/**
 * `regex.test` for a large case-insensitive alternation of marker words (the Latin-script language markers of
 * itemLineLanguages.ts: ~130 alternatives of pack, unit and attribute words in fourteen languages), answered for most
 * ASCII lines by one pass over their characters instead of the expression.
 *
 * Each alternative's necessary literal — its longest run of letters that every match spells (`\bpakovanje\b` →
 * `pakovanje`, `\bkutija\s\d` → `kutija`) — is read from its syntax tree (@eslint-community/regexpp), with whether the run
 * starts a word there (after `\b`, a space or a punctuation mark). A text none of whose positions holds one of these
 * literals (at a word start where it must be one) cannot match, and returns false; any other text is tested by the
 * expression itself, so what is read never changes. The convention: item lines are overwhelmingly ASCII English
 * (US/EU ERP exports) and name none of the marker words; V8 tries each of the ~130 alternatives at each position of
 * every line (1.1 µs a generated line), while the scan looks each position up in a table of three-letter starts.
 *
 * Only an ASCII text is scanned: there a pattern character above ASCII cannot match under `i` without `u` (canonical
 * case folding never maps a character above ASCII to one below), so an alternative needing one is left out and a
 * character class is read by its ASCII members (`steril[ūu]s` is `sterilus` on an ASCII line). A text with a non-ASCII
 * character, an expression with other flags than `i`, or one with an alternative whose letters cannot be read (no
 * run of two letters), is tested by `regex` as before.
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/** A run of letters every match of one alternative spells (lower-cased) and whether it starts a word there. */
interface Anchor {
  literal: string;
  isWordStart: boolean;
  /** The variant's other runs (lower-cased): a text that holds the anchor but not all of them cannot match it either. */
  others: readonly string[];
}

/** Word characters of `\b` without `u` (a-z, 0-9, `_`) as 1–37, anything else 0: the alphabet of the start tables. */
const SYMBOLS = 38;
const SYMBOL_OF = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (code >= 97 && code <= 122) SYMBOL_OF[code] = code - 96;
  else if (code >= 65 && code <= 90) SYMBOL_OF[code] = code - 64;
  else if (code >= 48 && code <= 57) SYMBOL_OF[code] = 27 + code - 48;
  else if (code === 95) SYMBOL_OF[code] = 37;
}

/** More variants than this in one alternative (groups and optional parts spelled out): no anchor is read for it. */
const MAX_VARIANTS = 64;

/** An element list with its non-capturing and capturing groups and optional parts spelled out (null: too many). */
function variantsOf(elements: readonly AST.Element[]): AST.Element[][] | null {
  let variants: AST.Element[][] = [[]];
  for (const element of elements) {
    let options: AST.Element[][];
    if (element.type === 'Group' || element.type === 'CapturingGroup') {
      if ('modifiers' in element && element.modifiers) return null;
      options = [];
      for (const alternative of element.alternatives) {
        const inner = variantsOf(alternative.elements);
        if (inner === null) return null;
        options.push(...inner);
      }
    } else if (element.type === 'Quantifier' && element.min === 0 && element.max === 1) {
      const inner = variantsOf([element.element]);
      if (inner === null) return null;
      options = [[], ...inner];
    } else options = [[element]];
    const next: AST.Element[][] = [];
    for (const variant of variants) for (const option of options) next.push([...variant, ...option]);
    if (next.length > MAX_VARIANTS) return null;
    variants = next;
  }
  return variants;
}

/** The ASCII characters a class element list can match, or null when a member is not a plain character. */
function asciiMembers(elements: readonly AST.CharacterClassElement[]): number[] | null {
  const members: number[] = [];
  for (const member of elements) {
    if (member.type !== 'Character') return null;
    if (member.value < 128) members.push(member.value);
  }
  return members;
}

/**
 * The best anchor of one variant on an ASCII text: 'never' when it cannot match one (it needs a character above
 * ASCII), null when no run of two letters is known.
 */
function anchorOf(elements: readonly AST.Element[]): Anchor | 'never' | null {
  const runs: Omit<Anchor, 'others'>[] = [];
  let run = '';
  let runStartsWord = false;
  // Whether the position after the last element read is a word start when a letter follows (after `\b`, `^`, a space…).
  let atBoundary = false;
  const endRun = (nextIsBoundary: boolean) => {
    if (run.length >= 2) runs.push({ literal: run, isWordStart: runStartsWord });
    run = '';
    atBoundary = nextIsBoundary;
  };
  const addCharacter = (code: number) => {
    if ((SYMBOL_OF[code] as number) === 0) return endRun(true);
    if (run === '') runStartsWord = atBoundary;
    run += String.fromCharCode(code).toLowerCase();
  };
  for (const element of elements) {
    if (element.type === 'Character') {
      if (element.value >= 128) return 'never';
      addCharacter(element.value);
    } else if (element.type === 'CharacterClass' && !element.negate && !element.unicodeSets) {
      const members = asciiMembers(element.elements as readonly AST.CharacterClassElement[]);
      if (members === null) endRun(false);
      else if (members.length === 0) return 'never';
      else if (members.length === 1) addCharacter(members[0] as number);
      else endRun(members.every((code) => (SYMBOL_OF[code] as number) === 0));
    } else if (element.type === 'CharacterSet' && element.kind === 'space' && !element.negate) endRun(true);
    else if (element.type === 'Assertion' && ((element.kind === 'word' && !element.negate) || element.kind === 'start')) endRun(true);
    else endRun(false);
  }
  endRun(false);
  if (runs.length === 0) return null;
  // The longest run is the most selective; of two alike, the one that must start a word.
  const best = runs.reduce((chosen, anchor) =>
    anchor.literal.length > chosen.literal.length ||
    (anchor.literal.length === chosen.literal.length && anchor.isWordStart && !chosen.isWordStart)
      ? anchor
      : chosen,
  );
  return { ...best, others: runs.filter((anchor) => anchor !== best).map((anchor) => anchor.literal) };
}

/** The anchors of every alternative of `source` on an ASCII text, or null when one alternative has none. */
function anchorsOf(source: string): Anchor[] | null {
  let pattern: AST.Pattern;
  try {
    pattern = parseRegExpLiteral(new RegExp(source, 'i')).pattern;
  } catch {
    return null;
  }
  const anchors: Anchor[] = [];
  for (const alternative of pattern.alternatives) {
    const variants = variantsOf(alternative.elements);
    if (variants === null) return null;
    for (const variant of variants) {
      const anchor = anchorOf(variant);
      if (anchor === null) return null;
      if (anchor !== 'never') anchors.push(anchor);
    }
  }
  return anchors;
}

/**
 * Whether `wordAnchoredTest` can answer ASCII texts of `regex` without it (every alternative has an anchor): a marker
 * added without a run of two letters (`\bx\b`) makes it run the expression on every line again.
 */
export function hasWordAnchors(regex: RegExp): boolean {
  return regex.flags === 'i' && anchorsOf(regex.source) !== null;
}

/** A position's first two symbols as a table key (the start of two-letter literals). */
function pairKey(first: number, second: number): number {
  return first * SYMBOLS + second;
}
/** A position's first three symbols as a table key. */
function tripleKey(first: number, second: number, third: number): number {
  return (first * SYMBOLS + second) * SYMBOLS + third;
}

/** Whether `text` spells `literal` (lower-case word characters) at `start`, letters in either case. */
function spellsAt(text: string, start: number, literal: string): boolean {
  if (start + literal.length > text.length) return false;
  for (let k = 0; k < literal.length; k++) {
    const code = text.charCodeAt(start + k);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== literal.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * `regex.test`, answered false without running `regex` for an ASCII text that holds none of its alternatives' anchors
 * (see the header). For a case-insensitive (`i`, and no other flag) alternation of words; any other expression is
 * tested as it is.
 */
export function wordAnchoredTest(regex: RegExp): (text: string) => boolean {
  const anchors = regex.flags === 'i' ? anchorsOf(regex.source) : null;
  if (anchors === null) return (text) => regex.test(text);
  // The anchors by their first two symbols (two-letter literals) and first three; a table of flags says at once
  // whether a position can start one, the lists are read only then.
  const pairs = new Map<number, Anchor[]>();
  const triples = new Map<number, Anchor[]>();
  const hasPair = new Uint8Array(SYMBOLS * SYMBOLS);
  const hasTriple = new Uint8Array(SYMBOLS * SYMBOLS * SYMBOLS);
  for (const anchor of anchors) {
    const symbols = [...anchor.literal].map((character) => SYMBOL_OF[character.charCodeAt(0)] as number);
    const [first = 0, second = 0, third = 0] = symbols;
    const [table, flags, key] =
      symbols.length === 2 ? [pairs, hasPair, pairKey(first, second)] : [triples, hasTriple, tripleKey(first, second, third)];
    flags[key] = 1;
    table.set(key, [...(table.get(key) ?? []), anchor]);
  }
  // A candidate anchor found at `start`: spelled there, at a word start if it must be one, and the variant's other
  // runs somewhere in the text (letters in either case).
  const holdsAnchorAt = (text: string, start: number, candidates: readonly Anchor[], isWordStart: boolean): boolean =>
    candidates.some(
      (anchor) =>
        (isWordStart || !anchor.isWordStart) &&
        spellsAt(text, start, anchor.literal) &&
        (anchor.others.length === 0 || anchor.others.every((other) => text.toLowerCase().includes(other))),
    );
  const none: readonly Anchor[] = [];
  return (text) => {
    const length = text.length;
    let previous = 0;
    let current = length > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < length; i++) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      // Above ASCII, the expression decides (see the header).
      if (current >= 128) return regex.test(text);
      const symbol = SYMBOL_OF[current] as number;
      const nextSymbol = next < 128 ? (SYMBOL_OF[next] as number) : 0;
      if (symbol !== 0 && nextSymbol !== 0) {
        // `previous` is ASCII (a character above it returned already) or 0 before the first.
        const isWordStart = (SYMBOL_OF[previous] as number) === 0;
        const pair = pairKey(symbol, nextSymbol);
        if (hasPair[pair] === 1 && holdsAnchorAt(text, i, pairs.get(pair) ?? none, isWordStart)) return regex.test(text);
        if (i + 2 < length) {
          const third = text.charCodeAt(i + 2);
          const triple = third < 128 ? tripleKey(symbol, nextSymbol, SYMBOL_OF[third] as number) : 0;
          if (hasTriple[triple] === 1 && holdsAnchorAt(text, i, triples.get(triple) ?? none, isWordStart)) return regex.test(text);
        }
      }
      previous = current;
      current = next;
    }
    return false;
  };
}
