/**
 * Writing an outbound mapping's message in the target's content type. The mapping returns data; these
 * writers make the bytes, so mappings never hand-build quoting or escaping:
 * - json: any JSON value.
 * - csv: an object (one row) or an array of objects (rows); the header is the union of keys in first-seen order.
 * - xml: a string the mapping built (XML namespaces and layouts vary too much per target for a generic object form).
 * - hl7v2: ER7 — an array of segments, each an array of fields (`["MSH", "^~\\&", …]`); a field may be
 *   a string, an array of components, or an array of arrays (components of subcomponents). Values are
 *   escaped (\F\ \S\ \T\ \R\ \E\), segments end with \r.
 */
import type { ContentType } from './types';

export class MessageFormatError extends Error {
  readonly code = 'MESSAGE_FORMAT_ERROR';
}

export const MEDIA_TYPES: Record<ContentType, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  hl7v2: 'x-application/hl7-v2+er7; charset=utf-8',
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') throw new MessageFormatError('a CSV cell must be a string, number or boolean, not an object or array');
  const text = String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function writeCsv(message: unknown): string {
  const rows = Array.isArray(message) ? message : [message];
  if (rows.length === 0 || !rows.every(isPlainObject))
    throw new MessageFormatError('a CSV message must be an object (one row) or an array of objects (rows)');
  const header: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => header.map((key) => csvCell(row[key])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** HL7 v2 escaping with the standard delimiters | ^ ~ \ &. */
function escapeHl7(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') throw new MessageFormatError('an HL7 v2 value must be a string, number or boolean');
  return String(value)
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/&/g, '\\T\\')
    .replace(/~/g, '\\R\\')
    .replace(/\r\n|\r|\n/g, '\\X0D\\');
}

function hl7Field(field: unknown): string {
  if (!Array.isArray(field)) return escapeHl7(field);
  return field.map((component) => (Array.isArray(component) ? component.map(escapeHl7).join('&') : escapeHl7(component))).join('^');
}

function writeHl7(message: unknown): string {
  if (
    !Array.isArray(message) ||
    message.length === 0 ||
    !message.every((s) => Array.isArray(s) && typeof s[0] === 'string' && /^[A-Z][A-Z0-9]{2}$/.test(s[0]))
  ) {
    throw new MessageFormatError('an HL7 v2 message must be an array of segments, each an array starting with a segment id such as "MSH"');
  }
  const segments = (message as unknown[][]).map((segment) => {
    if (segment[0] === 'MSH') {
      // MSH-1 is the field separator itself and MSH-2 the encoding characters: written as they are.
      const encoding = typeof segment[1] === 'string' ? segment[1] : '^~\\&';
      return ['MSH', encoding, ...segment.slice(2).map(hl7Field)].join('|');
    }
    return [segment[0], ...segment.slice(1).map(hl7Field)].join('|');
  });
  return `${segments.join('\r')}\r`;
}

/** Writes one message; throws MessageFormatError naming what is wrong. */
export function writeMessage(contentType: ContentType, message: unknown): string {
  switch (contentType) {
    case 'json':
      return JSON.stringify(message);
    case 'csv':
      return writeCsv(message);
    case 'xml':
      if (typeof message !== 'string' || !message.trimStart().startsWith('<'))
        throw new MessageFormatError('an XML message must be a string holding the XML document');
      return message;
    case 'hl7v2':
      return writeHl7(message);
  }
}
