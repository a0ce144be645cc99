/**
 * HL7 v2 ER7 (`application/hl7-v2`): one record per message. A body may hold several messages, with or
 * without FHS/BHS batch envelopes (and MLLP frame bytes, which are ignored). Each message becomes
 *   { "MSH": [ {…} ], "MFI": [ {…} ], "MFE": [ {…} ], "ITM": [ {…} ], "PKG": [ {…}, {…} ], … }
 * — every segment name maps to the list of its occurrences (so one PKG and three read the same way in
 * a mapping), fields are named from hl7v2Definitions.ts, composite types become objects of named
 * components (subcomponents likewise), repeating fields are arrays, escape sequences are decoded, an
 * empty field is left out and the HL7 null `""` becomes null. Unknown segments and fields are kept by
 * position (`ZIT_1`; a composite value then is an array of its components).
 *
 * Written here rather than taken from @medplum/core: its Hl7Message splits segments/fields/components
 * but has no field names, no batch (FHS/BHS) reading, no streaming across chunks and pulls the whole
 * FHIR client into the studio bundle; the ER7 grammar itself is small.
 */
import { HL7_DATA_TYPES, HL7_SEGMENTS, type ElementDefinition } from './hl7v2Definitions';
import type { ItemPosition, ParsedItem } from './types';
import { present } from '../../invariant';

export interface Hl7Options {
  /** Name fields from the segment definitions (default true); false keys every field by position. */
  fieldNames?: boolean;
}

