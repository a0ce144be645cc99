/**
 * fuzzy param `containedNames` (facility-2.18.0): one name whose words all stand, in order, in the other name, the
 * other adding words before, between or after them. US and UK registries write one site with and without what
 * surrounds its own name:
 *
 * - a system brand before it (Doximity, state licences: `Henry Ford West Bloomfield Hospital` against the IHS or CON
 *   list's `West Bloomfield Hospital`; `OSF HealthCare Saint Francis Medical Center`);
 * - a founder's or benefactor's name, or a denomination, a shorter list leaves out (`Brigham and Women's Faulkner
 *   Hospital` / `Faulkner Hospital`, `Edward W. Sparrow Hospital Association` / `Sparrow Hospital`, `St. Luke's
 *   Methodist Hospital` / `St. Luke's Hospital`);
 * - the town after a site without an address (NHS PLACE and GMC lists: `Queen's Hospital Burton`, `Friarage Hospital
 *   Northallerton` against ERIC's `THE FRIARAGE HOSPITAL`), a trust's short name before it (trust annual reports:
 *   `Somerset FT - Musgrove Park Hospital, Taunton`).
 *
 * Token Jaro–Winkler scores such pairs 0.75–0.95, the band that also holds two different hospitals, so they reached no
 * steward on the name alone. A contained name is outcome `related`, a level of its own: review evidence; a hard rule
 * (containedNameOnly) keeps one that scored below 0.9 from an automatic merge, even at one address. Contained is not the
 * same: the longer name may name a second hospital of a system or a campus (`Henry Ford Hospital` / `Henry Ford West
 * Bloomfield Hospital`, `Queen's Hospital` in two towns), which is why the outcome is never `match`.
 *
 * The words the longer name adds must hold one that is not one of the rule's `kindWords` (HOSPITAL, MEDICAL CENTER:
 * `Seoul National University` / `… University Hospital` is a university and its hospital), and the shorter name must hold a word that is not one of the rule's `stopWords` (generic words of care-site names:
 * HOSPITAL, MEDICAL CENTER, CHILDRENS, SAINT…): `CHILDRENS HOSPITAL` stands in every children's hospital's name. And
 * the words the longer name adds must hold none of the rule's `campusWords` (NORTH, SOUTH, CAMPUS…): `Miami Valley
 * Hospital South` is the main hospital's second campus in another town, not the main hospital with a word more.
 */
import type { ComparatorOutcome } from './types';

/** The part of a comparator's result this reads and writes (comparators.ts's ComparisonResult). */
interface NameResult {
  score: number | null;
  outcome: ComparatorOutcome;
  a: string | null;
  b: string | null;
}

/**
 * The scores of a contained pair, below the initialism level's ACRONYM_ONLY_SCORE (0.9) so a level tells them apart:
 * NEAR when the names also scored 0.9 or more (the `jw>=0.9` level they left, which an agreeing address merged), else
 * CONTAINED. The rules cap CONTAINED at review (a hard rule on `scoreBelow` NEAR) and leave NEAR the bands it had.
 */
export const CONTAINED_NAME_SCORE = 0.8;
export const NEAR_CONTAINED_NAME_SCORE = 0.85;
const NEAR_NAME = 0.9;

/** Whether every word of `short` (two words or more, one not a stop word) stands in `long` in the same order, `long` having more words. */
export function isContainedName(
  short: string,
  long: string,
  stopWords: ReadonlySet<string>,
  campusWords: ReadonlySet<string> = new Set(),
  kindWords: ReadonlySet<string> = new Set(),
): boolean {
  // A cheap literal test first: the shorter value's first word must stand in the longer value.
  if (short.length >= long.length) return false;
  const shortWords = short.split(' ');
  if (!long.includes(shortWords[0] as string)) return false;
  const longWords = long.split(' ');
  if (shortWords.length < 2 || shortWords.length >= longWords.length || shortWords.every((word) => stopWords.has(word))) return false;
  let at = 0;
  // The words the longer name adds must say more than the kind of site (kindWords): `Seoul National University` against
  // `Seoul National University Hospital` is a university and its hospital.
  let addsAName = kindWords.size === 0;
  // A campus word among the words the longer name adds names another campus of the site (`MIAMI VALLEY HOSPITAL SOUTH`).
  const added = (word: string): boolean => {
    if (campusWords.has(word)) return false;
    if (!kindWords.has(word)) addsAName = true;
    return true;
  };
  for (const word of shortWords) {
    while (at < longWords.length && longWords[at] !== word) {
      if (!added(longWords[at] as string)) return false;
      at++;
    }
    if (at === longWords.length) return false;
    at++;
  }
  for (; at < longWords.length; at++) if (!added(longWords[at] as string)) return false;
  return addsAName;
}

