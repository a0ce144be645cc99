/**
 * Acronym ↔ expansion in organisation names (fuzzy param `acronyms`): `GE HEALTHCARE` and `GENERAL ELECTRIC
 * HEALTHCARE`, `UPMC PRESBYTERIAN` and `UNIVERSITY OF PITTSBURGH MEDICAL CENTER PRESBYTERIAN`. A word of 2–6
 * letters on one side that spells the initials of consecutive words on the other (connectives such as OF, AND,
 * THE may be skipped or spelled) is read as those words: the expansion is contracted to the acronym and the
 * two values are compared again.
 *
 * An acronym alone says little (`AMI` is many companies): when the acronym is the whole of either value the
 * pair scores at most `ACRONYM_ONLY_SCORE` — a similar name, never the same one — so only a shared other
 * word (HEALTHCARE, PRESBYTERIAN) makes it the same name.
 */

/** Words an acronym may skip (`UPMC` = UNIVERSITY OF PITTSBURGH MEDICAL CENTER). */
export const CONNECTIVES: ReadonlySet<string> = new Set(['OF', 'AND', 'THE', 'FOR', 'DE', 'DU', 'DER', 'LA']);
const ACRONYM = /^[A-Z]{2,6}$/;

/** Score of a pair equal only through an acronym that is the whole of one value. */
export const ACRONYM_ONLY_SCORE = 0.9;

/** End index (exclusive) of a run of `words` from `start` whose initials spell `acronym`, or -1. */
function runEnd(acronym: string, words: readonly string[], start: number, letter = 0): number {
  if (letter === acronym.length) return start;
  const word = words[start];
  if (word === undefined) return -1;
  if (letter > 0 && CONNECTIVES.has(word)) {
    const skipped = runEnd(acronym, words, start + 1, letter);
    if (skipped >= 0) return skipped;
  }
  // Single letters are spacing (`W L GORE`), not an expansion; ignoreSpaces handles them.
  if (word.length < 2 || word[0] !== acronym[letter]) return -1;
  return runEnd(acronym, words, start + 1, letter + 1);
}

/**
 * Words of the kind of site (HOSPITAL, INFIRMARY) after which a hospital's short name stops (fuzzy param
 * `acronymSiteWords`): `CUH` is CORK UNIVERSITY HOSPITAL, and a list that writes CORK UNIVERSITY HOSPITAL WILTON, ST
 * VINCENTS UNIVERSITY HOSPITAL ELM PARK or ROYAL INFIRMARY OF EDINBURGH AT LITTLE FRANCE adds the site's locality after
 * the name the initials spell (UK, Irish, Canadian and Australian hospitals are known by such initials: NHS and HSE
 * lists, ward notes). An initialism ending in H also stands for a name written without its HOSPITAL
 * (`VGH` = VANCOUVER GENERAL, as locals say it) when that name has no site word at all.
 */
export interface AcronymSiteWords {
  words: ReadonlySet<string>;
  /** Words that make a tail a department or another site, not a locality (`… CLINICAL LABORATORIES`, `… MATERNITY`). */
  otherSiteWords: ReadonlySet<string>;
}

/** Most words of a locality after a site's name (`AT LITTLE FRANCE`, `ELM PARK`, `WILTON`). */
const MAX_SITE_TAIL = 3;

/** Whether the words of `long` from `end` are a site's locality after its name's site word (see AcronymSiteWords). */
function isSiteTail(long: readonly string[], end: number, site: AcronymSiteWords): boolean {
  const tail = long.slice(end);
  if (tail.length < 1 || tail.length > MAX_SITE_TAIL || tail.some((word) => site.words.has(word) || site.otherSiteWords.has(word)))
    return false;
  return long.slice(0, end).some((word) => site.words.has(word));
}

/** `VGH` = VANCOUVER GENERAL: the last initial is the HOSPITAL a name without any site word leaves unsaid. */
function spellsWithoutHospital(acronym: string, long: readonly string[], site: AcronymSiteWords): boolean {
  if (!acronym.endsWith('H') || long.length < 2 || long.some((word) => site.words.has(word))) return false;
  return runEnd(acronym.slice(0, -1), long, 0) === long.length;
}

