/**
 * How the fuzzy comparator uses the readings of nameReadings.ts. The OCR-folded form and the domain label of a value
 * travel in its prepared list after its names, each behind a mark no normalised name starts with, and are compared
 * only when the names are not already near-identical: a reading scores at most READING_SCORE (a cluster edge or a
 * review, never the same name — the reading may be wrong).
 */
import { domainLabel, joinedInitials, leadingWordsSpelled, ocrFolded, withoutLeadingInitials } from './nameReadings';
import type { ComparatorOutcome, PreparedValue } from './types';

/** A fuzzy comparison's result (the shape of comparators.ts ComparisonResult, which this file may not import: a cycle). */
interface NameComparison {
  score: number | null;
  outcome: ComparatorOutcome;
  a: string | null;
  b: string | null;
}

/** The most a reading scores: near-identical (as a truncated name, truncation.ts TRUNCATED_SCORE). */
export const READING_SCORE = 0.97;
/** A value that is the other without its leading initials (`LUNDBECK` / `H LUNDBECK`): a similar name, for review. */
export const INITIALS_DROPPED_SCORE = 0.9;

const OCR_MARK = '\u2248';
const DOMAIN_MARK = '@';

export interface NameReadingOptions {
  ocrConfusions: boolean;
  domainNames: boolean;
}

/** The marked readings of a record's raw values (none for a value that is no scan and no domain). */
export function nameReadingsOf(args: {
  normalize: (value: string) => string | null;
  options: NameReadingOptions;
}): (raws: readonly string[]) => string[] {
  const { normalize, options } = args;
  return (raws) => {
    const out = new Set<string>();
    for (const raw of raws) {
      const folded = options.ocrConfusions ? ocrFolded(raw) : null;
      const name = folded === null ? null : normalize(folded);
      if (name) out.add(`${OCR_MARK}${name}`);
      const label = options.domainNames ? domainLabel(raw) : null;
      if (label) out.add(`${DOMAIN_MARK}${label}`);
    }
    return [...out];
  };
}

function isReading(value: string): boolean {
  return value.startsWith(OCR_MARK) || value.startsWith(DOMAIN_MARK);
}

/** Index of the first reading in a prepared list (its length when there is none). */
function readingsStart(values: readonly string[]): number {
  let i = values.length;
  while (i > 0 && isReading(values[i - 1] as string)) i--;
  return i;
}

interface Scored {
  score: number;
  a: string;
  b: string;
}

/** The best reading of `readings` (one side's) against `others` (the other side's names and OCR forms). */
function bestReading(args: {
  readings: readonly string[];
  others: readonly string[];
  similarity: (x: string, y: string) => number;
  isFirstSide: boolean;
}): Scored | null {
  let best: Scored | null = null;
  for (const reading of args.readings) {
    const isDomain = reading.startsWith(DOMAIN_MARK);
    const text = reading.slice(1);
    for (const other of args.others) {
      const y = other.startsWith(OCR_MARK) ? other.slice(1) : other;
      if (other.startsWith(DOMAIN_MARK)) continue;
      const x = isDomain ? leadingWordsSpelled(text, y) : text;
      if (x === null) continue;
      const raw = args.isFirstSide ? args.similarity(x, y) : args.similarity(y, x);
      const score = Math.min(raw, READING_SCORE);
      if (best === null || score > best.score) best = args.isFirstSide ? { score, a: text, b: y } : { score, a: y, b: text };
    }
  }
  return best;
}

/** The comparison of two prepared lists: the names' best pair, or a reading's when that scores higher. */
export function withNameReadings(args: {
  similarity: (x: string, y: string) => number;
  floor: number;
  best: (a: string[], b: string[]) => NameComparison;
}): (a: PreparedValue, b: PreparedValue) => NameComparison {
  return (a, b) => {
    const va = a as string[];
    const vb = b as string[];
    const endA = readingsStart(va);
    const endB = readingsStart(vb);
    if (endA === va.length && endB === vb.length) return args.best(va, vb);
    const names = args.best(va.slice(0, endA), vb.slice(0, endB));
    if ((names.score ?? 0) >= READING_SCORE) return names;
    const fromA = bestReading({ readings: va.slice(endA), others: vb, similarity: args.similarity, isFirstSide: true });
    const fromB = bestReading({ readings: vb.slice(endB), others: va, similarity: args.similarity, isFirstSide: false });
    const found = fromA && (!fromB || fromA.score >= fromB.score) ? fromA : fromB;
    if (!found || found.score < args.floor || found.score <= (names.score ?? 0)) return names;
    return { score: found.score, outcome: 'partial', a: found.a, b: found.b };
  };
}

const HAS_INITIAL = /(?:^| )[A-Z](?: |$)/;

/**
 * `initials`: runs of single-letter initials compare written together (`C R BARD` / `CR BARD INC MURRAY HILL NJ` through
 * the wrapped readings), and a value that is the other without its leading initials scores INITIALS_DROPPED_SCORE.
 */
export function withInitials(similarity: (x: string, y: string) => number): (x: string, y: string) => number {
  return (x, y) => {
    const base = similarity(x, y);
    if (base >= 1) return base;
    const hasX = HAS_INITIAL.test(x);
    const hasY = HAS_INITIAL.test(y);
    if (!hasX && !hasY) return base;
    const jx = hasX ? joinedInitials(x) : x;
    const jy = hasY ? joinedInitials(y) : y;
    let best = jx === x && jy === y ? base : Math.max(base, similarity(jx, jy));
    if (best < INITIALS_DROPPED_SCORE && ((hasX && withoutLeadingInitials(x) === y) || (hasY && withoutLeadingInitials(y) === x)))
      best = INITIALS_DROPPED_SCORE;
    return best;
  };
}
