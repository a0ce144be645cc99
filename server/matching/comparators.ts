/**
 * Comparators: each prepares its values once per record (normalised, tokenised, plain JSON) and
 * compares two prepared values without further normalisation. A missing value on either side
 * yields `score: null`, which contributes nothing — real sources are incomplete, and absence is
 * not disagreement.
 */
import { territoryNamesOf, territoryOnlyReader } from './territoryNames';
import {
  codeTokensInText,
  shortNumbersInText,
  normalizeIdentifier,
  normalizerFor,
  normalizeWith,
  stringsAtPaths,
  valuesAtPath,
} from './normalizers';
import { nameFormsWith } from './bracketedNames';
import {
  brandWordsOf,
  hasBrandHeadAsWritten,
  mayBeBrand,
  statedFormsOf,
  statesLegalForm,
  type BrandWords,
  type StatedForms,
} from './brandNames';
import { bilingualNamesOf, bilingualOtherNames } from './bilingualNames';
import { captionNames, statedNamesAtPaths, statedRenamingForms } from './captionNames';
import { compileTextRewrites, identifierStrings, rewrittenStringsAtPaths } from './textRewrites';
import { rememberedWhileRepeating, shippedAliasTables, withAliasTables, withAliasTablesTokens, type AliasTable } from './aliases';
import { createIntern } from './internedStrings';
import { shorthandCredit, type ShorthandOptions } from './shorthandTokens';
import { scriptSoundTokens, soundMatchedWeights, withoutSoundTokens } from './scriptSounds';
import { containmentWithoutMeasurements, type MeasurementOptions } from './measurementTokens';
import { attributeValuesAgree, compareAttributes, compileExtractors, extractAttributes, type CompiledExtractor } from './attributes';
import { addressSimilarity, formatAddress, placesNamedBy, prepareAddress, townAlternatives } from './address';
import { present } from '../invariant';
import { normalizeText } from '../identifiers/names';
import anyAscii from 'any-ascii';
import {
  fuseSimilarity,
  jaroWinkler,
  tokenJaroWinkler,
  commonTokenWeight,
  lighterCommonWeight,
  containmentOf,
  weighedSetSimilarityOf,
  weighTokens,
  type WeightedTokens,
} from './similarity';
import {
  ACRONYM_ONLY_SCORE,
  compiledWrittenAcronyms,
  isAcronymOnly,
  withAcronyms,
  spellsWrittenReading,
  WRITTEN_ACRONYM_SCORE,
  writtenReadings,
  type AcronymSiteWords,
  type WrittenAcronyms,
} from './acronyms';
import {
  brandReading,
  withInitials,
  withNameReadings,
  nameReadingsOf,
  relatedNameReadings,
  statedBracketReadings,
  type NameReadingOptions,
} from './nameReadingComparison';
import { withNamesBeforeOwnTown, withNamesBeforePlaceTails, withNamesBeforeStateSuffix, withoutOwnTown } from './placeTails';
import { relatedWhenContained } from './containedNames';
import { mismatchWhenOtherSites } from './groupSiteNames';
import {
  addressWordsOf,
  legalFormsOf,
  placePrefixesOf,
  withTruncation,
  fieldCutScore,
  type AddressWords,
  type LegalForms,
  type PlacePrefixes,
} from './truncation';
import type {
  AttributeDetail,
  CanonicalRecord,
  ComparatorOutcome,
  ComparatorRule,
  IdentifierScheme,
  PreparedAddress,
  PreparedAttributes,
  PreparedCodes,
  PreparedValue,
} from './types';

export interface ComparisonResult {
  score: number | null;
  outcome: ComparatorOutcome;
  a: string | null;
  b: string | null;
  /** attributes comparators: per-attribute agreement. */
  details?: AttributeDetail[];
}

/** What a comparator may need from the rest of the rule set: its compiled attribute extractors and alias tables by name. */
export interface ComparatorContext {
  extractors: readonly CompiledExtractor[];
  aliasTable(name: string): AliasTable;
}

/** No extractors; alias tables from the shipped files (for comparators compiled on their own). */
const SHIPPED_CONTEXT: ComparatorContext = {
  extractors: [],
  aliasTable: (name) => {
    const table = shippedAliasTables().get(name);
    if (!table) throw new Error(`alias table "${name}" does not exist`);
    return table;
  },
};

function textNormalizer(rule: ComparatorRule, context: ComparatorContext): (value: string) => string | null {
  const normalize = normalizerFor(rule.params?.normalizer ?? 'text', context.aliasTable);
  return withAliasTables({ normalize, tables: (rule.params?.aliasTables ?? []).map((name) => context.aliasTable(name)) });
}

/** What a comparison may need beyond the two values: per-domain token weights of `weighting: "idf"` comparators, by comparator name. */
export interface CompareContext {
  termWeights?: ReadonlyMap<string, (token: string) => number>;
  /**
   * The weights of a source's records for a comparator keeping per-source frequencies (sourceLayoutWords.ts):
   * the source's layout words weigh less. Undefined: the comparator's `termWeights`.
   */
  sourceWeights?: (comparator: string, source: string) => ((token: string) => number) | undefined;
}

/** The sources of the two records a comparison is made for (`CompareContext.sourceWeights`; undefined: not known). */
export interface ComparedIds {
  a: string | undefined;
  b: string | undefined;
}

export interface CompiledComparator {
  rule: ComparatorRule;
  prepare(record: CanonicalRecord): PreparedValue | undefined;
  /**
   * Comparators of one rule set with the same key prepare the same value from a record (same type of
   * preparation, fields, normaliser and alias tables; what differs is how they compare): the record is
   * prepared once for all of them (`CompiledRules.preparedWith`). Undefined: prepared on its own.
   */
  preparationKey?: string;
  compare(a: PreparedValue, b: PreparedValue, context?: CompareContext, ids?: ComparedIds): ComparisonResult;
  /** Its comparison reads the domain's term weights (`CompareContext.termWeights`): idf token sets. */
  usesTermWeights?: boolean;
}

const MISSING: ComparisonResult = { score: null, outcome: 'missing', a: null, b: null };

function outcomeOf(score: number): ComparatorOutcome {
  if (score >= 0.999) return 'match';
  return score <= 0 ? 'mismatch' : 'partial';
}

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length > 0 ? values : undefined;
}

/** Best pair over two value lists by `similarity`; exact equality short-circuits. */
function bestPair(args: { a: string[]; b: string[]; similarity: (x: string, y: string) => number; floor: number }): ComparisonResult {
  let best = -1;
  // A side can be empty (a name list of family forms only): no value to show is null.
  let bestA = args.a[0] ?? null;
  let bestB = args.b[0] ?? null;
  for (const x of args.a) {
    for (const y of args.b) {
      const score = x === y ? 1 : args.similarity(x, y);
      if (score > best) {
        best = score;
        bestA = x;
        bestB = y;
        if (score === 1) break;
      }
    }
    if (best === 1) break;
  }
  const score = best < args.floor ? 0 : best;
  return { score, outcome: outcomeOf(score), a: bestA, b: bestB };
}

const equality = (x: string, y: string): number => (x === y ? 1 : 0);

function stringPrepare(rule: ComparatorRule, normalize: (v: string) => string | null) {
  return (record: CanonicalRecord): string[] | undefined => nonEmpty(normalizedValues(stringsAtPaths(record, rule.fields), normalize));
}

/** The distinct non-empty normalised values of `raws`. */
function normalizedValues(raws: readonly string[], normalize: (v: string) => string | null): string[] {
  // One value (most fields of most records): the same list without a set made and spread for it.
  if (raws.length === 1) {
    const value = normalize(raws[0] as string);
    return value ? [value] : [];
  }
  const out = new Set<string>();
  for (const raw of raws) {
    const value = normalize(raw);
    if (value) out.add(value);
  }
  return [...out];
}

/** An identifier's values read from its fields, or from the barcodes scanned into `barcodeFields` when they hold none. */
function scannedIdentifierPrepare(rule: ComparatorRule, scheme: IdentifierScheme) {
  const barcodeFields = rule.params?.barcodeFields;
  const normalize = (raw: string): string | null => normalizeIdentifier(scheme, raw);
  return (record: CanonicalRecord): string[] | undefined =>
    nonEmpty(normalizedValues(identifierStrings({ record, fields: rule.fields, scheme, barcodeFields }), normalize));
}

