/**
 * Names cut by a fixed-width field (fuzzy param `truncated`): AP vendor books, 1099 files and older ERPs keep 30, 35
 * or 40 characters, so `IRON MOUNTAIN INFORMATION MANAGEMENT LLC` arrives as `IRON MOUNTAIN INFORMATION MANA`. A value
 * whose words are the other's first words with the last one cut inside a word (`MANA` / `MANAGEMENT`) was truncated.
 *
 * A cut between words is not read as truncation (`OWENS AND MINOR` vs `OWENS AND MINOR DISTRIBUTION` is a parent and
 * its subsidiary) unless the short value ends in a connector no name ends in (`AND`, `OF`, `DE`). And the missing tail
 * may have named another entity, so a truncated pair scores TRUNCATED_SCORE — a near-identical name (a cluster edge,
 * a review), never the same name. The same score goes to a value that is the other plus an AP copy counter, plus a
 * place or a street after its legal form, or with a registered place before it (a Chinese register name).
 *
 * The legal forms are not listed here: they are the variants of the comparator's `removeTrailing` alias tables (the
 * legal-suffix table, `legalFormsOf`), so an analyst's edit of the table reaches these readings too.
 */

import { normalizeText } from '../identifiers/names';
import { present } from '../invariant';
import { shippedAliasTables, type AliasTable } from './aliases';

/** Score of a pair equal only up to a cut inside the shorter value's last word. */
export const TRUNCATED_SCORE = 0.97;
/** Shorter values are not field cuts (a 30-character field minus punctuation and a legal form is longer). */
const MIN_TRUNCATED_LENGTH = 20;

/** Words a name never ends in: a value ending in one was cut between words (`JIANGSU YUYUE MEDICAL EQUIPMENT AND`). */
const CONNECTORS = new Set(['AND', 'OF', 'FOR', 'THE', 'DE', 'DA', 'DO', 'DEL', 'DI', 'DU', 'ET', 'Y', 'E']);

/**
 * True when `value` is `other` plus the start of a legal form, cut, after a name of MIN_TRUNCATED_LENGTH
 * (`… USA I`, `… CORPORATI`, `… CO LT`, `… PTY L`).
 */
function endsInCutLegalForm(value: string, other: string, forms: LegalForms): boolean {
  if (other.length < MIN_TRUNCATED_LENGTH || !value.startsWith(`${other} `)) return false;
  const tail = value.slice(other.length + 1);
  return forms.all.some((form) => form !== tail && form.startsWith(tail));
}

/** True when `short` ends in a connector and `long` goes on after it with whole words (a cut between words). */
function endsInConnector(short: string, long: string): boolean {
  const space = short.lastIndexOf(' ');
  return space >= MIN_TRUNCATED_LENGTH && CONNECTORS.has(short.slice(space + 1)) && long.startsWith(`${short} `);
}

/**
 * True when `short` is `long` cut inside a word: the same first words, the last one a proper prefix of `long`'s —
 * or `short` is `long` plus the first letters of a cut legal form (`MEDTRONIC SOFAMOR DANEK USA I`), or `short`
 * ends in a connector after which `long` goes on (`… EQUIPMENT AND` / `… EQUIPMENT AND SUPPLY`).
 */
export function isTruncationOf(short: string, long: string, forms: LegalForms = shippedLegalForms()): boolean {
  if (endsInCutLegalForm(short, long, forms) || endsInCutLegalForm(long, short, forms) || endsInConnector(short, long)) return true;
  if (short.length < MIN_TRUNCATED_LENGTH || short.length >= long.length || !long.startsWith(short)) return false;
  // The cut falls inside a word of `long`: the next character continues the word.
  const next = long[short.length];
  return next !== undefined && next !== ' ' && short.at(-1) !== ' ';
}

/**
 * Words after which a final number is part of the name, not a copy counter (`CINTAS CORPORATION NO 2`, `UNIT 4`,
 * `STORE 0457`, `ROUTE 66`): an address or branch designator.
 */
const NUMBERED_WORDS = new Set([
  'NO',
  'NR',
  'NUM',
  'NUMBER',
  'UNIT',
  'STORE',
  'SUITE',
  'STE',
  'ROOM',
  'BLDG',
  'BUILDING',
  'PLANT',
  'STATION',
  'ROUTE',
  'DEPT',
  'LOCATION',
  'LOC',
  'BRANCH',
  'DISTRICT',
  'REGION',
  'PHASE',
  'LEVEL',
  'FLOOR',
]);

