/**
 * Cheap checks in front of the built-ins that can build one huge string from small arguments
 * (`$pad("x", 1e8)`, `$join` of many large strings, `$replace` with a large replacement), so the
 * common memory bombs fail in microseconds with MAPPING_MEMORY_EXCEEDED instead of costing an
 * evaluator. They are an early answer, not the guarantee: process isolation is (docs/MAPPING-RUNTIME.md).
 * Each wrapper keeps the built-in's signature, so argument errors stay jsonata's own.
 */
import jsonata from 'jsonata';
import type { JsonataFactory } from './synchronousJsonata';
import { RuntimeFunctionError } from './mappingErrors';
import type { ExtraFunction } from './extraFunctions';

interface BuiltinFunction {
  implementation: (...args: unknown[]) => unknown;
}

/** jsonata's signatures for the wrapped built-ins (jsonata.js, staticFrame bindings). */
const SIGNATURES = { pad: '<s-ns?:s>', join: '<a<s>s?:s>', replace: '<s-(sf)(sf)n?:s>' } as const;

function tooLong(length: number, limit: number): RuntimeFunctionError {
  return new RuntimeFunctionError(
    'MAPPING_MEMORY_EXCEEDED',
    `The mapping would build a string of ${length} characters; the limit is ${limit}.`,
  );
}

function countOccurrences(text: string, pattern: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(pattern); at !== -1 && count < limit; at = text.indexOf(pattern, at + pattern.length)) count += 1;
  return count;
}

/**
 * The guarded $pad, $join and $replace for a maximum string length (UTF-16 units), wrapping the built-ins of the
 * jsonata build the mappings are compiled with (`library`: the synchronous build's `$replace` returns its string).
 */
export async function createSizeGuards(maxStringLength: number, library: JsonataFactory = jsonata): Promise<ExtraFunction[]> {
  const builtin = async (name: keyof typeof SIGNATURES): Promise<BuiltinFunction> =>
    (await library(`$${name}`).evaluate(undefined)) as BuiltinFunction;
  const [pad, join, replace] = await Promise.all([builtin('pad'), builtin('join'), builtin('replace')]);
  return [
    {
      name: 'pad',
      signature: SIGNATURES.pad,
      implementation(this: unknown, ...args: unknown[]) {
        const width = args[1];
        if (typeof width === 'number' && Math.abs(Math.trunc(width)) > maxStringLength)
          throw tooLong(Math.abs(Math.trunc(width)), maxStringLength);
        return pad.implementation.apply(this, args);
      },
    },
    {
      name: 'join',
      signature: SIGNATURES.join,
      implementation(this: unknown, ...args: unknown[]) {
        const [strings, separator] = args;
        if (Array.isArray(strings)) {
          const separatorLength = typeof separator === 'string' ? separator.length : 0;
          let length = Math.max(0, strings.length - 1) * separatorLength;
          for (const value of strings) length += typeof value === 'string' ? value.length : 0;
          if (length > maxStringLength) throw tooLong(length, maxStringLength);
        }
        return join.implementation.apply(this, args);
      },
    },
    {
      name: 'replace',
      signature: SIGNATURES.replace,
      implementation(this: unknown, ...args: unknown[]) {
        const [text, pattern, replacement, limit] = args;
        if (
          typeof text === 'string' &&
          typeof pattern === 'string' &&
          pattern !== '' &&
          typeof replacement === 'string' &&
          replacement.length > pattern.length
        ) {
          const count = countOccurrences(text, pattern, typeof limit === 'number' && limit >= 0 ? limit : Infinity);
          const length = text.length + count * (replacement.length - pattern.length);
          if (length > maxStringLength) throw tooLong(length, maxStringLength);
        }
        return replace.implementation.apply(this, args);
      },
    },
  ];
}
