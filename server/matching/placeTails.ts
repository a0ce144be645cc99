/**
 * A place written after a name by a list that has no address field (fuzzy param `placeTailUnless`, facility-2.15.0).
 * Outcome lists, paper affiliations and buyer registers that give no address write the site's city after its name —
 * Agenas PNE `Policlinico San Matteo - Pavia`, affiliation lines `Ambroise Paré Clinic, Toulouse`, TED buyers — where
 * the registers, which have an address, write the name alone. A record without an address whose name ends in such a
 * segment also compares by the name before it. Only the last segment after a spaced dash, or after the one comma of a
 * two-segment name (three segments or more are an affiliation string, read by the facilityName normaliser), of one to
 * three words without digits; a segment that names a campus, site, wing, division or region (`- West Campus`, `, Menlo
 * Park Division`, `- Metro Region`) or is an acronym (`Lee Health - GCMC`) is part of the name and is never read off.
 */
/** Words of a segment that names part of a site, a site of a system or a system's region (`Riverside Health - Metro Region`), not a place. */
const SITE_WORDS = new Set([
  'CAMPUS',
  'SITE',
  'STANDORT',
  'SEDE',
  'PRESIDIO',
  'SITIO',
  'WING',
  'BUILDING',
  'TOWER',
  'PAVILION',
  'ANNEX',
  'UNIT',
  'DIVISION',
  'BRANCH',
  'MAIN',
  'NORTH',
  'SOUTH',
  'EAST',
  'WEST',
  'CENTRAL',
  'HOSPITAL',
  'CLINIC',
  'CENTER',
  'CENTRE',
  'HEALTH',
  'REGION',
  'AREA',
  'DISTRICT',
  'ZONE',
  'MARKET',
  'NETWORK',
  'GROUP',
  'SERVICES',
]);
/**
 * A segment that is a street line, not a place: its last word a street designator (`Greams Road`, `Main St`: hospital
 * chains name branches by their road, so the street tells two branches apart), or its first word one of the languages
 * that put the designator first (`Via Roma`, `Calle Mayor`, `Rua Augusta`), or a German compound street (`Ismaninger
 * Straße`). Never read off.
 */
const STREET_LAST_WORDS = new Set([
  'ROAD',
  'RD',
  'STREET',
  'ST',
  'AVENUE',
  'AVE',
  'AV',
  'LANE',
  'LN',
  'DRIVE',
  'DR',
  'BOULEVARD',
  'BLVD',
  'WAY',
  'PLACE',
  'PL',
  'TERRACE',
  'CRESCENT',
  'HIGHWAY',
  'HWY',
  'PARKWAY',
  'PKWY',
  'COURT',
  'CT',
  'SQUARE',
  'SQ',
  'CLOSE',
  'PIKE',
  'TURNPIKE',
]);
const STREET_FIRST_WORDS = new Set([
  'VIA',
  'VIALE',
  'CORSO',
  'PIAZZA',
  'CALLE',
  'AVENIDA',
  'AVDA',
  'PASEO',
  'RUA',
  'RUE',
  'CARRER',
  'ULICA',
  'UL',
]);
const GERMAN_STREET = /(?:STRASSE|STRAßE|STR\.?|WEG|PLATZ|ALLEE|GASSE)$/u;

