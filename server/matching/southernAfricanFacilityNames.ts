/**
 * Grammar of South African facility names that the `facilityName` normaliser undoes before the facility tables read
 * the words (facility-2.32.0). The Western Cape Government, the Eastern Cape and KwaZulu-Natal departments of health
 * publish their hospital and clinic lists in English, Afrikaans and isiXhosa or isiZulu; the words themselves
 * (hospitaal, kliniek, isibhedlele, ikliniki…) are rows of facilityTranslations, and these are the conventions a word
 * table cannot express:
 *
 * - *Afrikaans compounds.* Afrikaans, like Dutch, writes a kind of hospital as one word with its head last
 *   (`kinderhospitaal`, children's hospital; `daghospitaal`, day hospital; `streekhospitaal`, regional hospital) and
 *   joins a name to it with a hyphen (`Tygerberg-hospitaal`, `Rooikruis-oorlogsgedenkkinderhospitaal`). A word of at
 *   least three letters before the head HOSPITAAL or KLINIEK is split off it, and then KINDER (children's) off what is
 *   left, so each part is a word the tables read.
 * - *Nguni concords.* isiXhosa and isiZulu write the place or the person a facility is named after with the
 *   possessive concord of the facility noun glued to it (`Isibhedlele saseTygerberg`, hospital of-at Tygerberg: the
 *   class-7 concord sa- with the locative -se- before a proper name; `Ikliniki yaseKhayelitsha`: class 9 ya-;
 *   `sikaMandela`: of a person), or a loan name with its noun-class prefix (`Isibhedlele iGroote Schuur`). Read only in
 *   a name holding a Nguni facility noun (isibhedlele, isibhedlela, ikliniki), the lower-case concord or prefix glued to
 *   a capitalised word is dropped; in a name written all in capitals the concord + locative (SASE, YASE…) opening the
 *   word right after the noun is.
 */

/** A Nguni facility noun (isiXhosa isibhedlele, isiZulu / siSwati (i)sibhedlela, their plurals and locatives, ikliniki). */
const NGUNI_FACILITY_NOUN = /(?<![\p{L}])(?:[ie]?[sz]i)?bhedlel[ae]|(?<![\p{L}])[ie]kliniki(?![\p{L}])/iu;
/**
 * A lower-case possessive concord (wa ya la sa za ba lwa kwa, with the locative -se- before a place: sase, yase; ka /
 * sika before a person) or a noun-class prefix (i, u) or locative (e), glued to a capitalised word, with or without a hyphen.
 */
const GLUED_CONCORD = /(?<![\p{L}\p{N}])(?:(?:[wylszb]|lw|kw)?a(?:se)?|(?:[wylszb]i)?ka|[iue])-?(?=\p{Lu})/gu;
/** In capitals: the concord + locative opening the word right after the facility noun (`ISIBHEDLELE SASETYGERBERG`). */
const CAPITAL_CONCORD = /(?<=(?:BHEDLEL[AE]|KLINIKI)\s+)(?:[WYLSZB]|LW|KW)?ASE-?(?=[A-Z]{3})/g;

/** Afrikaans facility heads a compound ends in. */
const AFRIKAANS_HEAD = /(?<=\p{L}{3})-?(hospitaal|kliniek)(?![\p{L}])/giu;
/** Afrikaans `kinder` (children's) right before a split head, after a modifier of its own (`oorlogsgedenk|kinder`). */
const AFRIKAANS_CHILDRENS = /(?<=\p{L}{3})(kinder)(?=\s+(?:hospitaal|kliniek)(?![\p{L}]))/giu;

/** `Rooikruis-oorlogsgedenkkinderhospitaal` → `Rooikruis-oorlogsgedenk kinder hospitaal`; other text unchanged. */
export function withAfrikaansCompoundsSplit(raw: string): string {
  if (!/hospitaal|kliniek/i.test(raw)) return raw;
  return raw.replace(AFRIKAANS_HEAD, ' $1').replace(AFRIKAANS_CHILDRENS, ' $1');
}

/** `Isibhedlele saseTygerberg` → `Isibhedlele Tygerberg`, `Isibhedlele iGroote Schuur` → `Isibhedlele Groote Schuur`; other text unchanged. */
export function withoutNguniConcords(raw: string): string {
  if (!NGUNI_FACILITY_NOUN.test(raw)) return raw;
  return raw.replace(GLUED_CONCORD, '').replace(CAPITAL_CONCORD, '');
}

/** The conventions above. */
export function withSouthernAfricanConventions(raw: string): string {
  return withoutNguniConcords(withAfrikaansCompoundsSplit(raw));
}
