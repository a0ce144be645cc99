/**
 * Postal addresses for comparison: line 1 split into house number and street with the usual
 * abbreviations folded (STREET → ST), 5-digit postal codes (lost leading zeros restored by
 * normalizePostalCode), upper-case city and state.
 */
import anyAscii from 'any-ascii';
import { brahmicReading, hasBrahmicLetter } from './brahmicReadings';
import { hasSyllabics, inuktitutReading } from './transliteration';
import { romanizeCyrillicAndGreek } from '../identifiers/names';
import { normalizeWith } from './normalizers';
import { jaroWinkler } from './similarity';
import type { PreparedAddress } from './types';
import { postalCodeSimilarity, readPostalCode } from './postalCodes';
import { present } from '../invariant';

const STREET_ABBREVIATIONS: Record<string, string> = {
  STREET: 'ST',
  AVENUE: 'AVE',
  AV: 'AVE',
  ROAD: 'RD',
  DRIVE: 'DR',
  BOULEVARD: 'BLVD',
  LANE: 'LN',
  COURT: 'CT',
  PLACE: 'PL',
  PARKWAY: 'PKWY',
  HIGHWAY: 'HWY',
  SUITE: 'STE',
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  CIRCLE: 'CIR',
  TERRACE: 'TER',
  SQUARE: 'SQ',
  FLOOR: 'FL',
  BUILDING: 'BLDG',
  POST: 'PO',
  OFFICE: '',
  P: '',
  O: '',
  // More USPS Publication 28 street suffixes and directionals (Appendix C1, C2).
  EXPRESSWAY: 'EXPY',
  FREEWAY: 'FWY',
  TRAIL: 'TRL',
  PLAZA: 'PLZ',
  CENTER: 'CTR',
  CENTRE: 'CTR',
  TURNPIKE: 'TPKE',
  ROUTE: 'RTE',
  HEIGHTS: 'HTS',
  CROSSING: 'XING',
  JUNCTION: 'JCT',
  CAUSEWAY: 'CSWY',
  NORTHEAST: 'NE',
  NORTHWEST: 'NW',
  SOUTHEAST: 'SE',
  SOUTHWEST: 'SW',
  ROOM: 'RM',
  APARTMENT: 'APT',
  // Spelled-out ordinals of numbered streets (`EIGHTH AVENUE` = `8TH AVE`).
  FIRST: '1ST',
  SECOND: '2ND',
  THIRD: '3RD',
  FOURTH: '4TH',
  FIFTH: '5TH',
  SIXTH: '6TH',
  SEVENTH: '7TH',
  EIGHTH: '8TH',
  NINTH: '9TH',
  TENTH: '10TH',
  ELEVENTH: '11TH',
  TWELFTH: '12TH',
};

// A house number written as a word (`One Medical Center Drive`, `Three Lakes Drive`).
const HOUSE_NUMBER_WORDS: Record<string, string> = {
  ONE: '1',
  TWO: '2',
  THREE: '3',
  FOUR: '4',
  FIVE: '5',
  SIX: '6',
  SEVEN: '7',
  EIGHT: '8',
  NINE: '9',
  TEN: '10',
};

// USPS secondary unit designators that take a number (after abbreviation): the unit is part of line 2, not of
// the street, so `81 HARTWELL AVE STE 300` and `81 Hartwell Avenue` name one street. Dropped with the word after
// them, only after a street word (`DEPT CH 10164`, a lockbox, keeps its words).
const UNIT_DESIGNATORS = new Set(['STE', 'APT', 'FL', 'RM', 'UNIT', 'BLDG']);

// Directionals written with dots (`N.E.` → `N E`) are one directional.
const COMPASS_PAIRS = new Set(['N E', 'N W', 'S E', 'S W']);

