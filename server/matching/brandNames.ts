/**
 * Brand-only organisation names (fuzzy param `brandDescriptorTables`): conference sponsor and exhibitor lists, CMS Open
 * Payments, press releases and ticker lists name a company by the distinctive part of its legal name and leave out the
 * descriptive part (`Netsmart` for NETSMART TECHNOLOGIES, INC.; `symplr` for symplr Software LLC; `Parallon` for
 * Parallon Enterprises, LLC). Company names are built of a distinctive element and a descriptive element (the activity:
 * Technologies, Software, Industries, Communications, Pharmaceuticals) before the legal form, as UK Companies House and
 * EU registers describe them; the legal form is already gone from the compared value (the legal-suffix tables).
 *
 * Only a name that states no legal form is read as a brand (`THE CLOROX COMPANY` is the legal name of the parent, not
 * a brand of CLOROX PROFESSIONAL PRODUCTS COMPANY; `AIRGAS INC` is the holding of AIRGAS USA LLC). Its reading travels
 * in the prepared list behind a mark (nameReadingComparison.ts) and meets the other record's own names: when it is
 * their first words and the rest is one to three descriptive words it scores BRAND_HEAD_SCORE, a similar name for
 * review (and a lone record's attachment to the one cluster it resembles), never a cluster edge and never the same
 * name. Not read when the head is short (an acronym of three letters or fewer is many companies: `PDI`) or a word that
 * is no brand on its own (`AMERICAN`, `NATIONAL`). A country after the brand is no descriptor: `Airgas USA`, `Sarstedt
 * UK`, `TZMO Deutschland` name a national subsidiary, another legal entity than the parent (the fourteenth corpus's
 * false reviews showed it when countries were tried). Words that name another entity of a group (HOLDINGS, GROUP,
 * DISTRIBUTION, TRADING) are kept out of the descriptor table, and so are the health lines of business a diversified
 * group names its subsidiaries by (`Omron Healthcare`, `Terumo Medical`, `Lupin Pharmaceuticals`: the sixth corpus's
 * Wikidata labels `Omron` / `Topcon` named the parents).
 *
 * Own code, not a library: a register convention no name parser reads. Preparation costs a split and a few set
 * look-ups per name; the comparison two `startsWith` calls, only for a pair whose names score below READING_SCORE.
 */

import type { AliasTable } from './aliases';

/** Score of a brand against the legal name it heads: the `jw>=0.9` level of the supplier name comparator (review). */
export const BRAND_HEAD_SCORE = 0.9;

/** The entry of a descriptor table whose variants are words that are no brand on their own. */
const NOT_A_BRAND = 'NOT A BRAND';

/** Shortest distinctive head: a three-letter acronym names many companies. */
const MIN_HEAD_LENGTH = 4;
/** Longest brand (words) and longest descriptive tail (words) read. */
const MAX_BRAND_WORDS = 3;
const MAX_TAIL_WORDS = 3;

/** The words a brand-only name leaves out (descriptors) and the words that are no brand alone, normalised. */
export interface BrandWords {
  descriptors: ReadonlySet<string>;
  notBrands: ReadonlySet<string>;
}

/** The descriptor and not-a-brand words of `tables` as `normalize` writes them (an analyst's edit of a table reaches the reading). */
export function brandWordsOf(tables: readonly AliasTable[], normalize: (value: string) => string): BrandWords {
  const descriptors = new Set<string>();
  const notBrands = new Set<string>();
  for (const table of tables)
    for (const entry of table.entries) {
      const into = entry.canonical === NOT_A_BRAND ? notBrands : descriptors;
      for (const variant of entry.variants) for (const word of normalize(variant).split(' ')) if (word !== '') into.add(word);
    }
  return { descriptors, notBrands };
}

/** True when `short` is the distinctive head of `long`: its first words, the rest of `long` descriptive words only. */
export function isBrandHeadOf(long: string, short: string, words: BrandWords): boolean {
  if (short.length < MIN_HEAD_LENGTH || long.length <= short.length + 1 || !long.startsWith(short) || long.charCodeAt(short.length) !== 32)
    return false;
  if (!mayBeBrand(short, words)) return false;
  const tail = long.slice(short.length + 1).split(' ');
  return tail.length <= MAX_TAIL_WORDS && tail.every((word) => words.descriptors.has(word));
}

/** The legal forms a name may state, as normalised words (the comparator's removeTrailing / removeLeading tables). */
export interface StatedForms {
  trailing: ReadonlySet<string>;
  leading: ReadonlySet<string>;
}

/** The forms of `tables` (removeTrailing and removeLeading variants, normalised by `normalize`). */
export function statedFormsOf(tables: readonly AliasTable[], normalize: (value: string) => string): StatedForms {
  const trailing = new Set<string>();
  const leading = new Set<string>();
  for (const table of tables) {
    const into = table.mode === 'removeTrailing' ? trailing : table.mode === 'removeLeading' ? leading : null;
    if (into === null) continue;
    for (const entry of table.entries)
      for (const variant of entry.variants) {
        const form = normalize(variant);
        if (form !== '' && !NOT_FORMS.has(form)) into.add(form);
      }
  }
  return { trailing, leading };
}

/** Words the prefix tables drop that state no legal form (`THE`, `M/S`, `MESSRS`): `The X` may still be a brand. */
const NOT_FORMS = new Set(['THE', 'M S', 'MESSRS', 'MESSERS']);

/** Longest form looked for, in words (`SOCIEDAD ANONIMA DE CAPITAL VARIABLE`). */
const MAX_FORM_WORDS = 5;
const BRACKETED = /\([^()]*\)/g;

/** SEC EDGAR conformed names end in the state or country of incorporation between slashes (`CLOROX CO /DE/`). */
const EDGAR_STATE = /\s*\/[A-Z]{2,3}\/\s*$/i;

/** True when `raw` (brackets and an EDGAR state aside: a brand or a qualifier) ends or starts with one of `forms`. */
export function statesLegalForm(raw: string, forms: StatedForms, normalize: (value: string) => string): boolean {
  const bare = (raw.includes('(') ? raw.replace(BRACKETED, ' ') : raw).replace(EDGAR_STATE, '');
  const words = normalize(bare).split(' ');
  for (let n = 1; n <= MAX_FORM_WORDS && n < words.length; n++) {
    if (forms.trailing.has(words.slice(words.length - n).join(' '))) return true;
    if (forms.leading.has(words.slice(0, n).join(' '))) return true;
  }
  return false;
}

/** True when the first word of `raw` as written has MIN_HEAD_LENGTH letters or more (`J&J`, `3M` and `PDI` do not). */
export function hasBrandHeadAsWritten(raw: string): boolean {
  const first = /[\p{L}\p{N}]+/u.exec(raw);
  return first !== null && first[0].length >= MIN_HEAD_LENGTH;
}

/** A name that may be read as a brand: few words, a distinctive first word of MIN_HEAD_LENGTH letters or more. */
export function mayBeBrand(name: string, words: BrandWords): boolean {
  const head = name.split(' ');
  const first = head[0] ?? '';
  return (
    head.length <= MAX_BRAND_WORDS &&
    first.length >= MIN_HEAD_LENGTH &&
    !words.notBrands.has(first) &&
    !head.every((word) => words.descriptors.has(word))
  );
}
