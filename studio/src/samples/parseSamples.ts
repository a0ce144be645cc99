/**
 * Parses pasted sample payloads into mapping inputs: a JSON value (an array means one record per
 * item), NDJSON (one record per line) or CSV/delimited text with a header row (one record per row,
 * values kept as strings so leading zeros survive, as they do in real extracts).
 */

export type SampleFormat = 'json' | 'ndjson' | 'csv';

export type ParsedSamples =
  | { ok: true; format: SampleFormat; records: unknown[] }
  | { ok: false; format: SampleFormat; message: string; line?: number };

const DELIMITERS = [',', '|', '\t', ';'];

function splitRecords(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') {
        isQuoted = false;
      } else {
        field += char;
      }
    } else if (char === '"' && field === '') {
      isQuoted = true;
    } else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += char;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => !(cells.length === 1 && cells[0].trim() === ''));
}

/** The delimiter used in the header line: the candidate that occurs most often outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = unquoted.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/** CSV (or pipe/tab/semicolon-delimited) text with a header row → one object per data row. */
export function parseCsv(text: string): ParsedSamples {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const rows = splitRecords(text, detectDelimiter(firstLine));
  if (rows.length === 0) return { ok: false, format: 'csv', message: 'The sample is empty.' };
  const header = rows[0].map((name) => name.trim());
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate !== undefined) return { ok: false, format: 'csv', message: `The header row names the column "${duplicate}" twice.`, line: 1 };
  const records: unknown[] = [];
  for (let rowIndex = 1; rowIndex < rows.length; rowIndex += 1) {
    const cells = rows[rowIndex];
    if (cells.length > header.length) {
      return { ok: false, format: 'csv', message: `Row ${rowIndex + 1} has ${cells.length} cells but the header has ${header.length} columns.`, line: rowIndex + 1 };
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => {
      record[name] = cells[column] ?? '';
    });
    records.push(record);
  }
  return { ok: true, format: 'csv', records };
}

function parseNdjson(text: string): ParsedSamples {
  const records: unknown[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index].trim();
    if (line === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch (err) {
      return { ok: false, format: 'ndjson', message: `Line ${index + 1} is not valid JSON: ${(err as Error).message}`, line: index + 1 };
    }
  }
  return { ok: true, format: 'ndjson', records };
}

/** Parses a pasted sample, detecting the format unless one is given. */
export function parseSamples(text: string, format: SampleFormat | 'auto' = 'auto'): ParsedSamples {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, format: format === 'auto' ? 'json' : format, records: [] };
  if (format === 'csv') return parseCsv(text);
  if (format === 'ndjson') return parseNdjson(text);
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[');
  if (format === 'json' || looksJson) {
    try {
      const value: unknown = JSON.parse(trimmed);
      return { ok: true, format: 'json', records: Array.isArray(value) ? value : [value] };
    } catch (err) {
      // Several JSON objects on separate lines is NDJSON, not a broken JSON document.
      if (format === 'auto' && trimmed.startsWith('{') && trimmed.includes('\n')) {
        const ndjson = parseNdjson(trimmed);
        if (ndjson.ok) return ndjson;
      }
      return { ok: false, format: 'json', message: `The sample is not valid JSON: ${(err as Error).message}` };
    }
  }
  return parseCsv(text);
}
