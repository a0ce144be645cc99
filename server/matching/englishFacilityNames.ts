/**
 * English-language registry conventions of care-site names read by the `facilityName` normaliser (facility-2.14.0),
 * each behind a cheap literal test so a name that cannot hold the convention skips it:
 *
 * - *A street after the site's name.* HM Land Registry title descriptions, estates returns (ERIC) and property lists
 *   write the site with the street it stands on after a comma: `Derriford Hospital, Derriford Road`, `Royal Victoria
 *   Infirmary, Queen Victoria Road`; the NHS lists (NJR, Cancer Waiting Times, ODS) write the site alone. A value of
 *   exactly two comma-separated parts whose second part is a street line (an optional house number, at most four
 *   words and a street-type word: ROAD, STREET, LANE, AVENUE…) repeating a word of the first part, and whose first
 *   part names a facility, is read as the first part: the street is named after the site or the site after the street,
 *   so it says nothing the name does not. A street that repeats nothing stays: hospital chains name their branches by
 *   the road they stand on (`Apollo Hospitals, Greams Road`, `Fortis Hospital, Bannerghatta Road`), and dropping it
 *   would make two branches one name. A place after the comma (`Quillmont General Hospital, Valdor`) is not a street
 *   and stays.
 * - *A building of the site in brackets.* The same lists name the building a title or a return covers: `Southmead
 *   Hospital (Brunel Building)`, `St Mary's Hospital (Queen Elizabeth the Queen Mother Wing)`. A bracket whose last word
 *   is BUILDING, WING, BLOCK or PAVILION names a part of the site and is dropped.
 *
 * Hand-written rather than an address parser (libpostal needs a native model of ~2 GB): only the street-type word at
 * the end of a short segment is needed, and the same words are in the shipped `addressWords` table's STREET entry.
 */

/** Street-type words an English street line ends in (UK, US, Australian usage; the `addressWords` STREET entry and UK forms). */
const STREET_LINE =
  /^(?:\d+[A-Z]?\s+)?(?:[A-Z][A-Z'’.-]*\s+){0,4}(?:ROAD|RD|STREET|LANE|AVENUE|AVE|DRIVE|WAY|BOULEVARD|BLVD|CRESCENT|TERRACE|PARKWAY|HIGHWAY|HWY)\.?$/i;
/** Words of a street line that name no place: its type and short words. */
const STREET_WORDS =
  /^(?:ROAD|RD|STREET|LANE|AVENUE|AVE|DRIVE|WAY|BOULEVARD|BLVD|CRESCENT|TERRACE|PARKWAY|HIGHWAY|HWY|UPPER|LOWER|OLD|NEW|THE)$/;
/** A bracketed part of a site: a building, a wing, a block or a pavilion. */
const BUILDING_BRACKET = /\s*\((?:[^()]*\s)?(?:BUILDING|WING|BLOCK|PAVILION)\)/gi;

/** `Southmead Hospital (Brunel Building)` → `Southmead Hospital`: a bracketed building, wing or block of the site. */
export function withoutBuildingBracket(raw: string): string {
  if (!raw.includes('(')) return raw;
  const out = raw.replace(BUILDING_BRACKET, '').trim();
  return out === '' ? raw : out;
}

/**
 * `Derriford Hospital, Derriford Road` → `Derriford Hospital`: a street line after a site's name. `namesFacility` says
 * whether a part names a facility (the normaliser's own reading of its facility nouns).
 */
export function withoutStreetLine(raw: string, namesFacility: (part: string) => boolean): string {
  const comma = raw.indexOf(',');
  if (comma < 0 || raw.indexOf(',', comma + 1) >= 0) return raw;
  const site = raw.slice(0, comma).trim();
  const street = raw.slice(comma + 1).trim();
  return site !== '' && STREET_LINE.test(street) && repeatsWordOf(street, site) && namesFacility(site) ? site : raw;
}

/** Whether a street line repeats a word (three letters or more, not a street word) of the site's name. */
function repeatsWordOf(street: string, site: string): boolean {
  const siteWords = new Set(site.toUpperCase().split(/[^A-Z]+/));
  return street
    .toUpperCase()
    .split(/[^A-Z]+/)
    .some((word) => word.length >= 3 && !STREET_WORDS.test(word) && siteWords.has(word));
}
