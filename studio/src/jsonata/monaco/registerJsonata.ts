/**
 * Thin Monaco adapters for the JSONata language module: registers the language, the Monarch
 * tokenizer, completion, hover and parameter-hint providers. All logic lives in the plain modules one folder up;
 * editors tell the providers about their samples/lookups/schema through `setJsonataContext`.
 */
import { languages } from 'monaco-editor/editor';
import type { editor, IRange, Position } from 'monaco-editor/editor';
import { completeJsonata } from '../completion';
import type { LookupTableInfo, SuggestionKind } from '../completion';
import { findFunctionDoc } from '../functionCatalog';
import { lexJsonata } from '../lexer';
import { JSONATA_LANGUAGE_ID, jsonataLanguageConfiguration, jsonataMonarch } from '../monarch';
import { signatureAt } from '../signatureHelp';
import type { JsonSchema } from '../schemaShape';

export interface JsonataEditorContext {
  samples: readonly unknown[];
  lookupTables: readonly LookupTableInfo[];
  targetSchema?: JsonSchema;
}

const contexts = new Map<string, JsonataEditorContext>();

/** Tells completion what the samples, lookup tables and target schema are for one editor model. */
export function setJsonataContext(model: editor.ITextModel, context: JsonataEditorContext): void {
  contexts.set(model.uri.toString(), context);
}

/** Forgets a model's context when its editor goes away. */
export function clearJsonataContext(model: editor.ITextModel): void {
  contexts.delete(model.uri.toString());
}

const KIND: Record<SuggestionKind, languages.CompletionItemKind> = {
  field: languages.CompletionItemKind.Field,
  function: languages.CompletionItemKind.Function,
  variable: languages.CompletionItemKind.Variable,
  keyword: languages.CompletionItemKind.Keyword,
  table: languages.CompletionItemKind.Enum,
  property: languages.CompletionItemKind.Property,
};

function rangeBetween(model: editor.ITextModel, span: { start: number; end: number }): IRange {
  const from = model.getPositionAt(span.start);
  const to = model.getPositionAt(span.end);
  return { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column };
}

function provideCompletionItems(model: editor.ITextModel, position: Position): languages.CompletionList {
  const context = contexts.get(model.uri.toString()) ?? { samples: [], lookupTables: [] };
  const offset = model.getOffsetAt(position);
  const result = completeJsonata({
    text: model.getValue(),
    offset,
    samples: context.samples,
    lookupTables: context.lookupTables,
    targetSchema: context.targetSchema,
  });
  // Monaco requires the replace range to start and end on the cursor's line.
  const range = rangeBetween(model, { start: result.replaceStart, end: result.replaceEnd });
  if (range.startLineNumber !== position.lineNumber || range.endLineNumber !== position.lineNumber) return { suggestions: [] };
  return {
    suggestions: result.suggestions.map((suggestion) => ({
      label: suggestion.label,
      kind: KIND[suggestion.kind],
      insertText: suggestion.insertText,
      insertTextRules: suggestion.isSnippet ? languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
      filterText: suggestion.filterText,
      detail: suggestion.detail,
      documentation: suggestion.documentation ? { value: suggestion.documentation } : undefined,
      sortText: suggestion.sortText,
      range,
    })),
  };
}

function provideHover(model: editor.ITextModel, position: Position): languages.Hover | null {
  const offset = model.getOffsetAt(position);
  const token = lexJsonata(model.getValue()).find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (token?.kind !== 'variable') return null;
  const doc = findFunctionDoc(token.value);
  if (doc === undefined) return null;
  const contents = [{ value: `\`\`\`\n${doc.signature}\n\`\`\`` }, { value: doc.doc }];
  if (doc.example) contents.push({ value: `Example: \`${doc.example}\`` });
  return { range: rangeBetween(model, token), contents };
}

function provideSignatureHelp(model: editor.ITextModel, position: Position): languages.SignatureHelpResult | null {
  const signature = signatureAt(model.getValue(), model.getOffsetAt(position));
  if (signature === null) return null;
  return {
    value: {
      signatures: [
        {
          label: `${signature.doc.name}(${signature.parameters.join(', ')})`,
          documentation: { value: signature.doc.doc },
          parameters: signature.parameters.map((label) => ({ label })),
        },
      ],
      activeSignature: 0,
      activeParameter: signature.activeParameter,
    },
    dispose: () => undefined,
  };
}

let isRegistered = false;

/** Registers JSONata with Monaco once per page. */
export function registerJsonataLanguage(): void {
  if (isRegistered) return;
  isRegistered = true;
  languages.register({ id: JSONATA_LANGUAGE_ID, extensions: ['.jsonata'], aliases: ['JSONata'] });
  languages.setMonarchTokensProvider(JSONATA_LANGUAGE_ID, jsonataMonarch as languages.IMonarchLanguage);
  languages.setLanguageConfiguration(JSONATA_LANGUAGE_ID, jsonataLanguageConfiguration);
  languages.registerCompletionItemProvider(JSONATA_LANGUAGE_ID, {
    triggerCharacters: ['.', '$', '`', "'", '"', '{', '[', '('],
    provideCompletionItems,
  });
  languages.registerHoverProvider(JSONATA_LANGUAGE_ID, { provideHover });
  languages.registerSignatureHelpProvider(JSONATA_LANGUAGE_ID, {
    signatureHelpTriggerCharacters: ['(', ','],
    signatureHelpRetriggerCharacters: [','],
    provideSignatureHelp,
  });
}
