/**
 * Names cut by a fixed-width field (fuzzy param `truncated`): AP vendor books, 1099 files and older ERPs keep 30, 35
 * or 40 characters, so `IRON MOUNTAIN INFORMATION MANAGEMENT LLC` arrives as `IRON MOUNTAIN INFORMATION MANA`. A value
 * whose words are the other's first words with the last one cut inside a word (`MANA` / `MANAGEMENT`) was truncated.
 *
 * A cut between words is not read as truncation (`OWENS AND MINOR` vs `OWENS AND MINOR DISTRIBUTION` is a parent and
 * its subsidiary) unless the short value ends in a connector no name ends in (`AND`, `OF`, `DE`). And the missing tail may have named another entity, so a truncated pair scores TRUNCATED_SCORE — a
 * near-identical name (a cluster edge, a review), never the same name.
 */

/** Score of a pair equal only up to a cut inside the shorter value's last word. */
export const TRUNCATED_SCORE = 0.97;
/** Shorter values are not field cuts (a 30-character field minus punctuation and a legal form is longer). */
const MIN_TRUNCATED_LENGTH = 20;

/**
 * Legal forms a cut can leave the start of (`USA I` for `USA INC`, `CO LT` for `CO LTD`, `PRIVATE LI` for `PRIVATE
 * LIMITED`, `KABUSHIK` for `KABUSHIKI KAISHA`); the other side lost the whole form to legalSuffixes.
 */
const LEGAL_FORMS = [
  'INCORPORATED',
  'CORPORATION',
  'COMPANY',
  'LIMITED',
  'LLC',
  'LLP',
  'CO LTD',
  'CO LIMITED',
  'COMPANY LIMITED',
  'PVT LTD',
  'PRIVATE LIMITED',
  'PTY LTD',
  'PROPRIETARY LIMITED',
  'KABUSHIKI KAISHA',
  'GMBH AND CO KG',
  'SE AND CO KG',
];

/** Words a name never ends in: a value ending in one was cut between words (`JIANGSU YUYUE MEDICAL EQUIPMENT AND`). */
const CONNECTORS = new Set(['AND', 'OF', 'FOR', 'THE', 'DE', 'DA', 'DO', 'DEL', 'DI', 'DU', 'ET', 'Y', 'E']);

/**
 * True when `value` is `other` plus the start of a legal form, cut, after a name of MIN_TRUNCATED_LENGTH
 * (`… USA I`, `… CORPORATI`, `… CO LT`, `… PTY L`).
 */
function endsInCutLegalForm(value: string, other: string): boolean {
  if (other.length < MIN_TRUNCATED_LENGTH || !value.startsWith(`${other} `)) return false;
  const tail = value.slice(other.length + 1);
  return LEGAL_FORMS.some((form) => form !== tail && form.startsWith(tail));
}

/** True when `short` ends in a connector and `long` goes on after it with whole words (a cut between words). */
function endsInConnector(short: string, long: string): boolean {
  const space = short.lastIndexOf(' ');
  return space >= MIN_TRUNCATED_LENGTH && CONNECTORS.has(short.slice(space + 1)) && long.startsWith(`${short} `);
}

/**
 * True when `short` is `long` cut inside a word: the same first words, the last one a proper prefix of `long`'s —
 * or `short` is `long` plus the first letters of a cut legal form (`MEDTRONIC SOFAMOR DANEK USA I`), or `short`
 * ends in a connector after which `long` goes on (`… EQUIPMENT AND` / `… EQUIPMENT AND SUPPLY`).
 */
export function isTruncationOf(short: string, long: string): boolean {
  if (endsInCutLegalForm(short, long) || endsInCutLegalForm(long, short) || endsInConnector(short, long)) return true;
  if (short.length < MIN_TRUNCATED_LENGTH || short.length >= long.length || !long.startsWith(short)) return false;
  // The cut falls inside a word of `long`: the next character continues the word.
  const next = long[short.length];
  return next !== undefined && next !== ' ' && short.at(-1) !== ' ';
}

/**
 * Words after which a final number is part of the name, not a copy counter (`CINTAS CORPORATION NO 2`, `UNIT 4`,
 * `STORE 0457`, `ROUTE 66`): an address or branch designator.
 */
