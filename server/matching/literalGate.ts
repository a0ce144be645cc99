/**
 * One pass over a text that tells which of many regular expressions cannot match it (attributes.ts).
 *
 * Each expression's necessary literals are read from its syntax tree (@eslint-community/regexpp): a set
 * of strings such that every match of the expression contains one of them. A text that holds none of
 * an expression's literals cannot match it, so the expression is not run. The literals of every
 * expression of a rule set are looked for together in one scan of the text (keyed by their first two
 * characters), instead of one regular-expression scan per extractor, pattern and `requires` — about
 * 150 scans of every description with the item rules. The gate only skips: where it passes, the
 * expression itself still decides, so what is read does not change.
 *
 * Hand-written rather than a multi-pattern library (Aho–Corasick): the check must also hold on a text
 * whose read spans were blanked with spaces after the scan, which literals without a space guarantee
 * (blanking never creates a non-space character), and the literals come from our own regex analysis.
 */
import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';

/** A set of literals one of which every match contains; null when none is known (the expression always runs). */
type Literals = string[] | null;

/**
 * The necessary literals of a regular expression's source, or null. Literals hold no space: a text
 * whose spans were blanked (attributes.ts) holds a literal without a space only where its original did.
 */
export function necessaryLiterals(source: string): Literals {
  let pattern: AST.Pattern;
  try {
    pattern = parseRegExpLiteral(new RegExp(source, 'g')).pattern;
  } catch {
    return null;
  }
  return alternativesLiterals(pattern.alternatives);
}

function alternativesLiterals(alternatives: readonly AST.Alternative[]): Literals {
  const union: string[] = [];
  for (const alternative of alternatives) {
    const literals = sequenceLiterals(alternative.elements);
    if (literals === null) return null;
    union.push(...literals);
  }
  return minimalLiterals(union);
}

/**
 * A sequence matches only where each consuming part matches: every run of plain characters is
 * necessary, and so is what a group or a repeated part (at least once) needs. Of those sets the one
 * whose shortest literal is longest is kept (the most selective; a set of long literals rarely fires).
 */
function sequenceLiterals(elements: readonly AST.Element[]): Literals {
  const candidates: string[][] = [];
  let run = '';
  const flush = () => {
    if (run !== '') candidates.push([run]);
    run = '';
  };
  for (const element of elements) {
    if (element.type === 'Character') {
      const character = String.fromCodePoint(element.value);
      if (character === ' ') flush();
      else run += character;
      continue;
    }
    flush();
    if (element.type === 'Group' || element.type === 'CapturingGroup') {
      // A group with modifiers (`(?i:…)`) may match other letters than it spells.
      if ('modifiers' in element && element.modifiers) return null;
      const literals = alternativesLiterals(element.alternatives);
      if (literals !== null) candidates.push(literals);
    } else if (element.type === 'Quantifier' && element.min >= 1) {
      const literals = sequenceLiterals([element.element]);
      if (literals !== null) candidates.push(literals);
    }
    // Assertions, character classes and sets, back references and optional parts add nothing.
  }
  flush();
  let best: string[] | null = null;
  for (const candidate of candidates) {
    if (best === null || selectivity(candidate) > selectivity(best)) best = candidate;
  }
  return best;
}

function selectivity(literals: readonly string[]): number {
  // Longer shortest literal first; among equals, fewer literals.
  return Math.min(...literals.map((literal) => literal.length)) * 1000 - literals.length;
}

/** Drops literals that contain another (where the longer occurs, the shorter does too). */
function minimalLiterals(literals: readonly string[]): string[] {
  const unique = [...new Set(literals)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const literal of unique) if (!kept.some((shorter) => literal.includes(shorter))) kept.push(literal);
  return kept;
}

/**
 * A gate of the scanner (its index): it passes when the last scanned text holds one of its literals. The scan marks
 * the gates of each literal it finds (an index from literals to gates), so a check is one array read instead of a
 * walk over the gate's literals — an extractor's `requires` lists up to ~40 literals, and a description meets ~150 gates.
 */
