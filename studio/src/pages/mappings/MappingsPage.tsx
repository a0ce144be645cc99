/**
 * Mappings workbench: sample payload → JSONata expression → live output. Works on pasted samples
 * and lookup tables alone (saving and publishing arrive with the mapping API); the output is checked
 * against the canonical schema fetched from the server.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAbility } from '../../app/SessionContext';
import { MonacoEditor } from '../../editor/MonacoEditor';
import type { CodeEditor } from '../../editor/MonacoEditor';
import { setJsonataMarkers } from '../../jsonata/monaco/markers';
import { clearJsonataContext, setJsonataContext } from '../../jsonata/monaco/registerJsonata';
import { JSONATA_LANGUAGE_ID } from '../../jsonata/monarch';
import { requiredFieldsNeverSet, validateOutput } from '../../jsonata/outputCheck';
import { parseSamples } from '../../samples/parseSamples';
import type { SampleFormat } from '../../samples/parseSamples';
import { EXAMPLE_DOMAIN, EXAMPLE_EXPRESSION, EXAMPLE_LOOKUPS, EXAMPLE_SAMPLES } from './exampleMapping';
import { ProblemsPanel } from './ProblemsPanel';
import { collectProblems } from './problems';
import { SamplePane } from './SamplePane';
import { useCanonicalSchemas } from './useCanonicalSchemas';
import { useLiveEvaluation } from './useLiveEvaluation';
import { useServerLookups } from './useServerLookups';
import { useStoredMappings } from './useStoredMappings';

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

/** The Mappings page. */
export function MappingsPage() {
  const canWrite = useAbility('mappings.write');
  const [domain, setDomain] = useState(EXAMPLE_DOMAIN);
  const [sampleText, setSampleText] = useState(EXAMPLE_SAMPLES);
  const [format, setFormat] = useState<SampleFormat | 'auto'>('auto');
  const [lookupsText, setLookupsText] = useState(EXAMPLE_LOOKUPS);
  const [expression, setExpression] = useState(EXAMPLE_EXPRESSION);
  const [selectedIndex, setSelectedIndex] = useState(0);
  const [editor, setEditor] = useState<CodeEditor | null>(null);
  const editorRef = useRef<CodeEditor | null>(null);

  const { domains, schema, error: schemaLoadError } = useCanonicalSchemas(domain);
  const stored = useStoredMappings();
  const [openedKey, setOpenedKey] = useState('');

  const openStored = async (key: string): Promise<void> => {
    setOpenedKey(key);
    if (key === '') {
      setDomain(EXAMPLE_DOMAIN);
      setExpression(EXAMPLE_EXPRESSION);
      setSampleText(EXAMPLE_SAMPLES);
      setLookupsText(EXAMPLE_LOOKUPS);
      setSelectedIndex(0);
      return;
    }
    const [source, mappingDomain] = key.split('/');
    const opened = await stored.open(source, mappingDomain);
    if (opened === null) return;
    setDomain(opened.domain);
    setExpression(opened.expression);
    setSampleText(JSON.stringify(opened.samples, null, 2));
    setFormat('auto');
    setLookupsText(''); // stored mappings read the server's lookup tables
    setSelectedIndex(0);
  };
  const parsed = useMemo(() => parseSamples(sampleText, format), [sampleText, format]);
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

  return (
    <section className="page page-full">
      <header className="page-header page-header-row">
        <div>
          <h1>Mappings</h1>
          <p className="muted">
            Paste source records (or open a stored mapping with its samples), write the JSONata mapping, and see the
            canonical output as you type.
            {!canWrite && ' Your role can try mappings here but not save them.'}
          </p>
        </div>
        <div className="header-controls">
          <label className="field field-inline">
            <span>Open</span>
            <select value={openedKey} onChange={(event) => void openStored(event.target.value)} aria-label="Open a stored mapping">
              <option value="">Example (not stored)</option>
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
            <select value={domain} onChange={(event) => setDomain(event.target.value)}>
              {(domains.length > 0 ? domains.map((entry) => entry.domain) : [domain]).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {schemaLoadError !== null && <ErrorNotice error={schemaLoadError} />}
      {server.error !== null && <ErrorNotice error={server.error} />}
      {stored.error !== null && <ErrorNotice error={stored.error} />}
      <div className="workbench">
        <SamplePane
          sampleText={sampleText}
          onSampleText={setSampleText}
          format={format}
          onFormat={setFormat}
          parsed={parsed}
          lookupsText={lookupsText}
          onLookupsText={setLookupsText}
          lookupsError={lookupsError}
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
      <ProblemsPanel problems={problems} onJump={jump} note={schema === null ? 'Schema not loaded: output is not validated.' : undefined} />
    </section>
  );
}
