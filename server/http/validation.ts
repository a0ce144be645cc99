/**
 * Validates request parts with the same ajv set-up (formats, identifier checks, error wording) as the
 * canonical schemas. Path and query parameters arrive as strings: they are coerced to the types their
 * schema declares before validation, so handlers receive typed input.
 */
import type { ValidateFunction } from 'ajv';
import { ValidationError } from '../errors';
import { createAjv, toErrorDetails } from '../schemas/ajv';
import type { Schema } from './route';

const ajv = createAjv();
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: Schema): ValidateFunction {
  const key = schema as object;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema as object);
    compiled.set(key, validate);
  }
  return validate;
}

type PropertySchema = { type?: string | string[]; items?: PropertySchema };

function coerceScalar(value: string, type: string | string[] | undefined): unknown {
  const types = Array.isArray(type) ? type : [type];
  if ((types.includes('integer') || types.includes('number')) && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

/**
 * Coerces string query/path values to the scalar types their schema declares (arrays from repeats or commas).
 * A single-valued parameter given several times with different values (`?status=open&status=closed`) is
 * refused (400 REPEATED_PARAMETER) rather than silently reduced to one of them; repeats of one value are fine.
 */
export function coerceStrings(values: Record<string, unknown>, schema: Schema | undefined): Record<string, unknown> {
  const properties = (typeof schema === 'object' && schema && 'properties' in schema ? schema.properties : undefined) as
    Record<string, PropertySchema> | undefined;
  const result: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(values)) {
    const property = properties?.[name];
    if (property?.type === 'array') {
      const list = (Array.isArray(raw) ? raw : String(raw).split(',')).map((item) => String(item)).filter((item) => item !== '');
      result[name] = list.map((item) => coerceScalar(item, property.items?.type));
    } else {
      if (Array.isArray(raw) && new Set(raw.map(String)).size > 1) {
        const message = `${name} is given ${raw.length} times with different values (${raw.map((item) => JSON.stringify(String(item))).join(', ')}); give it once`;
        throw new ValidationError(message, [{ path: `query.${name}`, code: 'REPEATED_PARAMETER', message }]);
      }
      const single: unknown = Array.isArray(raw) ? (raw as unknown[])[raw.length - 1] : raw;
      result[name] = typeof single === 'string' ? coerceScalar(single, property?.type) : single;
    }
  }
  return result;
}

/** Validates `value` against `schema`; throws 400 VALIDATION_FAILED naming every failing field under `part`. */
export function validatePart(options: { part: 'params' | 'query' | 'body'; schema: Schema; value: unknown }): void {
  const validate = validatorFor(options.schema);
  if (validate(options.value)) return;
  const details = toErrorDetails(validate.errors ?? [], { rootPath: options.part });
  const first = details[0];
  const summary = first ? first.message : `The ${options.part} is invalid.`;
  const more = details.length > 1 ? ` (and ${details.length - 1} more problem${details.length > 2 ? 's' : ''})` : '';
  throw new ValidationError(`${summary}${more}`, details);
}
