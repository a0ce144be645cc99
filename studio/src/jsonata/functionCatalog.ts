/**
 * Every function an analyst can call in a mapping, with signature and documentation for completion
 * and hovers: JSONata's built-ins plus the project's extra functions (their docs come from the
 * mapping runtime, so the editor and the server never disagree).
 */
import { extraFunctionDocs } from '../../../server/mapping-runtime/extraFunctionDocs';

export interface FunctionDoc {
  /** With the leading `$`. */
  name: string;
  signature: string;
  doc: string;
  example?: string;
  isExtra: boolean;
}

type BuiltinRow = [signature: string, doc: string];

// Signatures as the JSONata documentation writes them; `?` marks an optional parameter.
const BUILTINS: BuiltinRow[] = [
  ['$string(arg, prettify?)', 'Casts the argument to a string; objects and arrays become JSON.'],
  ['$length(str)', 'Number of characters in the string.'],
  [
    '$substring(str, start, length?)',
    'Part of the string from the zero-based `start` (negative counts from the end), optionally `length` characters long.',
  ],
  ['$substringBefore(str, chars)', 'Part of the string before the first occurrence of `chars`, or the whole string.'],
  ['$substringAfter(str, chars)', 'Part of the string after the first occurrence of `chars`, or the whole string.'],
  ['$uppercase(str)', 'The string in upper case.'],
  ['$lowercase(str)', 'The string in lower case.'],
  ['$trim(str)', 'Removes leading and trailing whitespace and collapses inner runs of whitespace to one space.'],
  ['$pad(str, width, char?)', 'Pads to `width` characters: positive pads on the right, negative on the left.'],
  ['$contains(str, pattern)', 'Whether the string contains the substring or matches the regex.'],
  ['$split(str, separator, limit?)', 'Splits the string into an array on a substring or regex.'],
  ['$join(array, separator?)', 'Joins an array of strings into one string.'],
  ['$match(str, pattern, limit?)', 'Regex matches as objects with `match`, `index` and `groups`.'],
  ['$replace(str, pattern, replacement, limit?)', 'Replaces occurrences of a substring or regex (`$1` refers to groups).'],
  ['$base64encode(str)', 'Base64 encoding of the string.'],
  ['$base64decode(str)', 'Decodes a base64 string.'],
  ['$encodeUrlComponent(str)', 'Encodes the string as a URL component.'],
  ['$encodeUrl(str)', 'Encodes the string as a full URL.'],
  ['$decodeUrlComponent(str)', 'Decodes a URL component.'],
  ['$decodeUrl(str)', 'Decodes a full URL.'],
  ['$number(arg)', 'Casts to a number; strings must hold a JSON number (`"0012"` fails: use $parseInteger or trim zeros).'],
  ['$abs(number)', 'Absolute value.'],
  ['$floor(number)', 'Rounds down.'],
  ['$ceil(number)', 'Rounds up.'],
  ['$round(number, precision?)', 'Rounds half to even, to `precision` decimal places.'],
  ['$power(base, exponent)', '`base` raised to `exponent`.'],
  ['$sqrt(number)', 'Square root.'],
  ['$random()', 'A random number between 0 (inclusive) and 1 (exclusive).'],
  ['$formatNumber(number, picture, options?)', 'Formats a number with an XPath picture string such as `#,##0.00`.'],
  ['$formatBase(number, radix?)', 'Formats an integer in the given base (2–36).'],
  ['$formatInteger(number, picture)', 'Formats an integer with an XPath picture (`w` gives words, `I` roman numerals).'],
  ['$parseInteger(string, picture)', 'Parses a string formatted with an XPath picture into an integer.'],
  ['$sum(array)', 'Sum of an array of numbers.'],
  ['$max(array)', 'Largest number in the array.'],
  ['$min(array)', 'Smallest number in the array.'],
  ['$average(array)', 'Mean of an array of numbers.'],
  ['$boolean(arg)', 'Casts to a boolean using JSONata truthiness rules.'],
  ['$not(arg)', 'Boolean negation.'],
  ['$exists(arg)', 'True when the expression produces a value (even null or false).'],
  ['$count(array)', 'Number of items; a single value counts as 1, nothing as 0.'],
  ['$append(array1, array2)', 'Concatenates two arrays (single values count as one-item arrays).'],
  ['$sort(array, function?)', 'Sorts an array; the optional function($l, $r) returns true when $l should come after $r.'],
  ['$reverse(array)', 'The array in reverse order.'],
  ['$shuffle(array)', 'The array in random order.'],
  ['$distinct(array)', 'The array without duplicate values.'],
  ['$zip(array1, array2)', 'Convolves arrays: item i of the result holds item i of each argument.'],
  ['$keys(object)', 'Keys of the object (or of every object in an array).'],
  ['$spread(object)', 'Splits an object into an array of one-key objects.'],
  ['$merge(array)', 'Merges an array of objects into one; later keys win.'],
  ['$sift(object, function)', 'Object with only the key/value pairs for which function($v, $k) is true.'],
  ['$each(object, function)', 'Array of function($v, $k) over every key/value pair.'],
  ['$error(message)', 'Fails the evaluation with this message.'],
  ['$assert(condition, message)', 'Fails the evaluation with `message` when `condition` is false.'],
  ['$type(value)', 'Type name: "null", "number", "string", "boolean", "array", "object" or "function".'],
  ['$now(picture?, timezone?)', 'Current timestamp as ISO 8601 (same value throughout one evaluation).'],
  ['$millis()', 'Milliseconds since the Unix epoch (same value throughout one evaluation).'],
  ['$fromMillis(number, picture?, timezone?)', 'Formats epoch milliseconds as ISO 8601 or with an XPath date picture.'],
  ['$toMillis(timestamp, picture?)', 'Parses an ISO 8601 (or pictured) timestamp into epoch milliseconds.'],
  ['$map(array, function)', 'Array of function($v, $i, $a) over every item.'],
  ['$filter(array, function)', 'Items for which function($v, $i, $a) is true.'],
  ['$single(array, function?)', 'The one item matching the function; fails when there are none or several.'],
  ['$reduce(array, function, init?)', 'Folds the array with function($acc, $v).'],
];