/**
 * `alternatives`: a value holding two forms of a name separated by ` / ` (a bilingual register name) compares as the
 * whole and as each form, normalised alike.
 */
function alternativesPrepare(rule: ComparatorRule, normalize: (v: string) => string | null, forms: (raw: string) => string[]) {
  const placeField = rule.params?.placeTailUnless;
  const stateField = rule.params?.ownStateSuffix;
  const townField = rule.params?.ownTownSuffix;
  if (placeField === undefined && stateField === undefined && townField === undefined)
    return (record: CanonicalRecord): string[] | undefined => alternativeNames(stringsAtPaths(record, rule.fields), normalize, forms);
  // `placeTailUnless`: a record without the place field also compares by its names before a place segment; `ownStateSuffix`:
  // a record also compares by its names before `-<its state>`; `ownTownSuffix`: before `, <its town>` (placeTails.ts).
  return (record: CanonicalRecord): string[] | undefined => {
    let raws = stringsAtPaths(record, rule.fields);
    if (stateField !== undefined) raws = withNamesBeforeStateSuffix(raws, stringsAtPaths(record, [stateField]));
    if (townField !== undefined) raws = withNamesBeforeOwnTown(raws, stringsAtPaths(record, [townField]));
    if (placeField !== undefined) {
      const places = stringsAtPaths(record, [placeField]);
      if (places.length === 0) raws = withNamesBeforePlaceTails(raws);
    }
    return alternativeNames(raws, normalize, forms);
  };
}

/** The normalised forms of `raws` (each side of ` / `, each bracketed name of the entity), or undefined when none is left. */
function alternativeNames(
  raws: readonly string[],
  normalize: (v: string) => string | null,
  forms: (raw: string) => string[],
): string[] | undefined {
  const out = new Set<string>();
  for (const raw of raws)
    for (const form of forms(raw)) {
      const value = normalize(form);
      if (value) out.add(value);
    }
  return nonEmpty([...out]);
}

/** `captionNames`: the own names of `raws` (captionNames.ts) and the related names they give; without it, `raws` as they are. */
function captionNamesOf(rule: ComparatorRule, raws: string[]): { own: string[]; related: string[]; stated: string[] } {
  if (rule.params?.captionNames !== true) return { own: raws, related: [], stated: [] };
  const own: string[] = [];
  const related: string[] = [];
  const stated: string[] = [];
  for (const raw of raws) {
    const read = captionNames(raw);
    if (read === null) own.push(raw);
    else {
      own.push(...read.own);
      related.push(...read.related);
      if (read.stated) stated.push(...read.stated);
    }
  }
  return { own, related, stated };
}

/** The preparation key of a comparator whose prepared value depends only on `parts` and its fields. */
function preparationKeyOf(rule: ComparatorRule, parts: unknown[]): string {
  return JSON.stringify([...parts, rule.fields]);
}

/** The key of `stringPrepare` with `textNormalizer(rule)`. */
function textPreparationKey(rule: ComparatorRule): string {
  return preparationKeyOf(rule, ['strings', rule.params?.normalizer ?? 'text', rule.params?.aliasTables ?? []]);
}

function compileExact(rule: ComparatorRule, normalize: (v: string) => string | null, preparationKey?: string): CompiledComparator {
  const prefixed = rule.params?.prefixedCodes;
  return {
    rule,
    preparationKey,
    prepare: stringPrepare(rule, normalize),
    compare: prefixed
      ? (a, b) =>
          relatedWhenPrefixed(
            bestPair({ a: a as string[], b: b as string[], similarity: equality, floor: 0 }),
            a as string[],
            b as string[],
            prefixed,
          )
      : (a, b) => bestPair({ a: a as string[], b: b as string[], similarity: equality, floor: 0 }),
  };
}

/**
 * `prefixedCodes` on an exact comparator: two values that differ only by a short letter prefix on one
 * side (a reseller's `EP022491741` for Eppendorf's `022491741`, `CLS352096` for Corning's `352096`) are
 * outcome `related` (score 1) instead of a mismatch: a level weighs it apart from an exact match, and a
 * hard rule on `mismatch` (one maker, two part numbers) does not fire. Only run when the values differ.
 */
function relatedWhenPrefixed(
  result: ComparisonResult,
  a: readonly string[],
  b: readonly string[],
  prefixed: { maxPrefix: number; minRest: number },
): ComparisonResult {
  if (result.outcome === 'match') return result;
  for (const x of a)
    for (const y of b)
      if (isPrefixedFor(x, y, prefixed) || isPrefixedFor(y, x, prefixed)) return { score: 1, outcome: 'related', a: x, b: y };
  return result;
}

/** Whether `long` is `short` behind 1..maxPrefix letters A–Z, `short` starting with a digit and at least minRest long. */
export function isPrefixedFor(long: string, short: string, prefixed: { maxPrefix: number; minRest: number }): boolean {
  const cut = long.length - short.length;
  if (cut < 1 || cut > prefixed.maxPrefix || short.length < prefixed.minRest || !long.endsWith(short)) return false;
  const first = short.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  for (let k = 0; k < cut; k++) {
    const code = long.charCodeAt(k);
    if (code < 65 || code > 90) return false;
  }
  return true;
}

// Family forms of a value (relatedTables) travel in the same prepared list, after the names, marked by this prefix.
const FAMILY_MARK = '~';

/** Index of the first family form in a prepared list (its length when there is none). */
function familiesStart(values: readonly string[]): number {
  let i = 0;
  while (i < values.length && !present(values[i], 'value i').startsWith(FAMILY_MARK)) i++;
  return i;
}

/** `ignoreSpaces`: words written together or apart (COOPERSURGICAL / COOPER SURGICAL) are one value. */
function ignoringSpaces(similarity: (x: string, y: string) => number): (x: string, y: string) => number {
  return (x, y) => (x.replaceAll(' ', '') === y.replaceAll(' ', '') ? 1 : similarity(x, y));
}

/** The legal forms (the comparator's `removeTrailing` tables) and registered places (`placePrefixTables`) `truncated` reads. */
function truncationReadings(
  rule: ComparatorRule,
  context: ComparatorContext,
): { forms: LegalForms; places: PlacePrefixes; address: AddressWords } {
  const tables = (names: readonly string[] | undefined): AliasTable[] => (names ?? []).map((name) => context.aliasTable(name));
  return {
    forms: legalFormsOf(tables(rule.params?.aliasTables), normalizeText),
    places: placePrefixesOf(tables(rule.params?.placePrefixTables), normalizeText),
    address: addressWordsOf({
      addressTables: tables(rule.params?.addressTailTables),
      regionTables: tables(rule.params?.regionCodeTables),
      normalize: normalizeText,
    }),
  };
}

