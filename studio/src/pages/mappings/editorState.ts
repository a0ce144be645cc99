/**
 * The mapping editor's state as one reducer: the texts being edited, the tests, the selected
 * record and tab, the action in progress and its outcome. Every transition is a named action, so
 * the page and its panels only dispatch, and the rules ("after any server action the editor holds
 * what the server holds", "a removed test can be undone") live in one tested place.
 */
import type { DiffPreviewResponse, TestReportView } from '../../../../server/contracts/mappingEvaluation';
import type { MappingTestCaseView } from '../../../../server/contracts/mappings';
import type { SourceFormat, SourceFormatOptions } from '../../../../server/ingest/formats/registry';
import { choiceOfSourceFormat, type SampleFormatChoice } from '../../mappings/sourceFormat';
import { stableJson } from '../../ui/format';

export type BottomTab = 'problems' | 'records' | 'schema' | 'tests' | 'versions' | 'changes' | 'load';

/** What the server stores for a mapping's draft (the part the editor edits). */
export interface ServerContent {
  expression: string;
  samples: unknown[];
  tests: MappingTestCaseView[];
  /** How the source sends its payloads (content type + parser options); absent = JSON detected. */
  format?: SourceFormat;
}

export interface EditorState {
  domain: string;
  sampleText: string;
  /** The source's format as picked in the sample panel (saved with the draft as its `format`). */
  format: SampleFormatChoice;
  /** That format's parser options (delimiter, record path, resource type…). */
  formatOptions: SourceFormatOptions;
  /**
   * What the sample text holds: `records` = the stored samples as a JSON array (already parsed, read as
   * JSON whatever the format), `payload` = text as the source sends it (read with the format).
   */
  sampleKind: 'records' | 'payload';
  lookupsText: string;
  expression: string;
  tests: MappingTestCaseView[];
  /** The last removed test and where it was, until undone or another test is removed. */
  removedTest: { test: MappingTestCaseView; index: number } | null;
  selectedIndex: number;
  tab: BottomTab;
  /** Label of the action running ('' when idle). */
  busy: string;
  actionError: unknown;
  notice: string;
  report: TestReportView | null;
  changes: DiffPreviewResponse | null;
  /** `snapshotOf` the content last read from or saved to the server ('' for the workbench). */
  savedSnapshot: string;
}

export type EditorAction =
  | { type: 'serverContent'; content: ServerContent; notice?: string; keepSampleText?: boolean }
  | { type: 'expressionEdited'; expression: string }
  | { type: 'sampleTextEdited'; text: string }
  | { type: 'sampleLoaded'; text: string; notice: string }
  | { type: 'formatChosen'; format: SampleFormatChoice; options: SourceFormatOptions }
  | { type: 'lookupsEdited'; text: string }
  | { type: 'domainChosen'; domain: string }
  | { type: 'recordSelected'; index: number }
  | { type: 'tabChosen'; tab: BottomTab }
  | { type: 'actionStarted'; label: string }
  | { type: 'actionFailed'; error: unknown }
  | { type: 'actionFinished'; notice?: string }
  | { type: 'errorDismissed' }
  | { type: 'testsReported'; report: TestReportView }
  | { type: 'changesReported'; changes: DiffPreviewResponse }
  | { type: 'testAdded'; test: MappingTestCaseView }
  | { type: 'testRemoved'; index: number }
  | { type: 'testRemovalUndone' }
  | { type: 'actualAccepted'; name: string };

/** The comparable form of stored content: equal snapshots mean nothing to save. */
export function snapshotOf(content: ServerContent): string {
  const format = content.format === undefined ? null : { contentType: content.format.contentType, options: content.format.options ?? {} };
  return stableJson({ expression: content.expression, samples: content.samples, tests: content.tests, format });
}

