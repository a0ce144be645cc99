/**
 * XML (`application/xml`, `text/xml`, SOAP envelopes) through fast-xml-parser. Namespace prefixes are
 * removed (`wd:Supplier_Data` → `Supplier_Data`; `xmlns` declarations dropped), attributes become
 * `@name` keys, an element with attributes and text keeps its text as `#text`, values stay strings
 * (leading zeros survive), entities and CDATA are decoded. Elements named in `alwaysArray` (local
 * names, or dotted paths from the root) are arrays even when they occur once — the setting that makes
 * one `Address_Data` and three look the same to a mapping. `recordPath` (dotted local names, e.g.
 * `Envelope.Body.Get_Suppliers_Response.Response_Data.Supplier`) says which elements are the records;
 * without it the whole document is one record. A SOAP Fault is reported as such.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ParsedItem } from './types';

export interface XmlOptions {
  /** Dotted local names from the root to the element that is one record; empty = the document is one record. */
  recordPath?: string;
  /** Local element names (or dotted paths) that are always arrays. */
  alwaysArray?: string[];
}

function unreadable(code: string, message: string, text: string, position: ParsedItem['position']): ParsedItem {
  return { kind: 'unreadable', code, message, text, position };
}

function childAt(value: unknown, name: string): unknown {
  if (Array.isArray(value)) return value.length === 1 ? childAt(value[0], name) : undefined;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

function soapFault(document: unknown): string | null {
  const fault = childAt(childAt(childAt(document, 'Envelope'), 'Body'), 'Fault');
  if (fault === undefined) return null;
  const text = childAt(fault, 'faultstring') ?? childAt(childAt(fault, 'Reason'), 'Text');
  const reason = typeof text === 'string' ? text : (childAt(text, '#text') ?? JSON.stringify(fault));
  return String(reason);
}

/** The records of one XML document. */
export function parseXmlText(text: string, options: XmlOptions = {}): ParsedItem[] {
  const body = text.replace(/^\uFEFF/, '');
  const validation = XMLValidator.validate(body);
  if (validation !== true) {
    const { line, col, msg } = validation.err;
    return [
      unreadable(
        'XML_PARSE_ERROR',
        `The XML cannot be read at line ${line}, column ${col}: ${msg}`,
        body.length > 65536 ? body.slice(0, 65536) : body,
        { line, path: `line ${line}, column ${col}` },
      ),
    ];
  }
  const recordPath = (options.recordPath ?? '').split(/[./]/).filter(Boolean);
  const arrays = new Set(options.alwaysArray ?? []);
  const recordJPath = recordPath.join('.');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    jPath: true,
    isArray: (tagName, jPath, _isLeaf, isAttribute) =>
      !isAttribute && (arrays.has(tagName) || arrays.has(String(jPath)) || (recordJPath !== '' && String(jPath) === recordJPath)),
  });
  const document: unknown = parser.parse(body);
  const fault = soapFault(document);
  if (fault !== null)
    return [unreadable('SOAP_FAULT', `The SOAP response is a Fault: ${fault}`, body.slice(0, 65536), { path: 'Envelope.Body.Fault' })];
  if (recordPath.length === 0) return [{ kind: 'record', raw: document, position: { index: 0, path: '/' } }];
  let node: unknown = document;
  for (const [depth, name] of recordPath.slice(0, -1).entries()) {
    node = childAt(node, name);
    if (node === undefined) {
      return [
        unreadable(
          'XML_RECORD_PATH_NOT_FOUND',
          `The document has no element ${recordPath.slice(0, depth + 1).join('/')} on the record path ${recordPath.join('/')}; check the source's recordPath setting.`,
          body.slice(0, 65536),
          { path: `/${recordPath.slice(0, depth + 1).join('/')}` },
        ),
      ];
    }
  }
  const records = childAt(node, recordPath[recordPath.length - 1]);
  const list = Array.isArray(records) ? records : records === undefined ? [] : [records];
  return list.map((record, index): ParsedItem => {
    const position = { index, path: `/${recordPath.join('/')}[${index + 1}]` };
    if (record === null || typeof record !== 'object') {
      return record === ''
        ? { kind: 'record', raw: {}, position }
        : unreadable(
            'NOT_AN_OBJECT',
            `Element ${position.path} holds only text ("${String(record).slice(0, 40)}"), not a record.`,
            String(record),
            position,
          );
    }
    return { kind: 'record', raw: record, position };
  });
}
