/**
 * Conventions of care-site names in other-language registers that the `facilityName` normaliser undoes before it reads
 * a name (facility-2.15.0), each behind a cheap literal test so a name that cannot hold the convention skips it. The
 * words themselves (Klinikum, Policlinico, Szpital Kliniczny, IRCCS, SP ZOZ…) are data in the facility alias tables;
 * these are the conventions a word table cannot express:
 *
 * - *A Chinese hospital grade after the name.* The National Health Commission's graded-hospital lists write the grade
 *   after the name (`瑞金医院（三级甲等）`, `…三级乙等`, `二甲`: level 1–3, grade A–C or special); papers, pinyin
 *   lists and English lists never do. The grade is dropped.
 * - *The city suffix 市 glued to the city.* `瑞金市人民医院` is the Ruijin (City) People's Hospital: the romanisation
 *   reads `瑞金市` as one word (`RUIJINSHI`), where pinyin lists write `Ruijin Shi` and English lists `Ruijin`. 市
 *   between two Han words is written apart, so its pinyin `SHI` is a word the particle table drops.
 * - *An English ordinal number.* `10th Military Clinical Hospital` translates `10 Wojskowy Szpital Kliniczny`; Polish,
 *   German and Czech write a hospital's ordinal as the number (with or without a dot). `10TH`, `1ST`, `2ND`, `3RD` are
 *   read as the number.
 * - *A Hungarian place adjective before its university* (facility-2.17.0). NEAK and EKR write a university by its
 *   city's adjective (`Pécsi Tudományegyetem`, `Debreceni Egyetem`: of Pécs, of Debrecen); English affiliations write
 *   the city (`University of Pécs`). The adjective's `-i` is read off a word of three letters or more right before
 *   (Tudomány)Egyetem, so both name the city.
 * - *The Spanish dotted acronym H.U.* (facility-2.17.0): the Servicio Cántabro / Canario de Salud and Osakidetza
 *   write `H.U. Marqués de Valdecilla`, `H.U. Cruces` for Hospital Universitario; written out, the facility tables read
 *   it in any word order (`Marqués de Valdecilla University Hospital`). Only the dotted form is read: a bare `HU` is
 *   also a country code.
 * - *A saint abbreviated with a dot* (facility-2.17.0): Bulgarian, Serbian and Croatian registers write `Св.` / `Sv.`
 *   (Sveti, Sveta), Romanian ones `Sf.` (Sfântul, Sfânta) before a saint's name; the words written out are read as
 *   Saint by facilityTranslations. Only the dotted form is read: `SF GENERAL HOSPITAL` is San Francisco's.
 */

/** A hospital grade: level (一 二 三 级) with an optional class (甲 乙 丙 特 等), bracketed or not; `三甲` / `二甲` short forms. */
const HAN_GRADE = /[（(]?\s*(?:[一二三]级(?:[甲乙丙特]等?|等)?|[二三][甲乙])\s*[）)]?/gu;
/** 市 (city) between two Han characters. */
const HAN_CITY_SUFFIX = /(?<=[\u4E00-\u9FFF]{2})市(?=[\u4E00-\u9FFF])/gu;
/** An English ordinal written with digits. */
const DIGIT_ORDINAL = /(?<![\p{L}\p{N}])(\d{1,3})(?:ST|ND|RD|TH)(?![\p{L}\p{N}])/giu;

/** A city adjective (…i) right before Tudományegyetem / Egyetem. */
const HUNGARIAN_PLACE_ADJECTIVE = /(?<![\p{L}])(\p{L}{3,})i(?=\s+(?:tudom[áa]nyegyetem|egyetem|orvostudom[áa]nyi\s+egyetem)(?![\p{L}]))/giu;
/** The dotted H.U. (Hospital Universitario) before a name. */
const DOTTED_HOSPITAL_UNIVERSITARIO = /(?<![\p{L}.])H\.\s?U\.(?=\s)/gu;

/** A saint abbreviated with a dot: Sv. / Св. (Sveti), Sf. (Sfântul). */
const DOTTED_SAINT = /(?<![\p{L}.])(?:(S[vV])|(С[вВ])|(S[fF]))\.(?=\s)/gu;

/** `Sf. Spiridon` → `Sfantul Spiridon`, `Св. Марина` → `Свети Марина`; other text unchanged. */
export function withDottedSaints(raw: string): string {
  return /[SС][vfвВVF]\./u.test(raw)
    ? raw.replace(DOTTED_SAINT, (_, latin: string | undefined, cyrillic: string | undefined) =>
        latin ? 'Sveti' : cyrillic ? 'Свети' : 'Sfantul',
      )
    : raw;
}

/** `Pécsi Tudományegyetem` → `Pécs Tudományegyetem`; other text unchanged. */
export function withHungarianUniversityCity(raw: string): string {
  return /egyetem/i.test(raw) ? raw.replace(HUNGARIAN_PLACE_ADJECTIVE, '$1') : raw;
}

/** `H.U. Cruces` → `Hospital Universitario Cruces`; other text unchanged. */
export function withSpanishHospitalAcronym(raw: string): string {
  return raw.includes('H.') ? raw.replace(DOTTED_HOSPITAL_UNIVERSITARIO, 'Hospital Universitario') : raw;
}

/** `瑞金市人民医院（二级甲等）` → `瑞金 人民医院`; other text unchanged. */
export function withoutHanGradeAndCitySuffix(raw: string): string {
  let text = raw;
  if (text.includes('级') || /[二三][甲乙]/u.test(text)) text = text.replace(HAN_GRADE, '').trim();
  if (text.includes('市')) text = text.replace(HAN_CITY_SUFFIX, ' ');
  return text;
}

/** `10th Military Clinical Hospital` → `10 Military Clinical Hospital`; other text unchanged. */
export function withCardinalOrdinals(raw: string): string {
  return /\d(?:st|nd|rd|th)/i.test(raw) ? raw.replace(DIGIT_ORDINAL, '$1') : raw;
}

/** The conventions above, in order. */
export function withOtherLanguageConventions(raw: string): string {
  return withDottedSaints(withSpanishHospitalAcronym(withHungarianUniversityCity(withCardinalOrdinals(withoutHanGradeAndCitySuffix(raw)))));
}
