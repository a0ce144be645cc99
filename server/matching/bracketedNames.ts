/**
 * A register name followed by the same company's name again in brackets (fuzzy and name-key param `alternatives`):
 * the Swiss commercial gazette (SHAB / FOSC) writes one company in each official language, `Belimed AG (Belimed SA)
 * (Belimed Ltd)`; EUDAMED and Asian registers write the romanised register name with the English one after it,
 * `Kabushiki Kaisha Jei Emu Esu (JMS Co., Ltd.)`, `Jusik Hoesa Aisenseu (i-SENS, Inc.)`. Each bracketed name and the
 * name outside the brackets are forms of the name, like the two sides of ` / `.
 *
 * A bracket is read as a name only when it ends in a legal form (the legal-suffix table) and either shares
 * its first word with the name outside (`Belimed AG (Belimed SA)`), or the name outside is a short form of it
 * (`Straumann (Institut Straumann AG)`, `Polymed (Poly Medicure Ltd)`: supplier portals' display name before the legal
 * name, supplier-3.30.0), or the name outside starts with a legal form
 * (`Kabushiki Kaisha …`, the legal-prefix table; a rule set's published versions of both): a brand, a parent or a place in brackets (`Hillrom
 * (Baxter)`, `Jacobson Medical (Hong Kong) Limited`) and a tagline (`(an X company)`, `(formerly X Inc.)`) are not
 * names of the record's own legal entity.
 */

import { normalizeText } from '../identifiers/names';
import { present } from '../invariant';
import { builtWithTableVersions, shippedAliasTables, type AliasTable } from './aliases';
import { withAlternatives } from './normalizers';
import { formMovedToEnd } from './leadingLegalForms';
import { legalFormsOf } from './truncation';

const BRACKET = /\(([^()]*)\)/g;
/** Words that open a tagline or a relation, not a name: `(a Pfizer company)`, `(formerly X Inc.)`, `(part of X plc)`. */
const NOT_A_NAME = /^(?:A|AN|FORMERLY|FKA|F K A|PREVIOUSLY|EX|PART|SUBSIDIARY|DIVISION|MEMBER|AFFILIATE|DBA|T A|TRADING)(?: |$)/;

interface BracketReadings {
  /** Legal forms a name ends in, as normalised words. */
  endings: ReadonlySet<string>;
  /** Legal forms a name starts with, as normalised words, longest first. */
  leading: readonly string[];
}

/** The legal-form tables a bracket is read by (a rule set naming `alternatives` loads their published versions). */
export const BRACKET_READING_TABLES = ['legalSuffixes', 'legalPrefixes'] as const;

function readingsOf(tableNamed: (name: string) => AliasTable | undefined): BracketReadings {
  const endings = new Set(legalFormsOf([present(tableNamed('legalSuffixes'), 'legalSuffixes table')], normalizeText).all);
  const leading = present(tableNamed('legalPrefixes'), 'legalPrefixes table')
    .entries.flatMap((entry) => entry.variants.map(normalizeText))
    .filter((form) => form.includes(' ') || form.length >= 3)
    .sort((x, y) => y.length - x.length);
  return { endings, leading };
}

let shipped: BracketReadings | undefined;

function shippedReadings(): BracketReadings {
  shipped ??= readingsOf((name) => shippedAliasTables().get(name));
  return shipped;
}

/** True when `words` end in a legal form of one to four words (`SA`, `CO LTD`, `S A DE C V`) after at least one word. */
function endsInLegalForm(words: readonly string[], endings: ReadonlySet<string>): boolean {
  for (let size = 1; size <= 5 && size < words.length; size++) if (endings.has(words.slice(words.length - size).join(' '))) return true;
  return false;
}

/**
 * True when the name outside the brackets is a short form of the bracketed legal name, as supplier portals write a
 * display name before the legal one (`Trading name (Legal Name Ltd)`): every word outside is a word of the bracket
 * (`Lundbeck (H. Lundbeck A/S)`, `Straumann (Institut Straumann AG)`: the founder's initials or a generic first word
 * dropped), or the outside name is one word clipped from the bracket's first two (`Polymed (Poly Medicure Ltd)`:
 * the first word and at least three letters of the second). A parent or a brand of another name in brackets shares
 * no such words (`Hillrom (Baxter International Inc.)`).
 */
function isShortFormOf(outsideWords: readonly string[], words: readonly string[]): boolean {
  if (!outsideWords.some((word) => word.length >= 3)) return false;
  if (outsideWords.every((word) => words.includes(word))) return true;
  const [only] = outsideWords;
  const [first, second] = words;
  if (outsideWords.length !== 1 || only === undefined || first === undefined || second === undefined) return false;
  const rest = only.slice(first.length);
  return only.startsWith(first) && rest.length >= 3 && second.startsWith(rest);
}

/** The bracketed names of `raw` read as names of its own legal entity, and the name outside them; empty when none is. */
export function bracketedNames(raw: string, readings: BracketReadings = shippedReadings()): string[] {
  if (!raw.includes('(')) return [];
  const outside = raw.replace(BRACKET, ' ').replace(/\s+/g, ' ').trim();
  const outsideWords = normalizeText(outside).split(' ');
  const outsideText = outsideWords.join(' ');
  const startsWithForm = readings.leading.some((form) => outsideText.startsWith(`${form} `));
  const names: string[] = [];
  for (const match of raw.matchAll(BRACKET)) {
    const content = present(match[1], 'bracket content').trim();
    const words = normalizeText(content).split(' ');
    if (words.length < 2 || NOT_A_NAME.test(words.join(' ')) || !endsInLegalForm(words, readings.endings)) continue;
    if (startsWithForm || words[0] === outsideWords[0] || isShortFormOf(outsideWords, words)) names.push(content);
  }
  return names.length > 0 && outside !== '' ? [...names, outside] : names;
}

/** `raw` and its other forms: each side of ` / `, each bracketed name of its own legal entity and a Belgian form moved from its start to its end (param `alternatives`). */
export function nameForms(raw: string, readings: BracketReadings = shippedReadings()): string[] {
  const forms = withAlternatives(raw);
  const bracketed = forms.flatMap((form) => bracketedNames(form, readings));
  const moved = forms.flatMap((form) => formMovedToEnd(form) ?? []);
  return bracketed.length === 0 && moved.length === 0 ? forms : [...new Set([...forms, ...bracketed, ...moved])];
}

/** `nameForms` reading a rule set's versions of the legal-form tables (`aliasTable`: its resolver; none: the shipped files). */
export function nameFormsWith(aliasTable: ((name: string) => AliasTable | undefined) | undefined): (raw: string) => string[] {
  const readings = builtWithTableVersions({
    key: 'bracketReadings',
    tables: BRACKET_READING_TABLES,
    aliasTable,
    build: readingsOf,
    shipped: shippedReadings,
  });
  return (raw) => nameForms(raw, readings);
}
