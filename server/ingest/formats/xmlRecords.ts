/**
 * Reads the records of an XML document one at a time, in bounded memory: a small tag scanner follows
 * the element path (local names) through the text as it arrives in chunks; the text of each element at
 * `recordPath` is cut out and parsed on its own by fast-xml-parser with the same settings as a whole
 * document (`xmlParserFor`), so a streamed record reads exactly like one parsed whole. Only the current
 * record (and the unfinished tag) is held. A record that is not well-formed becomes an XML_PARSE_ERROR
 * naming its element path and line, and the records around it go on.
 *
 * Written here rather than with a SAX library (saxes, sax): the parse of each record must stay
 * fast-xml-parser's (the documented representation), so only tag boundaries are needed — a SAX
 * parser's events would have to be mapped back to text offsets across chunks, which none exposes.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { ItemPosition, ParsedItem } from './types';
import { xmlParserFor, type XmlOptions } from './xmlParser';
import { present } from '../../invariant';

const MAX_TEXT = 65536;

function unreadable(code: string, message: string, text: string, position: ItemPosition): ParsedItem {
  return { kind: 'unreadable', code, message, text: text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text, position };
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) lines += 1;
  return lines;
}

/** Where the scanner finds the end of a markup construct starting at `start`, or -1 (needs more text). */
function markupEnd(text: string, start: number): { end: number; kind: 'skip' | 'open' | 'close' | 'self' } | -1 {
  if (text.startsWith('<!--', start)) {
    const end = text.indexOf('-->', start + 4);
    return end === -1 ? -1 : { end: end + 3, kind: 'skip' };
  }
  if (text.startsWith('<![CDATA[', start)) {
    const end = text.indexOf(']]>', start + 9);
    return end === -1 ? -1 : { end: end + 3, kind: 'skip' };
  }
  if (text.length < start + 9 && '<![CDATA['.startsWith(text.slice(start))) return -1;
  if (text.startsWith('<?', start)) {
    const end = text.indexOf('?>', start + 2);
    return end === -1 ? -1 : { end: end + 2, kind: 'skip' };
  }
  if (text.startsWith('<!', start)) {
    // DOCTYPE, possibly with an internal subset in brackets.
    const close = text.indexOf('>', start);
    const bracket = text.indexOf('[', start);
    if (bracket !== -1 && (close === -1 || bracket < close)) {
      const end = text.indexOf(']>', bracket);
      return end === -1 ? -1 : { end: end + 2, kind: 'skip' };
    }
    return close === -1 ? -1 : { end: close + 1, kind: 'skip' };
  }
  let quote = '';
  for (let index = start + 1; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '>') {
      if (text[start + 1] === '/') return { end: index + 1, kind: 'close' };
      return { end: index + 1, kind: text[index - 1] === '/' ? 'self' : 'open' };
    }
  }
  return -1;
}

/** Splits XML text, arriving in chunks, into the records at `recordPath` (required). */
export class XmlRecordSplitter {
  private readonly recordPath: string[];
  private readonly parse: (text: string) => unknown;
  private pending = '';
  /** Physical line of `pending[0]` (1-based). */
  private pendingLine = 1;
  /** Where scanning resumes in `pending` (text before it is read), and that point's line. */
  private cursor = 0;
  private cursorLine = 1;
  private readonly stack: string[] = [];
  /** Index in `pending` where the record (or SOAP Fault) being read starts, with its line. */
  private capture: { start: number; line: number; isFault: boolean } | null = null;
  private records = 0;
  /** How many leading names of the record path the document has shown. */
  private matchedDepth = 0;
  private hasRoot = false;
  /** A SOAP Fault answers instead of the records: no record path to report missing. */
  private hasFault = false;
  private isDone = false;

  constructor(options: XmlOptions) {
    this.recordPath = (options.recordPath ?? '').split(/[./]/).filter(Boolean);
    if (this.recordPath.length === 0) throw new Error('XmlRecordSplitter needs a recordPath');
    const parser = xmlParserFor({ alwaysArray: options.alwaysArray, recordPath: this.recordPath, rootPath: this.recordPath.slice(0, -1) });
    this.parse = (text) => parser.parse(text);
  }

  private get where(): string {
    return `/${this.stack.join('/')}`;
  }

  /** Items completed by this chunk. */
  push(chunk: string): ParsedItem[] {
    if (this.isDone) return [];
    if (this.pending === '' && !this.hasRoot && this.pendingLine === 1) chunk = chunk.replace(/^\uFEFF/, '');
    this.pending += chunk;
    const items: ParsedItem[] = [];
    let cursor = this.cursor;
    let cursorLine = this.cursorLine;
    for (;;) {
      const start = this.pending.indexOf('<', cursor);
      if (start === -1) {
        cursorLine += countLines(this.pending, cursor, this.pending.length);
        cursor = this.pending.length;
        break;
      }
      const found = markupEnd(this.pending, start);
      cursorLine += countLines(this.pending, cursor, start);
      if (found === -1) {
        cursor = start;
        break;
      }
      const tagLine = cursorLine;
      cursorLine += countLines(this.pending, start, found.end);
      cursor = found.end;
      if (found.kind === 'skip') continue;
      const tag = this.pending.slice(start, found.end);
      const name = /^<\/?\s*([^\s/>]+)/.exec(tag)?.[1] ?? '';
      if (found.kind === 'close') items.push(...this.close(localName(name), { end: found.end, line: tagLine }));
      else {
        this.open(localName(name), { start, line: tagLine });
        if (found.kind === 'self') items.push(...this.close(localName(name), { end: found.end, line: tagLine }));
      }
    }
    // Keep only what is still needed: the record being read, or the unfinished tag.
    const keepFrom = this.capture ? Math.min(this.capture.start, cursor) : cursor;
    this.pendingLine += countLines(this.pending, 0, keepFrom);
    if (this.capture) this.capture.start -= keepFrom;
    this.pending = this.pending.slice(keepFrom);
    this.cursor = cursor - keepFrom;
    this.cursorLine = cursorLine;
    return items;
  }

