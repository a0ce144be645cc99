/**
 * How the fuzzy comparator uses the readings of nameReadings.ts. The OCR-folded form and the domain label of a value
 * travel in its prepared list after its names, each behind a mark no normalised name starts with, and are compared
 * only when the names are not already near-identical: a reading scores at most READING_SCORE (a cluster edge or a
 * review, never the same name — the reading may be wrong). A record's related names (captionNames.ts: former and
 * trade names) travel the same way and score the same at most.
 */
import { BRAND_HEAD_SCORE, isBrandHeadOf, type BrandWords } from './brandNames';
import {
  domainLabel,
  fieldWidthCutOf,
  joinedInitials,
  leadingWordsSpelled,
  cardMerchantOf,
  ocrFolded,
  withoutLeadingInitials,
} from './nameReadings';
import { EDGE_SKELETON, hasOtherScript, loanwordSkeleton, MIN_SKELETON } from './scriptReadings';
import { strictTokenJaroWinkler } from './similarity';
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

/** A loanword skeleton that agrees whole and is long enough (scriptReadings.ts EDGE_SKELETON): a cluster edge, not the same name. */
export const SKELETON_SCORE = 0.96;
/** A shorter skeleton that agrees, one that is the other's leading words, or one edit apart: a similar name, for review. */
export const NEAR_SKELETON_SCORE = 0.9;

const OCR_MARK = '\u2248';
const DOMAIN_MARK = '@';
const SKELETON_MARK = '\u00a7';
/** A related name of the record (captionNames.ts: a former, later or trade name), compared with the other's own names only. */
const RELATED_MARK = '\u2194';
/**
 * After RELATED_MARK: a name the record states in brackets without a relation word (captionNames.ts statedBracketNames,
 * supplier-3.38.0): a related name compared strictly, every word of each side meeting one of the other
 * (strictTokenJaroWinkler), since nothing says the bracket names the record's own entity rather than a qualifier.
 */
const STATED_MARK = '\u2016';
/** A name stating no legal form, read as a brand (brandNames.ts) against the other's own names only. */
const BRAND_MARK = '\u2122';
/** A value of a payment file's field width, read as the other's name cut by the field (truncation.ts fieldCutScore). */
const CUT_MARK = '\u2702';
/** A card descriptor's merchant: before its asterisk or its card acceptor location (nameReadings.ts cardMerchantOf), compared like a name. */
const MERCHANT_MARK = '\u2736';

/** The marked brand reading of a record's own name (brandNames.ts: the caller says it states no legal form and may be a brand). */
export function brandReading(name: string): string {
  return `${BRAND_MARK}${name}`;
}

export interface NameReadingOptions {
  ocrConfusions: boolean;
  domainNames: boolean;
  /** A value in another script is also read as its loanword skeleton (scriptReadings.ts), against the other's names. */
  scriptSkeletons?: boolean;
  /** Payment-file field widths (fuzzy param `fieldCutWidths`): a value of one is also read as a cut (truncation.ts fieldCutScore). */
  fieldWidths?: ReadonlySet<number>;
  /** A card descriptor `MERCHANT*DETAIL` is also read as its merchant (fuzzy param `merchantDescriptors`). */
  merchantDescriptors?: boolean;
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
      const skeleton = options.scriptSkeletons && hasOtherScript(raw) ? skeletonOf(normalize(raw)) : null;
      if (skeleton) out.add(`${SKELETON_MARK}${skeleton}`);
      const cutKind = options.fieldWidths ? fieldWidthCutOf(raw, options.fieldWidths) : null;
      const cut = cutKind ? normalize(raw) : null;
      // A cut on a word's end keeps its space: the other name must go on after a whole word (truncation.ts fieldCutScore).
      if (cut && keepsEveryWord(raw, cut)) out.add(`${CUT_MARK}${cut}${cutKind === 'atWordEnd' ? ' ' : ''}`);
      const merchantRaw = options.merchantDescriptors ? cardMerchantOf(raw) : null;
      const merchant = merchantRaw === null ? null : normalize(merchantRaw);
      if (merchant) out.add(`${MERCHANT_MARK}${merchant}`);
    }
    return [...out];
  };
}