export interface Hl7Separators {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

/** A message that cannot be read: the code, what is wrong and where. */
export class Hl7ParseError extends Error {
  readonly path: string;
  readonly code = 'HL7_PARSE_ERROR';
  constructor(message: string, path: string) {
    super(message);
    this.name = 'Hl7ParseError';
    this.path = path;
  }
}

const MLLP_START = String.fromCharCode(0x0b);
const MLLP_END = String.fromCharCode(0x1c);
const SEGMENT_NAME = /^[A-Z][A-Z0-9]{2}$/;
const BATCH_SEGMENTS = new Set(['FHS', 'BHS', 'BTS', 'FTS']);

/** The separators a message declares in MSH-1 and MSH-2 (or FHS/BHS). */
export function separatorsOf(headerSegment: string, path = 'MSH'): Hl7Separators {
  const field = headerSegment.charAt(3);
  const encoding = headerSegment.slice(4, headerSegment.indexOf(field, 4) === -1 ? undefined : headerSegment.indexOf(field, 4));
  if (!field || /[A-Za-z0-9\s]/.test(field))
    throw new Hl7ParseError(`${path}-1 (field separator) is missing or not a separator character.`, `${path}-1`);
  if (encoding.length < 4)
    throw new Hl7ParseError(
      `${path}-2 (encoding characters) should hold 4 characters (component, repetition, escape, subcomponent), got "${encoding}".`,
      `${path}-2`,
    );
  const component = encoding.charAt(0);
  const repetition = encoding.charAt(1);
  const escape = encoding.charAt(2);
  const subcomponent = encoding.charAt(3);
  if (new Set([field, component, repetition, escape, subcomponent]).size !== 5)
    throw new Hl7ParseError(`${path}-2 (encoding characters) repeats a separator: "${encoding}".`, `${path}-2`);
  return { field, component, repetition, escape, subcomponent };
}

/** Decodes the escape sequences of one value (\F\ \S\ \T\ \R\ \E\ \Xhh\ \.br\ …); throws on an unterminated one. */
export function decodeEscapes(value: string, separators: Hl7Separators, path: string): string {
  const escape = separators.escape;
  if (!value.includes(escape)) return value;
  let result = '';
  let index = 0;
  while (index < value.length) {
    const start = value.indexOf(escape, index);
    if (start === -1) {
      result += value.slice(index);
      break;
    }
    result += value.slice(index, start);
    const end = value.indexOf(escape, start + 1);
    if (end === -1)
      throw new Hl7ParseError(
        `${path}: escape sequence starting at character ${start + 1} is not closed ("${value.slice(start, start + 8)}").`,
        path,
      );
    const sequence = value.slice(start + 1, end);
    result += decodeSequence(sequence, separators, path);
    index = end + 1;
  }
  return result;
}

function decodeSequence(sequence: string, separators: Hl7Separators, path: string): string {
  switch (sequence) {
    case 'F':
      return separators.field;
    case 'S':
      return separators.component;
    case 'T':
      return separators.subcomponent;
    case 'R':
      return separators.repetition;
    case 'E':
      return separators.escape;
    case '.br':
    case '.sp':
      return '\n';
    case 'H':
    case 'N':
      return '';
    default:
      break;
  }
  if (/^X([0-9A-Fa-f]{2})+$/.test(sequence)) {
    const bytes = sequence.slice(1).match(/../g) ?? [];
    return String.fromCharCode(...bytes.map((pair) => parseInt(pair, 16)));
  }
  // Character-set switches and formatting commands carry no text of their own.
  if (/^(C|M)[0-9A-Fa-f]+$/.test(sequence) || /^\.(in|ti|sk|ce|fi|nf)[+-]?\d*$/.test(sequence)) return '';
  throw new Hl7ParseError(`${path}: unknown escape sequence "${separators.escape}${sequence}${separators.escape}".`, path);
}

type Hl7Value = string | null | Hl7Value[] | { [name: string]: Hl7Value };

function leaf(text: string, separators: Hl7Separators, path: string): string | null {
  if (text === '""') return null;
  return decodeEscapes(text, separators, path);
}

function positional(text: string, separators: Hl7Separators, path: string): Hl7Value {
  if (!text.includes(separators.component) && !text.includes(separators.subcomponent)) return leaf(text, separators, path);
  return text
    .split(separators.component)
    .map((component, index) =>
      component.includes(separators.subcomponent)
        ? component.split(separators.subcomponent).map((sub, subIndex) => leaf(sub, separators, `${path}.${index + 1}.${subIndex + 1}`))
        : leaf(component, separators, `${path}.${index + 1}`),
    );
}

function typed(text: string, type: string, separators: Hl7Separators, path: string, level: 'component' | 'subcomponent'): Hl7Value {
  const parts = HL7_DATA_TYPES[type];
  if (!parts) return level === 'component' ? positional(text, separators, path) : leaf(text, separators, path);
  const separator = level === 'component' ? separators.component : separators.subcomponent;
  if (text === '""') return null;
  const object: Record<string, Hl7Value> = {};
  text.split(separator).forEach((part, index) => {
    if (part === '') return;
    const definition = parts[index];
    const partPath = `${path}.${index + 1}`;
    const name = definition?.name ?? `Component${index + 1}`;
    object[name] =
      definition && level === 'component'
        ? typed(part, definition.type, separators, partPath, 'subcomponent')
        : leaf(part, separators, partPath);
  });
  return object;
}

function fieldValue(text: string, definition: ElementDefinition | undefined, separators: Hl7Separators, path: string): Hl7Value {
  const repetitions = text.split(separators.repetition);
  const values = repetitions.map((repetition, index) => {
    const repetitionPath = repetitions.length > 1 ? `${path}(${index + 1})` : path;
    return definition
      ? typed(repetition, definition.type, separators, repetitionPath, 'component')
      : positional(repetition, separators, repetitionPath);
  });
  if (definition?.repeats || repetitions.length > 1) return values.filter((value) => value !== '');
  return present(values[0], 'the first repetition of a field');
}

function segmentObject(options: {
  name: string;
  fields: string[];
  separators: Hl7Separators;
  fieldNames: boolean;
  segmentNumber: number;
}): Record<string, Hl7Value> {
  const { name, fields, separators } = options;
  const definitions = options.fieldNames ? HL7_SEGMENTS[name] : undefined;
  const isHeader = name === 'MSH' || name === 'FHS' || name === 'BHS';
  const object: Record<string, Hl7Value> = {};
  // fields[0] is the segment name; for header segments field 1 is the separator itself.
  const values = isHeader ? [separators.field, ...fields.slice(1)] : fields.slice(1);
  values.forEach((text, index) => {
    if (text === '') return;
    const number = index + 1;
    const definition = definitions?.[index];
    const key = definition?.name ?? `${name}_${number}`;
    const path = `${name}-${number}`;
    if (isHeader && number <= 2) object[key] = text;
    else object[key] = fieldValue(text, definition, separators, path);
  });
  return object;
}

/** Parses one message (its segments, without batch envelopes) into its JSON representation. */
export function parseHl7Message(
  segments: readonly string[],
  options: Hl7Options & { batch?: readonly string[] } = {},
): Record<string, unknown> {
  const header = segments[0] ?? '';
  if (!header.startsWith('MSH')) throw new Hl7ParseError(`The message starts with "${header.slice(0, 3)}", not MSH.`, 'segment 1');
  const separators = separatorsOf(header);
  const fieldNames = options.fieldNames !== false;
  const message: Record<string, Record<string, Hl7Value>[]> = {};
  const add = (segment: string, segmentNumber: number): void => {
    const name = segment.slice(0, 3);
    if (!SEGMENT_NAME.test(name) || (segment.length > 3 && segment.charAt(3) !== separators.field)) {
      throw new Hl7ParseError(
        `Segment ${segmentNumber} does not start with a segment name and the field separator: "${segment.slice(0, 12)}".`,
        `segment ${segmentNumber}`,
      );
    }
    const object = segmentObject({ name, fields: segment.split(separators.field), separators, fieldNames, segmentNumber });
    (message[name] ??= []).push(object);
  };
  for (const segment of options.batch ?? []) add(segment, 0);
  segments.forEach((segment, index) => add(segment, index + 1));
  const msh = present(message.MSH?.[0], 'the MSH segment');
  if (fieldNames && msh.MessageType === undefined) throw new Hl7ParseError('MSH-9 (message type) is empty.', 'MSH-9');
  if (fieldNames && msh.MessageControlId === undefined) throw new Hl7ParseError('MSH-10 (message control id) is empty.', 'MSH-10');
  return message;
}

/** Splits ER7 text into segments: CR is the standard terminator; LF and CRLF are accepted; MLLP bytes dropped. */
function segmentsOf(text: string): string[] {
  return text
    .replaceAll(MLLP_START, '')
    .replaceAll(MLLP_END, '')
    .split(/\r\n|\r|\n/);
}

/**
 * Reads messages from ER7 text that arrives in chunks (a message may span chunks), in order: a message
 * ends where the next MSH, batch segment or the input ends. Memory holds one message at a time.
 */
export class Hl7MessageSplitter {
  private pending = '';
  private endedWithCarriageReturn = false;
  private lineNumber = 0;
  private current: { segments: string[]; line: number } | null = null;
  private batch: string[] = [];
  private messageNumber = 0;
  private batchMessages = 0;
  private readonly options: Hl7Options;

