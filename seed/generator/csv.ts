/** Minimal RFC 4180 writer: the seed's CSV extracts must be parseable by any ordinary reader. */

/** Quotes a field when it contains the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter = ','): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Header + rows, CRLF-free, with a trailing newline, separated by `delimiter` (`|` for Lawson
 * extracts). Rows given as raw lines are written verbatim (in the delimiter of the file).
 */
export function toCsv(input: { columns: string[]; rows: Array<Record<string, string> | { rawLine: string }>; delimiter?: string }): string {
  const delimiter = input.delimiter ?? ',';
  const lines = [input.columns.map((column) => csvField(column, delimiter)).join(delimiter)];
  for (const row of input.rows) {
    if ('rawLine' in row && typeof row.rawLine === 'string') lines.push(row.rawLine);
    else lines.push(input.columns.map((column) => csvField((row as Record<string, string>)[column] ?? '', delimiter)).join(delimiter));
  }
  return `${lines.join('\n')}\n`;
}
