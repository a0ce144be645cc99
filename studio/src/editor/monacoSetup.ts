/**
 * Loads Monaco's ESM build with only what the studio uses: the editor core, a curated set of
 * editor features, the JSON language (payload and output panes) and JSONata. Workers come from
 * Vite's `?worker` imports: the base editor worker and the JSON worker, nothing else.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/placeholderText/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/tokenization/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
// The suggest widget's controller has no feature entry of its own in 0.57.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
// Services some registered contributions ask for when a diff editor is created; without them Monaco
// throws "depends on UNKNOWN service" page errors.
import 'monaco-editor/editor/contrib/documentSymbols/browser/outlineModel';
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
import 'monaco-editor/editor/common/services/treeViewsDndService';
import 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { registerJsonataLanguage } from '../jsonata/monaco/registerJsonata';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

monaco.editor.defineTheme('studio-light', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'function.extra.jsonata', foreground: '0b7a75', fontStyle: 'bold' },
    { token: 'function.builtin.jsonata', foreground: '795e26' },
    { token: 'variable.jsonata', foreground: '1f5fa8' },
    { token: 'variable.predefined.jsonata', foreground: '1f5fa8', fontStyle: 'bold' },
    { token: 'identifier.jsonata', foreground: '24292f' },
    { token: 'identifier.quoted.jsonata', foreground: '24292f', fontStyle: 'italic' },
    { token: 'regexp.jsonata', foreground: 'b3261e' },
    { token: 'constant.jsonata', foreground: '0550ae' },
    { token: 'keyword.jsonata', foreground: '8250df' },
  ],
  colors: { 'editor.background': '#ffffff', 'editorLineNumber.foreground': '#9aa4b2' },
});

registerJsonataLanguage();

export { monaco };
