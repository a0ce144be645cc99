/**
 * Distinguishing attributes read from free text: the extractors a rule set declares (`attributes`
 * in matching-rules/<domain>.json) compiled once — regular expressions built, unit conversion
 * factors computed with mathjs (unitConversions.ts) — and run once per record when it is prepared. Comparing two
 * prepared records is then set intersection per attribute.
 *
 * Extraction order is the declaration order, and within an attribute the pattern order: each match
 * blanks its span, so `NON-STERILE` is not read again as `STERILE`, `4X4IN` not again as `4IN`, and
 * `5MG/ML` not again as `5MG`. Declare the specific before the general.
 */
import type { ErrorDetail } from '../errors';
import { present } from '../invariant';
import type { AttributeDetail, AttributeExtractor, PreparedAttributes } from './types';
import { createIntern, type Intern } from './internedStrings';
import { conversionFactor } from './unitConversions';
import { capturesFollowMatch } from './regexShape';
import { createLiteralScanner, type LiteralGate, type LiteralScanner } from './literalGate';

export interface CompiledPattern {
  regex: RegExp;
  value?: string;
  /** Upper-case unit spelling of a pattern without a `unit` group. */
  unit?: string;
  /** Equivalence table (`AttributeExtractor` pattern `values`): value read → canonical values; absent = not read. */
  table?: Map<string, readonly string[]>;
  /** The pattern runs only when this matches the text (a cheap test before an expensive pattern). */
  requires?: RegExp;
  /** Literals one of which `requires` / `regex` needs (literalGate.ts); null: none known. */
  requiresGate: LiteralGate | null;
  regexGate: LiteralGate | null;
  /**
   * Values already read, by matched string — only for a pattern whose groups follow from the matched
   * string alone (`capturesFollowMatch`); null otherwise. A million descriptions hold a few hundred
   * distinct `21G`, `10ML`, `4X4IN`: each is read once.
   */
  remembered: Map<string, ValueRead> | null;
  /** `anyUnit`: the same pattern once per reading, each read as if it declared that `unit` (and `numberUnits`). */
  readings?: CompiledPattern[];
  /** A reading of `anyUnit` that gives each number its own unit (`IN FT`: 18X125 is 18 in x 125 ft). */
  numberUnits?: string[];
}

/** The canonical value(s) of one match, or null when it cannot be read. */
type ValueRead = string | readonly string[] | null;

/** Bound of one pattern's remembered values (a pattern matching free codes would otherwise grow without end). */
const MAX_REMEMBERED = 1 << 14;

export interface CompiledExtractor {
  definition: AttributeExtractor;
  patterns: CompiledPattern[];
  /** The extractor runs only when this matches the text. */
  requires?: RegExp;
  /** Literals one of which `requires` / `absentRequires` needs (literalGate.ts); null: none known. */
  requiresGate: LiteralGate | null;
  absentGate: LiteralGate | null;
  /** The union of the patterns' regex gates: closed, no pattern can match and the extractor is skipped at once. */
  patternsGate: LiteralGate | null;
  /** Finds the gates' literals in a text in one scan; one for all the extractors compiled together. */
  scanner: LiteralScanner;
  /** `definition.name` and `definition.absent`, read per record from one object shape (definitions are JSON of many shapes). */
  name: string;
  absent: string | undefined;
  /** `definition.absentRequires` compiled: `absent` is read only when one of the texts matches it. */
  absentRequires: RegExp | undefined;
  /** One copy of each value read (a million records hold a few hundred distinct sizes and volumes). */
  intern: Intern;
  /** number / quantity values are read from digits: a text without one is skipped at once. */
  needsDigit: boolean;
  /** `definition.keepsText`: its spans are not blanked after reading. */
  keepsText: boolean;
  /** Upper-case spelling → canonical value (text kind). */
  values: Map<string, string>;
  /** Upper-case unit spelling → factor to `unit` (quantity kind). */
  unitFactors: Map<string, number>;
  perUnitFactors: Map<string, number>;
  /** Unit spellings whose written values are roundings (see `AttributeExtractor.roundedUnits`). */
  roundedUnits: Set<string>;
}

const QUANTITY_PRECISION = 3;

