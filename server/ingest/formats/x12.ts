/**
 * X12 (`application/edi-x12`), written for the 832 price/sales catalog: the delimiters are read from
 * each ISA (element separator at position 4, repetition separator ISA-11, component separator ISA-16,
 * segment terminator right after it). One record per item loop (`LIN` by default) of each ST…SE
 * transaction set:
 *   { "ISA": {…}, "GS": {…}, "ST": {…}, "header": { "BCT": [ {…} ], "DTM": [ … ], "N1": [ … ] },
 *     "LIN": { "LIN01": "1", "LIN02": "UP", "LIN03": "…", … }, "PID": [ {…} ], "CTP": [ {…}, {…} ], … }
 * Elements are keyed `<segment><2-digit position>` as in the implementation guides (`CTP03`); an
 * element with components is an array of them; repeated elements (ISA-11) are arrays of repetitions.
 * Segments of the item loop map to the list of their occurrences; the segments between ST and the
 * first item loop are under `header`. Hand-written: the npm X12 libraries are either unmaintained or
 * node-only, and reading ISA-defined delimiters and loops is a small state machine.
 */
import type { ItemPosition, ParsedItem } from './types';
import { present } from '../../invariant';

/** Segments of a transaction kept as the raw text of a transaction-level exception. */
const TRANSACTION_TEXT_SEGMENTS = 50;

export interface X12Options {
  /** The segment that starts a record loop (default LIN for 832). */
  loopSegment?: string;
}

interface Delimiters {
  element: string;
  component: string;
  repetition: string | null;
  segment: string;
}

type X12Element = string | string[] | Array<string | string[]>;
type X12Segment = Record<string, X12Element>;

const ISA_LENGTH = 106;
const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;

function unreadable(code: string, message: string, text: string, position: ItemPosition): ParsedItem {
  return { kind: 'unreadable', code, message, text, position };
}

function delimitersOf(isa: string): Delimiters | string {
  if (isa.length < ISA_LENGTH)
    return `the ISA segment is ${isa.length} characters long; it is fixed at 106 (the delimiters cannot be read)`;
  const element = isa.charAt(3);
  const parts = isa.slice(0, ISA_LENGTH - 1).split(element);
  if (parts.length !== 17) return `the ISA segment has ${parts.length - 1} elements separated by "${element}"; it should have 16`;
  const repetitionCandidate = present(parts[11], 'ISA-11');
  const repetition = repetitionCandidate.length === 1 && !/[A-Za-z0-9 ]/.test(repetitionCandidate) ? repetitionCandidate : null;
  return { element, component: isa.charAt(104), repetition, segment: isa.charAt(105) };
}

function segmentObject(text: string, delimiters: Delimiters): { id: string; value: X12Segment } {
  const elements = text.split(delimiters.element);
  const id = present(elements[0], 'the segment id');
  const value: X12Segment = {};
  elements.slice(1).forEach((element, index) => {
    if (element === '') return;
    const key = `${id}${String(index + 1).padStart(2, '0')}`;
    // ISA-16 is the component separator itself; ISA-11 the repetition separator.
    if (id === 'ISA') {
      value[key] = element;
      return;
    }
    const splitComponents = (part: string): string | string[] =>
      part.includes(delimiters.component) ? part.split(delimiters.component) : part;
    if (delimiters.repetition && element.includes(delimiters.repetition))
      value[key] = element.split(delimiters.repetition).map(splitComponents);
    else value[key] = splitComponents(element);
  });
  return { id, value };
}

interface Transaction {
  number: number;
  controlNumber: string;
  header: Record<string, X12Segment[]>;
  st: X12Segment;
  segmentCount: number;
  loops: number;
  loop: {
    segments: Record<string, X12Segment[]>;
    texts: string[];
    first: X12Segment;
    number: number;
    problem?: string;
    problemSegment?: number;
  } | null;
  texts: string[];
}

/**
 * Reads X12 interchanges from text in chunks; yields one record per item loop as soon as the loop ends
 * (memory holds one loop and the envelope headers). Problems name the transaction, loop and segment.
 */
export class X12Splitter {
  private pending = '';
  private delimiters: Delimiters | null = null;
  private isa: X12Segment | null = null;
  private gs: X12Segment | null = null;
  private transaction: Transaction | null = null;
  private transactions = 0;
  private readonly loopSegment: string;