function compileFuzzy(rule: ComparatorRule, context: ComparatorContext): CompiledComparator {
  const algorithm = rule.params?.algorithm ?? 'jaroWinkler';
  const byAlgorithm = algorithm === 'fuse' ? fuseSimilarity : algorithm === 'tokenJaroWinkler' ? tokenJaroWinkler : jaroWinkler;
  const spaced = rule.params?.ignoreSpaces ? ignoringSpaces(byAlgorithm) : byAlgorithm;
  const acronymSite = rule.params?.acronymSiteWords
    ? { words: new Set(rule.params.acronymSiteWords), otherSiteWords: new Set(rule.params.acronymOtherSiteWords ?? []) }
    : undefined;
  const withShortForms = rule.params?.acronyms ? withAcronyms(spaced, acronymSite) : spaced;
  const truncating = rule.params?.truncated ? withTruncation(withShortForms, truncationReadings(rule, context)) : withShortForms;
  const similarity = rule.params?.initials ? withInitials(truncating) : truncating;
  const floor = rule.params?.floor ?? 0;
  const relatedTables = rule.params?.relatedTables ?? [];
  if (relatedTables.length > 0) return compileFuzzyWithFamilies({ rule, context, similarity, floor, relatedTables });
  const readings: NameReadingOptions = {
    ocrConfusions: rule.params?.ocrConfusions === true,
    domainNames: rule.params?.domainNames === true,
    scriptSkeletons: rule.params?.scriptSkeletons === true,
    ...(rule.params?.fieldCutWidths ? { fieldWidths: new Set(rule.params.fieldCutWidths) } : {}),
    merchantDescriptors: rule.params?.merchantDescriptors === true,
  };
  if (
    readings.fieldWidths !== undefined ||
    readings.merchantDescriptors ||
    readings.ocrConfusions ||
    readings.domainNames ||
    readings.scriptSkeletons ||
    rule.params?.captionNames ||
    rule.params?.otherNameTables ||
    rule.params?.brandDescriptorTables
  )
    return compileFuzzyWithReadings({ rule, context, similarity, floor, readings, plainSimilarity: spaced });
  const marksAcronymOnly = rule.params?.acronyms === true && rule.params.acronymOnlyOutcome === 'related';
  const contained = rule.params?.containedNames;
  const containedWords = {
    stopWords: new Set(contained?.stopWords ?? []),
    campusWords: new Set(contained?.campusWords ?? []),
    kindWords: new Set(contained?.kindWords ?? []),
    ...(contained?.systemOfSite
      ? {
          systemOfSite: {
            systemWords: new Set(contained.systemOfSite.systemWords),
            siteWords: new Set(contained.systemOfSite.siteWords),
          },
        }
      : {}),
  };
  const otherSites = rule.params?.otherSiteNames;
  const siteNameWords = otherSites
    ? { genericWords: new Set(otherSites.genericWords), siteWords: new Set(otherSites.siteWords) }
    : undefined;
  const best = siteNameWords
    ? (a: string[], b: string[]) => mismatchWhenOtherSites(bestPair({ a, b, similarity, floor }), siteNameWords)
    : (a: string[], b: string[]) => bestPair({ a, b, similarity, floor });
  const scored = marksAcronymOnly ? (a: string[], b: string[]) => relatedWhenAcronymOnly(best(a, b), acronymSite) : best;
  const compareNames = contained
    ? (a: string[], b: string[]) => relatedWhenContained(scored(a, b), a, b, containedWords)
    : (a: string[], b: string[]) => scored(a, b);
  const nameForms = nameFormsWith(context.aliasTable);
  const prepareNames = rule.params?.alternatives
    ? alternativesPrepare(
        rule,
        textNormalizer(rule, context),
        rule.params.statedRenamings ? (raw) => statedRenamingForms(raw).flatMap(nameForms) : nameForms,
      )
    : stringPrepare(rule, textNormalizer(rule, context));
  const preparationKey = rule.params?.alternatives
    ? `${textPreparationKey(rule)}/alternatives${rule.params.placeTailUnless ? `/placeTail:${rule.params.placeTailUnless}` : ''}${rule.params.ownStateSuffix ? `/stateSuffix:${rule.params.ownStateSuffix}` : ''}${rule.params.ownTownSuffix ? `/townSuffix:${rule.params.ownTownSuffix}` : ''}${rule.params.statedRenamings ? '/renamings' : ''}`
    : textPreparationKey(rule);
  const written = rule.params?.acronyms && rule.params.writtenAcronyms ? compiledWrittenAcronyms(rule.params.writtenAcronyms) : undefined;
  if (written === undefined)
    return { rule, preparationKey, prepare: prepareNames, compare: (a, b) => compareNames(a as string[], b as string[]) };
  return {
    rule,
    preparationKey: `${preparationKey}/written:${written.compoundHeads.join(',')}`,
    prepare: (record) => withWrittenReadings({ values: prepareNames(record), raws: stringsAtPaths(record, rule.fields), written }),
    compare: (a, b) => compareWithWrittenReadings({ a: a as string[], b: b as string[], compareNames, site: acronymSite }),
  };
}

// Written readings of a name (param writtenAcronyms) travel in the prepared list after the names, marked by this prefix.
const WRITTEN_MARK = '^';

/** A name list with its written readings (acronyms.ts writtenReadings) after it, marked; most names have none. */
function withWrittenReadings(args: { values: string[] | undefined; raws: string[]; written: WrittenAcronyms }): string[] | undefined {
  const { values, written } = args;
  if (!values) return values;
  const extra = args.raws.flatMap((raw) => writtenReadings({ raw, written, values }));
  return extra.length === 0 ? values : [...values, ...new Set(extra)].map((value, i) => (i < values.length ? value : WRITTEN_MARK + value));
}

/** Index of the first written reading in a prepared list (its length when there is none). */
function writtenStart(values: readonly string[]): number {
  let i = 0;
  while (i < values.length && !present(values[i], 'value i').startsWith(WRITTEN_MARK)) i++;
  return i;
}

/**
 * Names compared as always; a pair neither the same nor related is an initialism of a written name (related,
 * WRITTEN_ACRONYM_SCORE) when an initialism of one side's name spells the other side's written reading
 * (acronyms.ts spellsWrittenReading).
 */
function compareWithWrittenReadings(args: {
  a: string[];
  b: string[];
  compareNames: (a: string[], b: string[]) => ComparisonResult;
  site: AcronymSiteWords | undefined;
}): ComparisonResult {
  const { a, b, compareNames } = args;
  const endA = writtenStart(a);
  const endB = writtenStart(b);
  if (endA === a.length && endB === b.length) return compareNames(a, b);
  const namesA = a.slice(0, endA);
  const namesB = b.slice(0, endB);
  const result = compareNames(namesA, namesB);
  if (result.outcome === 'match' || result.outcome === 'related') return result;
  const site = args.site ? { site: args.site } : {};
  const spelt = (short: readonly string[], written: readonly string[], start: number): [string, string] | null => {
    for (const value of short)
      for (let j = start; j < written.length; j++) {
        const long = present(written[j], 'written reading').slice(WRITTEN_MARK.length);
        if (spellsWrittenReading({ short: value, long, ...site })) return [value, long];
      }
    return null;
  };
  const aSpellsB = spelt(namesA, b, endB);
  if (aSpellsB) return { score: WRITTEN_ACRONYM_SCORE, outcome: 'related', a: aSpellsB[0], b: aSpellsB[1] };
  const bSpellsA = spelt(namesB, a, endA);
  if (bSpellsA) return { score: WRITTEN_ACRONYM_SCORE, outcome: 'related', a: bSpellsA[1], b: bSpellsA[0] };
  return result;
}

/**
 * A fuzzy comparator that also reads a value's OCR-folded form or its domain label (`ocrConfusions`, `domainNames`):
 * those readings travel in the prepared list after the names, marked (nameReadingComparison.ts), and are compared only
 * when the names themselves are not near-identical.
 */
function compileFuzzyWithReadings(args: {
  rule: ComparatorRule;
  context: ComparatorContext;
  similarity: (x: string, y: string) => number;
  floor: number;
  readings: NameReadingOptions;
  /** The similarity without the acronym, truncation and initials readings: what a related name is compared by. */
  plainSimilarity: (x: string, y: string) => number;
}): CompiledComparator {
  const { rule, context, similarity, floor, readings, plainSimilarity } = args;
  const normalize = textNormalizer(rule, context);
  const isAlternatives = rule.params?.alternatives === true;
  const townField = rule.params?.ownTownSuffix;
  const nameForms = nameFormsWith(context.aliasTable);
  const readingsOf = nameReadingsOf({ normalize, options: readings });
  const brands = brandReadingsOf(rule, context);
  const flags = `${readings.ocrConfusions ? '/ocr' : ''}${readings.domainNames ? '/domains' : ''}${readings.scriptSkeletons ? '/skeletons' : ''}${rule.params?.captionNames ? '/captions' : ''}${readings.fieldWidths ? `/cuts:${[...readings.fieldWidths].join(',')}` : ''}${readings.merchantDescriptors ? '/merchants' : ''}`;
  const forms = readings.fieldWidths ? truncationReadings(rule, context).forms : null;
  const compare = withNameReadings({
    similarity,
    plainSimilarity,
    floor,
    best: (a, b) => bestPair({ a, b, similarity, floor }),
    ...(brands ? { brandWords: brands.words } : {}),
    ...(forms ? { cutScore: (cut: string, other: string) => fieldCutScore(cut, other, forms) } : {}),
  });
  const otherNameTables = rule.params?.otherNameTables;
  const bilingual = otherNameTables
    ? bilingualNamesOf(
        otherNameTables.map((name) => context.aliasTable(name)),
        normalize,
      )
    : null;
  const territoryTables = rule.params?.territoryNameTables;
  const isTerritoryOnly = territoryTables
    ? territoryOnlyReader(
        territoryNamesOf(
          territoryTables.map((name) => context.aliasTable(name)),
          normalizeText,
        ),
      )
    : null;
  return {
    rule,
    preparationKey: `${textPreparationKey(rule)}${isAlternatives ? '/alternatives' : ''}${townField ? `/townSuffix:${townField}` : ''}${flags}${rule.params?.relatedNameFields ? `/stated:${rule.params.relatedNameFields.join(',')}` : ''}${otherNameTables ? `/official:${otherNameTables.join(',')}` : ''}`,
    prepare: (record) => {
      const { own, related, stated } = captionNamesOf(rule, stringsAtPaths(record, rule.fields));
      related.push(...statedNamesAtPaths(record, rule.params?.relatedNameFields));
      // A public body's other official name (bilingualNames.ts): stated by the table's row, compared strictly.
      if (bilingual) stated.push(...bilingualOtherNames({ raws: own, names: bilingual, normalize }));
      // `ownTownSuffix`: a name ending in `, <its town>` also compares by the name before it (placeTails.ts).
      const named = townField === undefined ? own : withNamesBeforeOwnTown(own, stringsAtPaths(record, [townField]));
      const values = isAlternatives ? alternativeNames(named, normalize, nameForms) : nonEmpty(normalizedValues(named, normalize));
      if (!values) return undefined;
      const extra = [
        ...readingsOf(own),
        ...relatedNameReadings({ normalize, related, own: values }),
        ...(stated.length > 0 ? statedBracketReadings({ normalize, stated, own: values }) : []),
      ];
      if (brands) for (const raw of own) addBrandReading({ raw, normalize, brands, into: extra });
      return extra.length > 0 ? [...values, ...extra] : values;
    },
    // Two names alike only by a country's or territory's name (`Air X` / `Royal X`) are different names (territoryNames.ts).
    compare: isTerritoryOnly
      ? (a, b) => {
          const result = compare(a, b);
          return result.outcome === 'partial' && result.a !== null && result.b !== null && isTerritoryOnly(result.a, result.b)
            ? { score: 0, outcome: 'mismatch', a: result.a, b: result.b }
            : result;
        }
      : compare,
  };
}