/** Whether text is a JSON array (the stored samples as the editor shows them). */
function isJsonArray(text: string): boolean {
  if (!text.trim().startsWith('[')) return false;
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** Whether text is JSON (an array or an object: stored records or a loaded payload). */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The samples as the editor shows them (the server stores records; the text is pretty JSON). */
export function samplesText(samples: readonly unknown[]): string {
  return samples.length > 0 ? JSON.stringify(samples, null, 2) : '';
}

/** The starting state: the example for the workbench, empty text for a stored mapping until it loads. */
export function initialEditorState(input: { domain: string; expression: string; sampleText: string; lookupsText: string }): EditorState {
  return {
    domain: input.domain,
    sampleText: input.sampleText,
    format: 'auto',
    formatOptions: {},
    sampleKind: 'payload',
    lookupsText: input.lookupsText,
    expression: input.expression,
    tests: [],
    removedTest: null,
    selectedIndex: 0,
    tab: 'problems',
    busy: '',
    actionError: null,
    notice: '',
    report: null,
    changes: null,
    savedSnapshot: '',
  };
}

/** The editor's transitions. */
export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'serverContent': {
      // Whatever the action (load, save, publish, rollback), the editor now holds the server's draft:
      // its samples (as records, unless the text typed reads as exactly them) and its source format.
      const isKept = action.keepSampleText === true;
      const stored = choiceOfSourceFormat(action.content.format);
      return {
        ...state,
        expression: action.content.expression,
        sampleText: isKept ? state.sampleText : samplesText(action.content.samples),
        sampleKind: isKept ? state.sampleKind : 'records',
        format: isKept ? state.format : stored.format,
        formatOptions: isKept ? state.formatOptions : stored.options,
        tests: action.content.tests,
        removedTest: null,
        report: null,
        savedSnapshot: snapshotOf(action.content),
        notice: action.notice ?? state.notice,
      };
    }
    case 'expressionEdited':
      return { ...state, expression: action.expression };
    case 'sampleTextEdited':
      // Editing the stored records keeps them records; pasting what the source sends makes it a payload.
      return { ...state, sampleText: action.text, sampleKind: state.sampleKind === 'records' && isJsonArray(action.text) ? 'records' : 'payload' };
    case 'sampleLoaded':
      // A payload from the hub (a stored record, an exception's JSON) is JSON; an unreadable one is raw text.
      return { ...state, sampleText: action.text, sampleKind: isJson(action.text) ? 'records' : 'payload', selectedIndex: 0, notice: action.notice };
    case 'formatChosen':
      return { ...state, format: action.format, formatOptions: action.options };
    case 'lookupsEdited':
      return { ...state, lookupsText: action.text };
    case 'domainChosen':
      return { ...state, domain: action.domain };
    case 'recordSelected':
      return { ...state, selectedIndex: Math.max(0, action.index) };
    case 'tabChosen':
      return { ...state, tab: action.tab };
    case 'actionStarted':
      return { ...state, busy: action.label, actionError: null, notice: '' };
    case 'actionFailed':
      return { ...state, busy: '', actionError: action.error };
    case 'actionFinished':
      return { ...state, busy: '', notice: action.notice ?? state.notice };
    case 'errorDismissed':
      return { ...state, actionError: null };
    case 'testsReported':
      return { ...state, report: action.report, tab: 'tests' };
    case 'changesReported':
      return { ...state, changes: action.changes };
    case 'testAdded':
      return {
        ...state,
        tests: [...state.tests.filter((test) => test.name !== action.test.name), action.test],
        notice: `Test "${action.test.name}" added: save the draft to keep it.`,
      };
    case 'testRemoved': {
      const test = state.tests[action.index];
      if (test === undefined) return state;
      return {
        ...state,
        tests: state.tests.filter((_, at) => at !== action.index),
        removedTest: { test, index: action.index },
        notice: `Test "${test.name}" removed: undo, or save the draft to make it final.`,
      };
    }
    case 'testRemovalUndone': {
      if (state.removedTest === null) return state;
      const { test, index } = state.removedTest;
      const tests = [...state.tests];
      tests.splice(Math.min(index, tests.length), 0, test);
      return { ...state, tests, removedTest: null, notice: `Test "${test.name}" restored.` };
    }
    case 'actualAccepted': {
      const result = state.report?.cases.find((entry) => entry.name === action.name);
      const at = state.tests.findIndex((test) => test.name === action.name);
      const accepted = result === undefined ? null : expectationFromActual(result.actual);
      const current = state.tests[at];
      if (result === undefined || current === undefined || accepted === null) return state;
      const { name, input } = current;
      const tests = state.tests.map((test, index) => (index === at ? { name, input, ...accepted } : test));
      const expected = 'error' in accepted ? { error: accepted.error } : { output: accepted.output };
      const cases = (state.report?.cases ?? []).map((entry) => (entry.name === action.name ? { ...entry, expected, passed: true, message: undefined, differences: [] } : entry));
      const passed = cases.filter((entry) => entry.passed).length;
      const report = state.report === null ? null : { ...state.report, cases, passed, failed: cases.length - passed, isPassing: passed === cases.length && state.report.syntaxError === null };
      return { ...state, tests, report, notice: `Test "${action.name}" now expects the actual result: save the draft to keep it.` };
    }
    default:
      return state;
  }
}

/** A test's new expectation from a run's actual result (`{ output }` or `{ error: { code } }`); null when unreadable. */
export function expectationFromActual(actual: unknown): { output: unknown } | { error: string } | null {
  if (actual === null || typeof actual !== 'object') return null;
  const record = actual as { output?: unknown; error?: unknown };
  if (record.error !== undefined && record.error !== null) {
    const code = typeof record.error === 'string' ? record.error : (record.error as { code?: unknown }).code;
    return typeof code === 'string' ? { error: code } : null;
  }
  return 'output' in record ? { output: record.output ?? null } : null;
}
