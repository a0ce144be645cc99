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

/** Wraps a similarity: a value truncated inside a word scores at least TRUNCATED_SCORE against the full one. */
export function withTruncation(similarity: (x: string, y: string) => number): (x: string, y: string) => number {
  return (x, y) => {
    const base = similarity(x, y);
    if (base >= TRUNCATED_SCORE) return base;
    return x.length <= y.length ? (isTruncationOf(x, y) ? TRUNCATED_SCORE : base) : isTruncationOf(y, x) ? TRUNCATED_SCORE : base;
  };
}