/** `brandDescriptorTables`: the descriptive words a brand leaves out and the legal forms that say a name is no brand (brandNames.ts). */
function brandReadingsOf(rule: ComparatorRule, context: ComparatorContext): { words: BrandWords; forms: StatedForms } | null {
  const tableNames = rule.params?.brandDescriptorTables;
  if (!tableNames) return null;
  return {
    words: brandWordsOf(
      tableNames.map((name) => context.aliasTable(name)),
      normalizeText,
    ),
    forms: statedFormsOf(
      (rule.params?.aliasTables ?? []).map((name) => context.aliasTable(name)),
      normalizeText,
    ),
  };
}

/** Adds the brand reading of one own name to `into` when it states no legal form and may be a brand (a few words, a distinctive head). */
function addBrandReading(args: {
  raw: string;
  normalize: (value: string) => string | null;
  brands: { words: BrandWords; forms: StatedForms };
  into: string[];
}): void {
  const name = args.normalize(args.raw);
  if (!name || !mayBeBrand(name, args.brands.words) || statesLegalForm(args.raw, args.brands.forms, normalizeText)) return;
  // The head as written, not as an alias table expands it: `J&J` (JOHNSON AND JOHNSON) is an acronym of three letters.
  if (!hasBrandHeadAsWritten(args.raw)) return;
  const reading = brandReading(name);
  if (!args.into.includes(reading)) args.into.push(reading);
}

/** `acronymOnlyOutcome: related`: a pair equal only through an acronym that is a whole value gets a level of its own. */
function relatedWhenAcronymOnly(result: ComparisonResult, site?: AcronymSiteWords): ComparisonResult {
  if (result.score !== ACRONYM_ONLY_SCORE || result.a === null || result.b === null || !isAcronymOnly(result.a, result.b, site))
    return result;
  return { ...result, outcome: 'related' };
}

/**
 * Token weights per prepared token array, per weight function: a record's weights are resolved once
 * for all the pairs it is in (a weight function stands for one set of term counts — a batch, or one
 * incremental match — so the cache lives exactly as long as those counts).
 */
const weighedByFunction = new WeakMap<(token: string) => number, WeakMap<readonly string[], WeightedTokens>>();

function weighedOnce(weightOf: (token: string) => number, tokens: readonly string[]): WeightedTokens {
  let byTokens = weighedByFunction.get(weightOf);
  if (!byTokens) {
    byTokens = new WeakMap();
    weighedByFunction.set(weightOf, byTokens);
  }
  let weighed = byTokens.get(tokens);
  if (!weighed) {
    weighed = weighTokens(tokens, weightOf);
    byTokens.set(tokens, weighed);
  }
  return weighed;
}

/**
 * A fuzzy comparator that also reads each value's family (brand owner, former owner, distributor of a
 * product line) through `relatedTables`: values that differ but share a family are `related` with
 * score 1, so a level weighs "Kendall vs Cardinal Health" apart from "Kendall vs Kendall".
 */
function compileFuzzyWithFamilies(args: {
  rule: ComparatorRule;
  context: ComparatorContext;
  similarity: (x: string, y: string) => number;
  floor: number;
  relatedTables: string[];
}): CompiledComparator {
  const { rule, context, similarity, floor } = args;
  const baseNormalize = textNormalizer(rule, context);
  const normalize = normalizerFor(rule.params?.normalizer ?? 'text', context.aliasTable);
  const familyNormalize = withAliasTables({
    normalize,
    tables: [...(rule.params?.aliasTables ?? []), ...args.relatedTables].map((name) => context.aliasTable(name)),
  });
  return {
    rule,
    prepare: (record) => {
      const names = new Set<string>();
      const families = new Set<string>();
      for (const raw of stringsAtPaths(record, rule.fields)) {
        const name = baseNormalize(raw);
        if (name) names.add(name);
        const family = familyNormalize(raw);
        if (family && family !== name) families.add(`${FAMILY_MARK}${family}`);
      }
      return nonEmpty([...names, ...families]);
    },
    // Names come first, family forms after them: a value without a relation allocates nothing here.
    compare: (a, b) => {
      const va = a as string[];
      const vb = b as string[];
      const endA = familiesStart(va);
      const endB = familiesStart(vb);
      const best = bestPair({
        a: endA === va.length ? va : va.slice(0, endA),
        b: endB === vb.length ? vb : vb.slice(0, endB),
        similarity,
        floor,
      });
      if (best.outcome === 'match') return best;
      for (let i = endA; i < va.length; i++)
        for (let j = endB; j < vb.length; j++) if (va[i] === vb[j]) return { score: 1, outcome: 'related', a: best.a, b: best.b };
      return best;
    },
  };
}

