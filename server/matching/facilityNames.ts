/**
 * Normaliser `facilityName`: a care site's name as registries, paper affiliations and health-information systems
 * write it, read down to the site's own name before `anyScriptOrgName` (romanisation + `normalizeOrgName`):
 *
 * - *A paper affiliation* (PubMed, ClinicalTrials.gov, ERN member lists: `Namazi Hospital, Shiraz University of
 *   Medical Sciences, Shiraz, Iran`; `Department of Cardiology, Universitätsklinikum Heidelberg, Heidelberg, Germany`)
 *   writes the unit, the facility, its university, the city and the country as comma-separated segments (three or
 *   more: two are more often a registry's name with its site, `Sahlgrenska Universitetssjukhuset, Östra`). The first
 *   segment that names a facility (a word read as HOSPITAL, CLINIC, MEDICAL CENTER… once the facility tables have
 *   translated it: `Hastanesi`, `Universitätsklinikum`, `Byōin`) is the site's name; a department segment before it
 *   is skipped. A value with one segment, or none naming a facility, is left whole.
 * - *A DHIS2 organisation-unit prefix*: DHIS2 instances (Sierra Leone's demo database, many national HMIS) write a
 *   two-letter lower-case district code before the unit's name (`kb Kambia Govt Hospital`, `wa Connaught Hospital`).
 *   A first word of exactly two lower-case letters before a capitalised word is dropped, unless it is a name particle
 *   (`de`, `la`, `el`… `de Gaulle`).
 * - *A brand glued to UMC*: Dutch university medical centres write their brand as one word (`Radboudumc`,
 *   `Erasmusmc`): a word of at least four letters followed by `UMC` is read as the two words.
 * - *Kunrei-shiki and Nihon-shiki romanisation*: Japanese prefectural and ministry lists write romaji in Kunrei-shiki
 *   (`Tiba Daigaku Huzoku Byôin`, `Sizuoka Kenritu`), where maps, papers and English lists write Hepburn (`Chiba`,
 *   `Fuzoku`, `Shizuoka Kenritsu`). When every word of a name reads as Japanese syllables, each Kunrei syllable is
 *   written in Hepburn (table `japaneseRomanisation`, data). A name with one non-Japanese word (`Chiba University
 *   Hospital`) is left alone: English words are never rewritten.
 *
 * Greek and Cyrillic are romanised as `normalizeOrgName` does (ELOT 743, ICAO: `Ευαγγελισμός` = `EVANGELISMOS`, as the
 * ministry's own Latin list writes it) before any-ascii reads the other scripts.
 *
 * The facility nouns are read from the shipped facility tables (as the transliteration lexicon reads its tables): an
 * analyst adds a language's hospital word to `facilityTranslations` and affiliations in that language are read too.
 */
import { normalizeOrgName, romanizeCyrillicAndGreek } from '../identifiers/names';
import { present } from '../invariant';
import { shippedAliasTables, withAliasTablesTokens, type AliasTable } from './aliases';
import { romanisedName } from './transliteration';
import { brahmicReading } from './brahmicReadings';
import { inSerbianLatin, withoutWritingConventions, withRegnalNumbers } from './facilityNameConventions';
import { withRegisterConventions } from './registerFacilityNames';
import { withOtherLanguageConventions } from './otherLanguageFacilityNames';
import { withSouthernAfricanConventions } from './southernAfricanFacilityNames';
import { withoutNounFirstLinkers } from './nounFirstFacilityNames';
import { withoutBuildingBracket, withoutStreetLine } from './englishFacilityNames';
import { namesCareOrganisation, unitWithItsUniversity, withoutOfAfterFacilityNoun } from './affiliationFacilityNames';

