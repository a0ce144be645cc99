// Monaco ships its Monarch compiler and lexer without type declarations; the tokenizer test runs
// the real ones in Node, so declare just what it calls.
declare module 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js' {
  export function compile(languageId: string, definition: unknown): unknown;
}

declare module 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js' {
  export interface MonarchState {
    readonly __brand?: 'MonarchState';
  }
  export class MonarchTokenizer {
    constructor(languageService: unknown, themeService: unknown, languageId: string, lexer: unknown, configurationService: unknown);
    getInitialState(): MonarchState;
    tokenize(
      line: string,
      hasEOL: boolean,
      state: MonarchState,
    ): { tokens: Array<{ offset: number; type: string }>; endState: MonarchState };
  }
}
