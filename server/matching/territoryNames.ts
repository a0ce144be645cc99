/**
 * Names that share only the name of a country or territory (fuzzy param `territoryNameTables`, supplier-3.37.0). In a
 * small country or territory the place is in many unrelated companies' names — the national airline, the utility, the
 * seafood exporter and the telecom of one island are all named after it (`Air X`, `Royal X`, `X Electricity`, `JT X`) —
 * so a word that is only the territory's name says nothing about which company a name is. A Jaro-Winkler token score
 * counts it like any other word and reads two such names as near (about 0.75), which with one shared town put them
 * before a steward. Two names whose only shared words are one territory name are read as different names; names that
 * share another word too, exactly or nearly (`X Minerals` / `X Mineral Resources`), are left to the comparison.
 * The territory names are the ISO 3166-1 country and territory names and their own forms (alias table territoryNames).
 */
import type { AliasTable } from './aliases';
import { rememberRecent } from './recentValues';
import { jaroWinkler } from './similarity';

/** The territory names of some tables, as token runs, longest first (`ISLE OF MAN` before `MAN`). */
export interface TerritoryNames {
  runs: readonly (readonly string[])[];
  /** Every token that starts a run: a value without one is answered at once. */
  firstTokens: ReadonlySet<string>;
}

/** The territory names of `tables`, normalised as the compared values are. */
export function territoryNamesOf(tables: readonly AliasTable[], normalize: (value: string) => string): TerritoryNames {
  const runs = new Map<string, string[]>();
  for (const table of tables)
    for (const entry of table.entries)
      for (const variant of entry.variants) {
        const tokens = normalize(variant).split(' ').filter(Boolean);
        if (tokens.length > 0) runs.set(tokens.join(' '), tokens);
      }
  const sorted = [...runs.values()].sort((x, y) => y.length - x.length);
  return { runs: sorted, firstTokens: new Set(sorted.map((run) => run[0] as string)) };
}

/** One compared value read for territory names: the names it holds and its other words. */
interface TerritoryReading {
  places: readonly string[];
  rest: readonly string[];
}

const NO_PLACES: TerritoryReading = { places: [], rest: [] };

function readTerritories(value: string, names: TerritoryNames): TerritoryReading {
  const tokens = value.split(' ').filter(Boolean);
  if (!tokens.some((token) => names.firstTokens.has(token))) return NO_PLACES;
  const places: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const run = names.firstTokens.has(tokens[i] as string)
      ? names.runs.find((r) => r.every((token, k) => tokens[i + k] === token))
      : undefined;
    if (run) {
      places.push(run.join(' '));
      i += run.length;
    } else rest.push(tokens[i++] as string);
  }
  return places.length > 0 ? { places, rest } : NO_PLACES;
}

/** A word of one name that is the other's word, or near it (a plural, a spelling: Jaro-Winkler ≥ 0.9 on 4+ letters). */
const NEAR_WORD = 0.9;
const MIN_NEAR_LENGTH = 4;

function sharesWord(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a)
    for (const y of b) {
      if (x === y) return true;
      if (x.length >= MIN_NEAR_LENGTH && y.length >= MIN_NEAR_LENGTH && jaroWinkler(x, y) >= NEAR_WORD) return true;
    }
  return false;
}

/** Reads two compared values (normalised names): true when a territory name is all they share. */
export function territoryOnlyReader(names: TerritoryNames): (a: string, b: string) => boolean {
  const read = rememberRecent((value: string) => readTerritories(value, names));
  return (a, b) => {
    const ra = read(a);
    if (ra.places.length === 0) return false;
    const rb = read(b);
    if (rb.places.length === 0 || !ra.places.some((place) => rb.places.includes(place))) return false;
    return !sharesWord(ra.rest, rb.rest);
  };
}
