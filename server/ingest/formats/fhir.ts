/**
 * FHIR R4 JSON (`application/fhir+json`): a Bundle gives one record per entry whose resource is of
 * `resourceType` (other entries are not this mapping's records and are skipped); a single resource of
 * that type is one record. Each record is the entry's `resource`, unchanged. An OperationOutcome (a
 * server's error answer) and entries without a resource are reported in place.
 */
import { JSONParser } from '@streamparser/json';
import type { ParsedItem } from './types';

const MAX_TEXT = 65536;
/** The largest document without Bundle entries that is read whole. */
const MAX_WHOLE_DOCUMENT = 16 * 1048576;

export interface FhirOptions {
  /** The resource type this source × domain maps (e.g. Organization, Location, Device); empty = every resource. */
  resourceType?: string;
}

function unreadable(code: string, message: string, text: string, position: ParsedItem['position']): ParsedItem {
  return { kind: 'unreadable', code, message, text, position };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function outcomeText(resource: Record<string, unknown>): string {
  const issues = Array.isArray(resource.issue) ? resource.issue : [];
  return (
    issues
      .map((issue: Record<string, unknown>) =>
        String(issue.diagnostics ?? (issue.details as Record<string, unknown> | undefined)?.text ?? issue.code ?? ''),
      )
      .filter(Boolean)
      .join('; ') || 'no details'
  );
}

/** One Bundle entry as a record, an unreadable item, or null when it is not of the mapped resource type. */
function entryItem(entry: unknown, index: number, wanted: string): ParsedItem | null {
  const path = `Bundle.entry[${index}]`;
  const resource = isObject(entry) ? entry.resource : undefined;
  if (!isObject(resource) || typeof resource.resourceType !== 'string')
    return unreadable(
      'FHIR_PARSE_ERROR',
      `${path} has no resource with a resourceType.`,
      JSON.stringify(entry ?? null).slice(0, MAX_TEXT),
      {
        index,
        path,
      },
    );
  if (resource.resourceType === 'OperationOutcome' && wanted !== 'OperationOutcome')
    return unreadable(
      'FHIR_OPERATION_OUTCOME',
      `${path} is an OperationOutcome: ${outcomeText(resource)}.`,
      JSON.stringify(resource).slice(0, MAX_TEXT),
      { index, path },
    );
  if (wanted && resource.resourceType !== wanted) return null;
  return { kind: 'record', raw: resource, position: { index, path: `${path}.resource(${resource.resourceType})` } };
}

/** The records of a whole FHIR JSON document that is not read entry by entry (a resource, an outcome, an empty Bundle). */
function parseFhirDocument(text: string, wanted: string): ParsedItem[] {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [
      unreadable('FHIR_PARSE_ERROR', `The FHIR document is not valid JSON: ${(error as Error).message}.`, text.slice(0, MAX_TEXT), {}),
    ];
  }
  if (!isObject(document) || typeof document.resourceType !== 'string') {
    return [unreadable('FHIR_PARSE_ERROR', 'The document is not a FHIR resource (no resourceType).', text.slice(0, MAX_TEXT), {})];
  }
  if (document.resourceType === 'OperationOutcome')
    return [
      unreadable(
        'FHIR_OPERATION_OUTCOME',
        `The server answered with an OperationOutcome: ${outcomeText(document)}.`,
        text.slice(0, MAX_TEXT),
        { path: 'OperationOutcome' },
      ),
    ];
  if (document.resourceType !== 'Bundle') {
    if (wanted && document.resourceType !== wanted)
      return [
        unreadable(
          'FHIR_WRONG_RESOURCE_TYPE',
          `The document is a ${document.resourceType}; this source maps ${wanted} resources.`,
          text.slice(0, MAX_TEXT),
          { path: document.resourceType },
        ),
      ];
    return [{ kind: 'record', raw: document, position: { index: 0, path: document.resourceType } }];
  }
  const entries = Array.isArray(document.entry) ? document.entry : [];
  return entries.flatMap((entry: unknown, index: number) => entryItem(entry, index, wanted) ?? []);
}

/**
 * Reads a FHIR JSON document arriving in chunks: the entries of a Bundle one by one (streaming JSON
 * parser, `@streamparser/json`, keeping no finished entry), so a Bundle of any size is read in bounded
 * memory. A document without entries (a single resource, an OperationOutcome) is read whole once it
 * ends, up to 16 MiB. JSON broken after some entries keeps those and reports the rest in place.
 */
export class FhirBundleSplitter {
  private readonly wanted: string;
  private readonly parser: JSONParser;
  private ready: ParsedItem[] = [];
  private entries = 0;
  /** The text so far while no entry has been seen (the document may be one resource); null once entries stream. */
  private head: string | null = '';
  private isHeadTooLong = false;
  private failure: Error | null = null;
  private isFirstChunk = true;
  private isStopped = false;

  constructor(options: FhirOptions = {}) {
    this.wanted = options.resourceType ?? '';
    this.parser = new JSONParser({ paths: ['$.entry.*'], keepStack: false });
    this.parser.onValue = ({ value }) => {
      this.head = null;
      const item = entryItem(value, this.entries, this.wanted);
      this.entries += 1;
      if (item) this.ready.push(item);
    };
    this.parser.onError = (error) => {
      this.failure ??= error;
    };
  }

  /** Items completed by this chunk. */
  push(chunk: string): ParsedItem[] {
    if (this.isStopped) return [];
    const text = this.isFirstChunk ? chunk.replace(/^\uFEFF/, '') : chunk;
    this.isFirstChunk = false;
    if (this.head !== null && !this.isHeadTooLong) {
      if (this.head.length + text.length > MAX_WHOLE_DOCUMENT) this.isHeadTooLong = true;
      else this.head += text;
    }
    if (!this.failure && !this.parser.isEnded) this.parser.write(text);
    return this.take();
  }

  private take(): ParsedItem[] {
    const items = this.ready;
    this.ready = [];
    if (this.failure && this.head === null) {
      // Entries were read before the JSON broke: keep them, report where it broke, read no further.
      items.push(
        unreadable('FHIR_PARSE_ERROR', `The Bundle cannot be read after entry ${this.entries - 1}: ${this.failure.message}.`, '', {
          index: this.entries,
          path: `Bundle.entry[${this.entries}]`,
        }),
      );
      this.isStopped = true;
    }
    return items;
  }

  /** Items left when the text ends. */
  end(): ParsedItem[] {
    if (this.isStopped) return [];
    if (!this.failure && !this.parser.isEnded) this.parser.end();
    const items = this.take();
    this.isStopped = true;
    if (this.head === null) return items;
    if (this.isHeadTooLong)
      return [
        ...items,
        unreadable(
          'FHIR_PARSE_ERROR',
          `The FHIR document has no Bundle entries and is larger than ${MAX_WHOLE_DOCUMENT / 1048576} MiB; send one resource per request or a Bundle.`,
          '',
          {},
        ),
      ];
    return [...items, ...parseFhirDocument(this.head, this.wanted)];
  }
}

/** The records of a FHIR JSON document (read as a stream would be, so a sample reads like an upload). */
export function parseFhirText(text: string, options: FhirOptions = {}): ParsedItem[] {
  const splitter = new FhirBundleSplitter(options);
  return [...splitter.push(text), ...splitter.end()];
}