/** A payment-field cut that may have hidden a word naming another entity: a similar name, for review (no cluster edge). */
export const WEAK_FIELD_CUT_SCORE = 0.9;
/** Letters a name must keep before a cut legal form to be read as whole (`STRYKER` of `STRYKER CORPORAT`). */
const MIN_NAME_BEFORE_CUT_FORM = 4;

/**
 * How well a value cut by a payment file's fixed field (nameReadings.ts `isFieldWidthCut`: NACHA's 16-character company
 * name, 22-character individual name) reads as `other` (both normalised), or null when it is no cut of it:
 * - TRUNCATED_SCORE when the cut lost only a legal form (`STRYKER CORPORAT` / `STRYKER`, `ACME MEDICAL I` / `ACME
 *   MEDICAL`) or the end of the other's last word, of which at least three letters are kept (`ACME INDUSTRI` /
 *   `ACME INDUSTRIES`): near-identical, a cluster edge;
 * - WEAK_FIELD_CUT_SCORE when the cut ends between words (the field was full: `ACME HEALTH` / `ACME HEALTH CARE US`),
 *   inside a word the other goes on after (`ACME SURGIC` / `ACME SURGICAL OPERATIONS`), inside a number (`ACME 4` /
 *   `ACME 414`) or after one or two letters of a word: the lost words may name another entity of the group, so a
 *   steward decides.
 */
export function fieldCutScore(cut: string, other: string, forms: LegalForms): number | null {
  const score = fieldCutScoreAsWritten(cut, other, forms);
  // A payee field drops connectors and ampersands (`MARSH MCLENNAN` for Marsh & McLennan): read both without them too.
  if (score !== null || !/(?:^| )(?:AND|OF|THE)(?: |$)/.test(`${cut} ${other}`)) return score;
  const bareCut = withoutConnectors(cut.trimEnd());
  return bareCut === '' ? null : fieldCutScoreAsWritten(cut.endsWith(' ') ? `${bareCut} ` : bareCut, withoutConnectors(other), forms);
}

function fieldCutScoreAsWritten(cut: string, other: string, forms: LegalForms): number | null {
  // A cut on a word's end (nameReadings.ts fieldWidthCutOf `atWordEnd`) ends in its space.
  const whole = cut.trimEnd();
  if (whole === other) return null;
  if (whole.startsWith(`${other} `)) {
    const tail = whole.slice(other.length + 1);
    // Cut on a word's end, the tail is the form's first whole words (`L L` of `L L C`), not part of a word.
    const start = cut.endsWith(' ') ? `${tail} ` : tail;
    const isCutForm = forms.all.some((form) => form !== tail && form.startsWith(start));
    return isCutForm && other.replaceAll(' ', '').length >= MIN_NAME_BEFORE_CUT_FORM ? TRUNCATED_SCORE : null;
  }
  if (other.length <= cut.length || !other.startsWith(cut)) return null;
  if (other[cut.length] === ' ' || cut.endsWith(' ')) return WEAK_FIELD_CUT_SCORE;
  const fragment = cut.slice(cut.lastIndexOf(' ') + 1);
  const isInLastWord = !other.includes(' ', cut.length);
  return isInLastWord && fragment.length >= 3 && !/[0-9]/.test(fragment) ? TRUNCATED_SCORE : WEAK_FIELD_CUT_SCORE;
}

/**
 * True when `long` is `short` plus an accounts-payable copy counter: a final number of one or two digits after a
 * word of at least three letters that is no numbered designator (`PATTERSON DENTAL SUPPLY 2`, `MEDLINE INDUSTRIES
 * 02`). A longer number (`CARDINAL HEALTH 200`) or one after `NO`, `UNIT`, `STORE` is part of the name.
 */
export function isCopyCounterOf(long: string, short: string): boolean {
  if (!long.startsWith(`${short} `)) return false;
  const counter = long.slice(short.length + 1);
  if (!/^[0-9]{1,2}$/.test(counter)) return false;
  const lastWord = short.slice(short.lastIndexOf(' ') + 1);
  return /^[A-Z]{3,}$/.test(lastWord) && !NUMBERED_WORDS.has(lastWord);
}

