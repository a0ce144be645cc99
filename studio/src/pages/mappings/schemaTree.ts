/**
 * The target schema as a tree, with how many sample outputs fill each field: the analyst sees what
 * the expression fills and which required fields are still missing.
 */
import { resolveRef } from '../../jsonata/schemaShape';
import type { JsonSchema } from '../../jsonata/schemaShape';

export interface SchemaFieldNode {
  name: string;
  /** Dotted path; array levels are not written (`addresses.city`). */
  path: string;
  type: string;
  isRequired: boolean;
  isArray: boolean;
  /** Number of outputs in which the field holds a value (not null, not an empty string or array). */
  filled: number;
  children: SchemaFieldNode[];
}

const MAX_DEPTH = 6;

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Values at `name` in each of `parents`, arrays flattened (one level per array in the data). */
function childValues(parents: readonly unknown[], name: string): unknown[] {
  const values: unknown[] = [];
  for (const parent of parents) {
    const items = Array.isArray(parent) ? parent : [parent];
    for (const item of items) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item)) values.push((item as Record<string, unknown>)[name]);
    }
  }
  return values;
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.type)) return schema.type.join(' | ');
  if (typeof schema.type === 'string') return schema.format ? `${schema.type} (${schema.format})` : schema.type;
  if (Array.isArray(schema.enum)) return 'enum';
  return 'any';
}

function nodesOf(args: { root: JsonSchema; schema: JsonSchema; perOutput: unknown[][]; prefix: string; depth: number }): SchemaFieldNode[] {
  const object = resolveRef(args.root, args.schema);
  if (object.properties === undefined || args.depth > MAX_DEPTH) return [];
  const required = new Set(object.required ?? []);
  const nodes = Object.entries(object.properties).map(([name, raw]) => {
    const property = resolveRef(args.root, raw);
    const isArray = property.type === 'array' || (Array.isArray(property.type) && property.type.includes('array'));
    const itemSchema = isArray && property.items !== undefined ? resolveRef(args.root, property.items) : property;
    // One list of values per output, so "filled" counts outputs, not array items.
    const perOutput = args.perOutput.map((parents) => childValues(parents, name));
    const filled = perOutput.filter((values) => values.some(hasValue)).length;
    const path = args.prefix === '' ? name : `${args.prefix}.${name}`;
    return {
      name,
      path,
      type: isArray ? `${typeOf(itemSchema)}[]` : typeOf(property),
      isRequired: required.has(name),
      isArray,
      filled,
      children: nodesOf({ root: args.root, schema: itemSchema, perOutput, prefix: path, depth: args.depth + 1 }),
    };
  });
  return nodes.sort((left, right) => Number(right.isRequired) - Number(left.isRequired));
}

/** The schema's fields (required first) with how many of `outputs` fill each. */
export function schemaFieldTree(schema: JsonSchema, outputs: readonly unknown[]): SchemaFieldNode[] {
  return nodesOf({ root: schema, schema, perOutput: outputs.map((output) => [output]), prefix: '', depth: 0 });
}

/** Required fields that some output (that fills the parent) leaves empty, with how many outputs miss each. */
export function missingRequired(nodes: readonly SchemaFieldNode[], outputCount: number): Array<{ path: string; missingIn: number }> {
  const missing: Array<{ path: string; missingIn: number }> = [];
  const walk = (list: readonly SchemaFieldNode[], parentFilled: number): void => {
    for (const node of list) {
      if (node.isRequired && node.filled < parentFilled) missing.push({ path: node.path, missingIn: parentFilled - node.filled });
      if (node.filled > 0) walk(node.children, node.filled);
    }
  };
  walk(nodes, outputCount);
  return missing;
}