  constructor(options: X12Options = {}) {
    this.loopSegment = options.loopSegment ?? 'LIN';
  }

  push(chunk: string): ParsedItem[] {
    this.pending += chunk;
    return this.drain(false);
  }

  end(): ParsedItem[] {
    const items = this.drain(true);
    return [...items, ...this.abandonTransaction('the file ends inside it')];
  }

  /** An open transaction whose SE never came: its loops so far, then one exception saying so. */
  private abandonTransaction(why: string): ParsedItem[] {
    const transaction = this.transaction;
    if (!transaction) return [];
    const items = this.closeLoop();
    this.transaction = null;
    items.push(
      unreadable(
        'X12_PARSE_ERROR',
        `Transaction ${transaction.number} (ST ${transaction.controlNumber}) has no SE trailer; ${why}.`,
        transaction.texts.join(this.delimiters?.segment ?? '~'),
        { message: transaction.number, path: `ST ${transaction.controlNumber}` },
      ),
    );
    return items;
  }

  private drain(isEnd: boolean): ParsedItem[] {
    const items: ParsedItem[] = [];
    for (;;) {
      if (!this.delimiters) {
        const start = this.pending.search(/\S/);
        if (start === -1) {
          this.pending = '';
          return items;
        }
        this.pending = this.pending.slice(start);
        if (this.pending.length < ISA_LENGTH && !isEnd) return items;
        if (!this.pending.startsWith('ISA')) {
          const text = this.pending.slice(0, 200);
          this.pending = '';
          items.push(
            unreadable('X12_PARSE_ERROR', 'The interchange does not start with an ISA segment, so its delimiters cannot be read.', text, {
              path: 'ISA',
            }),
          );
          return items;
        }
        const delimiters = delimitersOf(this.pending.slice(0, ISA_LENGTH));
        if (typeof delimiters === 'string') {
          const text = this.pending.slice(0, ISA_LENGTH);
          this.pending = '';
          items.push(unreadable('X12_PARSE_ERROR', `The interchange cannot be read: ${delimiters}.`, text, { path: 'ISA' }));
          return items;
        }
        this.delimiters = delimiters;
      }
      const end = this.pending.indexOf(this.delimiters.segment);
      if (end === -1) {
        if (isEnd && this.pending.trim() !== '') {
          const rest = this.pending.trim();
          this.pending = '';
          items.push(...this.segment(rest));
        }
        return items;
      }
      const text = this.pending.slice(0, end).replace(/^[\r\n]+/, '');
      this.pending = this.pending.slice(end + 1);
      if (text.trim() !== '') items.push(...this.segment(text));
    }
  }

  private segment(text: string): ParsedItem[] {
    const delimiters = this.delimiters as Delimiters;
    const { id, value } = segmentObject(text, delimiters);
    if (!SEGMENT_ID.test(id)) {
      if (this.transaction?.loop) {
        this.transaction.segmentCount += 1;
        if (this.transaction.texts.length < TRANSACTION_TEXT_SEGMENTS) this.transaction.texts.push(text);
        this.transaction.loop.texts.push(text);
        // Named like a 999 acknowledgment's IK3-2: the segment's position in the transaction set (ST = 1).
        this.transaction.loop.problemSegment ??= this.transaction.segmentCount;
        this.transaction.loop.problem ??= `"${text.slice(0, 20)}" (segment ${this.transaction.segmentCount}) does not start with a segment id${this.where()}`;
        return [];
      }
      return [
        unreadable('X12_PARSE_ERROR', `"${text.slice(0, 20)}" does not start with a segment id${this.where()}.`, text, this.position(id)),
      ];
    }
    switch (id) {
      case 'ISA':
        this.isa = value;
        return [];
      case 'IEA':
        this.delimiters = null;
        this.isa = null;
        return [];
      case 'GS':
        this.gs = value;
        return [];
      case 'GE':
        this.gs = null;
        return [];
      case 'ST':
        return this.startTransaction(value, text);
      case 'SE':
        return this.endTransaction(value, text);
      default:
        break;
    }
    const transaction = this.transaction;
    if (!transaction) return [unreadable('X12_PARSE_ERROR', `Segment ${id} is outside a transaction set (ST … SE).`, text, { path: id })];
    transaction.segmentCount += 1;
    // Only the first segments are kept for a transaction-level exception: one ST of a catalog can hold
    // millions of segments, and holding them all would defeat reading the file record by record.
    if (transaction.texts.length < TRANSACTION_TEXT_SEGMENTS) transaction.texts.push(text);
    if (id === this.loopSegment) {
      const closed = this.closeLoop();
      transaction.loops += 1;
      transaction.loop = { segments: {}, texts: [text], first: value, number: transaction.loops };
      return closed;
    }
    if (transaction.loop) {
      (transaction.loop.segments[id] ??= []).push(value);
      transaction.loop.texts.push(text);
    } else (transaction.header[id] ??= []).push(value);
    return [];
  }

