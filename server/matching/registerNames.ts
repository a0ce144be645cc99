/**
 * Names as drug registers, manufacturing-site registers and award lists write them (read through the supplier name
 * comparator's and name keys' `captionNames` param, captionNames.ts). Two conventions give a record's own name in
 * another form than the legal name:
 *
 * - A site after the legal name: EudraGMDP and WHO-GMP certificates name the licensed site of a manufacturer, the FDA
 *   Orange Book its applicant's plant, by the company's legal name followed by the unit, plant or place:
 *   `HETERO LABS LIMITED UNIT-V`, `MACLEODS PHARMACEUTICALS LTD. UNIT II (DAMAN)`, `HETERO LABS LTD III`,
 *   `TORRENT PHARMACEUTICALS LTD. - INDRAD`, `X LTD - CENTRAL FACTORY`, and award lists a tax id the same way (`X S.A. -
 *   NIT 1023249026`, `X S.A. - RUC 0990858322001`). A site has no legal personality: the legal entity is the name up to
 *   and with its legal form. Read only after a legal form (a name without one may end in a place that is part of it),
 *   and not after a partnership form (`Fund LP II` is another fund).
 * - An acronym with its expansion (`EFL (Energy Fiji Limited)`, `M.D.S. (Medical Disposables & Supplies)`,
 *   `TTEC - TRINIDAD & TOBAGO ELECTRICITY COMM`): award lists and utility payee lists write the short name a
 *   company is known by and spell it out. When the letters of the short name are the initials (or the first
 *   syllables: `NIPDEC` = National Insurance Property DEvelopment Co.) of the other part, both are the record's own
 *   names. A bracket that is not spelt by the name outside (`IMS LTD (AMPHASTAR)`, a parent; `Hillrom (Baxter)`) stays
 *   as before: the name normaliser reads it as a qualifier.
 *
 * - A place after the legal form with no separator (supplier-3.34.0): bank-statement payee lines, vendor-master display
 *   names and European directory listings run the branch or town into the name (`ACME HEALTHCARE LTD N HARROW`, `ACME
 *   INC DURHAM NC`, `ACME A/S SMORUM`): the legal form ends a company's name, so one to three words after it, without
 *   digits, are a place. Only forms that are no ordinary word (Ltd, Limited, Inc, LLC, plc, GmbH, A/S, the dotted S.p.A.,
 *   S.A., N.V., B.V.; not AG, SA, AS, Co: `MIDWEST AG SUPPLY`), and never a tail that opens with a relation or a
 *   connective (`INC DBA Y`, `CORPORATION OF AMERICA`), names another kind of entity (`LIMITED PARTNERSHIP`, `HOLDINGS`)
 *   or is a country (`X LTD UK` names a national company).
 * - A payables clerk's note after the name (supplier-3.34.0): AP vendor masters and accounting contacts add what the
 *   vendor supplies or who it is for after a dash or in brackets, in lower case beside the capitalised name (`Acme
 *   Medical - spine implants`, `Acme Medical (monitors)`, `ACME - stretchers (Dayton OH)`, `X S.p.A. (succursale)`).
 *   Company names are written in capitals or title case, their only lower-case words connectives, so an all-lower-case
 *   segment after a name that has capitals is a note, not part of the name. A capitalised segment is left alone
 *   (`Acme - Ethicon` may be a division, `Acme (Ireland)` a national company).
 *
 * Own code, not a library: these are register conventions no name parser reads. Every reading is gated by a cheap
 * literal test, so a plain name costs one or two regular-expression tests.
 */

import { normalizeText } from '../identifiers/names';
import { isStateOrProvince } from './address';