const NUMBERED_WORDS = new Set([
  'NO',
  'NR',
  'NUM',
  'NUMBER',
  'UNIT',
  'STORE',
  'SUITE',
  'STE',
  'ROOM',
  'BLDG',
  'BUILDING',
  'PLANT',
  'STATION',
  'ROUTE',
  'DEPT',
  'LOCATION',
  'LOC',
  'BRANCH',
  'DISTRICT',
  'REGION',
  'PHASE',
  'LEVEL',
  'FLOOR',
]);

/**
 * True when `long` is `short` plus an accounts-payable copy counter: a final number of one or two digits after a
 * word of at least three letters that is no numbered designator (`PATTERSON DENTAL SUPPLY 2`, `MEDLINE INDUSTRIES
 * 02`). A longer number (`CARDINAL HEALTH 200`) or one after `NO`, `UNIT`, `STORE` is part of the name.
 */
export function isCopyCounterOf(long: string, short: string): boolean {
  if (!long.startsWith(`${short} `)) return false;
  const counter = long.slice(short.length + 1);
  if (!/^[0-9]{1,2}$/.test(counter)) return false;
  const lastWord = short.slice(short.lastIndexOf(' ') + 1);
  return /^[A-Z]{3,}$/.test(lastWord) && !NUMBERED_WORDS.has(lastWord);
}

/**
 * Legal-form words that can stand inside a normalised name with a place after them (`ROCHE DIAGNOSTICS GMBH
 * MANNHEIM`, `ACME SA MADRID`, `ACME INC - USA`): the other side lost the form at the end of its name. `CO` and
 * `COMPANY` are left out (`ACME CO PRODUCTS`), as are forms a place word could be mistaken for.
 */
const FORMS_BEFORE_PLACE = new Set([
  'INC',
  'INCORPORATED',
  'CORP',
  'CORPORATION',
  'LLC',
  'LTD',
  'LIMITED',
  'PLC',
  'GMBH',
  'AG',
  'SE',
  'KG',
  'SA',
  'SAS',
  'SARL',
  'SPA',
  'SRL',
  'SL',
  'BV',
  'NV',
  'AB',
  'OY',
  'OYJ',
  'KK',
  'LTDA',
]);

/** Places are written in letters; a place word is neither a legal form nor a connector (`SA DE CV` is one form). */
function isPlaceWord(word: string): boolean {
  return /^[A-Z]{2,}$/.test(word) && !FORMS_BEFORE_PLACE.has(word) && !CONNECTORS.has(word) && word !== 'CO' && word !== 'COMPANY';
}

/**
 * True when `long` is `short`, a legal form and one or two place words (`ROCHE DIAGNOSTICS GMBH MANNHEIM`,
 * `SCHILLER AG BAAR`, `ACME INC USA` from `ACME INC - USA`): a city or country written after the form is not part
 * of the name. A different country still tells companies apart through the country comparator.
 */
export function isPlaceAfterFormOf(long: string, short: string): boolean {
  if (!long.startsWith(`${short} `)) return false;
  const [form, ...place] = long.slice(short.length + 1).split(' ');
  return form !== undefined && FORMS_BEFORE_PLACE.has(form) && place.length >= 1 && place.length <= 2 && place.every(isPlaceWord);
}

/** Whether the longer value is the shorter cut, or the shorter plus a copy counter or a place after its legal form. */
function isNearlyOf(short: string, long: string): boolean {
  return isTruncationOf(short, long) || isCopyCounterOf(long, short) || isPlaceAfterFormOf(long, short);
}

/**
 * Wraps a similarity: a value truncated inside a word, or the other plus an AP copy counter or a place after the
 * legal form, scores at least TRUNCATED_SCORE against the other — a near-identical name, never the same name.
 */
export function withTruncation(similarity: (x: string, y: string) => number): (x: string, y: string) => number {
  return (x, y) => {
    const base = similarity(x, y);
    if (base >= TRUNCATED_SCORE) return base;
    return x.length <= y.length ? (isNearlyOf(x, y) ? TRUNCATED_SCORE : base) : isNearlyOf(y, x) ? TRUNCATED_SCORE : base;
  };
}
