/**
 * Parses pasted sample payloads into mapping inputs with the server's own parsers
 * (server/ingest/formats): a sample reads in the studio exactly as the same payload reads on ingest.
 * JSON (an array means one record per item) and NDJSON are recognised when no format is chosen; every
 * other format is chosen explicitly with its options — the delimiter of delimited text is never guessed.
 */
import { parseFormatText, type FormatName, type SourceFormatOptions } from '../../../server/ingest/formats/registry';
import { describePosition } from '../../../server/ingest/formats/types';

/** `csv` is delimited text (with the delimiter from the options, `,` by default). */
export type SampleFormat = Exclude<FormatName, 'delimited'> | 'csv';

export type ParsedSamples =
  { ok: true; format: SampleFormat; records: unknown[] } | { ok: false; format: SampleFormat; message: string; line?: number };

function parseWith(format: SampleFormat, text: string, options: SourceFormatOptions): ParsedSamples {
  const items = parseFormatText(format === 'csv' ? 'delimited' : format, text, options);
  const unreadable = items.find((item) => item.kind === 'unreadable');
  if (unreadable && unreadable.kind === 'unreadable') {
    const where = describePosition(unreadable.position);
    return {
      ok: false,
      format,
      message: `${unreadable.message}${where && !unreadable.message.includes(where) ? ` (${where})` : ''}`,
      ...(unreadable.position.line !== undefined ? { line: unreadable.position.line } : {}),
    };
  }
  if (format === 'csv' && options.header !== false) {
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const header = parseFormatText('delimited', `${firstLine}\n`, { ...options, header: false }).flatMap((item) =>
      item.kind === 'record' ? Object.values(item.raw as Record<string, string>) : [],
    );
    const duplicate = header.find((name, index) => header.indexOf(name) !== index);
    if (duplicate !== undefined) return { ok: false, format, message: `The header row names the column "${duplicate}" twice.`, line: 1 };
  }
  return { ok: true, format, records: items.map((item) => (item.kind === 'record' ? item.raw : null)) };
}

/** Parses a pasted sample in `format` (JSON / NDJSON detected when 'auto') with the source's options. */
export function parseSamples(text: string, format: SampleFormat | 'auto' = 'auto', options: SourceFormatOptions = {}): ParsedSamples {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, format: format === 'auto' ? 'json' : format, records: [] };
  if (format !== 'auto') return parseWith(format, text, options);
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (looksJson) {
    const json = parseWith('json', trimmed, options);
    // Several JSON objects on separate lines is NDJSON, not a broken JSON document.
    if (!json.ok && trimmed.startsWith('{') && trimmed.includes('\n')) {
      const ndjson = parseWith('ndjson', trimmed, options);
      if (ndjson.ok) return ndjson;
    }
    return json.ok ? json : { ...json, message: json.message.replace('The JSON cannot be read', 'The sample is not valid JSON') };
  }
  if (trimmed.startsWith('MSH') || trimmed.startsWith('FHS') || trimmed.startsWith('BHS')) return parseWith('hl7v2', text, options);
  if (trimmed.startsWith('ISA')) return parseWith('x12', text, options);
  if (trimmed.startsWith('<')) return parseWith('xml', text, options);
  return parseWith('csv', text, options);
}
