/** The rules editor's reducer as a fixture table: the server's text replaces the editor's; a save moves the saved mark. */
import { expect, test } from 'vitest';
import type { PreviewResult } from '../../server/matching/preview';
import {
  initialRulesEditorState,
  rulesEditorReducer,
  type RulesEditorAction,
  type RulesEditorState,
} from '../../studio/src/pages/rules/rulesEditorState';

const report = { sample: 10 } as unknown as PreviewResult;

test.each<{ name: string; from: Partial<RulesEditorState>; action: RulesEditorAction; expected: Partial<RulesEditorState> }>([
  {
    name: 'the server text replaces an edited text and is the saved text',
    from: { text: 'edited', savedText: 'old' },
    action: { type: 'serverLoaded', text: 'server' },
    expected: { text: 'server', savedText: 'server' },
  },
  {
    name: 'typing changes the text only',
    from: { text: 'a', savedText: 'a' },
    action: { type: 'textEdited', text: 'ab' },
    expected: { text: 'ab' },
  },
  {
    name: 'a saved draft marks the text it saved (typing since stays unsaved)',
    from: { text: 'abc', savedText: 'a' },
    action: { type: 'draftSaved', text: 'ab' },
    expected: { savedText: 'ab' },
  },
  { name: 'a preview report is kept', from: {}, action: { type: 'previewReported', report }, expected: { report } },
])('$name', ({ from, action, expected }) => {
  const before = { ...initialRulesEditorState, ...from };
  expect(rulesEditorReducer(before, action)).toEqual({ ...before, ...expected });
});
