/**
 * Turns a jsonata error (syntax or runtime: `position`, `token`, `code`, `message`) into an editor
 * marker whose range covers the offending token, with a plain-language message. jsonata reports
 * `position` as the offset just past the token, and `token` without its `$`, quotes or backticks,
 * so the token is found again with the tolerant lexer rather than by counting characters back.
 */
import { lexJsonata } from './lexer';
import type { LexToken } from './lexer';

export interface JsonataErrorLike {
  code?: string;
  message: string;
  position?: number;
  token?: string;
  /** Set by the mapping runtime, which keeps jsonata's code here and puts its own in `code`. */
  jsonataCode?: string;
  value?: unknown;
  /** Argument number for function-signature errors. */
  index?: number;
}

/** A Monaco-compatible range: 1-based lines and columns, end column exclusive. */
export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

export interface EditorMarker extends MarkerRange {
  message: string;
  /** jsonata's error code, e.g. S0202 or T2001. */
  code?: string;
}

/** 1-based line and column of a character offset (UTF-16 units, as Monaco counts them). */
export function positionAt(text: string, offset: number): { lineNumber: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let lineNumber = 1;
  let lineStart = 0;
  for (let index = 0; index < clamped; index += 1) {
    if (text[index] === '\n') {
      lineNumber += 1;
      lineStart = index + 1;
    }
  }
  return { lineNumber, column: clamped - lineStart + 1 };
}

/** The marker range for the characters [start, end). */
export function rangeOf(text: string, span: { start: number; end: number }): MarkerRange {
  const from = positionAt(text, span.start);
  const to = positionAt(text, Math.max(span.end, span.start));
  return { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column };
}

/** The symbol jsonata expected: its `value`, or read from its message when only that survived (runtime-shaped errors). */
function expectedSymbol(error: JsonataErrorLike): string {
  if (error.value !== undefined) return String(error.value);
  return /Expected "(.*?)"/.exec(error.message)?.[1] ?? '?';
}

// Plain-language explanations of the errors analysts meet most; others keep jsonata's message.
const FRIENDLY: Record<string, (error: JsonataErrorLike) => string> = {
  S0101: () => 'This string is never closed: add the matching quote.',
  S0102: () => 'This number is too large to use.',
  S0103: (error) => `Unsupported escape sequence in a string: \\${error.token ?? ''}.`,
  S0104: () => 'A \\u escape in a string must be followed by four hex digits.',
  S0105: () => 'This field name in backticks is never closed: add the closing backtick (`).',
  S0106: () => 'This comment is never closed: add */.',
  S0201: (error) => `Unexpected "${error.token ?? ''}" here — is an operator, comma or bracket missing before it?`,
  S0202: (error) =>
    `Expected "${expectedSymbol(error)}" but found "${error.token ?? ''}" — is a comma, bracket or operator missing before it?`,
  S0203: (error) => `The expression ends too early: "${expectedSymbol(error)}" is missing (an unclosed bracket?).`,
  S0204: (error) => `Unknown operator "${error.token ?? ''}".`,
  S0207: () => 'The expression ends too early: something is missing after the last operator.',
  S0211: (error) => `"${error.token ?? ''}" cannot start a value here — is something missing before it?`,
  S0301: () => 'Empty regular expressions are not allowed.',
  S0302: () => 'This regular expression is never closed: add the closing /.',
  T1006: (error) => `$${error.token ?? ''} is not a function (check the spelling; functions are case-sensitive).`,
  T1005: (error) => `$${error.token ?? ''} is not defined as a function.`,
  T0410: (error) => `Argument ${error.index ?? ''} of $${error.token ?? ''} is not a type this function accepts.`,
  T0412: (error) => `An argument of $${error.token ?? ''} must be an array of the right type.`,
  T2001: (error) => `The left side of "${error.token ?? ''}" must be a number (convert text with $number()).`,
  T2002: (error) => `The right side of "${error.token ?? ''}" must be a number (convert text with $number()).`,
  D1009: (error) => `Two keys of this object evaluate to the same name "${String(error.value ?? '')}".`,
  D3030: (error) => `Cannot turn ${JSON.stringify(error.value)} into a number.`,
};

/** Plain-language message for an error, keeping jsonata's own wording as the detail. */
export function friendlyMessage(error: JsonataErrorLike): string {
  const code = error.jsonataCode ?? error.code;
  const explain = code === undefined ? undefined : FRIENDLY[code];
  if (explain === undefined) return error.message;
  const friendly = explain(error);
  return friendly === error.message ? friendly : `${friendly}\n(${code}: ${error.message})`;
}

/** Whether a lexed token is the one jsonata names in `token`. */
function isSameToken(token: LexToken, name: string): boolean {
  if (token.kind === 'variable') return token.value === `$${name}` || token.value === name;
  if (token.kind === 'number') return Number(token.value) === Number(name);
  return token.value === name;
}

const UNTERMINATED: Record<string, LexToken['kind']> = { S0101: 'string', S0105: 'quotedName', S0106: 'comment', S0302: 'regex' };

function lastContentEnd(text: string): number {
  return text.trimEnd().length;
}

/** The character range [start, end) an error refers to. */
export function errorSpan(text: string, error: JsonataErrorLike): { start: number; end: number } {
  const code = error.jsonataCode ?? error.code ?? '';
  const tokens = lexJsonata(text);
  const unterminatedKind = UNTERMINATED[code];
  if (unterminatedKind !== undefined) {
    const open = [...tokens].reverse().find((token) => token.kind === unterminatedKind && !token.isClosed);
    if (open !== undefined) return { start: open.start, end: lastContentEnd(text) };
  }
  if (error.position === undefined) {
    const first = text.length - text.trimStart().length;
    return { start: first, end: Math.max(first, lastContentEnd(text)) };
  }
  if (error.token === '(end)') {
    const last = [...tokens].reverse().find((token) => token.kind !== 'comment');
    if (last !== undefined) return { start: last.start, end: last.end };
    return { start: 0, end: lastContentEnd(text) };
  }
  const position = Math.min(error.position, text.length);
  const candidates = tokens.filter((token) => token.kind !== 'comment' && token.end <= position).reverse();
  if (error.token !== undefined) {
    const named = candidates.find((token) => isSameToken(token, String(error.token)));
    if (named !== undefined) return { start: named.start, end: named.end };
  }
  const nearest = candidates[0];
  if (nearest !== undefined) return { start: nearest.start, end: nearest.end };
  return { start: Math.max(0, position - 1), end: Math.max(position, 1) };
}

/** The marker (range + plain message) for a jsonata error in `text`. */
export function markerForError(text: string, error: JsonataErrorLike): EditorMarker {
  const code = error.jsonataCode ?? error.code;
  const marker: EditorMarker = { ...rangeOf(text, errorSpan(text, error)), message: friendlyMessage(error) };
  if (code !== undefined) marker.code = code;
  return marker;
}
