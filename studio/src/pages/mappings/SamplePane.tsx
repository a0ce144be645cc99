/**
 * Left pane: sample payloads as the source sends them (read with the picked format and options, which are
 * saved with the draft) or the stored sample records, the parsed first record as a tree, and lookup tables.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import type { ParsedSamples } from '../../samples/parseSamples';
import type { SourceFormatOptions } from '../../../../server/ingest/formats/registry';
import { SampleFormatPicker } from '../../mappings/SampleFormat';
import type { SampleFormatChoice } from '../../mappings/sourceFormat';
import { SampleTree } from '../../mappings/SampleTree';
import { TabList, tabPanelProps } from '../../ui/Tabs';

export interface SamplePaneProps {
  sampleText: string;
  onSampleText: (text: string) => void;
  /** The source's format (saved with the draft) and its parser options (delimiter, record path, …). */
  format: SampleFormatChoice;
  formatOptions: SourceFormatOptions;
  onFormatChange: (next: { format: SampleFormatChoice; options: SourceFormatOptions }) => void;
  /** The last save's refusal (its `format` details are shown by the format controls). */
  formatError?: unknown;
  /** `records`: the text is the stored samples (JSON records); `payload`: text as the source sends it. */
  sampleKind: 'records' | 'payload';
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
  const count = props.parsed.ok ? `${props.parsed.records.length} record${props.parsed.records.length === 1 ? '' : 's'}` : '';
  const summary = props.sampleKind === 'records' ? `${count} · stored samples (parsed records); paste a payload to read it as ${props.format === 'auto' ? 'JSON' : props.format.toUpperCase()}` : `${count} · ${props.parsed.format.toUpperCase()}`;
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
            onChange={props.onFormatChange}
            error={props.formatError}
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
