/**
 * The rules editor's state as one reducer (pure): the JSON text being edited, the text the server
 * holds (what "unsaved changes" compares against) and the last impact preview.
 */
import type { PreviewResult } from '../../../../server/matching/preview';

export interface RulesEditorState {
  text: string;
  savedText: string;
  report: PreviewResult | null;
}

export type RulesEditorAction =
  | { type: 'serverLoaded'; text: string }
  | { type: 'textEdited'; text: string }
  | { type: 'draftSaved'; text: string }
  | { type: 'previewReported'; report: PreviewResult };

export const initialRulesEditorState: RulesEditorState = { text: '', savedText: '', report: null };

/** The next state of the rules editor after `action`. */
export function rulesEditorReducer(state: RulesEditorState, action: RulesEditorAction): RulesEditorState {
  switch (action.type) {
    case 'serverLoaded':
      // What the server holds replaces the editor's text (after load, save, publish, rollback).
      return { ...state, text: action.text, savedText: action.text };
    case 'textEdited':
      return { ...state, text: action.text };
    case 'draftSaved':
      return { ...state, savedText: action.text };
    case 'previewReported':
      return { ...state, report: action.report };
  }
}
