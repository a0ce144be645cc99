/**
 * Names in other scripts as payment files and national lists write them, read before and after romanisation
 * (normaliser `scriptReadingOrgName`; fuzzy and nameTokens param `scriptSkeletons`):
 *
 * - Half-width and full-width forms (Japanese Zengin bank-transfer payee names are half-width katakana, `ｶ)ｵﾘﾝﾊﾟｽ`;
 *   Japanese accounting lists write Latin names full-width, `ＨＯＹＡ（株）`) read as ordinary characters (NFKC).
 * - Zengin names have no small kana: `ﾍﾞﾂﾄﾞ` is ベッド, `ｺｳｷﾞﾖｳ` is コウギョウ. Small kana are read large on both sides, and
 *   the long-vowel mark (`ー`, and the `-` Zengin writes for it) is dropped, so the payee name and the kana name of one
 *   company are one name.
 * - Abbreviated legal forms written in kana, kanji, Hangul or Georgian (`ｶ)` / `(ｶ` = `(株)` = 株式会社, `(주)` = 주식회사,
 *   `შპს` = შეზღუდული პასუხისმგებლობის საზოგადოება) are read as the full form (table `scriptLegalAbbreviations`), which
 *   the organisation tables then translate and remove.
 * - A consonant skeleton (`loanwordSkeleton`) compares a name romanised from kana, Hangul or Devanagari with the
 *   company's own Latin spelling: loanword readings add and change vowels (`パラマウントベッド` → `paramauntobeddo`,
 *   `셀트리온` → `SelTeuLiOn`, `सन फार्मा` → `sn pharma`) and fold consonants a language does not tell apart (r / l,
 *   b / v, f / h), so the skeleton keeps consonant classes only.
 *
 * Own code, not a library: no npm package reads Zengin names, and a romaniser per language would need one package per
 * script (any-ascii, already used, is the one that covers them all; its kana reading is kept).
 */
import { shippedAliasTables, type AliasTable } from './aliases';

/** Characters NFKC changes in names: half-width kana, full-width Latin and brackets, parenthesised ideographs (㈱). */
const NEEDS_NFKC = /[\uFF00-\uFFEF\u3200-\u33FF]/;
const SMALL_KANA: Readonly<Record<string, string>> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
};
const SMALL_KANA_PATTERN = /[ァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ]/g;
/** A long-vowel mark after a kana (`ー`, or the ASCII `-` / `－` a Zengin file writes for it). */
const LONG_VOWEL = /(?<=[\p{Script=Katakana}\p{Script=Hiragana}])[ー\-－]/gu;
/** Georgian letters (Mkhedruli, Mtavruli, Nuskhuri): a register name whose abbreviated legal form leads (`შპს "X"`). */
const GEORGIAN = /[\u10A0-\u10FF\u1C90-\u1CBF\u2D00-\u2D2F]/;
const KANA_OR_HANGUL = /[\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}\p{Script=Han}]/u;
/** Letters of a script other than Latin: a value worth a skeleton reading. */
const OTHER_SCRIPT_LETTER = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

/** The table this reading reads: its published versions reach the normaliser through `normalizers.ts`. */
export const SCRIPT_READING_TABLES = ['scriptLegalAbbreviations'] as const;

type LegalForms = ReadonlyArray<[string, string]>;

/** Variant → full form from a `scriptLegalAbbreviations` table (shipped or published), longest variant first. */
function legalFormsOf(table: AliasTable | undefined): LegalForms {
  const pairs: Array<[string, string]> = [];
  for (const entry of table?.entries ?? [])
    for (const variant of entry.variants) if (entry.canonical) pairs.push([variant.normalize('NFKC'), entry.canonical]);
  return pairs.sort(([a], [b]) => b.length - a.length);
}

let shippedLegalForms: LegalForms | undefined;

/** `value` with an abbreviated legal form at its start or end (a bracketed one anywhere) written out. */
function withLegalFormsWrittenOut(value: string, legalForms: LegalForms): string {
  let out = value.trim();
  for (const [variant, full] of legalForms) {
    const bracketed = variant.startsWith('(') && variant.endsWith(')');
    if (bracketed && out.includes(variant)) out = out.replaceAll(variant, ` ${full} `).trim();
    else if (out.startsWith(variant)) out = `${full} ${out.slice(variant.length).trimStart()}`.trim();
    else if (out.endsWith(variant)) out = `${out.slice(0, -variant.length)} ${full}`.trim();
  }
  return out;
}

function readingWith(value: string, legalForms: () => LegalForms): string {
  // Georgian (U+10A0–U+10FF) is the lowest script read here; Latin, Cyrillic and Arabic names return at once.
  if (!hasCharAbove(value, 0x109f)) return value;
  if (GEORGIAN.test(value)) return withLegalFormsWrittenOut(value, legalForms());
  if (!hasCharAbove(value, 0x2fff)) return value;
  let out = NEEDS_NFKC.test(value) ? value.normalize('NFKC') : value;
  if (!KANA_OR_HANGUL.test(out)) return out;
  out = out.replace(SMALL_KANA_PATTERN, (kana) => SMALL_KANA[kana] ?? kana).replace(LONG_VOWEL, '');
  return withLegalFormsWrittenOut(out, legalForms());
}

/**
 * A name in kana, kanji or Hangul as one reading whatever the file wrote: NFKC, small kana large, no long-vowel marks,
 * abbreviated legal forms written out (`ｶ)ﾊﾟﾗﾏｳﾝﾄﾍﾞﾂﾄﾞ` and `パラマウントベッド（株）` → `株式会社 パラマウントベツド` /
 * `パラマウントベツド 株式会社`), with the shipped `scriptLegalAbbreviations` table. Any other value is returned as it is.
 */
