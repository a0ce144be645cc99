/**
 * The ingest pipeline's standardise stage (re-exported by server/ingest/standardise.ts), driven by the canonical schema rather than by domain code: a string with an
 * identifier `format` (gtin, ndc, ein, uom…) is rewritten to the normal form its check function
 * returns; `x-standardize` names a standardiser for plain strings (organisation names, postal codes);
 * every other string is cleaned of control characters and stray whitespace. Plans are compiled once
 * per domain from the schema.
 */
import type { ErrorDetail } from '../errors';
import { normalizePostalCode } from '../identifiers';
import { IDENTIFIER_FORMATS } from './formats';
import { formatFieldPath } from './errorDetails';
import { getCanonicalSchema } from './canonicalSchemas';

type SchemaNode = Record<string, unknown>;
/**
 * `path` is the record's one path stack, the value's own position while its standardiser runs (pushed and popped
 * by the object and array steps, read only when a problem is written): no path array or context object per field.
 */
type Standardiser = (
  value: unknown,
  context: { path: string[]; parent: Record<string, unknown> | null; problems: ErrorDetail[] },
) => unknown;

/**
 * Bidi embeddings, overrides and isolates (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI): display directives,
 * not content. Left in a stored name, `\u202EACME` shows as "EMCA" to every steward and downstream system
 * (and an unclosed one reverses the text after it). The raw payload keeps them; marks (LRM, RLM) stay.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]+/g;

/**
 * A lone surrogate (`"\ud800"` in a JSON body) is not a character and has no UTF-8 form: MongoDB and every
 * UTF-8 consumer would store or receive U+FFFD instead, the embedded store the unpaired code unit. It becomes
 * U+FFFD here, so both stores and every downstream system hold the same text.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether `cleanText` could change `value`: a character one of its rewrites replaces (controls, NBSP, bidi controls,
 * any surrogate), two whitespace characters in a row, or whitespace at either end. `\s` is exactly the set `trim`
 * removes (WhiteSpace and LineTerminator), so a text this does not match comes out of every rewrite unchanged.
 * One scan instead of five rewrites for the common case: a clean cell (docs/INGEST.md, eleventh pass).
 */
// eslint-disable-next-line no-control-regex
const MAY_NEED_CLEANING = /[\u0000-\u001F\u007F\u00A0\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]|\s\s|^\s|\s$/;

/** Control characters become spaces, bidi controls are dropped, lone surrogates become U+FFFD; runs of whitespace collapse; ends are trimmed. */
export function cleanText(value: string): string {
  if (!MAY_NEED_CLEANING.test(value)) return value;
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u001F\u007F\u00A0]+/g;
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI_CONTROLS, '')
    .replace(controls, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** Organisation display name: clean text without trademark marks (matching normalises further on its own). */
export function cleanOrganisationName(value: string): string {
  return cleanText(value.replace(/\s*[®™℠]/g, '').replace(/\s*\((?:R|TM)\)(?=\s|$|,)/g, ''));
}

const TEXT_STANDARDISERS: Readonly<
  Record<
    string,
    (value: string, context: { parent: Record<string, unknown> | null }) => { value: string } | { code: string; message: string }
  >
> = {
  'organisation-name': (value) => ({ value: cleanOrganisationName(value) }),
  'postal-code': (value, { parent }) => {
    // An empty postal code states nothing (many registers and ledgers leave the column blank): kept as written, in any
    // country, rather than rejecting the record; matching reads it as absent (normalizePostalCode gives null).
    if (value === '') return { value };
    const country = typeof parent?.country === 'string' ? parent.country : undefined;
    const normal = normalizePostalCode(value, country);
    if (normal === null) {
      const whose = country === undefined || country.trim() === '' ? 'country not given, so read as US' : `country "${country}"`;
      return { code: 'INVALID_POSTAL_CODE', message: `is not a US ZIP code (5 digits, or ZIP+4; ${whose}), got "${value}"` };
    }
    return { value: normal };
  },
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function compileNode(node: SchemaNode): Standardiser | null {
  const format = typeof node.format === 'string' ? node.format : undefined;
  const named = typeof node['x-standardize'] === 'string' ? node['x-standardize'] : undefined;
  if (node.type === 'string' || format || named) {
    const check = format ? IDENTIFIER_FORMATS[format] : undefined;
    const textStandardiser = named ? TEXT_STANDARDISERS[named] : undefined;
    if (named && !textStandardiser) throw new Error(`unknown x-standardize "${named}" in a canonical schema`);
    return (value, context) => {
      if (typeof value !== 'string') return value;
      if (check) {
        const result = check(value);
        if (result.ok) return result.value;
        context.problems.push({
          path: formatFieldPath(context.path),
          code: result.code,
          message: `${formatFieldPath(context.path)} ${result.message}`,
        });
        return value;
      }
      const cleaned = cleanText(value);
      if (!textStandardiser) return cleaned;
      const result = textStandardiser(cleaned, context);
      if ('value' in result) return result.value;
      context.problems.push({
        path: formatFieldPath(context.path),
        code: result.code,
        message: `${formatFieldPath(context.path)} ${result.message}`,
      });
      return value;
    };
  }
  if (isObject(node.properties)) {
    const fields = Object.entries(node.properties)
      .map(([name, child]) => [name, isObject(child) ? compileNode(child) : null] as const)
      .filter((entry): entry is readonly [string, Standardiser] => entry[1] !== null);
    if (fields.length === 0) return null;
    return (value, context) => {
      if (!isObject(value)) return value;
      const out: Record<string, unknown> = { ...value };
      const inner = { path: context.path, parent: value, problems: context.problems };
      for (const [name, standardise] of fields) {
        if (out[name] === undefined) continue;
        context.path.push(name);
        out[name] = standardise(out[name], inner);
        context.path.pop();
      }
      return out;
    };
  }
  if (isObject(node.items)) {
    const item = compileNode(node.items);
    if (!item) return null;
    return (value, context) => {
      if (!Array.isArray(value)) return value;
      const inner = { path: context.path, parent: null, problems: context.problems };
      return value.map((element, index) => {
        context.path.push(String(index));
        const standardised = item(element, inner);
        context.path.pop();
        return standardised;
      });
    };
  }
  return null;
}

/** A compiled standardiser: the record with every value in its normal form, and the values no standardiser could accept. */
export type RecordStandardiser = (record: Record<string, unknown>) => { record: Record<string, unknown>; problems: ErrorDetail[] };

/** Compiles the standardiser of a canonical schema (once per schema: on the main thread per domain, in a mapping worker per schema key). */
export function compileStandardiser(schema: SchemaNode): RecordStandardiser {
  const plan = compileNode(schema);
  return (record) => {
    const problems: ErrorDetail[] = [];
    const standardised = plan ? plan(record, { path: [], parent: null, problems }) : record;
    return { record: standardised as Record<string, unknown>, problems };
  };
}

const plans = new Map<string, RecordStandardiser>();

/** Standardises a validated canonical record of `domain`; problems list values no standardiser could accept. */
export function standardiseRecord(
  domain: string,
  record: Record<string, unknown>,
): { record: Record<string, unknown>; problems: ErrorDetail[] } {
  let plan = plans.get(domain);
  if (plan === undefined) {
    plan = compileStandardiser(getCanonicalSchema(domain).schema);
    plans.set(domain, plan);
  }
  return plan(record);
}
