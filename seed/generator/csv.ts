/** Minimal RFC 4180 writer: the seed's CSV extracts must be parseable by any ordinary reader. */

/** Quotes a field when it contains a delimiter, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Header + rows, CRLF-free, with a trailing newline. Rows given as raw lines are written verbatim. */
export function toCsv(input: { columns: string[]; rows: Array<Record<string, string> | { rawLine: string }> }): string {
  const lines = [input.columns.map(csvField).join(',')];
  for (const row of input.rows) {
    if ('rawLine' in row && typeof row.rawLine === 'string') lines.push(row.rawLine);
    else lines.push(input.columns.map((column) => csvField((row as Record<string, string>)[column] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}