const STATE_CODES: Record<string, string> = {
  ALABAMA: 'AL',
  ALASKA: 'AK',
  ARIZONA: 'AZ',
  ARKANSAS: 'AR',
  CALIFORNIA: 'CA',
  COLORADO: 'CO',
  CONNECTICUT: 'CT',
  DELAWARE: 'DE',
  'DISTRICT OF COLUMBIA': 'DC',
  FLORIDA: 'FL',
  GEORGIA: 'GA',
  HAWAII: 'HI',
  IDAHO: 'ID',
  ILLINOIS: 'IL',
  INDIANA: 'IN',
  IOWA: 'IA',
  KANSAS: 'KS',
  KENTUCKY: 'KY',
  LOUISIANA: 'LA',
  MAINE: 'ME',
  MARYLAND: 'MD',
  MASSACHUSETTS: 'MA',
  MICHIGAN: 'MI',
  MINNESOTA: 'MN',
  MISSISSIPPI: 'MS',
  MISSOURI: 'MO',
  MONTANA: 'MT',
  NEBRASKA: 'NE',
  NEVADA: 'NV',
  'NEW HAMPSHIRE': 'NH',
  'NEW JERSEY': 'NJ',
  'NEW MEXICO': 'NM',
  'NEW YORK': 'NY',
  'NORTH CAROLINA': 'NC',
  'NORTH DAKOTA': 'ND',
  OHIO: 'OH',
  OKLAHOMA: 'OK',
  OREGON: 'OR',
  PENNSYLVANIA: 'PA',
  'PUERTO RICO': 'PR',
  'RHODE ISLAND': 'RI',
  'SOUTH CAROLINA': 'SC',
  'SOUTH DAKOTA': 'SD',
  TENNESSEE: 'TN',
  TEXAS: 'TX',
  UTAH: 'UT',
  VERMONT: 'VT',
  VIRGINIA: 'VA',
  WASHINGTON: 'WA',
  'WEST VIRGINIA': 'WV',
  WISCONSIN: 'WI',
  WYOMING: 'WY',
  // Canada Post province and territory codes, and the Australian states and territories (registries and trial sites
  // write the name, hospital lists the code: `Vancouver, British Columbia` / `Vancouver, BC`).
  ALBERTA: 'AB',
  'BRITISH COLUMBIA': 'BC',
  MANITOBA: 'MB',
  'NEW BRUNSWICK': 'NB',
  'NEWFOUNDLAND AND LABRADOR': 'NL',
  'NOVA SCOTIA': 'NS',
  'NORTHWEST TERRITORIES': 'NT',
  NUNAVUT: 'NU',
  ONTARIO: 'ON',
  'PRINCE EDWARD ISLAND': 'PE',
  QUEBEC: 'QC',
  SASKATCHEWAN: 'SK',
  YUKON: 'YT',
  'NEW SOUTH WALES': 'NSW',
  VICTORIA: 'VIC',
  QUEENSLAND: 'QLD',
  'SOUTH AUSTRALIA': 'SA',
  'WESTERN AUSTRALIA': 'WA',
  TASMANIA: 'TAS',
  'AUSTRALIAN CAPITAL TERRITORY': 'ACT',
  'NORTHERN TERRITORY': 'NT',
};

/** Whether `value` (normalised: upper case, no punctuation) is a US state's, Canadian province's or Australian state's name or code. */
export function isStateOrProvince(value: string): boolean {
  return Object.hasOwn(STATE_CODES, value) || STATE_CODE_SET.has(value);
}

const STATE_CODE_SET: ReadonlySet<string> = new Set(Object.values(STATE_CODES));

/** Line-1 words in USPS standard form: suffixes and directionals abbreviated, a spelled house number as digits, unit designators dropped. */
function standardLine1Tokens(words: readonly string[]): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = present(words[i], 'line 1 word');
    const next = words[i + 1];
    if (next !== undefined && COMPASS_PAIRS.has(`${word} ${next}`)) {
      tokens.push(`${word}${next}`);
      i++;
      continue;
    }
    const standard = i === 0 && HOUSE_NUMBER_WORDS[word] ? HOUSE_NUMBER_WORDS[word] : (STREET_ABBREVIATIONS[word] ?? word);
    if (standard === '') continue;
    if (UNIT_DESIGNATORS.has(standard) && tokens.some((t) => !/^\d/.test(t))) {
      i++;
      continue;
    }
    tokens.push(standard);
  }
  return tokens;
}

