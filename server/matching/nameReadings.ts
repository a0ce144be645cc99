/**
 * Other readings of an organisation name as a vendor file writes it (fuzzy params `ocrConfusions`, `domainNames`,
 * `initials`), each giving a near-identical name at most: the reading may be wrong, so a steward decides.
 *
 * - OCR confusions in accounts-payable scans: `ABlOMED lNC` (a lower-case l read for I inside an upper-case word),
 *   `Hi11-Rom Company lnc` (1 for l in lower-case type, and `ln` for In at a word's start: supplier-3.30.0),
 *   `C.R. 8ARD`, `TECHN0LOGIES` (look-alike digits inside a word of letters). Folded only where the token itself
 *   betrays the scan: a word of letters with a look-alike digit in it, or an upper-case word with a lower-case `l`.
 *   A numbered company (`3M`, `5AM`, `A1`, `ACME 2000`) has fewer than three letters or digits that are no look-alikes.
 * - A name taken from a web or e-mail domain (`tandemdiabetes.com`, `ap@accuray.com`, `kimal.co.uk`): the label before
 *   the public suffix, compared with the other name's leading words written together.
 * - Initials with and without dots or spaces (`C. R. BARD` / `CR BARD`) and a founder's initial before the surname
 *   (`H. Lundbeck A/S` / `Lundbeck`).
 */

/** Look-alike digits in OCR'd words and the letters they stand for. */
const OCR_DIGITS: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B' };
const TOKEN = /[\p{L}\p{N}]+/gu;

/** The token with its look-alike characters read as letters, or the token itself when nothing betrays a scan. */
function foldedToken(token: string): string {
  // A word in lower or title case OCR'd with 1 / 0 for l / o (`Hi11`, `C0mpany`): in lower-case type the
  // digit one is the look-alike of the letter l, not of I. Two letters suffice in a word of four or more.
  if (LOWER_CASE_LOOKALIKES.test(token)) return token.replace(/[01]/g, (digit) => (digit === '1' ? 'l' : 'o'));
  // `ln` starts no word (`lnc`, `lndustries`, `lnternational`): the l is a capital I.
  if (token.startsWith('ln') && /^ln[a-z]+$/.test(token)) return `I${token.slice(1)}`;
  // `N0.` before a number is the abbreviation `No.` (`X Corp N0. 2`).
  if (token === 'N0') return 'NO';
  const letters = token.replace(/[^\p{L}]/gu, '').length;
  if (letters < 3) return token;
  const digits = token.replace(/[^0-9]/g, '');
  let out = token;
  if (digits.length > 0 && digits.length < letters && /^[0158]+$/.test(digits) && !/[0-9]{2,}$/.test(token))
    out = out.replace(/[0158]/g, (digit) => OCR_DIGITS[digit] ?? digit);
  // An upper-case word with a lower-case l in it (`ABlOMED`, `lNC`): the l is an I. `iRhythm`, `McKesson` are not.
  if (/l/.test(out) && !/[a-km-z]/.test(out) && (out.match(/[A-Z]/g)?.length ?? 0) >= 2) out = out.replaceAll('l', 'I');
  return out;
}

/**
 * A lower- or title-case word of four characters or more whose only digits are one or two 1 / 0 between lower-case
 * letters (`C0mpany`, `Mi11er`), or a final `11` (`Hi11`); a final single digit or a number (`Lab1`, `Cafe101`) is
 * how brands are written, not a scan.
 */
const LOWER_CASE_LOOKALIKES = /^(?=.{4})(?:[A-Z]?[a-z]*(?:[01]{1,2}[a-z]+)+(?:11)?|[A-Z][a-z]+11|[a-z]{2,}11)$/;

/** A letter beside a look-alike digit, a lower-case l beside an upper-case letter, or a word starting `ln`: the only values worth a closer look. */
const OCR_HINT = /[A-Za-z][0158]|[0158][A-Za-z]|[A-Z]l|l[A-Z]|(?<![\p{L}\p{N}])ln/u;

/** `raw` with OCR look-alikes read as letters, or null when no token of it betrays a scan. */
export function ocrFolded(raw: string): string | null {
  if (!OCR_HINT.test(raw)) return null;
  let changed = false;
  const out = raw.replace(TOKEN, (token) => {
    const folded = foldedToken(token);
    if (folded !== token) changed = true;
    return folded;
  });
  return changed ? out : null;
}

/**
 * Public suffixes of two labels that registrants use as one (`co.uk`, `com.au`): the registrable label is the one
 * before them. A short table instead of the Public Suffix List (no PSL package is installed): a vendor's domain almost
 * always ends in one of these or in a one-label suffix, and a miss only leaves the pair to the other readings.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ltd', 'plc', 'or', 'ne', 'go', 'gv', 'nhs', 'med']);
const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?(?:[\w.%+-]+@)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})\/?$/i;

/** The registrable label of a name that is a web or e-mail domain (`tandemdiabetes.com` → `TANDEMDIABETES`), or null. */
export function domainLabel(raw: string): string | null {
  if (!raw.includes('.')) return null;
  const found = DOMAIN.exec(raw.trim());
  if (!found?.[1]) return null;
  const labels = found[1].toLowerCase().split('.');
  let end = labels.length - 1;
  if (end >= 2 && (labels[end] ?? '').length === 2 && SECOND_LEVEL.has(labels[end - 1] ?? '')) end -= 1;
  const label = (labels[end - 1] ?? '').replaceAll('-', '').toUpperCase();
  return label.length >= 3 ? label : null;
}

