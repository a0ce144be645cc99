/**
 * Mapping editor: sample payload → JSONata expression → live output, checked against the canonical
 * schema. For a stored mapping (`source`/`domain`) it also saves the draft, keeps test cases, runs
 * them, publishes, shows versions and "what changes"; without one it is a scratch workbench.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DiffPreviewResponse, TestReportView } from '../../../../server/contracts/mappingEvaluation';
import type { MappingTestCaseView } from '../../../../server/contracts/mappings';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf, navigate } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { stableJson } from '../../ui/format';
import { MonacoEditor } from '../../editor/MonacoEditor';
import type { CodeEditor } from '../../editor/MonacoEditor';
import { setJsonataMarkers } from '../../jsonata/monaco/markers';
import { clearJsonataContext, setJsonataContext } from '../../jsonata/monaco/registerJsonata';
import { JSONATA_LANGUAGE_ID } from '../../jsonata/monarch';
import { requiredFieldsNeverSet, validateOutput } from '../../jsonata/outputCheck';
import { parseSamples } from '../../samples/parseSamples';
import type { SampleFormat } from '../../samples/parseSamples';
import type { SourceFormatOptions } from '../../../../server/ingest/formats/registry';
import { EXAMPLE_DOMAIN, EXAMPLE_EXPRESSION, EXAMPLE_LOOKUPS, EXAMPLE_SAMPLES } from './exampleMapping';
import { MappingToolbar } from './MappingToolbar';
import { ProblemsPanel } from './ProblemsPanel';
import { collectProblems } from './problems';
import { SamplePane } from './SamplePane';
import { SamplePicker, exceptionSample } from './SamplePicker';
import { TestsPanel } from './TestsPanel';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useMappingDocument } from './useMappingDocument';
import type { MappingContent } from './useMappingDocument';
import { VersionsPanel } from './VersionsPanel';
import { WhatChangesPanel } from './WhatChangesPanel';
import { useCanonicalSchemas } from './useCanonicalSchemas';
import { useLiveEvaluation } from './useLiveEvaluation';
import { useServerLookups } from './useServerLookups';
import { useStoredMappings } from './useStoredMappings';

type BottomTab = 'problems' | 'tests' | 'versions' | 'changes';

type Lookups = Record<string, Record<string, unknown>>;

function parseLookups(text: string): { lookups: Lookups; error: string | null } {
  if (text.trim() === '') return { lookups: {}, error: null };
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return { lookups: {}, error: 'Lookups must be a JSON object of tables.' };
    const bad = Object.entries(value).find(([, table]) => table === null || typeof table !== 'object' || Array.isArray(table));
    if (bad !== undefined) return { lookups: {}, error: `Table "${bad[0]}" must be an object of key → value.` };
    return { lookups: value as Lookups, error: null };
  } catch (err) {
    return { lookups: {}, error: `Lookups are not valid JSON: ${(err as Error).message}` };
  }
}

/** The mapping editor; without `source`/`domain` a scratch workbench on the example. */
export function MappingsPage(props: { source?: string; domain?: string; exceptionId?: string }) {
  const { client } = useSession();
  const canWrite = useAbility('mappings.write');
  const canPublish = useAbility('mappings.publish');
  const isStored = props.source !== undefined && props.domain !== undefined;
  const [domain, setDomain] = useState(props.domain ?? EXAMPLE_DOMAIN);
  const [sampleText, setSampleText] = useState(isStored ? '' : EXAMPLE_SAMPLES);
  const [format, setFormat] = useState<SampleFormat | 'auto'>('auto');
  const [formatOptions, setFormatOptions] = useState<SourceFormatOptions>({});
  const [lookupsText, setLookupsText] = useState(isStored ? '' : EXAMPLE_LOOKUPS);
  const [expression, setExpression] = useState(isStored ? '' : EXAMPLE_EXPRESSION);
  const [tests, setTests] = useState<MappingTestCaseView[]>([]);
  const [selectedIndex, setSelectedIndex] = useState(0);
  const [editor, setEditor] = useState<CodeEditor | null>(null);
  const editorRef = useRef<CodeEditor | null>(null);
  const [tab, setTab] = useState<BottomTab>('problems');
  const [busy, setBusy] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [report, setReport] = useState<TestReportView | null>(null);
  const [changes, setChanges] = useState<DiffPreviewResponse | null>(null);
  const [savedSnapshot, setSavedSnapshot] = useState('');

  const { domains, schema, error: schemaLoadError } = useCanonicalSchemas(domain);
  const stored = useStoredMappings();
  const document = useMappingDocument(isStored ? { source: props.source ?? '', domain: props.domain ?? '' } : null);
  const { loaded } = document;

  useEffect(() => {
    if (loaded === null) return;
    setExpression(loaded.expression);
    setSampleText(loaded.samples.length > 0 ? JSON.stringify(loaded.samples, null, 2) : '');
    setTests(loaded.tests);
    setSelectedIndex(0);
    setSavedSnapshot(stableJson({ expression: loaded.expression, samples: loaded.samples, tests: loaded.tests }));
  }, [loaded]);

  // After the stored content is in place, so the exception's payload is not replaced by the saved samples.
  const isContentReady = !isStored || loaded !== null;
  useEffect(() => {
    if (props.exceptionId === undefined || !isContentReady) return;
    exceptionSample(client, props.exceptionId).then(
      (sample) => {
        setSampleText(sample.text);
        setFormat('auto');
        setSelectedIndex(0);
        setNotice(`Sample loaded from the exception queue: ${sample.label}`);
      },
      (error: unknown) => setActionError(error),
    );
  }, [client, props.exceptionId, isContentReady]);

  const parsed = useMemo(() => parseSamples(sampleText, format, formatOptions), [sampleText, format, formatOptions]);
  const { lookups: pastedLookups, error: lookupsError } = useMemo(() => parseLookups(lookupsText), [lookupsText]);
  const server = useServerLookups(expression);
  const lookups = useMemo(() => ({ ...server.entries, ...pastedLookups }), [server.entries, pastedLookups]);
  const lookupTables = useMemo(() => {
    const pasted = Object.keys(pastedLookups).map((name) => ({ name, description: `Pasted on this page: ${Object.keys(pastedLookups[name]).length} entries` }));
    return [...pasted, ...server.tables.filter((table) => !(table.name in pastedLookups))];
  }, [pastedLookups, server.tables]);
  const records = parsed.ok ? parsed.records : null;
  const { outcome, evaluatedExpression, isRunning } = useLiveEvaluation({ expression, records, lookups });

  useEffect(() => {
    if (records !== null && selectedIndex >= records.length) setSelectedIndex(Math.max(0, records.length - 1));
  }, [records, selectedIndex]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return undefined;
    setJsonataContext(model, {
      samples: records ?? [],
      lookupTables,
      targetSchema: schema ?? undefined,
    });
    return () => clearJsonataContext(model);
  }, [editor, records, lookupTables, schema]);

  const results = outcome?.status === 'done' ? outcome.response.results : [];
  const selected = results[selectedIndex];
  const schemaErrors = useMemo(
    () => (schema !== null && selected?.ok && selected.value !== undefined ? validateOutput(schema, selected.value) : []),
    [schema, selected],
  );
  const required = useMemo(() => (schema === null ? null : requiredFieldsNeverSet(schema, expression)), [schema, expression]);
  const problems = useMemo(
    () => collectProblems({ expression: evaluatedExpression, outcome, selectedIndex, schemaErrors, required }),
    [evaluatedExpression, outcome, selectedIndex, schemaErrors, required],
  );

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    const errors = [];
    // Positions refer to the text that was evaluated; while the analyst types ahead, show none.
    if (outcome?.status === 'done' && evaluatedExpression === model.getValue()) {
      if (outcome.response.compileError !== null) errors.push(outcome.response.compileError);
      else if (selected !== undefined && !selected.ok && selected.error.position !== undefined) errors.push(selected.error);
    }
    setJsonataMarkers(model, errors);
  }, [editor, outcome, selected, evaluatedExpression]);

  const outputText = useMemo(() => {
    if (outcome === null) return '';
    if (outcome.status !== 'done') return '';
    if (outcome.response.compileError !== null) return '// The expression does not compile yet: see Problems below.';
    if (selected === undefined) return '';
    if (!selected.ok) return `// ${selected.error.code}: ${selected.error.message}`;
    return selected.value === undefined ? '// The expression produced no value for this record.' : JSON.stringify(selected.value, null, 2);
  }, [outcome, selected]);

  const failedCount = results.filter((result) => !result.ok).length;
  const status = isRunning
    ? 'Evaluating…'
    : outcome?.status === 'done'
      ? `${results.length} record${results.length === 1 ? '' : 's'} · ${failedCount} failed · ${Math.round(outcome.elapsedMs)} ms`
      : outcome?.status === 'timeout'
        ? 'Stopped: too slow'
        : '';

  const jump = (line: number, column: number): void => {
    const current = editorRef.current;
    if (current === null) return;
    current.setPosition({ lineNumber: line, column });
    current.revealLineInCenterIfOutsideViewport(line);
    current.focus();
  };

  const content = useMemo<MappingContent>(
    () => ({ expression, samples: records ?? loaded?.samples ?? [], tests, description: document.view?.description ?? loaded?.description ?? '' }),
    [expression, records, loaded, tests, document.view],
  );
  const isDirty = isStored && loaded !== null && stableJson({ expression: content.expression, samples: content.samples, tests: content.tests }) !== savedSnapshot;

  /** Runs one action at a time, showing what runs and any refusal from the server. */
  const run = useCallback(async <T,>(label: string, action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    setActionError(null);
    setNotice('');
    try {
      return await action();
    } catch (error) {
      setActionError(error);
      return undefined;
    } finally {
      setBusy('');
    }
  }, []);

  const saveDraft = useCallback(async (): Promise<boolean> => {
    if (!isStored || !canWrite) return false;
    const saved = await run('Saving…', () => document.save(content));
    if (saved === undefined) return false;
    setSavedSnapshot(stableJson({ expression: content.expression, samples: content.samples, tests: content.tests }));
    setNotice(`Draft saved (revision ${saved.draft?.revision ?? '?'}).`);
    return true;
  }, [isStored, canWrite, run, document, content]);

  const runTests = useCallback(async (): Promise<void> => {
    if (!isStored || document.isNew) return;
    setTab('tests');
    const result = await run('Running tests…', () => document.runTests({ expression, tests }));
    if (result !== undefined) setReport(result);
  }, [isStored, document, run, expression, tests]);

  const publish = useCallback(async (): Promise<void> => {
    if (isDirty && !(await saveDraft())) return;
    const result = await run('Publishing…', () => document.publish());
    if (result === undefined) {
      // A refusal names the failing tests; show them with expected vs actual.
      const testReport = await document.runTests({ expression, tests }).catch(() => null);
      if (testReport !== null && !testReport.isPassing) {
        setReport(testReport);
        setTab('tests');
      }
      return;
    }
    setNotice(result.isNew ? `Published v${result.version.version} (${result.version.testSummary.passed}/${result.version.testSummary.total} tests passed).` : `Already published as v${result.version.version}.`);
  }, [isDirty, saveDraft, run, document, expression, tests]);

  const whatChanges = useCallback(async (): Promise<void> => {
    if (isDirty && !(await saveDraft())) return;
    const result = await run('Comparing…', () => document.whatChanges());
    if (result !== undefined) setChanges(result);
  }, [isDirty, saveDraft, run, document]);

  useEditorShortcuts({ onSave: () => void saveDraft(), onRunTests: () => void runTests() });

  const saveCurrentAsTest = (name: string): void => {
    const input = records?.[selectedIndex];
    if (input === undefined || selected === undefined || !selected.ok) return;
    setTests((current) => [...current.filter((test) => test.name !== name), { name, input, output: selected.value ?? null }]);
    setNotice(`Test "${name}" added: save the draft to keep it.`);
  };

  const openKey = isStored ? `${props.source}/${props.domain}` : '';
  const loadError = document.loadError;

  return (
    <section className="page page-full">
      <header className="page-header page-header-row">
        <div>
          <h1>
            <a href="#/mappings" className="crumb">Mappings</a> / {isStored ? `${props.source} → ${props.domain}` : 'Scratch workbench'}
          </h1>
          <p className="muted">
            {isStored
              ? 'Edit the draft against samples; tests and publishing go through the server.'
              : 'Paste source records, write the JSONata mapping and see the canonical output as you type. Nothing here is stored.'}
            {!canWrite && ' Your role can try mappings here but not save them.'}
          </p>
        </div>
        <div className="header-controls">
          <label className="field field-inline">
            <span>Open</span>
            <select value={openKey} onChange={(event) => navigate(event.target.value === '' ? '#/mappings/workbench' : hrefOf(['mappings', 'edit', ...event.target.value.split('/')]))} aria-label="Open a stored mapping">
              <option value="">Scratch workbench (not stored)</option>
              {stored.mappings.map((mapping) => (
                <option key={`${mapping.source}/${mapping.domain}`} value={`${mapping.source}/${mapping.domain}`}>
                  {mapping.source} → {mapping.domain}
                  {mapping.status === 'draft' ? ' (draft)' : ` (v${mapping.publishedVersion ?? '?'})`}
                </option>
              ))}
            </select>
          </label>
          <label className="field field-inline">
            <span>Target domain</span>
            <select value={domain} disabled={isStored} onChange={(event) => setDomain(event.target.value)}>
              {(domains.length > 0 ? domains.map((entry) => entry.domain) : [domain]).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {isStored && (
        <MappingToolbar
          view={document.view}
          isNew={document.isNew}
          isDirty={isDirty}
          busy={busy}
          canWrite={canWrite}
          canPublish={canPublish}
          onSave={() => void saveDraft()}
          onRunTests={() => void runTests()}
          onPublish={() => void publish()}
        />
      )}
      {loadError !== null && <ErrorNotice error={loadError} />}
      {actionError !== null && <ErrorNotice error={actionError} onDismiss={() => setActionError(null)} />}
      {notice !== '' && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      {schemaLoadError !== null && <ErrorNotice error={schemaLoadError} />}
      {server.error !== null && <ErrorNotice error={server.error} />}
      {stored.error !== null && <ErrorNotice error={stored.error} />}
      <div className="workbench">
        <SamplePane
          sampleText={sampleText}
          onSampleText={setSampleText}
          format={format}
          onFormat={setFormat}
          formatOptions={formatOptions}
          onFormatOptions={setFormatOptions}
          parsed={parsed}
          lookupsText={lookupsText}
          onLookupsText={setLookupsText}
          lookupsError={lookupsError}
          picker={
            isStored ? (
              <SamplePicker
                source={props.source ?? ''}
                domain={props.domain ?? ''}
                onPick={(text, label) => {
                  setSampleText(text);
                  setFormat('auto');
                  setSelectedIndex(0);
                  setNotice(`Sample loaded: ${label}`);
                }}
                onError={setActionError}
              />
            ) : undefined
          }
        />
        <section className="pane" aria-label="Mapping expression">
          <header className="pane-header">
            <h2>Expression</h2>
            <span className="muted">Ctrl+Space for fields and functions</span>
          </header>
          <MonacoEditor
            value={expression}
            language={JSONATA_LANGUAGE_ID}
            ariaLabel="JSONata mapping expression"
            onChange={setExpression}
            onReady={(created) => {
              editorRef.current = created;
              setEditor(created);
            }}
          />
        </section>
        <section className="pane" aria-label="Output">
          <header className="pane-header">
            <h2>Output</h2>
            <div className="record-picker">
              <button type="button" className="button-ghost" aria-label="Previous record" disabled={selectedIndex === 0} onClick={() => setSelectedIndex((index) => index - 1)}>
                ‹
              </button>
              <span>
                Record {results.length === 0 ? 0 : selectedIndex + 1} of {results.length}
              </span>
              <button
                type="button"
                className="button-ghost"
                aria-label="Next record"
                disabled={selectedIndex >= results.length - 1}
                onClick={() => setSelectedIndex((index) => index + 1)}
              >
                ›
              </button>
            </div>
          </header>
          <MonacoEditor value={outputText} language="json" ariaLabel="Mapping output (read-only)" isReadOnly options={{ lineNumbers: 'off', folding: true }} />
          <footer className="pane-footer">{status}</footer>
        </section>
      </div>
      {isStored && (
        <div className="tabs bottom-tabs" role="tablist" aria-label="Mapping panels">
          {(
            [
              ['problems', `Problems (${problems.length})`],
              ['tests', `Tests (${tests.length})`],
              ['versions', 'Versions'],
              ['changes', 'What changes'],
            ] as Array<[BottomTab, string]>
          ).map(([value, label]) => (
            <button key={value} type="button" role="tab" aria-selected={tab === value} className={tab === value ? 'tab active' : 'tab'} onClick={() => setTab(value)}>
              {label}
            </button>
          ))}
        </div>
      )}
      {(!isStored || tab === 'problems') && <ProblemsPanel problems={problems} onJump={jump} note={schema === null ? 'Schema not loaded: output is not validated.' : undefined} />}
      {isStored && tab === 'tests' && (
        <div className="bottom-panel">
          <TestsPanel
            tests={tests}
            report={report}
            isRunning={busy === 'Running tests…'}
            canWrite={canWrite}
            canSaveCurrent={selected?.ok === true}
            onSaveCurrent={saveCurrentAsTest}
            onRemove={(index) => setTests((current) => current.filter((_, at) => at !== index))}
            onRunAll={() => void runTests()}
          />
        </div>
      )}
      {isStored && tab === 'versions' && (
        <div className="bottom-panel">
          <VersionsPanel document={document} draftExpression={expression} canPublish={canPublish} onRolledBack={() => setNotice('Rolled back: the published version changed; your draft is unchanged.')} />
        </div>
      )}
      {isStored && tab === 'changes' && (
        <div className="bottom-panel">
          <WhatChangesPanel preview={changes} isRunning={busy === 'Comparing…'} onRun={() => void whatChanges()} />
        </div>
      )}
    </section>
  );
}
