/**
 * Which parser reads a body and with which options: the request's content type picks the format; the
 * options are the content type's defaults, then the published mapping's `format.options` (when the
 * mapping names a content type of the same format: the per-source settings, e.g. Lawson's `|`), then
 * Content-Type parameters of the request (`text/csv; delimiter="|"; charset=windows-1252`).
 */
import type { ValidateFunction } from 'ajv';
import { AppError, UnsupportedMediaTypeError, ValidationError } from '../errors';
import { createAjv, toErrorDetails } from '../schemas/ajv';
import { decodeUtf8 } from '../http/body';
import { decodeText } from './formats/encoding';
import {
  CONTENT_TYPES,
  contentTypeEntry,
  FORMAT_OPTION_SCHEMAS,
  FORMAT_NAMES,
  optionsFromMediaTypeParameters,
  type ContentTypeEntry,
  type FormatName,
  type SourceFormat,
  type SourceFormatOptions,
} from './formats/registry';
import { FormatError } from './formats/types';

const ajv = createAjv();
const validators = Object.fromEntries(FORMAT_NAMES.map((name) => [name, ajv.compile(FORMAT_OPTION_SCHEMAS[name])])) as Record<
  FormatName,
  ValidateFunction
>;

export interface ResolvedFormat {
  entry: ContentTypeEntry;
  options: SourceFormatOptions;
}

/** Every accepted media type. */
export const ACCEPTED_MEDIA_TYPES = CONTENT_TYPES.map((entry) => entry.contentType);
/** Media types an upload job can read record by record. */
export const STREAMABLE_MEDIA_TYPES = CONTENT_TYPES.filter((entry) => entry.isStreamable).map((entry) => entry.contentType);

function checkOptions(format: FormatName, options: unknown, label: string): ValidationError | null {
  const validate = validators[format];
  if (validate(options)) return null;
  const details = toErrorDetails(validate.errors ?? [], { rootPath: label });
  return new ValidationError(details.map((detail) => detail.message).join('; ') || `${label} is not valid for ${format}.`, details);
}

/** The problem with a mapping's `format` setting, in plain words, or null. */
export function sourceFormatProblem(format: SourceFormat, label: string): string | null {
  const entry = contentTypeEntry(format.contentType);
  if (!entry) return `${label}.contentType "${format.contentType}" is not one of ${ACCEPTED_MEDIA_TYPES.join(', ')}`;
  return checkOptions(entry.format, format.options ?? {}, `${label}.options`)?.message ?? null;
}

/** The mapping's `format` setting, or 400 naming the bad option. */
export function assertSourceFormat(format: SourceFormat, label: string): SourceFormat {
  const entry = contentTypeEntry(format.contentType);
  if (!entry)
    throw new ValidationError(`${label}.contentType must be one of ${ACCEPTED_MEDIA_TYPES.join(', ')}.`, [
      { path: `${label}.contentType`, code: 'ENUM', message: `must be one of ${ACCEPTED_MEDIA_TYPES.join(', ')}` },
    ]);
  const problem = checkOptions(entry.format, format.options ?? {}, `${label}.options`);
  if (problem) throw problem;
  return format;
}

/** The format and options for a request's Content-Type header (415 for an unknown type, 400 for a bad option). */
export function resolveFormat(input: {
  contentTypeHeader: string;
  mappingFormat?: SourceFormat;
  allowed?: readonly string[];
}): ResolvedFormat {
  const mediaType = (input.contentTypeHeader.split(';')[0] ?? '').trim().toLowerCase();
  const entry = contentTypeEntry(mediaType);
  const allowed = input.allowed ?? ACCEPTED_MEDIA_TYPES;
  if (!entry || !allowed.includes(mediaType)) throw new UnsupportedMediaTypeError(mediaType || '(none)', [...allowed]);
  const fromMapping =
    input.mappingFormat && contentTypeEntry(input.mappingFormat.contentType)?.format === entry.format
      ? (input.mappingFormat.options ?? {})
      : {};
  const options = { ...entry.defaults, ...fromMapping, ...optionsFromMediaTypeParameters(input.contentTypeHeader) };
  const problem = checkOptions(entry.format, options, 'Content-Type parameters');
  if (problem) throw new AppError(400, 'INVALID_FORMAT_OPTIONS', problem.message, problem.details);
  return { entry, options };
}

/**
 * 400 XML_RECORD_PATH_REQUIRED when an upload job could not read the file record by record: an XML
 * document without a `recordPath` is one record and would be held whole.
 */
export function assertStreamable(resolved: ResolvedFormat): void {
  if (resolved.entry.format !== 'xml' || (resolved.options.recordPath ?? '').split(/[./]/).some(Boolean)) return;
  throw new AppError(
    400,
    'XML_RECORD_PATH_REQUIRED',
    'An XML upload is read record by record: set format.options.recordPath on the mapping (or a recordPath Content-Type parameter) to the repeating element, e.g. Envelope.Body.Get_Suppliers_Response.Response_Data.Supplier.',
    [{ path: 'format.options.recordPath', code: 'REQUIRED', message: 'the element that is one record' }],
  );
}

/** Decodes a body in the resolved encoding (UTF-8 keeps its INVALID_UTF8 answer with the byte offset). */
export function decodeBody(bytes: Uint8Array, options: SourceFormatOptions, what = 'request body'): string {
  const encoding = options.encoding ?? 'utf-8';
  if (encoding === 'utf-8') return decodeUtf8(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), what);
  try {
    return decodeText(bytes, encoding);
  } catch (error) {
    if (error instanceof FormatError) throw new AppError(400, error.code, `The ${what}: ${error.message}`);
    throw error;
  }
}
