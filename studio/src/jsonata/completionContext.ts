/**
 * Works out where the cursor is in a JSONata expression: which input path bare names refer to,
 * whether a field step follows a dot, whether an operator is expected, and which output
 * (schema) object an object constructor is building. A single left-to-right pass over the tolerant
 * lexer's tokens with a stack of bracket scopes.
 */
import type { LexToken } from './lexer';
import { INFIX_WORDS, LITERAL_WORDS, isOperandEnd } from './lexer';
import type { PathStep } from './payloadShape';

/** A path from the input root; `isKnown` is false for values the samples cannot tell us about. */
export interface PathRef {
  isKnown: boolean;
  steps: PathStep[];
}

type ScopeKind = 'root' | 'object' | 'predicate' | 'array' | 'block' | 'call';

export interface Scope {
  kind: ScopeKind;
  /** What bare names and `$` refer to inside this scope. */
  context: PathRef;
  /** The path the enclosing scope continues with once this scope closes. */
  afterClose: PathRef | null;
  /** Position in the target schema that an object built here would fill; null when unknown. */
  schemaPath: string[] | null;
  /** Object scopes: true before the `:` of a key/value pair. */
  isKeyPosition: boolean;
  lastKey?: string;
  functionName?: string;
  /** The path expression being written in this scope, null right after an operator. */
  current: PathRef | null;
  isExpectingStep: boolean;
  pendingCall?: { name: string; context: PathRef };
  pendingSort?: PathRef;
}

export interface CursorState {
  scope: Scope;
  depth: number;
  previous: LexToken | undefined;
}

const UNKNOWN: PathRef = { isKnown: false, steps: [] };
const ROOT: PathRef = { isKnown: true, steps: [] };

function extend(base: PathRef, step: PathStep): PathRef {
  return base.isKnown ? { isKnown: true, steps: [...base.steps, step] } : UNKNOWN;
}

function newScope(kind: ScopeKind, fields: Partial<Scope> & { context: PathRef }): Scope {
  return { kind, afterClose: UNKNOWN, schemaPath: null, isKeyPosition: false, current: null, isExpectingStep: false, ...fields };
}

/** Where an object or array opened at the current position would sit in the output schema. */
function expectedSchemaPath(scope: Scope): string[] | null {
  if (scope.schemaPath === null) return null;
  if (scope.kind === 'object') {
    return !scope.isKeyPosition && scope.lastKey !== undefined ? [...scope.schemaPath, scope.lastKey] : null;
  }
  return scope.kind === 'root' || scope.kind === 'block' || scope.kind === 'array' ? scope.schemaPath : null;
}

function resetPath(scope: Scope): void {
  scope.current = null;
  scope.isExpectingStep = false;
}

function stepFrom(scope: Scope, step: PathStep): PathRef {
  return scope.isExpectingStep && scope.current !== null ? extend(scope.current, step) : extend(scope.context, step);
}

/** The innermost scope. The root scope never leaves the stack: a close at depth one only resets the path. */
function innermost(stack: readonly Scope[]): Scope {
  const scope = stack.at(-1);
  if (!scope) throw new Error('internal error: the completion scope stack lost its root');
  return scope;
}

/** A token with the significant token before it. */
interface Step {
  token: LexToken;
  previous: LexToken | undefined;
}

function openBracket(stack: Scope[], { token, previous }: Step): void {
  const scope = innermost(stack);
  const followsPath = scope.current !== null && (scope.isExpectingStep || isOperandEnd(previous));
  if (token.value === '[') {
    if (followsPath && !scope.isExpectingStep && scope.current !== null) {
      stack.push(newScope('predicate', { context: scope.current, afterClose: scope.current }));
    } else {
      stack.push(newScope('array', { context: scope.context, schemaPath: expectedSchemaPath(scope) }));
    }
  } else if (token.value === '{') {
    const context = followsPath && scope.current !== null ? scope.current : scope.context;
    stack.push(newScope('object', { context, schemaPath: expectedSchemaPath(scope), isKeyPosition: true }));
  } else if (previous?.kind === 'variable' && scope.pendingCall !== undefined) {
    stack.push(newScope('call', { context: scope.pendingCall.context, functionName: scope.pendingCall.name }));
  } else if (scope.pendingSort !== undefined && previous?.value === '^') {
    stack.push(newScope('block', { context: scope.pendingSort, afterClose: scope.pendingSort }));
  } else if (scope.isExpectingStep && scope.current !== null) {
    stack.push(newScope('block', { context: scope.current }));
  } else {
    stack.push(newScope('block', { context: scope.context, schemaPath: expectedSchemaPath(scope) }));
  }
  scope.pendingCall = undefined;
  scope.pendingSort = undefined;
}