/** `long` with the first expansion of an acronym of `short` contracted to it, or null when there is none. */
function contracted(
  short: readonly string[],
  long: readonly string[],
  site?: AcronymSiteWords,
): { words: string[]; acronym: string } | null {
  // Only a whole-value acronym (`CUH`) reads a site's name with its locality after it.
  const siteWords = site && short.length === 1 ? site : undefined;
  for (const acronym of short) {
    if (!ACRONYM.test(acronym)) continue;
    for (let start = 0; start < long.length; start++) {
      const word = long[start] as string;
      if (CONNECTIVES.has(word) || word === acronym) continue;
      const end = runEnd(acronym, long, start);
      // A run of one word is not an expansion (`GE` / `GENERAL`).
      if (end < 0 || end - start < 2) continue;
      if (siteWords && start === 0 && isSiteTail(long, end, siteWords)) return { words: [acronym], acronym };
      return { words: [...long.slice(0, start), acronym, ...long.slice(end)], acronym };
    }
    if (siteWords && spellsWithoutHospital(acronym, long, siteWords)) return { words: [acronym], acronym };
  }
  return null;
}

/**
 * True when two normalised values are the same name only through an acronym that is the whole of one of them
 * (`CMC` / `CAROLINAS MEDICAL CENTER`): the pair `withAcronyms` scores at most ACRONYM_ONLY_SCORE.
 */
export function isAcronymOnly(x: string, y: string, site?: AcronymSiteWords): boolean {
  const wordsX = x.split(' ');
  const wordsY = y.split(' ');
  for (const [short, long] of [
    [wordsX, wordsY],
    [wordsY, wordsX],
  ] as const) {
    const found = contracted(short, long, site);
    if (found && (short.length === 1 || found.words.length === 1) && found.words.join(' ') === short.join(' ')) return true;
  }
  return false;
}

/**
 * Initialism blocking keys of one normalised name (blocking type `initials`): the initials of its significant words
 * (connectives skipped, 2–6 of them: `CAROLINAS MEDICAL CENTER` → `CMC`, `SAINT PETERS HOSPITAL` → `SPH`), and every
 * word of 2–5 letters as the acronym it may be (`CMC`, `WFBMC`). An ERP location code and the hospital's name then
 * share a key though they share no word.
 */
export function initialismKeys(words: readonly string[], site?: AcronymSiteWords): string[] {
  const keys = new Set<string>();
  const significant = words.filter((w) => !CONNECTIVES.has(w) && /^[A-Z]/.test(w));
  if (significant.length >= 2 && significant.length <= 6) keys.add(significant.map((w) => w[0]).join(''));
  if (site && significant.length >= 2) {
    const initials = significant.map((w) => w[0]).join('');
    let lastSite = -1;
    for (let i = significant.length - 1; i >= 0 && lastSite < 0; i--) if (site.words.has(significant[i] as string)) lastSite = i;
    // Every cut of one to MAX_SITE_TAIL words after the last site word (`UNIVERSITY HOSPITAL LIMERICK DOORADOYLE`: UHL), of
    // three initials at least (two-letter keys would gather every `University Hospital X`).
    const firstCut = Math.max(lastSite + 1, significant.length - MAX_SITE_TAIL, 3);
    if (lastSite >= 0)
      for (let cut = significant.length - 1; cut >= firstCut && !site.otherSiteWords.has(significant[cut] as string); cut--)
        keys.add(initials.slice(0, cut));
    else if (significant.length <= 5) keys.add(`${initials}H`);
  }
  for (const word of words) if (/^[A-Z]{2,5}$/.test(word) && !CONNECTIVES.has(word)) keys.add(word);
  return [...keys];
}

/** Wraps a similarity: a pair that differs by an acronym and its expansion is compared with the expansion contracted. */
export function withAcronyms(similarity: (x: string, y: string) => number, site?: AcronymSiteWords): (x: string, y: string) => number {
  return (x, y) => {
    const base = similarity(x, y);
    if (base === 1) return base;
    const wordsX = x.split(' ');
    const wordsY = y.split(' ');
    let best = base;
    for (const [short, long, isShortX] of [
      [wordsX, wordsY, true],
      [wordsY, wordsX, false],
    ] as const) {
      const found = contracted(short, long, site);
      if (!found) continue;
      const contractedText = found.words.join(' ');
      const shortText = short.join(' ');
      const score = isShortX ? similarity(shortText, contractedText) : similarity(contractedText, shortText);
      const isAcronymOnly = short.length === 1 || found.words.length === 1;
      best = Math.max(best, isAcronymOnly ? Math.min(score, ACRONYM_ONLY_SCORE) : score);
    }
    return best;
  };
}
