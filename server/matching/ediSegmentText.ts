/**
 * Item lines copied out of EDI messages (items23lines, item-3.47.0): an advance ship notice, invoice, order or catalogue
 * read from a trading partner's EDI file keeps its segments in the text — X12 (856 ASN, 810 invoice, 850 order, 855, 832:
 * `HL*3*2*I~LIN**VP*0574-0206*UP*843620574205~SN1**2*BX~PO4*10*1*EA~PID*F****SPECTRUM LOPRO S3 BLADE~`) or UN/EDIFACT
 * (DESADV, INVOIC, ORDERS, PRICAT: `LIN+1++05012345678900:SRV'PIA+5+AB-1234:SA'IMD+F++:::NITRILE GLOVE M'QTY+12:4'`).
 * Read as words, the segment tags, qualifiers, hierarchy and shipped quantities (`HL 3 2 I LIN VP … SN1 2 BX PO4 10 1
 * EA PID F`) were rare tokens that made two lines of one message alike and a line unlike every other source's
 * description of its product.
 *
 * The segments are the standards' own: X12 `PID` (element 5 the free-form description) and EDIFACT `IMD` (its fourth
 * and fifth components) carry the product's text; X12 `LIN` / `PO1` / `IT1` and EDIFACT `LIN` / `PIA` carry qualified
 * product ids — the GTIN / UPC / EAN, NDC and the vendor's or maker's part number stay as codes of the text, the buyer's
 * own item number, SKU or catalogue number (`BP`, `IN`, `SK`, `CB`, `PI`; EDIFACT `IN`, `BP`) leaves it, as it is no
 * maker's code; X12 `PO4` element 1 (inner units per pack) and EDIFACT `QTY+52` (quantity per pack) are read as a pack
 * count; every other segment (`HL`, `SN1`, `REF`, `DTM`, `N1`, `CTP`, `QTY+12` …) is the message's and leaves the text.
 * A text holding no product segment is returned as written. Hand-written: no library here reads EDI segments out of
 * free text, and the reading is a split on the standards' separators, run only when a segment tag with its separator
 * is in the text (two string searches answer every other line).
 */

/** X12: a product segment's tag after the start or a `~` terminator (element separator `*`). */
const X12_PRODUCT_SEGMENT = /(?:^|~)\s*(?:LIN|PO1|IT1|PID)\*/;
/** EDIFACT: a product segment's tag after the start or a `'` terminator (element separator `+`). */
const EDIFACT_PRODUCT_SEGMENT = /(?:^|')\s*(?:LIN|PIA|IMD)\+/;
/** A segment tag: two or three capitals or digits, a capital first (X12 and EDIFACT alike). */
const SEGMENT_TAG = /^[A-Z][A-Z0-9]{1,2}$/;

/** Product id qualifiers whose value is the trading partner's own number, no code of the product. */
const X12_BUYER_QUALIFIERS: ReadonlySet<string> = new Set(['BP', 'IN', 'SK', 'CB', 'PI', 'PL', 'PD', 'B8', 'LT', 'SN']);
const EDIFACT_BUYER_QUALIFIERS: ReadonlySet<string> = new Set(['IN', 'BP']);

interface SegmentReading {
  descriptions: string[];
  codes: string[];
  packs: string[];
  /** Text outside any segment (a line before the message), kept as written. */
  others: string[];
}

function packOf(count: string | undefined): string | undefined {
  const n = Number(count);
  return Number.isInteger(n) && n >= 2 && n <= 100000 ? `pack of ${n}` : undefined;
}

/** X12 id pairs (`qualifier*id`) from `from` on: the product's codes, the buyer's own numbers left out. */
function x12Codes(elements: readonly string[], from: number, into: string[]): void {
  for (let i = from; i + 1 < elements.length; i += 2) {
    const qualifier = (elements[i] ?? '').trim();
    const id = (elements[i + 1] ?? '').trim();
    if (id !== '' && !X12_BUYER_QUALIFIERS.has(qualifier)) into.push(id);
  }
}

function readX12(text: string): SegmentReading {
  const reading: SegmentReading = { descriptions: [], codes: [], packs: [], others: [] };
  for (const segment of text.split('~')) {
    const elements = segment.trim().split('*');
    const tag = elements[0] ?? '';
    if (elements.length < 2 || !SEGMENT_TAG.test(tag)) {
      if (segment.trim() !== '') reading.others.push(segment.trim());
      continue;
    }
    if (tag === 'PID') {
      const description = (elements[5] ?? '').trim();
      if (description !== '') reading.descriptions.push(description);
    } else if (tag === 'LIN') x12Codes(elements, 2, reading.codes);
    else if (tag === 'PO1' || tag === 'IT1') x12Codes(elements, 6, reading.codes);
    else if (tag === 'PO4') {
      const pack = packOf(elements[1]);
      if (pack) reading.packs.push(pack);
    }
  }
  return reading;
}

function readEdifact(text: string): SegmentReading {
  const reading: SegmentReading = { descriptions: [], codes: [], packs: [], others: [] };
  for (const segment of text.split("'")) {
    const elements = segment.trim().split('+');
    const tag = elements[0] ?? '';
    if (elements.length < 2 || !SEGMENT_TAG.test(tag)) {
      if (segment.trim() !== '') reading.others.push(segment.trim());
      continue;
    }
    if (tag === 'IMD') {
      const components = (elements[3] ?? '').split(':');
      const description = [components[3], components[4]].filter((part) => part !== undefined && part.trim() !== '').join(' ');
      if (description !== '') reading.descriptions.push(description.trim());
    } else if (tag === 'LIN') {
      const [id, qualifier] = (elements[3] ?? '').split(':');
      if (id && id.trim() !== '' && !EDIFACT_BUYER_QUALIFIERS.has((qualifier ?? '').trim())) reading.codes.push(id.trim());
    } else if (tag === 'PIA') {
      for (const element of elements.slice(2)) {
        const [id, qualifier] = element.split(':');
        if (id && id.trim() !== '' && !EDIFACT_BUYER_QUALIFIERS.has((qualifier ?? '').trim())) reading.codes.push(id.trim());
      }
    } else if (tag === 'QTY') {
      const [qualifier, count] = (elements[1] ?? '').split(':');
      const pack = qualifier === '52' ? packOf(count) : undefined;
      if (pack) reading.packs.push(pack);
    }
  }
  return reading;
}

/** `text` with the EDI segments it holds read as the product's description, codes and pack count (see the module doc). */
export function withEdiSegmentsRead(text: string): string {
  let reading: SegmentReading | undefined;
  if (text.includes('*') && X12_PRODUCT_SEGMENT.test(text)) reading = readX12(text);
  else if (text.includes("'") && text.includes('+') && EDIFACT_PRODUCT_SEGMENT.test(text)) reading = readEdifact(text);
  if (reading === undefined || (reading.descriptions.length === 0 && reading.codes.length === 0)) return text;
  return [...reading.others, ...reading.descriptions, ...reading.codes, ...reading.packs].join(' ');
}