/** Problems of a rule set's extractors (bad regex, unknown or inconvertible unit); paths under `attributes[i]`. */
export function extractorProblems(extractors: readonly AttributeExtractor[]): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  extractors.forEach((extractor, i) => {
    const tryRegex = (source: string | undefined, path: string) => {
      if (source === undefined) return;
      try {
        new RegExp(source, 'g');
      } catch (error) {
        problems.push({ path, code: 'INVALID_PATTERN', message: `attribute "${extractor.name}": ${(error as Error).message}` });
      }
    };
    tryRegex(extractor.requires, `attributes[${i}].requires`);
    tryRegex(extractor.absentRequires, `attributes[${i}].absentRequires`);
    const knownUnits = new Set(Object.keys(extractor.units ?? {}).map((spelling) => spelling.toUpperCase()));
    const isKnownUnit = (unit: string) => knownUnits.has(unit.toUpperCase());
    extractor.patterns.forEach((pattern, j) => {
      tryRegex(pattern.regex, `attributes[${i}].patterns[${j}].regex`);
      tryRegex(pattern.requires, `attributes[${i}].patterns[${j}].requires`);
      if (pattern.unit !== undefined && !isKnownUnit(pattern.unit))
        problems.push({
          path: `attributes[${i}].patterns[${j}].unit`,
          code: 'UNKNOWN_UNIT',
          message: `attribute "${extractor.name}": the pattern's unit "${pattern.unit}" is not one of its units`,
        });
      (pattern.anyUnit ?? []).forEach((reading, k) => {
        const unknown = reading.split(/\s+/).find((unit) => !isKnownUnit(unit));
        if (unknown !== undefined)
          problems.push({
            path: `attributes[${i}].patterns[${j}].anyUnit[${k}]`,
            code: 'UNKNOWN_UNIT',
            message: `attribute "${extractor.name}": the pattern's unit "${unknown}" is not one of its units`,
          });
      });
    });
    if (
      extractor.sameAs !== undefined &&
      !extractors.some(
        (other) => other !== extractor && other.name === extractor.sameAs && other.kind === extractor.kind && other.unit === extractor.unit,
      )
    )
      problems.push({
        path: `attributes[${i}].sameAs`,
        code: 'UNKNOWN_ATTRIBUTE',
        message: `attribute "${extractor.name}": sameAs "${extractor.sameAs}" is not another attribute of the same kind and unit`,
      });
    if (extractor.kind !== 'quantity') return;
    if (!extractor.unit) {
      problems.push({
        path: `attributes[${i}].unit`,
        code: 'UNIT_REQUIRED',
        message: `attribute "${extractor.name}" is a quantity and needs the unit its values are expressed in`,
      });
      return;
    }
    // split always yields a first segment; the whole unit is its right default.
    const [numerator = extractor.unit, denominator] = extractor.unit.split('/');
    const check = (table: Record<string, string> | undefined, target: string, path: string) => {
      for (const [spelling, spec] of Object.entries(table ?? {})) {
        try {
          conversionFactor(spec, target);
        } catch (error) {
          problems.push({
            path: `attributes[${i}].${path}.${spelling}`,
            code: 'UNIT_CONVERSION',
            message: `attribute "${extractor.name}": "${spec}" cannot be expressed in ${target} (${(error as Error).message})`,
          });
        }
      }
    };
    check(extractor.units, denominator && extractor.perUnits ? numerator : extractor.unit, 'units');
    if (extractor.perUnits) {
      if (!denominator)
        problems.push({
          path: `attributes[${i}].unit`,
          code: 'UNIT_REQUIRED',
          message: `attribute "${extractor.name}" has perUnits, so its unit must be a ratio such as mg/ml`,
        });
      else check(extractor.perUnits, denominator, 'perUnits');
    }
  });
  return problems;
}