  private open(name: string, at: { start: number; line: number }): void {
    this.hasRoot = true;
    this.stack.push(name);
    const depth = this.stack.length;
    if (depth <= this.recordPath.length && this.matchedDepth === depth - 1 && this.recordPath[depth - 1] === name)
      this.matchedDepth = depth;
    if (this.capture) return;
    const isRecord = depth === this.recordPath.length && this.stack.every((part, index) => part === this.recordPath[index]);
    const isFault = depth === 3 && this.stack[0] === 'Envelope' && this.stack[1] === 'Body' && name === 'Fault';
    if (isRecord || isFault) this.capture = { start: at.start, line: at.line, isFault };
  }

  private close(name: string, at: { end: number; line: number }): ParsedItem[] {
    const items: ParsedItem[] = [];
    const found = this.stack.lastIndexOf(name);
    // A close tag naming no open element is taken to close the innermost one (a misspelt name).
    const top = found === -1 ? this.stack.length - 1 : found;
    if (found === -1 || top !== this.stack.length - 1) {
      // A close tag that does not match: inside a record the record's own parse reports it (below);
      // outside one the document structure is broken here.
      if (!this.capture)
        items.push(
          unreadable(
            'XML_PARSE_ERROR',
            `The XML cannot be read at line ${at.line}: closing tag </${name}> does not match the open element ${this.where}.`,
            '',
            { line: at.line, path: this.where },
          ),
        );
      if (top === -1) return items;
    }
    const capture = this.capture;
    const captureDepth = capture ? (capture.isFault ? 3 : this.recordPath.length) : 0;
    this.stack.length = top;
    if (capture && this.stack.length < captureDepth) {
      this.capture = null;
      const text = this.pending.slice(capture.start, at.end);
      items.push(capture.isFault ? this.fault(text) : this.record(text, capture.line));
    }
    return items;
  }

  private fault(text: string): ParsedItem {
    this.hasFault = true;
    const fault = (this.parse(text) as { Fault?: unknown }).Fault;
    return unreadable('SOAP_FAULT', `The SOAP response is a Fault: ${faultReason(fault)}`, text, { path: 'Envelope.Body.Fault' });
  }

  private record(text: string, line: number): ParsedItem {
    const index = this.records;
    this.records += 1;
    const path = `/${this.recordPath.join('/')}[${index + 1}]`;
    const validation = XMLValidator.validate(text);
    if (validation !== true) {
      const errorLine = line + validation.err.line - 1;
      return unreadable(
        'XML_PARSE_ERROR',
        `Record ${index + 1} (${path}) cannot be read at line ${errorLine}: ${validation.err.msg}`,
        text,
        { index, line: errorLine, path },
      );
    }
    const parsed = this.parse(text) as Record<string, unknown>;
    const value = parsed[present(this.recordPath.at(-1), 'the record element name')];
    const record: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
    const position = { index, path };
    if (record === null || typeof record !== 'object') {
      return record === '' || record === undefined
        ? { kind: 'record', raw: {}, position }
        : unreadable(
            'NOT_AN_OBJECT',
            `Element ${path} holds only text ("${String(record).slice(0, 40)}"), not a record.`,
            String(record),
            position,
          );
    }
    return { kind: 'record', raw: record, position };
  }

  /** Items left when the text ends: an unclosed element, or a record path the document lacks. */
  end(): ParsedItem[] {
    if (this.isDone) return [];
    this.isDone = true;
    const items: ParsedItem[] = [];
    if (this.capture) {
      const path = `/${this.recordPath.join('/')}[${this.records + 1}]`;
      items.push(
        unreadable('XML_PARSE_ERROR', `The XML ends inside record ${this.records + 1} (${path}).`, this.pending.slice(this.capture.start), {
          index: this.records,
          line: this.capture.line,
          path,
        }),
      );
      this.capture = null;
    } else if (!this.hasRoot) {
      items.push(unreadable('XML_PARSE_ERROR', 'The XML has no root element.', this.pending, { line: this.pendingLine }));
    } else if (this.stack.length > 0) {
      items.push(
        unreadable('XML_PARSE_ERROR', `The XML ends before element ${this.where} is closed.`, '', {
          line: this.pendingLine,
          path: this.where,
        }),
      );
    }
    if (this.records === 0 && !this.hasFault && this.matchedDepth < this.recordPath.length - 1) {
      const missing = this.recordPath.slice(0, this.matchedDepth + 1).join('/');
      items.push(
        unreadable(
          'XML_RECORD_PATH_NOT_FOUND',
          `The document has no element ${missing} on the record path ${this.recordPath.join('/')}; check the source's recordPath setting.`,
          '',
          { path: `/${missing}` },
        ),
      );
    }
    this.pending = '';
    return items;
  }
}

/** The reason a SOAP 1.1 or 1.2 Fault gives. */
export function faultReason(fault: unknown): string {
  const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
  const child = (value: unknown, name: string): unknown => {
    const node = first(value);
    return node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[name] : undefined;
  };
  const text = first(child(fault, 'faultstring') ?? child(child(fault, 'Reason'), 'Text'));
  if (typeof text === 'string') return text;
  const inner = child(text, '#text');
  return typeof inner === 'string' ? inner : JSON.stringify(fault);
}
