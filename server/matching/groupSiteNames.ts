/**
 * fuzzy param `otherSiteNames` (facility-2.22.0): two sites of one group, named alike around their own words.
 *
 * Directory listings, GPO rosters and state licence lists write a private hospital group's or operator's name before
 * the site's own name (`Acme Health Northside Hospital` / `Acme Health Riverside Hospital`, `Spire Healthcare: Spire
 * Leeds Hospital`, `Mediclinic | Mediclinic Sandton`), and site names share their kind words (`Northside Hospital` /
 * `Riverside Hospital`). Token Jaro–Winkler scores such pairs 0.85–0.97 because the shared words dominate, which with
 * one city or postcode was an automatic merge. Once the words both names start with and end with are set aside, what
 * is left on each side is the site's own name. When the shared leading words name a group (a word that is not generic),
 * the shared last words hold a site word (HOSPITAL, CENTER, CLINIC…) and both sides hold a word that is not generic (the rule's
 * `genericWords`: HOSPITAL, MEDICAL, NORTH, SAINT…) and no word of one is like a word of the other (Jaro–Winkler 0.9, an
 * abbreviation: a word whose letters stand in order in the other from its first, MEM / MEMORIAL, RGNL / REGIONAL, or the
 * initials of the other side's words), the names name two sites: outcome `mismatch`, the score kept so a level and a
 * hard rule (otherSiteOfGroup) tell it from two unlike names.
 *
 * Names in the noun-first order of Romance and German lists (`Hospital Universitario Son Espases` / `Hospital
 * Universitario Son Llàtzer`, `Ospedale Maggiore di Lodi` / `Ospedale Maggiore di Crema`, facility-2.28.0) open with the
 * site word and end with the site's own name: when both open with one site word, the shared words after it hold a word
 * that is not generic (SON, MAGGIORE: the group or the naming pattern) and the last words differ as above, the names
 * name two sites too. A site word and generic words alone in common (`Hospital San Pedro de Alcántara` / `Hospital
 * Universitario de Cáceres`: a site's own name against its city) are not read so.
 *
 * Not read: words after a site word both names share (`Princess Alexandra Hospital Woolloongabba` / `… Brisbane`: a
 * locality tail, the placeTail and address evidence decide), a name contained in the other (containedNames), two
 * names with nothing in common.
 */
import { jaroWinkler } from './similarity';
import type { ComparatorOutcome } from './types';

/** The part of a comparator's result this reads and writes (comparators.ts's ComparisonResult). */
interface NameResult {
  score: number | null;
  outcome: ComparatorOutcome;
  a: string | null;
  b: string | null;
}

/** The words of the rule: generic words of care-site names, and the site words that end a site's own name. */
export interface SiteNameWords {
  genericWords: ReadonlySet<string>;
  siteWords: ReadonlySet<string>;
}

const ALIKE_WORD = 0.9;

