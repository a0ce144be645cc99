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

import { normalizeText, romanizeCyrillicAndGreek } from '../identifiers/names';
import { romanisedName } from './transliteration';

/** Words an acronym may skip (`UPMC` = UNIVERSITY OF PITTSBURGH MEDICAL CENTER). */
export const CONNECTIVES: ReadonlySet<string> = new Set(['OF', 'AND', 'THE', 'FOR', 'DE', 'DU', 'DER', 'LA']);
const ACRONYM = /^[A-Z]{2,6}$/;

/** Score of a pair equal only through an acronym that is the whole of one value. */
export const ACRONYM_ONLY_SCORE = 0.9;

/**
 * Longest initialism a name may open with and an acronym of the whole name spell in full (`NHS` of NHS BLOOD AND
 * TRANSPLANT → NHSBT, `UK` of UK HEALTH SECURITY AGENCY → UKHSA): public bodies and groups coin the short name of a
 * body named after its parent's initialism so.
 */
const MAX_LEADING_INITIALISM = 3;
/** Initials an acronym must still spell after a leading initialism (`NHSB` for NHS BLOOD is no such acronym). */
const MIN_INITIALS_AFTER_LEADING = 2;

/** End index (exclusive) of a run of `words` from `start` whose initials spell `acronym`, or -1. */
function runEnd(acronym: string, words: readonly string[], start: number, letter = 0): number {
  if (letter === acronym.length) return start;
  const word = words[start];
  if (word === undefined) return -1;
  if (letter === 0 && isLeadingInitialism(word, acronym)) {
    const rest = runEnd(acronym, words, start + 1, word.length);
    if (rest >= 0) return rest;
  }
  if (letter > 0 && CONNECTIVES.has(word)) {
    const skipped = runEnd(acronym, words, start + 1, letter);
    if (skipped >= 0) return skipped;
  }
  // Single letters are spacing (`W L GORE`), not an expansion; ignoreSpaces handles them.
  if (word.length < 2 || word[0] !== acronym[letter]) return -1;
  return runEnd(acronym, words, start + 1, letter + 1);
}

/** A word of six letters with at most one vowel is an initialism (`NHSBSA`), not an English word (`HEALTH`, `SUPPLY`). */
function isSixLetterInitialism(word: string): boolean {
  return /^[A-Z]{6}$/.test(word) && word.replace(/[^AEIOUY]/g, '').length <= 1;
}