/** The word for a kind of first-level or district division after a region's name (national facility lists write it, maps do not). */
const REGION_KIND = / (?:DISTRICT|REGION|PROVINCE|PREFECTURE|GOVERNORATE|OBLAST)$/;

const HANGUL = /[\uac00-\ud7a3]/;
/** The kind of division Korean writes after a city's or province's name (서울특별시, 부산광역시, 성남시, 경기도, 양평군). */
const KOREAN_DIVISION_KIND = /(?:특별자치시|특별자치도|특별시|광역시|시|도|군)$/;

/**
 * A city or province written in Hangul as its Revised Romanisation (the romanisation of Korea's road signs and of English
 * lists: `서울특별시` = `Seoul`, `성남시` = `Seongnam`), without the kind of division Korean writes after it. any-ascii
 * writes Hangul syllable by syllable in Revised Romanisation, so unlike kanji (see prepareAddress) it meets the Latin name.
 */
function romanisedKoreanPlace(value: string): string {
  return HANGUL.test(value) ? anyAscii(value.trim().replace(KOREAN_DIVISION_KIND, '')) : value;
}

/** A place in Inuktitut syllabics in the Latin spelling Nunavut's lists write (`ᐃᖃᓗᐃᑦ` = Iqaluit; transliteration.ts). */
function romanisedSyllabicPlace(value: string): string {
  return hasSyllabics(value) ? inuktitutReading(value) : value;
}

/**
 * A city written in a Brahmic script of an Indian register (`തിരുവനന്തപുരം`, `హైదరాబాద్`) in the Hunterian reading
 * India's official English lists spell places in (inherent vowels written: `tiruvanantapuram`, `haidarabad`;
 * brahmicReadings.ts): near the Latin name, where plain `text` would drop every letter of it.
 */
function romanisedIndianPlace(value: string): string {
  return brahmicReading(value, { genericWords: false });
}

/** Normalises one address object; null when it has neither street, city nor postal code. */
export function prepareAddress(value: Record<string, unknown>): PreparedAddress | null {
  // Greek and Cyrillic addresses are romanised as names are (ELOT 743, ICAO: `Αθήνα` = `ATHINA`, `Київ` = `KIIV`); plain
  // `text` would drop every letter of them. Other scripts are not: any-ascii reads Japanese kanji in pinyin (`東京` =
  // `DONGJING`) and Arabic without vowels, which never equal the place's usual Latin name and would turn an unknown
  // city into a different one.
  const text = (key: string): string =>
    typeof value[key] === 'string' ? (normalizeWith('text', romanizeCyrillicAndGreek(value[key] as string)) ?? '') : '';
  const place = (key: string): string =>
    typeof value[key] === 'string'
      ? (normalizeWith('text', romanisedSyllabicPlace(romanisedKoreanPlace(romanizeCyrillicAndGreek(value[key] as string)))) ?? '')
      : '';
  // A city in an Indian script is read; its state is not (`കേരളം` is Keralam, never equal to Kerala): unread, it is not compared.
  const city =
    typeof value.city === 'string' && hasBrahmicLetter(value.city)
      ? (normalizeWith('text', romanisedIndianPlace(value.city)) ?? '')
      : place('city');
  const tokens = standardLine1Tokens(
    text('line1')
      .split(' ')
      .filter((t) => t !== ''),
  );
  // "PO BOX 1234": the box number plays the role of the house number.
  const numberIndex = tokens.findIndex((t) => /^\d/.test(t));
  const number = numberIndex >= 0 ? present(tokens[numberIndex], 'house number token') : '';
  const street = tokens.filter((_, i) => i !== numberIndex).join(' ');
  // Read by the record's country's format (postalCodes.ts): a UK, Canadian, Irish or Dutch postcode keeps its district.
  const postal =
    typeof value.postalCode === 'string'
      ? readPostalCode(value.postalCode, typeof value.country === 'string' ? value.country : undefined)
      : null;
  // A region written with its kind of division (`Bo District`, `Greater Accra Region`, `Western Province`) is the region.
  const state = place('state').replace(REGION_KIND, '');
  const prepared: PreparedAddress = { number, street, city, state: STATE_CODES[state] ?? state, postalCode: postal?.code ?? '' };
  if (postal?.district !== undefined) prepared.postalDistrict = postal.district;
  return prepared.street || prepared.city || prepared.postalCode ? prepared : null;
}

