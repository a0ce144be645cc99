/**
 * Barcode scanner output in free text. A requisition keyed on a phone or a hand scanner carries the scanned element
 * string before a short label: a GS1 element string (`(01)04046021391457(17)290630(10)24F11A8`, in the human-readable
 * form with the application identifiers in brackets, or as the scanner sends it — `]C1`, digits run together, FNC1 as
 * `<GS>` or the group-separator character) or an HIBC string (`+A123BJC5D6E71G/$$3231231BC34567H`).
 *
 * Only the trade-item identifier identifies the product: AI (01) / (02) GTIN, the HIBC primary data (labeler + catalogue
 * number + unit of measure). Expiry (17), best-before (15), production date (11), lot (10), serial (21) and the HIBC
 * secondary data differ between two scans of one product, so they are neither codes, attributes nor words: the
 * element string is taken out of the text the comparators read, and the identifiers are read apart
 * (`gtinsInBarcodeText`, `hibcInBarcodeText`). The AI syntax is GS1 General Specifications §3 (fixed-length AIs
 * listed in figure 7.8.5-2); the HIBC syntax is ANSI/HIBC 2.6 §2.
 */
import { gs1CheckDigit } from '../identifiers/gs1';
import { checkHibcc } from '../identifiers/hibcc';

/** One bracketed element: `(17)290630`, `(10) 24F11A8`. A run of them starting with (01), (02) or (00) is an element string. */
const BRACKETED_ELEMENT_STRING = /(?:\]C1)?\(0[012]\)\s?\d{14,18}(?:\s?\(\d{2,4}\)\s?[^\s()]+)*/g;
/** The GTIN of a bracketed (01) / (02). */
const BRACKETED_GTIN = /\(0[12]\)\s?(\d{14})(?!\d)/g;
// FNC1 sent as the ASCII group separator (29) by a scanner in keyboard mode; written as a string so no control character sits in a literal.
const GROUP_SEPARATOR = String.fromCharCode(29);
/** A scanner's raw element string: optional symbology identifier, then AI 01 / 02 and 14 digits, then other AIs run together. */
const RAW_ELEMENT_STRING = new RegExp(
  `(?<![A-Za-z0-9])(?:\\]C1|\\]d2|\\]Q3)?0[12](\\d{14})[0-9A-Za-z!"%&'*+,./:;<=>?_\\-${GROUP_SEPARATOR}]*(?![A-Za-z0-9])`,
  'g',
);
/** An HIBC string: `+`, a labeler code starting with a letter, data, optional `/` secondary data; Code 39 `*` delimiters allowed. */
const HIBC_STRING = /(?<![A-Za-z0-9])\*?\+([A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9][A-Z0-9\-.$+%]?)(?:\/[A-Z0-9$\-.+%/]*)?\*?(?![A-Za-z0-9])/g;
const HAS_BARCODE = /\(0[012]\)|(?<![A-Za-z0-9])(?:\]C1)?0[12]\d{14}|\+[A-Z][A-Z0-9]{4}/;

/** Whether 14 digits carry a correct GS1 check digit. */
function isGtin14(digits: string): boolean {
  return /^\d{14}$/.test(digits) && !/^0+$/.test(digits) && gs1CheckDigit(digits.slice(0, 13)) === Number(digits[13]);
}

/** `text` without the GS1 element strings and HIBC strings scanned into it (each replaced by a space). */
export function withoutBarcodeData(text: string): string {
  if (!HAS_BARCODE.test(text)) return text;
  return text
    .replace(BRACKETED_ELEMENT_STRING, ' ')
    .replace(RAW_ELEMENT_STRING, (written: string, gtin: string) => (isGtin14(gtin) ? ' ' : written))
    .replace(HIBC_STRING, (written: string, primary: string) => (isHibcPrimary(primary) ? ' ' : written));
}

/** The GTIN-14s of the AI (01) / (02) elements scanned into `text` (check digit verified). */
export function gtinsInBarcodeText(text: string): string[] {
  if (!HAS_BARCODE.test(text)) return [];
  const out: string[] = [];
  for (const pattern of [BRACKETED_GTIN, RAW_ELEMENT_STRING]) {
    for (const match of text.matchAll(pattern)) {
      const gtin = match[1] as string;
      if (isGtin14(gtin) && !out.includes(gtin)) out.push(gtin);
    }
  }
  return out;
}

/** Whether HIBC primary data (without `+`) ends in a correct mod-43 check character. */
function isHibcPrimary(primary: string): boolean {
  return checkHibcc(`+${primary}`).ok;
}

/** The HIBC device identifiers (primary data, check character verified, without it) scanned into `text`. */
export function hibcInBarcodeText(text: string): string[] {
  if (!text.includes('+')) return [];
  const out: string[] = [];
  for (const match of text.matchAll(HIBC_STRING)) {
    const check = checkHibcc(`+${match[1] as string}`);
    if (check.ok && !out.includes(check.value)) out.push(check.value);
  }
  return out;
}

/**
 * `qty 2 BX`, `QTY: 12`, `Quantity 3 cases`: the order quantity a requisition or scanned line carries after its label — how
 * many were ordered, not what the product is (a pack of 50 ordered twice is still a pack of 50).
 */
const ORDER_QUANTITY =
  /(?<![A-Za-z0-9])(?:ORDER\s)?(?:QTY|QUANTITY)\.?\s?[:=]?\s?\d+(?:\s?(?:EA|EACH|BX|BOX|BOXES|CS|CASE|CASES|PK|PKS|PACK|PACKS|BG|BAG|BAGS|CT|CTN|CARTONS?|UNITS?))?(?![A-Za-z0-9])/gi;
const HAS_ORDER_QUANTITY = /QTY|QUANTITY/i;

/** `text` without the order quantity written after its label (`qty 2 BX`). */
export function withoutOrderQuantity(text: string): string {
  return HAS_ORDER_QUANTITY.test(text) ? text.replace(ORDER_QUANTITY, ' ') : text;
}
