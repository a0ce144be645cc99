/**
 * Mapping editor: sample payload → JSONata expression → live output, every record checked against
 * the canonical schema. For a stored mapping (`source`/`domain`) it also saves the draft, keeps test
 * cases, runs them, publishes, shows versions and "what changes", and loads files through the
 * published version; without one it is a scratch workbench. State lives in one reducer
 * (editorState.ts), server actions in useMappingActions, each panel in its own file.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { SOURCE_PATTERN } from '../../../../server/contracts/mappings';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useUnsavedChangesGuard } from '../../app/navigationGuard';
import { useAbility, useSession } from '../../app/SessionContext';
import { MonacoEditor } from '../../editor/MonacoEditor';
import type { CodeEditor } from '../../editor/MonacoEditor';
import { setJsonataMarkers } from '../../jsonata/monaco/markers';
import { clearJsonataContext, setJsonataContext } from '../../jsonata/monaco/registerJsonata';
import { JSONATA_LANGUAGE_ID } from '../../jsonata/monarch';
import { requiredFieldsNeverSet, validateOutput } from '../../jsonata/outputCheck';
import { parseSamples } from '../../samples/parseSamples';
import { sourceFormatOfChoice } from '../../mappings/sourceFormat';
import { stableJson } from '../../ui/format';
import { editorReducer, initialEditorState, snapshotOf } from './editorState';
import type { BottomTab } from './editorState';
import { EXAMPLE_DOMAIN, EXAMPLE_EXPRESSION, EXAMPLE_LOOKUPS, EXAMPLE_SAMPLES } from './exampleMapping';
import { MappingHeader } from './MappingHeader';
import { MappingToolbar } from './MappingToolbar';
import { OutputPane } from './OutputPane';
import { ProblemsPanel } from './ProblemsPanel';
import { collectProblems } from './problems';
import { checkEveryRecord } from './recordCheck';
import { RecordsPanel } from './RecordsPanel';
import { SamplePane } from './SamplePane';
import { SamplePicker, exceptionSample } from './SamplePicker';
import { missingRequired, schemaFieldTree } from './schemaTree';
import { SchemaTreePanel } from './SchemaTreePanel';
import { TestsPanel } from './TestsPanel';
import { UploadPanel } from './UploadPanel';
import { useCanonicalSchemas } from './useCanonicalSchemas';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useLiveEvaluation } from './useLiveEvaluation';
import { useMappingActions } from './useMappingActions';
import { useMappingDocument } from './useMappingDocument';
import type { MappingContent } from './useMappingDocument';
import { useServerLookups } from './useServerLookups';
import { useStoredMappings } from './useStoredMappings';
import { VersionsPanel } from './VersionsPanel';
import { WhatChangesPanel } from './WhatChangesPanel';
import { TabList, tabPanelProps } from '../../ui/Tabs';

type Lookups = Record<string, Record<string, unknown>>;

const SOURCE_NAME = new RegExp(SOURCE_PATTERN);

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
  if (props.source !== undefined && !SOURCE_NAME.test(props.source)) {
    return (
      <section className="page">
        <h1>
          <a href="#/mappings" className="crumb">
            Mappings
          </a>{' '}
          / {props.source}
        </h1>
        <p className="notice notice-error" role="alert">
          “{props.source}” is not a source system name: use lower-case letters, digits, “_” and “-”, starting with a letter or digit (at most 63 characters).
        </p>
      </section>
    );
  }
  return <MappingEditor {...props} />;
}

function MappingEditor(props: { source?: string; domain?: string; exceptionId?: string }) {
  const { client } = useSession();
  const canWrite = useAbility('mappings.write');
  const canPublish = useAbility('mappings.publish');
  const canUpload = useAbility('ingest.upload');
  const isStored = props.source !== undefined && props.domain !== undefined;
  const [state, dispatch] = useReducer(
    editorReducer,
    { domain: props.domain ?? EXAMPLE_DOMAIN, expression: isStored ? '' : EXAMPLE_EXPRESSION, sampleText: isStored ? '' : EXAMPLE_SAMPLES, lookupsText: isStored ? '' : EXAMPLE_LOOKUPS },
    initialEditorState,
  );
  const { domain, expression, tests, selectedIndex, tab } = state;
  const [editor, setEditor] = useState<CodeEditor | null>(null);
  const editorRef = useRef<CodeEditor | null>(null);

  const { domains, schema, error: schemaLoadError } = useCanonicalSchemas(domain);
  const stored = useStoredMappings();
  const document = useMappingDocument(isStored ? { source: props.source ?? '', domain: props.domain ?? '' } : null);
  const { loaded } = document;

  // After loading and after every save, publish or rollback: show what the server holds. Sample text
  // that reads as exactly the stored records (a pasted CSV just saved) is kept as typed.
  const recordsRef = useRef<unknown[] | null>(null);
  useEffect(() => {
    if (loaded === null) return;
    const current = recordsRef.current;
    const keepSampleText = current !== null && current.length > 0 && stableJson(current) === stableJson(loaded.samples);
    dispatch({ type: 'serverContent', content: loaded, keepSampleText });
  }, [loaded]);

  // After the stored content is in place, so the exception's payload is not replaced by the saved samples.
  const isContentReady = !isStored || loaded !== null;
  useEffect(() => {
    if (props.exceptionId === undefined || !isContentReady) return;
    exceptionSample(client, props.exceptionId).then(
      (sample) => dispatch({ type: 'sampleLoaded', text: sample.text, notice: `Sample loaded from the exception queue: ${sample.label}` }),
      (error: unknown) => dispatch({ type: 'actionFailed', error }),
    );
  }, [client, props.exceptionId, isContentReady]);

  // The sample is read with the source's format and options (the same ingest reads with); the stored
  // samples are records already, read as JSON.
  const { sampleText, sampleKind, format: sampleFormat, formatOptions } = state;
  const parsed = useMemo(
    () => (sampleKind === 'records' ? parseSamples(sampleText, 'auto') : parseSamples(sampleText, sampleFormat, formatOptions)),
    [sampleText, sampleKind, sampleFormat, formatOptions],
  );
  const { lookups: pastedLookups, error: lookupsError } = useMemo(() => parseLookups(state.lookupsText), [state.lookupsText]);
  const server = useServerLookups(expression);
  const lookups = useMemo(() => ({ ...server.entries, ...pastedLookups }), [server.entries, pastedLookups]);
  const lookupTables = useMemo(() => {
    const pasted = Object.entries(pastedLookups).map(([name, entries]) => ({ name, description: `Pasted on this page: ${Object.keys(entries).length} entries` }));
    return [...pasted, ...server.tables.filter((table) => !(table.name in pastedLookups))];
  }, [pastedLookups, server.tables]);
  const records = parsed.ok ? parsed.records : null;
  recordsRef.current = records;
  const { outcome, evaluatedExpression, isRunning } = useLiveEvaluation({ expression, records, lookups });

  useEffect(() => {
    if (records !== null && selectedIndex >= records.length && selectedIndex > 0) dispatch({ type: 'recordSelected', index: Math.max(0, records.length - 1) });
  }, [records, selectedIndex]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return undefined;
    setJsonataContext(model, { samples: records ?? [], lookupTables, targetSchema: schema ?? undefined });
    return () => clearJsonataContext(model);
  }, [editor, records, lookupTables, schema]);

  const results = useMemo(() => (outcome?.status === 'done' && outcome.response.compileError === null ? outcome.response.results : []), [outcome]);
  const selected = results[selectedIndex];
  const recordCheck = useMemo(() => checkEveryRecord(schema, results), [schema, results]);
  const outputs = useMemo(() => results.flatMap((result) => (result.ok && result.value !== undefined ? [result.value] : [])), [results]);
  const schemaTree = useMemo(() => (schema === null ? null : schemaFieldTree(schema, outputs)), [schema, outputs]);
  const missing = useMemo(() => (schemaTree === null ? [] : missingRequired(schemaTree, outputs.length)), [schemaTree, outputs.length]);
  const schemaErrors = useMemo(() => (schema !== null && selected?.ok && selected.value !== undefined ? validateOutput(schema, selected.value) : []), [schema, selected]);
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
    if (outcome === null || outcome.status !== 'done') return '';
    if (outcome.response.compileError !== null) return '// The expression does not compile yet: see Problems below.';
    if (selected === undefined) return '';
    if (!selected.ok) return `// ${selected.error.code}: ${selected.error.message}`;
    return selected.value === undefined ? '// The expression produced no value for this record.' : JSON.stringify(selected.value, null, 2);
  }, [outcome, selected]);

  const failedCount = recordCheck.failures.length;
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
    () => {
      const format = sourceFormatOfChoice({ format: sampleFormat, options: formatOptions, previous: loaded?.format });
      return {
        expression,
        samples: records ?? loaded?.samples ?? [],
        tests,
        description: document.view?.description ?? loaded?.description ?? '',
        ...(format ? { format } : {}),
      };
    },
    [expression, records, loaded, tests, document.view, sampleFormat, formatOptions],
  );
  const isDirty = isStored && loaded !== null && snapshotOf(content) !== state.savedSnapshot;
  useUnsavedChangesGuard(isDirty, `The mapping ${props.source ?? ''} → ${props.domain ?? ''}`);

  const actions = useMappingActions({ document, state, dispatch, content, isStored, isDirty, canWrite });
  useEditorShortcuts({ onSave: () => void actions.saveDraft(), onRunTests: () => void actions.runTests() });

  const saveCurrentAsTest = (name: string): void => {
    const input = records?.[selectedIndex];
    if (input === undefined || selected === undefined || !selected.ok) return;
    dispatch({ type: 'testAdded', test: { name, input, output: selected.value ?? null } });
  };

  const loadTestInput = (index: number): void => {
    const test = tests[index];
    if (test === undefined) return;
    dispatch({ type: 'sampleLoaded', text: JSON.stringify([test.input], null, 2), notice: `Sample loaded: the input of test “${test.name}”.` });
  };

  const noProblemsText =
    failedCount === 0
      ? 'No problems: every sample record maps and matches the canonical schema.'
      : `No problems in record ${selectedIndex + 1}, but ${failedCount} of ${results.length} records fail: see the Records tab.`;

  const tabs: Array<[BottomTab, string]> = [
    ['problems', `Problems (${problems.length})`],
    ['records', failedCount > 0 ? `Records (${failedCount} of ${results.length} fail)` : `Records (${results.length})`],
    ['schema', missing.length > 0 ? `Target schema (${missing.length} missing)` : 'Target schema'],
    ...(isStored
      ? ([
          ['tests', `Tests (${tests.length})`],
          ['versions', 'Versions'],
          ['changes', 'What changes'],
          ...(canUpload ? [['load', 'Load data'] as [BottomTab, string]] : []),
        ] as Array<[BottomTab, string]>)
      : []),
  ];

  // The sample input: content type + options (mappings/SampleFormat.tsx) and the parsed tree (mappings/SampleTree.tsx).
  const samplePanel = (
    <SamplePane
      sampleText={state.sampleText}
      onSampleText={(text) => dispatch({ type: 'sampleTextEdited', text })}
      format={state.format}
      formatOptions={formatOptions}
      formatError={state.actionError}
      onFormatChange={(next) => dispatch({ type: 'formatChosen', format: next.format, options: next.options })}
      sampleKind={sampleKind}
      parsed={parsed}
      lookupsText={state.lookupsText}
      onLookupsText={(text) => dispatch({ type: 'lookupsEdited', text })}
      lookupsError={lookupsError}
      picker={
        isStored ? (
          <SamplePicker
            source={props.source ?? ''}
            domain={props.domain ?? ''}
            onPick={(text, label) => dispatch({ type: 'sampleLoaded', text, notice: `Sample loaded: ${label}` })}
            onError={(error) => dispatch({ type: 'actionFailed', error })}
          />
        ) : undefined
      }
    />
  );

  return (
    <section className="page page-full">
      <MappingHeader
        source={props.source}
        domain={domain}
        isStored={isStored}
        canWrite={canWrite}
        mappings={stored.mappings}
        domains={domains.map((entry) => entry.domain)}
        onDomain={(next) => dispatch({ type: 'domainChosen', domain: next })}
      />
      {isStored && (
        <MappingToolbar
          view={document.view}
          isNew={document.isNew}
          isDirty={isDirty}
          hasLoadError={document.loadError !== null}
          busy={state.busy}
          canWrite={canWrite}
          canPublish={canPublish}
          onSave={() => void actions.saveDraft()}
          onRunTests={() => void actions.runTests()}
          onPublish={() => void actions.publish()}
        />
      )}
      {document.loadError !== null && <ErrorNotice error={document.loadError} />}
      {state.actionError !== null && <ErrorNotice error={state.actionError} onDismiss={() => dispatch({ type: 'errorDismissed' })} />}
      {state.notice !== '' && (
        <p className="notice notice-success" role="status">
          {state.notice}
        </p>
      )}
      {schemaLoadError !== null && <ErrorNotice error={schemaLoadError} />}
      {server.error !== null && <ErrorNotice error={server.error} />}
      {stored.error !== null && <ErrorNotice error={stored.error} />}
      <div className="workbench">
        {samplePanel}
        <section className="pane" aria-label="Mapping expression">
          <header className="pane-header">
            <h2>Expression</h2>
            <span className="muted">Ctrl+Space for fields and functions</span>
          </header>
          <MonacoEditor
            value={expression}
            language={JSONATA_LANGUAGE_ID}
            ariaLabel="JSONata mapping expression"
            onChange={(text) => dispatch({ type: 'expressionEdited', expression: text })}
            onReady={(created) => {
              editorRef.current = created;
              setEditor(created);
            }}
          />
        </section>
        <OutputPane
          text={outputText}
          selectedIndex={selectedIndex}
          count={results.length}
          status={status}
          failedCount={failedCount}
          onSelect={(index) => dispatch({ type: 'recordSelected', index })}
          onShowFailures={() => dispatch({ type: 'tabChosen', tab: 'records' })}
        />
      </div>
      <TabList
        label="Mapping panels"
        idPrefix="mapping-panels"
        className="bottom-tabs"
        tabs={tabs.map(([value, label]) => ({ id: value, label }))}
        selected={tab}
        onSelect={(value) => dispatch({ type: 'tabChosen', tab: value })}
      />
      {tab === 'problems' && (
        <div {...tabPanelProps('mapping-panels', tab)}>
          <ProblemsPanel problems={problems} onJump={jump} emptyText={noProblemsText} note={schema === null ? 'Schema not loaded: output is not validated.' : undefined} />
        </div>
      )}
      {tab === 'records' && (
        <div className="bottom-panel" {...tabPanelProps('mapping-panels', tab)}>
          <RecordsPanel check={recordCheck} selectedIndex={selectedIndex} onSelect={(index) => dispatch({ type: 'recordSelected', index })} />
        </div>
      )}
      {tab === 'schema' && (
        <div className="bottom-panel" {...tabPanelProps('mapping-panels', tab)}>
          <SchemaTreePanel nodes={schemaTree} outputCount={outputs.length} missing={missing} />
        </div>
      )}
      {isStored && tab === 'tests' && (
        <div className="bottom-panel" {...tabPanelProps('mapping-panels', tab)}>
          <TestsPanel
            tests={tests}
            report={state.report}
            isRunning={state.busy === 'Running tests…'}
            canWrite={canWrite}
            canSaveCurrent={selected?.ok === true}
            onSaveCurrent={saveCurrentAsTest}
            onRemove={(index) => dispatch({ type: 'testRemoved', index })}
            onRunAll={() => void actions.runTests()}
            onAcceptActual={(name) => dispatch({ type: 'actualAccepted', name })}
            onLoadInput={loadTestInput}
            removedTestName={state.removedTest?.test.name ?? null}
            onUndoRemove={() => dispatch({ type: 'testRemovalUndone' })}
          />
        </div>
      )}
      {isStored && tab === 'versions' && (
        <div className="bottom-panel" {...tabPanelProps('mapping-panels', tab)}>
          <VersionsPanel
            document={document}
            draftExpression={expression}
            canPublish={canPublish}
            hasUnsavedChanges={isDirty}
            onRolledBack={(version) => dispatch({ type: 'actionFinished', notice: `Rolled back: published v${version}. The editor now shows the server's draft.` })}
          />
        </div>
      )}
      {isStored && tab === 'changes' && (
        <div className="bottom-panel" {...tabPanelProps('mapping-panels', tab)}>
          <WhatChangesPanel preview={state.changes} isRunning={state.busy === 'Comparing…'} onRun={() => void actions.whatChanges()} />
        </div>
      )}
      {isStored && tab === 'load' && canUpload && (
        <div className="bottom-panel" {...tabPanelProps('mapping-panels', tab)}>
          <UploadPanel source={props.source ?? ''} domain={props.domain ?? ''} publishedVersion={document.view?.publishedVersion ?? null} />
        </div>
      )}
    </section>
  );
}
