/**
 * Catalogue shorthand of humanitarian, national-supply and distributor item lines (item-3.22.0), two named text
 * rewrites (textRewrites.ts):
 *
 * - `catalogueShorthand` writes out the abbreviations and pack notations of the UNICEF Supply Catalogue, the MSF
 *   catalogue, WHO PQS / PQDx lists, KEMSA / South African tender lines, Nigerian distributor lines and merged-column
 *   item-master exports, so the attribute patterns and the description tokens read them as they read any other line:
 *   `A-D` = auto-disable, `w/ndl` = with needle, `s.u.` = single use (it was read as size S), `ster.` = sterile,
 *   `disp. tab.` / `eff. tab.` / `soft gel.cap` = dispersible / effervescent tablet / softgel, `pdr/inj` = powder for
 *   injection, pack counts `/BOX-100`, `/PAC-500`, `- 100s`, `100's`, `100 EA BX`, `Tin of 500`, `blister 10 x 10`,
 *   `Tab x 30`, `25 T/kit`, and WHO weight bands `5 to <15 kg` = `5-14 kg` (the bands are whole kilograms).
 * - `registrationReferences` takes out numbers that name a registration, a tender or a classification, not the
 *   product: NAFDAC registration numbers in brackets, WHO PQS equipment codes (`E008/046`), PQDx numbers, South
 *   African RT contract item labels (`RT301-2025 item 40:`) and CPV codes (`ДК 021:2015: 33141310-6`, `CPV
 *   33141310-6`), Colombian INVIMA registrations and CUM codes and Chilean ISP registrations (items16). Read as
 *   catalogue numbers they conflicted with the maker's own part numbers.
 *
 * Hand-written regular expressions, not a package: these are catalogue conventions, not general text processing.
 * Each rewrite is gated on one cheap test so a line without any marker returns at once (the matching CPU budget).
 */

type Replacer = (substring: string, ...groups: string[]) => string;

interface Shorthand {
  pattern: RegExp;
  replacement: string | Replacer;
  /** Applied only when the whole text also matches this (a syringe line for `AD`). */
  requires?: RegExp;
}

/** Pack words of UNICEF's `/BOX-100` notation, written as the units the count patterns read. */
const UNICEF_PACK: Record<string, string> = {
  BOX: 'BX',
  PAC: 'PACK',
  PACK: 'PACK',
  CAR: 'CTN',
  CTN: 'CTN',
  TUB: 'PACK',
  BAG: 'BAG',
  BOT: 'BOTTLE',
  SET: 'PACK',
};

