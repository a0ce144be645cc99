/**
 * Shapes shared by every source format (browser-safe: no Node imports, so the studio parses samples
 * with exactly the code the server ingests with).
 */

/** Where a record (or an unreadable piece of input) sits in what the source sent. */
export interface ItemPosition {
  /** 1-based physical line (CSV/delimited, NDJSON, XML). */
  line?: number;
  /** 0-based index in a JSON array, a FHIR Bundle's entries or the XML records. */
  index?: number;
  /** 1-based message (HL7 v2) or transaction set (X12) in the body. */
  message?: number;
  /** Where inside it: `PKG-4` (segment 5, field 4), `ST 0002 / LIN loop 3 / CTP`, `/Envelope/Body/Supplier[2]`. */
  path?: string;
}

/** One record read from the input, or a piece of input that could not be read (kept with its text). */
export type ParsedItem =
  | { kind: 'record'; raw: unknown; position: ItemPosition }
  | { kind: 'unreadable'; code: string; message: string; text: string; position: ItemPosition };

/** Text encodings a source may send (decoded before parsing; UTF-16 is read with its byte-order mark). */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1', 'utf-16'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** A whole input that cannot be read at all (not one bad record among good ones). */
export class FormatError extends Error {
  readonly code: string;
  readonly position: ItemPosition;
  constructor(code: string, message: string, position: ItemPosition = {}) {
    super(message);
    this.name = 'FormatError';
    this.code = code;
    this.position = position;
  }
}

/** Describes a position for messages: `message 3, PKG-4`. */
export function describePosition(position: ItemPosition): string {
  const parts: string[] = [];
  if (position.message !== undefined) parts.push(`message ${position.message}`);
  if (position.line !== undefined) parts.push(`line ${position.line}`);
  if (position.index !== undefined && position.message === undefined) parts.push(`record ${position.index}`);
  if (position.path) parts.push(position.path);
  return parts.join(', ');
}