/** Places are written in letters; a place word is neither a legal form nor a connector (`SA DE CV` is one form). */
function isPlaceWord(word: string, forms: LegalForms): boolean {
  return /^[A-Z]{2,}$/.test(word) && !forms.beforePlace.has(word) && !CONNECTORS.has(word) && !NOT_BEFORE_PLACE.has(word);
}

/** Most words read as a place after the form: a city of two words, a city and a country code, a bank and its city. */
const MAX_PLACE_WORDS = 2;

/**
 * True when `long` is `short`, a legal form (or several) and one or two place words (`ROCHE DIAGNOSTICS GMBH MANNHEIM`,
 * `SCHILLER AG BAAR`, `ACME INC USA` from `ACME INC - USA`; bank-statement and SWIFT payee lines: `X SDN BHD MAYBANK
 * KL`, `X SA CLUJ NAPOCA`, `X W L L DOHA`, `X A S LYNGE` — the form may be several words): a city, a country or the
 * paying bank written after the form is not part of the name. A different country still tells companies apart
 * through the country comparator.
 */
export function isPlaceAfterFormOf(long: string, short: string, forms: LegalForms = shippedLegalForms()): boolean {
  return long.startsWith(`${short} `) && isAfterForms(long.slice(short.length + 1), forms, (words) => isPlace(words, forms));
}

/**
 * True when `tail` is one legal form, or several in a row (`CORPORATION LTD KIKUYU`: the form the other value lost,
 * written twice), and then words `isRest` accepts; none is read after `CO` / `COMPANY` alone.
 */
function isAfterForms(tail: string, forms: LegalForms, isRest: (words: readonly string[]) => boolean): boolean {
  let rest = tail;
  for (let consumed = 0; consumed < 3; consumed++) {
    const form = formAtStart(rest, forms);
    if (form === undefined) return false;
    rest = rest.slice(form.length + 1);
    if (!NOT_BEFORE_PLACE.has(form) && isRest(rest.split(' '))) return true;
  }
  return false;
}

/** The longest legal form `text` starts with, followed by at least one more word. */
function formAtStart(text: string, forms: LegalForms): string | undefined {
  const longer = forms.longerBeforePlace.find((form) => text.startsWith(`${form} `));
  if (longer !== undefined) return longer;
  const first = text.slice(0, text.indexOf(' '));
  return text.includes(' ') && (forms.beforePlace.has(first) || NOT_BEFORE_PLACE.has(first)) ? first : undefined;
}

function isPlace(words: readonly string[], forms: LegalForms): boolean {
  return words.length >= 1 && words.length <= MAX_PLACE_WORDS && words.every((word) => isPlaceWord(word, forms));
}

/**
 * True when `long` is `short`, a legal form and a street address (`PETERS SURGICAL SAS 42 RUE BENOIT FRACHON`): SWIFT
 * and SEPA beneficiary lines of 35 characters run the name, its form and the street together. The address starts with
 * a house number (one to five digits, optionally with a letter) and goes on with at least one word of letters.
 */
export function isAddressAfterFormOf(long: string, short: string, forms: LegalForms = shippedLegalForms()): boolean {
  if (!long.startsWith(`${short} `)) return false;
  const [form, number, ...street] = long.slice(short.length + 1).split(' ');
  return (
    form !== undefined &&
    forms.beforePlace.has(form) &&
    number !== undefined &&
    /^[0-9]{1,5}[A-Z]?$/.test(number) &&
    street.length >= 1 &&
    street.some((word) => /^[A-Z]{2,}$/.test(word))
  );
}

/**
 * Words a payee or card-descriptor field drops from a name (`FISHER PAYKEL HEALTHCARE` for Fisher & Paykel Healthcare,
 * `BRIGHTSTAR CARE EVANSTON` for BrightStar Care of Evanston): connectors, not names.
 */
const DROPPED_CONNECTORS = new Set(['AND', 'OF', 'THE']);

function withoutConnectors(value: string): string {
  return value
    .split(' ')
    .filter((word) => !DROPPED_CONNECTORS.has(word))
    .join(' ');
}

/** True when two different values are the same words once connectors (`AND`, `OF`, `THE`) are left out of both. */
export function isSameWithoutConnectors(x: string, y: string): boolean {
  if (x === y) return false;
  const bare = withoutConnectors(x);
  return bare !== '' && bare === withoutConnectors(y);
}