const SHORTHANDS: readonly Shorthand[] = [
  // UNICEF `Syringe,A-D,0.5ml`: auto-disable (WHO / UNICEF immunization syringes).
  { pattern: /(?<![A-Z0-9])A-D(?![A-Z0-9])/gi, replacement: ' AUTO-DISABLE ', requires: /SYR|ШПРИЦ/i },
  // `SYRINGE AD`, `(AD)`: the WHO term "AD syringe", read only in a syringe line.
  { pattern: /(?<![A-Z0-9/-])AD(?![A-Z0-9/-])/g, replacement: 'AUTO-DISABLE', requires: /SYR|ШПРИЦ/i },
  { pattern: /(?<![A-Z])W\/\s?NDLS?(?![A-Z])/gi, replacement: 'WITH NEEDLE' },
  // MSF `s.u.`, `ster.`: single use, sterile.
  { pattern: /(?<![A-Z])S\.\s?U\.?(?![A-Z])/gi, replacement: 'SINGLE USE' },
  { pattern: /(?<![A-Z])STER\.(?![A-Z])/gi, replacement: 'STERILE' },
  // UNICEF / MSF dosage forms: `disp.tab`, `disp. tab.`, `eff.tab`, `soft gel.cap`, `soft caps.`, `pdr/inj`.
  { pattern: /(?<![A-Z])DISP\.\s?TABS?\.?(?![A-Z])/gi, replacement: 'DISPERSIBLE TABLET' },
  { pattern: /(?<![A-Z])EFF\.\s?TABS?\.?(?![A-Z])/gi, replacement: 'EFFERVESCENT TABLET' },
  { pattern: /(?<![A-Z])SOFT\s?(?:GEL\.?\s?)?CAPS?\.(?![A-Z])/gi, replacement: 'SOFTGEL' },
  { pattern: /(?<![A-Z])SOFT\sGEL\.CAP(?![A-Z])/gi, replacement: 'SOFTGEL' },
  // Global Fund / SPL noun-first forms `Tablet, dispersible`.
  { pattern: /(?<![A-Z])TABLETS?,\s?(DISPERSIBLE|EFFERVESCENT|CHEWABLE)(?![A-Z])/gi, replacement: '$1 TABLET' },
  { pattern: /(?<![A-Z])PDR\/INJ(?![A-Z])/gi, replacement: 'POWDER FOR INJECTION' },
  { pattern: /(?<![A-Z])F\.\s?USED(?![A-Z])/gi, replacement: 'FOR USED' },
  // UNICEF pack suffix `/BOX-100`, `/PAC-500`, `/CAR-150`: 100/BX.
  {
    pattern: /\/(BOX|PAC|PACK|CAR|CTN|TUB|BAG|BOT|SET)-(\d{1,5})(?![0-9])/gi,
    replacement: (_, pack: string, count: string) => ` ${count}/${UNICEF_PACK[pack.toUpperCase()] ?? 'PACK'}`,
  },
  // KEMSA / South African tender counts `100's`, `- 100s`, `Tabs 12s`.
  { pattern: /(?<![A-Z0-9.,/])(\d{1,4})\s?['’]S(?![A-Z0-9])/gi, replacement: '$1/PACK' },
  { pattern: /(?<![A-Z0-9.,/-])(\d{2,4})S(?![A-Z0-9'’])/gi, replacement: '$1/PACK' },
  // Merged-column exports: quantity and unit columns `100 EA BX`, `50 EA PK`.
  {
    pattern: /(?<![A-Z0-9.])(\d{1,5})\s(?:EA|EACH|PC|PCS)\s(BX|BOX|PK|PACK|CS|CASE|CT|CTN|BG|BAG|KT|KIT)(?![A-Z])/gi,
    replacement: '$1/$2',
  },
  // `Tin of 500`, `blister of 6`: a pack of that count.
  { pattern: /(?<![A-Z])(?:TIN|TUB|JAR|BLISTER|STRIP|SACHET|CARTON)S?\sOF\s(\d{1,5})(?![0-9.,])/gi, replacement: 'PACK OF $1' },
  // MSF `blister 10 x 10`: a hundred.
  {
    pattern: /(?<![A-Z])BLISTERS?\s(\d{1,3})\s?X\s?(\d{1,3})(?![0-9.,]|\s?(?:MM|CM|IN)\b)/gi,
    replacement: (_, rows: string, each: string) => `${Number(rows) * Number(each)}/PACK`,
  },
  // Nigerian distributor lines `Tab x 30`, `Test Kit x 25`, `x 25 pcs`.
  {
    pattern:
      /(?<![A-Z])(TABS?|TABLETS?|CAPS?|CAPSULES?|KIT|SACHETS?|VIALS?|AMPS?|AMPOULES?|NEBULES|STRIPS)\.?\sX\s?(\d{1,4})(?![0-9.,/]|\s?(?:MM|CM|ML|MG|MCG|G|M|IN|L)\b)/gi,
    replacement: '$1 $2/PACK',
  },
  { pattern: /(?<![A-Z0-9])X\s?(\d{1,4})\s?PCS(?![A-Z])/gi, replacement: '$1/PACK' },
  // WHO PQDx `25 T/kit`: 25 tests.
  { pattern: /(?<![A-Z0-9.])(\d{1,4})\s?T\/KIT(?![A-Z])/gi, replacement: '$1 TESTS' },
  // ERP / laboratory short texts count a reagent kit's tests with a T glued to the number (item-3.40.0): `REAGENT … 100T`,
  // `96T`. Two digits at least: `3T` / `1.5T` is a magnet's tesla, `2T`–`5T` a toddler clothing size.
  { pattern: /(?<![A-Z0-9.,/-])(\d{2,4})T(?![A-Z0-9/])/gi, replacement: '$1 TESTS' },
  // The unit-of-measure code of a dozen written alone (ANSI X12 / UN/ECE rec. 20 `DZN`, ERP `DZ`; item-3.40.0): `PEN
  // MARKER FINE BLK DZ`, `-- Dz` = twelve per pack (never `2 DZ`, two dozen ordered, nor `12/DZ`, already a count; the
  // word `dozen` is left alone: `a dozen pens` in a request is how many are wanted).
  { pattern: /(?<![A-Z0-9/]|\d\s)(?:DZ|DOZ|DZN)(?![A-Z0-9/]|\s?\/)/gi, replacement: '12/DZ' },
  // Glued gauge × length of needles and catheters (items27bins, item-3.52.0): item-master names held to 30 / 40 characters
  // (ERP naming standards, printed bin and two-bin labels) glue the gauge to its length — `22GX50MM`, `18GX1.25IN`,
  // `18Gx32mm`, `25GAX5/8` — where catalogue titles write `22G x 50mm`. Written apart, the gauge and the length are the
  // words the titles have (the attributes read either form already).
  { pattern: /(?<![A-Z0-9.,])([7-9]|[1-3]\d)\s?(G|GA)\s?X\s?(?=\d)/gi, replacement: '$1$2 X ' },
  // WHO / MSF weight bands: `5 to <15 kg` is the band MSF writes `5-14kg`.
  {
    pattern: /(?<![0-9.,])(\d{1,3})\s?(?:TO|-|–)\s?<\s?(\d{1,3})\s?KG/gi,
    replacement: (_, low: string, below: string) => `${low}-${Number(below) - 1} KG`,
  },
];

/** Any marker of a shorthand above (one test per text; most lines have none). */
const HAS_SHORTHAND =
  /A-D|TABLETS?,|\bAD\b|W\/\s?NDL|S\.\s?U|STER\.|DISP\.|EFF\.|SOFT\s?(?:GEL|CAPS)|PDR\/|F\.\s?USED|\/(?:BOX|PAC|CAR|CTN|TUB|BAG|BOT|SET)-|\d\s?['’]?S\b|\d\s(?:EA|EACH|PCS?)\s[A-Z]|(?:TIN|TUB|JAR|BLISTER|STRIP|SACHET|CARTON)S?\s|[A-Z.]\sX\s?\d|X\s?\d{1,4}\s?PCS|T\/KIT|<\s?\d|\d\dT\b|\bD(?:OZ|ZN?)\b|\dGA?\s?X\s?\d/i;

/** `text` with the catalogue shorthand above written out (the text itself when it has none). */
export function withCatalogueShorthandWritten(text: string): string {
  if (!HAS_SHORTHAND.test(text)) return text;
  let out = text;
  for (const { pattern, replacement, requires } of SHORTHANDS) {
    if (requires && !requires.test(out)) continue;
    out = out.replace(pattern, replacement as string);
  }
  return out;
}

const REGISTRATION_REFERENCES: readonly RegExp[] = [
  // Nigerian NAFDAC registration numbers: `[NAFDAC 04-0930]`, `[NAFDAC Reg.]`, `NAFDAC Reg. No. A4-1097`.
  /\[?\s?NAFDAC(?:\sREG(?:ISTRATION)?\.?)?(?:\sNO\.?)?\s?:?\s?(?:[A-Z]?\d{1,2}-\d{3,5})?\s?\]?/gi,
  // WHO PQS equipment codes `E008/046`.
  /(?<![A-Z0-9])E\d{3}\/\d{3}(?![0-9])/gi,
  // WHO PQDx numbers `PQDx 0042-012-00`.
  /(?<![A-Z])PQDX\s?\d{4}-\d{3}-\d{2}(?![0-9])/gi,
  // South African National Treasury contract item labels `RT301-2025 item 40:`.
  /(?<![A-Z])RT\d{1,4}-\d{4}\sITEM\s\d{1,4}:?/gi,
  // CPV codes (EU and Ukrainian ДК 021:2015 procurement classification): `CPV 33141310-6`, `ДК 021:2015: 33141310-6`.
  /(?:CPV|ДК\s?021:2015)\s?:?\s?\d{8}-\d(?![0-9])/gi,
  // Colombian INVIMA sanitary registrations (`REG. SANITARIO INVIMA 2019DM-0019876`, `REG. INVIMA 2016M-0011982-R1`) and CUM
  // medicine codes (`CUM 19906543-03`): one registration covers a family of sizes, so it names no product (items16).
  /(?<![A-Z])(?:REG(?:ISTRO)?\.?\s?(?:SANITARIO\s)?)?INVIMA\s?(?:N[O°º]\.?\s?)?:?\s?\d{4}\s?[A-Z]{1,3}-?\d{4,8}(?:-R\d{1,2})?(?![0-9])/gi,
  /(?<![A-Z])CUM\s?(?:N[O°º]\.?\s?)?:?\s?\d{6,9}-\d{1,2}(?![0-9])/gi,
  // Chilean ISP registrations (`Reg. ISP N° F-1234/19`, `Registro ISP 2345/18`).
  /(?<![A-Z])(?:REG(?:ISTRO)?\.?\s?)?ISP\s?(?:N[O°º]\.?\s?)?:?\s?[A-Z]?-?\d{1,6}\/\d{2,4}(?![0-9])/gi,
];

const HAS_REGISTRATION_REFERENCE = /NAFDAC|E\d{3}\/|PQDX|RT\d{1,4}-\d{4}|CPV|ДК|INVIMA|CUM\s?(?:N|:|\d)|ISP\s?(?:N|:|[A-Z]?-?\d)/i;

/** `text` without registration, tender and classification numbers (the text itself when it has none). */
export function withoutRegistrationReferences(text: string): string {
  if (!HAS_REGISTRATION_REFERENCE.test(text)) return text;
  let out = text;
  for (const pattern of REGISTRATION_REFERENCES) out = out.replace(pattern, ' ');
  return out;
}