/** Compiles extractors (call after `extractorProblems` found none). */
export function compileExtractors(extractors: readonly AttributeExtractor[]): CompiledExtractor[] {
  const scanner = createLiteralScanner();
  const compiled = extractors.map((definition): CompiledExtractor => {
    const [numerator = definition.unit ?? '', denominator] = (definition.unit ?? '').split('/');
    const hasPer = Boolean(definition.perUnits && denominator);
    const factors = (table: Record<string, string> | undefined, target: string) =>
      new Map(Object.entries(table ?? {}).map(([spelling, spec]) => [spelling.toUpperCase(), conversionFactor(spec, target)]));
    return {
      definition,
      patterns: definition.patterns.map((p) => {
        // Every property is set, absent ones to undefined, in one order: all patterns share one hidden class, so
        // the per-record loop of `extractAttributes` reads `regexGate`, `requires`, `regex` with monomorphic loads
        // (conditional spreads made a shape per combination of optional fields, and those loads megamorphic).
        const compiled: CompiledPattern = {
          regex: new RegExp(p.regex, 'g'),
          value: p.value,
          unit: p.unit ? p.unit.toUpperCase() : undefined,
          table: p.values ? equivalenceTable(p.values) : undefined,
          requires: p.requires ? new RegExp(p.requires) : undefined,
          requiresGate: scanner.gateOf(p.requires),
          regexGate: scanner.gateOf(p.regex),
          remembered: capturesFollowMatch(p.regex) ? new Map<string, ValueRead>() : null,
          readings: undefined,
          numberUnits: undefined,
        };
        if (p.anyUnit)
          compiled.readings = p.anyUnit.map((reading) => {
            const units = reading.toUpperCase().split(/\s+/);
            return { ...compiled, remembered: null, unit: units[0], numberUnits: units.length > 1 ? units : undefined };
          });
        return compiled;
      }),
      // Set even when absent (one hidden class for every extractor, as for the patterns above).
      requires: definition.requires ? new RegExp(definition.requires) : undefined,
      requiresGate: scanner.gateOf(definition.requires),
      absentGate: scanner.gateOf(definition.absentRequires),
      patternsGate: scanner.gateOfAny(definition.patterns.map((p) => p.regex)),
      scanner,
      name: definition.sameAs ?? definition.name,
      absent: definition.absent,
      absentRequires: definition.absentRequires !== undefined ? new RegExp(definition.absentRequires) : undefined,
      intern: createIntern(),
      needsDigit: definition.kind !== 'text',
      keepsText: definition.keepsText === true,
      values: new Map(Object.entries(definition.values ?? {}).map(([k, v]) => [k.toUpperCase(), v])),
      unitFactors:
        definition.kind === 'quantity'
          ? factors(definition.units, hasPer ? numerator : (definition.unit ?? ''))
          : new Map<string, number>(),
      perUnitFactors: hasPer && denominator !== undefined ? factors(definition.perUnits, denominator) : new Map<string, number>(),
      roundedUnits: new Set((definition.roundedUnits ?? []).map((spelling) => spelling.toUpperCase())),
    };
  });
  scanner.seal();
  extractorsWithAbsent.set(
    compiled,
    compiled.filter((extractor) => extractor.absent !== undefined),
  );
  return compiled;
}

/** Per list `compileExtractors` returned, its extractors that read a value when nothing matched (`absent`), in order. */
const extractorsWithAbsent = new WeakMap<readonly CompiledExtractor[], readonly CompiledExtractor[]>();

/** Keys as `tableKey` reads them (`0,50` and `0.5` are one key), values as lists. */
function equivalenceTable(values: Record<string, string | string[]>): Map<string, readonly string[]> {
  return new Map(Object.entries(values).map(([key, value]) => [tableKey(key), Array.isArray(value) ? value : [value]]));
}

/** A number is looked up as a plain number (`0,5` = `0.50` = `0.5`); anything else upper-case as written. */
function tableKey(raw: string): string {
  const text = squash(raw).toUpperCase();
  const n = /^\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
  return Number.isFinite(n) ? String(n) : text;
}

function significant(value: number): string {
  if (value === 0) return '0';
  return String(Number(value.toPrecision(QUANTITY_PRECISION)));
}