/** Whether `short` abbreviates `long`: same first letter, its letters in order in `long` (MEM / MEMORIAL, RGNL / REGIONAL). */
function abbreviates(short: string, long: string): boolean {
  if (short.length >= long.length || short[0] !== long[0]) return false;
  let at = 1;
  for (let i = 1; i < short.length; i++) {
    at = long.indexOf(short[i] as string, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

function alikeWords(x: string, y: string): boolean {
  return x === y || abbreviates(x, y) || abbreviates(y, x) || jaroWinkler(x, y) >= ALIKE_WORD;
}

/** Whether one side's words are the initials of the other's (RPA / ROYAL PRINCE ALFRED). */
function initialsOf(short: readonly string[], long: readonly string[]): boolean {
  if (short.length !== 1 || long.length < 2) return false;
  return (short[0] as string) === long.map((word) => word[0]).join('');
}

/** Whether the own words left on the two sides name two sites (see the file's comment). */
export function namesOtherSites(x: string, y: string, words: SiteNameWords): boolean {
  const xs = x.split(' ');
  const ys = y.split(' ');
  // Both names open with one site word (`Hospital Universitario Son X`, `Ospedale Maggiore di X`, `Klinikum X`): the
  // noun-first order of Romance and German names, where the site's own name comes last (see `nounFirst` above).
  const nounFirst = xs[0] === ys[0] && words.siteWords.has(xs[0] as string);
  let start = nounFirst ? 1 : 0;
  while (start < xs.length && start < ys.length && xs[start] === ys[start]) {
    // Words after a shared site word are a locality or campus tail, not the site's own name.
    if (words.siteWords.has(xs[start] as string)) return false;
    start++;
  }
  const isOwn = (word: string): boolean => !words.genericWords.has(word);
  // The shared leading words must name a group (a word that is not generic): without them the names may be a site's
  // own name against its city (`Michael E. DeBakey VA Medical Center` / `Houston VA Medical Center`, `Hospital San Pedro
  // de Alcántara` / `Hospital Universitario de Cáceres`) or a renamed site.
  if (!xs.slice(0, start).some(isOwn)) return false;
  let end = 0;
  while (end < xs.length - start && end < ys.length - start && xs[xs.length - 1 - end] === ys[ys.length - 1 - end]) end++;
  // The shared last words must hold a site word, so that what differs is the site's own name before its kind, not a
  // locality, campus or department after it (`Walter Reed National Military Medical Center` / `Walter Reed Bethesda`);
  // a noun-first name has its site word first, and what follows the shared words is the site's own name.
  if (!nounFirst && !xs.slice(xs.length - end).some((word) => words.siteWords.has(word))) return false;
  const ownX = xs.slice(start, xs.length - end);
  const ownY = ys.slice(start, ys.length - end);
  if (!ownX.some(isOwn) || !ownY.some(isOwn)) return false;
  if (ownX.join('') === ownY.join('') || initialsOf(ownX, ownY) || initialsOf(ownY, ownX)) return false;
  for (const wordX of ownX) for (const wordY of ownY) if (alikeWords(wordX, wordY)) return false;
  return true;
}

/**
 * Own words below this Jaro–Winkler are unlike: two readings of one name stay above it (a romanised Lao or Thai name
 * against the spelling a ministry's English list writes scores 0.7–0.95), two names of one city's hospitals below it.
 */
const UNLIKE_OWN_WORD = 0.7;
/** Own words shorter than this (letters) may be initialisms: not read as two sites' names. */
const MIN_OWN_WORD = 4;

/** Most words of a site's own name read as one run (`Mitchells Plain`, `Groote Schuur`, `Port Elizabeth Provincial`). */
const MAX_OWN_RUN = 3;

/**
 * Two names with their site word in two places, one opening with it (`HOSPITAL X`: the noun-first order of the Bantu,
 * Romance and Celtic languages, `Xibedlhele xa X`, `Hospital X`, once the tables read the noun) and the other ending with
 * it (`Y HOSPITAL`), read in one order: the opening site word moved to the end. Any other pair as written.
 */
function inOneWordOrder(xs: string[], ys: string[], words: SiteNameWords): [string[], string[]] {
  const opensWithWhatOtherEnds = (a: readonly string[], b: readonly string[]): boolean =>
    a.length > 1 && words.siteWords.has(a[0] as string) && a[a.length - 1] !== a[0] && b[b.length - 1] === a[0] && b[0] !== a[0];
  if (opensWithWhatOtherEnds(xs, ys)) return [[...xs.slice(1), xs[0] as string], ys];
  if (opensWithWhatOtherEnds(ys, xs)) return [xs, [...ys.slice(1), ys[0] as string]];
  return [xs, ys];
}

/**
 * Whether two names are the same words but one own word, or one run of own words, at the same place, holding a site
 * word, and the own words are unlike (facility-2.28.0; a run since facility-2.32.0): `Mahosot Hospital` / `Setthathirath
 * Hospital`, `Hospital X` / `Hospital Y`, `Khayelitsha Hospital` / `Mitchells Plain Hospital`: one list's pattern with
 * another site's own name. The generic words carry the token Jaro–Winkler score to the review band (0.75–0.85) though
 * the only words that name the site differ: the public hospitals of one city. Names in two word orders are left alone:
 * a name and its translation (`Withybush General Hospital` / `Ysbyty Cyffredinol Llwynhelyg`, GENERAL HOSPITAL
 * LLWYNHELYG once read) put the own word elsewhere, and only a steward knows the translated name. So is an own word of
 * three letters or fewer (an initialism another list writes by its letters' names: ADK / EYDEEKEY), and a run that is
 * the other written in one word (MITCHELLSPLAIN).
 */
export function namesDifferInOwnWord(x: string, y: string, words: SiteNameWords): boolean {
  const [xs, ys] = inOneWordOrder(x.split(' '), y.split(' '), words);
  if (!xs.some((word) => words.siteWords.has(word))) return false;
  let start = 0;
  while (start < xs.length && start < ys.length && xs[start] === ys[start]) start++;
  let end = 0;
  while (end < xs.length - start && end < ys.length - start && xs[xs.length - 1 - end] === ys[ys.length - 1 - end]) end++;
  const ownX = xs.slice(start, xs.length - end);
  const ownY = ys.slice(start, ys.length - end);
  if (ownX.length === 0 || ownY.length === 0 || ownX.length > MAX_OWN_RUN || ownY.length > MAX_OWN_RUN) return false;
  // The words around the runs are generic, and each run is own words only. Around a run of several words they are
  // site words only (`Mitchells Plain Hospital`): with more generic words the runs may be a site's own name against
  // its city (`Jesse Brown VA Medical Center` / `Chicago VA Medical Center`, `Sally Mugabe Central Hospital` / `Harare
  // Central Hospital`), which one own word each rarely is.
  const around = [...xs.slice(0, start), ...xs.slice(xs.length - end)];
  if (!around.every((word) => words.genericWords.has(word))) return false;
  const isRun = ownX.length > 1 || ownY.length > 1;
  if (isRun && !around.every((word) => words.siteWords.has(word))) return false;
  const isOwnWord = (word: string): boolean => !words.genericWords.has(word) && word.length >= MIN_OWN_WORD;
  if (!ownX.every(isOwnWord) || !ownY.every(isOwnWord)) return false;
  const [joinedX, joinedY] = [ownX.join(''), ownY.join('')];
  if (jaroWinkler(joinedX, joinedY) >= UNLIKE_OWN_WORD) return false;
  for (const wordX of ownX)
    for (const wordY of ownY)
      if (abbreviates(wordX, wordY) || abbreviates(wordY, wordX) || jaroWinkler(wordX, wordY) >= UNLIKE_OWN_WORD) return false;
  return true;
}

/**
 * `result` as two sites' names (outcome mismatch, score kept) when it is a partial name pair whose own words differ;
 * as two unlike names (outcome mismatch, score 0) when each is one own word, unlike, around the same generic words.
 */
export function mismatchWhenOtherSites<R extends NameResult>(result: R, words: SiteNameWords): R {
  if (result.outcome !== 'partial' || result.a === null || result.b === null) return result;
  if (namesOtherSites(result.a, result.b, words)) return { ...result, outcome: 'mismatch' };
  return namesDifferInOwnWord(result.a, result.b, words) ? { ...result, outcome: 'mismatch', score: 0 } : result;
}
