/**
 * Turns a file the analyst picked into an upload-job body. Upload jobs read CSV and NDJSON record by
 * record; a JSON document (an array of records, or one record) is converted to NDJSON here, so the
 * three formats the studio offers all reach the same endpoint.
 */
export type UploadBody = { ok: true; body: string; contentType: string; format: 'csv' | 'ndjson' | 'json' } | { ok: false; message: string };

/** The body and content type for `fileName` holding `text`. */
export function uploadBodyOf(fileName: string, text: string): UploadBody {
  const extension = fileName.toLowerCase().split('.').pop() ?? '';
  if (text.trim() === '') return { ok: false, message: `${fileName} is empty.` };
  if (extension === 'csv') return { ok: true, body: text, contentType: 'text/csv', format: 'csv' };
  if (extension === 'ndjson' || extension === 'jsonl') return { ok: true, body: text, contentType: 'application/x-ndjson', format: 'ndjson' };
  if (extension === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return { ok: false, message: `${fileName} is not valid JSON: ${(error as Error).message}` };
    }
    const records = Array.isArray(value) ? value : [value];
    const bad = records.findIndex((record) => record === null || typeof record !== 'object' || Array.isArray(record));
    if (bad !== -1) return { ok: false, message: `${fileName}: record ${bad + 1} is not a JSON object (a JSON file holds one object or an array of objects).` };
    if (records.length === 0) return { ok: false, message: `${fileName} holds an empty array: no records to load.` };
    return { ok: true, body: `${records.map((record) => JSON.stringify(record)).join('\n')}\n`, contentType: 'application/x-ndjson', format: 'json' };
  }
  return { ok: false, message: `${fileName}: choose a .csv, .ndjson (or .jsonl) or .json file.` };
}