/** Whether `word` opens a name as an initialism that `acronym` spells whole before the initials of further words. */
function isLeadingInitialism(word: string, acronym: string): boolean {
  return (
    word.length >= 2 &&
    word.length <= MAX_LEADING_INITIALISM &&
    acronym.length >= word.length + MIN_INITIALS_AFTER_LEADING &&
    acronym.startsWith(word) &&
    !CONNECTIVES.has(word)
  );
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

/**
 * `words` in the English order of a name's site noun, or null when the name does not start with one: French, Italian,
 * Spanish, Portuguese, Welsh, Gaelic and Romansh put the noun first (`Hôpital de Sion`, `Ysbyty Nevill Hall`, `Ospadal nan
 * Eilean Siar`: HOSPITAL NEVILL HALL once translated) where the English initialism a bilingual board writes spells it last
 * (`NHH`, `WIH`). Only the first word moves; a name of one word more has nothing to reorder.
 */
function siteNounLast(words: readonly string[], site: AcronymSiteWords | undefined): string[] | null {
  if (!site || words.length < 2 || !site.words.has(words[0] as string) || site.words.has(words[1] as string)) return null;
  return [...words.slice(1), words[0] as string];
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

/** `contracted`, or contracted from `long` read with its site noun last (siteNounLast) when `long` spells none as written. */
function contractedInEitherOrder(
  short: readonly string[],
  long: readonly string[],
  site?: AcronymSiteWords,
): { words: string[]; acronym: string } | null {
  const found = contracted(short, long, site);
  if (found) return found;
  const reordered = siteNounLast(long, site);
  return reordered ? contracted(short, reordered, site) : null;
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
    const found = contractedInEitherOrder(short, long, site);
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
  // A name with its site noun first also has the keys of its English order (`HOSPITAL NEVILL HALL`: NHH, see siteNounLast).
  const reordered = siteNounLast(words, site);
  if (reordered) for (const key of initialismKeys(reordered, site)) keys.add(key);
  const significant = words.filter((w) => !CONNECTIVES.has(w) && /^[A-Z]/.test(w));
  if (significant.length >= 2 && significant.length <= 6) keys.add(significant.map((w) => w[0]).join(''));
  // A leading initialism spelt whole (`NHS BLOOD AND TRANSPLANT` → NHSBT; see isLeadingInitialism).
  const [first, ...rest] = significant;
  if (first && rest.length >= MIN_INITIALS_AFTER_LEADING && rest.length <= 4 && first.length >= 2 && first.length <= MAX_LEADING_INITIALISM)
    keys.add(`${first}${rest.map((w) => w[0]).join('')}`);
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
  for (const word of words) if ((/^[A-Z]{2,5}$/.test(word) || isSixLetterInitialism(word)) && !CONNECTIVES.has(word)) keys.add(word);
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
      const found = contractedInEitherOrder(short, long, site);
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

/**
 * Fuzzy and initials param `writtenAcronyms`: an initialism spells a name as its own language writes it, not as the
 * alias tables translate it. `CHL` is Centre Hospitalier de Luxembourg (translated: HOSPITAL CENTER LUXEMBOURG), `CHdN`
 * Centre Hospitalier du Nord (a particle's lower-case initial spelt), `SUS` Skånes UniversitetsSjukhus, `UKE`
 * UniversitätsKlinikum Eppendorf, `USZ` UniversitätsSpital Zürich, `OUS` Oslo UniversitetsSykehus: German, Swiss,
 * Dutch and Nordic hospital words are compounds, and their initialisms spell the compound's parts. A name's written
 * words are read with such a compound split before its head (`compoundHeads`: SJUKHUS, KLINIKUM, SPITAL…), and an
 * initialism on the other side is compared with them; a pair equal only so is an initialism (outcome related, score
 * ACRONYM_ONLY_SCORE), never the same name.
 */
export interface WrittenAcronyms {
  /** The heads of compound hospital words, longest first (`UNIVERSITETSSJUKHUS` = UNIVERSITETS + SJUKHUS). */
  compoundHeads: readonly string[];
}

/** Shortest first part of a compound (`BARN` + SJUKHUS, `KANTONS` + SPITAL). */
const MIN_COMPOUND_PART = 3;
const BRACKETED = /\([^()]*\)/g;

/** `word` split before a compound head it ends in (`UNIVERSITETSSJUKHUS` → UNIVERSITETS SJUKHUS), or as it is. */
function splitCompound(word: string, heads: readonly string[]): string {
  for (const head of heads)
    if (word.length >= head.length + MIN_COMPOUND_PART && word.endsWith(head)) return `${word.slice(0, -head.length)} ${head}`;
  return word;
}

/**
 * The written reading of a raw name for initialisms: brackets out, in Latin letters (Cyrillic and Greek as registers
 * romanise them, other scripts by any-ascii), compound hospital words split; none when its initials are those of one of
 * `values` (the normalised names: most names' written words spell what they do). The whole name is read, a site after a
 * dash or comma included: the organisation before it (`Oslo universitetssykehus, Ullevål`) is every site's.
 */
export function writtenReadings(args: { raw: string; written: WrittenAcronyms; values: readonly string[] }): string[] {
  const words = normalizeText(writtenLatin(args.raw.replace(BRACKETED, ' ')).replace(APOSTROPHES, ''))
    .split(' ')
    .filter((word) => word !== '')
    .map((word) => splitCompound(word, args.written.compoundHeads));
  const reading = words.join(' ');
  // Only a reading whose initials differ from every normalised value's can spell an initialism they do not.
  return words.length >= 2 && !args.values.some((value) => initialsOf(value) === initialsOf(reading)) ? [reading] : [];
}

/** Apostrophes and the Hawaiian ʻokina (U+02BB, typed as U+2018) join the letters of a word, as in normalizeOrgName. */
const APOSTROPHES = /['\u2019\u02BB\u2018]/g;

/** The first letter of every word of a normalised value (compound parts are words). */
function initialsOf(value: string): string {
  let out = '';
  for (const word of value.split(' ')) out += word[0] ?? '';
  return out;
}

/**
 * Score of a pair equal only through an initialism of a written reading: below ACRONYM_ONLY_SCORE and below the score
 * a rule set caps at review as a contained name (facility `containedNameOnly`: below 0.85), so a name's written initials
 * are review evidence of their own level, never an automatic merge on the name.
 */
export const WRITTEN_ACRONYM_SCORE = 0.84;

/**
 * Whether `short` (a normalised name holding an initialism) spells `long` (a written reading of the other name): an
 * initialism of `short` spells consecutive words of `long` and, contracted, `long` is `short` word for word (`SUS LUND`
 * / SKANES UNIVERSITETS SJUKHUS LUND, `CHL` / CENTRE HOSPITALIER DE LUXEMBOURG). A word more on either side is another
 * site or unit of the organisation the initialism names (`CHL KANNERKLINIK`, `OUS ULLEVAL` / OSLO UNIVERSITETS SYKEHUS
 * RIKSHOSPITALET) and is not read.
 */
export function spellsWrittenReading(args: { short: string; long: string; site?: AcronymSiteWords }): boolean {
  const found = contracted(args.short.split(' '), args.long.split(' '), args.site);
  return found !== null && found.words.join(' ') === args.short;
}

const compiledParams = new WeakMap<{ compoundHeads: string[] }, WrittenAcronyms>();

/** A rule's `writtenAcronyms` param with its heads normalised, longest first (compiled once per rule object). */
export function compiledWrittenAcronyms(param: { compoundHeads: string[] }): WrittenAcronyms {
  let compiled = compiledParams.get(param);
  if (!compiled) {
    compiled = { compoundHeads: [...new Set(param.compoundHeads.map((head) => normalizeText(head)))].sort((x, y) => y.length - x.length) };
    compiledParams.set(param, compiled);
  }
  return compiled;
}

function writtenLatin(value: string): string {
  return romanisedName(romanizeCyrillicAndGreek(value));
}

/**
 * Initialism blocking keys of a name's written readings (param `writtenAcronyms` of an `initials` rule): the initials of
 * the whole reading, connectives skipped and spelt (`CENTRE HOSPITALIER DU NORD` → CHN, CHDN). Not the cuts before a
 * locality `initialismKeys` adds: `CHU` cut from every `Centre Hospitalier Universitaire de <place>` would gather a
 * country's university hospitals into one block.
 */
export function writtenInitialismKeys(args: { raw: string; normalized: string; written: WrittenAcronyms }): string[] {
  const keys: string[] = [];
  for (const reading of writtenReadings({ raw: args.raw, written: args.written, values: [args.normalized] })) {
    const words = reading.split(' ').filter((word) => /^[A-Z]/.test(word));
    const significant = words.filter((word) => !CONNECTIVES.has(word));
    for (const spelt of [significant, words]) if (spelt.length >= 2 && spelt.length <= 6) keys.push(spelt.map((word) => word[0]).join(''));
  }
  return keys;
}
