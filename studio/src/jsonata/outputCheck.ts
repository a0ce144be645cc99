/**
 * Checks a mapping's output against the canonical schema: ajv validation of each output record
 * (the same ajv set-up and error wording as the server), and a static list of required fields the
 * expression never sets, read from the object constructors in its AST.
 */
import jsonata from 'jsonata';
import type { ValidateFunction } from 'ajv';
import type { ErrorDetail } from '../../../server/errors';
import { createAjv, toErrorDetails } from '../../../server/schemas/ajv';
import { schemaAt } from './schemaShape';
import type { JsonSchema } from './schemaShape';

const validators = new WeakMap<JsonSchema, ValidateFunction>();

/** ajv errors of one output record as `{ path, code, message }` (compiled once per schema object). */
export function validateOutput(schema: JsonSchema, record: unknown): ErrorDetail[] {
  let validate = validators.get(schema);
  if (validate === undefined) {
    // One ajv per schema: the same `$id` compiled twice into one instance is an error.
    validate = createAjv().compile(schema);
    validators.set(schema, validate);
  }
  return validate(record) ? [] : toErrorDetails(validate.errors ?? []);
}

type AstNode = Record<string, unknown>;

interface ConstructedObject {
  path: string[];
  keys: Set<string>;
  hasComputedKeys: boolean;
}

function isNode(value: unknown): value is AstNode {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RegExp);
}

/** Object constructors in the AST with the output path each one fills (null when not part of the output). */
function collectConstructors(ast: unknown): ConstructedObject[] {
  const found: ConstructedObject[] = [];
  const visitPairs = (pairs: unknown, path: string[] | null): void => {
    if (!Array.isArray(pairs)) return;
    const constructed: ConstructedObject = { path: path ?? [], keys: new Set(), hasComputedKeys: false };
    for (const pair of pairs) {
      if (!Array.isArray(pair)) continue;
      const [key, value] = pair as [unknown, unknown];
      if (isNode(key) && key.type === 'string' && typeof key.value === 'string') {
        constructed.keys.add(key.value);
        visit(value, path === null ? null : [...path, key.value]);
      } else {
        constructed.hasComputedKeys = true;
        visit(key, null);
        visit(value, null);
      }
    }
    if (path !== null) found.push(constructed);
  };
  // `path` is where this node's value lands in the output; children that only compute inputs get null.
  const visit = (node: unknown, path: string[] | null): void => {
    if (Array.isArray(node)) {
      node.forEach((child) => visit(child, null));
      return;
    }
    if (!isNode(node)) return;
    if (isNode(node.group)) visitPairs(node.group.lhs, path);
    switch (node.type) {
      case 'unary':
        if (node.value === '{') visitPairs(node.lhs, path);
        else if (node.value === '[' && Array.isArray(node.expressions)) node.expressions.forEach((child) => visit(child, path));
        else visit(node.expression, null);
        return;
      case 'block': {
        const expressions = Array.isArray(node.expressions) ? node.expressions : [];
        expressions.forEach((child, index) => visit(child, index === expressions.length - 1 ? path : null));
        return;
      }
      case 'condition':
        visit(node.condition, null);
        visit(node.then, path);
        visit(node.else, path);
        return;
      case 'path': {
        const steps = Array.isArray(node.steps) ? node.steps : [];
        steps.forEach((child, index) => visit(child, index === steps.length - 1 ? path : null));
        return;
      }
      default:
        for (const [key, child] of Object.entries(node)) {
          if (key !== 'group' && (Array.isArray(child) || isNode(child))) visit(child, null);
        }
    }
  };
  visit(ast, []);
  return found;
}

export interface RequiredFieldReport {
  /** False when the expression builds no object literal at the top, so the static check cannot tell. */
  isDeterminable: boolean;
  /** Dotted paths of required fields no object constructor sets, e.g. `description`, `manufacturer.name`. */
  missing: string[];
}

/** Required schema fields the expression never sets in any of its output object constructors. */
export function requiredFieldsNeverSet(schema: JsonSchema, expression: string): RequiredFieldReport {
  let ast: unknown;
  try {
    ast = jsonata(expression).ast();
  } catch {
    return { isDeterminable: false, missing: [] };
  }
  const byPath = new Map<string, ConstructedObject[]>();
  for (const constructed of collectConstructors(ast)) {
    const key = constructed.path.join('.');
    byPath.set(key, [...(byPath.get(key) ?? []), constructed]);
  }
  if (!byPath.has('')) return { isDeterminable: false, missing: [] };
  const missing: string[] = [];
  for (const [key, objects] of byPath) {
    if (objects.some((object) => object.hasComputedKeys)) continue;
    const path = key === '' ? [] : key.split('.');
    const required = schemaAt(schema, path)?.required ?? [];
    const setKeys = new Set(objects.flatMap((object) => [...object.keys]));
    for (const field of required) if (!setKeys.has(field)) missing.push([...path, field].join('.'));
  }
  return { isDeterminable: true, missing: missing.sort() };
}
