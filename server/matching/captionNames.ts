/**
 * Organisation names as court captions, lien filings, claims registers and certificates of insurance write them
 * (fuzzy and name-key param `captionNames`; text rewrite `legalDescription`). These documents name a party and then
 * describe it, or name it under several names at once:
 *
 * - A legal description after the name (court captions and contracts): `Northern States Power Company, a Minnesota
 *   corporation`, `Lumenis Be Ltd., an Israeli company`, `X, a corporation organized under the laws of Delaware`, and
 *   the Spanish and French forms of Puerto Rico and civil-law captions (`X, Inc., una corporación organizada bajo las
 *   leyes de Puerto Rico`, `X, LLC, una compañía de responsabilidad limitada`, `X, une société anonyme`). The party is
 *   the name before the comma: the description says where and how it is incorporated, which the record's legal form
 *   and address say already.
 * - A group or agency tail (ACORD 25 certificates name the insured with its group, claims registers the agent that
 *   files): `X, Inc. and its subsidiaries`, `X LLC on behalf of Y`, `X as agent for Y`, `X c/o Y`, `X ATTN: legal`.
 *   The named entity is the first; what follows is no part of its name (`removeFrom` tables drop these words from the
 *   compared name already; the legal form that ends the name is read only once they are gone).
 * - Other names of the same legal entity, joined by the words that say so: a former name (`f/k/a`, `formerly known
 *   as`, `(formerly X)`, `(ex X)`, `successor by merger to`), a later name (`n/k/a`, `now known as`), a trade name
 *   (`d/b/a`, `dba`, `t/a`, `trading as`, `o/a`, `operating as`, `carrying on business as`, `a/k/a`) and a division
 *   (`X, a division of Y`: a division has no legal personality of its own, so Y is the legal entity). Both names
 *   belong to the record. The first is its own name; the others are *related names*: compared with the other record's
 *   names but never as the same name (nameReadingComparison.ts, at most a near-identical 0.97), because a former or
 *   trade name is evidence of one entity only where a record says so — the seller that sold a business with its old
 *   name, or one trade name shared by sister companies (`Xcel Energy`), make two entities of one name.
 * - A name in two scripts (an unclaimed-property list or register giving the company's own name and its English name):
 *   `ダイキン工業株式会社 (DAIKIN INDUSTRIES LTD)`, `第一三共株式会社 DAIICHI SANKYO CO LTD`, `Laboratoires X (مخابر X)`.
 *   Each part is a name of the record, compared like the bracketed names of bracketedNames.ts.
 *
 * Own code, not a library: these are conventions of legal English and of register exports that no name-parsing
 * package reads (name parsers split people's names). Every pattern is gated by a cheap literal test, so a name with
 * none of the trigger words costs one regular-expression test.
 */

import { withoutLedgerRecordId } from './ledgerRecordIds';
import { stringsAtPaths } from './normalizers';
import { registerNameForms, withoutSiteDesignation } from './registerNames';
import { rememberRecent } from './recentValues';
import { isAscii } from './transliteration';

