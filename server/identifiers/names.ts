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
  // Icelandic and Faroese eth: their ASCII spellings write d (Suðuroy = Suduroy, Landspítalinn's Reykjavík lists).
  Ð: 'D',
  ð: 'd',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
  // Azerbaijani schwa (Məhdud Məsuliyyətli Cəmiyyəti): ASCII spellings of Azerbaijani names write E.
  Ə: 'E',
  ə: 'e',
  // Hausa hooked letters (Ɓ Ɗ Ƙ Ƴ): ASCII Hausa writes B D K Y (`baƙi` = `baki`, `ɗaya` = `daya`; items27text).
  Ɓ: 'B',
  ɓ: 'b',
  Ɗ: 'D',
  ɗ: 'd',
  Ƙ: 'K',
  ƙ: 'k',
  Ƴ: 'Y',
  ƴ: 'y',
  // Northern Sámi eng and t-stroke (Helse Nord's and Kartverket's Sámi names): ASCII Sámi writes n and t (`Ruoŧŧa` =
  // `Ruotta`); Sámi đ is folded with Đ above, á č š ž decompose.
  Ŋ: 'N',
  ŋ: 'n',
  Ŧ: 'T',
  ŧ: 't',
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
    .replace(/[ŁłØøÆæŒœßĐđÐðÞþıƏəƁɓƊɗƘƙƳƴŊŋŦŧ\u00b5\u03bc]/g, (letter) => TRANSLITERATIONS[letter] ?? letter);
}

/** Upper-case, accents folded, punctuation to spaces, spaces collapsed. */
export function normalizeText(value: string): string {
  return foldAccents(value)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * Cyrillic and Greek letters romanised, as registers and payment files write these names in Latin letters: Russian,
 * Ukrainian and Kazakh after the ICAO Doc 9303 / BGN-PCGN practice (Х = KH, Ц = TS, Ч = CH, Ш = SH, Щ = SHCH, Ж = ZH,
 * Ю = IU, Я = IA; Ь and Ъ silent), Greek after ELOT 743 (Η = I, Υ = Y, Χ = CH, Ξ = X; ΟΥ = OU, ΑΥ / ΕΥ = AV / EV, and
 * ΜΠ / ΝΤ / ΓΚ at the start of a word = B / D / G as romanised names write them: ΝΤΕΜΟ = DEMO). Letter by letter: a
 * name's own Latin spelling (BIOCAD for БИОКАД) may still differ by a letter, which the fuzzy comparison absorbs.
 */
const CYRILLIC: Record<string, string> = {
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Ґ: 'G',
  Д: 'D',
  Е: 'E',
  Ё: 'E',
  Є: 'IE',
  Ж: 'ZH',
  З: 'Z',
  И: 'I',
  І: 'I',
  Ї: 'I',
  Й: 'I',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TS',
  Ч: 'CH',
  Ш: 'SH',
  Щ: 'SHCH',
  Ъ: '',
  Ы: 'Y',
  Ь: '',
  Э: 'E',
  Ю: 'IU',
  Я: 'IA',
  Ә: 'A',
  Ғ: 'G',
  Қ: 'K',
  Ң: 'N',
  Ө: 'O',
  Ұ: 'U',
  Ү: 'U',
  Һ: 'H',
};
const GREEK: Record<string, string> = {
  Α: 'A',
  Β: 'V',
  Γ: 'G',
  Δ: 'D',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'I',
  Θ: 'TH',
  Ι: 'I',
  Κ: 'K',
  Λ: 'L',
  Μ: 'M',
  Ν: 'N',
  Ξ: 'X',
  Ο: 'O',
  Π: 'P',
  Ρ: 'R',
  Σ: 'S',
  Τ: 'T',
  Υ: 'Y',
  Φ: 'F',
  Χ: 'CH',
  Ψ: 'PS',
  Ω: 'O',
};
const GREEK_DIGRAPHS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\u0370-\u03ff])ΜΠ/g, 'B'],
  [/(?<![\u0370-\u03ff])ΝΤ/g, 'D'],
  [/(?<![\u0370-\u03ff])ΓΚ/g, 'G'],
  [/ΓΓ/g, 'NG'],
  [/ΟΥ/g, 'OU'],
  [/ΑΥ/g, 'AV'],
  [/ΕΥ/g, 'EV'],
];
// The Greek mu alone is the micro sign of a unit (`μL`, folded to MC): only other Greek or Cyrillic letters start romanising.
const CYRILLIC_OR_GREEK = /[\u0370-\u03bb\u03bd-\u03ff\u0400-\u04ff]/;

/** `value` upper-cased with Cyrillic and Greek letters romanised when it holds any; otherwise `value` unchanged. */
export function romanizeCyrillicAndGreek(value: string): string {
  if (!CYRILLIC_OR_GREEK.test(value)) return value;
  // Accents (Ά, Ώ, Й = И + breve) are folded first so the digraphs and the tables see bare capitals.
  let text = value
    .toUpperCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  for (const [pattern, latin] of GREEK_DIGRAPHS) text = text.replace(pattern, latin);
  return text.replace(/[\u0370-\u03ff\u0400-\u04ff]/g, (letter) => CYRILLIC[letter] ?? GREEK[letter] ?? letter);
}

/**
 * A card-processor or payment-facilitator prefix before the merchant's name (Visa and Mastercard merchant descriptors:
 * a facilitator's name of up to 12 characters, an asterisk, then the sub-merchant's name — `SQ *CITY LOCK & KEY`,
 * `PAYPAL *SIMULAIDS`, `TST* CAFE X`, `SP * X`): what follows the asterisk is the merchant. At least two characters
 * before it: `A*STAR` and `E*TRADE` are names.
 */
const PROCESSOR_PREFIX = /^\s*[A-Z0-9][A-Z0-9.]{1,11}\s?\*+\s*(?=[A-Z0-9])/;

/**
 * Organisation name for comparison: upper-case, no ®/™, no punctuation, no legal suffixes
 * (INC, LLC, CORP, CO, LTD, GMBH, SPA, LP, PLC…), no leading/trailing "THE", no EDGAR state suffix
 * (`/OH/`) and no trailing parenthesised qualifier (`(publ)`, `(Finland)`).
 * `Kendall Co., The` and `THE KENDALL COMPANY` both become `KENDALL`.
 */
export function normalizeOrgName(name: string): string {
  const text = foldAccents(romanizeCyrillicAndGreek(name))
    .toUpperCase()
    .replace(PROCESSOR_PREFIX, '')
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
    // Dots and apostrophes join (L.L.C. → LLC, S.p.A. → SPA, O'Neil → ONEIL); other punctuation separates. So does the
    // Hawaiian ʻokina (U+02BB, typed as ‘ or '), a consonant written between the vowels of one word (`Kauaʻi`, `Hawaiʻi`):
    // lists without it write the word whole (`KAUAI`, `HAWAII`).
    .replace(/[.'’ʻ‘]/g, '')
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