function applyOperator(stack: Scope[], step: Step): void {
  const { token, previous } = step;
  const scope = innermost(stack);
  switch (token.value) {
    case '.':
      if (scope.current === null) scope.current = UNKNOWN;
      scope.isExpectingStep = true;
      return;
    case '*':
    case '**': {
      const isPathStep = scope.isExpectingStep || !isOperandEnd(previous);
      if (isPathStep) {
        scope.current = stepFrom(scope, token.value === '*' ? { kind: 'wildcard' } : { kind: 'descendants' });
        scope.isExpectingStep = false;
      } else {
        resetPath(scope);
      }
      return;
    }
    case '[':
    case '{':
    case '(':
      openBracket(stack, step);
      return;
    case ')':
    case ']':
    case '}': {
      if (stack.length === 1) {
        resetPath(scope);
        return;
      }
      const closed = stack.pop() as Scope;
      const parent = innermost(stack);
      parent.current = closed.afterClose;
      parent.isExpectingStep = false;
      return;
    }
    case ':':
      if (scope.kind === 'object') scope.isKeyPosition = false;
      resetPath(scope);
      return;
    case ',':
      if (scope.kind === 'object') {
        scope.isKeyPosition = true;
        scope.lastKey = undefined;
      }
      resetPath(scope);
      return;
    case '^':
      scope.pendingSort = scope.current ?? undefined;
      resetPath(scope);
      return;
    default:
      resetPath(scope);
  }
}

function applyToken(stack: Scope[], step: Step): void {
  const { token } = step;
  const scope = innermost(stack);
  switch (token.kind) {
    case 'name':
      if (INFIX_WORDS.has(token.value) || token.value === 'function') resetPath(scope);
      else if (LITERAL_WORDS.has(token.value)) {
        scope.current = UNKNOWN;
        scope.isExpectingStep = false;
      } else {
        scope.current = stepFrom(scope, { kind: 'field', name: token.value });
        scope.isExpectingStep = false;
      }
      return;
    case 'quotedName':
      scope.current = stepFrom(scope, { kind: 'field', name: token.value });
      scope.isExpectingStep = false;
      return;
    case 'string':
      if (scope.kind === 'object' && scope.isKeyPosition) scope.lastKey = token.value;
      scope.current = UNKNOWN;
      scope.isExpectingStep = false;
      return;
    case 'number':
    case 'regex':
      scope.current = UNKNOWN;
      scope.isExpectingStep = false;
      return;
    case 'variable':
      if (token.value === '$') {
        scope.current = scope.isExpectingStep && scope.current !== null ? scope.current : scope.context;
      } else if (token.value === '$$') {
        scope.current = ROOT;
      } else {
        scope.pendingCall = { name: token.value, context: scope.isExpectingStep && scope.current !== null ? scope.current : scope.context };
        scope.current = UNKNOWN;
      }
      scope.isExpectingStep = false;
      return;
    case 'operator':
      applyOperator(stack, step);
      return;
    default:
  }
}

/** The scope and path state just after the last of `tokens` (comments ignored). */
export function analyzeTokens(tokens: readonly LexToken[], options: { hasSchema: boolean }): CursorState {
  const stack: Scope[] = [newScope('root', { context: ROOT, afterClose: null, schemaPath: options.hasSchema ? [] : null })];
  let previous: LexToken | undefined;
  for (const token of tokens) {
    if (token.kind === 'comment') continue;
    applyToken(stack, { token, previous });
    previous = token;
  }
  return { scope: innermost(stack), depth: stack.length, previous };
}

/** Variables the expression binds (`$name :=` and function parameters), in order of appearance. */
export function boundVariables(tokens: readonly LexToken[]): string[] {
  const names = new Set<string>();
  let isInParameters = false;
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    if (token.kind === 'name' && token.value === 'function' && next?.value === '(') isInParameters = true;
    else if (isInParameters && token.value === ')') isInParameters = false;
    if (token.kind !== 'variable' || token.value === '$' || token.value === '$$') return;
    if (isInParameters || (next?.kind === 'operator' && next.value === ':=')) names.add(token.value);
  });
  return [...names];
}
