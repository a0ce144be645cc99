/**
 * A tolerant JSONata lexer for editor features (completion context, error ranges). Unlike jsonata's
 * own lexer it never throws: unterminated strings, names, regexes and comments become tokens with
 * `isClosed: false`, because the editor sees half-typed expressions all the time.
 */

export type TokenKind = 'name' | 'quotedName' | 'string' | 'number' | 'variable' | 'regex' | 'comment' | 'operator';

export interface LexToken {
  kind: TokenKind;
  /** Names and strings without their delimiters; variables with their `$`; operators as written. */
  value: string;
  /** Offset of the first character (UTF-16 code units, like jsonata's `position`). */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** False for a string, backtick name, regex or comment that reaches the end of the text unterminated. */
  isClosed: boolean;
}

// Longest first, so `~>` is not read as `~` then `>`.
const MULTI_CHAR_OPERATORS = ['..', ':=', '!=', '>=', '<=', '**', '~>', '?:', '??'];
const SINGLE_CHAR_OPERATORS = new Set('.[]{}(),@#;:?+-*/%|=<>^&!~'.split(''));
const NUMBER = /(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const WHITESPACE = /\s/;
/** Words jsonata reads as infix operators rather than field names. */
export const INFIX_WORDS = new Set(['and', 'or', 'in']);
/** Words that are values, not paths. */
export const LITERAL_WORDS = new Set(['true', 'false', 'null']);

function isNameChar(char: string): boolean {
  return !WHITESPACE.test(char) && !SINGLE_CHAR_OPERATORS.has(char) && char !== '`' && char !== '"' && char !== "'" && char !== '$';
}

/** Whether a token ends an operand, so a following `/` divides instead of starting a regex. */
export function isOperandEnd(token: LexToken | undefined): boolean {
  if (token === undefined) return false;
  switch (token.kind) {
    case 'name':
      return !INFIX_WORDS.has(token.value) && token.value !== 'function';
    case 'quotedName':
    case 'string':
    case 'number':
    case 'variable':
    case 'regex':
      return true;
    case 'operator':
      return token.value === ')' || token.value === ']' || token.value === '}';
    default:
      return false;
  }
}

function readDelimited(text: string, opening: { start: number; quote: string }): { end: number; isClosed: boolean } {
  const { start, quote } = opening;
  let index = start + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\\' && quote !== '`') {
      index += 2;
      continue;
    }
    if (char === quote) return { end: index + 1, isClosed: true };
    index += 1;
  }
  return { end: text.length, isClosed: false };
}

function readRegex(text: string, start: number): { end: number; isClosed: boolean } {
  let index = start + 1;
  while (index < text.length) {
    const char = text.charAt(index);
    if (char === '\\') {
      index += 2;
      continue;
    }
    if (char === '/') {
      index += 1;
      while (index < text.length && /[imgsuy]/.test(text.charAt(index))) index += 1;
      return { end: index, isClosed: true };
    }
    index += 1;
  }
  return { end: text.length, isClosed: false };
}

/** Splits an expression into tokens; whitespace is skipped, comments are kept as tokens. */
export function lexJsonata(text: string): LexToken[] {
  const tokens: LexToken[] = [];
  let lastSignificant: LexToken | undefined;
  let index = 0;
  const push = (token: LexToken): void => {
    tokens.push(token);
    if (token.kind !== 'comment') lastSignificant = token;
    index = token.end;
  };
  while (index < text.length) {
    const char = text.charAt(index);
    if (WHITESPACE.test(char)) {
      index += 1;
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const close = text.indexOf('*/', index + 2);
      const end = close === -1 ? text.length : close + 2;
      push({ kind: 'comment', value: text.slice(index, end), start: index, end, isClosed: close !== -1 });
      continue;
    }
    if (char === '/' && !isOperandEnd(lastSignificant)) {
      const { end, isClosed } = readRegex(text, index);
      push({ kind: 'regex', value: text.slice(index, end), start: index, end, isClosed });
      continue;
    }
    if (char === '"' || char === "'" || char === '`') {
      const { end, isClosed } = readDelimited(text, { start: index, quote: char });
      const value = text.slice(index + 1, isClosed ? end - 1 : end);
      push({ kind: char === '`' ? 'quotedName' : 'string', value, start: index, end, isClosed });
      continue;
    }
    NUMBER.lastIndex = index;
    const number = NUMBER.exec(text);
    if (number !== null && /\d/.test(char)) {
      push({ kind: 'number', value: number[0], start: index, end: index + number[0].length, isClosed: true });
      continue;
    }
    const multi = MULTI_CHAR_OPERATORS.find((operator) => text.startsWith(operator, index));
    if (multi !== undefined) {
      push({ kind: 'operator', value: multi, start: index, end: index + multi.length, isClosed: true });
      continue;
    }
    if (SINGLE_CHAR_OPERATORS.has(char)) {
      push({ kind: 'operator', value: char, start: index, end: index + 1, isClosed: true });
      continue;
    }
    if (char === '$') {
      let end = index + 1;
      if (text[end] === '$') end += 1;
      while (end < text.length && isNameChar(text.charAt(end))) end += 1;
      push({ kind: 'variable', value: text.slice(index, end), start: index, end, isClosed: true });
      continue;
    }
    let end = index;
    while (end < text.length && isNameChar(text.charAt(end))) end += 1;
    if (end === index) end = index + 1; // an unexpected character: consume it so lexing always advances
    push({ kind: 'name', value: text.slice(index, end), start: index, end, isClosed: true });
  }
  return tokens;
}

/** Whether a field name can be written bare in JSONata, or needs backticks. */
export function isPlainName(name: string): boolean {
  if (name.length === 0 || /^\d/.test(name)) return false;
  if (INFIX_WORDS.has(name) || LITERAL_WORDS.has(name) || name === 'function') return false;
  return [...name].every(isNameChar);
}
