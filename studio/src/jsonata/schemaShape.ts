/**
 * Navigation of a canonical JSON Schema by property path, for suggesting output keys while the
 * analyst writes an object constructor, and for listing required fields.
 */

export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  enum?: unknown[];
  format?: string;
  [keyword: string]: unknown;
};

export interface SchemaProperty {
  name: string;
  isRequired: boolean;
  description?: string;
  type?: string;
}

function isSchema(value: unknown): value is JsonSchema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Follows a local `$ref` (`#/$defs/x` or `#/definitions/x`) against the root schema. */
export function resolveRef(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; hops < 16 && typeof current.$ref === 'string' && current.$ref.startsWith('#/'); hops += 1) {
    let target: unknown = root;
    for (const part of current.$ref.slice(2).split('/')) {
      target = isSchema(target) ? target[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    if (!isSchema(target)) break;
    current = target;
  }
  return current;
}

/** The object schema reached by `path` (array levels step into `items` automatically). */
export function schemaAt(root: JsonSchema, path: readonly string[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = resolveRef(root, root);
  const intoItems = (schema: JsonSchema): JsonSchema => {
    let resolved = resolveRef(root, schema);
    while (isSchema(resolved.items)) resolved = resolveRef(root, resolved.items);
    return resolved;
  };
  current = intoItems(current);
  for (const key of path) {
    const next: JsonSchema | undefined = current?.properties?.[key];
    if (next === undefined) return undefined;
    current = intoItems(next);
  }
  return current;
}

function typeLabel(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (typeof schema.type === 'string') return schema.format ? `${schema.type} (${schema.format})` : schema.type;
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  return undefined;
}

/** Properties of the object schema at `path`, required ones first. */
export function propertiesAt(root: JsonSchema, path: readonly string[]): SchemaProperty[] {
  const schema = schemaAt(root, path);
  if (schema?.properties === undefined) return [];
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties).map(([name, raw]) => {
    const property = resolveRef(root, raw);
    return { name, isRequired: required.has(name), description: property.description ?? property.title, type: typeLabel(property) };
  });
  return properties.sort((left, right) => Number(right.isRequired) - Number(left.isRequired));
}
