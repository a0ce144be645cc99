/** A React wrapper around one Monaco editor instance and its model. */
import { useEffect, useRef } from 'react';
import { monaco } from './monacoSetup';

export type CodeEditor = monaco.editor.IStandaloneCodeEditor;

export interface MonacoEditorProps {
  value: string;
  language: string;
  ariaLabel: string;
  isReadOnly?: boolean;
  onChange?: (value: string) => void;
  /** Called once with the editor after creation (for markers, cursor moves, context). */
  onReady?: (editor: CodeEditor) => void;
  options?: monaco.editor.IStandaloneEditorConstructionOptions;
}

/** A Monaco editor filling its container; external `value` changes replace the text. */
export function MonacoEditor(props: MonacoEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<CodeEditor | null>(null);
  const onChangeRef = useRef(props.onChange);
  onChangeRef.current = props.onChange;
  const onReadyRef = useRef(props.onReady);
  onReadyRef.current = props.onReady;
  // Texts this editor reported that the parent has not echoed back yet. The echo arrives as `value`
  // a render later, when the user may have typed more; re-applying it would eat keystrokes.
  const pendingEchoes = useRef<string[]>([]);
  const initial = useRef({
    value: props.value,
    language: props.language,
    isReadOnly: props.isReadOnly,
    ariaLabel: props.ariaLabel,
    options: props.options,
  });

  useEffect(() => {
    if (container.current === null) return undefined;
    const { value, language, isReadOnly, ariaLabel, options } = initial.current;
    const model = monaco.editor.createModel(value, language);
    const editor = monaco.editor.create(container.current, {
      model,
      theme: 'studio-light',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      tabSize: 2,
      readOnly: isReadOnly,
      ariaLabel,
      fixedOverflowWidgets: true,
      // Suggestions that pop up by themselves (quick suggestions, trigger characters) start with
      // nothing selected, so Enter inserts a new line; Enter accepts only an item the user moved to
      // with the arrow keys (or one of an explicit Ctrl+Space list).
      suggest: { selectionMode: 'never' },
      ...options,
    });
    editorRef.current = editor;
    const subscription = model.onDidChangeContent(() => {
      const text = model.getValue();
      if (onChangeRef.current === undefined) return;
      pendingEchoes.current.push(text);
      onChangeRef.current(text);
    });
    onReadyRef.current?.(editor);
    return () => {
      subscription.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    const echo = pendingEchoes.current.indexOf(props.value);
    if (echo !== -1) {
      pendingEchoes.current.splice(0, echo + 1);
      return;
    }
    pendingEchoes.current = [];
    if (editor.getValue() !== props.value) editor.setValue(props.value);
  }, [props.value]);

  return <div className="monaco-host" ref={container} />;
}