function nameOf(signature: string): string {
  return signature.slice(0, signature.indexOf('('));
}

const extraNames = new Set(extraFunctionDocs.map((entry) => entry.name));

/** All callable functions; project functions shadow JSONata's built-in `$lookup`. $eval is disabled in mappings, so omitted. */
export const FUNCTION_DOCS: readonly FunctionDoc[] = [
  ...extraFunctionDocs.map((entry) => ({
    name: entry.name,
    signature: entry.signature,
    doc: entry.doc,
    example: entry.example,
    isExtra: true,
  })),
  ...BUILTINS.filter(([signature]) => !extraNames.has(nameOf(signature))).map(([signature, doc]) => ({
    name: nameOf(signature),
    signature,
    doc,
    isExtra: false,
  })),
];

const byName = new Map(FUNCTION_DOCS.map((entry) => [entry.name, entry]));

/** The documentation of one function by its `$name`, if known. */
export function findFunctionDoc(name: string): FunctionDoc | undefined {
  return byName.get(name);
}

/** Parameter names of a signature, with `isOptional` for `name?` parameters. */
export function parametersOf(signature: string): Array<{ name: string; isOptional: boolean }> {
  const inner = signature.slice(signature.indexOf('(') + 1, signature.lastIndexOf(')')).trim();
  if (inner === '') return [];
  return inner.split(',').map((raw) => {
    const name = (raw.split(':')[0] ?? raw).trim();
    return { name: name.replace(/\?$/, ''), isOptional: name.endsWith('?') };
  });
}

function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (char) => `\\${char}`);
}

/** A Monaco snippet calling the function with placeholders for its required parameters. */
export function callSnippet(doc: FunctionDoc): string {
  const required = parametersOf(doc.signature).filter((parameter) => !parameter.isOptional);
  const placeholders = required.map((parameter, index) => `\${${index + 1}:${escapeSnippet(parameter.name)}}`);
  return `${escapeSnippet(doc.name)}(${placeholders.join(', ')})$0`;
}