function squash(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

const MIXED_NUMBER = /^(?:(\d+)[\s-])?(\d+)\/(\d+)$/;
const THOUSANDS_SHORTHAND = /^(\d+)K$/;

function readNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  // Fractions and mixed numbers as catalogues write sizes: `3/4`, `2-3/8`, `1 1/2`.
  const fraction = MIXED_NUMBER.exec(text);
  if (fraction) {
    const denominator = Number(fraction[3]);
    return denominator === 0 ? null : Number(fraction[1] ?? 0) + Number(fraction[2]) / denominator;
  }
  // Chargemaster shorthand for thousands: `1K` = 1000.
  const thousands = THOUSANDS_SHORTHAND.exec(text);
  if (thousands) return Number(thousands[1]) * 1000;
  // `1,000 mL` and `5,000 units` are thousands (how US item masters write them), so is `5 000` (SI / French
  // catalogues group digits with a space); `0,9 %` is a decimal comma.
  const n = Number(/^\d{1,3}(?:[, ]\d{3})+$/.test(text) ? text.replace(/[, ]/g, '') : text.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/**
 * How far a value rounded to what was written can be from the true one: half the last written digit's
 * place (`46` → 0.5, `4,57` → 0.005), or a quarter of the place before when the last decimal is a 5
 * (`7,5` and `12,5` are roundings to the half centimetre: ± 0.25).
 */
function halfWrittenStep(text: string): number {
  const decimals = /[.,](\d+)$/.exec(text)?.[1] ?? '';
  if (decimals.endsWith('5')) return 0.25 * 10 ** -(decimals.length - 1);
  return 0.5 * 10 ** -decimals.length;
}

/** The canonical value(s) of one match, or null when the match cannot be read (unknown unit, a value its equivalence table lacks). */
function valueOf(extractor: CompiledExtractor, pattern: CompiledPattern, groups: Record<string, string | undefined>): ValueRead {
  if (pattern.table) return pattern.table.get(tableKey(groups.value ?? '')) ?? null;
  const { definition } = extractor;
  if (definition.kind === 'text') {
    const raw =
      pattern.value !== undefined ? pattern.value.replace(/\{(\w+)\}/g, (_, name: string) => groups[name] ?? '') : (groups.value ?? '');
    const value = squash(raw);
    if (value === '') return null;
    return extractor.values.get(value.toUpperCase()) ?? value;
  }
  const numbers = [groups.value, groups.value2, groups.value3].map(readNumber).filter((n): n is number => n !== null);
  // A fraction (`5/8IN`, `1-1/2IN`): `value` is then the whole part.
  const numerator = readNumber(groups.numerator);
  const denominator = readNumber(groups.denominator);
  if (numerator !== null && denominator) numbers.splice(0, numbers.length, (numbers[0] ?? 0) + numerator / denominator);
  if (numbers.length === 0) return null;
  // A `sign` group makes a single number negative (a lens power of -2.25 dioptres is not +2.25).
  if (numbers.length === 1 && (groups.sign === '-' || groups.sign === '\u2212')) numbers[0] = -present(numbers[0], 'the number read');
  // A `times` group multiplies a single number (a case of 4 x 6 bottles, CS/4x6, holds 24).
  const times = readNumber(groups.times);
  if (times !== null && numbers.length === 1) numbers[0] = present(numbers[0], 'the number read') * times;
  // Plain numbers are compared as written (a year, a gauge); dimensions in any order.
  if (definition.kind === 'number')
    return numbers
      .sort((x, y) => y - x)
      .map(String)
      .join('x');
  // Each number may carry its own unit (`2 IN X 5 YD`, `7,5 CM X 4,57 M`): `unit2` / `unit3` default to the one before.
  const unitSpellings: string[] = [];
  for (const [k, name] of (['unit', 'unit2', 'unit3'] as const).entries()) {
    const spelling = groups[name] ?? pattern.numberUnits?.[k] ?? (name === 'unit' ? pattern.unit : undefined);
    unitSpellings.push(spelling !== undefined ? squash(spelling).toUpperCase() : (unitSpellings[unitSpellings.length - 1] ?? ''));
  }
  const numberFactors: number[] = [];
  for (let i = 0; i < numbers.length; i++) {
    const numberFactor = extractor.unitFactors.get(present(unitSpellings[i] ?? unitSpellings[0], 'unit spelling'));
    if (numberFactor === undefined) return null;
    numberFactors.push(numberFactor);
  }
  let perFactor = 1;
  if (extractor.perUnitFactors.size > 0) {
    const per = extractor.perUnitFactors.get(squash(groups.per ?? '').toUpperCase());
    if (per === undefined) return null;
    const perValue = readNumber(groups.perValue) ?? 1;
    if (perValue === 0) return null;
    perFactor = per * perValue;
  }
  // Dimensions compare whatever the order they were written in (2X3IN = 3X2IN).
  const written = [groups.value, groups.value2, groups.value3].filter((text) => readNumber(text) !== null);
  const converted = numbers
    .map((n, i) => {
      // A number written in a unit the extractor declares rounded (metric sizes in a catalogue that
      // converts from inches) keeps half its last written digit's place, in the target unit.
      const isRounded = extractor.roundedUnits.has(unitSpellings[i] ?? '') && groups.numerator === undefined;
      const step = isRounded ? (halfWrittenStep(written[i] ?? '') * (numberFactors[i] ?? 1)) / perFactor : 0;
      return { value: (n * (numberFactors[i] ?? 1)) / perFactor, step };
    })
    .sort((x, y) => y.value - x.value);
  const text = `${converted.map((c) => significant(c.value)).join('x')} ${definition.unit}`;
  return converted.some((c) => c.step > 0) ? `${text} ±${converted.map((c) => significant(c.step)).join('/')}` : text;
}

/** The values of one match read once per unit of `anyUnit` (null when none can be read). */
function readingsOf(
  extractor: CompiledExtractor,
  readings: readonly CompiledPattern[],
  groups: Record<string, string | undefined>,
): readonly string[] | null {
  const out: string[] = [];
  for (const reading of readings) {
    const read = valueOf(extractor, reading, groups);
    if (read === null) continue;
    for (const one of typeof read === 'string' ? [read] : read) if (!out.includes(one)) out.push(one);
  }
  return out.length > 0 ? out : null;
}

const NON_ASCII = /[^ -~\t\n\r]/;

/** How many ASCII digits `text` holds (what `\d` matches without the `u` flag). */
function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/** The value(s) of one match read from its groups (every reading of `anyUnit`, or the pattern's own unit). */
function readGroups(extractor: CompiledExtractor, pattern: CompiledPattern, groups: Record<string, string | undefined>): ValueRead {
  return pattern.readings ? readingsOf(extractor, pattern.readings, groups) : valueOf(extractor, pattern, groups);
}

/** The value(s) of one match, read once per distinct matched string where the pattern allows it. */
function readMatch(extractor: CompiledExtractor, pattern: CompiledPattern, match: RegExpExecArray): ValueRead {
  const remembered = pattern.remembered;
  if (remembered === null) return readGroups(extractor, pattern, match.groups ?? {});
  const known = remembered.get(match[0]);
  if (known !== undefined) return known;
  const read = readGroups(extractor, pattern, match.groups ?? {});
  if (remembered.size < MAX_REMEMBERED) remembered.set(match[0], read);
  return read;
}

/**
 * Upper case with accents folded: the text patterns read. The micro sign (U+00B5) and the Greek mu
 * (U+03BC) are both written `MC` (`µL` = `μL` = `MCL`, `µg` = `MCG`), the pharmacy spelling the patterns read.
 * The Azerbaijani schwa `ə` / `Ə` has no decomposition; it is written `E` as ASCII Azerbaijani writes it (and as the
 * description normaliser reads it), so a word such as `xəstə` is one word to the patterns, not `X`, `ST` (read as
 * sterile) and `E` (item-3.41.0).
 */
function foldedUpperCase(original: string): string {
  return (
    NON_ASCII.test(original)
      ? original
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[\u00b5\u03bc\u0259\u018f]/g, (letter) => (letter === '\u0259' || letter === '\u018f' ? 'e' : 'mc'))
      : original
  ).toUpperCase();
}

/**
 * `list` with `value` added unless it is there already (first-read order kept); a new list when there is none yet.
 * A first value makes a one-element literal: an empty array grown by `push` reserves 17 slots (~190 bytes against
 * ~60), and a prepared record keeps its attribute lists for a whole batch (most hold one value).
 */
function withValue(list: string[] | undefined, value: string): string[] {
  if (list === undefined) return [value];
  if (!list.includes(value)) list.push(value);
  return list;
}

/** Reads every declared attribute from the texts (upper-cased; spans blanked as they are read). */
export function extractAttributes(extractors: readonly CompiledExtractor[], texts: readonly string[]): PreparedAttributes | undefined {
  // Made at the first value read: most texts read nothing for a comparator of few attributes (`packCount`).
  let out: PreparedAttributes | null = null;
  const scanner = extractors[0]?.scanner;
  // Extractors whose `absentRequires` one of the texts meets (tested on the text before any span is blanked).
  let absentAllowed: CompiledExtractor[] | null = null;
  for (const original of texts) {
    const folded = foldedUpperCase(original);
    let text = folded;
    // One scan finds every gate's literals; an expression none of whose literals the text holds is not run.
    scanner?.scan(folded);
    // Blanking a match removes exactly its digits (one pattern's matches never overlap).
    let digits = digitCount(text);
    for (const extractor of extractors) {
      // Extractors compiled together share one scanner (a list mixing two compilations is not gated).
      const gates = extractor.scanner === scanner ? scanner : null;
      const absentRequires = extractor.absentRequires;
      if (
        absentRequires !== undefined &&
        !absentAllowed?.includes(extractor) &&
        (gates?.passes(extractor.absentGate) ?? true) &&
        absentRequires.test(folded)
      )
        (absentAllowed ??= []).push(extractor);
      if (
        (extractor.needsDigit && digits === 0) ||
        // No pattern's literal in the text (one check for the extractor instead of one per pattern; most read nothing).
        gates?.passes(extractor.patternsGate) === false ||
        (extractor.requires && (gates?.passes(extractor.requiresGate) === false || !extractor.requires.test(text)))
      )
        continue;
      // The extractor's value list, looked up once per text (not per match): `out` is keyed by many names.
      let list: string[] | undefined;
      for (const pattern of extractor.patterns) {
        if (gates?.passes(pattern.regexGate) === false) continue;
        if (pattern.requires && (gates?.passes(pattern.requiresGate) === false || !pattern.requires.test(text))) continue;
        const regex = pattern.regex;
        regex.lastIndex = 0;
        let blanked: string | null = null;
        for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
          if (match[0] === '') {
            regex.lastIndex++;
            continue;
          }
          const read = readMatch(extractor, pattern, match);
          if (read === null) continue;
          const before = list ?? out?.[extractor.name];
          list = before;
          if (typeof read === 'string') list = withValue(list, extractor.intern(read));
          // A reading of no values still marks the attribute read (an empty list), as it always has.
          else if (read.length === 0) list ??= [];
          else for (const one of read) list = withValue(list, extractor.intern(one));
          out ??= {};
          if (list !== undefined && list !== before) out[extractor.name] = list;
          if (extractor.keepsText) continue;
          const current: string = blanked ?? text;
          blanked = current.slice(0, match.index) + ' '.repeat(match[0].length) + current.slice(match.index + match[0].length);
          digits -= digitCount(match[0]);
        }
        if (blanked !== null) text = blanked;
      }
    }
  }
  // A qualifier's absence is a value too (a facility name without LABORATORY or CHILDREN'S names the
  // main facility): `absent` is read when the record has text and no pattern of the attribute matched.
  // `absentRequires` limits that to records one of whose texts says so (a country field: AU).
  let hasText: boolean | undefined;
  // Only the extractors that read a value when nothing matched (a few of ~100); another list is walked whole.
  for (const extractor of extractorsWithAbsent.get(extractors) ?? extractors) {
    const absent = extractor.absent;
    if (absent === undefined || out?.[extractor.name] || !(hasText ??= texts.some((text) => text.trim() !== ''))) continue;
    if (extractor.absentRequires && !absentAllowed?.includes(extractor)) continue;
    (out ??= {})[extractor.name] = [absent];
  }
  return out ?? undefined;
}

