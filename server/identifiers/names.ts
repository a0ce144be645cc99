/** Name, part-number, free-text and postal-code normalisers used before matching. */

// Trailing legal-form words that differ between records of the same organisation.
const LEGAL_SUFFIXES = new Set([
  'INC',
  'INCORPORATED',
  'LLC',
  'CORP',
  'CORPORATION',
  'CO',
  'COMPANY',
  'LTD',
  'LIMITED',
  'GMBH',
  'SPA',
  'LP',
  'LLP',
  'PLC',
  'AG',
  'SA',
]);

const NON_ASCII = /[\u0080-\uffff]/;

// Letters that Unicode decomposition does not fold to ASCII (Polish, Nordic, German, French ligatures).
const TRANSLITERATIONS: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Ø: 'O',
  ø: 'o',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  Đ: 'D',
  đ: 'd',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
  // The micro sign and the Greek mu: `µL` = `μL` = `MCL`, `µg` = `MCG` (the pharmacy spelling; alias tables read UL, UG).
  '\u00b5': 'mc',
  '\u03bc': 'mc',
};

function foldAccents(value: string): string {
  // Plain ASCII (most values) has nothing to fold.
  if (!NON_ASCII.test(value)) return value;
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ŁłØøÆæŒœßĐđÞþı\u00b5\u03bc]/g, (letter) => TRANSLITERATIONS[letter] ?? letter);
}

/** Upper-case, accents folded, punctuation to spaces, spaces collapsed. */
export function normalizeText(value: string): string {
  return foldAccents(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * Organisation name for comparison: upper-case, no ®/™, no punctuation, no legal suffixes
 * (INC, LLC, CORP, CO, LTD, GMBH, SPA, LP, PLC…), no leading/trailing "THE", no EDGAR state suffix
 * (`/OH/`) and no trailing parenthesised qualifier (`(publ)`, `(Finland)`).
 * `Kendall Co., The` and `THE KENDALL COMPANY` both become `KENDALL`.
 */
export function normalizeOrgName(name: string): string {
  const text = foldAccents(name)
    .toUpperCase()
    .replace(/\((R|TM|C)\)/g, ' ')
    .replace(/[®™©℠]/g, ' ')
    // SEC EDGAR appends the state of incorporation: `CARDINAL HEALTH INC /OH/`, `ICU MEDICAL INC/DE`.
    // (after a space, after a legal form, or closed by a slash; `HP/ES` stays a name).
    .replace(/(?:\s+\/[A-Z]{2}\/?|(?<=\b(?:INC|CORP|CO|LTD|LLC|LP|PLC|COMPANY|CORPORATION)\.?)\/[A-Z]{2}\/?|\/[A-Z]{2}\/)\s*$/, '')
    // A trailing qualifier in parentheses names a country, a listing or a division, not the organisation:
    // `Getinge AB (publ)`, `Planmeca Oy (Finland)`, `Hillrom (Baxter)`.
    .replace(/\s*\([^()]*\)\s*$/, '')
    // The same qualifier after a comma or dash: `Hospira, Inc., a Pfizer company`, `Acclarent - a Johnson & Johnson company`.
    .replace(/\s*[,\u2013-]\s*AN?\s+[^,()]{1,40}?\s+(?:COMPANY|BUSINESS)\.?\s*$/, '')
    // AP books write `+` for `&` (`B+B MEDICAL`, `JOHNSON + JOHNSON`); a `+` inside a word (`C++`) is left alone.
    .replace(/\s\+\s|(?<=\b[A-Z])\+(?=[A-Z]\b)/g, ' AND ')
    .replace(/&/g, ' AND ')
    // Dots and apostrophes join (L.L.C. → LLC, S.p.A. → SPA, O'Neil → ONEIL); other punctuation separates.
    .replace(/[.'’]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  const words = text === '' ? [] : text.split(' ');
  let changed = true;
  while (changed && words.length > 1) {
    changed = false;
    const last = words.at(-1) ?? '';
    if (last === 'THE' || LEGAL_SUFFIXES.has(last)) {
      words.pop();
      // "Becton, Dickinson and Company": the AND belonged to the suffix.
      if (words.length > 1 && words[words.length - 1] === 'AND') words.pop();
      changed = true;
    } else if (words[0] === 'THE') {
      words.shift();
      changed = true;
    }
  }
  return words.join(' ');
}

/** Part or catalogue number for comparison: upper-case letters and digits only (`10-775-PA-55` → `10775PA55`). */
export function normalizePartNumber(value: string): string {
  return foldAccents(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

const US_NAMES = new Set(['US', 'USA', 'UNITED STATES', 'UNITED STATES OF AMERICA']);

/**
 * Postal code for comparison. US (the default when no country is given): the 5-digit ZIP, ZIP+4
 * dropped, lost leading zeros of 4-digit ZIPs restored; null when it is not a ZIP. Other
 * countries: upper-case with single spaces.
 */
export function normalizePostalCode(value: string, country?: string): string | null {
  const isUs = country === undefined || country.trim() === '' || US_NAMES.has(normalizeText(country));
  const text = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (text === '') return null;
  if (!isUs) return text;
  const digits = text.replace(/[\s-]/g, '');
  if (!/^[0-9]+$/.test(digits)) return null;
  // ZIP+4 written without hyphen is 9 digits; with the leading zero lost, 8.
  if (digits.length === 9 || digits.length === 8) return digits.padStart(9, '0').slice(0, 5);
  if (digits.length === 5 || digits.length === 4) return digits.padStart(5, '0');
  return null;
}
