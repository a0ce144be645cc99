/**
 * Value normalisation for blocking and comparison. Identifier and name rules live in
 * server/identifiers; this file only picks the right one by name and makes every function
 * total: an identifier that fails its check still compares by its bare alphanumerics, because
 * two sources repeating the same typo are still the same record.
 */
import {
  checkGln,
  checkHibcc,
  checkNpi,
  checkUei,
  normalizeCcn,
  normalizeDuns,
  normalizeEin,
  normalizeGtin,
  normalizeNdc11,
} from '../identifiers';
import { normalizeOrgName, normalizePartNumber, normalizePostalCode, normalizeText } from '../identifiers/names';
import { present } from '../invariant';
import type { IdentifierScheme, NormalizerName } from './types';
import { builtWithTableVersions, type AliasTable } from './aliases';
import { FACILITY_NAME_TABLES, facilityNameNormalizer, normalizeFacilityName } from './facilityNames';
import { SCRIPT_READING_TABLES, scriptReadingForm, scriptReadingFormWith } from './scriptReadings';
import { withoutBarcodeData, withoutOrderQuantity } from './barcodeText';
import { withSpokenNumbersWritten } from './spokenNumbers';
import { withCatalogueShorthandWritten, withoutRegistrationReferences } from './catalogueShorthand';
import { makerNameAsLatin, withOcrConfusionsRead, withoutListReferences } from './exportedItemLines';
import { withoutParLevelColumns } from './parLevelLines';
import { requestChatterRemover, withoutRequestChatter } from './requestLines';
import { LABEL_TABLES, labelledRowReader, withLabelledRowsRead } from './labelledRows';
import { withSingularWords } from './pluralWords';
import { isAscii, romanisedName } from './transliteration';
import { nationalCyrillicReading } from './cyrillicNames';
import { brahmicReading } from './brahmicReadings';
import { laoReading, loanwordScriptReading } from './loanwordScriptReadings';
import { MEDICINE_NAME_TABLES, romanisedMedicineNamesWith, withRomanisedMedicineNames } from './medicineNames';
import { SCRIPT_WORD_TABLES, scriptWordsWith, withScriptNumeralsAndCodes, withShippedScriptWords } from './scriptItemText';
import { conversionFactor } from './unitConversions';
import { rememberRecent } from './recentValues';

const NON_ALPHANUMERIC = /[^A-Z0-9]/g;

function bareAlphanumerics(value: string): string {
  return value.toUpperCase().replace(NON_ALPHANUMERIC, '');
}

function checkedOrNull(check: { ok: true; value: string } | { ok: false }): string | null {
  return check.ok ? check.value : null;
}

const IDENTIFIER_NORMALIZERS: Record<IdentifierScheme, (value: string) => string | null> = {
  gtin: normalizeGtin,
  ndc: normalizeNdc11,
  ein: normalizeEin,
  duns: normalizeDuns,
  uei: (v) => checkedOrNull(checkUei(v)),
  npi: (v) => checkedOrNull(checkNpi(v)),
  ccn: normalizeCcn,
  gln: (v) => checkedOrNull(checkGln(v)),
  hibcc: (v) => checkedOrNull(checkHibcc(v)),
  raw: (v) => bareAlphanumerics(v) || null,
};

/** Normalises an identifier of `scheme`; invalid values fall back to their bare alphanumerics, empty → null. */
export { rememberRecent };

// The catalogue rewrites of item-3.22.0, remembered: the attributes, codeInText and description readings and the
// blocking keys each run them on the same description string (textRewrites.ts and requisitionText below).
/** `withCatalogueShorthandWritten`, recent values remembered. */
export const recentCatalogueShorthand = rememberRecent(withCatalogueShorthandWritten);
/** `withoutRegistrationReferences`, recent values remembered. */
export const recentWithoutRegistrationReferences = rememberRecent(withoutRegistrationReferences);

