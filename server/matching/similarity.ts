/**
 * String similarity measures, all 0..1 and symmetric. Jaro-Winkler is the default for fuzzy
 * name comparison because it is allocation-light (~0.3 µs per pair); fuse.js bitap scoring is
 * offered where its substring behaviour is wanted and the volume is small (see docs/MATCHING.md
 * for the measured costs).
 */
import Fuse from 'fuse.js';
import { present } from '../invariant';

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const lengthA = a.length;
  const lengthB = b.length;
  if (lengthA === 0 || lengthB === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(lengthA, lengthB) / 2) - 1);
  const matchedA = new Uint8Array(lengthA);
  const matchedB = new Uint8Array(lengthB);
  let matches = 0;
  for (let i = 0; i < lengthA; i++) {
    const start = Math.max(0, i - window);
    const end = Math.min(i + window + 1, lengthB);
    const code = a.charCodeAt(i);
    for (let j = start; j < end; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === code) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < lengthA; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / lengthA + matches / lengthB + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  const prefixLimit = Math.min(4, lengthA, lengthB);
  while (prefix < prefixLimit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The Jaro-Winkler score of `token` against its most similar word of `to` (1 at once for an equal word). */
function bestWordScore(token: string, to: readonly string[]): number {
  let best = 0;
  for (const other of to) {
    const score = token === other ? 1 : jaroWinkler(token, other);
    if (score > best) best = score;
    if (best === 1) break;
  }
  return best;
}

function directedTokenSimilarity(from: readonly string[], to: readonly string[]): number {
  let total = 0;
  for (const token of from) total += bestWordScore(token, to);
  return total / from.length;
}

/** A word whose best match on the other side is below this is another word, not a spelling of one (`INTERSTATE` / `WISCONSIN`). */
const STRICT_WORD_FLOOR = 0.85;

/**
 * Token-wise Jaro-Winkler taken the stricter way round: the lower of the two directed Monge-Elkan scores, and below the
 * review level (capped at STRICT_WORD_FLOOR) when any word of either name meets no similar word on the other side. A name
 * that is the other plus words (`NORTH AMERICA` / `X NORTH AMERICA`) or one word apart among shared generic words
 * (`INTERSTATE POWER AND LIGHT` / `WISCONSIN POWER AND LIGHT`: two sister utilities) scores low, while spelling slips
 * and abbreviations inside words (`ELEC` / `ELECTRIC`) still score high.
 */
export function strictTokenJaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const ta = a.split(' ').filter((t) => t !== '');
  const tb = b.split(' ').filter((t) => t !== '');
  if (ta.length === 0 || tb.length === 0) return 0;
  const there = directedWordScores(ta, tb);
  const back = directedWordScores(tb, ta);
  const score = Math.min(there.mean, back.mean);
  return Math.min(there.worst, back.worst) < STRICT_WORD_FLOOR ? Math.min(score, STRICT_WORD_FLOOR) : score;
}

/** Each word of `from` met by its most similar word of `to`: the mean and the worst of those scores. */
function directedWordScores(from: readonly string[], to: readonly string[]): { mean: number; worst: number } {
  let total = 0;
  let worst = 1;
  for (const token of from) {
    const best = bestWordScore(token, to);
    total += best;
    if (best < worst) worst = best;
  }
  return { mean: total / from.length, worst };
}

/**
 * Token-wise Jaro-Winkler (symmetrised Monge-Elkan): each word is matched to its most similar word
 * on the other side, averaged, both directions averaged. Unlike whole-string Jaro-Winkler it does
 * not reward a shared first word: RIVERSIDE MEDICAL CENTER vs RIVERSIDE PHARMACY scores ~0.7,
 * not ~0.85, while typos and abbreviations inside words still score high.
 */
export function tokenJaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const ta = a.split(' ').filter((t) => t !== '');
  const tb = b.split(' ').filter((t) => t !== '');
  if (ta.length === 0 || tb.length === 0) return 0;
  const score = (directedTokenSimilarity(ta, tb) + directedTokenSimilarity(tb, ta)) / 2;
  // Monge-Elkan lets two words of one side meet the same word of the other, so two names holding the same words a
  // different number of times score 1, an exact name: directory listings write a group's name before each of its
  // sites (`Mercy Ascot - Ascot Hospital` / `Mercy Ascot - Mercy Hospital`: MERCY ASCOT ASCOT HOSPITAL and MERCY ASCOT
  // MERCY HOSPITAL), and a site named after a word of the group repeats it. A score of 1 is kept for names with the
  // same words the same number of times (reordered words: oneToOneTokenSimilarity leaves no word over and answers 1);
  // otherwise each word is met once. Only a score of exactly 1 with unequal strings takes this path (reordered or
  // repeated words), so its cost is nil.
  return score === 1 ? oneToOneTokenSimilarity(ta, tb) : score;
}