/** Whether the longer value is the shorter cut, or the shorter plus a copy counter, or a place or address after its legal form. */
function isNearlyOf(short: string, long: string, forms: LegalForms, address: AddressWords = NO_ADDRESS_WORDS): boolean {
  return (
    isTruncationOf(short, long, forms) ||
    isCopyCounterOf(long, short) ||
    isPlaceAfterFormOf(long, short, forms) ||
    isAddressAfterFormOf(long, short, forms) ||
    (address.words.size > 0 && isAddressTailOf(long, short, { forms, address })) ||
    (address.regionCodes.size > 0 && isCityRegionAfterFormOf(long, short, { forms, address }))
  );
}

/** The most words of a city before its state code (`MURRAY HILL NJ`, `SAN DIEGO CA`, `SALT LAKE CITY UT`). */
const MAX_CITY_WORDS = 3;

/**
 * True when `long` is `short`, its legal form(s), a city of one to three words and a state or province code, and
 * optionally the country (`C R BARD INC MURRAY HILL NJ`, `TANDEM DIABETES CARE INC SAN DIEGO CA US`): patent
 * assignees and FDA firm lists write `Name, Inc., City, ST (US)` in one field.
 */
export function isCityRegionAfterFormOf(long: string, short: string, readings: { forms: LegalForms; address: AddressWords }): boolean {
  if (!long.startsWith(`${short} `)) return false;
  const { forms, address } = readings;
  const isCityAndRegion = (words: readonly string[]): boolean => {
    const region = words.length - 1;
    if (region < 1 || region > MAX_CITY_WORDS || !address.regionCodes.has(words[region] ?? '')) return false;
    return words.slice(0, region).every((word) => isPlaceWord(word, forms));
  };
  return isAfterForms(long.slice(short.length + 1), forms, (words) => {
    if (isCityAndRegion(words)) return true;
    // `CA` is California and Canada: a last word that is a country is read as one only when the rest is a city and state.
    const last = words.at(-1) ?? '';
    return (address.regionCountries.has(last) || address.words.has(last)) && isCityAndRegion(words.slice(0, -1));
  });
}

/**
 * What an address is written with (fuzzy param `addressTailTables`): street, building, district and country words
 * (`STR`, `ROAD`, `CALLE`, `BLDG`, `KU`, `GU`, `INDUSTRIAL AREA`, `JAPAN`…) and the endings of street names written as
 * one word (`-STRASSE`, `-VEJ`, `-VEIEN`, `-GATAN`: a variant that starts with `-` is an ending); region codes
 * (`regionCodeTables`: `IL`, `OH`, `ON`, `NSW`) end a card descriptor's city.
 */
export interface AddressWords {
  /** Single address words. */
  words: ReadonlySet<string>;
  /** Address words of several words (`PO BOX`, `INDUSTRIAL AREA`), each padded with spaces. */
  phrases: readonly string[];
  /** Endings of one-word street names (`STRASSE`, `VEJ`). */
  endings: readonly string[];
  /** State, province and territory codes a card descriptor ends with. */
  regionCodes: ReadonlySet<string>;
  /** The countries of those codes (their entries' canonical values: `US`, `CA`, `AU`). */
  regionCountries: ReadonlySet<string>;
}

const NO_ADDRESS_WORDS: AddressWords = { words: new Set(), phrases: [], endings: [], regionCodes: new Set(), regionCountries: new Set() };

/** The address words and endings of `addressTables` and the region codes of `regionTables`, as `normalize` writes them. */
export function addressWordsOf(args: {
  addressTables: readonly AliasTable[];
  regionTables: readonly AliasTable[];
  normalize: (value: string) => string;
}): AddressWords {
  const words = new Set<string>();
  const phrases = new Set<string>();
  const endings = new Set<string>();
  const regionCodes = new Set<string>();
  const regionCountries = new Set<string>();
  for (const table of args.addressTables)
    for (const entry of table.entries)
      for (const variant of entry.variants) {
        const word = args.normalize(variant);
        if (word === '') continue;
        if (variant.trimStart().startsWith('-')) endings.add(word);
        else if (word.includes(' ')) phrases.add(` ${word} `);
        else words.add(word);
      }
  for (const table of args.regionTables)
    for (const entry of table.entries) {
      const country = entry.canonical === undefined ? '' : args.normalize(entry.canonical);
      if (country !== '' && !country.includes(' ')) regionCountries.add(country);
      for (const variant of entry.variants) {
        const code = args.normalize(variant);
        if (code !== '' && !code.includes(' ')) regionCodes.add(code);
      }
    }
  return { words, phrases: [...phrases], endings: [...endings], regionCodes, regionCountries };
}

