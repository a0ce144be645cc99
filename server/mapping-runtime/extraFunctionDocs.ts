/**
 * Signatures and one-line docs of the functions the runtime adds to every mapping, as data:
 * the studio's autocomplete imports this file (no server code runs in the browser).
 */

export interface ExtraFunctionDoc {
  name: string;
  /** JSONata-style call signature shown in the editor. */
  signature: string;
  doc: string;
  example: string;
}

export const extraFunctionDocs: readonly ExtraFunctionDoc[] = [
  {
    name: '$lookup',
    signature: '$lookup(table: string, key: string | number, default?: any)',
    doc: "Value stored under `key` in the named lookup table, else `default` (else undefined); an unknown table fails the record with LOOKUP_MISSING. With an object as first argument it is JSONata's built-in $lookup.",
    example: "$lookup('uom', UNIT_MEASURE_STD, 'EA')",
  },
  {
    name: '$gtin14',
    signature: '$gtin14(value)',
    doc: 'GTIN-8/12/13/14 as 14 digits, or null when the check digit or length is wrong.',
    example: '$gtin14(EAN11)',
  },
  {
    name: '$ndc11',
    signature: '$ndc11(value)',
    doc: 'Hyphenated NDC (4-4-2, 5-3-2, 5-4-1) as 11 digits 5-4-2, or null when invalid.',
    example: '$ndc11(NDC)',
  },
  {
    name: '$ein',
    signature: '$ein(value)',
    doc: 'US EIN as 9 digits, or null when it has the wrong length or an unassigned prefix.',
    example: '$ein(TaxpayerId)',
  },
  {
    name: '$duns',
    signature: '$duns(value)',
    doc: 'DUNS as 9 digits (8-digit values left-padded), or null when invalid.',
    example: '$duns(DUNSNumber)',
  },
  {
    name: '$ccn',
    signature: '$ccn(value)',
    doc: 'CMS Certification Number as 6 characters, or null when invalid.',
    example: "$ccn($.'Facility ID')",
  },
  {
    name: '$uom',
    signature: '$uom(value)',
    doc: 'Unit of measure as its standard code (e.g. CA → CS), or null when unknown.',
    example: '$uom(STOCK_UOM)',
  },
  {
    name: '$normalizeName',
    signature: '$normalizeName(value)',
    doc: 'Organisation name for matching: upper case, no ®/™ or punctuation, legal suffixes (INC, LLC…) and leading THE removed.',
    example: '$normalizeName(NAME1)',
  },
  {
    name: '$partNumber',
    signature: '$partNumber(value)',
    doc: 'Manufacturer or vendor part number as upper-case letters and digits only.',
    example: '$partNumber(MFG_ITM_ID)',
  },
  {
    name: '$postalCode',
    signature: '$postalCode(value, country?)',
    doc: 'Postal code normalised for the country (US: 5 digits, restoring a lost leading zero).',
    example: "$postalCode(ZIP, 'US')",
  },
  {
    name: '$checkGtin',
    signature: '$checkGtin(value)',
    doc: 'Validates a GTIN: {"ok": true, "value": <14 digits>} or {"ok": false, "code": "INVALID_GTIN", "message": <why>}.',
    example: '$checkGtin(EAN11).ok ? $checkGtin(EAN11).value : null',
  },
];