/**
 * Token-wise Jaro-Winkler where each word is met once: words both sides hold (counted) score 1 each; each word left
 * over scores its best Jaro-Winkler against the other side's words left over (0 when the other side has none left:
 * a repeated word meets nothing new). Both directions averaged, as in tokenJaroWinkler.
 */
function oneToOneTokenSimilarity(ta: readonly string[], tb: readonly string[]): number {
  const leftA = [...ta].sort();
  const leftB = [...tb].sort();
  let shared = 0;
  const restA: string[] = [];
  const restB: string[] = [];
  let i = 0;
  let j = 0;
  while (i < leftA.length || j < leftB.length) {
    const x = leftA[i];
    const y = leftB[j];
    if (x !== undefined && x === y) {
      shared++;
      i++;
      j++;
    } else if (y === undefined || (x !== undefined && x < y)) {
      restA.push(x as string);
      i++;
    } else {
      restB.push(y);
      j++;
    }
  }
  const leftOver = (from: readonly string[], to: readonly string[]): number =>
    from.reduce((total, token) => total + to.reduce((best, other) => Math.max(best, jaroWinkler(token, other)), 0), 0);
  return ((shared + leftOver(restA, restB)) / ta.length + (shared + leftOver(restB, restA)) / tb.length) / 2;
}

// fuse.js bitap patterns are limited to 32 characters per chunk; longer patterns are chunked by
// fuse itself, which is slower still. ignoreLocation: names may match anywhere in the text.
const FUSE_OPTIONS = { ignoreLocation: true, threshold: 1, isCaseSensitive: true } as const;

/** fuse.js bitap similarity, symmetrised (mean of both directions) and turned into 0..1 (1 = identical). */
export function fuseSimilarity(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  if (a.length === 0 || b.length === 0) return 0;
  const forward = Fuse.match(a, b, FUSE_OPTIONS).score;
  const backward = Fuse.match(b, a, FUSE_OPTIONS).score;
  return 1 - (forward + backward) / 2;
}

/**
 * Token-set similarity of two SORTED, de-duplicated token arrays: the mean of the share of each
 * side's tokens found in the other. Reordered words score 1; a short description contained in a
 * long one scores between the two containments.
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const common = commonTokenWeight(a, null, b);
  return (common / a.length + common / b.length) / 2;
}

/**
 * The weight of the tokens two SORTED, de-duplicated arrays share, counted on `a`'s side (`wa` its
 * resolved weights; null = 1 per token): the one merge walk every token-set measure here is made of.
 */