function compileTokenSet(rule: ComparatorRule, context: ComparatorContext): CompiledComparator {
  const floor = rule.params?.floor ?? 0;
  const wordsOf = withAliasTablesTokens({
    normalize: normalizerFor(rule.params?.normalizer ?? 'text', context.aliasTable),
    tables: (rule.params?.aliasTables ?? []).map((name) => context.aliasTable(name)),
  });
  // Each field's words remembered while its values repeat: a maker's name pooled into an item's description set
  // recurs across a catalogue (a few hundred makers for thousands of lines), its free text does not (that field's
  // memory turns itself off). The same words either way: the chain is a pure function of the value.
  const fields = rule.fields.map((path) => ({ paths: [path], wordsOf: rememberedWhileRepeating(wordsOf) }));
  const isIdf = rule.params?.weighting === 'idf';
  const isContainment = rule.params?.measure === 'containment';
  const termsName = rule.params?.termsOf ?? rule.name;
  const intern = createIntern();
  const shorthand: ShorthandOptions | null = rule.params?.shorthand ? shorthandOptionsOf(rule.params.shorthand) : null;
  const declaredMeasurements = rule.params?.measurements;
  const measurements: MeasurementOptions | null =
    isContainment && declaredMeasurements
      ? { units: new Set(declaredMeasurements.units.map((unit) => unit.toUpperCase())), numbers: declaredMeasurements.numbers === true }
      : null;
  const sounds = rule.params?.scriptSounds;
  return {
    rule,
    ...(isIdf ? { usesTermWeights: true } : {}),
    preparationKey: preparationKeyOf(rule, [
      'tokens',
      rule.params?.normalizer ?? 'text',
      rule.params?.aliasTables ?? [],
      sounds ? 'sounds' : '',
    ]),
    // All fields pool into ONE sorted token set: word order and field boundaries do not matter. With `scriptSounds`, the
    // sound keys of words of other scripts (`~KEY`, scriptSounds.ts) sort after every word.
    prepare: (record) => {
      const tokens = new Set<string>();
      for (const field of fields)
        for (const raw of stringsAtPaths(record, field.paths)) {
          for (const token of field.wordsOf(raw)) tokens.add(intern(token));
          if (sounds) for (const token of scriptSoundTokens(raw)) tokens.add(intern(token));
        }
      return nonEmpty([...tokens].sort());
    },
    // Without known frequencies (a pair scored outside any domain) idf falls back to uniform weights.
    compare: (a, b, context, ids) => {
      const preparedA = a as string[];
      const preparedB = b as string[];
      // Sound keys are no words: every measure below reads the words alone, and sound matches are added after.
      const ta = sounds ? withoutSoundTokens(preparedA) : preparedA;
      const tb = sounds ? withoutSoundTokens(preparedB) : preparedB;
      const weightOf = isIdf ? context?.termWeights?.get(termsName) : undefined;
      const bySource = isIdf && ids ? context?.sourceWeights : undefined;
      const pair =
        bySource && ids
          ? tokenPairOf(
              ta,
              tb,
              (ids.a !== undefined ? bySource(termsName, ids.a) : undefined) ?? weightOf,
              (ids.b !== undefined ? bySource(termsName, ids.b) : undefined) ?? weightOf,
            )
          : tokenPairOf(ta, tb, weightOf, weightOf);
      const { wa, wb } = pair;
      let exact = 0;
      if (ta.length > 0 && tb.length > 0) {
        const common = pair.common;
        exact = isContainment
          ? containmentOf(common, ta, wa, tb, wb)
          : wa && wb
            ? weighedSetSimilarityOf(common, wa, wb)
            : (common / ta.length + common / tb.length) / 2;
      }
      let raw = shorthand && exact < 1 ? withShorthand({ exact, pair, isContainment, options: shorthand }) : exact;
      if (measurements && raw < 1 && ta.length > 0 && tb.length > 0)
        raw = Math.max(raw, withoutMeasurements(pair, measurements, shorthand));
      if (sounds && raw < 1 && (ta !== preparedA || tb !== preparedB))
        raw = Math.max(raw, withSoundMatches({ pair, preparedA, preparedB, isContainment, shorthand, credit: sounds.credit }));
      const score = raw < floor ? 0 : raw;
      return new TokenSetComparison(score, outcomeOf(score), ta, tb);
    },
  };
}

/** One options object per distinct `shorthand` params, so comparators declaring the same ones share their pair work (`creditsOf`). */
const shorthandOptions = new Map<string, ShorthandOptions>();

function shorthandOptionsOf(params: NonNullable<NonNullable<ComparatorRule['params']>['shorthand']>): ShorthandOptions {
  // The params with their defaults, once: the cache key is made of them and the options are them (exclusions as a set).
  const read = {
    minLength: params.minLength ?? 3,
    credit: params.credit ?? 0.75,
    exclude: (params.exclude ?? []).map((word) => word.toUpperCase()),
    typoMinLength: params.typoMinLength ?? 0,
    joinMinLength: params.joinMinLength ?? 0,
    joinLetterPrefix: params.joinLetterPrefix === true,
    vowelDrops: params.vowelDrops === true,
    stemMinLength: params.stemMinLength ?? 0,
    soundAlikeJoins: params.soundAlikeJoins === true,
  };
  const key = JSON.stringify(read);
  let options = shorthandOptions.get(key);
  if (!options) {
    options = { ...read, exclude: new Set(read.exclude) };
    shorthandOptions.set(key, options);
  }
  return options;
}

/** What token-set comparators compute of a pair's token arrays before taking their measure. */
interface TokenPair {
  ta: readonly string[];
  tb: readonly string[];
  weightOf: ((token: string) => number) | undefined;
  /** Side b's weights (another function than `weightOf` when a side's source has layout words). */
  weightOfB: ((token: string) => number) | undefined;
  /** Resolved weights (null: uniform). */
  wa: WeightedTokens | null;
  wb: WeightedTokens | null;
  /** `commonTokenWeight(ta, wa, tb)` (0 when a side is empty); with two weight functions each shared token at the lighter of its weights. */
  common: number;
  /** Shorthand credits, for `creditOptions` (null: not computed yet for this pair). */
  creditOptions: ShorthandOptions | null;
  creditA: number;
  creditB: number;
}

/**
 * The last pair's token work, reused by the next comparator that reads the same token arrays with the
 * same weights: comparators sharing a prepared value (`preparedWith`: item `description` and
 * `descriptionContained`) run one after the other on a pair and differ only in the measure they take of
 * the same weights, common weight and shorthand credits. Keyed by identity (prepared values and weight
 * functions are read-only), so a hit is the same computation on the same inputs.
 */
const lastPair: TokenPair = {
  ta: [],
  tb: [],
  weightOf: undefined,
  weightOfB: undefined,
  wa: null,
  wb: null,
  common: 0,
  creditOptions: null,
  creditA: 0,
  creditB: 0,
};

function tokenPairOf(
  ta: readonly string[],
  tb: readonly string[],
  weightOf: ((token: string) => number) | undefined,
  weightOfB: ((token: string) => number) | undefined,
): TokenPair {
  const pair = lastPair;
  if (pair.ta === ta && pair.tb === tb && pair.weightOf === weightOf && pair.weightOfB === weightOfB) return pair;
  const wa = weightOf ? weighedOnce(weightOf, ta) : null;
  const wb = weightOfB ? weighedOnce(weightOfB, tb) : null;
  pair.ta = ta;
  pair.tb = tb;
  pair.weightOf = weightOf;
  pair.weightOfB = weightOfB;
  pair.wa = wa;
  pair.wb = wb;
  pair.common =
    ta.length === 0 || tb.length === 0 ? 0 : weightOfB === weightOf ? commonTokenWeight(ta, wa, tb) : lighterCommonWeight(ta, wa, tb, wb);
  pair.creditOptions = null;
  return pair;
}

/** The shorthand credits of a pair (computed once per pair and options). */
function creditsOf(pair: TokenPair, options: ShorthandOptions): TokenPair {
  if (pair.creditOptions !== options) {
    const { creditA, creditB } = shorthandCredit({ a: pair.ta, wa: pair.wa, b: pair.tb, wb: pair.wb, options });
    pair.creditOptions = options;
    pair.creditA = creditA;
    pair.creditB = creditB;
  }
  return pair;
}

/** The exact token-set score plus what shorthand pairs among the tokens it left unmatched add (same measure, capped at 1). */
function withShorthand(args: { exact: number; pair: TokenPair; isContainment: boolean; options: ShorthandOptions }): number {
  const { exact, pair, isContainment, options } = args;
  const { ta, tb, wa, wb } = pair;
  if (ta.length === 0 || tb.length === 0) return exact;
  const { creditA, creditB } = creditsOf(pair, options);
  if (creditA === 0 && creditB === 0) return exact;
  const totalA = wa ? wa.total : ta.length;
  const totalB = wb ? wb.total : tb.length;
  if (totalA === 0 || totalB === 0) return exact;
  const added = isContainment ? (totalA <= totalB ? creditA / totalA : creditB / totalB) : (creditA / totalA + creditB / totalB) / 2;
  return Math.min(1, exact + added);
}

/**
 * The pair's measure with its sound matches (scriptSounds.ts) counted at `credit` of their weight: a Latin word met by
 * the sound of a word of another script on the other side, and on the script side that word read as the Latin word (it
 * was no token before: it joins the side's total when that raises the side's share, never lowers it); shorthand credits
 * as `withShorthand` counts them.
 */
function withSoundMatches(args: {
  pair: TokenPair;
  preparedA: readonly string[];
  preparedB: readonly string[];
  isContainment: boolean;
  shorthand: ShorthandOptions | null;
  credit: number;
}): number {
  const { pair, isContainment, shorthand, credit } = args;
  const { latinA, scriptA, latinB, scriptB } = soundMatchedWeights(
    { tokens: args.preparedA, weights: pair.wa ? pair.wa.weights : null, weightOf: pair.weightOf },
    { tokens: args.preparedB, weights: pair.wb ? pair.wb.weights : null, weightOf: pair.weightOfB },
    shorthand ? shorthand.exclude : NO_EXCLUSIONS,
  );
  if (latinA + scriptA + latinB + scriptB === 0) return 0;
  const credits = shorthand && pair.ta.length > 0 && pair.tb.length > 0 ? creditsOf(pair, shorthand) : null;
  const baseA = pair.wa ? pair.wa.total : pair.ta.length;
  const baseB = pair.wb ? pair.wb.total : pair.tb.length;
  const shareA = soundShare(pair.common + (credits ? credits.creditA : 0), baseA, latinA * credit, scriptA, credit);
  const shareB = soundShare(pair.common + (credits ? credits.creditB : 0), baseB, latinB * credit, scriptB, credit);
  const totalA = baseA + scriptA;
  const totalB = baseB + scriptB;
  return Math.min(1, isContainment ? (totalA <= totalB ? shareA : shareB) : (shareA + shareB) / 2);
}

