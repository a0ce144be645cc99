/**
 * Transaction and location references around an item line (items22recall, item-3.45.0), the text rewrite
 * `transactionReferences`: a purchase order's number (`PO 4500881`, `P.O. #4500881`, `Purchase order: 4500881`), a
 * goods-received note's (`GRN 104233`), a returns authorisation's (`RMA 25-00631`), an invoice's (`INV-2026-04127`,
 * `Invoice no. 88412`), a delivery note's, despatch note's or packing slip's (`Delivery note 55120`, `Delivery docket 4471`), a
 * requisition's (`REQ-20931`), a service-desk ticket's or incident's (`Ticket #4471`, `INC0012345`) and the bin or
 * location a store keeps it in (`BIN RESP-04`, `Loc: A-12`). Every ERP, procurement and stores system writes these
 * beside the product on its lines (goods receipts, returns, invoices, pick lists, tickets): they name the document or
 * the shelf, never the product. Read as codes they did both kinds of harm: two sources' lines of one product carry
 * different document numbers (a code conflict, as if two makers' part numbers differed), and two products' lines of
 * one document carry the same one (a shared code, as if one part number agreed).
 *
 * The label must be one of the document words below, and the reference must hold a digit and four characters at least
 * (the length of a code in text): `PO` before a dose frequency (`PO BD`, `PO q4h`) and a sharps bin's volume (`BIN
 * 12L`, a bin reference must start with a letter or hold a hyphen) are left alone. `ORDER` alone and `CASE` are not
 * labels: a catalogue's `Order code` / `Order no.` is the product's own number, and `case` is a pack. Applied only
 * where codes are read (the catalogInText comparator and blocking key), so no description or attribute changes.
 *
 * Hand-written: a document label is a business-document convention, no library reads it. One literal gate per text,
 * results remembered per text (rememberRecent), never per pair.
 */
import { rememberRecent } from './recentValues';

/** Document words whose number follows: purchase order, goods received, returns, invoice, delivery / despatch, packing slip, requisition, ticket. */
const DOCUMENT_LABEL =
  '(?:P\\.?\\s?O\\.?|PURCHASE\\s+ORDER|GRN|GOODS\\s+RECEIVED(?:\\s+NOTE)?|RMA|RETURNS?\\s+AUTHORI[SZ]ATION|INV(?:OICE)?|DELIVERY\\s+(?:NOTE|DOCKET)|DESPATCH\\s+NOTE|DISPATCH\\s+NOTE|PACKING\\s+(?:SLIP|LIST)|REQ(?:UISITION)?|TICKET|INCIDENT)(?![A-Z])';
/** `no.`, `number`, `#`, `:` between the label and its number. */
const NUMBER_MARK = '(?:\\s*(?:NO\\.?|NUMBER|NR\\.?|#|:)){0,2}';
/** A reference: letters, digits and inner hyphens, slashes or dots (isReference: holding a digit). */
const REFERENCE_REST = '(?:[A-Z0-9]|[-/.](?=[A-Z0-9]))*';
const REFERENCE = `[A-Z0-9]${REFERENCE_REST}`;

const DOCUMENT_REFERENCE = new RegExp(`\\b${DOCUMENT_LABEL}${NUMBER_MARK}[\\s-]*(${REFERENCE})`, 'gi');
/** A bin or location: `BIN RESP-04`, `Bin: A12`, `Loc A-12-3`; the reference starts with a letter or holds a hyphen. */
const LOCATION_REFERENCE = new RegExp(
  `\\b(?:BIN|LOC(?:ATION)?)(?![A-Z])${NUMBER_MARK}\\s*([A-Z]${REFERENCE_REST}|\\d+-${REFERENCE})`,
  'gi',
);
/** A ServiceNow-style incident or request number glued to its prefix: `INC0012345`, `RITM0012345`, `REQ0012345`. */
const GLUED_TICKET = /\b(?:INC|RITM|REQ|CHG|TASK)\d{5,}\b/gi;

/** The cheap gate: a document word standing alone (`PO`, not `POUCH`), before the three patterns run. */
const HAS_LABEL =
  /\b(?:P\.?\s?O|PURCHASE|GRN|GOODS|RMA|RETURNS?|INV(?:OICE)?|DELIVERY|DESPATCH|DISPATCH|PACKING|REQ(?:UISITION)?|TICKET|INC|INCIDENT|RITM|CHG|TASK|BIN|LOC(?:ATION)?)(?![A-Z])/i;
const DIGIT = /\d/;
const ALPHANUMERIC = /[A-Z0-9]/gi;

function isReference(reference: string): boolean {
  return DIGIT.test(reference) && (reference.match(ALPHANUMERIC)?.length ?? 0) >= 4;
}

function dropReference(whole: string, reference: string): string {
  return isReference(reference) ? whole.slice(0, whole.length - reference.length) : whole;
}

/** `text` without the numbers of purchase orders, receipts, returns, invoices, slips, requisitions, tickets and bins. */
export function withoutTransactionReferences(text: string): string {
  if (!HAS_LABEL.test(text)) return text;
  return text.replace(DOCUMENT_REFERENCE, dropReference).replace(LOCATION_REFERENCE, dropReference).replace(GLUED_TICKET, ' ');
}

/** A whole cell of a row that names its document: `Incident W481207`, `Ticket #48360`, `Packing list PL-558210`, `PO 4500881`. */
const DOCUMENT_CELL = new RegExp(`^\\s*${DOCUMENT_LABEL}${NUMBER_MARK}[\\s-]*(${REFERENCE})\\s*$`, 'i');

/**
 * `cells` (a row's cells split at `|`) without those that only name the row's document — an incident report's, a
 * ticket's, a packing list's or an order's own number opening the row (items24free, item-3.48.0): the label and the
 * number are out of the description too, not only of the codes, as neither says anything of the product.
 */
export function withoutDocumentCells(cells: string): string {
  if (!HAS_LABEL.test(cells)) return cells;
  return cells
    .split('|')
    .map((cell) => {
      const reference = DOCUMENT_CELL.exec(cell)?.[1];
      return reference !== undefined && isReference(reference) ? ' ' : cell;
    })
    .join('|');
}

/** withoutTransactionReferences, remembered per text (the catalogInText comparator and key read the same texts). */
export const recentWithoutTransactionReferences = rememberRecent(withoutTransactionReferences);