/**
 * Two streets' similarity: Jaro-Winkler, or of their words in one order when that is higher — French, Spanish, Italian
 * and Portuguese addresses put the street type first (`135, avenue MacBeath`, `calle Mayor 5`) where maps and English
 * lists put it last (`135 MacBeath Ave`) — or, when a street holds a Canadian French street type, of their words in one
 * order with that type in English (`chemin Hospital` / `Hospital Rd`).
 */
function streetSimilarity(a: string, b: string): number {
  const direct = jaroWinkler(a, b);
  if (direct >= 0.95 || !a.includes(' ') || !b.includes(' ')) return direct;
  const wordsA = a.split(' ');
  const wordsB = b.split(' ');
  const sorted = (words: readonly string[]): string => [...words].sort().join(' ');
  const inOneOrder = Math.max(direct, jaroWinkler(sorted(wordsA), sorted(wordsB)));
  const isFrench = (words: readonly string[]): boolean => words.some((word) => CANADIAN_FRENCH_STREET_TYPES[word] !== undefined);
  if (!isFrench(wordsA) && !isFrench(wordsB)) return inOneOrder;
  const inEnglish = (words: readonly string[]): string => sorted(words.map((word) => CANADIAN_FRENCH_STREET_TYPES[word] ?? word));
  return Math.max(inOneOrder, jaroWinkler(inEnglish(wordsA), inEnglish(wordsB)));
}

/**
 * Canada's French street types and their English equivalents in Canada Post's bilingual street-type list (Canadian
 * Addressing Guide): `5 chemin Hospital` is `5 Hospital Rd`, `rue Sherbrooke` Sherbrooke St, `promenade` Drive,
 * `croissant` Crescent. Read only as a further reading of two streets (streetSimilarity), so a French street against its
 * French abbreviation (`rue Leblanc` / `R Leblanc`, La Poste) keeps the similarity it had.
 */
const CANADIAN_FRENCH_STREET_TYPES: Readonly<Record<string, string>> = { CHEMIN: 'RD', RUE: 'ST', PROMENADE: 'DR', CROISSANT: 'CRES' };

/** Street designators (USPS standard form and the British / Australian ones) after which a street line may name its suburb. */
const STREET_DESIGNATORS: ReadonlySet<string> = new Set([
  'ST',
  'AVE',
  'RD',
  'DR',
  'BLVD',
  'LN',
  'CT',
  'PL',
  'PKWY',
  'HWY',
  'CIR',
  'WAY',
  'CRES',
  'CRESCENT',
  'TCE',
  'TERRACE',
  'CLOSE',
  'SQ',
  'SQUARE',
]);

/**
 * Whether `city` is written in `street` after the street line's last designator (`GUILD RD PARKTOWN W` names Parktown):
 * South African, Australian, New Zealand, British and Indian addresses write the suburb in the street line and the city
 * (the metro) as the city, where billing registers and insurers' lists give the suburb as the town. A place before the
 * designator is the street's name (`LONDON RD`, `OXFORD RD`), not the locality, and is not read.
 */
