/** Request body reading with a hard size limit, and JSON parsing with a positioned error message. */
import type { Context } from 'koa';
import { jsonErrorOffset, lineAndColumn } from './jsonPosition';
import { assertJsonDepth } from './jsonDepth';
import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../errors';

/** The bare media type of the request (`application/json`), lower-case, without parameters. */
export function mediaTypeOf(ctx: Context): string {
  return ((ctx.get('content-type') || '').split(';')[0] ?? '').trim().toLowerCase();
}

/** Throws 415 unless the request's media type is one of `allowed`. */
export function requireMediaType(ctx: Context, allowed: string[]): string {
  const type = mediaTypeOf(ctx);
  if (!allowed.includes(type)) throw new UnsupportedMediaTypeError(type || '(none)', allowed);
  return type;
}

/** Reads the whole body, failing with 413 as soon as it passes `limit` bytes. */
export async function readBody(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    ctx.req.resume();
    throw new PayloadTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      ctx.req.resume();
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** 400 INVALID_UTF8: bytes that are not UTF-8 are refused instead of silently becoming U+FFFD. */
export class InvalidUtf8Error extends BadRequestError {
  constructor(what: string, byteOffset?: number) {
    super(
      'INVALID_UTF8',
      `The ${what} is not valid UTF-8${byteOffset === undefined ? '' : ` (first invalid byte sequence near byte ${byteOffset})`}; send UTF-8 text.`,
      byteOffset === undefined ? undefined : { byteOffset },
    );
  }
}

/** Offset of the first byte where `bytes` stops being valid UTF-8 (only called once decoding failed). */
function firstInvalidUtf8Offset(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // Longest valid prefix by bisection (a prefix that ends inside a character still counts as valid).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (isUtf8Prefix(bytes.subarray(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

function isUtf8Prefix(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decodes a whole body as UTF-8 (a leading BOM is kept, as before); 400 INVALID_UTF8 otherwise. */
export function decodeUtf8(bytes: Buffer, what = 'request body'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InvalidUtf8Error(what, firstInvalidUtf8Offset(bytes));
  }
}

/** Parses JSON text; a syntax error becomes 400 INVALID_JSON with the line and column. */
export function parseJson(text: string, what = 'request body'): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    const where = offset === null ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, offset));
    throw new BadRequestError('INVALID_JSON', `The ${what} is not valid JSON${where}.`);
  }
}

/** Reads and parses a JSON body (empty body → undefined); 415 for other media types, 400 PAYLOAD_TOO_DEEP past `maxDepth`. */
export async function readJsonBody(ctx: Context, options: { limit: number; maxDepth: number }): Promise<unknown> {
  const { limit, maxDepth } = options;
  const raw = await readBody(ctx, limit);
  if (raw.length === 0) return undefined;
  const type = mediaTypeOf(ctx);
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new UnsupportedMediaTypeError(type || '(none)', ['application/json']);
  }
  const value = parseJson(decodeUtf8(raw));
  assertJsonDepth(value, { maxDepth, what: 'request body', root: 'body' });
  return value;
}