// The text rewrites the `requisitionText` normaliser shares with the `textRewrites` of the attributes and codeInText
// comparators and the catalogInText blocking key (textRewrites.ts), remembered alike: one description goes through
// each of them up to four times per record (each rewrite's own gate — a regular expression over the whole text, the
// list-reference one of ~20 alternatives — was run every time; now once, the other passes are one Map look-up).
/** `withOcrConfusionsRead`, recent values remembered. */
export const recentOcrConfusionsRead = rememberRecent(withOcrConfusionsRead);
/** `withoutListReferences`, recent values remembered. */
export const recentWithoutListReferences = rememberRecent(withoutListReferences);
/** `withoutParLevelColumns`, recent values remembered. */
export const recentWithoutParLevelColumns = rememberRecent(withoutParLevelColumns);
/** `withoutBarcodeData`, recent values remembered. */
export const recentWithoutBarcodeData = rememberRecent(withoutBarcodeData);
/** `withoutOrderQuantity`, recent values remembered. */
export const recentWithoutOrderQuantity = rememberRecent(withoutOrderQuantity);
/** `withSpokenNumbersWritten`, recent values remembered. */
export const recentSpokenNumbersWritten = rememberRecent(withSpokenNumbersWritten);
/** `withoutRequestChatter`, recent values remembered. */
export const recentWithoutRequestChatter = rememberRecent(withoutRequestChatter);
/** `withLabelledRowsRead`, recent values remembered. */
export const recentLabelledRowsRead = rememberRecent(withLabelledRowsRead);

const identifierBySchemeRecent = new Map<IdentifierScheme, (value: string) => string | null>();

/** Normalises an identifier of `scheme` (see `computeIdentifier`); recent values are remembered. */
export function normalizeIdentifier(scheme: IdentifierScheme, value: string): string | null {
  let normalize = identifierBySchemeRecent.get(scheme);
  if (!normalize) {
    normalize = rememberRecent((v) => computeIdentifier(scheme, v));
    identifierBySchemeRecent.set(scheme, normalize);
  }
  return normalize(value);
}

function computeIdentifier(scheme: IdentifierScheme, value: string): string | null {
  let normalized: string | null = null;
  try {
    normalized = IDENTIFIER_NORMALIZERS[scheme](value);
  } catch {
    normalized = null;
  }
  if (normalized) return normalized;
  const bare = bareAlphanumerics(value);
  // A GTIN typed without its leading zeros still compares by digits once padded.
  if (scheme === 'gtin' && /^\d{8,14}$/.test(bare)) return bare.padStart(14, '0');
  return bare || null;
}

function normalizePhone(value: string): string | null {
  const digits = value.replace(/\D/g, '');
  // North American numbers: drop the country code so "+1 (555) 010-2000" equals "555-010-2000".
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return national.length >= 7 ? national : null;
}

