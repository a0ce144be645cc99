/**
 * Context-aware completion for JSONata mappings, independent of Monaco: given the expression, the
 * cursor offset and the sample payloads it returns suggestions and the text range they replace.
 * The Monaco adapter (monaco/completionAdapter.ts) only converts the result.
 */
import { analyzeTokens, boundVariables } from './completionContext';
import type { CursorState } from './completionContext';
import { FUNCTION_DOCS, callSnippet } from './functionCatalog';
import { isPlainName, lexJsonata } from './lexer';
import type { LexToken } from './lexer';
import { fieldsOf, previewValue, valuesAtPath } from './payloadShape';
import { propertiesAt } from './schemaShape';
import type { JsonSchema } from './schemaShape';

export type SuggestionKind = 'field' | 'function' | 'variable' | 'keyword' | 'table' | 'property';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  /** Text to insert over the replace range; a Monaco snippet when `isSnippet`. */
  insertText: string;
  isSnippet: boolean;
  /** What the editor matches the typed text against (includes `$` or the opening backtick). */
  filterText: string;
  detail?: string;
  documentation?: string;
  /** Lexicographic order in the list: fields first, then variables, functions, keywords. */
  sortText: string;
}

/** Which kind of position the cursor is in; exposed for tests and for the editor's status line. */
export type CompletionSituation = 'none' | 'lookupTable' | 'outputKey' | 'afterDot' | 'operand' | 'infix' | 'variable';

export interface CompletionResult {
  situation: CompletionSituation;
  suggestions: Suggestion[];
  /** Offsets of the text the chosen suggestion replaces. */
  replaceStart: number;
  replaceEnd: number;
}

export interface LookupTableInfo {
  name: string;
  description?: string;
}

export interface CompletionRequest {
  text: string;
  offset: number;
  /** Sample source records; each is one mapping input. */
  samples: readonly unknown[];
  lookupTables?: readonly LookupTableInfo[];
  /** Canonical schema of the target domain, for suggesting output keys. */
  targetSchema?: JsonSchema;
}

const LITERAL_KEYWORDS = ['true', 'false', 'null', 'function'];
const INFIX_KEYWORDS: Array<[string, string]> = [
  ['and', 'Logical AND.'],
  ['or', 'Logical OR.'],
  ['in', 'True when the left value is one of the values on the right.'],
];

function none(offset: number): CompletionResult {
  return { situation: 'none', suggestions: [], replaceStart: offset, replaceEnd: offset };
}

/** How far a word the cursor sits in continues to the right, so accepting replaces all of it. */
function wordEnd(text: string, from: { offset: number; pattern: RegExp }): number {
  const { pattern } = from;
  let end = from.offset;
  while (end < text.length && pattern.test(text.charAt(end))) end += 1;
  return end;
}

function fieldSuggestions(state: CursorState, options: { samples: readonly unknown[]; isBacktick: boolean }): Suggestion[] {
  const { samples } = options;
  const path = state.scope.isExpectingStep ? state.scope.current : state.scope.context;
  if (path === null || !path.isKnown) return [];
  const fields = fieldsOf(valuesAtPath(samples, path.steps));
  return fields.map((field, index) => {
    const quoted = `\`${field.name}\``;
    const insertText = options.isBacktick || !isPlainName(field.name) ? quoted : field.name;
    const example = previewValue(field.example);
    return {
      label: field.name,
      kind: 'field',
      insertText,
      isSnippet: false,
      filterText: options.isBacktick ? quoted : field.name,
      detail: `${field.types.join(' | ')}${example ? ` — ${example}` : ''}`,
      documentation: `Input field, present in ${field.occurrences} sample object${field.occurrences === 1 ? '' : 's'}.`,
      sortText: `0${String(index).padStart(4, '0')}`,
    };
  });
}

function functionSuggestions(): Suggestion[] {
  return FUNCTION_DOCS.map((doc) => ({
    label: doc.name,
    kind: 'function',
    insertText: callSnippet(doc),
    isSnippet: true,
    filterText: doc.name,
    detail: doc.signature,
    documentation: doc.example ? `${doc.doc}\n\nExample: \`${doc.example}\`` : doc.doc,
    sortText: `${doc.isExtra ? '2' : '3'}${doc.name}`,
  }));
}

function variableSuggestions(tokens: readonly LexToken[]): Suggestion[] {
  const fixed: Suggestion[] = [
    {
      label: '$',
      kind: 'variable',
      insertText: '$',
      isSnippet: false,
      filterText: '$',
      documentation: 'The current context value.',
      sortText: '1$',
    },
    {
      label: '$$',
      kind: 'variable',
      insertText: '$$',
      isSnippet: false,
      filterText: '$$',
      documentation: 'The whole input record.',
      sortText: '1$$',
    },
  ];
  const bound = boundVariables(tokens).map((name) => ({
    label: name,
    kind: 'variable' as const,
    insertText: name,
    isSnippet: false,
    filterText: name,
    detail: 'variable',
    sortText: `1${name}`,
  }));
  return [...bound, ...fixed];
}

function keywordSuggestions(words: ReadonlyArray<[string, string]>): Suggestion[] {
  return words.map(([word, documentation]) => ({
    label: word,
    kind: 'keyword',
    insertText: word,
    isSnippet: false,
    filterText: word,
    documentation,
    sortText: `4${word}`,
  }));
}