/** A comma, a slash or a bracket, or a word that opens a description, a tail or a relation: nothing else needs reading. */
const MAY_HOLD_CAPTION =
  /[,/(]|\s(?:and|&|on|as|attn|attention|dba|fka|nka|aka|formerly|previously|operating|carrying|doing|trading|successor|now)\b/i;

/** What a legal description calls the party (`a Delaware corporation`, `an Israeli company`, `a Texas limited partnership`). */
const ENTITY_KIND = String.raw`(?:(?:non-?profit|not-for-profit|professional|business|public\s+benefit|benefit|municipal|stock|nonstock|mutual)\s+)?(?:corporation|company|limited\s+liability\s+company|limited\s+liability\s+partnership|limited\s+partnership|general\s+partnership|partnership|professional\s+association|association|cooperative|statutory\s+trust|business\s+trust|body\s+corporate|bank|banking\s+(?:corporation|association)|national\s+(?:bank|association)|l\.?\s?l\.?\s?c\.?|l\.?\s?p\.?|p\.?\s?l\.?\s?l\.?\s?c\.?)`;

/**
 * `, a[n] <up to four words> <kind>` at the end, optionally with where it is organised (`organized under the laws of
 * the State of New York`), or `, a corporation organized under …`; Spanish `, una corporación / compañía / sociedad …`,
 * French `, une société …`, Portuguese `, uma sociedade …`.
 */
const LEGAL_DESCRIPTION = new RegExp(
  String.raw`\s*,\s*(?:(?:an?)\s+(?:[\p{L}.'-]+\s+){0,4}?${ENTITY_KIND}(?:\s+(?:duly\s+)?(?:organized|organised|incorporated|formed|existing|chartered|registered)\b[^,]*)?|(?:una?|une|uma)\s+(?:corporaci[oó]n|compa[ñn][ií]a|sociedad|soci[eé]t[eé]|sociedade)\b[^,]*)\.?\s*$`,
  'iu',
);

/** `and its subsidiaries`, `& Subsidiaries`, `and its affiliates`, `and affiliated companies` at the end. */
const GROUP_TAIL =
  /\s*,?\s+(?:and|&)\s+(?:its|their)?\s*(?:(?:wholly[- ]owned|direct\s+and\s+indirect|consolidated)\s+)?(?:subsidiaries|affiliates|affiliated\s+(?:companies|entities)|related\s+entities)(?:\s+(?:and|&)\s+(?:affiliates|subsidiaries))?\.?\s*$/i;

/** `on behalf of …`, `as agent for …`, `c/o …`, `ATTN: …`: the named entity is the first, the rest goes. */
const AGENCY_TAIL =
  /\s*,?\s+(?:(?:acting\s+)?on\s+behalf\s+of|as\s+(?:agent|nominee|trustee)\s+(?:for|of)|for\s+the\s+benefit\s+of|c\/o|(?:in\s+)?care\s+of|attn\b:?|attention\s*:)\s+.*$/i;

/** The words that join another name of the same entity. */
const RELATION = String.raw`(?:f\/k\/a|f\.k\.a\.?|fka|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|(?:as\s+)?successor(?:[- ]in[- ]interest|\s+by\s+merger)?\s+to|n\/k\/a|n\.k\.a\.?|nka|now\s+known\s+as|d\/b\/a|d\.b\.a\.?|dba|doing\s+business\s+as|t\/a|trading\s+as|o\/a|operating\s+as|carrying\s+on\s+business\s+as|c\.o\.b\.\s+as|a\/k\/a|a\.k\.a\.?|aka|also\s+known\s+as|a\s+division\s+of|division\s+of)`;

/** A relation between two names in running text: `X f/k/a Y`, `X, d/b/a Y`, `X, a division of Y`. */
const RELATION_IN_TEXT = new RegExp(String.raw`\s*,?\s+${RELATION}\s+`, 'iu');
/**
 * A former name in brackets in the vendor master's language (read in brackets only, where no name starts so): Spanish
 * `antes`, French `anciennement`, German `vormals` / `ehemals`, Dutch `voorheen`, Italian `già`, Portuguese
 * `antiga` / `anteriormente`, and an ERP rename note's `was` (`X (was Y)`).
 */
const FORMER_IN_BRACKETS = String.raw`antes|anciennement|vormals|ehemals|voorheen|gi[aà]|antiga|anteriormente|was`;
/**
 * A relation in brackets: `X (formerly Y)`, `X (now Y)`, `X (ex Y)`, `X (f/k/a Y)`, `X (antes Y)`; with a colon after the
 * word (`X (formerly: Y)`) or `ex` joined by a hyphen or a stop (`X (ex-Y)`, `X (ex. Y)`), as French, Italian, Spanish and
 * English registers and press lists write a former name (supplier-3.39.0).
 */
const RELATION_IN_BRACKETS = new RegExp(
  String.raw`\(\s*(?:(?:${RELATION}|now|ex|${FORMER_IN_BRACKETS})\s*:?\s+|ex\s*[-–.]\s*)([^()]+?)\s*\)`,
  'giu',
);

/**
 * A former or later name stated in brackets, as hospital lists write a renamed site (`Shirley Ryan AbilityLab (formerly
 * RIC)`, `Kepler Universitätsklinikum, Neuromed Campus (ehem. Landes-Nervenklinik Wagner-Jauregg)`, `X (anciennement
 * Y)`, `X (now Y)`): English, German (ehem., ehemals, vormals, früher), French, Italian, Spanish, Portuguese, Dutch and
 * the Nordic languages (tidligere, tidigare, entinen). A trade name (`dba`) or a division is not a renaming.
 */
const RENAMING_IN_BRACKETS = new RegExp(
  String.raw`\(\s*(?:f\/k\/a|f\.k\.a\.?|fka|formerly(?:\s+known\s+as)?|previously(?:\s+known\s+as)?|n\/k\/a|now(?:\s+known\s+as)?|ex|ehem\.|fr(?:ü|ue|u)her|tidligere|tidigare|entinen|${FORMER_IN_BRACKETS})\s+([^()]+?)\s*\)`,
  'giu',
);

/**
 * The names a hospital's name states for its own site (param `statedRenamings`, facility-2.29.0): `X (formerly Y)` reads
 * as written, as X and as Y, each a name of the record, as a renaming register's row would read Y as X; `raw` alone when it states
 * none. A list writes the former name beside the current one exactly when stewards and readers still know it by it.
 */
export function statedRenamingForms(raw: string): string[] {
  if (!raw.includes('(')) return [raw];
  const stated: string[] = [];
  const own = raw
    .replace(RENAMING_IN_BRACKETS, (_whole, name: string) => {
      stated.push(name.trim());
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  // The name as written stays a form too: an initialism in the bracket may be what another list writes (`X (formerly
  // BSMMU)` / `BSMMU Hospital`).
  return stated.length === 0 || own === '' ? [raw] : [raw, own, ...stated];
}

/** A relation naming another entity, not another name of the record's own: `a division of Y` names the legal entity above it. */
const OTHER_ENTITY_RELATION = /\bdivision\s+of\b/i;

/** Letters of a script other than Latin, and Latin letters. */
const OTHER_SCRIPT_LETTER = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const LATIN_WORD = /[A-Za-z]{2,}/g;
const BRACKET = /\(([^()]*)\)/g;

// The supplier rules read one name through this rewrite for seven attribute comparators in a row: the last one is kept.
let lastRaw = '';
let lastParty = '';

/** The legal description, group and agency tails removed from the end of `raw` (text rewrite `legalDescription`). */
export function withoutLegalDescription(raw: string): string {
  if (raw === lastRaw) return lastParty;
  const party = partyOf(raw);
  lastRaw = raw;
  lastParty = party;
  return party;
}

function partyOf(raw: string): string {
  if (!MAY_HOLD_CAPTION.test(raw)) return withoutSiteDesignation(raw) ?? raw;
  let out = raw;
  // A tail can follow another (`X, Inc., a Delaware corporation, on behalf of Y`): read them off until none is left.
  for (let round = 0; round < 3; round++) {
    const before = out;
    out = out.replace(AGENCY_TAIL, '').replace(GROUP_TAIL, '').replace(LEGAL_DESCRIPTION, '');
    if (out === before) break;
  }
  out = out.replace(/[\s,;]+$/, '');
  // A manufacturer's site after its legal name (registerNames.ts): the legal form is the one before the site.
  return withoutSiteDesignation(out) ?? out;
}

/** A record's names as `captionNames` reads one value: its own names and the related names the value gives. */
export interface CaptionNames {
  own: string[];
  related: string[];
  /** Names stated in brackets without a relation word (statedBracketNames): compared strictly, never a cluster link by themselves. */
  stated?: string[];
}

/** A bracket that opens a tagline, a relation to another entity, a place note or a payables note: no name of the record. */
const NOT_A_STATED_NAME =
  /^(?:an?|the|part|subsidiary|division|member|affiliate|affiliated|wholly|owned|parent|see|use|do|not|old|inactive|closed|dup|duplicate|remit|remittance|pay|payment|payments|bill|billing|account|acct|invoice|invoices|p\.?\s?o\.?|box|attn|c\/o|for|via|on|in|at|per|ref|no|only|acquired|sold|merged)\b/i;
/**
 * A bracket naming a holding or group company names the record's parent, not the record (`Quillan Surgical, Inc. (Korvane
 * Holdings Inc)`: registers and payables masters add the parent that owns a subsidiary this way), so it is not read as a
 * stated name. The words of company law and of annual reports that mark a group's parent in English, French, German,
 * Spanish / Portuguese and Italian.
 */
const PARENT_COMPANY_WORD = /(?<![\p{L}\p{N}])(?:holdings?|hldgs?|group|groupe|gruppe|grupo|gruppo)(?![\p{L}\p{N}])/iu;
/** A relation word left at the end of a bracket (`Ameren Missouri (Union Electric Co d/b/a)`: the bracket's name trades as the name outside). */
const TRAILING_RELATION = new RegExp(String.raw`\s*,?\s+${RELATION}\s*$`, 'iu');
/** Words of two letters or more in a bracket: a name has at least two (`(Irish Water)`), a qualifier often one (`(Ontario)`, `(Gas)`). */
const NAME_WORD = /\p{L}[\p{L}\p{N}'’&-]+/gu;

/**
 * Another name of the record stated in brackets without a relation word (supplier-3.38.0): utility bill-pay files,
 * supplier portals and payables masters write the name a payer knows beside the legal name of the company that bills,
 * `We Energies (Wisconsin Electric Power Co.)`, `Uisce Éireann (Irish Water)`, `Santee Cooper (South Carolina Public
 * Service Authority)`. A bracket is read when it holds two words or more in the name's script; not a tagline, a relation
 * to another entity or a note (NOT_A_STATED_NAME), nor one word: a place or qualifier (`(Ontario)`, `(USA)`, `(Gas)`) or
 * an initialism (`Medical Specialties Distributors (MSD)`), which meets another organisation's initialism as readily as
 * its own (Merck Sharp & Dohme). The reading may name a parent or a qualifier rather
 * than the record's own entity (`Hillrom (Baxter International Inc.)`, `X (North America)`), so it is a related name
 * compared strictly (nameReadingComparison.ts STATED_MARK): at most near-identical, for review, and every word of each
 * side must meet a word of the other.
 */
function statedBracketNames(text: string): string[] {
  if (!text.includes('(')) return [];
  const outside = text.replace(BRACKET, ' ').replace(/\s+/g, ' ').trim();
  if (outside === '' || scriptOf(outside) !== 'latin') return [];
  const out: string[] = [];
  for (const match of text.matchAll(BRACKET)) {
    const content = (match[1] ?? '').replace(TRAILING_RELATION, '').trim();
    if (scriptOf(content) !== 'latin' || NOT_A_STATED_NAME.test(content) || PARENT_COMPANY_WORD.test(content)) continue;
    const words = content.match(NAME_WORD) ?? [];
    // A bracket opening with the name's own first word is that name spelt again (bracketedNames.ts reads it, with its
    // legal form: `X Nederland (X B.V.)`), not another name: read here, its legal form would be lost.
    if (words.length >= 2 && words[0]?.toUpperCase() !== outside.match(NAME_WORD)?.[0]?.toUpperCase()) out.push(content);
  }
  return out;
}

/** True when `value` holds letters of another script and none of Latin, or at least two Latin words and other letters. */
function scriptOf(value: string): 'latin' | 'other' | 'mixed' | 'none' {
  const hasOther = OTHER_SCRIPT_LETTER.test(value);
  const latinWords = value.match(LATIN_WORD)?.length ?? 0;
  if (hasOther && latinWords > 0) return 'mixed';
  if (hasOther) return 'other';
  return latinWords > 0 ? 'latin' : 'none';
}

/**
 * The names of one value in two scripts: a bracket in the other script than the name outside it
 * (`ダイキン工業株式会社 (DAIKIN INDUSTRIES LTD)`), or a name in another script run into its Latin name of at least two
 * words (`第一三共株式会社 DAIICHI SANKYO CO LTD`). A single Latin word beside a kanji name (`HOYA株式会社`, `JCRファーマ`)
 * is part of the name, not a second one.
 */
function namesInTwoScripts(value: string): string[] {
  if (isAscii(value) || !OTHER_SCRIPT_LETTER.test(value)) return [];
  const outside = value.replace(BRACKET, ' ').replace(/\s+/g, ' ').trim();
  const outsideScript = scriptOf(outside);
  const names: string[] = [];
  for (const match of value.matchAll(BRACKET)) {
    const content = (match[1] ?? '').trim();
    const contentScript = scriptOf(content);
    if ((outsideScript === 'other' && contentScript === 'latin') || (outsideScript === 'latin' && contentScript === 'other'))
      names.push(content);
  }
  if (names.length > 0) return [outside, ...names];
  if (outsideScript !== 'mixed') return [];
  const latin = outside
    .replace(/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const other = outside
    .replace(/[A-Za-z]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if ((latin.match(LATIN_WORD)?.length ?? 0) < 2 || other.replace(/[\p{P}\p{S}\s\d]/gu, '').length < 2) return [];
  return [other, latin];
}

/**
 * The own and related names of `raw` (see the module doc), or null when it reads as one plain name. One record's name is
 * read by the name comparator and by each name key right after one another, so its last results are remembered
 * (recentValues.ts).
 */
export const captionNames: (raw: string) => CaptionNames | null = rememberRecent(readCaptionNames);

/**
 * As readPlainCaptionNames, each own name a register convention gives read alike (registerNames.ts: a site after the
 * legal name, an acronym and its expansion), once a vendor master's record id is out of the name (ledgerRecordIds.ts).
 */
function readCaptionNames(raw: string): CaptionNames | null {
  const named = withoutLedgerRecordId(raw);
  if (named !== null) return readCaptionNames(named) ?? { own: [named], related: [] };
  const forms = registerNameForms(raw);
  if (forms === null) return readPlainCaptionNames(raw);
  const own: string[] = [];
  const related: string[] = [];
  const stated: string[] = [];
  for (const form of forms) {
    const read = readPlainCaptionNames(form);
    own.push(...(read?.own ?? [form]));
    related.push(...(read?.related ?? []));
    stated.push(...(read?.stated ?? []));
  }
  return { own: [...new Set(own)], related: [...new Set(related)], ...(stated.length > 0 ? { stated: [...new Set(stated)] } : {}) };
}

/**
 * `raw` with a bracket the field cut open closed again (supplier-3.34.0): a fixed-width vendor-name field (30 or 35
 * characters in Dynamics NAV, PeopleSoft, SAP) cuts a rename memo inside its bracket, `Acme Medical (was Bovie Medica`,
 * `X Inc. (now Eleva`. Only a last bracket left open at the end of the value.
 */
function withBracketClosed(raw: string): string {
  const open = raw.lastIndexOf('(');
  return open > 0 && raw.indexOf(')', open) === -1 && /\p{L}/u.test(raw.slice(open)) ? `${raw.trimEnd()})` : raw;
}

function readPlainCaptionNames(raw: string): CaptionNames | null {
  const hasCaption = MAY_HOLD_CAPTION.test(raw);
  const twoScripts = namesInTwoScripts(raw);
  if (!hasCaption && twoScripts.length === 0) return null;
  const related: string[] = [];
  let text = withoutLegalDescription(withBracketClosed(raw));
  if (text.includes('(')) {
    text = text.replace(RELATION_IN_BRACKETS, (_whole, name: string) => {
      related.push(withoutLegalDescription(name));
      return ' ';
    });
    text = text.replace(/\s+/g, ' ').trim();
  }
  const [first, ...others] = text.split(RELATION_IN_TEXT);
  for (const other of others) if (other.trim() !== '') related.push(withoutLegalDescription(other));
  const ownName = withoutLegalDescription(first ?? '').trim();
  const own = [...new Set([ownName, ...(others.length === 0 && related.length === 0 ? twoScripts : [])])].filter((name) => name !== '');
  const stated = twoScripts.length === 0 ? statedBracketNames(ownName) : [];
  if (own.length === 1 && own[0] === raw && related.length === 0 && stated.length === 0) return null;
  return {
    own,
    related: [...new Set(related.map((name) => name.trim()).filter((name) => name !== ''))],
    ...(stated.length > 0 ? { stated } : {}),
  };
}

/**
 * The other names `raw` states for its own entity (a former, later or trade name: `X (formerly Y)`, `X f/k/a Y`, `X
 * d/b/a Y`), or none when it names a division's legal entity (`X, a division of Y`). Read by the cluster graph: a record
 * that states a renaming links the records under its other name to its own.
 */
export function statedOtherNames(raw: string): string[] {
  if (OTHER_ENTITY_RELATION.test(raw)) return [];
  return captionNames(raw)?.related ?? [];
}

/** Every name `captionNames` reads in `raw` (own and related), or `raw` alone: what a name key is built from. */
export function allCaptionNames(raw: string): string[] {
  const read = captionNames(raw);
  return read === null ? [raw] : [...read.own, ...read.related, ...(read.stated ?? [])];
}

/** `; ` or `|` between two names in one register field (`CHF SOLUTIONS, INC.; SUNSHINE HEART, INC.`); a comma is part of a name. */
const NAME_LIST_SEPARATOR = /\s*[;|]\s*/;

/**
 * The names a record's register fields state as other names of its own entity (param `relatedNameFields`,
 * supplier-3.35.0): a register's former-names field — SEC EDGAR's `formerNames`, Companies House's previous company
 * names, GLEIF's `OtherEntityNames` of type PREVIOUS_LEGAL_NAME, OpenCorporates' `previous_names`, a US secretary of
 * state's "former names" line — or an ERP card's old name. Read as related names, as `X (formerly Y)` in the name is:
 * the register says the link, so the record named Y is compared with this one, never as the same name.
 */
export function statedNamesAtPaths(record: unknown, paths: readonly string[] | undefined): string[] {
  if (!paths || paths.length === 0) return [];
  const out: string[] = [];
  for (const value of stringsAtPaths(record, paths))
    for (const name of value.split(NAME_LIST_SEPARATOR)) if (name.trim() !== '') out.push(name.trim());
  return out;
}