  private startTransaction(value: X12Segment, text: string): ParsedItem[] {
    const items = this.abandonTransaction('another ST starts');
    this.transactions += 1;
    this.transaction = {
      number: this.transactions,
      controlNumber: String(value.ST02 ?? ''),
      header: {},
      st: value,
      segmentCount: 1,
      loops: 0,
      loop: null,
      texts: [text],
    };
    return items;
  }

  private endTransaction(value: X12Segment, text: string): ParsedItem[] {
    const transaction = this.transaction;
    if (!transaction) return [unreadable('X12_PARSE_ERROR', 'SE without a matching ST.', text, { path: 'SE' })];
    transaction.segmentCount += 1;
    const items = this.closeLoop();
    this.transaction = null;
    const declared = Number(value.SE01);
    if (String(value.SE02 ?? '') !== transaction.controlNumber) {
      items.push(
        unreadable(
          'X12_PARSE_ERROR',
          `Transaction ${transaction.number}: SE02 "${String(value.SE02 ?? '')}" does not match ST02 "${transaction.controlNumber}".`,
          text,
          { message: transaction.number, path: `ST ${transaction.controlNumber} / SE02` },
        ),
      );
    } else if (!Number.isInteger(declared) || declared !== transaction.segmentCount) {
      items.push(
        unreadable(
          'X12_SEGMENT_COUNT_MISMATCH',
          `Transaction ${transaction.number} (ST ${transaction.controlNumber}): SE01 declares ${String(value.SE01 ?? '')} segments but the transaction holds ${transaction.segmentCount}; check that the file is complete.`,
          text,
          { message: transaction.number, path: `ST ${transaction.controlNumber} / SE01` },
        ),
      );
    }
    return items;
  }

  private closeLoop(): ParsedItem[] {
    const transaction = this.transaction;
    const loop = transaction?.loop;
    if (!transaction || !loop) return [];
    transaction.loop = null;
    const position: ItemPosition = {
      message: transaction.number,
      index: loop.number - 1,
      path: `ST ${transaction.controlNumber} / ${this.loopSegment} loop ${loop.number}${loop.problemSegment ? ` / segment ${loop.problemSegment}` : ''}`,
    };
    if (loop.problem)
      return [
        unreadable(
          'X12_PARSE_ERROR',
          `Transaction ${transaction.number}: ${loop.problem}.`,
          loop.texts.join(this.delimiters?.segment ?? '~'),
          position,
        ),
      ];
    const raw: Record<string, unknown> = {
      ...(this.isa ? { ISA: this.isa } : {}),
      ...(this.gs ? { GS: this.gs } : {}),
      ST: transaction.st,
      header: transaction.header,
      [this.loopSegment]: loop.first,
      ...loop.segments,
    };
    return [{ kind: 'record', raw, position }];
  }

  private where(): string {
    const transaction = this.transaction;
    if (!transaction) return '';
    return ` in transaction ${transaction.number} (ST ${transaction.controlNumber})${transaction.loop ? `, ${this.loopSegment} loop ${transaction.loop.number}` : ''}`;
  }

  private position(id: string): ItemPosition {
    const transaction = this.transaction;
    if (!transaction) return { path: id };
    return {
      message: transaction.number,
      path: `ST ${transaction.controlNumber}${transaction.loop ? ` / ${this.loopSegment} loop ${transaction.loop.number}` : ''} / ${id}`,
    };
  }
}

/** Every item loop of an X12 text. */
export function parseX12Text(text: string, options: X12Options = {}): ParsedItem[] {
  const splitter = new X12Splitter(options);
  return [...splitter.push(text), ...splitter.end()];
}