/**
 * A related name shorter than this (letters and digits, once normalised) says too little: `Solventum (formerly 3M
 * Health Care)` reads `3M`, the name of the former parent, not of the business that was renamed.
 */
const MIN_RELATED_LETTERS = 5;

/**
 * The marked related names of a record (captionNames.ts: `X f/k/a Y`, `X d/b/a Y`): each normalised, those equal to one
 * of its own names or shorter than MIN_RELATED_LETTERS left out. Compared with the other record's own names like a reading, so at most READING_SCORE: a
 * former or trade name says one entity only where a record says so.
 */
export function relatedNameReadings(args: {
  normalize: (value: string) => string | null;
  related: readonly string[];
  own: readonly string[];
}): string[] {
  const out = new Set<string>();
  for (const raw of args.related) {
    const name = args.normalize(raw);
    if (name && name.replaceAll(' ', '').length >= MIN_RELATED_LETTERS && !args.own.includes(name)) out.add(`${RELATED_MARK}${name}`);
  }
  return [...out];
}

/**
 * The marked names a record states in brackets (captionNames.ts statedBracketNames: `We Energies (Wisconsin Electric
 * Power Co.)`, `Electricity Supply Board (ESB)`): related names, compared strictly (STATED_MARK); those equal to one of
 * the record's own names are left out.
 */
export function statedBracketReadings(args: {
  normalize: (value: string) => string | null;
  stated: readonly string[];
  own: readonly string[];
}): string[] {
  const out = new Set<string>();
  for (const raw of args.stated) {
    const name = args.normalize(raw);
    if (name && !args.own.includes(name)) out.add(`${RELATED_MARK}${STATED_MARK}${name}`);
  }
  return [...out];
}

/**
 * True when normalising `raw` dropped none of its words: a value of a field's width that ends in a whole legal form
 * (`ACME MEDICAL INC`) or loses a country word (`ACME USA IN`) is not read as a cut — what the field kept is already
 * a whole name, or the normalised name no longer says where the cut fell.
 */
