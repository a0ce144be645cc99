/**
 * Nesting depth of parsed JSON. JSON.parse accepts any depth, but almost everything after it
 * (structured clone to the mapping evaluators, ajv, recursive helpers, MongoDB's 100-level BSON limit)
 * does not, so depth is limited where JSON enters: request bodies and each ingested record.
 * Depth counts containers: `{}` and `[]` are depth 1, `{"a":[1]}` is 2, a scalar is 0.
 */
import { BadRequestError } from '../errors';

/** Default of MDM_MAX_JSON_DEPTH: far above real records, below MongoDB's 100-level document limit with room for the envelope. */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/** Where `value` first nests deeper than `maxDepth` (a path such as `payloads[0].a.a`), or null. Recursion is bounded by `maxDepth`. */
export function findTooDeep(value: unknown, maxDepth: number): string | null {
  const found = deeper(value, maxDepth);
  return found === null
    ? null
    : found.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}

function deeper(value: unknown, remaining: number): Array<string | number> | null {
  if (value === null || typeof value !== 'object') return null;
  if (remaining === 0) return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  for (const [step, item] of entries) {
    if (item === null || typeof item !== 'object') continue;
    const below = deeper(item, remaining - 1);
    if (below !== null) return [step, ...below];
  }
  return null;
}

/** Shortens a long path for messages: the first steps, an ellipsis, the count of steps. */
export function describePath(path: string): string {
  return path.length <= 80 ? path : `${path.slice(0, 60)}… (${path.length} characters)`;
}

/** Throws 400 PAYLOAD_TOO_DEEP naming where `value` (the `what`, e.g. "request body") passes `maxDepth`. */
export function assertJsonDepth(value: unknown, options: { maxDepth: number; what: string; root: string }): void {
  const path = findTooDeep(value, options.maxDepth);
  if (path === null) return;
  const where = path === '' ? options.root : `${options.root}${path.startsWith('[') ? '' : '.'}${path}`;
  throw new BadRequestError(
    'PAYLOAD_TOO_DEEP',
    `The ${options.what} nests more than ${options.maxDepth} levels deep (at ${describePath(where)}); the limit is set by MDM_MAX_JSON_DEPTH.`,
    [{ path: describePath(where), code: 'PAYLOAD_TOO_DEEP', message: `nested more than ${options.maxDepth} levels deep` }],
  );
}

/** JSON text of `value` cut at `maxDepth` (deeper containers become the string "…"), for storing what a too-deep record held. */
export function truncatedJson(value: unknown, maxDepth: number): string {
  const cut = (item: unknown, remaining: number): unknown => {
    if (item === null || typeof item !== 'object') return item;
    if (remaining === 0) return '…';
    if (Array.isArray(item)) return item.map((child) => cut(child, remaining - 1));
    return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, cut(child, remaining - 1)]));
  };
  return JSON.stringify(cut(value, maxDepth));
}
