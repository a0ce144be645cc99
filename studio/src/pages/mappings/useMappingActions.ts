/**
 * The stored mapping's server actions (save, run tests, publish, what changes), each run one at a
 * time through the editor's reducer. After every action the editor holds what the server holds:
 * the document replaces `loaded`, which the page dispatches as `serverContent`.
 */
import { useCallback } from 'react';
import type { Dispatch } from 'react';
import type { EditorAction, EditorState } from './editorState';
import type { MappingContent, MappingDocument } from './useMappingDocument';

export interface MappingActions {
  saveDraft: () => Promise<boolean>;
  runTests: () => Promise<void>;
  publish: () => Promise<void>;
  whatChanges: () => Promise<void>;
}

/** Actions for `document`, given the editor's current `content` and whether it differs from the server. */
export function useMappingActions(input: {
  document: MappingDocument;
  state: EditorState;
  dispatch: Dispatch<EditorAction>;
  content: MappingContent;
  isStored: boolean;
  isDirty: boolean;
  canWrite: boolean;
}): MappingActions {
  const { document, state, dispatch, content, isStored, isDirty, canWrite } = input;

  const run = useCallback(
    async <T,>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
      dispatch({ type: 'actionStarted', label });
      try {
        const result = await action();
        dispatch({ type: 'actionFinished' });
        return result;
      } catch (error) {
        dispatch({ type: 'actionFailed', error });
        return undefined;
      }
    },
    [dispatch],
  );

  const saveDraft = useCallback(async (): Promise<boolean> => {
    if (!isStored) return false;
    if (!canWrite) {
      dispatch({ type: 'actionFailed', error: new Error('Your role may not save mappings: the draft stays as it is on the server.') });
      return false;
    }
    const saved = await run('Saving…', () => document.save(content));
    if (saved === undefined) return false;
    dispatch({ type: 'actionFinished', notice: `Draft saved (revision ${saved.draft?.revision ?? '?'}).` });
    return true;
  }, [isStored, canWrite, run, document, content, dispatch]);

  const runTests = useCallback(async (): Promise<void> => {
    if (!isStored) return;
    dispatch({ type: 'tabChosen', tab: 'tests' });
    if (state.tests.length === 0) {
      dispatch({ type: 'actionFinished', notice: 'No tests to run yet: pick a sample whose output is right and save it as a test.' });
      return;
    }
    // Tests run on the server against a stored mapping: a new one is saved first.
    if (document.isNew) {
      if (!canWrite) {
        dispatch({ type: 'actionFailed', error: new Error('This mapping is not stored yet and your role may not save it, so its tests cannot run on the server.') });
        return;
      }
      if (!(await saveDraft())) return;
    }
    const report = await run('Running tests…', () => document.runTests({ expression: state.expression, tests: state.tests }));
    if (report !== undefined) dispatch({ type: 'testsReported', report });
  }, [isStored, document, canWrite, saveDraft, run, state.expression, state.tests, dispatch]);

  const publish = useCallback(async (): Promise<void> => {
    if ((isDirty || document.isNew) && !(await saveDraft())) return;
    const result = await run('Publishing…', () => document.publish());
    if (result === undefined) {
      // A refusal names the failing tests; show them with expected vs actual.
      const testReport = await document.runTests({ expression: state.expression, tests: state.tests }).catch(() => null);
      if (testReport !== null && !testReport.isPassing) dispatch({ type: 'testsReported', report: testReport });
      return;
    }
    dispatch({
      type: 'actionFinished',
      notice: result.isNew
        ? `Published v${result.version.version} (${result.version.testSummary.passed}/${result.version.testSummary.total} tests passed).`
        : `Already published as v${result.version.version}.`,
    });
  }, [isDirty, saveDraft, run, document, state.expression, state.tests, dispatch]);

  const whatChanges = useCallback(async (): Promise<void> => {
    if (isDirty && !(await saveDraft())) return;
    const result = await run('Comparing…', () => document.whatChanges());
    if (result !== undefined) dispatch({ type: 'changesReported', changes: result });
  }, [isDirty, saveDraft, run, document, dispatch]);

  return { saveDraft, runTests, publish, whatChanges };
}