function keepsEveryWord(raw: string, normalized: string): boolean {
  const words =
    raw
      .replace(/[.'\u2019]/g, '')
      .replace(/[&+]/g, ' AND ')
      .match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  let kept = 1;
  for (let i = 0; i < normalized.length; i++) if (normalized.charCodeAt(i) === 32) kept++;
  return kept === words;
}

function skeletonOf(name: string | null): string | null {
  const skeleton = name ? loanwordSkeleton(name) : '';
  return skeleton.length >= MIN_SKELETON ? skeleton : null;
}

function isReading(value: string): boolean {
  return (
    value.startsWith(OCR_MARK) ||
    value.startsWith(DOMAIN_MARK) ||
    value.startsWith(SKELETON_MARK) ||
    value.startsWith(RELATED_MARK) ||
    value.startsWith(BRAND_MARK) ||
    value.startsWith(CUT_MARK) ||
    value.startsWith(MERCHANT_MARK)
  );
}

/** Skeleton letters two one-edit-apart skeletons must share at their start. */
const LEADING_SKELETON_AGREEMENT = 2;

/** True when `a` and `b` (of equal length or one apart) differ by one substitution, insertion or deletion after their first two letters. */
function isOneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  // An edit in the first two consonants is another name, not another spelling (supplier-3.35.0): a short brand before a
  // generic word (`SAMI PHARMACEUTICALS` / `ANI PHARMACEUTICALS`, Urdu and Devanagari lists) leaves one edit in a long
  // skeleton, while a romanisation detail (an aspirate, a doubled or folded consonant) rarely falls at the start.
  if (i < LEADING_SKELETON_AGREEMENT && i < Math.min(a.length, b.length)) return false;
  const restA = a.slice(i + (a.length >= b.length ? 1 : 0));
  const restB = b.slice(i + (b.length >= a.length ? 1 : 0));
  return restA === restB;
}

/**
 * A skeleton reading against another name (`other`: a normalised name, or another skeleton reading): the same skeleton
 * scores SKELETON_SCORE when it is long enough, else NEAR_SKELETON_SCORE; the skeleton of the other's leading words (a
 * city or a division after the name) or one consonant apart scores NEAR_SKELETON_SCORE when long enough; else null.
 */
export function skeletonScore(skeleton: string, other: string): number | null {
  const whole = other.startsWith(SKELETON_MARK) ? other.slice(1) : loanwordSkeleton(other);
  if (whole === skeleton) return skeleton.length >= EDGE_SKELETON ? SKELETON_SCORE : NEAR_SKELETON_SCORE;
  if (skeleton.length < EDGE_SKELETON) return null;
  if (isOneEditApart(skeleton, whole)) return NEAR_SKELETON_SCORE;
  if (other.startsWith(SKELETON_MARK) || !whole.startsWith(skeleton.slice(0, 2))) return null;
  const words = other.split(' ');
  for (let end = words.length - 1; end > 0; end--)
    if (loanwordSkeleton(words.slice(0, end).join(' ')) === skeleton) return NEAR_SKELETON_SCORE;
  return null;
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
  plainSimilarity: (x: string, y: string) => number;
  isFirstSide: boolean;
  brandWords?: BrandWords;
  cutScore?: (cut: string, other: string) => number | null;
}): Scored | null {
  let best: Scored | null = null;
  for (const reading of args.readings) {
    const isDomain = reading.startsWith(DOMAIN_MARK);
    const isStated = reading.startsWith(STATED_MARK, 1) && reading.startsWith(RELATED_MARK);
    const text = reading.slice(isStated ? 2 : 1);
    if (reading.startsWith(SKELETON_MARK)) {
      const found = bestSkeleton({ skeleton: text, others: args.others, isFirstSide: args.isFirstSide });
      if (found && (best === null || found.score > best.score)) best = found;
      continue;
    }
    if (reading.startsWith(CUT_MARK)) {
      const found = args.cutScore
        ? bestCut({ cut: text, others: args.others, isFirstSide: args.isFirstSide, cutScore: args.cutScore })
        : null;
      if (found && (best === null || found.score > best.score)) best = found;
      continue;
    }
    if (reading.startsWith(BRAND_MARK)) {
      const found = args.brandWords
        ? bestBrandHead({ brand: text, others: args.others, isFirstSide: args.isFirstSide, words: args.brandWords })
        : null;
      if (found && (best === null || found.score > best.score)) best = found;
      continue;
    }
    const isRelated = reading.startsWith(RELATED_MARK);
    for (const other of args.others) {
      if (
        other.startsWith(SKELETON_MARK) ||
        other.startsWith(RELATED_MARK) ||
        other.startsWith(BRAND_MARK) ||
        other.startsWith(CUT_MARK) ||
        other.startsWith(MERCHANT_MARK)
      )
        continue;
      // A related name meets the other's own names only, not its OCR or domain readings.
      if (isRelated && other.startsWith(OCR_MARK)) continue;
      const y = other.startsWith(OCR_MARK) ? other.slice(1) : other;
      if (other.startsWith(DOMAIN_MARK)) continue;
      const x = isDomain ? leadingWordsSpelled(text, y) : text;
      if (x === null) continue;
      const similarity = isStated ? strictTokenJaroWinkler : isRelated ? args.plainSimilarity : args.similarity;
      const raw = args.isFirstSide ? similarity(x, y) : similarity(y, x);
      const score = Math.min(raw, READING_SCORE);
      if (best === null || score > best.score) best = args.isFirstSide ? { score, a: text, b: y } : { score, a: y, b: text };
    }
  }
  return best;
}