export type LiteralGate = number;

/** The literals of many expressions, found in a text in one scan. */
export interface LiteralScanner {
  /** The gate of one expression's source (null: no literal known, the expression always runs). */
  gateOf(source: string | undefined): LiteralGate | null;
  /** One gate for several sources: it passes when one of theirs would (null: one of them has no literal known). */
  gateOfAny(sources: readonly string[]): LiteralGate | null;
  /** Call once all gates are made. */
  seal(): void;
  /** Finds which literals `text` holds (until the next scan). */
  scan(text: string): void;
  /** Whether the last scanned text holds one of the gate's literals. */
  passes(gate: LiteralGate | null): boolean;
}

/** Buckets of the tables of two-character and of longer literals (powers of two; ~1,500 literals with the item rules). */
const PAIR_BUCKETS = 4096;
const TRIPLE_BUCKETS = 8192;

/** The bucket of a text position's first two characters, and of its first three (any UTF-16 code units). */
function pairBucket(first: number, second: number): number {
  return (first * 131 + second) & (PAIR_BUCKETS - 1);
}
function tripleBucket(first: number, second: number, third: number): number {
  return ((first * 131 + second) * 131 + third) & (TRIPLE_BUCKETS - 1);
}

/** `lists` (one list per key, in key order) as one flat array and the start of each key's run (plus the end). */
function flatten(lists: readonly (readonly number[])[]): [Int32Array, Int32Array] {
  const start = new Int32Array(lists.length + 1);
  for (let key = 0; key < lists.length; key++) start[key + 1] = (start[key] as number) + (lists[key] as readonly number[]).length;
  const flat = new Int32Array(start[lists.length] as number);
  lists.forEach((list, key) => flat.set(list, start[key] as number));
  return [start, flat];
}

