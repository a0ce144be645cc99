import { compile } from 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js';
import { MonarchTokenizer } from 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js';
import { describe, expect, test } from 'vitest';
import { lexJsonata } from '../../studio/src/jsonata/lexer';
import { jsonataMonarch } from '../../studio/src/jsonata/monarch';

// Monaco's own Monarch compiler and lexer, so the test exercises exactly what the editor runs.
const configuration = { getValue: () => 20_000, onDidChangeConfiguration: () => ({ dispose: () => undefined }) };
const tokenizer = new MonarchTokenizer(null, null, 'jsonata', compile('jsonata', jsonataMonarch), configuration);

/** Each line as [text, token type] pairs (types without the `.jsonata` suffix, whitespace dropped; Monaco merges neighbours of one type). */
function tokenize(lines: string[]): Array<Array<[string, string]>> {
  let state = tokenizer.getInitialState();
  return lines.map((line) => {
    const result = tokenizer.tokenize(line, true, state);
    state = result.endState;
    return result.tokens
      .map((token, index): [string, string] => [
        line.slice(token.offset, result.tokens[index + 1]?.offset ?? line.length),
        token.type.replace(/\.jsonata$/, ''),
      ])
      .filter(([, type]) => type !== 'white');
  });
}

describe('Monarch tokenizer', () => {
  test.each([
    {
      name: 'object constructor with extra and built-in functions, backtick names and division',
      lines: ['{ "gtin": $gtin14(EAN11), "qty": `Qty Per Box` / 2 }'],
      expected: [
        [
          ['{', 'delimiter.bracket'],
          ['"gtin"', 'string'],
          [':', 'operator'],
          ['$gtin14', 'function.extra'],
          ['(', 'delimiter.bracket'],
          ['EAN11', 'identifier'],
          [')', 'delimiter.bracket'],
          [',', 'delimiter'],
          ['"qty"', 'string'],
          [':', 'operator'],
          ['`Qty Per Box`', 'identifier.quoted'],
          ['/', 'operator'],
          ['2', 'number'],
          ['}', 'delimiter.bracket'],
        ],
      ],
    },
    {
      name: 'regex after a comma, comment, keywords, $$ and $',
      lines: ['$match(x, /ab+c/i) /* why */ and $$.Name or $ in ["a"]'],
      expected: [
        [
          ['$match', 'function.builtin'],
          ['(', 'delimiter.bracket'],
          ['x', 'identifier'],
          [',', 'delimiter'],
          ['/ab+c/i', 'regexp'],
          [')', 'delimiter.bracket'],
          ['/* why */', 'comment'],
          ['and', 'keyword'],
          ['$$', 'variable.predefined'],
          ['.', 'operator'],
          ['Name', 'identifier'],
          ['or', 'keyword'],
          ['$', 'variable.predefined'],
          ['in', 'keyword'],
          ['[', 'delimiter.bracket'],
          ['"a"', 'string'],
          [']', 'delimiter.bracket'],
        ],
      ],
    },
    {
      name: 'strings and comments spanning lines keep their state; escapes are marked',
      lines: ['$v := "first', "second\" & 'it\\'s' /* a", 'b */ true ? null : 1.5e3'],
      expected: [
        [
          ['$v', 'variable'],
          [':=', 'operator'],
          ['"first', 'string'],
        ],
        [
          ['second"', 'string'],
          ['&', 'operator'],
          ["'it", 'string'],
          ["\\'", 'string.escape'],
          ["s'", 'string'],
          ['/* a', 'comment'],
        ],
        [
          ['b */', 'comment'],
          ['true', 'constant'],
          ['?', 'operator'],
          ['null', 'constant'],
          [':', 'operator'],
          ['1.5e3', 'number'],
        ],
      ],
    },
    {
      name: 'operators: chain, range, comparison, conditional defaults',
      lines: ['Items ~> $map(function($i) { $i.Price >= 10 }) ?: [1..3]'],
      expected: [
        [
          ['Items', 'identifier'],
          ['~>', 'operator'],
          ['$map', 'function.builtin'],
          ['(', 'delimiter.bracket'],
          ['function', 'keyword'],
          ['(', 'delimiter.bracket'],
          ['$i', 'variable'],
          [')', 'delimiter.bracket'],
          ['{', 'delimiter.bracket'],
          ['$i', 'variable'],
          ['.', 'operator'],
          ['Price', 'identifier'],
          ['>=', 'operator'],
          ['10', 'number'],
          ['})', 'delimiter.bracket'],
          ['?:', 'operator'],
          ['[', 'delimiter.bracket'],
          ['1', 'number'],
          ['..', 'operator'],
          ['3', 'number'],
          [']', 'delimiter.bracket'],
        ],
      ],
    },
  ])('$name', ({ lines, expected }) => {
    expect(tokenize(lines)).toEqual(expected);
  });
});

describe('tolerant lexer', () => {
  test.each([
    { text: 'a / b', kinds: ['name:a', 'operator:/', 'name:b'] },
    { text: '$split(x, /,\\s*/)', kinds: ['variable:$split', 'operator:(', 'name:x', 'operator:,', 'regex:/,\\s*/', 'operator:)'] },
    { text: 'Foo.`Facility ID`.x', kinds: ['name:Foo', 'operator:.', 'quotedName:Facility ID', 'operator:.', 'name:x'] },
    { text: '"unterminated', kinds: ['string:unterminated!'] },
    { text: 'a ~> $f() /* c', kinds: ['name:a', 'operator:~>', 'variable:$f', 'operator:(', 'operator:)', 'comment:/* c!'] },
    { text: 'x.y-z', kinds: ['name:x', 'operator:.', 'name:y', 'operator:-', 'name:z'] },
    { text: '$$.a[0]', kinds: ['variable:$$', 'operator:.', 'name:a', 'operator:[', 'number:0', 'operator:]'] },
  ])('$text', ({ text, kinds }) => {
    // `!` marks tokens that reach the end of the text unterminated.
    expect(lexJsonata(text).map((token) => `${token.kind}:${token.value}${token.isClosed ? '' : '!'}`)).toEqual(kinds);
  });
});
