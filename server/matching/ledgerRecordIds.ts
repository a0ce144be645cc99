/**
 * A vendor master's own record id written into the vendor's name (read through the supplier name comparator's and name
 * keys' `captionNames` param, captionNames.ts). ERP lists and exports show a vendor as its id and its name in one
 * column: NetSuite's entity display `V20117 Acme Medical, Inc.` (auto-numbered entity ids with a prefix), Dynamics 365
 * Business Central's `V00010 Acme` and `VEND-000123`, SAP's vendor number (LIFNR, zero-padded to ten digits) in
 * `0000100234 ACME MEDICAL` or `100234 - ACME MEDICAL`, Oracle and Sage lists `100234: Acme`, Odoo `[V0042] Acme`, and the
 * id after the name (`Acme Medical (V-00123)`, `ACME MEDICAL - 100234`, `Acme [V0042]`). The id numbers the source's
 * record, never the company: two sources number one vendor differently, and one vendor master's two ids under one name
 * are the duplicate a steward is looking for. So the name is the rest.
 *
 * What is read as an id, and what is not:
 * - one to four letters glued (or hyphenated) to four to ten digits (`V20117`, `VEN-00123`, `K100234`, `SUP_0042`), before
 *   a name of letters; a name that starts with letters and one to three digits (`3M`, `A1 Medical`, `B612`) is no id;
 * - a run of digits only when something says it is a reference: a separator after it (`100234 - `, `100234: `,
 *   `100234 | `), brackets around it, or the zero padding of a fixed-width number field (`0000100234 ACME`). A bare
 *   number before a name is left alone: it is the whole name of a numbered company (`1234567 Ontario Inc.`,
 *   `2189765 ALBERTA LTD.`, `614 298 313 PTY LTD`) or part of one (`1st Choice`, `24 Hour Fitness`, `1-800 Contacts`);
 * - after the name only in brackets or after a separator (`(V-00123)`, `[100234]`, ` - V20117`, `#100234`), never a bare
 *   trailing number (`Cardinal Health 414, LLC` is another legal entity than `Cardinal Health 200, LLC`).
 * The rest must hold a word of three letters, so an id is never the whole name.
 *
 * Own code, not a library: this is a convention of ERP list views that no name parser reads. A cheap literal test
 * (a digit at the start or the end) gates it, so a plain name costs one regular-expression test.
 */

/** A digit in the first or the last few characters: nothing else can hold an id. */
const MAY_HOLD_RECORD_ID = /^\W{0,2}[A-Z_-]{0,5}\d|\d\W{0,2}$/i;

/** Letters glued or hyphenated to a number: an ERP's prefixed, auto-numbered id (`V20117`, `VEND-000123`). */
const PREFIXED_ID = String.raw`[A-Z]{1,4}[-_]?\d{4,10}`;
/** A number an ERP zero-pads to its field width (SAP's ten-digit vendor number). */
const PADDED_NUMBER = String.raw`0\d{4,9}`;
/** A number of a vendor list (five to ten digits): an id only with a separator or brackets. */
const NUMBER = String.raw`\d{5,10}`;

/** `[V0042] `, `(100234) `: an id in brackets before the name. */
const BRACKETED_LEADING = new RegExp(String.raw`^\s*[[(](?:${PREFIXED_ID}|${NUMBER})[\])]\s*[-\u2013:|]?\s*(?<rest>.+)$`, 'i');
/** `V20117 `, `0000100234 `, `100234 - `, `V20117: `, `100234 | `: an id before the name. */
const LEADING = new RegExp(
  String.raw`^\s*(?:(?:${PREFIXED_ID}|${PADDED_NUMBER})(?:\s*[-\u2013:|]\s*|\s+)|${NUMBER}(?:\s+[-\u2013|]\s*|\s*:\s*|\s*\|\s*))(?<rest>.+)$`,
  'i',
);
/** ` (V-00123)`, ` [100234]`, ` - V20117`, ` #100234`, ` | 100234`: an id after the name. */
const TRAILING = new RegExp(
  String.raw`^(?<rest>.+?)\s*(?:[[(]\s*(?:${PREFIXED_ID}|${NUMBER})\s*[\])]|(?:\s[-\u2013|]\s*|\s?#\s?)(?:${PREFIXED_ID}|${NUMBER}))\s*$`,
  'i',
);
/** A word of three letters: the rest is a name, not another code. */
const NAME_WORD = /\p{L}{3}/u;

/** `raw` without the vendor master's record id written before or after the name, or null when it holds none. */
export function withoutLedgerRecordId(raw: string): string | null {
  if (!MAY_HOLD_RECORD_ID.test(raw)) return null;
  const rest = (BRACKETED_LEADING.exec(raw) ?? LEADING.exec(raw) ?? TRAILING.exec(raw))?.groups?.rest?.trim();
  return rest !== undefined && NAME_WORD.test(rest) ? rest : null;
}