/** A word that may open a site designation, a dash or a bracket, or a roman numeral that ends the name. */
const MAY_HOLD_REGISTER_FORM = /[(\u2013]|\s-\s|\b(?:UNIT|PLANT|FACTORY|SITE)\b|\s[IVX]{1,5}\.?\s*$/i;

/** Legal forms a manufacturer's site follows (not LP / LLP: a numeral after a partnership names another fund). */
const LEGAL_FORM = String.raw`(?:P(?:VT|TY)\.?\s?(?:LTD|LIMITED)|PRIVATE\s+LIMITED|LTD|LIMITED|INC|INCORPORATED|L\.?\s?L\.?\s?C|CORP|CORPORATION|PLC|GMBH|AG|S\.?\s?A\.?\s?DE\s?C\.?\s?V|S\.?\s?A\.?\s?S|S\.?\s?A|S\.?\s?R\.?\s?L|S\.?\s?P\.?\s?A|B\.?\s?V|N\.?\s?V|LTDA|SDN\.?\s?BHD|BHD|D\.?\s?O\.?\s?O|SP\.?\s?Z\s?O\.?\s?O|S\.?\s?L)\.?`;

/** A place or a note in brackets right after the legal form (`LTD. (HINJAWADI)`, `Ltd (CPL)`). */
const BRACKETED = String.raw`(?:\s*\([^()]*\))?`;

/** `UNIT-V`, `UNIT II (DAMAN)`, `Unit No. 3`, `PLANT 2`, `FACTORY III`, `SITE 4`. */
const NUMBERED_SITE = String.raw`(?:UNIT|PLANT|FACTORY|SITE)[\s-]*(?:NO\.?\s*)?(?:[IVX]{1,5}|\d{1,3}[A-Z]?)\b${BRACKETED}`;

/** A site, a place or a tax id after a dash: ` - INDRAD`, ` - CENTRAL FACTORY`, ` - NIT 1023249026`; never another company. */
const DASH_TAIL = String.raw`\s+[-\u2013]\s+[^-\u2013()]{2,40}`;

/** The legal name and what follows it: a numbered site, a roman numeral (Orange Book plants) or a dash tail. */
const SITE_AFTER_LEGAL_NAME = new RegExp(
  String.raw`^(?<legal>.*?[^\s,]\s*,?\s*(?<![A-Z0-9])${LEGAL_FORM})${BRACKETED}\s*,?\s*(?:${NUMBERED_SITE}|(?<![A-Z0-9])(?:[IVX]{1,5})\.?|${DASH_TAIL})\s*$`,
  'i',
);

/**
 * `Company` / `Co.` before a dash tail (supplier-3.39.0): US and UK payables masters and bookkeeping tools write the
 * department, service line or site a vendor account is for after the company's name and a dash (`X Elevator Co -
 * Service`, `X Construction Company - Healthcare`). `Company` is a word of many names (`X Company Store`), so it is read
 * as the end of the name only before a dash, never before a numbered site or a roman numeral.
 */
const DASH_AFTER_COMPANY = new RegExp(
  String.raw`^(?<legal>.*?[^\s,]\s*,?\s*(?<![A-Z0-9])(?:CO|COMPANY)\.?)${BRACKETED}\s*,?${DASH_TAIL}\s*$`,
  'i',
);

/**
 * DASH_AFTER_COMPANY's match, unless the tail is a state or province — `X Power Co - Wisconsin` is the group's operating
 * company incorporated there (US utility holdings name each state's company so), not a department of `X Power Co` — or
 * holds a relation word.
 */
function companyBeforeDepartment(raw: string): RegExpExecArray | null {
  const match = DASH_AFTER_COMPANY.exec(raw);
  const legal = match?.groups?.legal;
  if (!match || !legal) return null;
  const tail = raw.slice(legal.length).replace(/^[^-\u2013]*[-\u2013]/, '');
  return isStateOrProvince(normalizeText(tail)) || RELATION_WORD.test(tail) ? null : match;
}

/** A relation word in the tail (`X Co - Minnesota dba Y`): the tail holds another name, read by captionNames.ts, not a department. */
const RELATION_WORD =
  /(?<![\p{L}\p{N}])(?:d\/?b\/?a|f\/?k\/?a|a\/?k\/?a|n\/?k\/?a|t\/a|trading\s+as|operating\s+as|doing\s+business\s+as|formerly|previously)(?![\p{L}\p{N}])/iu;

/** A legal form inside a dash tail: `X LTD - Y LTD` names two companies, not a site. */
const TAIL_WITH_FORM = new RegExp(String.raw`(?<![A-Z0-9])${LEGAL_FORM}(?![A-Z0-9])`, 'i');

/** Legal forms that are no ordinary word and end a name before a place written without a separator (see the module doc). */
const FORM_BEFORE_PLACE = String.raw`(?:P(?:VT|TY)\.?\s?(?:LTD|LIMITED)|PRIVATE\s+LIMITED|LTD|LIMITED|INC|INCORPORATED|L\.?\s?L\.?\s?C|PLC|GMBH|A\s?\/\s?S|S\.\s?P\.\s?A|S\.\s?A\.|S\.?\s?R\.?\s?L|S\.?\s?L\.?\s?U|LTDA|B\.\s?V\.|N\.\s?V\.)\.?`;

/** A cheap test: one of those forms followed by a word. */
const MAY_HOLD_PLACE = new RegExp(String.raw`(?<![A-Z0-9])${FORM_BEFORE_PLACE},?\s+[A-Z]`, 'i');

/** The legal name up to its form, then one to three words without digits to the end. */
const PLACE_AFTER_LEGAL_NAME = new RegExp(
  String.raw`^(?<legal>.*?[^\s,]\s*,?\s*(?<![A-Z0-9])${FORM_BEFORE_PLACE}),?(?<place>(?:\s+[A-Z][A-Z'’.]*){1,3})\s*$`,
  'i',
);

/**
 * Words that make a tail after a legal form something other than a place: a relation or a connective (`INC DBA Y`,
 * `CORPORATION OF AMERICA`), another kind of entity (`LIMITED PARTNERSHIP`, `LTD HOLDINGS`) and countries (`X LTD UK` is
 * a national company's name, read by `legalFormJurisdiction`).
 */
const NOT_A_PLACE = new Set([
  'AND',
  'OF',
  'THE',
  'FOR',
  'DE',
  'DU',
  'DBA',
  'D/B/A',
  'FKA',
  'F/K/A',
  'AKA',
  'NKA',
  'TA',
  'T/A',
  'OA',
  'C/O',
  'ATTN',
  'AS',
  'ON',
  'TRADING',
  'PARTNERSHIP',
  'PARTNERS',
  'HOLDING',
  'HOLDINGS',
  'GROUP',
  'TRUST',
  'FUND',
  'FOUNDATION',
  'DIVISION',
  'DIV',
  'SUBSIDIARY',
  'BRANCH',
  'UNIT',
  'PLANT',
  'FACTORY',
  'SITE',
  'CO',
  'COMPANY',
  'CORP',
  'CORPORATION',
  'INC',
  'LLC',
  'LTD',
  'LIMITED',
  'LP',
  'LLP',
  'PLC',
  'UK',
  'USA',
  'US',
  'IRELAND',
  'INDIA',
  'CANADA',
  'AUSTRALIA',
  'AMERICA',
  'EUROPE',
  'ASIA',
  'INTERNATIONAL',
  'INTL',
  'GLOBAL',
  'WORLDWIDE',
]);

/** The legal name of `raw` when one to three words of a place follow its legal form, else null. */
function withoutPlaceAfterLegalForm(raw: string): string | null {
  if (!MAY_HOLD_PLACE.test(raw)) return null;
  const match = PLACE_AFTER_LEGAL_NAME.exec(raw);
  const legal = match?.groups?.legal;
  const place = match?.groups?.place;
  if (!legal || !place) return null;
  if (
    place
      .trim()
      .split(/\s+/)
      .some((word) => NOT_A_PLACE.has(word.toUpperCase().replace(/[.,]+$/, '')))
  )
    return null;
  return legal.trim();
}

/** The legal name of `raw` when it is followed by a site designation, a tax id or a place, else null. */
export function withoutSiteDesignation(raw: string): string | null {
  if (!MAY_HOLD_REGISTER_FORM.test(raw)) return withoutPlaceAfterLegalForm(raw);
  const match = SITE_AFTER_LEGAL_NAME.exec(raw) ?? companyBeforeDepartment(raw);
  const legal = match?.groups?.legal;
  if (!match || !legal) return withoutPlaceAfterLegalForm(raw);
  const tail = raw.slice(legal.length);
  if (/[-\u2013]/.test(tail) && !/\bUNIT\b/i.test(tail) && TAIL_WITH_FORM.test(tail.replace(/^[^-\u2013]*[-\u2013]/, ''))) return null;
  return legal.trim();
}

/** Words an acronym skips (`T&TEC` = Trinidad and Tobago Electricity Commission). */
const CONNECTIVES = new Set(['AND', 'OF', 'THE', 'FOR', 'DE', 'DEL', 'LA', 'LOS', 'LAS', 'Y', 'E', 'ET', 'DU', 'DES']);
/** Legal forms an acronym may spell or leave out (`EFL` = Energy Fiji Limited, `NIPDEC` = … Development Co. Ltd.). */
const FORM_WORDS = new Set(['LTD', 'LIMITED', 'CO', 'COMPANY', 'INC', 'CORP', 'CORPORATION', 'LLC', 'PLC', 'SA', 'GROUP']);
/** Letters one word may give an acronym (`DEVELOPMENT CO` → `DEC`). */
const MAX_SYLLABLE = 3;

/** True when `acronym` is spelt, in order, by leading letters of every significant word of `words`. */
function spells(acronym: string, words: readonly string[], letter = 0, at = 0): boolean {
  if (at === words.length) return letter === acronym.length;
  const word = words[at] as string;
  const optional = CONNECTIVES.has(word) || FORM_WORDS.has(word);
  if (optional && spells(acronym, words, letter, at + 1)) return true;
  for (let size = 1; size <= MAX_SYLLABLE && size <= word.length && letter + size <= acronym.length; size++) {
    if (word.slice(0, size) !== acronym.slice(letter, letter + size)) break;
    if (spells(acronym, words, letter + size, at + 1)) return true;
  }
  return false;
}

/** A short name written in capitals (dots allowed: `M.D.S.`, `T&TEC`): its letters, or null. */
function acronymOf(text: string): string | null {
  const trimmed = text.trim();
  if (!/^[A-Z][A-Z.&]{1,11}$/.test(trimmed)) return null;
  const letters = trimmed.replace(/[.&]/g, '');
  return letters.length >= 2 && letters.length <= 8 ? letters : null;
}

/** `ACR (Full name)`, `ACR - Full name`, `Full name - ACR`: the two parts when ACR spells the full name, else null. */
export function acronymAndExpansion(raw: string): [string, string] | null {
  const bracketed = /^\s*([^()]+?)\s*\(([^()]+)\)\s*$/.exec(raw);
  const dashed = bracketed ? null : /^\s*([^-\u2013]+?)\s+[-\u2013]\s+([^-\u2013]+?)\s*$/.exec(raw);
  const parts = bracketed ?? dashed;
  if (!parts) return null;
  const first = parts[1] as string;
  const second = parts[2] as string;
  for (const [short, long] of dashed
    ? ([
        [first, second],
        [second, first],
      ] as const)
    : ([[first, second]] as const)) {
    const acronym = acronymOf(short);
    if (!acronym) continue;
    const words = normalizeText(long.replace(/&/g, ' AND ')).split(' ');
    if (words.filter((word) => !CONNECTIVES.has(word) && !FORM_WORDS.has(word)).length < 2) continue;
    if (spells(acronym, words)) return [short.trim(), long.trim()];
  }
  return null;
}

/**
 * `X Gesellschaft für <object> mbH` (supplier-3.35.0): the long form of a German GmbH's name puts the company's object
 * between the two halves of its legal form, `Gesellschaft für klinische Spezialpräparate mbH` (a company for clinical
 * specialities with limited liability), and registers, marketing-authorisation lists and ERP cards print it in full
 * while invoices, payment files and other registers write `X GmbH`. A fixed-width field may cut the long form before
 * its `mbH` (Unit4 / Agresso's 40 characters): a name of 30 characters or more that ends inside the object is read so
 * too. Not a learned society or association (`Deutsche Gesellschaft für …`, `… e.V.`), whose first word is no name.
 */
const GESELLSCHAFT_FUR = /^(?<name>[^,()]*?[\p{L}\p{N}.&'’-])\s+GESELLSCHAFT\s+F(?:Ü|UE|U)R\s+(?<object>[^()]+?)(?<form>\s+MBH\.?)?\s*$/iu;
const ASSOCIATION_FIRST_WORD = /^(?:DEUTSCHE|[OÖ]E?STERREICHISCHE|SCHWEIZERISCHE|EUROP[AÄ]E?ISCHE|INTERNATIONALE|ALLGEMEINE|BUNDES)\b/iu;
/** Shortest value read as a long form cut by its field. */
const MIN_CUT_LONG_FORM = 30;

/** `X GmbH` for `X Gesellschaft für … mbH` (see above), else null. */
export function gmbhOfLongForm(raw: string): string | null {
  const match = GESELLSCHAFT_FUR.exec(raw);
  const name = match?.groups?.name?.trim();
  if (!match || !name || ASSOCIATION_FIRST_WORD.test(name) || /\be\.\s?V\.?\s*$/i.test(raw)) return null;
  if (!match.groups?.form && raw.trim().length < MIN_CUT_LONG_FORM) return null;
  return `${name} GmbH`;
}

/** The own names `raw` gives by a register convention above (its legal name, or an acronym and its expansion), or null. */
export function registerNameForms(raw: string): string[] | null {
  if (/GESELLSCHAFT/i.test(raw)) {
    const short = gmbhOfLongForm(raw);
    if (short !== null) return [raw, short];
  }
  if (!MAY_HOLD_REGISTER_FORM.test(raw)) {
    const legal = withoutPlaceAfterLegalForm(raw);
    return legal === null ? null : [legal];
  }
  const legal = withoutSiteDesignation(raw);
  if (legal !== null) return [legal];
  const noted = withoutPayablesNote(raw);
  if (noted !== null) return registerNameForms(noted) ?? [noted];
  return acronymAndExpansion(raw);
}

/**
 * A lower-case segment after a dash or in brackets at the end, optionally followed by a bracketed place or currency
 * (`- spine implants`, `(monitors)`, `- stretchers (Dayton OH)`).
 */
const LOWER_CASE_NOTE =
  /^(?<name>.*?[\p{L}\p{N}.)])\s*(?:\s[-\u2013]\s+(?<dashed>[a-z][a-z/&,' -]*?)|\((?<bracketed>[a-z][a-z/&,' -]*)\))(?:\s*\([^()]*\))?\s*$/u;

/** The name of `raw` before a payables clerk's lower-case note (see the module doc), else null. */
export function withoutPayablesNote(raw: string): string | null {
  const match = LOWER_CASE_NOTE.exec(raw);
  const name = match?.groups?.name;
  const note = match?.groups?.dashed ?? match?.groups?.bracketed;
  // The name is written with capitals, the note has a word of three letters or more (not a lone connective).
  if (!name || !note || !/\p{Lu}/u.test(name) || !/[a-z]{3}/.test(note)) return null;
  return name.trim();
}