/** One side's share with its sound matches: its Latin words met (`latinCredit`), and its script words read as words (`script`, at `credit`) when that raises the share. */
function soundShare(matched: number, total: number, latinCredit: number, script: number, credit: number): number {
  const withLatin = total === 0 ? 0 : (matched + latinCredit) / total;
  const withScript = (matched + latinCredit + credit * script) / (total + script || 1);
  return Math.min(1, Math.max(withLatin, withScript));
}

const NO_EXCLUSIONS: ReadonlySet<string> = new Set();

/** The containment of a pair without its measurement words (see measurementTokens.ts), shorthand credits included. */
function withoutMeasurements(pair: TokenPair, options: MeasurementOptions, shorthand: ShorthandOptions | null): number {
  const credits = shorthand ? creditsOf(pair, shorthand) : null;
  return containmentWithoutMeasurements({
    ta: pair.ta,
    tb: pair.tb,
    wa: pair.wa,
    wb: pair.wb,
    common: pair.common,
    creditA: credits ? credits.creditA : 0,
    creditB: credits ? credits.creditB : 0,
    options,
  });
}

/** A token-set result; the two sides are joined into text only when an explanation reads them (not per batch pair). */
class TokenSetComparison implements ComparisonResult {
  constructor(
    readonly score: number,
    readonly outcome: ComparatorOutcome,
    private readonly ta: readonly string[],
    private readonly tb: readonly string[],
  ) {}

  get a(): string {
    return this.ta.join(' ');
  }

  get b(): string {
    return this.tb.join(' ');
  }
}

function compileNumeric(rule: ComparatorRule): CompiledComparator {
  const tolerance = rule.params?.tolerance ?? 0;
  const relative = rule.params?.relativeTolerance ?? 0;
  return {
    rule,
    prepare: (record) => {
      const out: number[] = [];
      for (const path of rule.fields) {
        for (const value of valuesAtPath(record, path)) {
          const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
          if (Number.isFinite(n)) out.push(n);
        }
      }
      return nonEmpty(out);
    },
    compare: (a, b) => {
      const na = a as number[];
      const nb = b as number[];
      for (const x of na) {
        for (const y of nb) {
          const allowed = Math.max(tolerance, relative * Math.max(Math.abs(x), Math.abs(y)));
          if (Math.abs(x - y) <= allowed) return { score: 1, outcome: 'match', a: String(x), b: String(y) };
        }
      }
      return { score: 0, outcome: 'mismatch', a: String(na[0]), b: String(nb[0]) };
    },
  };
}

function compileIdentifier(rule: ComparatorRule): CompiledComparator {
  const scheme = rule.params?.scheme ?? 'raw';
  return {
    rule,
    preparationKey: preparationKeyOf(rule, ['identifier', scheme]),
    prepare: rule.params?.barcodeFields
      ? scannedIdentifierPrepare(rule, scheme)
      : stringPrepare(rule, (v) => normalizeIdentifier(scheme, v)),
    compare: (a, b) => {
      const va = a as string[];
      const vb = b as string[];
      for (const x of va) for (const y of vb) if (x === y) return { score: 1, outcome: 'match', a: x, b: y };
      if (scheme === 'gtin') {
        // Same base (digits 2–13), different indicator: the same product at another packaging level.
        for (const x of va) {
          for (const y of vb) {
            if (x.length === 14 && y.length === 14 && x.slice(1, 13) === y.slice(1, 13))
              return { score: 0, outcome: 'related', a: x, b: y };
          }
        }
      }
      return { score: 0, outcome: 'mismatch', a: va[0] ?? null, b: vb[0] ?? null };
    },
  };
}

/** A prepared address with the places its record names besides its town (address param `townNamedIn`); as it was when none. */
function withPlacesNamed(address: PreparedAddress, args: { names: readonly string[]; line1: unknown }): PreparedAddress {
  if (args.names.length === 0) return address;
  const placesNamed = placesNamedBy({ names: args.names, line1: typeof args.line1 === 'string' ? args.line1 : '', city: address.city });
  return placesNamed === '' ? address : { ...address, placesNamed };
}

/** Whether two addresses compare a street line or a postal code, not only a city and / or state. */
function comparesPlace(a: PreparedAddress, b: PreparedAddress): boolean {
  return (a.street !== '' && b.street !== '') || (a.postalCode !== '' && b.postalCode !== '');
}

/** Whether two addresses hold at least one part (street, postal code, city, state) on both sides. */
function sharesAnyPart(a: PreparedAddress, b: PreparedAddress): boolean {
  return (
    (a.street !== '' && b.street !== '') ||
    (a.postalCode !== '' && b.postalCode !== '') ||
    (a.city !== '' && b.city !== '') ||
    (a.state !== '' && b.state !== '')
  );
}

/** No address of one record shares a part with any address of the other (addresses are one or two per record). */
function allUnshared(a: readonly PreparedAddress[], b: readonly PreparedAddress[]): boolean {
  return a.every((x) => b.every((y) => !sharesAnyPart(x, y)));
}

/**
 * The place reading of an address comparator with `aliasTables` (facility: `placeNames`): a city or region written in one
 * language of a bilingual region or as an exonym (`Casnewydd` / `Newport`, `Bozen` / `Bolzano`, `Sitten` / `Sion`) is read
 * as the one name the table gives both, once per record; without tables a place is left as written.
 */
function placeReaderOf(rule: ComparatorRule, context: ComparatorContext): (address: PreparedAddress) => PreparedAddress {
  const tables = placeTablesOf(rule, context);
  if (tables.length === 0) return (address) => address;
  const read = withAliasTables({ normalize: (value) => normalizeText(value) || null, tables });
  const placeOf = (value: string): string => (value === '' ? value : (read(value) ?? value));
  return (address) => {
    const city = placeOf(address.city);
    const state = placeOf(address.state);
    return city === address.city && state === address.state ? address : { ...address, city, state };
  };
}

function placeTablesOf(rule: ComparatorRule, context: ComparatorContext): AliasTable[] {
  return (rule.params?.aliasTables ?? []).map((name) => context.aliasTable(name)).filter((table) => table !== undefined);
}

/** A letter of a script other than Latin (Arabic, Hebrew, Ethiopic, kanji…): a city prepareAddress may leave unread. */
const OTHER_SCRIPT_CITY = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/**
 * A city written in a script the address normaliser does not romanise (prepareAddress: Arabic is read without its
 * vowels, kanji in pinyin, so an unknown place would turn into a different one) is read only when the place tables list
 * it, by its any-ascii reading, as their one name (`کابل` = Kabul, `هرات` = Herat: national lists of Afghanistan, Iraq
 * or Iran write the city in Pashto, Dari, Persian or Sorani; placeNames). A city no row lists stays unread. Once per
 * record, and only for a city that holds such letters.
 */
function scriptCityReaderOf(rule: ComparatorRule, context: ComparatorContext): (city: string) => string | null {
  const tables = placeTablesOf(rule, context);
  if (tables.length === 0) return () => null;
  const reading = (value: string): string | null => normalizeText(anyAscii(value)) || null;
  const read = withAliasTables({ normalize: reading, tables });
  return (city) => {
    if (!OTHER_SCRIPT_CITY.test(city)) return null;
    const unread = reading(city);
    const listed = read(city);
    return listed && listed !== unread ? listed : null;
  };
}