/**
 * Compares two records' attributes: an attribute read on both sides agrees when the two share a
 * value (`LEFT/RIGHT` agrees with `LEFT`). One conflict makes the pair a mismatch; attributes read on
 * one side only say nothing.
 */
type ParsedQuantity = { numbers: number[]; unit: string; steps: number[] | null } | null;

/** Parsed quantities by value (values are interned: a hub holds a few thousand distinct sizes); cleared when full. */
const parsedQuantities = new Map<string, ParsedQuantity>();
const PARSED_QUANTITIES_LIMIT = 20_000;

function parsedQuantity(value: string): ParsedQuantity {
  let parsed = parsedQuantities.get(value);
  if (parsed === undefined) {
    if (parsedQuantities.size >= PARSED_QUANTITIES_LIMIT) parsedQuantities.clear();
    parsed = parseQuantity(value);
    parsedQuantities.set(value, parsed);
  }
  return parsed;
}

/** Parses a prepared quantity (`330.2x330.2 mm`, `10 ml`) into its numbers and unit; null when it is not one. */
function parseQuantity(value: string): ParsedQuantity {
  const space = value.indexOf(' ');
  if (space <= 0) return null;
  const numbers = value.slice(0, space).split('x').map(Number);
  if (!numbers.every((n) => Number.isFinite(n))) return null;
  const rest = value.slice(space + 1);
  const mark = rest.indexOf(' ±');
  if (mark < 0) return { numbers, unit: rest, steps: null };
  return {
    numbers,
    unit: rest.slice(0, mark),
    steps: rest
      .slice(mark + 2)
      .split('/')
      .map(Number),
  };
}