  constructor(options: Hl7Options = {}) {
    this.options = options;
  }

  /** Items completed by this chunk. */
  push(chunk: string): ParsedItem[] {
    // A CRLF split between chunks: its LF was already counted with the CR.
    const text = this.endedWithCarriageReturn && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    if (text === '') return [];
    this.endedWithCarriageReturn = text.endsWith('\r');
    this.pending += text;
    const segments = segmentsOf(this.pending);
    this.pending = segments.pop() ?? '';
    return this.feed(segments);
  }

  /** Items left when the input ends. */
  end(): ParsedItem[] {
    const items = this.pending === '' ? [] : this.feed(segmentsOf(this.pending));
    this.pending = '';
    const last = this.flush();
    return last ? [...items, last] : items;
  }

  private feed(segments: string[]): ParsedItem[] {
    const items: ParsedItem[] = [];
    for (const raw of segments) {
      this.lineNumber += 1;
      const segment = raw.trimEnd();
      if (segment === '') continue;
      const name = segment.slice(0, 3);
      if (name === 'MSH') {
        const done = this.flush();
        if (done) items.push(done);
        this.current = { segments: [segment], line: this.lineNumber };
      } else if (BATCH_SEGMENTS.has(name)) {
        const done = this.flush();
        if (done) items.push(done);
        const problem = this.batchSegment(name, segment);
        if (problem) items.push(problem);
      } else if (this.current) {
        this.current.segments.push(segment);
      } else {
        items.push({
          kind: 'unreadable',
          code: 'HL7_PARSE_ERROR',
          message: `Line ${this.lineNumber}: segment ${name} is outside a message (a message starts with MSH).`,
          text: segment,
          position: { line: this.lineNumber, path: name },
        });
      }
    }
    return items;
  }

  private batchSegment(name: string, segment: string): ParsedItem | null {
    if (name === 'FHS') this.batch = [segment];
    else if (name === 'BHS') {
      this.batch = [...this.batch.filter((kept) => kept.startsWith('FHS')), segment];
      this.batchMessages = 0;
    } else if (name === 'BTS') {
      const declared = segment.split(segment.charAt(3) || '|')[1];
      const counted = this.batchMessages;
      this.batch = this.batch.filter((kept) => kept.startsWith('FHS'));
      if (declared && /^\d+$/.test(declared) && Number(declared) !== counted) {
        return {
          kind: 'unreadable',
          code: 'HL7_BATCH_COUNT_MISMATCH',
          message: `Line ${this.lineNumber}: BTS-1 declares ${declared} messages but the batch holds ${counted}; check that the file is complete.`,
          text: segment,
          position: { line: this.lineNumber, path: 'BTS-1' },
        };
      }
    } else this.batch = [];
    return null;
  }