function compileAddress(rule: ComparatorRule, context: ComparatorContext): CompiledComparator {
  const readPlaces = placeReaderOf(rule, context);
  const readScriptCity = scriptCityReaderOf(rule, context);
  const floor = rule.params?.floor ?? 0;
  const localityOnlyRelated = rule.params?.localityOnlyOutcome === 'related';
  const isUnsharedMissing = rule.params?.unsharedPartsOutcome === 'missing';
  const comparison = { isLocalityInStreet: rule.params?.localityInStreet === true, isOtherTownApart: rule.params?.otherTownApart === true };
  const nameFields = rule.params?.townNamedIn ?? [];
  return {
    rule,
    prepare: (record) => {
      const out: PreparedAddress[] = [];
      const names = nameFields.flatMap((path) => valuesAtPath(record, path).filter((value): value is string => typeof value === 'string'));
      for (const path of rule.fields) {
        for (const value of valuesAtPath(record, path)) {
          if (value && typeof value === 'object') {
            const raw = value as Record<string, unknown>;
            const cities = typeof raw.city === 'string' ? townAlternatives(raw.city) : [raw.city];
            for (const city of cities) {
              const scriptCity = typeof city === 'string' ? readScriptCity(city) : null;
              const prepared = prepareAddress({ ...raw, city: scriptCity ?? city });
              if (prepared) out.push(withPlacesNamed(readPlaces(prepared), { names, line1: raw.line1 }));
            }
          }
        }
      }
      return nonEmpty(out);
    },
    compare: (a, b) => {
      let best = -1;
      let pair: [PreparedAddress, PreparedAddress] = [
        present((a as PreparedAddress[])[0], 'first address of a'),
        present((b as PreparedAddress[])[0], 'first address of b'),
      ];
      for (const x of a as PreparedAddress[]) {
        for (const y of b as PreparedAddress[]) {
          const score = addressSimilarity(x, y, comparison);
          if (score > best) {
            best = score;
            pair = [x, y];
          }
        }
      }
      if (isUnsharedMissing && best <= 0 && allUnshared(a as PreparedAddress[], b as PreparedAddress[])) return MISSING;
      const score = best < floor ? 0 : best;
      const outcome = localityOnlyRelated && score > 0 && !comparesPlace(pair[0], pair[1]) ? 'related' : outcomeOf(score);
      return { score, outcome, a: formatAddress(pair[0]), b: formatAddress(pair[1]) };
    },
  };
}

function firstShared(a: readonly string[], b: readonly string[]): string | undefined {
  // Code lists are a handful of values: nested loops beat building a Set per pair.
  for (const x of a) for (const y of b) if (x === y) return x;
  return undefined;
}

// Shared by every prepared record without codes of a kind; never written to (prepared values are read-only).
const NO_CODES: string[] = [];

function compileCodeInText(rule: ComparatorRule, context: ComparatorContext): CompiledComparator {
  const minLength = rule.params?.minLength ?? 4;
  const rewrite = compileTextRewrites(rule.params?.textRewrites, context.aliasTable);
  const textFields = rule.params?.textFields ?? [];
  const isTextCodeConflict = rule.params?.isTextCodeConflict === true;
  const prefixed = rule.params?.prefixedCodes;
  // `CLS431720` → `431720`: a few letters, then a rest long enough to be distinctive that starts with a digit.
  const prefix = prefixed ? new RegExp(`^[A-Z]{1,${prefixed.maxPrefix}}(?=\\d[A-Z0-9]{${prefixed.minRest - 1},}$)`) : null;
  return {
    rule,
    prepare: (record) => {
      // Each set is made when its first value is read: most records read no value of one kind or another.
      let codes: Set<string> | null = null;
      for (const raw of stringsAtPaths(record, rule.fields)) {
        const code = normalizeWith('partNumber', raw);
        if (code && code.length >= minLength) (codes ??= new Set<string>()).add(code);
      }
      let textCodes: Set<string> | null = null;
      let textNumbers: Set<string> | null = null;
      for (const text of rewrittenStringsAtPaths(record, textFields, rewrite)) {
        for (const code of codeTokensInText(text, minLength)) (textCodes ??= new Set<string>()).add(code);
        for (const number of shortNumbersInText(text, minLength)) (textNumbers ??= new Set<string>()).add(number);
      }
      if (codes === null && textCodes === null && textNumbers === null) return undefined;
      const unprefixed = prefix ? cutPrefixes(prefix, codes, textCodes) : [];
      // Most records have codes on one side only: the empty side is one shared (read-only) array.
      const prepared: PreparedCodes = {
        codes: codes !== null ? [...codes] : NO_CODES,
        textCodes: textCodes !== null ? [...textCodes] : NO_CODES,
        ...(textNumbers !== null ? { textNumbers: [...textNumbers] } : {}),
        ...(unprefixed.length > 0 ? { unprefixed } : {}),
      };
      return prepared;
    },
    // A description that does not repeat a catalog number says nothing against the match, and
    // code-to-code equality of structured fields is the part-number comparator's job (not counted
    // twice). With isTextCodeConflict, two texts that both name codes and share none disagree.
    compare: (a, b) => {
      const x = a as PreparedCodes;
      const y = b as PreparedCodes;
      const shared =
        firstShared(x.codes, y.textCodes) ??
        firstShared(x.textCodes, y.codes) ??
        firstShared(x.textCodes, y.textCodes) ??
        firstShared(x.codes, y.textNumbers ?? []) ??
        firstShared(x.textNumbers ?? [], y.codes) ??
        (x.unprefixed ? firstSharedWithCodes(x.unprefixed, y) : undefined) ??
        (y.unprefixed ? firstSharedWithCodes(y.unprefixed, x) : undefined);
      if (shared) return { score: 1, outcome: 'match', a: shared, b: shared };
      if (isTextCodeConflict && x.textCodes.length > 0 && y.textCodes.length > 0 && !hasStylePrefix(x, y))
        return { score: 0, outcome: 'mismatch', a: x.textCodes.join(' '), b: y.textCodes.join(' ') };
      return MISSING;
    },
  };
}

/** A style number is this long at least before a variant's code that starts with it counts as its style (`WW620`). */
const MIN_STYLE_LENGTH = 5;

function startsAnother(codes: readonly string[], others: readonly string[]): boolean {
  for (const code of codes) {
    if (code.length < MIN_STYLE_LENGTH) continue;
    for (const other of others) if (other.length > code.length && other.startsWith(code)) return true;
  }
  return false;
}

/**
 * A text code of one side that the other side's code (structured or in its text) starts with: a style or family
 * number and one variant's full code (`WW620` and `WW620-NAVW-M`, style–colour–size), which says nothing against
 * the pair — the attributes compare the variant (item-3.33.0).
 */
function hasStylePrefix(x: PreparedCodes, y: PreparedCodes): boolean {
  return (
    startsAnother(x.textCodes, y.textCodes) ||
    startsAnother(x.textCodes, y.codes) ||
    startsAnother(y.textCodes, x.textCodes) ||
    startsAnother(y.textCodes, x.codes)
  );
}

/** The codes of `codes` and `textCodes` that carry a short letter prefix, with the prefix cut. */
function cutPrefixes(prefix: RegExp, codes: Set<string> | null, textCodes: Set<string> | null): string[] {
  let cut: Set<string> | null = null;
  for (const set of [codes, textCodes])
    if (set !== null)
      for (const code of set) {
        const found = prefix.exec(code);
        if (found) (cut ??= new Set<string>()).add(code.slice(found[0].length));
      }
  return cut !== null ? [...cut] : [];
}

/** A cut code of one side equal to a code (structured or in the text) of the other side. */
function firstSharedWithCodes(unprefixed: readonly string[], other: PreparedCodes): string | undefined {
  return firstShared(unprefixed, other.codes) ?? firstShared(unprefixed, other.textCodes);
}

/**
 * The result of comparing attributes. Batch matching reads only score and outcome for millions of
 * pairs, so the per-attribute details and the side summaries are built when an explanation asks.
 */
class AttributeComparison implements ComparisonResult {
  constructor(
    readonly score: number | null,
    readonly outcome: ComparatorOutcome,
    private readonly names: readonly string[],
    private readonly pa: PreparedAttributes,
    private readonly pb: PreparedAttributes,
    private readonly tolerances?: ReadonlyMap<string, number>,
  ) {}

  private computed: AttributeDetail[] | undefined;

  get details(): AttributeDetail[] {
    // Read three times per explanation (details, a, b): compared once.
    this.computed ??= compareAttributes({ names: this.names, a: this.pa, b: this.pb, tolerances: this.tolerances }).details;
    return this.computed;
  }

  get a(): string | null {
    return this.describe('a');
  }

  get b(): string | null {
    return this.describe('b');
  }