/** The tables that read a segment's words as English facility nouns. */
const NOUN_TABLES = ['organizationAbbreviations', 'facilityAbbreviations', 'facilityTranslations', 'scriptGenericWords'] as const;
/** English words that name a care site once translated; a segment holding one names a facility. */
const FACILITY_NOUNS = new Set([
  'HOSPITAL',
  'CLINIC',
  'POLYCLINIC',
  'INFIRMARY',
  'SANATORIUM',
  'UMC',
  'HEALTH POST',
  'HEALTH CENTER',
  'MEDICAL CENTER',
  'HOSPITAL CENTER',
  'CLINICAL CENTER',
]);
/** A segment that names a department or unit of a facility, not the facility (`Department of Cardiology`, `Service de …`). */
const DEPARTMENT_SEGMENT =
  /^\s*(?:the\s+)?(?:(?:[a-z]+\s+)?(?:department|dept|division|section|unit|laboratory|lab|service|school|faculty|college|institute|centre|center)\s+(?:of|for|de|du|des|d')\b|(?:service|abteilung|klinik)\s+(?:de|du|des|für|fur)\b|servicio\s+de\b|servizio\s+di\b|reparto\s+di\b|dipartimento\s+di\b|departamento\s+de\b)/i;
/** Name particles a two-letter lower-case first word can be (`de Gaulle`, `la Paz`, `el Camino`). */
const PARTICLES = new Set(['de', 'da', 'di', 'do', 'du', 'la', 'le', 'el', 'al', 'en', 'of', 'et', 'st', 'mt', 'dr', 'ul']);
const MIN_AFFILIATION_SEGMENTS = 3;
const DHIS2_PREFIX = /^([a-z]{2})\s+(?=\p{Lu})/u;
const GLUED_UMC = /(?<=\b[A-Z]{4,})UMC\b/g;
/** State licence lists write the licence holder, then the site it does business as (`SETON HEALTHCARE DBA DELL SETON MEDICAL CENTER`). */
const DOING_BUSINESS_AS = /\s+(?:D\/B\/A|D\.B\.A\.?|DBA|DOING BUSINESS AS)\s+/i;
/**
 * Taiwan's Medical Care Act names a private hospital with its juridical person first (`長庚醫療財團法人林口長庚紀念醫院`:
 * the Chang Gung Medical Foundation's Linkou Chang Gung Memorial Hospital; `財團法人…`, `社團法人…`); English lists write
 * the hospital alone. Everything up to the form is the operator.
 */
const HAN_JURIDICAL_PERSON = /^[^\s]*?(?:醫療|医疗)?(?:財團|社團|财团|社团)法人/u;
/** A dash between an operator and its site (spaced hyphen, en or em dash): `Harbor-UCLA` is one word. */
const SITE_DASH = /\s+-\s+|\s*[\u2013\u2014]\s*/;
/**
 * Last words (once the facility tables have read them) of the name of an organisation that runs sites rather than of
 * a site: health systems and networks, Canadian health authorities and services, NHS and HSC trusts, health boards,
 * Australian local health districts and US hospital districts, a county department of health services (DHS), the
 * Vienna Gesundheitsverbund.
 */
const OPERATOR_ENDINGS = new Set([
  'HEALTH',
  'HEALTHCARE',
  'SERVICES',
  'SYSTEM',
  'SYSTEMS',
  'NETWORK',
  'AUTHORITY',
  'TRUST',
  'BOARD',
  'DISTRICT',
  'DHS',
  'GESUNDHEITSVERBUND',
  'KLINIKVERBUND',
]);

/** The tables the normaliser reads itself (beyond those a rule set chains after it): published versions when a rule set names it. */
export const FACILITY_NAME_TABLES = [...NOUN_TABLES, 'japaneseRomanisation'] as const;

interface Readings {
  nounsOf: (segment: string) => readonly string[];
  syllables: ReadonlyMap<string, string>;
}

/** How the normaliser reads the tables it is given (the shipped files, or the published versions of a rule set). */
function readingsOf(tableNamed: (name: string) => AliasTable | undefined): Readings {
  const tables = NOUN_TABLES.map((name) => tableNamed(name)).filter((table): table is AliasTable => table !== undefined);
  const wordsOf = withAliasTablesTokens({ normalize: (value) => normalizeOrgName(romanisedName(value)) || null, tables });
  const syllables = new Map<string, string>();
  for (const entry of tableNamed('japaneseRomanisation')?.entries ?? [])
    for (const variant of entry.variants) syllables.set(variant.toUpperCase(), present(entry.canonical, 'Hepburn syllable').toUpperCase());
  return { nounsOf: wordsOf, syllables };
}

let shippedReadings: Readings | undefined;

function shipped(): Readings {
  shippedReadings ??= readingsOf((name) => shippedAliasTables().get(name));
  return shippedReadings;
}

/** Whether a segment's words, translated, hold a facility noun (one word, or two: `MEDICAL CENTER`). */
function namesFacility(segment: string, readings: Readings): boolean {
  const words = readings.nounsOf(segment);
  for (let i = 0; i < words.length; i++) {
    if (FACILITY_NOUNS.has(present(words[i], 'word'))) return true;
    if (i + 1 < words.length && FACILITY_NOUNS.has(`${words[i]} ${words[i + 1]}`)) return true;
  }
  return false;
}

/** The segment of a comma-separated affiliation (three segments or more) that names the facility; the value itself when there is no such choice. */
export function affiliationSegment(raw: string, readings: Readings = shipped()): string {
  if (!raw.includes(',') && !raw.includes(';')) return raw;
  const segments = raw
    .split(/[,;]/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
  // Two segments are a registry's own name more often than an affiliation: a campus or site after the comma
  // (`Sahlgrenska Universitetssjukhuset, Östra`, `VA Palo Alto Health Care System, Menlo Park Division`) or a comma
  // inside the name (`Edward Hines, Jr. VA Hospital`). An affiliation names at least a place and a country too.
  if (segments.length < MIN_AFFILIATION_SEGMENTS) return raw;
  for (const [index, segment] of segments.entries()) {
    if (DEPARTMENT_SEGMENT.test(segment)) continue;
    if (namesFacility(segment, readings)) return unitWithItsUniversity(segment, segments[index + 1]);
  }
  return raw;
}

/** `kb Kambia Govt Hospital` → `Kambia Govt Hospital`: a DHIS2 district code before the unit's name. */
export function withoutOrgUnitPrefix(raw: string): string {
  const prefix = DHIS2_PREFIX.exec(raw);
  return prefix && !PARTICLES.has(present(prefix[1], 'prefix')) ? raw.slice(prefix[0].length) : raw;
}

const VOWELS = new Set(['A', 'I', 'U', 'E', 'O']);
/** Onsets of Hepburn and Kunrei-shiki romaji, longest first. */
const ONSETS = [
  'SH',
  'CH',
  'TS',
  'KY',
  'GY',
  'SY',
  'ZY',
  'TY',
  'DY',
  'NY',
  'HY',
  'BY',
  'PY',
  'MY',
  'RY',
  'J',
  'F',
  'K',
  'G',
  'S',
  'Z',
  'T',
  'D',
  'N',
  'H',
  'B',
  'P',
  'M',
  'Y',
  'R',
  'W',
];

/** A word read as Japanese syllables (`TIBA` → TI BA, `KENRITU` → KE N RI TU, `HOKKAIDO` → HO K KA I DO); null when it is not one. */
export function japaneseSyllables(word: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < word.length) {
    const letter = present(word[i], 'letter');
    if (VOWELS.has(letter)) {
      out.push(letter);
      i++;
      continue;
    }
    const next = word[i + 1];
    if (letter === 'N' && (next === undefined || (!VOWELS.has(next) && next !== 'Y'))) {
      out.push('N');
      i++;
      continue;
    }
    // A doubled consonant (sokuon): `KK`, `PP`, `SS`, `TT`, and Hepburn's `TCH`.
    if (next !== undefined && ((next === letter && 'KSTPGDBZ'.includes(letter)) || (letter === 'T' && next === 'C'))) {
      out.push(letter);
      i++;
      continue;
    }
    const onset = ONSETS.find((candidate) => word.startsWith(candidate, i));
    const vowel = onset === undefined ? undefined : word[i + onset.length];
    if (onset === undefined || vowel === undefined || !VOWELS.has(vowel)) return null;
    out.push(`${onset}${vowel}`);
    i += onset.length + 1;
  }
  return out;
}

/** Kunrei-shiki syllables of a name written in Hepburn, when every word of it reads as romaji (at least two words). */
export function inHepburn(normalized: string, readings: Readings = shipped()): string {
  const syllables = readings.syllables;
  if (syllables.size === 0) return normalized;
  const words = normalized.split(' ');
  if (words.length < 2) return normalized;
  const read = words.map((word) => (/^[A-Z]+$/.test(word) ? japaneseSyllables(word) : null));
  if (read.some((parts) => parts === null)) return normalized;
  let isChanged = false;
  const rewritten = read.map((parts) =>
    (parts as string[])
      .map((syllable) => {
        const hepburn = syllables.get(syllable);
        if (hepburn === undefined) return syllable;
        isChanged = true;
        return hepburn;
      })
      .join(''),
  );
  return isChanged ? rewritten.join(' ') : normalized;
}

/** `HARRIS COUNTY HOSPITAL DISTRICT DBA BEN TAUB HOSPITAL` → `BEN TAUB HOSPITAL`: a licence holder doing business as the site. */
export function operatingName(raw: string): string {
  const parts = raw.split(DOING_BUSINESS_AS);
  const last = parts.at(-1)?.trim();
  return parts.length > 1 && last ? last : raw;
}

/** Whether a part of a name ends in a word that names an operator of sites (`… HEALTH SERVICES`, `… HSC TRUST`). */
function namesOperator(part: string, readings: Readings): boolean {
  const last = readings.nounsOf(part).at(-1);
  return last !== undefined && OPERATOR_ENDINGS.has(last);
}

/** Trust forms that an NHS / HSC trust's name ends in when written short (`NHS FT`: the NHS e-Referral Service and board papers). */
const SHORT_TRUST_FORMS = new Set(['NHS FT', 'HSC FT']);

/**
 * Whether a part of a name ends in TRUST or BOARD (an NHS / HSC trust, a Scottish or Welsh health board), or in
 * `NHS FT`, the short form of NHS Foundation Trust that the NHS e-Referral Service and trust board papers write
 * (`Cheltenham General Hospital - Gloucestershire Hospitals NHS FT`).
 */
function endsInTrustOrBoard(part: string, readings: Readings): boolean {
  const words = readings.nounsOf(part);
  const last = words.at(-1);
  return last === 'TRUST' || last === 'BOARD' || SHORT_TRUST_FORMS.has(words.slice(-2).join(' '));
}

/**
 * A site written as its acronym after its system's name (ESF-8 evacuation boards, EMResource: `Lee Health - GCMC`,
 * `Lee Health - LMH (Cleveland Ave)`): three to six capitals, a bracketed street or city after them. The acronym is the
 * site's own name, compared as an initialism; the system's name is every site's.
 */
function isSiteAcronym(part: string): boolean {
  return /^[A-Z]{3,6}(?:\s*\([^()]*\))?$/.test(part);
}

/**
 * The site of a name written with its operator, when one part ends in an operator's word and the other names a
 * facility: `Alberta Health Services - University of Alberta Hospital`, `Southern HSC Trust – Craigavon Area
 * Hospital`, `Vancouver General Hospital, Vancouver Coastal Health`. Anything else is left whole: a campus after a
 * dash (`Texas Children's Hospital - West Campus`), a site without a facility word (`Harris Health Ben Taub`; an acronym
 * is a site since facility-2.12.0: `Harris Health System - LBJ`, see isSiteAcronym),
 * a place prefix (`Abidjan - CHU Treichville`), a brand (`URMC – Golisano Children's Hospital`).
 */
export function siteOfOperatorName(raw: string, readings: Readings = shipped()): string {
  const byDash = raw.split(SITE_DASH);
  const parts = byDash.length === 2 ? byDash : raw.split(/[,;]/);
  if (parts.length !== 2) return raw;
  const [first, second] = parts.map((part) => part.trim()) as [string, string];
  if (first === '' || second === '') return raw;
  if (namesOperator(first, readings) && (namesFacility(second, readings) || isSiteAcronym(second))) return second;
  // An integrated care organisation's form first (ULS, OSI: affiliationFacilityNames.ts), a facility after the dash.
  if (byDash.length === 2 && namesCareOrganisation(first) && namesFacility(second, readings)) return second;
  // A dash before an NHS / HSC trust or a health board (`Royal Sussex County Hospital - University Hospitals Sussex NHS
  // Foundation Trust`, NHS site lists): a campus is never named after a trust or a board, so the site is the first part.
  if (byDash.length === 2 && endsInTrustOrBoard(second, readings) && namesFacility(first, readings) && !namesOperator(first, readings))
    return first;
  // Comma only: `Site, Operator` (a dash after a site names its campus). A site part of facility nouns alone is the
  // name written inverted, as CMS cost reports and AHA profiles write legal names (`MEDICAL CENTER, NAVICENT HEALTH`:
  // Navicent Health Medical Center), and is read in its spoken order.
  if (byDash.length !== 2 && namesOperator(second, readings) && namesFacility(first, readings) && !namesOperator(first, readings))
    return isOnlyFacilityNouns(first, readings) ? `${second} ${first}` : first;
  return raw;
}

/** The words of the facility nouns (MEDICAL, CENTER, HOSPITAL…) and the article. */
const FACILITY_NOUN_WORDS = new Set(['THE', ...[...FACILITY_NOUNS].flatMap((noun) => noun.split(' '))]);

/** Whether a part of a name is facility nouns only (`MEDICAL CENTER`, `THE HOSPITAL`): no name of its own. */
function isOnlyFacilityNouns(part: string, readings: Readings): boolean {
  return readings.nounsOf(part).every((word) => FACILITY_NOUN_WORDS.has(word));
}

/** English registry forms (englishFacilityNames.ts): a bracketed building of the site, a street line after its name. */
function withEnglishRegistryConventions(raw: string, readings: Readings): string {
  return withoutStreetLine(withoutBuildingBracket(raw), (part) => namesFacility(part, readings));
}

/** The `facilityName` normaliser read with the given tables (see the file's comment); empty when nothing is left. */
function facilityNameWith(raw: string, readings: Readings): string {
  const headless = withoutNounFirstLinkers(raw.trim(), (word) => namesFacility(word, readings));
  const trimmed = withoutOfAfterFacilityNoun(withSouthernAfricanConventions(withOtherLanguageConventions(headless)));
  const ownName = /[\u4E00-\u9FFF]/u.test(trimmed) ? trimmed.replace(HAN_JURIDICAL_PERSON, '') || trimmed : trimmed;
  const named = siteOfOperatorName(
    withoutOrgUnitPrefix(
      withEnglishRegistryConventions(operatingName(withoutWritingConventions(withRegisterConventions(ownName))), readings),
    ),
    readings,
  );
  const site = affiliationSegment(named, readings);
  // Greek and Cyrillic as registers romanise them (ELOT 743: ΕΥ = EV, ΓΓ = NG; ICAO; Serbian Cyrillic in Serbian
  // Latin), before any-ascii reads the other scripts.
  const latin = romanizeCyrillicAndGreek(inSerbianLatin(site));
  // Indian registries' Brahmic scripts in one Hunterian reading, their generic words in English (brahmicReadings.ts).
  const romanised = romanisedName(brahmicReading(latin));
  const normalized = withRegnalNumbers(normalizeOrgName(romanised).replace(GLUED_UMC, ' UMC'));
  // Only romaji written as such is read as Kunrei-shiki: kanji come out of any-ascii in pinyin, whose syllables
  // (`TIAN`, `SI`) would be misread.
  return normalized === '' || romanised !== latin ? normalized : inHepburn(normalized, readings);
}

/** The `facilityName` normaliser with the shipped tables; empty when nothing is left. */
export function normalizeFacilityName(raw: string): string {
  return facilityNameWith(raw, shipped());
}

/**
 * The `facilityName` normaliser reading the tables a rule set was compiled with (published versions edited through
 * the alias API, else the shipped files): an analyst who adds a language's hospital word to `facilityTranslations`
 * or a syllable to `japaneseRomanisation` changes what this normaliser reads, not only the chain after it.
 */
export function facilityNameNormalizer(tableNamed: (name: string) => AliasTable | undefined): (raw: string) => string {
  const readings = readingsOf(tableNamed);
  return (raw) => facilityNameWith(raw, readings);
}