/** A house number, a postal code, a floor or a unit (`1200`, `60E`, `7F`, `B1`, `0579`): a word with a digit that is not only a year-like name part. */
const ADDRESS_NUMBER = /^(?:[0-9]{1,6}[A-Z]{0,2}|[A-Z][0-9]{1,4}|[0-9]{1,3}(?:ST|ND|RD|TH))$/;
/** The most words a bill-of-lading or OCR line writes after the name (street, district, city, postal code, country). */
const MAX_ADDRESS_WORDS = 14;

/** True when `words` read as an address: a number, an address word or phrase, or a street name written as one word. */
export function isAddressTail(words: readonly string[], address: AddressWords): boolean {
  // One word is a copy counter or a place (read elsewhere); `NO 2` after the form names an entity (`CINTAS CORPORATION NO 2`).
  if (words.length < 2 || words.length > MAX_ADDRESS_WORDS) return false;
  if (words.length === 2 && NUMBERED_WORDS.has(words[0] ?? '')) return false;
  const padded = ` ${words.join(' ')} `;
  return (
    address.phrases.some((phrase) => padded.includes(phrase)) ||
    words.some((word) => ADDRESS_NUMBER.test(word) || isStreetWord(word, address))
  );
}

/**
 * True when `long` is `short` and the address a customs or OCR line runs into the name (`ARTHREX GMBH ERWIN HIELSCHER
 * STR 9 MUNICH`, `EIKEN CHEMICAL CO LTD TAITO KU TOKYO`, `MEDISTIM ASA OKERNVEIEN 94 0579 OSLO NORWAY`): after the legal
 * form(s), any run of words that holds a number, an address word or a one-word street name. Without a form, the address
 * must start with a house number followed by a street word within three words (`ACME MEDICAL SUPPLY 1200 N MAIN ST
 * SPRINGFIELD IL`), so a name holding a number (`ROUTE 66 MEDICAL`, `1 800 CONTACTS`, `CINTAS CORPORATION NO 2`) is not cut.
 */
export function isAddressTailOf(long: string, short: string, readings: { forms: LegalForms; address: AddressWords }): boolean {
  if (!long.startsWith(`${short} `)) return false;
  const { forms, address } = readings;
  const tail = long.slice(short.length + 1);
  return startsWithStreetNumber(tail.split(' '), address) || isAfterForms(tail, forms, (words) => isAddressTail(words, address));
}

/** A street word (`ST`, `CALLE`) or a street name written as one word (`HAUPTSTRASSE`, `INDUSTRIVEJ`). */
function isStreetWord(word: string, address: AddressWords): boolean {
  return address.words.has(word) || address.endings.some((ending) => word.length >= ending.length + 3 && word.endsWith(ending));
}

/** A house number and, within the next three words, a street word or a one-word street name (`1200 N MAIN ST`, `42 RUE X`). */
function startsWithStreetNumber(words: readonly string[], address: AddressWords): boolean {
  const [number, ...rest] = words;
  if (number === undefined || !/^[0-9]{1,5}[A-Z]?$/.test(number)) return false;
  return rest.slice(0, 3).some((word) => /^[A-Z]{2,}$/.test(word) && isStreetWord(word, address));
}

/** Digits of a North American phone number as a descriptor writes it (`800 800 4239`, `8008004239`, `1 800 …`). */
function phoneWordsAtEnd(words: readonly string[]): number {
  const n = words.length;
  const last = words[n - 1] ?? '';
  if (/^1?[0-9]{10}$/.test(last)) return 1;
  if (n >= 3 && /^[0-9]{4}$/.test(last) && /^[0-9]{3}$/.test(words[n - 2] ?? '') && /^[0-9]{3}$/.test(words[n - 3] ?? '')) return 3;
  return 0;
}

/**
 * The names a card descriptor's tail may hide (`SUNSET HEALTHCARE SOLUT CHICAGO IL`, `CDW DIRECT 800 800 4239 IL`,
 * `MINUTEMAN PRESS 1417 KETTERING OH`): Visa and Mastercard descriptors end in the merchant's city (or customer-service
 * phone) and a state or province code, and may carry a store number before the city. Each reading of the tail as
 * [store number] (phone | one or two city words) + region code gives the name before it (at least two words), and
 * after a store number also the name with its town.
 */