  private describe(side: 'a' | 'b'): string | null {
    if (this.outcome === 'missing') return null;
    // Conflicts first: that is what a steward must see.
    const shown = [...this.details].sort((x, y) => Number(x.agrees) - Number(y.agrees));
    return shown.map((d) => `${d.attribute} ${d[side] ?? '-'}`).join('; ');
  }
}

function sharesValue(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}

/** The attributes a record states: an attribute read only as its extractor's `absent` value is left out (param `statedOnly`). */
function withoutAbsent(read: PreparedAttributes | undefined, extractors: readonly CompiledExtractor[]): PreparedAttributes | undefined {
  if (!read) return read;
  let out: PreparedAttributes | undefined;
  for (const extractor of extractors) {
    const { name, absent } = extractor.definition;
    const values = read[name];
    if (absent === undefined || values?.length !== 1 || values[0] !== absent) continue;
    out ??= { ...read };
    delete out[name];
  }
  if (!out) return read;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The texts an attributes comparator reads. With `normalizer` / `aliasTables` (what the name comparator of the rule
 * set reads: romanised, generic words translated), a text is also read in that form when the tables change its words:
 * a kind or unit written in another script or language (`소아청소년병원`, `儿童医院`, `Bệnh viện Nhi`) is read from its
 * translation (`… CHILDRENS HOSPITAL`), as the name comparator compares it. A text the tables leave alone is read
 * once, as written (the patterns also read its punctuation: `I/P PHARM`, `CLINIC, P.C.`).
 */
function attributeTexts(rule: ComparatorRule, context: ComparatorContext): (record: CanonicalRecord) => string[] {
  const rewrites = compileTextRewrites(rule.params?.textRewrites, context.aliasTable);
  if (rule.params?.normalizer === undefined && rule.params?.aliasTables === undefined)
    return (record) => rewrittenStringsAtPaths(record, rule.fields, rewrites);
  const plain = normalizerFor(rule.params.normalizer ?? 'text', context.aliasTable);
  const translated = textNormalizer(rule, context);
  return (record) => {
    const texts = rewrittenStringsAtPaths(record, rule.fields, rewrites);
    const read = [...texts];
    for (const text of texts) {
      const words = translated(text);
      if (words !== null && words !== plain(text)) read.push(words);
    }
    return read;
  };
}

/** The prepared value of a record that states none of an `oneSidedRelated` comparator's attributes. */
const STATES_NONE: PreparedAttributes = Object.freeze({});

/** Whether a prepared record (possibly undefined: it states none) states one of the `declared` attributes. */
function statesAny(prepared: PreparedAttributes | undefined, declared: ReadonlySet<string>): boolean {
  if (!prepared) return false;
  for (const name in prepared) if (declared.has(name)) return true;
  return false;
}

/** The score of an agreement on none of an attributes comparator's `strongAttributes`. */
const WEAK_AGREEMENT = 0.5;

/** The extractors of a rule set compiled again for one list of its attributes, per rule-set compilation (`ownExtractors`). */
const extractorsOfAttributes = new WeakMap<readonly CompiledExtractor[], Map<string, readonly CompiledExtractor[]>>();

/** `wanted`'s extractors of a rule set compiled on their own (one literal scanner for them alone), once per list of names. */
function ownExtractors(all: readonly CompiledExtractor[], wanted: readonly string[]): readonly CompiledExtractor[] {
  let byNames = extractorsOfAttributes.get(all);
  if (!byNames) extractorsOfAttributes.set(all, (byNames = new Map<string, readonly CompiledExtractor[]>()));
  const key = [...wanted].sort().join('|');
  let own = byNames.get(key);
  if (!own) byNames.set(key, (own = compileExtractors(all.filter((e) => wanted.includes(e.definition.name)).map((e) => e.definition))));
  return own;
}

function compileAttributes(rule: ComparatorRule, context: ComparatorContext): CompiledComparator {
  const wanted = rule.params?.attributes;
  // A comparator of a few attributes compiles its own extractors (the same definitions, in declaration order), so their
  // one literal scan per text looks only for their own literals: with the rule set's scanner each text was scanned for
  // every extractor's literals (~1,500 with the item rules) to run two (`packCount`; session 22, perf22).
  const extractors = wanted ? ownExtractors(context.extractors, wanted) : context.extractors;
  const names = extractors.map((e) => e.definition.name);
  const isDeclared = new Set(names);
  const strong = rule.params?.strongAttributes ? new Set(rule.params.strongAttributes) : null;
  // Several measured attributes agreeing (0.5 mL, 23G, 1 in) say more than one does: as strong as a strength.
  const strongAgreements = rule.params?.strongAgreements ?? Infinity;
  // Quantities compared beyond equality: a relative tolerance, or values written in a rounded unit (± in the prepared value).
  const tolerances = new Map(
    extractors.flatMap((e) =>
      e.definition.relativeTolerance || e.definition.roundedUnits?.length
        ? [[e.definition.name, e.definition.relativeTolerance ?? 0] as const]
        : [],
    ),
  );
  const allTextsOf = attributeTexts(rule, context);
  const ownTownField = rule.params?.ownTownUnread;
  const textsOf = ownTownField
    ? (record: CanonicalRecord) => {
        const towns = stringsAtPaths(record, [ownTownField]);
        const texts = allTextsOf(record);
        return towns.length === 0 ? texts : texts.map((text) => withoutOwnTown(text, towns));
      }
    : allTextsOf;
  const isOneSidedRelated = rule.params?.oneSidedRelated === true;
  const read = rule.params?.statedOnly
    ? (record: CanonicalRecord) => withoutAbsent(extractAttributes(extractors, textsOf(record)), extractors)
    : (record: CanonicalRecord) => extractAttributes(extractors, textsOf(record));
  return {
    rule,
    // With `oneSidedRelated` a record that states none of the attributes is compared too (as stating nothing), so a
    // pair with one stating side is `related`; otherwise a side without attributes makes the pair `missing` unread.
    prepare: isOneSidedRelated ? (record) => read(record) ?? STATES_NONE : read,
    // A record carries a few of the declared attributes: walk its own (only the counts matter here,
    // not the order; a stored record of another rules version may carry names no longer declared).
    compare: (a, b) => {
      const pa = a as PreparedAttributes;
      const pb = b as PreparedAttributes;
      if (isOneSidedRelated) {
        // Most pairs state none of the attributes on either side: answered without allocating (batch cost).
        const statesA = statesAny(pa, isDeclared);
        if (statesA !== statesAny(pb, isDeclared)) return new AttributeComparison(null, 'related', names, pa, pb, tolerances);
        if (!statesA) return MISSING;
      }
      let conflicts = 0;
      let agreements = 0;
      let isStrong = strong === null;
      for (const name in pa) {
        const va = present(pa[name], 'own attribute of a');
        const vb = pb[name];
        if (vb === undefined || !isDeclared.has(name)) continue;
        if (sharesValue(va, vb) || (tolerances.has(name) && attributeValuesAgree(va, vb, tolerances.get(name)))) {
          agreements++;
          if (!isStrong && strong?.has(name)) isStrong = true;
        } else conflicts++;
      }
      if (conflicts > 0) return new AttributeComparison(0, 'mismatch', names, pa, pb, tolerances);
      if (agreements > 0)
        return new AttributeComparison(isStrong || agreements >= strongAgreements ? 1 : WEAK_AGREEMENT, 'match', names, pa, pb, tolerances);
      return new AttributeComparison(null, 'missing', names, pa, pb, tolerances);
    },
  };
}

/** Compiles one comparator rule. */
export function compileComparator(rule: ComparatorRule, context: ComparatorContext = SHIPPED_CONTEXT): CompiledComparator {
  switch (rule.type) {
    case 'exact':
      return compileExact(rule, (v) => v.trim() || null, preparationKeyOf(rule, ['trimmed']));
    case 'normalizedExact':
      return compileExact(rule, textNormalizer(rule, context), textPreparationKey(rule));
    case 'fuzzy':
      return compileFuzzy(rule, context);
    case 'tokenSet':
      return compileTokenSet(rule, context);
    case 'numeric':
      return compileNumeric(rule);
    case 'identifier':
      return compileIdentifier(rule);
    case 'address':
      return compileAddress(rule, context);
    case 'codeInText':
      return compileCodeInText(rule, context);
    case 'attributes':
      return compileAttributes(rule, context);
  }
}

export { MISSING as MISSING_COMPARISON };