/**
 * Whether two values lists of one attribute share a value — exactly, or (quantities) within
 * `relativeTolerance` per dimension, or, when one side was written in a rounded unit (`46 CM`) and
 * the other not (`18 IN`), within half the rounded side's last written digit (18 IN = 457.2 mm
 * rounds to 46 cm; 20 IN = 508 mm does not).
 */
export function attributeValuesAgree(a: readonly string[], b: readonly string[], relativeTolerance = 0): boolean {
  for (const x of a) if (b.includes(x)) return true;
  for (const x of a) {
    const qa = parsedQuantity(x);
    if (!qa) continue;
    for (const y of b) {
      const qb = parsedQuantity(y);
      if (!qb || qb.unit !== qa.unit || qb.numbers.length !== qa.numbers.length) continue;
      // Rounding is evidence only across conventions: two metric values are compared as written.
      const steps = qa.steps && !qb.steps ? qa.steps : qb.steps && !qa.steps ? qb.steps : null;
      const isClose = qa.numbers.every((n, i) => {
        const m = qb.numbers[i] ?? Number.NaN;
        const difference = Math.abs(n - m);
        return difference <= relativeTolerance * Math.max(Math.abs(n), Math.abs(m)) || difference <= (steps?.[i] ?? 0) + 1e-9;
      });
      if (isClose) return true;
    }
  }
  return false;
}

