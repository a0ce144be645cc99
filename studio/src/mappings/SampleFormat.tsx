/**
 * The sample's content type and its parser options (the same options a mapping's `format` setting and
 * ingest use: server/ingest/formats/registry.ts). The delimiter of delimited text is chosen, not guessed.
 */
import type { SourceFormatOptions } from '../../../server/ingest/formats/registry';
import type { SampleFormatChoice } from './sourceFormat';
import { FieldError } from '../ui/FieldError';
import { invalidProps } from '../ui/fieldErrors';

export type { SampleFormatChoice } from './sourceFormat';

export interface SampleFormatPickerProps {
  format: SampleFormatChoice;
  options: SourceFormatOptions;
  onChange: (next: { format: SampleFormatChoice; options: SourceFormatOptions }) => void;
  /** The last save's refusal: a message about `format` (`format.options.quote`…) is shown by these controls. */
  error?: unknown;
}

const ERROR_ID = 'sample-format-error';

const FORMATS: Array<[SampleFormatChoice, string]> = [
  ['auto', 'Detect (JSON, NDJSON, HL7, X12, XML)'],
  ['json', 'JSON'],
  ['ndjson', 'NDJSON'],
  ['csv', 'Delimited (CSV, pipe, tab…)'],
  ['hl7v2', 'HL7 v2 ER7'],
  ['xml', 'XML / SOAP'],
  ['x12', 'X12 832'],
  ['fhir', 'FHIR R4 Bundle'],
];

const DELIMITERS: Array<[string, string]> = [
  [',', 'comma'],
  ['|', 'pipe |'],
  ['\t', 'tab'],
  [';', 'semicolon'],
];

const list = (text: string): string[] => text.split(',').map((part) => part.trim()).filter(Boolean);

/** Content type select plus the options of the chosen format. */
export function SampleFormatPicker(props: SampleFormatPickerProps) {
  const { format, options } = props;
  const set = (patch: SourceFormatOptions) => props.onChange({ format, options: { ...options, ...patch } });
  const placed = (field: string) => invalidProps(props.error, `format.${field}`, ERROR_ID);
  return (
    <span className="sample-format">
      <select aria-label="Sample format" {...placed('contentType')} value={format} onChange={(event) => props.onChange({ format: event.target.value as SampleFormatChoice, options: {} })}>
        {FORMATS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {format === 'csv' && (
        <>
          <select aria-label="Delimiter" {...placed('options.delimiter')} value={options.delimiter ?? ','} onChange={(event) => set({ delimiter: event.target.value })}>
            {DELIMITERS.map(([value, label]) => (
              <option key={label} value={value}>
                {label}
              </option>
            ))}
          </select>
          <input aria-label="Quote character" {...placed('options.quote')} size={2} maxLength={1} value={options.quote ?? '"'} onChange={(event) => set({ quote: event.target.value })} />
          <label>
            <input type="checkbox" checked={options.header !== false} onChange={(event) => set({ header: event.target.checked })} /> header row
          </label>
        </>
      )}
      {format === 'xml' && (
        <>
          <input aria-label="Record path" {...placed('options.recordPath')} placeholder="Envelope.Body.…Supplier" value={options.recordPath ?? ''} onChange={(event) => set({ recordPath: event.target.value })} />
          <input aria-label="Always arrays" {...placed('options.alwaysArray')} placeholder="Address_Data, ID" value={(options.alwaysArray ?? []).join(', ')} onChange={(event) => set({ alwaysArray: list(event.target.value) })} />
        </>
      )}
      {format === 'fhir' && <input aria-label="Resource type" {...placed('options.resourceType')} placeholder="Organization" value={options.resourceType ?? ''} onChange={(event) => set({ resourceType: event.target.value })} />}
      {format === 'x12' && <input aria-label="Loop segment" {...placed('options.loopSegment')} size={4} value={options.loopSegment ?? 'LIN'} onChange={(event) => set({ loopSegment: event.target.value.toUpperCase() })} />}
      <FieldError id={ERROR_ID} error={props.error} field="format" />
    </span>
  );
}