/** A scanner to which gates are added, then sealed before the first scan. */
export function createLiteralScanner(): LiteralScanner {
  const literals: string[] = [];
  const indexOf = new Map<string, number>();
  // Sealed, the tables are typed arrays in one flat layout each (`…Start[bucket]` to `…Start[bucket + 1]` in the list).
  // A position of the text is looked up by its first three characters for the literals of three or more (a bucket
  // holds ~0.2 of them: each candidate found is nearly always a hit) and by its first two for the two-character ones —
  // not by its first two for all: a pair such as `CA` or `RE` starts ~30 of the item rules' literals, each rejected
  // one by one at every such pair of every text (session 22: a third of the extraction's time).
  let pairStart: Int32Array = new Int32Array(PAIR_BUCKETS + 1);
  let pairLiterals: Int32Array = new Int32Array(0);
  let tripleStart: Int32Array = new Int32Array(TRIPLE_BUCKETS + 1);
  let tripleLiterals: Int32Array = new Int32Array(0);
  const singles = new Map<number, number>();
  let singleAscii = new Int32Array(128).fill(-1);
  let seen = new Uint32Array(0);
  // Each literal's first three character codes (-1 past its end) and length: a candidate of a bucket is checked by
  // codes, and only a literal longer than three by `startsWith`.
  let firstCodes = new Int32Array(0);
  let secondCodes = new Int32Array(0);
  let thirdCodes = new Int32Array(0);
  let lengths = new Int32Array(0);
  // The literals of each gate (by gate index) and, once sealed, the gates of each literal (`literalGates` from
  // `literalGateStart[literal]` to `literalGateStart[literal + 1]`); a gate holds the generation of the last scan that met it.
  const gateLiterals: Int32Array[] = [];
  const gateOfLiterals = new Map<string, LiteralGate>();
  let literalGateStart: Int32Array = new Int32Array(1);
  let literalGates: Int32Array = new Int32Array(0);
  let gatePassed = new Uint32Array(0);
  let generation = 0;
  // The text of the last scan (null: none since the tables were sealed).
  let lastScanned: string | null = null;

  const literalIndex = (literal: string): number => {
    let index = indexOf.get(literal);
    if (index === undefined) {
      index = literals.length;
      literals.push(literal);
      indexOf.set(literal, index);
    }
    return index;
  };

  const gateOfFound = (found: Literals): LiteralGate | null => {
    if (found === null || found.length === 0) return null;
    const indexes = Int32Array.from(new Set(found.map(literalIndex))).sort();
    // Expressions with the same literals share one gate (a pass depends on the literals only): the item rules' (item-3.39.1)
    // 500 gates are 389 distinct ones, and a frequent literal (`G`: 31 gates) then opens 6, not 31, per scan.
    const key = indexes.join(',');
    const known = gateOfLiterals.get(key);
    if (known !== undefined) return known;
    gateLiterals.push(indexes);
    gateOfLiterals.set(key, gateLiterals.length - 1);
    return gateLiterals.length - 1;
  };

  return {
    gateOf(source) {
      if (source === undefined) return null;
      return gateOfFound(necessaryLiterals(source));
    },
    gateOfAny(sources) {
      // The union of every source's literals: a text holding none of them can match none of the sources.
      const union: string[] = [];
      for (const source of sources) {
        const found = necessaryLiterals(source);
        if (found === null || found.length === 0) return null;
        union.push(...found);
      }
      return gateOfFound(union);
    },
    seal() {
      const pairs: number[][] = Array.from({ length: PAIR_BUCKETS }, () => []);
      const triples: number[][] = Array.from({ length: TRIPLE_BUCKETS }, () => []);
      singleAscii = new Int32Array(128).fill(-1);
      literals.forEach((literal, index) => {
        const first = literal.charCodeAt(0);
        if (literal.length === 1) {
          if (first < 128) singleAscii[first] = index;
          else singles.set(first, index);
        } else if (literal.length === 2) (pairs[pairBucket(first, literal.charCodeAt(1))] as number[]).push(index);
        else (triples[tripleBucket(first, literal.charCodeAt(1), literal.charCodeAt(2))] as number[]).push(index);
      });
      [pairStart, pairLiterals] = flatten(pairs);
      [tripleStart, tripleLiterals] = flatten(triples);
      seen = new Uint32Array(literals.length);
      const codeAt = (k: number) => Int32Array.from(literals, (literal) => (literal.length > k ? literal.charCodeAt(k) : -1));
      firstCodes = codeAt(0);
      secondCodes = codeAt(1);
      thirdCodes = codeAt(2);
      lengths = Int32Array.from(literals, (literal) => literal.length);
      const gatesByLiteral = literals.map((): number[] => []);
      gateLiterals.forEach((gate, g) => {
        for (const index of gate) gatesByLiteral[index]?.push(g);
      });
      [literalGateStart, literalGates] = flatten(gatesByLiteral);
      gatePassed = new Uint32Array(gateLiterals.length);
      lastScanned = null;
    },
    scan(text) {
      // The same text as the last scan (the attributes and packCount comparators read one description in turn, and
      // their rewrites mostly leave it as it was): the marks of that scan still stand, since only a scan writes them.
      if (text === lastScanned) return;
      lastScanned = text;
      generation++;
      if (generation === 0xffffffff) {
        seen.fill(0);
        gatePassed.fill(0);
        generation = 1;
      }
      // Local constants: the loop below reads them at every character. Marking is written out at each of its three
      // places rather than as a closure: a closure made per scan (and named by the TypeScript loader) cost a tenth of it.
      const current = generation;
      const seenAt = seen;
      const passed = gatePassed;
      const gateStart = literalGateStart;
      const gates = literalGates;
      const last = text.length - 1;
      for (let i = 0; i <= last; i++) {
        const first = text.charCodeAt(i);
        // No literal holds a space (`necessaryLiterals`), so none starts at one; descriptions are a fifth spaces.
        if (first === 32) continue;
        const single = first < 128 ? (singleAscii[first] as number) : (singles.get(first) ?? -1);
        if (single >= 0 && seenAt[single] !== current) {
          // The first time a scan meets a literal, it and the gates it opens are marked with the scan's generation.
          seenAt[single] = current;
          for (let g = gateStart[single] as number, end = gateStart[single + 1] as number; g < end; g++)
            passed[gates[g] as number] = current;
        }
        if (i === last) break;
        const second = text.charCodeAt(i + 1);
        if (second === 32) continue;
        const pair = pairBucket(first, second);
        for (let k = pairStart[pair] as number, end = pairStart[pair + 1] as number; k < end; k++) {
          const index = pairLiterals[k] as number;
          if (seenAt[index] !== current && firstCodes[index] === first && secondCodes[index] === second) {
            seenAt[index] = current;
            for (let g = gateStart[index] as number, gEnd = gateStart[index + 1] as number; g < gEnd; g++)
              passed[gates[g] as number] = current;
          }
        }
        if (i + 1 === last) continue;
        const third = text.charCodeAt(i + 2);
        const triple = tripleBucket(first, second, third);
        for (let k = tripleStart[triple] as number, end = tripleStart[triple + 1] as number; k < end; k++) {
          const index = tripleLiterals[k] as number;
          if (
            seenAt[index] !== current &&
            firstCodes[index] === first &&
            secondCodes[index] === second &&
            thirdCodes[index] === third &&
            ((lengths[index] as number) === 3 || text.startsWith(literals[index] as string, i))
          ) {
            seenAt[index] = current;
            for (let g = gateStart[index] as number, gEnd = gateStart[index + 1] as number; g < gEnd; g++)
              passed[gates[g] as number] = current;
          }
        }
      }
    },
    passes(gate) {
      return gate === null || gatePassed[gate] === generation;
    },
  };
}