function isStreetLine(words: readonly string[]): boolean {
  const letters = words.map((word) => word.toUpperCase().replace(/[^\p{L}]/gu, ''));
  const last = letters[letters.length - 1] ?? '';
  return (
    STREET_LAST_WORDS.has(last) ||
    STREET_FIRST_WORDS.has(letters[0] ?? '') ||
    GERMAN_STREET.test(words[words.length - 1]?.toUpperCase() ?? '')
  );
}
const LAST_DASH = /\s[-\u2013\u2014]\s(?!.*\s[-\u2013\u2014]\s)/;
const PLACE_WORD = /^[\p{L}][\p{L}'’.-]*$/u;

/** The name before a place segment at its end (`Policlinico San Matteo - Pavia` → `Policlinico San Matteo`); null when there is none. */
export function nameBeforePlaceTail(raw: string): string | null {
  let head: string;
  let tail: string;
  const dash = LAST_DASH.exec(raw);
  if (dash) {
    head = raw.slice(0, dash.index);
    tail = raw.slice(dash.index + dash[0].length);
  } else {
    const comma = raw.indexOf(',');
    if (comma < 0 || raw.indexOf(',', comma + 1) >= 0 || raw.includes(';')) return null;
    head = raw.slice(0, comma);
    tail = raw.slice(comma + 1);
  }
  const headWords = head.trim().split(/\s+/);
  const tailWords = tail.trim().split(/\s+/);
  if (headWords.length < 2 || tailWords.length > 3 || tailWords[0] === '') return null;
  if (!tailWords.every((word) => PLACE_WORD.test(word) && !SITE_WORDS.has(word.toUpperCase().replace(/[^A-Z]/g, '')))) return null;
  if (isStreetLine(tailWords)) return null;
  // An acronym after a mixed-case name is a site's short name; in an upper-case name, a word of three letters or fewer.
  const isTailUpper = tail === tail.toUpperCase();
  if (isTailUpper && (head !== head.toUpperCase() || (tailWords.length === 1 && tail.trim().length <= 3))) return null;
  return head.trim();
}

/** `raws` and, for each that ends in a place segment, the name before it. */
export function withNamesBeforePlaceTails(raws: readonly string[]): string[] {
  const out = [...raws];
  for (const raw of raws) {
    if (!raw.includes(',') && !/\s[-\u2013\u2014]\s/.test(raw)) continue;
    const head = nameBeforePlaceTail(raw);
    if (head !== null) out.push(head);
  }
  return out;
}

/** A name ending in a hyphen and a two-letter code without spaces (`Tufts Medical Center-MA`). */
const STATE_SUFFIX = /^(.*[^\s-])-([A-Za-z]{2})$/;

/**
 * `raws` and, for each that ends in `-<one of states>` (a two-letter code), the name before it: the NRMP Match directory
 * writes each program's institution as `Institution-ST` (`Union Memorial Hospital-MD`), lists with an address the name
 * alone. A code that is not the record's own state stays part of the name.
 */
export function withNamesBeforeStateSuffix(raws: readonly string[], states: readonly string[]): string[] {
  if (states.length === 0) return [...raws];
  const codes = new Set(states.map((state) => state.trim().toUpperCase()));
  const out = [...raws];
  for (const raw of raws) {
    const match = STATE_SUFFIX.exec(raw.trim());
    if (match && codes.has((match[2] ?? '').toUpperCase())) out.push(match[1] ?? '');
  }
  return out;
}

/**
 * `raws` and, for each that ends in the record's own town after a comma or a spaced dash (fuzzy param `ownTownSuffix`,
 * supplier-3.43.0), the name before it: company-data sites write `name, town` (North Data `X GmbH, Hamburg`) and
 * certification directories `name - City, ST` (`X Shredding - Portland, OR`), where registers and vendor files write the
 * name alone and the town in the address. Only the record's own town, only after `,` or after ` - ` followed by the
 * town's state or province code (a town run into the name, `X Berlin`, is a franchise's or a branch's own name and stays;
 * so does `X - Town` without a state: licence and permit registers name one site of a multi-site company that way,
 * `Quest Diagnostics Nichols Institute - Chantilly`, and the site is a supplier of its own).
 */
export function withNamesBeforeOwnTown(raws: readonly string[], towns: readonly string[]): string[] {
  if (towns.length === 0) return [...raws];
  const out = [...raws];
  const wanted = towns.map((town) => town.trim().toUpperCase()).filter((town) => town.length >= 2);
  for (const raw of raws) {
    const match = OWN_TOWN_TAIL.exec(raw.trim().toUpperCase());
    const name = match?.[1] ?? '';
    const tail = match?.[2] ?? match?.[3];
    if (name.length === 0 || tail === undefined) continue;
    for (const town of wanted) if (tail === town) out.push(raw.trim().slice(0, name.length));
  }
  return out;
}

/** A name, then `, ` and a town of one to three words with an optional two-letter state or province code, or ` - ` and such a town with its code. */
const OWN_TOWN_TAIL =
  /^(.*?\p{L}.*?)\s*(?:,\s+(\p{L}[\p{L}.'’]*(?:[\s-]\p{L}[\p{L}.'’]*){0,2}?)(?:,?\s+[A-Z]{2})?|\s-\s+(\p{L}[\p{L}.'’]*(?:[\s-]\p{L}[\p{L}.'’]*){0,2}?),?\s+[A-Z]{2})\s*$/u;

/** Whether `char` (one UTF-16 unit, or undefined past either end) is a letter. */
function isLetter(char: string | undefined): boolean {
  return char !== undefined && /\p{L}/u.test(char);
}

/**
 * `raw` without the record's own town of two words or more wherever the name writes it as whole words (attributes param
 * `ownTownUnread`, facility-2.33.0): a town whose name opens with a compass word or a part-of-town word (North Vancouver,
 * West Palm Beach, South Bend, East Grinstead) is the hospital's town, not a campus of a system, when the record stands in
 * that town (`LIONS GATE HOSPITAL - NORTH VANCOUVER`, city North Vancouver). A one-word town is left alone: a district
 * written after a city's name (`Klinikum Bremen-Nord`, city Bremen) is still the site's own qualifier.
 */
export function withoutOwnTown(raw: string, towns: readonly string[]): string {
  let text = raw;
  for (const town of towns) {
    const wanted = town.trim().toUpperCase();
    if (!/[\s-]/u.test(wanted)) continue;
    let upper = text.toUpperCase();
    // Upper-casing keeps lengths for the Latin names it reads; a name it does not is left as it is.
    if (upper.length !== text.length) continue;
    for (let at = upper.indexOf(wanted); at >= 0; at = upper.indexOf(wanted, at + 1)) {
      if (isLetter(upper[at - 1]) || isLetter(upper[at + wanted.length])) continue;
      text = `${text.slice(0, at)}${' '.repeat(wanted.length)}${text.slice(at + wanted.length)}`;
      upper = text.toUpperCase();
    }
  }
  return text;
}
