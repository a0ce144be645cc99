/**
 * The fast-xml-parser settings of the XML format, in one place: a whole document and a record cut out of
 * a stream (formats/xmlRecords.ts) are parsed alike, so both give the documented representation.
 */
import { XMLParser } from 'fast-xml-parser';

export interface XmlOptions {
  /** Dotted local names from the root to the element that is one record; empty = the document is one record. */
  recordPath?: string;
  /** Local element names (or dotted paths from the root) that are always arrays. */
  alwaysArray?: string[];
}

/**
 * A parser for text whose root element sits at `rootPath` inside the document (empty for a whole
 * document), so dotted `alwaysArray` paths and the record path are matched from the document's root.
 */
export function xmlParserFor(input: { alwaysArray?: string[]; recordPath: string[]; rootPath: string[] }): XMLParser {
  const arrays = new Set(input.alwaysArray ?? []);
  const recordJPath = input.recordPath.join('.');
  const prefix = input.rootPath.length > 0 ? `${input.rootPath.join('.')}.` : '';
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    jPath: true,
    isArray: (tagName, jPath, _isLeaf, isAttribute) => {
      if (isAttribute) return false;
      const fullPath = prefix + String(jPath);
      return arrays.has(tagName) || arrays.has(fullPath) || (recordJPath !== '' && fullPath === recordJPath);
    },
  });
}
