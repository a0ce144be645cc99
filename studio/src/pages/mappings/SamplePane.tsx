/** Left pane: pasted sample payloads (JSON, NDJSON or CSV with a header row) and lookup tables. */
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ParsedSamples, SampleFormat } from '../../samples/parseSamples';

export interface SamplePaneProps {
  sampleText: string;
  onSampleText: (text: string) => void;
  format: SampleFormat | 'auto';
  onFormat: (format: SampleFormat | 'auto') => void;
  parsed: ParsedSamples;
  lookupsText: string;
  onLookupsText: (text: string) => void;
  lookupsError: string | null;
  /** A control that loads samples from the server (recent payloads, the exception queue). */
  picker?: ReactNode;
}

const FORMATS: Array<[SampleFormat | 'auto', string]> = [
  ['auto', 'Detect'],
  ['json', 'JSON'],
  ['ndjson', 'NDJSON'],
  ['csv', 'CSV'],
];

/** The sample and lookup inputs for the mapping under test. */
export function SamplePane(props: SamplePaneProps) {
  const [tab, setTab] = useState<'samples' | 'lookups'>('samples');
  const summary = props.parsed.ok
    ? `${props.parsed.records.length} record${props.parsed.records.length === 1 ? '' : 's'} · ${props.parsed.format.toUpperCase()}`
    : 'Not readable';
  return (
    <section className="pane" aria-label="Sample payload">
      <header className="pane-header">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'samples'} className={tab === 'samples' ? 'tab active' : 'tab'} onClick={() => setTab('samples')}>
            Samples
          </button>
          <button type="button" role="tab" aria-selected={tab === 'lookups'} className={tab === 'lookups' ? 'tab active' : 'tab'} onClick={() => setTab('lookups')}>
            Lookups
          </button>
        </div>
        {tab === 'samples' && props.picker}
        {tab === 'samples' && (
          <select aria-label="Sample format" value={props.format} onChange={(event) => props.onFormat(event.target.value as SampleFormat | 'auto')}>
            {FORMATS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </header>
      {tab === 'samples' ? (
        <>
          <textarea
            className="code-input"
            spellCheck={false}
            aria-label="Sample records: JSON, NDJSON or CSV with a header row"
            value={props.sampleText}
            onChange={(event) => props.onSampleText(event.target.value)}
            placeholder={'Paste source records: a JSON object or array, NDJSON, or CSV with a header row.'}
          />
          <footer className={props.parsed.ok ? 'pane-footer' : 'pane-footer error-text'}>
            {props.parsed.ok ? summary : props.parsed.message}
          </footer>
        </>
      ) : (
        <>
          <textarea
            className="code-input"
            spellCheck={false}
            aria-label="Lookup tables as JSON: table name → { source code: canonical value }"
            value={props.lookupsText}
            onChange={(event) => props.onLookupsText(event.target.value)}
            placeholder={'{ "uom": { "CA": "CS" } }'}
          />
          <footer className={props.lookupsError === null ? 'pane-footer' : 'pane-footer error-text'}>
            {props.lookupsError ?? 'Tables for $lookup(table, key, default?).'}
          </footer>
        </>
      )}
    </section>
  );
}