/** The best skeleton score of one side's skeleton reading against the other side's names and skeletons. */
function bestSkeleton(args: { skeleton: string; others: readonly string[]; isFirstSide: boolean }): Scored | null {
  let best: Scored | null = null;
  for (const other of args.others) {
    if (other.startsWith(DOMAIN_MARK) || other.startsWith(RELATED_MARK) || other.startsWith(BRAND_MARK)) continue;
    if (other.startsWith(CUT_MARK) || other.startsWith(MERCHANT_MARK)) continue;
    const y = other.startsWith(OCR_MARK) ? other.slice(1) : other;
    const score = skeletonScore(args.skeleton, y);
    if (score !== null && (best === null || score > best.score)) {
      const shown = y.startsWith(SKELETON_MARK) ? y.slice(1) : y;
      best = args.isFirstSide ? { score, a: args.skeleton, b: shown } : { score, a: shown, b: args.skeleton };
    }
  }
  return best;
}

/** A field-width cut against the other side's own names (not its readings): the best fieldCutScore. */
function bestCut(args: {
  cut: string;
  others: readonly string[];
  isFirstSide: boolean;
  cutScore: (cut: string, other: string) => number | null;
}): Scored | null {
  let best: Scored | null = null;
  for (const other of args.others) {
    if (isReading(other)) continue;
    const score = args.cutScore(args.cut, other);
    if (score !== null && (best === null || score > best.score))
      best = args.isFirstSide ? { score, a: args.cut.trimEnd(), b: other } : { score, a: other, b: args.cut.trimEnd() };
  }
  return best;
}

/** A brand reading against the other side's own names: BRAND_HEAD_SCORE when it heads one of them (brandNames.ts). */
function bestBrandHead(args: { brand: string; others: readonly string[]; isFirstSide: boolean; words: BrandWords }): Scored | null {
  for (const other of args.others) {
    if (isReading(other)) continue;
    if (isBrandHeadOf(other, args.brand, args.words))
      return args.isFirstSide ? { score: BRAND_HEAD_SCORE, a: args.brand, b: other } : { score: BRAND_HEAD_SCORE, a: other, b: args.brand };
  }
  return null;
}

/** The comparison of two prepared lists: the names' best pair, or a reading's when that scores higher. */
export function withNameReadings(args: {
  similarity: (x: string, y: string) => number;
  /**
   * How a related name (a former or trade name) is compared: the plain similarity, without the readings that let a name
   * be the other plus words (truncation, acronyms). A trade name is often a brand that franchisees or a former parent
   * share (`X Inc dba Minuteman Press` vs `MINUTEMAN PRESS #0962 BEAVERCREEK`; `Solventum (formerly 3M Health Care)`
   * vs `3M CO`): only a near-identical name counts.
   */
  plainSimilarity?: (x: string, y: string) => number;
  floor: number;
  best: (a: string[], b: string[]) => NameComparison;
  /** The descriptive words brand readings may leave out (brandNames.ts); without them a brand reading scores nothing. */
  brandWords?: BrandWords;
  /** How a field-width cut reads as one of the other's names (truncation.ts fieldCutScore); without it cuts score nothing. */
  cutScore?: (cut: string, other: string) => number | null;
}): (a: PreparedValue, b: PreparedValue) => NameComparison {
  return (a, b) => {
    const va = a as string[];
    const vb = b as string[];
    const endA = readingsStart(va);
    const endB = readingsStart(vb);
    if (endA === va.length && endB === vb.length) return args.best(va, vb);
    const names = args.best(va.slice(0, endA), vb.slice(0, endB));
    if ((names.score ?? 0) >= READING_SCORE) return names;
    const plain = args.plainSimilarity ?? args.similarity;
    const fromA = bestReading({
      readings: va.slice(endA),
      others: vb,
      similarity: args.similarity,
      plainSimilarity: plain,
      isFirstSide: true,
      brandWords: args.brandWords,
      cutScore: args.cutScore,
    });
    const fromB = bestReading({
      readings: vb.slice(endB),
      others: va,
      similarity: args.similarity,
      plainSimilarity: plain,
      isFirstSide: false,
      brandWords: args.brandWords,
      cutScore: args.cutScore,
    });
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