/** The words of a system's name and of a site's name that read one as the other's operator (param `systemOfSite`). */
export interface SystemOfSiteWords {
  systemWords: ReadonlySet<string>;
  siteWords: ReadonlySet<string>;
}

/**
 * Whether `system` is a health system's own name and `site` its flagship's (facility-2.21.0): Epic Care Everywhere,
 * CommonWell and state association lists name the organisation (`GRADY HEALTH SYSTEM`, `HENNEPIN HEALTHCARE`), cost
 * reports and licences the hospital it grew from (`GRADY MEMORIAL HOSPITAL`, `HENNEPIN COUNTY MEDICAL CENTER`). The
 * system's name ends in a system word and holds nothing but its brand and system words; the site's holds a site word
 * and nothing but the same brand and stop words (a second hospital adds a word of its own: `JACKSON NORTH MEDICAL
 * CENTER` a campus word, `RYDER TRAUMA CENTER AT JACKSON MEMORIAL HOSPITAL` a name). A brand made of stop words
 * (`MERCY`, `BAPTIST`) is every town's and never counts. Contained, not the same: a steward decides.
 */
export function isSystemOfSite(
  system: string,
  site: string,
  words: { stopWords: ReadonlySet<string>; campusWords: ReadonlySet<string>; systemOfSite: SystemOfSiteWords },
): boolean {
  // A cheap literal test first: the system's last word must be a system word.
  const last = system.slice(system.lastIndexOf(' ') + 1);
  if (!words.systemOfSite.systemWords.has(last)) return false;
  const brand: string[] = [];
  for (const word of system.split(' ')) {
    if (words.systemOfSite.systemWords.has(word)) continue;
    if (words.systemOfSite.siteWords.has(word) || words.campusWords.has(word)) return false;
    if (!words.stopWords.has(word)) brand.push(word);
  }
  if (brand.length === 0) return false;
  let hasSiteWord = false;
  const siteBrand: string[] = [];
  for (const word of site.split(' ')) {
    if (words.systemOfSite.systemWords.has(word) || words.campusWords.has(word)) return false;
    if (words.systemOfSite.siteWords.has(word)) hasSiteWord = true;
    else if (!words.stopWords.has(word)) siteBrand.push(word);
  }
  return hasSiteWord && siteBrand.length === brand.length && siteBrand.every((word, index) => word === brand[index]);
}

/** `result` as a contained pair when it is no match and one of its best values is contained in the other (see the file's comment). */
export function relatedWhenContained<R extends NameResult>(
  result: R,
  a: readonly string[],
  b: readonly string[],
  words: {
    stopWords: ReadonlySet<string>;
    campusWords: ReadonlySet<string>;
    kindWords?: ReadonlySet<string>;
    systemOfSite?: SystemOfSiteWords;
  },
): R | NameResult {
  if (result.outcome === 'match' || result.outcome === 'related' || result.outcome === 'missing') return result;
  const systemWords = words.systemOfSite && {
    stopWords: words.stopWords,
    campusWords: words.campusWords,
    systemOfSite: words.systemOfSite,
  };
  for (const x of a)
    for (const y of b)
      if (
        isContainedName(x, y, words.stopWords, words.campusWords, words.kindWords) ||
        isContainedName(y, x, words.stopWords, words.campusWords, words.kindWords) ||
        (systemWords !== undefined && (isSystemOfSite(x, y, systemWords) || isSystemOfSite(y, x, systemWords)))
      )
        return {
          score: (result.score ?? 0) >= NEAR_NAME ? NEAR_CONTAINED_NAME_SCORE : CONTAINED_NAME_SCORE,
          outcome: 'related',
          a: x,
          b: y,
        };
  return result;
}
