/**
 * Monarch tokenizer and language configuration for JSONata, as plain data (no monaco import, so
 * tests can compile it with Monaco's own Monarch compiler in Node).
 *
 * JSONata's `/` divides after an operand and starts a regex anywhere else. Monarch cannot look
 * behind, so two states track it: `root` expects an operand, `afterOperand` an operator; every
 * operand rule switches to `afterOperand` and every operator rule back to `root`.
 */
import { FUNCTION_DOCS } from './functionCatalog';

export const JSONATA_LANGUAGE_ID = 'jsonata';

/** The token names this tokenizer emits (suffixed `.jsonata` by Monaco). */
export const JSONATA_TOKEN_TYPES = [
  'comment',
  'string',
  'string.escape',
  'string.invalid',
  'number',
  'regexp',
  'keyword',
  'constant',
  'operator',
  'delimiter',
  'delimiter.bracket',
  'variable',
  'variable.predefined',
  'function.builtin',
  'function.extra',
  'identifier',
  'identifier.quoted',
] as const;

type Rule = [RegExp, string | Record<string, unknown>] | { include: string };

interface MonarchDefinition {
  defaultToken: string;
  tokenPostfix: string;
  keywords: string[];
  constants: string[];
  builtinFunctions: string[];
  extraFunctions: string[];
  brackets: Array<{ open: string; close: string; token: string }>;
  tokenizer: Record<string, Rule[]>;
}

const toAfterOperand = (token: string): Record<string, unknown> => ({ token, switchTo: '@afterOperand' });
const toRoot = (token: string): Record<string, unknown> => ({ token, switchTo: '@root' });

/** The Monarch language definition for JSONata. */
export const jsonataMonarch: MonarchDefinition = {
  defaultToken: 'invalid',
  tokenPostfix: '.jsonata',
  keywords: ['and', 'or', 'in', 'function'],
  constants: ['true', 'false', 'null'],
  builtinFunctions: FUNCTION_DOCS.filter((doc) => !doc.isExtra).map((doc) => doc.name),
  extraFunctions: FUNCTION_DOCS.filter((doc) => doc.isExtra).map((doc) => doc.name),
  brackets: [
    { open: '{', close: '}', token: 'delimiter.bracket' },
    { open: '[', close: ']', token: 'delimiter.bracket' },
    { open: '(', close: ')', token: 'delimiter.bracket' },
  ],
  tokenizer: {
    root: [{ include: '@common' }, [/\/(?:[^/\\\n]|\\.)+\/[imgsuy]*/, toAfterOperand('regexp')], [/\/\S*/, toRoot('regexp.invalid')]],
    afterOperand: [{ include: '@common' }, [/\//, toRoot('operator')]],
    common: [
      [/\s+/, 'white'],
      [/\/\*/, { token: 'comment', next: '@comment' }],
      [/"/, { token: 'string', switchTo: '@stringDouble' }],
      [/'/, { token: 'string', switchTo: '@stringSingle' }],
      [/`[^`]*`/, toAfterOperand('identifier.quoted')],
      [/`[^`]*$/, 'identifier.quoted'],
      [/(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/, toAfterOperand('number')],
      [/\$\$|\$(?![\w])/, toAfterOperand('variable.predefined')],
      [
        /\$[a-zA-Z_][\w]*/,
        {
          cases: {
            '@extraFunctions': { token: 'function.extra', switchTo: '@afterOperand' },
            '@builtinFunctions': { token: 'function.builtin', switchTo: '@afterOperand' },
            '@default': { token: 'variable', switchTo: '@afterOperand' },
          },
        },
      ],
      [
        /[a-zA-Z_][\w]*/,
        {
          cases: {
            '@keywords': { token: 'keyword', switchTo: '@root' },
            '@constants': { token: 'constant', switchTo: '@afterOperand' },
            '@default': { token: 'identifier', switchTo: '@afterOperand' },
          },
        },
      ],
      [/[)\]}]/, toAfterOperand('delimiter.bracket')],
      [/[([{]/, toRoot('delimiter.bracket')],
      [/[,;]/, toRoot('delimiter')],
      [/:=|~>|\.\.|!=|>=|<=|\*\*|\?:|\?\?|[.:?+\-*%|=<>^&!~@#]/, toRoot('operator')],
    ],
    comment: [
      [/[^*]+/, 'comment'],
      [/\*\//, { token: 'comment', next: '@pop' }],
      [/\*/, 'comment'],
    ],
    stringDouble: [
      [/[^\\"]+/, 'string'],
      [/\\(?:["'\\/bfnrt]|u[0-9a-fA-F]{4})/, 'string.escape'],
      [/\\./, 'string.invalid'],
      [/"/, { token: 'string', switchTo: '@afterOperand' }],
    ],
    stringSingle: [
      [/[^\\']+/, 'string'],
      [/\\(?:["'\\/bfnrt]|u[0-9a-fA-F]{4})/, 'string.escape'],
      [/\\./, 'string.invalid'],
      [/'/, { token: 'string', switchTo: '@afterOperand' }],
    ],
  },
};

/** Editor behaviour for JSONata: brackets, auto-closing pairs and what counts as a word. */
export const jsonataLanguageConfiguration = {
  comments: { blockComment: ['/*', '*/'] as [string, string] },
  brackets: [
    ['{', '}'],
    ['[', ']'],
    ['(', ')'],
  ] as Array<[string, string]>,
  autoClosingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string'] },
    { open: "'", close: "'", notIn: ['string'] },
    { open: '`', close: '`', notIn: ['string'] },
    { open: '/*', close: ' */', notIn: ['string'] },
  ],
  surroundingPairs: [
    { open: '{', close: '}' },
    { open: '[', close: ']' },
    { open: '(', close: ')' },
    { open: '"', close: '"' },
    { open: "'", close: "'" },
    { open: '`', close: '`' },
  ],
  // `$` belongs to the word so `$upp` filters function names as one word.
  wordPattern: /(-?\d*\.\d\w*)|(\$?\$?[^`~!@#%^&*()\-=+[{\]}\\|;:'",.<>/?\s]+)|\$\$?/,
};