/** The leading words of `name` (normalised) that `label` spells written together (`TANDEMDIABETES` → `TANDEM DIABETES`), or null. */
export function leadingWordsSpelled(label: string, name: string): string | null {
  let joined = '';
  let end = 0;
  const words = name.split(' ');
  for (const word of words) {
    joined += word;
    end++;
    if (joined === label) return words.slice(0, end).join(' ');
    if (!label.startsWith(joined)) return null;
  }
  return null;
}

/** Runs of single letters written as one word (`C R BARD` → `CR BARD`): initials with or without spaces are one value. */
export function joinedInitials(value: string): string {
  return value.replace(/\b[A-Z](?: [A-Z]\b)+/g, (run) => run.replaceAll(' ', ''));
}

/** `value` without one or two leading initials before a name with a word of four letters or more (`H LUNDBECK` → `LUNDBECK`), or null. */
export function withoutLeadingInitials(value: string): string | null {
  const found = /^(?:[A-Z] ){1,2}/.exec(value);
  if (!found) return null;
  const rest = value.slice(found[0].length);
  return /[A-Z]{4,}/.test(rest) ? rest : null;
}

/**
 * The merchant of a card descriptor written `MERCHANT*DETAIL` (`ACME*WEB ORDER`, `ACME *SHIP SUPPLIES`): Visa and
 * Mastercard descriptors give the merchant's name (3, 7 or 12 characters) before the asterisk and the product or order
 * after it. A payment facilitator writes the other way round (`SQ *MERCHANT`, `PAYPAL *MERCHANT`), which the name
 * normaliser reads; this is the second reading of the same value, so both stay open. Null when there is no asterisk or
 * fewer than three letters before it (`A*STAR`, `E*TRADE` are names).
 */
export function merchantBeforeAsterisk(raw: string): string | null {
  const star = raw.indexOf('*');
  if (star < 3) return null;
  return asMerchant(raw.slice(0, star).trim());
}

/** `merchant` when it holds three letters or more (a name, not a store number or a stray mark), else null. */
function asMerchant(merchant: string): string | null {
  return /\p{L}.*\p{L}.*\p{L}/u.test(merchant) ? merchant : null;
}

/**
 * A card acceptor's location after its name: ISO 8583 field 43 (the card acceptor name / location that Visa and
 * Mastercard print on statements and expense tools export) holds the name in its first 22–25 characters and the city —
 * or, for a card-not-present merchant, its customer-service phone — in the next 13, then the state or country
 * (`ACME MEDICAL INC 800-555-0199 IL`). Only the phone is read off: a store number after the name may be a franchisee's
 * (`X PRESS #1417`, `X SPEEDY 7123`: one legal entity per number), which the name keeps.
 */
const CARD_ACCEPTOR_PHONE =
  /\s+(?:-\s+)?(?:1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?:\s+[A-Z]{2})?\s*$|\s+1?\d{10}(?:\s+[A-Z]{2})?\s*$/;

/**
 * The merchant of an upper-case card descriptor that ends in a customer-service phone (CARD_ACCEPTOR_PHONE:
 * `IRON WORKS INC 800-555-0199` → `IRON WORKS INC`), or null. A second reading of the value, as the asterisk's.
 */
export function merchantBeforeLocation(raw: string): string | null {
  if (raw !== raw.toUpperCase()) return null;
  const found = CARD_ACCEPTOR_PHONE.exec(raw);
  if (!found) return null;
  return asMerchant(raw.slice(0, found.index).trim());
}

/** A card descriptor's merchant: before its asterisk (merchantBeforeAsterisk) or before its location (merchantBeforeLocation). */
export function cardMerchantOf(raw: string): string | null {
  return merchantBeforeAsterisk(raw) ?? merchantBeforeLocation(raw);
}

/**
 * How `raw` may be a payment-file name cut by a field of one of `widths` characters (NACHA company name 16, individual
 * name 22, a New Zealand direct-credit payee 20, ERP and wire name lines 30 to 40), or null: `'inField'` when it is
 * exactly that long (the cut may fall inside a word), `'atWordEnd'` when it is one character shorter — the cut fell on
 * the space after a word, which the file pads or trims away (`SODEXO OPERATIONS L L` of a 22-character field holding
 * `SODEXO OPERATIONS L L C`), so the other name must go on after a whole word. Upper case only, as payment files write
 * names. A length test first: most names are not a field's width.
 */
export function fieldWidthCutOf(raw: string, widths: ReadonlySet<number>): 'inField' | 'atWordEnd' | null {
  const length = raw.trimEnd().length;
  const kind = widths.has(raw.length) || widths.has(length) ? 'inField' : widths.has(length + 1) ? 'atWordEnd' : null;
  return kind !== null && raw === raw.toUpperCase() && /[A-Z]/.test(raw) ? kind : null;
}