function stringSuggestions(request: CompletionRequest, lexed: { tokens: LexToken[]; partial: LexToken }): CompletionResult {
  const { tokens, partial } = lexed;
  const { text, offset } = request;
  const quote = text[partial.start];
  const replaceStart = partial.start + 1;
  const replaceEnd = wordEnd(text, { offset, pattern: /[^'"\n]/ });
  const before = tokens.slice(0, -1).filter((token) => token.kind !== 'comment');
  const opener = before[before.length - 1];
  const callee = before[before.length - 2];
  // Add the closing quote unless one is already there.
  const close = text[replaceEnd] === quote ? '' : quote;
  if (opener?.value === '(' && callee?.kind === 'variable' && callee.value === '$lookup') {
    const suggestions = (request.lookupTables ?? []).map((table) => ({
      label: table.name,
      kind: 'table' as const,
      insertText: `${table.name}${close}`,
      isSnippet: false,
      filterText: table.name,
      detail: 'lookup table',
      documentation: table.description,
      sortText: `0${table.name}`,
    }));
    return { situation: 'lookupTable', suggestions, replaceStart, replaceEnd };
  }
  const state = analyzeTokens(tokens.slice(0, -1), { hasSchema: request.targetSchema !== undefined });
  const keys = outputKeySuggestions(request, state, (name) => `${name}${close}`);
  return keys === null ? none(offset) : { situation: 'outputKey', suggestions: keys, replaceStart, replaceEnd };
}

/** The target schema's properties when the cursor is at a key of an object constructor, else null. */
function outputKeySuggestions(request: CompletionRequest, state: CursorState, insert: (name: string) => string): Suggestion[] | null {
  const { scope } = state;
  if (request.targetSchema === undefined || scope.kind !== 'object' || !scope.isKeyPosition || scope.schemaPath === null) return null;
  return propertiesAt(request.targetSchema, scope.schemaPath).map((property, index) => ({
    label: property.name,
    kind: 'property' as const,
    insertText: insert(property.name),
    isSnippet: false,
    filterText: property.name,
    detail: `${property.isRequired ? 'required' : 'optional'}${property.type ? ` · ${property.type}` : ''}`,
    documentation: property.description,
    sortText: `0${String(index).padStart(4, '0')}`,
  }));
}

/** Suggestions for the cursor position in a JSONata expression. */
export function completeJsonata(request: CompletionRequest): CompletionResult {
  const { text, offset } = request;
  const tokens = lexJsonata(text.slice(0, offset));
  const last = tokens[tokens.length - 1];
  const isAtEndOfLast = last !== undefined && last.end === offset;

  if (last !== undefined && !last.isClosed) {
    if (last.kind === 'string') return stringSuggestions(request, { tokens, partial: last });
    if (last.kind !== 'quotedName') return none(offset);
    // Inside an unterminated backtick name: offer fields, replacing from the backtick.
    const state = analyzeTokens(tokens.slice(0, -1), { hasSchema: false });
    let replaceEnd = wordEnd(text, { offset, pattern: /[^`\n]/ });
    if (text[replaceEnd] === '`') replaceEnd += 1;
    const suggestions = fieldSuggestions(state, { samples: request.samples, isBacktick: true });
    return { situation: state.scope.isExpectingStep ? 'afterDot' : 'operand', suggestions, replaceStart: last.start, replaceEnd };
  }

  let partial: LexToken | undefined;
  if (isAtEndOfLast && (last.kind === 'name' || last.kind === 'variable')) partial = last;
  else if (isAtEndOfLast && last.kind !== 'operator') return none(offset);

  const preceding = partial === undefined ? tokens : tokens.slice(0, -1);
  const state = analyzeTokens(preceding, { hasSchema: false });
  const replaceStart = partial?.start ?? offset;
  const replaceEnd = wordEnd(text, { offset, pattern: /[\w$]/ });
  const result = (situation: CompletionSituation, suggestions: Suggestion[]): CompletionResult => ({
    situation,
    suggestions,
    replaceStart,
    replaceEnd,
  });

  if (partial?.kind === 'variable') {
    return result('variable', [...variableSuggestions(lexJsonata(text)), ...functionSuggestions()]);
  }
  // A bare key position (`{ ` or `, ` inside an object constructor): the keys are output fields,
  // so offer the target schema's, inserted as `"name": `, never the input's fields.
  const keyState = request.targetSchema === undefined ? null : analyzeTokens(preceding, { hasSchema: true });
  const keys = keyState === null ? null : outputKeySuggestions(request, keyState, (name) => `${JSON.stringify(name)}: `);
  if (keys !== null)
    return result(
      'outputKey',
      keys.map((key) => ({ ...key, filterText: key.label })),
    );
  if (state.scope.isExpectingStep) {
    return result('afterDot', fieldSuggestions(state, { samples: request.samples, isBacktick: false }));
  }
  if (state.scope.current !== null) {
    return result('infix', keywordSuggestions(INFIX_KEYWORDS));
  }
  return result('operand', [
    ...fieldSuggestions(state, { samples: request.samples, isBacktick: false }),
    ...variableSuggestions(lexJsonata(text)),
    ...functionSuggestions(),
    ...keywordSuggestions(LITERAL_KEYWORDS.map((word) => [word, `The \`${word}\` keyword.`])),
  ]);
}
