/**
 * The functions registered in every mapping evaluation. Identifier logic comes from
 * server/identifiers (never re-implemented here); this file only adapts it to JSONata calling
 * conventions: undefined in → undefined out (so absent fields stay absent), invalid → null.
 */
import { checkGtin, normalizeCcn, normalizeDuns, normalizeEin, normalizeGtin, normalizeNdc11, normalizeUom } from '../identifiers/index';
import { normalizeOrgName, normalizePartNumber, normalizePostalCode } from '../identifiers/names';
import { RuntimeFunctionError } from './mappingErrors';

type LookupTables = Record<string, Record<string, unknown>>;

export interface ExtraFunction {
  name: string;
  implementation: (...args: unknown[]) => unknown;
  /** JSONata signature; omitted where we validate ourselves ($lookup dispatches on its first argument). */
  signature?: string;
}

function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

/** Wraps a `string → string | null` normaliser in JSONata's undefined-propagation convention. */
function normaliser(normalize: (value: string) => string | null): (value: unknown) => unknown {
  return (value) => {
    if (value === undefined) return undefined;
    const text = asText(value);
    return text === undefined ? null : normalize(text);
  };
}

/** JSONata's built-in `$lookup(object, key)`, kept for the object form of our overloaded `$lookup`. */
export interface BuiltinLookup {
  implementation: (...args: unknown[]) => unknown;
  signature: { validate: (args: unknown[], context: unknown) => unknown[] };
}

/** Builds the extra functions; `currentLookups` is read at call time because tables change per batch. */
export function createExtraFunctions(options: { currentLookups: () => LookupTables; builtinLookup: BuiltinLookup }): ExtraFunction[] {
  const { currentLookups, builtinLookup } = options;
  function lookup(this: { input?: unknown }, ...args: unknown[]): unknown {
    const [table, key, fallback] = args;
    if (typeof table !== 'string') {
      const validated = builtinLookup.signature.validate(args, this?.input);
      return builtinLookup.implementation.apply(this, validated);
    }
    const tables = currentLookups();
    if (!Object.prototype.hasOwnProperty.call(tables, table)) {
      throw new RuntimeFunctionError('LOOKUP_MISSING', `The lookup table "${table}" was not provided to this mapping run.`);
    }
    const keyText = asText(key);
    const entries = tables[table] ?? {};
    if (keyText !== undefined && Object.prototype.hasOwnProperty.call(entries, keyText)) return entries[keyText];
    return fallback;
  }
  return [
    { name: 'lookup', implementation: lookup },
    { name: 'gtin14', implementation: normaliser(normalizeGtin), signature: '<(snl)-:x>' },
    { name: 'ndc11', implementation: normaliser(normalizeNdc11), signature: '<(snl)-:x>' },
    { name: 'ein', implementation: normaliser(normalizeEin), signature: '<(snl)-:x>' },
    { name: 'duns', implementation: normaliser(normalizeDuns), signature: '<(snl)-:x>' },
    { name: 'ccn', implementation: normaliser(normalizeCcn), signature: '<(snl)-:x>' },
    { name: 'uom', implementation: normaliser(normalizeUom), signature: '<(snl)-:x>' },
    { name: 'normalizeName', implementation: normaliser(normalizeOrgName), signature: '<(snl)-:x>' },
    { name: 'partNumber', implementation: normaliser(normalizePartNumber), signature: '<(snl)-:x>' },
    {
      name: 'postalCode',
      implementation: (value: unknown, country: unknown) => {
        if (value === undefined) return undefined;
        const text = asText(value);
        return text === undefined ? null : normalizePostalCode(text, asText(country));
      },
      signature: '<(snl)-s?:x>',
    },
    {
      name: 'checkGtin',
      implementation: (value: unknown) => {
        if (value === undefined) return undefined;
        return checkGtin(asText(value) ?? '');
      },
      signature: '<(snl)-:x>',
    },
  ];
}

/** Replaces `$eval`, which would let a mapping compile and run code the runtime never checked. */
export function disabledEval(): never {
  throw new RuntimeFunctionError('MAPPING_FUNCTION_DISABLED', '$eval is disabled in mappings: write the expression directly instead.');
}
