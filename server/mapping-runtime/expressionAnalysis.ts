/**
 * Cheap, in-process analysis of a JSONata expression: syntax check with positions, the lookup
 * tables it references, and the static regex guard. Used by the main thread (editor feedback,
 * lookup loading) and by workers before caching a compiled expression.
 */
import jsonata from 'jsonata';
import type { MappingErrorInfo } from './types';
import { toMappingError } from './mappingErrors';

type AstNode = Record<string, unknown>;

/** Parses the expression; returns jsonata's AST or throws jsonata's error object. */
export function parseExpression(expression: string): AstNode {
  return jsonata(expression).ast() as unknown as AstNode;
}

/** Null when the expression parses, otherwise a MAPPING_SYNTAX_ERROR with position and token. */
export function checkSyntax(expression: string): MappingErrorInfo | null {
  try {
    parseExpression(expression);
    return null;
  } catch (err) {
    return toMappingError(err, { isCompiling: true });
  }
}

/** Visits every AST node once; jsonata ASTs nest nodes in arrays (arguments, steps, group pairs). */
function walkAst(root: unknown, visit: (node: AstNode) => void): void {
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object' || seen.has(current) || current instanceof RegExp) continue;
    seen.add(current);
    if (Array.isArray(current)) {
      for (const item of current) stack.push(item);
      continue;
    }
    const node = current as AstNode;
    if (typeof node.type === 'string') visit(node);
    for (const value of Object.values(node)) {
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
}

function isLookupCall(node: AstNode): boolean {
  if (node.type !== 'function' && node.type !== 'partial') return false;
  const procedure = node.procedure as AstNode | undefined;
  return procedure?.type === 'variable' && procedure.value === 'lookup';
}

/** Literal table names passed as first argument to `$lookup`, sorted and de-duplicated; [] on syntax errors. */
export function referencedLookupTables(expression: string): string[] {
  let ast: AstNode;
  try {
    ast = parseExpression(expression);
  } catch {
    return [];
  }
  const names = new Set<string>();
  walkAst(ast, (node) => {
    if (!isLookupCall(node)) return;
    const first = (node.arguments as AstNode[] | undefined)?.[0];
    if (first?.type === 'string' && typeof first.value === 'string') names.add(first.value);
  });
  return [...names].sort();
}

/** Regex literals in the expression with the AST position of each. */
export function regexLiterals(ast: AstNode): Array<{ source: string; position: number }> {
  const found: Array<{ source: string; position: number }> = [];
  walkAst(ast, (node) => {
    if (node.type === 'regex' && node.value instanceof RegExp) {
      found.push({ source: node.value.source, position: typeof node.position === 'number' ? node.position : 0 });
    }
  });
  return found;
}

function skipCharacterClass(source: string, start: number): number {
  let i = start + 1;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Length of the quantifier at `i` and whether it repeats without a small bound, or null if none. */
function readQuantifier(source: string, i: number): { length: number; isUnbounded: boolean } | null {
  const c = source[i];
  let length = 0;
  let isUnbounded = false;
  if (c === '*' || c === '+') {
    length = 1;
    isUnbounded = true;
  } else if (c === '?') {
    length = 1;
  } else if (c === '{') {
    const match = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!match) return null;
    length = match[0].length;
    const upper = match[2] === undefined ? Number(match[1]) : match[3] === '' ? Infinity : Number(match[3]);
    isUnbounded = upper > 10;
  } else {
    return null;
  }
  if (source[i + length] === '?') length += 1; // lazy modifier
  return { length, isUnbounded };
}

/**
 * True when a group that itself contains an unbounded quantifier is repeated without bound
 * (star height > 1, e.g. /(a+)+$/, /(\w*\s?)*x/): the classic catastrophic-backtracking shape.
 * Overlapping alternations like /(a|a)*$/ are not detected; the watchdog covers those.
 */
export function hasNestedQuantifier(source: string): boolean {
  const groups: boolean[] = [];
  let closedGroupHasQuantifier: boolean | null = null;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      closedGroupHasQuantifier = null;
      i += 2;
    } else if (c === '[') {
      closedGroupHasQuantifier = null;
      i = skipCharacterClass(source, i);
    } else if (c === '(') {
      groups.push(false);
      closedGroupHasQuantifier = null;
      i += 1;
    } else if (c === ')') {
      closedGroupHasQuantifier = groups.pop() ?? false;
      if (closedGroupHasQuantifier && groups.length > 0) groups[groups.length - 1] = true;
      i += 1;
    } else {
      const quantifier = readQuantifier(source, i);
      if (quantifier) {
        if (quantifier.isUnbounded) {
          if (closedGroupHasQuantifier) return true;
          for (let g = 0; g < groups.length; g++) groups[g] = true;
        }
        closedGroupHasQuantifier = null;
        i += quantifier.length;
      } else {
        closedGroupHasQuantifier = null;
        i += 1;
      }
    }
  }
  return false;
}

/** The first regex literal with nested quantifiers as a MAPPING_UNSAFE_REGEX error, or null. */
export function findUnsafeRegex(ast: AstNode): MappingErrorInfo | null {
  for (const literal of regexLiterals(ast)) {
    if (hasNestedQuantifier(literal.source)) {
      return {
        code: 'MAPPING_UNSAFE_REGEX',
        message: `The regular expression /${literal.source}/ repeats a group that already contains a repetition, which can take exponential time on some inputs; rewrite it without nested quantifiers.`,
        position: literal.position,
      };
    }
  }
  return null;
}