  private flush(): ParsedItem | null {
    const current = this.current;
    if (!current) return null;
    this.current = null;
    this.messageNumber += 1;
    this.batchMessages += 1;
    const position: ItemPosition = { message: this.messageNumber, line: current.line };
    try {
      const raw = parseHl7Message(current.segments, {
        ...this.options,
        batch: this.batch.filter((segment) => segment.startsWith('FHS') || segment.startsWith('BHS')),
      });
      return { kind: 'record', raw, position };
    } catch (error) {
      if (!(error instanceof Hl7ParseError)) throw error;
      return {
        kind: 'unreadable',
        code: error.code,
        message: `Message ${this.messageNumber} (line ${current.line}): ${error.message}`,
        text: current.segments.join('\r'),
        position: { ...position, path: error.path },
      };
    }
  }
}

/** Every message of an ER7 text. */
export function parseHl7Text(text: string, options: Hl7Options = {}): ParsedItem[] {
  const splitter = new Hl7MessageSplitter(options);
  return [...splitter.push(text), ...splitter.end()];
}

/** The fields of MSH a receiver needs before (or without) parsing the rest: for ACKs and idempotency. */
export interface Hl7Header {
  separators: Hl7Separators;
  fields: string[];
  sendingApplication: string;
  sendingFacility: string;
  messageControlId: string;
  versionId: string;
}

/** Reads the MSH of a message's text; null when there is no readable MSH. */
export function readHl7Header(text: string): Hl7Header | null {
  const msh = segmentsOf(text).find((segment) => segment.startsWith('MSH'));
  if (!msh) return null;
  let separators: Hl7Separators;
  try {
    separators = separatorsOf(msh);
  } catch {
    return null;
  }
  const fields = msh.split(separators.field);
  const first = (index: number): string => (fields[index] ?? '').split(separators.component)[0] ?? '';
  return {
    separators,
    fields,
    sendingApplication: first(2),
    sendingFacility: first(3),
    messageControlId: fields[9] ?? '',
    versionId: first(11) || '2.5.1',
  };
}

function escapeText(text: string, separators: Hl7Separators): string {
  const { field, component, repetition, escape, subcomponent } = separators;
  let result = '';
  for (const char of text.replace(/[\r\n]+/g, ' ')) {
    if (char === escape) result += `${escape}E${escape}`;
    else if (char === field) result += `${escape}F${escape}`;
    else if (char === component) result += `${escape}S${escape}`;
    else if (char === subcomponent) result += `${escape}T${escape}`;
    else if (char === repetition) result += `${escape}R${escape}`;
    else result += char;
  }
  return result;
}

/**
 * An HL7 ACK answering `header`: MSA-1 AA (accepted), AE (application error: the exception code in
 * ERR-5 and the message in MSA-3/ERR-8) or AR (rejected: unreadable). Sender and receiver are swapped.
 */
export function buildHl7Ack(input: {
  header: Hl7Header | null;
  code: 'AA' | 'AE' | 'AR';
  text?: string;
  errorCode?: string;
  controlId: string;
  timestamp: string;
  application?: string;
}): string {
  const separators = input.header?.separators ?? { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&' };
  const { field, component } = separators;
  const encoding = `${separators.component}${separators.repetition}${separators.escape}${separators.subcomponent}`;
  const fields = input.header?.fields ?? [];
  const trigger = (fields[8] ?? '').split(component)[1] ?? '';
  const msh = [
    'MSH',
    encoding,
    fields[4] ?? input.application ?? 'MDM-HUB',
    fields[5] ?? '',
    fields[2] ?? '',
    fields[3] ?? '',
    input.timestamp,
    '',
    `ACK${component}${trigger}${component}ACK`,
    input.controlId,
    fields[10] || 'P',
    input.header?.versionId ?? '2.5.1',
  ].join(field);
  const msa = [
    'MSA',
    input.code,
    input.header?.messageControlId ?? '',
    input.text ? escapeText(input.text.slice(0, 80), separators) : '',
  ].join(field);
  const segments = [msh, msa];
  if (input.code !== 'AA') {
    const hl7Error =
      input.code === 'AR'
        ? `102${component}Data type error${component}HL70357`
        : `207${component}Application internal error${component}HL70357`;
    const applicationError = input.errorCode ? `${escapeText(input.errorCode, separators)}${component}${component}HL70533` : '';
    segments.push(
      ['ERR', '', '', hl7Error, 'E', applicationError, '', '', input.text ? escapeText(input.text, separators) : ''].join(field),
    );
  }
  return `${segments.join('\r')}\r`;
}
