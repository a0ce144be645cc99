/**
 * Turns ajv errors into the service's `ErrorDetail[]`: a readable field path
 * (`addresses[0].postalCode`), a stable code (`REQUIRED`, `FORMAT_GTIN`…) and a plain-language
 * message that names the field. Used for canonical records and HTTP requests alike.
 */
import type { ErrorObject } from 'ajv';
import type { ErrorDetail } from '../errors';
import { IDENTIFIER_FORMATS, TEXT_FORMATS } from './formats';
import { present } from '../invariant';

const IDENTIFIER_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function pointerToSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins path segments as `a.b[0].c`, quoting keys that are not identifiers (`extensions["unit price"]`). */
export function formatFieldPath(segments: readonly string[], rootPath = ''): string {
  let path = rootPath.replace(/\.$/, '');
  for (const segment of segments) {
    if (/^(0|[1-9][0-9]*)$/.test(segment)) path += `[${segment}]`;
    else if (IDENTIFIER_NAME.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

function param(error: ErrorObject, name: string): unknown {
  return (error.params as Record<string, unknown>)[name];
}

// Keywords whose failing property is named in params rather than in instancePath.
const PROPERTY_PARAMS: Record<string, string> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  dependencies: 'missingProperty',
  additionalProperties: 'additionalProperty',
  unevaluatedProperties: 'unevaluatedProperty',
  // A `discriminator` error is about the tag property (`transport.type`), not the whole object.
  discriminator: 'tag',
};

function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

function withArticle(type: string): string {
  if (type === 'null') return 'null';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function listOf(values: readonly unknown[], conjunction: string): string {
  const shown = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown[shown.length - 1]}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const STANDARD_FORMAT_WORDING: Record<string, string> = {
  email: 'a valid email address',
  date: 'a date written YYYY-MM-DD',
  'date-time': 'an ISO 8601 date-time such as 2026-01-31T09:30:00Z',
  time: 'a time such as 09:30:00Z',
  uri: 'an absolute URI such as https://example.org/',
  'uri-reference': 'a URI reference',
  url: 'a URL',
  uuid: 'a UUID',
  hostname: 'a host name',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  regex: 'a regular expression',
  duration: 'an ISO 8601 duration such as P1D',
};

// Case-insensitive Levenshtein distance; callers skip pairs whose lengths already differ too much.
function editDistance(first: string, second: string): number {
  const a = first.toLowerCase();
  const b = second.toLowerCase();
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = present(row[0], 'the first cell of the edit-distance row');
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = present(row[j], 'an edit-distance cell');
      const left = present(row[j - 1], 'an edit-distance cell');
      row[j] = Math.min(above + 1, left + 1, diagonal + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return present(row[b.length], 'the last edit-distance cell');
}

// Mapping typos are the usual cause of an unknown property, so name the nearest declared one.
function closestProperty(name: string, parentSchema: unknown): string | undefined {
  const properties = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!properties) return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of Object.keys(properties)) {
    const allowed = Math.max(1, Math.floor(candidate.length / 3));
    if (Math.abs(candidate.length - name.length) > allowed) continue;
    const distance = editDistance(name, candidate);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function shortValue(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length <= 40) return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

// Identifier reasons starting with a verb read as a sentence after the field name; others
// ("check digit should be 4, got 7") read better after a colon.
function joinReason(field: string, reason: string): string {
  return /^(is|are|should|cannot|has|holds|must)\b/.test(reason) ? `${field} ${reason}` : `${field}: ${reason}`;
}

function describeFormat(error: ErrorObject, field: string): { code: string; message: string } {
  const format = String(param(error, 'format'));
  const code = `FORMAT_${upperSnake(format)}`;
  const check = IDENTIFIER_FORMATS[format] ?? TEXT_FORMATS[format];
  if (check && typeof error.data === 'string') {
    const result = check(error.data);
    if (!result.ok) return { code, message: joinReason(field, result.message) };
  }
  const wording = STANDARD_FORMAT_WORDING[format] ?? `a valid ${format}`;
  return { code, message: `${field} should be ${wording}` };
}

/** The `const` values a discriminated `oneOf` allows for its tag property, e.g. `webhook`, `amqp`, `file`. */
function tagValuesOf(parentSchema: unknown, tag: string): unknown[] {
  const branches = (parentSchema as { oneOf?: unknown } | undefined)?.oneOf;
  if (!Array.isArray(branches)) return [];
  return branches.flatMap((branch: { properties?: Record<string, { const?: unknown }> }) => {
    const value = branch.properties?.[tag]?.const;
    return value === undefined ? [] : [value];
  });
}

function describe(error: ErrorObject, field: string): { code: string; message: string } {
  const limit = param(error, 'limit');
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return { code: 'REQUIRED', message: `${field} is required` };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(param(error, error.keyword === 'additionalProperties' ? 'additionalProperty' : 'unevaluatedProperty'));
      const suggestion = closestProperty(name, error.parentSchema);
      const hint = suggestion ? ` (did you mean ${suggestion}?)` : '';
      return { code: 'ADDITIONAL_PROPERTY', message: `${field} is not an allowed field${hint}` };
    }
    case 'type': {
      const expected = param(error, 'type');
      const types = Array.isArray(expected) ? expected.map(String) : String(expected).split(',');
      return {
        code: 'TYPE',
        message: `${field} should be ${listOf(types.map(withArticle), 'or')}, got ${withArticle(typeOfValue(error.data))}`,
      };
    }
    case 'enum': {
      const allowed = param(error, 'allowedValues');
      const got = shortValue(error.data);
      return {
        code: 'ENUM',
        message: `${field} should be one of ${listOf(Array.isArray(allowed) ? allowed : [], 'or')}${got ? `, got ${got}` : ''}`,
      };
    }
    case 'const':
      return { code: 'CONST', message: `${field} should be ${JSON.stringify(param(error, 'allowedValue'))}` };
    case 'format':
      return describeFormat(error, field);
    case 'pattern':
      return { code: 'PATTERN', message: `${field} does not have the expected form (pattern ${String(param(error, 'pattern'))})` };
    case 'minLength':
      return {
        code: 'MIN_LENGTH',
        message:
          Number(limit) === 1 ? `${field} should not be empty` : `${field} should have at least ${plural(Number(limit), 'character')}`,
      };
    case 'maxLength':
      return { code: 'MAX_LENGTH', message: `${field} should have at most ${plural(Number(limit), 'character')}` };
    case 'minimum':
      return { code: 'MINIMUM', message: `${field} should be at least ${String(limit)}` };
    case 'maximum':
      return { code: 'MAXIMUM', message: `${field} should be at most ${String(limit)}` };
    case 'exclusiveMinimum':
      return { code: 'EXCLUSIVE_MINIMUM', message: `${field} should be greater than ${String(limit)}` };
    case 'exclusiveMaximum':
      return { code: 'EXCLUSIVE_MAXIMUM', message: `${field} should be less than ${String(limit)}` };
    case 'multipleOf':
      return { code: 'MULTIPLE_OF', message: `${field} should be a multiple of ${String(param(error, 'multipleOf'))}` };
    case 'minItems':
      return { code: 'MIN_ITEMS', message: `${field} should have at least ${plural(Number(limit), 'item')}` };
    case 'maxItems':
      return { code: 'MAX_ITEMS', message: `${field} should have at most ${plural(Number(limit), 'item')}` };
    case 'uniqueItems': {
      const [first, second] = [Number(param(error, 'i')), Number(param(error, 'j'))].sort((a, b) => a - b);
      return { code: 'UNIQUE_ITEMS', message: `${field} should not repeat values (items ${first} and ${second} are the same)` };
    }
    case 'minProperties':
      return { code: 'MIN_PROPERTIES', message: `${field} should have at least ${plural(Number(limit), 'field')}` };
    case 'maxProperties':
      return { code: 'MAX_PROPERTIES', message: `${field} should have at most ${plural(Number(limit), 'field')}` };
    case 'anyOf':
    case 'oneOf':
      return {
        code: upperSnake(error.keyword),
        message: `${field} does not match ${error.keyword === 'oneOf' ? 'exactly one' : 'any'} of the allowed shapes`,
      };
    case 'discriminator': {
      const allowed = tagValuesOf(error.parentSchema, String(param(error, 'tag')));
      const got = shortValue(param(error, 'tagValue'));
      return {
        code: 'DISCRIMINATOR',
        message: `${field} should be one of ${listOf(allowed, 'or')}${got ? `, got ${got}` : ''}`,
      };
    }
    case 'not':
      return { code: 'NOT', message: `${field} has a value that is not allowed here` };
    case 'false schema':
      return { code: 'NOT_ALLOWED', message: `${field} is not allowed` };
    default:
      return { code: upperSnake(error.keyword), message: `${field} ${error.message ?? 'is invalid'}` };
  }
}

/** Converts ajv errors to `ErrorDetail`s with field paths (prefixed by `rootPath`, e.g. `body`), stable codes and plain messages. */
export function toErrorDetails(errors: readonly ErrorObject[], options: { rootPath?: string } = {}): ErrorDetail[] {
  const rootPath = (options.rootPath ?? '').replace(/\.$/, '');
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if` reports its failing branch separately; the wrapper error adds nothing readable.
    if (error.keyword === 'if') continue;
    const segments = pointerToSegments(error.instancePath);
    const propertyParam = PROPERTY_PARAMS[error.keyword];
    if (propertyParam !== undefined && param(error, propertyParam) !== undefined) segments.push(String(param(error, propertyParam)));
    if (error.propertyName !== undefined) segments.push(error.propertyName);
    const relative = formatFieldPath(segments);
    const path = formatFieldPath(segments, rootPath);
    const { code, message } = describe(error, relative === '' ? rootPath || 'the value' : relative);
    const key = `${path}\u0000${code}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push(path === '' ? { code, message } : { path, code, message });
  }
  return details;
}