/** `REF 28412`, `REF: 28412`, `CAT# 1600-14`, `CAT NO. 5160`: the label printed before a catalogue number (ISO 15223-1's REF symbol written out), not part of it. */
const CATALOGUE_LABEL = /^\s*(?:REF\b|CAT(?:ALOG(?:UE)?)?\.?\s?(?:NO\b\.?|#|NUMBER\b))[\s.:#]*(?=[A-Z0-9])/i;
/** `CB316WN#140`, `Q7553A#ABA`: a maker's model with a three-character localisation / option code after `#` (HP, Agilent). */
const OPTION_SUFFIX = /^([A-Z0-9-]*(?:[A-Z][A-Z0-9-]*\d|\d[A-Z0-9-]*[A-Z])[A-Z0-9-]*)\s?#[A-Z0-9]{3}$/i;

/**
 * A part or catalogue number as matching compares it: `normalizePartNumber` after the conventions that write one
 * number several ways are undone — a leading catalogue label (`REF 28412` = `28412`), a `#` option code after a
 * model (`CB316WN#140` = `CB316WN`), and leading zeros of an all-digit number that ERP numeric fields drop
 * (`001206` = `1206`, `05160` = `5160`, also behind a reseller prefix: `EP0030075234` = `EP30075234`; at least four
 * digits are kept; codes read from text are written the same way). Search terms keep `normalizePartNumber`.
 */
export function comparablePartNumber(value: string): string {
  const unlabelled = value.replace(CATALOGUE_LABEL, '');
  // OPTION_SUFFIX needs a `#`: a number without one (nearly all) is not run through its nested repetitions.
  const withoutOption = (unlabelled.includes('#') && OPTION_SUFFIX.exec(unlabelled.trim())?.[1]) || unlabelled;
  return withoutLeadingZeros(normalizePartNumber(withoutOption));
}

/** `001206` → `1206`, and behind a reseller's 1–3 letter prefix `EP0030075234` → `EP30075234`: at least four digits kept. */
const LEADING_ZEROS = /^([A-Z]{0,3})0+(?=\d{4,}$)/;

/** A normalised code without the leading zeros of its digits (part-number fields and codes read from text alike). */
export function withoutLeadingZeros(code: string): string {
  return code.includes('0') ? code.replace(LEADING_ZEROS, '$1') : code;
}

// `text` and `measureText` start alike: a description normalised for a comparator and then for a blocking key is upper-cased and cleaned once.
const recentText = rememberRecent(normalizeText);

function measureTextOf(value: string): string {
  return splitMeasurements(recentText(inOneUnit(joinCodeHyphens(value))));
}

type Reading = (value: string) => string;

function medicineTextNormalizer(keepMedicineNames: Reading): (value: string) => string | null {
  return rememberRecent((v) => measureTextOf(keepMedicineNames(v)) || null);
}

function requisitionTextNormalizer(
  keepScriptWords: Reading,
  withoutChatter: Reading = recentWithoutRequestChatter,
  labelledRows: Reading = recentLabelledRowsRead,
): (value: string) => string | null {
  return rememberRecent(
    (v) =>
      withSingularWords(
        measureTextOf(
          keepScriptWords(
            recentCatalogueShorthand(
              recentWithoutRegistrationReferences(
                withoutChatter(
                  recentSpokenNumbersWritten(
                    recentWithoutOrderQuantity(
                      recentWithoutBarcodeData(
                        withScriptNumeralsAndCodes(
                          recentWithoutParLevelColumns(recentWithoutListReferences(labelledRows(recentOcrConfusionsRead(v)))),
                        ),
                      ),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
      ) || null,
  );
}

function scriptOrgNameNormalizer(reading: Reading): (value: string) => string | null {
  // Ukrainian and Bulgarian Cyrillic by their national tables first (cyrillicNames.ts); ASCII names skip it. Names in the
  // Brahmic scripts of Indian registers (state drug-licence and procurement lists in Gurmukhi, Odia, Devanagari…) read
  // in the Hunterian reading with their borrowed generic words in English (`ਲਿਮਿਟੇਡ` Limited, brahmicReadings.ts) as
  // facility names are (supplier-3.34.0); Thaana (Dhivehi) and Tibetan-script (Dzongkha) names with their borrowed
  // English company words in English, and Lao in the romanisation Lao companies use (loanwordScriptReadings.ts,
  // supplier-3.36.0).
  return rememberRecent(
    (v) =>
      normalizeOrgName(
        romanisedName(isAscii(v) ? reading(v) : loanwordScriptReading(laoReading(brahmicReading(nationalCyrillicReading(reading(v)))))),
      ) || null,
  );
}

const TEXT_NORMALIZERS: Record<NormalizerName, (value: string) => string | null> = {
  text: (v) => recentText(v) || null,
  measureText: rememberRecent((v) => measureTextOf(v) || null),
  // As measureText, with medicine names written in other scripts kept in Latin letters (medicineNames.ts, drugs14).
  medicineText: medicineTextNormalizer(withRomanisedMedicineNames),
  // A requisition as scanned or dictated: `medicineText` once scanned barcode data and the order quantity are out and spoken numbers are digits,
  // registration / tender numbers out and catalogue shorthand written out (catalogueShorthand.ts, item-3.22.0); numerals, units and procurement
  // codes of other scripts read first, and every word of another script a catalogue or medicine table knows kept (scriptItemText.ts, item-3.23.0);
  // before all, a par-level sheet's location, par and reorder columns out (parLevelLines.ts, item-3.25.0), and before that words an OCR engine
  // misread read as words and list, contract and slip-column numbers out (exportedItemLines.ts, item-3.33.0); a labelled export row's
  // labels out and its values routed by what each label means (labelledRows.ts, item-3.43.0) before the list references.
  requisitionText: requisitionTextNormalizer(withShippedScriptWords),
  orgName: rememberRecent((v) => normalizeOrgName(v) || null),
  // Names in other scripts romanised first (rule sets ask for it by name); ASCII names return from `romanisedName` at once.
  anyScriptOrgName: rememberRecent((v) => normalizeOrgName(romanisedName(v)) || null),
  // An item maker's name as a scanned slip or a Cyrillic tender writes it: OCR digits read as letters, Cyrillic Х as H, then as orgName
  // (exportedItemLines.ts). Not romanised as anyScriptOrgName: a maker in Arabic or Chinese script read letter by letter (BKTWN DYKNSWN)
  // turned a missing comparison into a different maker and lost the twelfth corpus 24 true pairs.
  makerName: rememberRecent((v) => normalizeOrgName(makerNameAsLatin(v)) || null),
  // As anyScriptOrgName after the half-width, small-kana and abbreviated-legal-form readings of scriptReadings.ts.
  scriptReadingOrgName: scriptOrgNameNormalizer(scriptReadingForm),
  // A care site's own name out of an affiliation string or an HMIS org-unit name, then as anyScriptOrgName (facilityNames.ts).
  facilityName: rememberRecent((v) => normalizeFacilityName(v) || null),
  partNumber: rememberRecent((v) => comparablePartNumber(v) || null),
  postalCode: (v) => normalizePostalCode(v) || null,
  digits: (v) => v.replace(/\D/g, '') || null,
  phone: normalizePhone,
  none: (v) => v.trim() || null,
};

/** Applies the named text normaliser; null when nothing meaningful is left. */
export function normalizeWith(normalizer: NormalizerName, value: string): string | null {
  return TEXT_NORMALIZERS[normalizer](value);
}

/**
 * Normalisers that read alias tables themselves, not only through the chain a rule set puts after them: the tables
 * they read (a rule set that names the normaliser loads their published versions, `aliasTableNamesOf`) and how to
 * build one reading given versions. Without this an edit through the alias API would reach the chain but not them.
 */
const TABLE_READING_NORMALIZERS: Partial<
  Record<
    NormalizerName,
    { tables: readonly string[]; build: (tableNamed: (name: string) => AliasTable | undefined) => (value: string) => string | null }
  >
> = {
  facilityName: {
    tables: FACILITY_NAME_TABLES,
    build: (tableNamed) => {
      const normalize = facilityNameNormalizer(tableNamed);
      return rememberRecent((v) => normalize(v) || null);
    },
  },
  scriptReadingOrgName: {
    tables: SCRIPT_READING_TABLES,
    build: (tableNamed) => scriptOrgNameNormalizer(scriptReadingFormWith(tableNamed)),
  },
  medicineText: { tables: MEDICINE_NAME_TABLES, build: (tableNamed) => medicineTextNormalizer(romanisedMedicineNamesWith(tableNamed)) },
  requisitionText: {
    tables: [...SCRIPT_WORD_TABLES, 'requestChatter', ...LABEL_TABLES],
    build: (tableNamed) =>
      requisitionTextNormalizer(
        scriptWordsWith(tableNamed),
        rememberRecent(requestChatterRemover(tableNamed('requestChatter'))),
        rememberRecent(labelledRowReader(...LABEL_TABLES.map(tableNamed))),
      ),
  },
};

/** The alias tables a normaliser reads itself (published versions of them reach it). */
export function tablesReadBy(normalizer: NormalizerName | undefined): readonly string[] {
  return (normalizer && TABLE_READING_NORMALIZERS[normalizer]?.tables) || [];
}

/**
 * The named normaliser; with `aliasTable` (a rule set's resolver: published versions, else the shipped files) a
 * normaliser that reads tables reads those versions. Built once per set of versions (a version names one content).
 */
export function normalizerFor(
  normalizer: NormalizerName,
  aliasTable?: (name: string) => AliasTable | undefined,
): (value: string) => string | null {
  const reading = TABLE_READING_NORMALIZERS[normalizer];
  if (!reading) return TEXT_NORMALIZERS[normalizer];
  return builtWithTableVersions({
    key: `normalizer:${normalizer}`,
    tables: reading.tables,
    aliasTable,
    build: reading.build,
    shipped: () => TEXT_NORMALIZERS[normalizer],
  });
}

const SEGMENTS = new Map<string, string[]>();

function segmentsOf(path: string): string[] {
  let segments = SEGMENTS.get(path);
  if (!segments) {
    segments = path.split('.');
    SEGMENTS.set(path, segments);
  }
  return segments;
}

interface PathWalk {
  segments: readonly string[];
  depth: number;
  out: unknown[];
}

// A top-level recursive function rather than a closure: this runs for every field of every
// record, and per-call closures showed up in batch profiles. `walk.depth` is moved in and out.
function collectAtPath(walk: PathWalk, node: unknown): void {
  if (node === null || node === undefined) return;
  if (Array.isArray(node)) {
    for (const element of node) collectAtPath(walk, element);
    return;
  }
  if (walk.depth === walk.segments.length) {
    walk.out.push(node);
    return;
  }
  if (typeof node === 'object') {
    const next = (node as Record<string, unknown>)[present(walk.segments[walk.depth], 'path segment')];
    walk.depth++;
    collectAtPath(walk, next);
    walk.depth--;
  }
}

/** Collects the scalar values at a dotted path, flattening arrays on the way (`addresses.city`). */
export function valuesAtPath(record: unknown, path: string): unknown[] {
  const walk: PathWalk = { segments: segmentsOf(path), depth: 0, out: [] };
  collectAtPath(walk, record);
  return walk.out;
}

/** String values (numbers stringified) at any of `paths`, empty strings dropped. */
export function stringsAtPaths(record: unknown, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) collectStrings(segmentsOf(path), 0, record, out);
  return out;
}

/**
 * `collectAtPath` keeping only what `stringsAtPaths` returns, pushed straight into its list: preparing a record reads
 * ~40 field paths, and a walk object and a list of values per path were a good part of the garbage of preparation.
 * The same values in the same order as `valuesAtPath` filtered.
 */
function collectStrings(segments: readonly string[], start: number, root: unknown, out: string[]): void {
  // Down through plain objects in a loop (a record's fields are one or two objects deep): a call per segment was half
  // of this function's time. Only an array recurses, once per element.
  let node = root;
  for (let depth = start; ; depth++) {
    if (node === null || node === undefined) return;
    if (Array.isArray(node)) {
      for (const element of node) collectStrings(segments, depth, element, out);
      return;
    }
    if (depth === segments.length) {
      if (typeof node === 'string') {
        if (isNotBlank(node)) out.push(node);
      } else if (typeof node === 'number' && Number.isFinite(node)) out.push(String(node));
      return;
    }
    if (typeof node !== 'object') return;
    node = (node as Record<string, unknown>)[present(segments[depth], 'path segment')];
  }
}

/** `value.trim() !== ''`, answered from the first character when it is printable ASCII other than a space (most values). */
function isNotBlank(value: string): boolean {
  const first = value.charCodeAt(0);
  return (first > 32 && first < 127) || value.trim() !== '';
}

/** ` / ` between two forms of one name in one field (`Société X / X Company`, `X Inc. / X Ltée`); `A/B` is one form. */
const ALTERNATIVES = /\s+\/\s+/;

/** `raw` and, when it holds two forms of a name separated by ` / `, each form (param `alternatives`). */
export function withAlternatives(raw: string): string[] {
  return ALTERNATIVES.test(raw) ? [raw, ...raw.split(ALTERNATIVES)] : [raw];
}

// A number glued to its unit (`3ML`, `18G`, `14FR`, `100CT`); the unit alternatives are MEASURE_UNIT's.
const GLUED_MEASUREMENT = /^(\d+)-?([A-Z]+)$/;
const GLUED_DIMENSIONS = /^(\d+(?:X\d+)+)([A-Z]+)$/;

/**
 * `measureText`: text whose measurements are written apart from their units, so `3ML` and `3 ML`
 * (or `3 CC` once an abbreviation table reads CC as ML) are the same words. Only number + unit
 * tokens are split; catalog numbers such as `J417H` or `2D72PT70` stay whole.
 */
function splitMeasurements(normalized: string): string {
  if (!/\d[A-Z]|(?:BX|PKT?|CS|CTN|BG|DZ)\d/.test(normalized)) return normalized;
  // The text itself when no word is split (most words hold no digit): no word list joined again into the same text.
  const tokens = normalized.split(' ');
  let isSplit = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = present(tokens[i], 'word i');
    const written = measurementWrittenApart(token);
    if (written !== token) {
      tokens[i] = written;
      isSplit = true;
    }
  }
  return isSplit ? tokens.join(' ') : normalized;
}

/** One word of `splitMeasurements`: the word itself unless it is a glued measurement, pack count or dimensions. */
function measurementWrittenApart(token: string): string {
  // Each pattern below needs a digit (MEASUREMENT, PACK_FIRST and GLUED_DIMENSIONS all hold `\d`): a word without one is kept.
  if (!hasAsciiDigit(token)) return token;
  if (MEASUREMENT.test(token)) {
    const glued = GLUED_MEASUREMENT.exec(token);
    return glued ? `${glued[1]} ${glued[2]}` : token;
  }
  // `BX20` → `BX 20`: a pack unit glued before its count (PACK_FIRST) reads as the unit and the count written apart.
  const packFirst = PACK_FIRST.exec(token);
  if (packFirst) return `${packFirst[1]} ${packFirst[2]}`;
  // `4X4IN` → `4X4 IN` (the unit of dimensions is written once, after the last number).
  const dimensions = GLUED_DIMENSIONS.exec(token);
  return dimensions && DIMENSIONS.test(token) ? `${dimensions[1]} ${dimensions[2]}` : token;
}

/** Whether `text` holds an ASCII digit (what `\d` matches without the `u` flag). */
function hasAsciiDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

// A mass or volume in the raw text (decimal points still in): `1 G`, `1g`, `0.5 GM`, `1000 mcg`, `1 L`, `1.5L`.
const MASS_OR_VOLUME = /(?<![\d.,])(\d+(?:\.\d+)?) ?(G|GM|GRAMS?|MCG|UG|L|LTR|LITERS?|LITRES?)(?![A-Z0-9])/gi;
const HAS_MASS_OR_VOLUME = /\d ?(?:G|L|MCG|UG)/i;
/** A written unit → its mathjs unit and the word it is rewritten in (factors from `conversionFactor`, i.e. mathjs). */
const TO_MILLI: Record<string, { from: string; to: 'MG' | 'ML' }> = {
  G: { from: 'g', to: 'MG' },
  GM: { from: 'g', to: 'MG' },
  GRAM: { from: 'g', to: 'MG' },
  GRAMS: { from: 'g', to: 'MG' },
  MCG: { from: 'ug', to: 'MG' },
  UG: { from: 'ug', to: 'MG' },
  L: { from: 'L', to: 'ML' },
  LTR: { from: 'L', to: 'ML' },
  LITER: { from: 'L', to: 'ML' },
  LITERS: { from: 'L', to: 'ML' },
  LITRE: { from: 'L', to: 'ML' },
  LITRES: { from: 'L', to: 'ML' },
};
const milliFactors = new Map<string, number>();
function milliFactor(from: string, to: 'MG' | 'ML'): number {
  let factor = milliFactors.get(from);
  if (factor === undefined) {
    factor = conversionFactor(from, to === 'MG' ? 'mg' : 'mL');
    milliFactors.set(from, factor);
  }
  return factor;
}

/**
 * Masses in milligrams and volumes in millilitres, so a strength or volume written in another unit is the
 * same words (`1 GM` = `1g` = `1000 MG`, `1000 MCG` = `1 MG`, `1 L` = `1000 ML`): the attributes comparator
 * already reads them as one quantity, the description's words should not disagree. Runs on the raw text,
 * where decimal points are still in (`0.5 G` = `500 MG`). Micrograms become milligrams only when whole
 * (`250 MCG` stays); a whole number 7–34 before `G` is a gauge (`18G`) and stays.
 */
function inOneUnit(text: string): string {
  if (!HAS_MASS_OR_VOLUME.test(text)) return text;
  return text.replace(MASS_OR_VOLUME, (written: string, value: string, unit: string) => {
    const number = Number(value);
    const upper = unit.toUpperCase();
    if (Number.isInteger(number) && number >= 7 && number <= 34) {
      if (upper === 'G') return written;
      // A gram word in the gauge range is written as the bare G is kept (items25lines): `14 GRAM` (how other scripts' gram
      // words are read, scriptItemText.ts) and `14g` are one description word, not `14000 MG` against `14 G`.
      if (upper !== 'MCG' && upper !== 'UG' && TO_MILLI[upper]?.to === 'MG') return `${number} G`;
    }
    const to = TO_MILLI[upper];
    if (to === undefined) return written;
    const converted = Math.round(number * milliFactor(to.from, to.to) * 1000) / 1000;
    if (!Number.isInteger(converted)) return written;
    return `${converted} ${to.to}`;
  });
}

/**
 * A hyphen between a letter and a digit is part of a code, not a word break: `BV-1` = `BV1`,
 * `PS-2` = `PS2`, `TN-760` = `TN760`, `R-1547` = `R1547`, `1667-H` = `1667H` (catalogue numbers and
 * needle codes written with and without the dash). Number ranges (`3-0`, `1600-7-50`) and words
 * (`X-LARGE`) keep theirs; a glued measurement (`10-ML` → `10ML`) is split again by `splitMeasurements`.
 */
function joinCodeHyphens(value: string): string {
  return value.includes('-') ? value.replace(/(?<=[A-Za-z])-(?=\d)|(?<=\d)-(?=[A-Za-z])/g, '') : value;
}

/** Tokens of a string already normalised by `normalizeWith` (single spaces between words). */
export function splitNormalized(normalized: string): string[] {
  return normalized.split(' ').filter((t) => t !== '');
}

// Units and packaging words that follow a number in measurements, quantities and sizes. A token
// made of a number and one of these (`18G`, `27IN`, `10ML`, `5MG`, `100CT`, `14FR`, `16GB`) is a
// measurement, not a catalog number.
const MEASURE_UNIT =
  '(?:G|GA|GAUGE|FR|F|FRENCH|ML|MLS|CC|L|UL|MCL|LTR|DL|OZ|FLOZ|IN|INCH|INCHES|CM|MM|M|FT|YD|MG|MCG|UG|KG|GM|GR|GRAM|GRAMS|LB|LBS|MEQ|MMOL|IU|UNIT|UNITS|UNT|U|MIL|MICRON|MIC|' +
  'EA|BX|CS|PK|CT|DZ|KT|BG|BT|VL|TB|RL|TR|PR|PC|PCS|HR|HRS|MIN|SEC|DAY|DAYS|WK|MO|YR|YRS|V|W|KW|HZ|KHZ|MHZ|GHZ|KB|MB|GB|TB|MP|P|K|X|PCT|PERCENT|ST|ND|RD|TH|' +
  // Pack units of ERP exports (item-3.33.0): reams, cartridges, cans / canisters, bottles, sleeves (`10RM/CS`, `14CART/BX`, `6/CTG`).
  'RM|RMS|REAM|REAMS|CART|CARTS|CTG|CTGS|CAN|CANS|CN|BTL|BTLS|SLV|SLVS)';
const NUMBER = '\\d+(?:[.,]\\d+)?';
/** `18G`, `1.16IN`, `10-ML`, `21ST`, `100CT`. */
const MEASUREMENT = new RegExp(`^${NUMBER}-?${MEASURE_UNIT}$`);
/** `4X4`, `4X4IN`, `2.5CMX3CM`, `10X10X5CM`. */
const DIMENSIONS = new RegExp(`^${NUMBER}${MEASURE_UNIT}?X${NUMBER}${MEASURE_UNIT}?(?:X${NUMBER}${MEASURE_UNIT}?)?$`);
/**
 * `BX20`, `PK100`, `CS12`: a pack unit written before its count and glued to it, as ERP stock masters and short texts
 * write pack sizes (SYSPRO, Sage, SAP short texts: `… S/U BX20`, `… PK12`): a quantity, not a catalog number.
 */
const PACK_FIRST = /^(BX|PK|PKT|CS|CTN|BG|DZ)(\d{2,4})$/;
/** `V2`, `V10.1`, `VER3`: versions, not codes. */
const VERSION = /^(?:V|VER|VERSION|REV|R)\.?\d+(?:\.\d+)*$/;
const HAS_LETTER = /[A-Z]/;
const HAS_DIGIT = /\d/;
const ALL_DIGITS = /^\d+$/;

/** A digit-only token is a code from this many digits on (years, sizes and counts are shorter). */
export const MIN_DIGIT_CODE_LENGTH = 5;

/**
 * Whether a token of free text (upper-case, hyphens and dots still in) is a catalog/model number:
 * letters and digits that are not a measurement, dimension or version (`PSLX350H`, `10-775-PA-55`,
 * `J303H`), or a long digit run (`382512`). Years (`2004`), sizes (`3-0`, `7.5`), quantities
 * (`100`), gauges (`18G`), lengths (`27IN`, `4X4IN`) and strengths (`5MG`) are not codes.
 */
export function isCodeToken(raw: string, minLength: number): boolean {
  // Stripping punctuation keeps the digits: most words of a text have none and are not read further.
  if (!HAS_DIGIT.test(raw)) return false;
  const code = raw.replace(NON_ALPHANUMERIC, '');
  if (code.length < minLength) return false;
  if (ALL_DIGITS.test(code)) return code.length >= MIN_DIGIT_CODE_LENGTH && !/[.,]/.test(raw);
  if (!HAS_LETTER.test(code)) return false;
  const compact = raw.replace(/^[-.]+|[-.]+$/g, '');
  return !MEASUREMENT.test(compact) && !DIMENSIONS.test(compact) && !VERSION.test(compact) && !PACK_FIRST.test(compact);
}

// Split on whitespace and commas/semicolons/slashes only: hyphens and dots stay inside codes so
// "10-775-PA-55" is one token, then stripped to 10775PA55.
const TEXT_TOKEN_SEPARATORS = /[\s,;:#/()[\]"]+/;

/** Catalog/model numbers in free text (see `isCodeToken`), punctuation stripped; length ≥ minLength. */
export function codeTokensInText(value: string, minLength: number): readonly string[] {
  return recentIn(codeTokensByMinLength, minLength, computeCodeTokens)(value);
}

/** Remembered per minimum length: the catalogInText comparator and blocking key read the same texts one after the other. */
const codeTokensByMinLength = new Map<number, (value: string) => readonly string[]>();
const shortNumbersByMinLength = new Map<number, (value: string) => readonly string[]>();

function recentIn(
  byMinLength: Map<number, (value: string) => readonly string[]>,
  minLength: number,
  compute: (value: string, minLength: number) => string[],
): (value: string) => readonly string[] {
  let recent = byMinLength.get(minLength);
  if (!recent) {
    recent = rememberRecent((value) => compute(value, minLength));
    byMinLength.set(minLength, recent);
  }
  return recent;
}

function computeCodeTokens(value: string, minLength: number): string[] {
  const found = new Set<string>();
  for (const raw of value.toUpperCase().split(TEXT_TOKEN_SEPARATORS)) {
    if (isCodeToken(raw, minLength)) found.add(withoutLeadingZeros(raw.replace(NON_ALPHANUMERIC, '')));
  }
  return [...found];
}

/**
 * Short digit runs in free text (minLength up to MIN_DIGIT_CODE_LENGTH - 1 digits, e.g. `1860`,
 * `2004`): not codes on their own — a year or a quantity looks the same — but a structured part
 * number of the other record written into this text (`3M 1860` vs part number 1860) is evidence.
 */
export function shortNumbersInText(value: string, minLength: number): readonly string[] {
  return recentIn(shortNumbersByMinLength, minLength, computeShortNumbers)(value);
}

/** True when `value` holds `length` ASCII digits in a row. */
function hasDigitRun(value: string, length: number): boolean {
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    run = code >= 48 && code <= 57 ? run + 1 : 0;
    if (run >= length) return true;
  }
  return false;
}

function computeShortNumbers(value: string, minLength: number): string[] {
  // A token of minLength digits or more needs such a run in the text: most texts have none.
  if (!hasDigitRun(value, Math.max(minLength, 1))) return [];
  const found = new Set<string>();
  for (const raw of value.split(TEXT_TOKEN_SEPARATORS)) {
    if (raw.length >= minLength && raw.length < MIN_DIGIT_CODE_LENGTH && ALL_DIGITS.test(raw)) found.add(raw);
  }
  return [...found];
}