export function scriptReadingForm(value: string): string {
  return readingWith(value, () => (shippedLegalForms ??= legalFormsOf(shippedAliasTables().get('scriptLegalAbbreviations'))));
}

/** `scriptReadingForm` reading the given table versions (a rule set's published alias tables). */
export function scriptReadingFormWith(tableNamed: (name: string) => AliasTable | undefined): (value: string) => string {
  const legalForms = legalFormsOf(tableNamed('scriptLegalAbbreviations'));
  return (value) => readingWith(value, () => legalForms);
}

/** True when a character of `value` is above `code`: one pass over char codes, no regular expression (most names are ASCII). */
function hasCharAbove(value: string, code: number): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > code) return true;
  return false;
}

/** True when `raw` holds a letter of a script other than Latin (kana, Hangul, Devanagari, Cyrillic…). */
export function hasOtherScript(raw: string): boolean {
  return hasCharAbove(raw, 0x24f) && OTHER_SCRIPT_LETTER.test(raw);
}

/**
 * Spellings that sound alike folded to one consonant class (one regular expression, digraphs first: one pass per word,
 * this runs for every supplier name's blocking key). r = l (Japanese and Korean do
 * not tell them apart), b = v = w (Hindi व for both), f = h = ph (Japanese フ), s = z = j = soft c = soft g (ザ for `s`, Hindi ज for `-ies`, ロジ for `-logi-`), k = g = c =
 * q = ck (Hangul final ㄱ reads g: 직 `jig`), s = th (ヘルス, 헬스 for `health`), t = ts (ツ), n = m = ng (a nasal before a consonant: Hindi anusvara, Korean ㅇ); gh inside a word is silent (BRIGHT, ブライト); h after a consonant is
 * an aspirate or a digraph's second letter (Hindi kh, dh). Romanisations of one Cyrillic letter meet (supplier-3.28.0):
 * Ч is ch, tch (French) or tsch (German), Х is kh (Russian-style, Ukrainian) or h (Bulgarian, Czech-style), so
 * `TCHAIKAPHARMA` / `CHAYKAFARMA` and `KHYUVEFARMA` / `HUVEPHARMA` share a skeleton.
 */
const FOLDS = /TSCH|TCH|KH|PH|(?<=[A-Z])GH|CK|SH|CH|TH|TS|X|Q|C(?=[EIY])|C|NG|G(?=[EIY])|G|F|[VW]|L|[ZJ]|M/g;
const FOLDED: Readonly<Record<string, string>> = {
  TSCH: 'S',
  TCH: 'S',
  KH: 'H',
  PH: 'H',
  GH: '',
  CK: 'K',
  SH: 'S',
  CH: 'S',
  TH: 'S',
  TS: 'T',
  X: 'KS',
  Q: 'K',
  C: 'K',
  NG: 'N',
  G: 'K',
  F: 'H',
  V: 'B',
  W: 'B',
  L: 'R',
  Z: 'S',
  J: 'S',
  M: 'N',
};
/** Soft c and g (before e, i, y) read s; the lookahead tells them from the hard ones. */
function foldedSpelling(spelling: string, offset: number, word: string): string {
  if ((spelling === 'C' || spelling === 'G') && /[EIY]/.test(word[offset + 1] ?? '')) return 'S';
  return FOLDED[spelling] ?? spelling;
}
const ASPIRATE_H = /(?<=[BDHKNPRST])H/g;
const VOWELS = /[AEIOUY]/g;
/**
 * A t before another stop is a geminate written with a large ツ (Zengin `ﾍﾞﾂﾄﾞ` → `BETSUDO` for ベッド, bed), or a word
 * boundary the other language runs together (`PARAMOUNT BED`); a d before t is one sound (`HARDT`). The second is heard.
 */
const GEMINATE_T = /T(?=[BDGKP])/g;
const D_BEFORE_T = /D(?=T)/g;
const REPEATED = /(.)\1+/g;

/**
 * The consonant skeleton of a normalised name (upper-case A–Z and spaces), its words written together: folded consonant
 * classes, vowels dropped (a leading vowel kept as `A`), a word's final s dropped, repeats collapsed. `PARAMOUNT BED` and `PARAMAUNTOBETSUDO`
 * (パラマウントベツド) → `PRNBD`; `SUN PHARMACEUTICALS INDUSTRIES` and `SN PHARMASYUTIKL IMDSTRIJ` → `SNHRNSKRANDSTR`.
 */
export function loanwordSkeleton(name: string): string {
  let out = '';
  for (const word of name.split(' ')) {
    if (word === '') continue;
    // One pass over the spellings, in the order of FOLDS (digraphs first), then an h after a consonant dropped.
    const folded = word.replace(FOLDS, (spelling, offset: number) => foldedSpelling(spelling, offset, word)).replace(ASPIRATE_H, '');
    const lead = /^[AEIOUY]/.test(folded) ? 'A' : '';
    const consonants = lead + folded.replace(VOWELS, '');
    // A plural or possessive s is written in one language and not the other (PHARMACEUTICALS / फार्मास्युटिकल).
    out += consonants.length > 2 && consonants.endsWith('S') ? consonants.slice(0, -1) : consonants;
  }
  return out.replace(GEMINATE_T, '').replace(D_BEFORE_T, '').replace(REPEATED, '$1');
}

/** Skeletons shorter than this say nothing (`HOYA` → `H`, `EISAI` → `AS`): no reading. */
export const MIN_SKELETON = 3;
/** Skeletons at least this long that agree are a cluster edge (`PARAMOUNT BED` → `PRNBD`); shorter ones (`KANEKA` → `KNK`) a review only. */
export const EDGE_SKELETON = 5;