/** Each declared name's place in its list, per list; null when a list cannot be walked by the records' own names. */
const declaredPlaces = new WeakMap<readonly string[], ReadonlyMap<string, number> | null>();

function placesOf(names: readonly string[]): ReadonlyMap<string, number> | null {
  let places = declaredPlaces.get(names);
  if (places === undefined) {
    const built = new Map<string, number>();
    names.forEach((name, i) => built.set(name, i));
    // A name listed twice, or one an object inherits (`constructor`), is read by walking every declared name.
    places = built.size === names.length && !names.some((name) => name in Object.prototype) ? built : null;
    declaredPlaces.set(names, places);
  }
  return places;
}

/**
 * The declared names either record states, in declaration order: what walking every declared name and skipping those
 * neither side states visits, found from the records' own few names (a record states 0–3 of the item rules' ~90
 * attributes, and each look-up of an absent name is a dictionary miss). An explanation (incremental matches, the
 * review screen) compares attributes this way for every candidate it shows.
 */
function namesStatedBy(names: readonly string[], a: PreparedAttributes, b: PreparedAttributes): readonly string[] {
  const places = placesOf(names);
  if (places === null) return names;
  const stated: number[] = [];
  for (const name in a) {
    const place = places.get(name);
    if (place !== undefined) stated.push(place);
  }
  for (const name in b) {
    const place = places.get(name);
    if (place !== undefined && !stated.includes(place)) stated.push(place);
  }
  return stated.sort((x, y) => x - y).map((place) => present(names[place], "a declared attribute's name"));
}

export function compareAttributes(args: {
  names: readonly string[];
  a: PreparedAttributes;
  b: PreparedAttributes;
  tolerances?: ReadonlyMap<string, number>;
}): {
  details: AttributeDetail[];
  conflicts: number;
  agreements: number;
} {
  const details: AttributeDetail[] = [];
  let conflicts = 0;
  let agreements = 0;
  for (const name of namesStatedBy(args.names, args.a, args.b)) {
    const va = args.a[name];
    const vb = args.b[name];
    if (!va && !vb) continue;
    const isBoth = Boolean(va && vb);
    const agrees = va && vb ? attributeValuesAgree(va, vb, args.tolerances?.get(name)) : false;
    if (isBoth) {
      if (agrees) agreements++;
      else conflicts++;
    }
    details.push({ attribute: name, a: va ? va.join(', ') : null, b: vb ? vb.join(', ') : null, agrees: isBoth ? agrees : true });
  }
  return { details, conflicts, agreements };
}