export function namesBeforeDescriptorTail(value: string, readings: { forms: LegalForms; address: AddressWords }): string[] {
  const words = value.split(' ');
  const region = words.at(-1);
  if (region === undefined) return [];
  if (!readings.address.regionCodes.has(region)) return nameBeforePhone(words);
  if (words.length < 4) return [];
  const body = words.slice(0, -1);
  const ends: number[] = [];
  const phone = phoneWordsAtEnd(body);
  if (phone > 0) ends.push(body.length - phone);
  for (let city = 1; city <= 2; city++) {
    const cityWords = body.slice(body.length - city);
    if (
      cityWords.length === city &&
      cityWords.every((word) => isPlaceWord(word, readings.forms) && !readings.address.regionCodes.has(word))
    )
      ends.push(body.length - city);
  }
  const names: string[] = [];
  for (const end of ends) {
    // A store number before the city (`#1417`, `STORE 1417`).
    let stop = end;
    if (stop > 0 && /^[0-9]{2,6}$/.test(body[stop - 1] ?? '')) stop -= 1;
    if (stop > 1 && body[stop - 1] === 'STORE') stop -= 1;
    if (stop < 2) continue;
    names.push(body.slice(0, stop).join(' '));
    // A franchise location is also named by its town (`MINUTEMAN PRESS #0962 BEAVERCREEK OH` = Minuteman Press Beavercreek).
    if (stop < end && end < body.length) names.push([...body.slice(0, stop), ...body.slice(end)].join(' '));
  }
  return names;
}

/** Shortest one-word merchant name read before a phone number (`ACME 800 555 0100`): shorter words are initials or codes. */
const MIN_ONE_WORD_MERCHANT = 4;

/**
 * The name before a customer-service phone number that ends a card descriptor without a state code (`ACME MEDICAL
 * 800-555-0100`, `ACME  8005550100`): a card-not-present merchant puts its phone where the city goes, and statements
 * often print the city field alone. One word of at least MIN_ONE_WORD_MERCHANT letters, or more words.
 */
function nameBeforePhone(words: readonly string[]): string[] {
  const last = words.at(-1) ?? '';
  const lastCode = last.charCodeAt(last.length - 1);
  if (lastCode < 48 || lastCode > 57) return [];
  const phone = phoneWordsAtEnd(words);
  if (phone === 0) return [];
  const name = words.slice(0, words.length - phone);
  return name.length >= 2 || (name[0] ?? '').length >= MIN_ONE_WORD_MERCHANT ? [name.join(' ')] : [];
}

/** True when one value is a card descriptor whose name before the tail is the other, or the other cut (`… SOLUT`). */
function isDescriptorOf(descriptor: string, other: string, readings: { forms: LegalForms; address: AddressWords }): boolean {
  if (readings.address.regionCodes.size === 0) return false;
  for (const name of namesBeforeDescriptorTail(descriptor, readings))
    if (name === other || (name.length < other.length ? isTruncationOf(name, other, readings.forms) : false)) return true;
  return false;
}

/**
 * `value` without one or two leading registered places (`SHENZHEN COMEN MEDICAL INSTRUMENTS` → `COMEN MEDICAL
 * INSTRUMENTS`, `GUANGDONG FOSHAN …`), or null when it starts with none or is nothing but places.
 */
function withoutLeadingPlace(value: string, places: PlacePrefixes): string | null {
  let rest = value;
  for (let dropped = 0; dropped < 2; dropped++) {
    const place = places.find((p) => rest.startsWith(`${p} `));
    if (place === undefined) break;
    rest = rest.slice(place.length + 1);
  }
  return rest === value ? null : rest;
}

/**
 * True when `long` is `short` (or `short` cut, or plus a copy counter or a place after its form) with a registered
 * place before it: Chinese register names lead with the administrative division (行政区划 + 字号 + 行业 + 组织形式:
 * `Shenzhen Comen Medical Instruments Co., Ltd.`), which AP books and brand lists leave out (`COMEN MEDICAL
 * INSTRUMENTS`). Two values that both lead with a place are not read so (`SHANGHAI X` vs `BEIJING X` are two companies).
 */
export function isPlacePrefixOf(long: string, short: string, options: { places: PlacePrefixes; forms?: LegalForms }): boolean {
  if (withoutLeadingPlace(short, options.places) !== null) return false;
  const rest = withoutLeadingPlace(long, options.places);
  if (rest === null || rest === '') return false;
  const forms = options.forms ?? shippedLegalForms();
  return rest === short || (rest.length <= short.length ? isNearlyOf(rest, short, forms) : isNearlyOf(short, rest, forms));
}

