/**
 * Official names of one public body in two languages (fuzzy and name-key param `otherNameTables`, supplier-3.39.0;
 * alias table bilingualOrganisationNames). A body in a bilingual jurisdiction publishes its name in both languages — te
 * reo Māori and English in New Zealand (`Te Whatu Ora – Health New Zealand`, `Waka Kotahi NZ Transport Agency`), Welsh and
 * English in Wales (Welsh Language Standards), Irish and English in Ireland (Official Languages Act 2003), French and
 * English in Canada (Federal Identity Program) — and a register, a payment file or a directory writes one name, the
 * other, or both joined by a dash. The two names share no word, so no string comparison reads them as one: the names
 * are data, each row with its published source.
 *
 * A record's name, or a part of it before or after a spaced dash or slash, equal to one row's name states the row's
 * other names. They are read as names the record states (captionNames.ts statedBracketNames) and compared strictly
 * (nameReadingComparison.ts): at most near-identical, for review or a cluster edge, never an automatic merge on the
 * row alone, and every word of each side must meet one of the other, so `Ministry of Health New Zealand` does not meet
 * another country's ministry. Keys fold accents (macrons: `Pūkenga` = `Pukenga`) and read a doubled vowel as one (the
 * doubled-vowel spelling of a long vowel some iwi and typewriters use: `Puukenga` = `Pūkenga`).
 */
import type { AliasTable } from './aliases';

/** The names of each body the tables list, by the lookup key of each of its names. */
export interface BilingualNames {
  byKey: ReadonlyMap<string, readonly string[]>;
}

/** A doubled vowel (a long vowel written twice, as some te reo Māori orthographies write the macron). */
const DOUBLED_VOWEL = /([AEIOU])\1/g;
/** A spaced dash or slash between two names of one body (`Te Pūkenga – NZ Institute of Skills & Technology`). */
const NAME_SEPARATOR = /\s+[-–—/]\s+/;

/** The lookup key of a name: the comparator's normalised form with doubled vowels read as one. */
function lookupKey(value: string, normalize: (value: string) => string | null): string | null {
  const normalized = normalize(value);
  return normalized ? normalized.replace(DOUBLED_VOWEL, '$1') : null;
}

/** The rows of `tables` keyed by each of their names, normalised as the compared names are. */
export function bilingualNamesOf(tables: readonly AliasTable[], normalize: (value: string) => string | null): BilingualNames {
  const byKey = new Map<string, readonly string[]>();
  for (const table of tables)
    for (const entry of table.entries) {
      const names = [...(entry.canonical === undefined ? [] : [entry.canonical]), ...entry.variants];
      for (const name of names) {
        const key = lookupKey(name, normalize);
        if (key) byKey.set(key, names);
      }
    }
  return { byKey };
}

/**
 * The other official names `raws` state through the tables: for each name, and each part of it between spaced dashes or
 * slashes, the names of the row it equals (the part itself too: a record writing both names is also each of them).
 */
export function bilingualOtherNames(args: {
  raws: readonly string[];
  names: BilingualNames;
  normalize: (value: string) => string | null;
}): string[] {
  const { raws, names, normalize } = args;
  if (names.byKey.size === 0) return [];
  const out = new Set<string>();
  for (const raw of raws) {
    const parts = NAME_SEPARATOR.test(raw) ? [raw, ...raw.split(NAME_SEPARATOR)] : [raw];
    for (const part of parts) {
      const key = lookupKey(part, normalize);
      const row = key === null ? undefined : names.byKey.get(key);
      if (!row) continue;
      if (part !== raw) out.add(part);
      for (const name of row) out.add(name);
    }
  }
  return [...out];
}
