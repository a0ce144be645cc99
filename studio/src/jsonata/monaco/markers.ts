/** Puts JSONata error markers on a Monaco model, using the range logic in ../errorMarkers. */
import { MarkerSeverity, editor } from 'monaco-editor/editor';
import { markerForError } from '../errorMarkers';
import type { JsonataErrorLike } from '../errorMarkers';

const OWNER = 'jsonata';

/** Replaces the model's JSONata markers with one per error (none clears them). */
export function setJsonataMarkers(model: editor.ITextModel, errors: readonly JsonataErrorLike[]): void {
  const text = model.getValue();
  editor.setModelMarkers(
    model,
    OWNER,
    errors.map((error) => {
      const marker = markerForError(text, error);
      return { ...marker, severity: MarkerSeverity.Error, source: 'JSONata' };
    }),
  );
}
