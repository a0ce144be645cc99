/**
 * Measurement words in a containment measure (`tokenSet` param `measurements`). A short charge line
 * writes a size one way (`drsg mepilex brdr flx 3x3`, `sut ethln 3-0 fs2 18in`), a catalogue title
 * another (`3" x 3" (7.5 x 7.5 cm)`, `45cm`): the size words then count as words the title lacks,
 * although the `attributes` comparator already compares the sizes they spell (and vetoes a conflict).
 * Here the containment is taken a second time without them, and the higher of the two is kept.
 *
 * A measurement word is a dimension written as one word (`3X3`, `5X24`: digits, `X`, digits), one of
 * the declared unit words (`MM`, `IN`, `FR`…), and, when `numbers` is set, a word of digits. Which
 * words of a prepared (sorted, de-duplicated) token array are measurements is read once per array.
 */
import type { WeightedTokens } from './similarity';

export interface MeasurementOptions {
  units: ReadonlySet<string>;
  numbers: boolean;
}

const NONE: readonly number[] = [];

/** Per options, per prepared token array: the indices of its measurement words. */
const indicesByOptions = new WeakMap<MeasurementOptions, WeakMap<readonly string[], readonly number[]>>();

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `3X3`, `5X24`, `2X3X1` (digits, then `X` and digits one or more times), or digits alone. */
function shapeOf(token: string): 'number' | 'dimension' | null {
  let digits = 0;
  let crosses = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (isDigit(code)) digits++;
    else if (code === 88 && digits > 0 && i + 1 < token.length && isDigit(token.charCodeAt(i + 1))) crosses++;
    else return null;
  }
  if (digits === 0) return null;
  return crosses > 0 ? 'dimension' : 'number';
}

export function isMeasurementToken(token: string, options: MeasurementOptions): boolean {
  if (options.units.has(token)) return true;
  const shape = shapeOf(token);
  return shape === 'dimension' || (shape === 'number' && options.numbers);
}

function measurementIndices(tokens: readonly string[], options: MeasurementOptions): readonly number[] {
  let byTokens = indicesByOptions.get(options);
  if (!byTokens) {
    byTokens = new WeakMap();
    indicesByOptions.set(options, byTokens);
  }
  let indices = byTokens.get(tokens);
  if (!indices) {
    const found: number[] = [];
    for (let i = 0; i < tokens.length; i++) if (isMeasurementToken(tokens[i] ?? '', options)) found.push(i);
    indices = found.length === 0 ? NONE : found;
    byTokens.set(tokens, indices);
  }
  return indices;
}

function hasToken(sorted: readonly string[], token: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = sorted[middle] ?? '';
    if (value === token) return true;
    if (value < token) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * The containment of a pair without its measurement words (0 when neither side has one, or when
 * nothing else is left on the lighter side). `common` is the pair's shared weight, `creditA` /
 * `creditB` the shorthand credits of each side's unmatched words (0 without shorthand).
 */
export function containmentWithoutMeasurements(args: {
  ta: readonly string[];
  tb: readonly string[];
  wa: WeightedTokens | null;
  wb: WeightedTokens | null;
  common: number;
  creditA: number;
  creditB: number;
  options: MeasurementOptions;
}): number {
  const { ta, tb, wa, wb, options } = args;
  const ia = measurementIndices(ta, options);
  const ib = measurementIndices(tb, options);
  if (ia.length === 0 && ib.length === 0) return 0;
  let measuredA = 0;
  let shared = 0;
  for (const i of ia) {
    const weight = wa ? (wa.weights[i] ?? 0) : 1;
    measuredA += weight;
    if (hasToken(tb, ta[i] ?? '')) shared += weight;
  }
  let measuredB = 0;
  for (const i of ib) measuredB += wb ? (wb.weights[i] ?? 0) : 1;
  const totalA = (wa ? wa.total : ta.length) - measuredA;
  const totalB = (wb ? wb.total : tb.length) - measuredB;
  if (totalA <= 0 || totalB <= 0) return 0;
  const kept = args.common - shared;
  return Math.min(1, totalA <= totalB ? (kept + args.creditA) / totalA : (kept + args.creditB) / totalB);
}