/** The legal forms the truncation readings know: every form, and the one-word forms a place may follow. */
export interface LegalForms {
  /** Every form as words (`CO LTD`, `GMBH AND CO KG`, `INC`): a cut can leave any form's first letters. */
  all: readonly string[];
  /** One-word forms a city or an address may follow (`GMBH`, `SA`, `INC`; not `CO` / `COMPANY`: `ACME CO PRODUCTS`). */
  beforePlace: ReadonlySet<string>;
  /** Forms of several words a city may follow (`SDN BHD`, `W L L`, `A S`, `CO LTD`), longest first; none ending in `CO` / `COMPANY`. */
  longerBeforePlace: readonly string[];
}

/** Places a register writes before the name (normalised words, longest first). */
export type PlacePrefixes = readonly string[];

/** `CO` and `COMPANY` end names and also stand inside them (`ACME CO PRODUCTS`): no place is read after them. */
const NOT_BEFORE_PLACE = new Set(['CO', 'COMPANY']);

/**
 * The legal forms of alias tables that remove forms at the end of a name (`removeTrailing`: the legal-suffix table), as
 * `normalize` writes them — so an analyst's edit of the table reaches the truncation readings too.
 */
export function legalFormsOf(tables: readonly AliasTable[], normalize: (value: string) => string): LegalForms {
  const all = new Set<string>();
  for (const table of tables)
    if (table.mode === 'removeTrailing')
      for (const entry of table.entries)
        for (const variant of entry.variants) {
          const form = normalize(variant);
          if (form !== '') all.add(form);
        }
  const beforePlace = new Set([...all].filter((form) => !form.includes(' ') && !NOT_BEFORE_PLACE.has(form)));
  const longerBeforePlace = [...all]
    .filter((form) => form.includes(' ') && !NOT_BEFORE_PLACE.has(form.slice(form.lastIndexOf(' ') + 1)))
    .sort((x, y) => y.length - x.length);
  return { all: [...all], beforePlace, longerBeforePlace };
}

/** The places of alias tables (their variants, normalised), longest first so `INNER MONGOLIA` is tried before `INNER`. */
export function placePrefixesOf(tables: readonly AliasTable[], normalize: (value: string) => string): PlacePrefixes {
  const places = new Set<string>();
  for (const table of tables)
    for (const entry of table.entries)
      for (const variant of entry.variants) {
        const place = normalize(variant);
        if (place !== '') places.add(place);
      }
  return [...places].sort((x, y) => y.length - x.length);
}

let shippedForms: LegalForms | undefined;

/** The forms of the shipped legal-suffix table (the default of the exported readings, for callers without a rule set). */
function shippedLegalForms(): LegalForms {
  shippedForms ??= legalFormsOf([present(shippedAliasTables().get('legalSuffixes'), 'shipped legalSuffixes table')], normalizeText);
  return shippedForms;
}

/**
 * Wraps a similarity: a value truncated inside a word, or the other plus an AP copy counter or a place or address after
 * the legal form, or the other with a registered place (or an ambiguous leading form) before it, or the other without its
 * connectors, scores at least TRUNCATED_SCORE against the other — a near-identical name, never the same name.
 */
export function withTruncation(
  similarity: (x: string, y: string) => number,
  readings: { forms: LegalForms; places: PlacePrefixes; address?: AddressWords },
): (x: string, y: string) => number {
  const { forms, places } = readings;
  const address = readings.address ?? NO_ADDRESS_WORDS;
  const tails = { forms, address };
  const isNearly = (x: string, y: string): boolean =>
    (x.length <= y.length ? isNearlyOf(x, y, forms, address) : isNearlyOf(y, x, forms, address)) ||
    isSameWithoutConnectors(x, y) ||
    (places.length > 0 && (isPlacePrefixOf(x, y, { places, forms }) || isPlacePrefixOf(y, x, { places, forms }))) ||
    isDescriptorOf(x, y, tails) ||
    isDescriptorOf(y, x, tails);
  return (x, y) => {
    const base = similarity(x, y);
    if (base >= TRUNCATED_SCORE) return base;
    return isNearly(x, y) ? TRUNCATED_SCORE : base;
  };
}