export function commonTokenWeight(a: readonly string[], wa: WeightedTokens | null, b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = present(a[i], 'token a[i]');
    const y = present(b[j], 'token b[j]');
    if (x === y) {
      common += wa ? present(wa.weights[i], 'weight of token a[i]') : 1;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/**
 * `commonTokenWeight` when the two sides weigh tokens differently (a source's layout words weigh less on
 * its own records: sourceLayoutWords.ts): each shared token at the lighter of its two weights, so the
 * measure is the same whichever side is `a`. Equal weights give `commonTokenWeight`'s sum.
 */
export function lighterCommonWeight(
  a: readonly string[],
  wa: WeightedTokens | null,
  b: readonly string[],
  wb: WeightedTokens | null,
): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = present(a[i], 'token a[i]');
    const y = present(b[j], 'token b[j]');
    if (x === y) {
      const weightA = wa ? present(wa.weights[i], 'weight of token a[i]') : 1;
      const weightB = wb ? present(wb.weights[j], 'weight of token b[j]') : 1;
      common += Math.min(weightA, weightB);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/**
 * Token containment: the share of the LIGHTER side's weight (uniform: token count) found in the other,
 * so a truncated or abbreviated description (`GAUZE CURITY 2X2`) inside a long catalogue title scores
 * high. Inputs are SORTED, de-duplicated token arrays; `wa` / `wb` their resolved weights (null = uniform).
 */
export function tokenContainment(a: readonly string[], wa: WeightedTokens | null, b: readonly string[], wb: WeightedTokens | null): number {
  if (a.length === 0 || b.length === 0) return 0;
  return containmentOf(commonTokenWeight(a, wa, b), a, wa, b, wb);
}

/** `tokenContainment` from the common weight (`commonTokenWeight(a, wa, b)`) of two non-empty arrays. */
export function containmentOf(
  common: number,
  a: readonly string[],
  wa: WeightedTokens | null,
  b: readonly string[],
  wb: WeightedTokens | null,
): number {
  const lighter = Math.min(wa ? wa.total : a.length, wb ? wb.total : b.length);
  return lighter === 0 ? 0 : Math.min(1, common / lighter);
}

/**
 * Token-set similarity with token weights (e.g. inverse document frequency): the mean of the share
 * of each side's WEIGHT found in the other. A shared rare word counts for much, a shared common word
 * for little, so `MICROSOFT FRONTPAGE 2002` vs `MICROSOFT PUBLISHER 2002` is decided by the product
 * names. Inputs are SORTED, de-duplicated token arrays.
 */
export function weightedTokenSetSimilarity(a: readonly string[], b: readonly string[], weightOf: (token: string) => number): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let weightA = 0;
  let weightB = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = present(a[i], 'token a[i]');
    const y = present(b[j], 'token b[j]');
    if (x === y) {
      const w = weightOf(x);
      common += w;
      weightA += w;
      weightB += w;
      i++;
      j++;
    } else if (x < y) {
      weightA += weightOf(x);
      i++;
    } else {
      weightB += weightOf(y);
      j++;
    }
  }
  while (i < a.length) weightA += weightOf(present(a[i++], 'token a[i]'));
  while (j < b.length) weightB += weightOf(present(b[j++], 'token b[j]'));
  if (weightA === 0 || weightB === 0) return 0;
  return (common / weightA + common / weightB) / 2;
}

/** A sorted token array with each token's weight resolved once, and their sum (see `tokenWeightsOf`). */
export interface WeightedTokens {
  /** A plain array of doubles: a quarter of a Float64Array's size at ten tokens (no ArrayBuffer), kept per record for a whole batch. */
  weights: readonly number[];
  /** Σ weights, added in token order (exactly the sum `weightedTokenSetSimilarity` accumulates). */
  total: number;
}

/** Resolves the weights of a sorted token array once (the per-record half of `weightedTokenSetSimilarity`). */
export function weighTokens(tokens: readonly string[], weightOf: (token: string) => number): WeightedTokens {
  const weights = tokens.map((token) => weightOf(token));
  let total = 0;
  for (const weight of weights) total += weight;
  return { weights, total };
}

/**
 * `weightedTokenSetSimilarity` with both sides' weights resolved beforehand (`weighTokens`): the pair
 * costs one merge walk over the two arrays and no weight look-up. Same result to the last bit: the
 * totals are the same sums in the same order, and the common weight is added in the same order.
 */
export function weighedTokenSetSimilarity(a: readonly string[], wa: WeightedTokens, b: readonly string[], wb: WeightedTokens): number {
  if (a.length === 0 || b.length === 0) return 0;
  return weighedSetSimilarityOf(commonTokenWeight(a, wa, b), wa, wb);
}

/** `weighedTokenSetSimilarity` from the common weight (`commonTokenWeight(a, wa, b)`) of two non-empty arrays. */
export function weighedSetSimilarityOf(common: number, wa: WeightedTokens, wb: WeightedTokens): number {
  if (wa.total === 0 || wb.total === 0) return 0;
  return (common / wa.total + common / wb.total) / 2;
}