export function namesLocalityAfterStreet(street: string, city: string): boolean {
  if (street === '' || city === '' || !street.includes(city)) return false;
  const words = street.split(' ');
  let last = -1;
  for (let i = words.length - 1; i >= 0 && last < 0; i--) if (STREET_DESIGNATORS.has(words[i] as string)) last = i;
  return last >= 0 && ` ${words.slice(last + 1).join(' ')} `.includes(` ${city} `);
}

/** How cities compare: param `localityInStreet` also agrees a city with the suburb the other address's street line names. */
function citySimilarity(a: PreparedAddress, b: PreparedAddress, isLocalityInStreet: boolean): number {
  if (a.city === b.city) return 1;
  if (isLocalityInStreet && (namesLocalityAfterStreet(a.street, b.city) || namesLocalityAfterStreet(b.street, a.city))) return 1;
  return jaroWinkler(a.city, b.city);
}

/** How two addresses are compared (address comparator params). */
export interface AddressComparison {
  /** `localityInStreet`: a city the other address names as the suburb of its street line agrees (namesLocalityAfterStreet). */
  isLocalityInStreet?: boolean;
  /** `otherTownApart`: two towns with no street line or postal code to compare are two places, whatever their state. */
  isOtherTownApart?: boolean;
}

/**
 * Two town names alike below this are two towns (Detroit / Rochester Hills, Lalomanu / Leulumoega), not one written
 * twice: spellings and forms of one town (Saint John's / St Johns, Udin / Udine, Rochester / Rochester Hills) stay above.
 */
const TOWNS_APART = 0.85;

/** The abbreviations town names are written with (St. Johns / Saint Johns, Ft Worth / Fort Worth, Mt Vernon / Mount Vernon). */
const TOWN_WORD_ABBREVIATIONS: Readonly<Record<string, string>> = { ST: 'SAINT', STE: 'SAINTE', FT: 'FORT', MT: 'MOUNT', PT: 'PORT' };

/** Whether two town names are one with its leading word abbreviated on one side (`ST JOHNS` / `SAINT JOHNS`). */
function isOneTownAbbreviated(a: string, b: string): boolean {
  const spelledOut = (town: string) => town.replace(/^\S+/u, (word) => TOWN_WORD_ABBREVIATIONS[word] ?? word);
  return spelledOut(a) === spelledOut(b);
}

/**
 * Whether an address's street line is its town alone (`Lalomanu`, city Lalomanu): villages without street names (Samoa,
 * Tonga, rural Africa and Asia) are addressed by the village, which is the town, not a street to compare.
 */
function namesOnlyItsTown(address: PreparedAddress): boolean {
  return !address.number && address.street === address.city;
}

/**
 * A town written as its alternatives joined by a slash (`Derry/Londonderry`, `Biel/Bienne`, `Bolzano/Bozen`: the
 * bilingual and contested towns whose lists give both names) is each of them; any other town is itself.
 */
export function townAlternatives(city: string): string[] {
  if (!city.includes('/')) return [city];
  const parts = city
    .split('/')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 1 ? parts : [city];
}

/** The site part of `<organisation> - <site>` / `<trust>: <site>` (the last part after a spaced dash or a colon). */
const SITE_AFTER_ORGANISATION = /(?:\s[-–—]\s|:\s)(?!.*(?:\s[-–—]\s|:\s))(.+)$/u;

/**
 * The places a record names besides its own town (`placesNamed`, address param `townNamedIn`): its name after the name's
 * first word — a system brand leads a name (`Houston Methodist …`, `Cleveland Clinic …`) and names the system's home
 * town, not the site's — or, in `<organisation> - <site>` and `<trust>: <site>`, the site part only (`McLeod Loris
 * Seacoast Hospital - Seacoast Campus` names no Loris campus), with the record's own town blanked (`… - North Little
 * Rock` names no Little Rock), and the last
 * comma segment of its street line when it holds no digit (`5, Jalan Lagoon Selatan, Bandar Sunway`: the locality).
 * Space-padded upper-case words, '' when there are none.
 */
