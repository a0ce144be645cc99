/** A read-only Monaco diff editor (side by side) for two texts: mapping versions, expected vs actual. */
import { useEffect, useRef } from 'react';
import { monaco } from './monacoSetup';

/** Side-by-side diff of `original` (left) and `modified` (right) in `language`. */
export function MonacoDiffEditor(props: { original: string; modified: string; language: string; ariaLabel: string }) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneDiffEditor | null>(null);

  useEffect(() => {
    if (container.current === null) return undefined;
    const editor = monaco.editor.createDiffEditor(container.current, {
      theme: 'studio-light',
      automaticLayout: true,
      readOnly: true,
      originalEditable: false,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: false,
      // Long mappings: show the changed lines with a little context, not the whole file.
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 3, revealLineCount: 20 },
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12.5,
      ariaLabel: props.ariaLabel,
    });
    editorRef.current = editor;
    return () => {
      const model = editor.getModel();
      editor.dispose();
      model?.original.dispose();
      model?.modified.dispose();
      editorRef.current = null;
    };
    // The aria label is fixed for the editor's life.
  }, [props.ariaLabel]);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return;
    const previous = editor.getModel();
    editor.setModel({
      original: monaco.editor.createModel(props.original, props.language),
      modified: monaco.editor.createModel(props.modified, props.language),
    });
    previous?.original.dispose();
    previous?.modified.dispose();
  }, [props.original, props.modified, props.language]);

  return <div className="monaco-host monaco-diff" ref={container} />;
}
