/** Test cases of the mapping: the saved list, the last run's pass/fail, and expected vs actual as a diff. */
import { useState } from 'react';
import type { TestReportView } from '../../../../server/contracts/mappingEvaluation';
import type { MappingTestCaseView } from '../../../../server/contracts/mappings';
import { MonacoDiffEditor } from '../../editor/MonacoDiffEditor';

export interface TestsPanelProps {
  tests: MappingTestCaseView[];
  report: TestReportView | null;
  isRunning: boolean;
  canWrite: boolean;
  /** Whether the selected sample has an output to save as the expected value. */
  canSaveCurrent: boolean;
  onSaveCurrent: (name: string) => void;
  onRemove: (index: number) => void;
  onRunAll: () => void;
  /** Makes the failing test expect what the expression produces now. */
  onAcceptActual: (name: string) => void;
  /** Puts the test's input into the sample pane. */
  onLoadInput: (index: number) => void;
  /** The test removed last (until undone or saved). */
  removedTestName: string | null;
  onUndoRemove: () => void;
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? '';
}

/** The Tests tab. */
export function TestsPanel(props: TestsPanelProps) {
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const resultOf = (testName: string) => props.report?.cases.find((entry) => entry.name === testName);
  const shown = selected === null ? undefined : resultOf(selected);
  return (
    <div className="tests-panel">
      <div className="toolbar">
        <button type="button" className="button-secondary" onClick={props.onRunAll} disabled={props.isRunning || props.tests.length === 0} title="Ctrl/Cmd+Enter">
          {props.isRunning ? 'Running…' : 'Run all tests'} <kbd>Ctrl ↵</kbd>
        </button>
        {props.report !== null && (
          <span className={props.report.isPassing ? 'pill pill-ok' : 'pill pill-bad'} role="status">
            {props.report.passed} of {props.report.total} passed
            {props.report.syntaxError !== null ? ` · ${props.report.syntaxError.message}` : ''}
          </span>
        )}
        {props.canWrite && (
          <form
            className="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              if (name.trim() === '') return;
              props.onSaveCurrent(name.trim());
              setName('');
            }}
          >
            <input aria-label="Test name" placeholder="Name for a test from the current sample" value={name} onChange={(event) => setName(event.target.value)} />
            <button type="submit" className="button-secondary" disabled={!props.canSaveCurrent || name.trim() === ''}>
              Save sample as test
            </button>
          </form>
        )}
      </div>
      {props.removedTestName !== null && (
        <p className="notice notice-warning undo-bar" role="status">
          Removed test “{props.removedTestName}”.{' '}
          <button type="button" className="button-secondary" onClick={props.onUndoRemove}>
            Undo
          </button>
        </p>
      )}
      <div className="tests-body">
        <ul className="test-list" aria-label="Test cases">
          {props.tests.length === 0 && <li className="muted">No tests yet: pick a sample whose output is right and save it as a test.</li>}
          {props.tests.map((test, index) => {
            const result = resultOf(test.name);
            const state = result === undefined ? 'not run' : result.passed ? 'passed' : 'failed';
            return (
              <li key={`${test.name}-${index}`} className={selected === test.name ? 'selected' : undefined}>
                <button type="button" className="test-row" onClick={() => setSelected(test.name)}>
                  <span className={`test-state state-${state.replace(' ', '-')}`}>{state === 'passed' ? '✓' : state === 'failed' ? '✗' : '•'}</span>
                  <span className="test-name">{test.name}</span>
                  <span className="muted">{test.error !== undefined ? `expects error ${test.error}` : state}</span>
                </button>
                {props.canWrite && (
                  <button type="button" className="button-ghost" aria-label={`Remove test ${test.name}`} onClick={() => props.onRemove(index)}>
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <div className="test-detail">
          {shown === undefined ? (
            <>
              <p className="muted">{props.report === null ? 'Run the tests to compare expected and actual output.' : 'Select a test to see expected vs actual.'}</p>
              {selected !== null && props.tests.some((test) => test.name === selected) && (
                <button type="button" className="button-ghost" onClick={() => props.onLoadInput(props.tests.findIndex((test) => test.name === selected))}>
                  Load input as sample
                </button>
              )}
            </>
          ) : (
            <>
              <p className={shown.passed ? 'muted' : 'error-text'}>
                {shown.passed ? 'Passed.' : (shown.message ?? 'Failed.')}
                {shown.differences !== undefined && shown.differences.length > 0 && ` Differs at: ${shown.differences.join(', ')}`}
              </p>
              <div className="toolbar test-actions">
                {!shown.passed && props.canWrite && (
                  <button type="button" className="button-secondary" onClick={() => props.onAcceptActual(shown.name)} title="The change is deliberate: expect the actual result from now on">
                    Accept actual as expected
                  </button>
                )}
                <button type="button" className="button-ghost" onClick={() => props.onLoadInput(props.tests.findIndex((test) => test.name === shown.name))}>
                  Load input as sample
                </button>
              </div>
              <div className="diff-labels">
                <span>Expected</span>
                <span>Actual</span>
              </div>
              <MonacoDiffEditor original={pretty(shown.expected)} modified={pretty(shown.actual)} language="json" ariaLabel="Expected vs actual output" />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