export function placesNamedBy(args: { names: readonly string[]; line1: string; city: string }): string {
  const words = (text: string): string => normalizeWith('text', romanizeCyrillicAndGreek(text)) ?? '';
  const ownTown = ` ${args.city} `;
  const named: string[] = [];
  for (const name of args.names) {
    const site = SITE_AFTER_ORGANISATION.exec(name)?.[1];
    const rest = site === undefined ? words(name).split(' ').slice(1).join(' ') : words(site);
    const parts = args.city === '' ? [rest] : ` ${rest} `.split(ownTown);
    for (const part of parts) if (part.trim() !== '') named.push(part.trim());
  }
  const segments = args.line1.split(',');
  const locality = segments.length > 1 ? (segments[segments.length - 1] as string) : '';
  if (locality !== '' && !/\d/u.test(locality) && words(locality) !== '') named.push(words(locality));
  return named.length === 0 ? '' : ` ${named.join(' | ')} `;
}

/**
 * Whether one record names the other's town besides its own (placesNamedBy): `St. Elizabeth's Medical Center of Boston`
 * (city Brighton) names Boston, `Royal Brisbane and Women's Hospital` (suburb Herston) Brisbane, a Malaysian street line
 * ending `, Bandar Sunway` the township the other list gives as the town. The suburb and its postal town, the township
 * and its municipality are written so in real lists.
 */
function namesTheOtherTown(a: PreparedAddress, b: PreparedAddress): boolean {
  const isNamed = (places: string | undefined, town: string): boolean =>
    places !== undefined && town !== '' && places.includes(` ${town} `);
  return isNamed(a.placesNamed, b.city) || isNamed(b.placesNamed, a.city);
}

/**
 * Address similarity: line1 (number + street) 0.5, postal code 0.25, city 0.15, state 0.1, over the parts present on both
 * sides. With `isOtherTownApart`, addresses that compare only their towns (and states) and name two towns score 0: a
 * state agreeing does not make two towns of it alike (Detroit MI / Rochester Hills MI scored 0.73, a similar address);
 * street lines that are each their own town only (namesOnlyItsTown) are compared as the towns they are. Two towns one
 * record names the other of besides its own (namesTheOtherTown: a suburb and its postal town) are compared by their
 * similarity as before, not set apart.
 */
export function addressSimilarity(a: PreparedAddress, b: PreparedAddress, options: AddressComparison = {}): number {
  let total = 0;
  let weight = 0;
  if (a.street && b.street && !(options.isOtherTownApart && namesOnlyItsTown(a) && namesOnlyItsTown(b))) {
    const numbersAgree = !a.number || !b.number || a.number === b.number;
    total += 0.5 * (numbersAgree ? streetSimilarity(a.street, b.street) : 0);
    weight += 0.5;
  }
  if (a.postalCode && b.postalCode) {
    total += 0.25 * postalCodeSimilarity(a, b);
    weight += 0.25;
  }
  if (a.city && b.city) {
    const city = citySimilarity(a, b, options.isLocalityInStreet === true);
    if (options.isOtherTownApart && weight === 0 && city < TOWNS_APART && !isOneTownAbbreviated(a.city, b.city) && !namesTheOtherTown(a, b))
      return 0;
    total += 0.15 * city;
    weight += 0.15;
  }
  if (a.state && b.state) {
    total += 0.1 * (a.state === b.state ? 1 : 0);
    weight += 0.1;
  }
  return weight === 0 ? 0 : total / weight;
}

/** One-line form for explanations. */
export function formatAddress(a: PreparedAddress): string {
  return [`${a.number} ${a.street}`.trim(), a.city, a.state, a.postalCode].filter((p) => p !== '').join(', ');
}
