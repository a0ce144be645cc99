/**
 * English renderings of care-site names in other-language registers, as paper affiliations, grant lists and
 * conference rolls write them (facility-2.17.0), and the organisation-then-site names of health bodies that absorbed
 * their hospitals. Each behind a cheap literal test, so a name that cannot hold the convention skips it:
 *
 * - *`of` after a facility noun.* An English affiliation translates `Hospital de Braga`, `Klinički bolnički centar
 *   Split`, `Pécsi Tudományegyetem` word for word: `Hospital of Braga`, `University Hospital of Split`, `University of
 *   Pécs`. The other-language particle (de, di…) is dropped by `facilityNameParticles`; the English `of` right after a
 *   facility noun (hospital, university, centre, clinic, institute, or its abbreviation: HOSP, UNIV, CTR…) of a name
 *   written as an affiliation (with a comma) is dropped too, so both read `HOSPITAL BRAGA`.
 *   Other English particles are kept (`Hospital for Special Surgery`, `Sisters of Charity`).
 * - *A generic unit before its university.* `Clinical Centre, University of Pécs, Pécs, Hungary`: the unit segment
 *   holds only facility nouns; the university that owns it follows (the Hungarian register writes `Pécsi
 *   Tudományegyetem Klinikai Központ`, the university's name first). A segment of facility words only is read with the
 *   university segment after it: `Clinical Centre University of Pécs`.
 * - *An integrated care organisation before its site.* Portugal's 2024 reorganisation made each hospital part of a
 *   local health unit (`Unidade Local de Saúde de São João, E.P.E. - Hospital de São João`, ERS register), as
 *   Osakidetza's integrated health organisations do (`OSI Ezkerraldea-Enkarterri-Cruces - H.U. Cruces`) and Portuguese
 *   hospital centres did (`Centro Hospitalar X - Hospital Y`): the organisation runs several sites, so the part after
 *   the dash, when it names a facility, is the site's own name. Two hospitals of one organisation keep their two names.
 */

/** `of` right after an English facility noun (`Hospital of Braga`, `University of Pécs`), not before `the`. */
const NOUN_OF =
  /(?<![\p{L}])(hospitals?|hosps?|hsp|university|universities|univ|centre|center|ctr|cntr|clinic|clin|institute|inst|infirmary)\s+of\s+(?!the(?![\p{L}]))/giu;

/**
 * `University Hospital of Split, Split, Croatia` → `University Hospital Split, Split, Croatia`: only in a name written
 * as an affiliation (a comma or semicolon after it). A registry's own name keeps its `of` (`UNIVERSITY OF MICHIGAN
 * HOSPITAL`): dropped there, it shortened names that other lists extend (`… HOSPITAL AND HEALTH CENTERS`) below the
 * similarity they reached before (measured on the fourth held-out corpus).
 */
export function withoutOfAfterFacilityNoun(raw: string): string {
  return (raw.includes(',') || raw.includes(';')) && / of /i.test(raw) ? raw.replace(NOUN_OF, '$1 ') : raw;
}

/** Words a unit segment may hold and still name no facility of its own (`Clinical Centre`, `University Hospital`). */
const GENERIC_UNIT_WORDS = new Set([
  'CLINICAL',
  'CENTRE',
  'CENTER',
  'HOSPITAL',
  'UNIVERSITY',
  'TEACHING',
  'MEDICAL',
  'CLINIC',
  'CLINICS',
  'THE',
]);
/** A segment naming a university: `University of Pécs`, `Semmelweis University`, `Universidade do Porto`. */
const UNIVERSITY_SEGMENT =
  /(?<![\p{L}])(?:university|universit[àäaéeiy]\w*|universidade|universidad|egyetem|tudom[áa]nyegyetem)(?![\p{L}])/iu;

/**
 * The facility segment of an affiliation read with the university segment after it when the facility segment holds
 * only generic facility words (`Clinical Centre` + `University of Pécs`); the segment alone otherwise.
 */
export function unitWithItsUniversity(segment: string, next: string | undefined): string {
  if (next === undefined || !UNIVERSITY_SEGMENT.test(next)) return segment;
  const words = segment
    .toUpperCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '');
  return words.length > 0 && words.every((word) => GENERIC_UNIT_WORDS.has(word)) ? `${segment} ${next}` : segment;
}

/**
 * The first part of `<organisation> - <site>` names an integrated care organisation that runs several sites: a
 * Portuguese local health unit (ULS, Unidade Local de Saúde) or hospital centre (Centro Hospitalar, spelt out: the French CHU before a site is read as written), an Osakidetza
 * integrated health organisation (OSI, Organización Sanitaria Integrada; Basque ESI, Erakunde Sanitario Integratua).
 */
const CARE_ORGANISATION =
  /^\s*(?:ULS|UNIDADE\s+LOCAL\s+DE\s+SA[UÚ]DE|CENTRO\s+HOSPITALAR|OSI|ORGANIZACI[OÓ]N\s+SANITARIA\s+INTEGRADA|ESI|ERAKUNDE\s+SANITARIO\s+INTEGRATUA)(?![\p{L}])/iu;

/** Whether a name part starts with an integrated care organisation's form (see CARE_ORGANISATION). */
export function namesCareOrganisation(part: string): boolean {
  return CARE_ORGANISATION.test(part);
}
