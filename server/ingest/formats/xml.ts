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
import { XMLValidator } from 'fast-xml-parser';
import type { ParsedItem } from './types';
import { xmlParserFor, type XmlOptions } from './xmlParser';
import { faultReason, XmlRecordSplitter } from './xmlRecords';

export type { XmlOptions } from './xmlParser';
export { XmlRecordSplitter } from './xmlRecords';

function unreadable(code: string, message: string, text: string, position: ParsedItem['position']): ParsedItem {
  return { kind: 'unreadable', code, message, text, position };
}

function childAt(value: unknown, name: string): unknown {
  if (Array.isArray(value)) return value.length === 1 ? childAt(value[0], name) : undefined;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

/**
 * The records of one XML document. With a record path the records are read one by one
 * (`XmlRecordSplitter`, the same reader upload jobs stream with): a broken record is reported in its
 * place and its neighbours are kept. Without one the document is one record.
 */
export function parseXmlText(text: string, options: XmlOptions = {}): ParsedItem[] {
  if ((options.recordPath ?? '').split(/[./]/).some(Boolean)) {
    const splitter = new XmlRecordSplitter(options);
    return [...splitter.push(text), ...splitter.end()];
  }
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
  const document: unknown = xmlParserFor({ alwaysArray: options.alwaysArray, recordPath: [], rootPath: [] }).parse(body);
  const fault = childAt(childAt(childAt(document, 'Envelope'), 'Body'), 'Fault');
  if (fault !== undefined)
    return [
      unreadable('SOAP_FAULT', `The SOAP response is a Fault: ${faultReason(fault)}`, body.slice(0, 65536), {
        path: 'Envelope.Body.Fault',
      }),
    ];
  return [{ kind: 'record', raw: document, position: { index: 0, path: '/' } }];
}
