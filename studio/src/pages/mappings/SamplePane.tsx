/** Left pane: pasted sample payloads (JSON, NDJSON or CSV with a header row) and lookup tables. */
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ParsedSamples, SampleFormat } from '../../samples/parseSamples';
import type { SourceFormatOptions } from '../../../../server/ingest/formats/registry';
import { SampleFormatPicker } from '../../mappings/SampleFormat';
import { SampleTree } from '../../mappings/SampleTree';
import { TabList, tabPanelProps } from '../../ui/Tabs';

export interface SamplePaneProps {
  sampleText: string;
  onSampleText: (text: string) => void;
  format: SampleFormat | 'auto';
  onFormat: (format: SampleFormat | 'auto') => void;
  /** Parser options of the chosen format (delimiter, record path, …). */
  formatOptions: SourceFormatOptions;
  onFormatOptions: (options: SourceFormatOptions) => void;
  parsed: ParsedSamples;
  lookupsText: string;
  onLookupsText: (text: string) => void;
  lookupsError: string | null;
  /** A control that loads samples from the server (recent payloads, the exception queue). */
  picker?: ReactNode;
}

/** The sample and lookup inputs for the mapping under test. */
export function SamplePane(props: SamplePaneProps) {
  const [tab, setTab] = useState<'samples' | 'lookups'>('samples');
  const summary = props.parsed.ok
    ? `${props.parsed.records.length} record${props.parsed.records.length === 1 ? '' : 's'} · ${props.parsed.format.toUpperCase()}`
    : 'Not readable';
  return (
    <section className="pane" aria-label="Sample payload">
      <header className="pane-header">
        <TabList
          label="Sample inputs"
          idPrefix="sample-inputs"
          tabs={[
            { id: 'samples', label: 'Samples' },
            { id: 'lookups', label: 'Lookups' },
          ]}
          selected={tab}
          onSelect={setTab}
        />
        {tab === 'samples' && props.picker}
        {tab === 'samples' && (
          <SampleFormatPicker
            format={props.format}
            options={props.formatOptions}
            onChange={(next) => {
              props.onFormat(next.format);
              props.onFormatOptions(next.options);
            }}
          />
        )}
      </header>
      <div className="sample-tab-panel" {...tabPanelProps('sample-inputs', tab)}>
      {tab === 'samples' ? (
        <>
          <textarea
            className="code-input"
            spellCheck={false}
            aria-label="Sample records: JSON, NDJSON or CSV with a header row"
            value={props.sampleText}
            onChange={(event) => props.onSampleText(event.target.value)}
            placeholder={'Paste source records: JSON, NDJSON, delimited text with a header row (pick its delimiter), HL7 v2 messages, XML/SOAP, X12 832 or a FHIR Bundle.'}
          />
          <footer className={props.parsed.ok ? 'pane-footer' : 'pane-footer error-text'}>
            {props.parsed.ok ? summary : props.parsed.message}
          </footer>
          {props.parsed.ok && props.parsed.records.length > 0 && <SampleTree record={props.parsed.records[0]} />}
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
      </div>
    </section>
  );
}