/** A UTF-16 code unit above ASCII. */
const NON_ASCII_CHARACTER = /[\u0080-\uffff]/;

/**
 * Whether a non-ASCII character of a pattern's source can stand for an ASCII letter under Unicode case folding (`ſ` folds
 * to `s`, the Kelvin sign `K` to `k`), or sits in a character class or escape whose members cannot be read off the source.
 */
function mayFoldToAscii(source: string): boolean {
  // Escapes that name characters or sets by code or property (`\u017F`, `\p{L}`, `\k<name>`) are not read: assume so.
  if (/\\[uxpPkc]/.test(source)) return true;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const character = source[i] as string;
    if (character === '\\') {
      i++;
      continue;
    }
    if (character === '[') inClass = true;
    else if (character === ']') inClass = false;
    else if (character.charCodeAt(0) > 0x7f) {
      // A range in a class (`[À-ž]`) holds characters it does not spell.
      if (inClass) return true;
      for (const cased of [character.toLowerCase(), character.toUpperCase()])
        if ([...cased].some((part) => part.charCodeAt(0) <= 0x7f)) return true;
    }
  }
  return false;
}

/**
 * `regex.test` for a case-insensitive Unicode expression (flags `iu`), answered for an ASCII text by the same source
 * compiled without `u`. V8 runs a large alternation under `iu` about ten times slower than under `i` (Unicode case
 * folding at every character; measured 3.5 against 0.3 µs for the list-reference gate of exportedItemLines.ts on a
 * generated description), and most item lines are ASCII. On an ASCII text the two agree when the source names no
 * character that folds to an ASCII letter under Unicode folding and not under `i` (only `ſ` and `K` do; checked, with
 * any non-ASCII class or code escape taken as one): `\w`, `\b`, `\s`, `.` and ASCII case pairs read ASCII alike in both
 * modes. Any other expression, or a text with a non-ASCII character, is tested by `regex` itself.
 */
export function asciiFastTest(regex: RegExp): (text: string) => boolean {
  let twin: RegExp | null = null;
  if (regex.unicode && regex.ignoreCase && !regex.global && !regex.sticky && !mayFoldToAscii(regex.source)) {
    try {
      twin = new RegExp(regex.source, regex.flags.replace('u', ''));
    } catch {
      twin = null;
    }
  }
  if (twin === null) return (text) => regex.test(text);
  const ascii = twin;
  return (text) => (NON_ASCII_CHARACTER.test(text) ? regex.test(text) : ascii.test(text));
}
