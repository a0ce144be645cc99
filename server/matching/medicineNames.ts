/**
 * Medicine names written in other scripts (normaliser `medicineText`, drugs14): a pharmacy line in Cyrillic or
 * Greek names its medicine in letters `measureText` drops (`Парацетамол 500 мг` was read as `500`). Each run of
 * letters of another script is romanised (`romanisedName`: any-ascii, `Парацетамол` → `Paratsetamol`) and kept
 * only when the romanised word is a medicine name of the shipped drug-name tables (`PARATSETAMOL`, a variant of
 * `PARACETAMOL` in `drugNames`); every other word of another script is left as it is for `measureText` (which drops
 * it, or reads a Greek mu as MC), so a Greek or Korean line that names no known medicine is read exactly as
 * `measureText` read it (its romanised words would only be words the other side never writes).
 *
 * The lexicon is read from the tables a rule set uses: the shipped files by default, the published versions through
 * `normalizers.ts` (`normalizerFor`), so a name added through the alias API is kept from another script too.
 */
import { normalizeText } from '../identifiers/names';
import { shippedAliasTables, type AliasTable } from './aliases';
import { isAscii, romanisedName } from './transliteration';

/** The tables whose canonical forms and variants are the medicine names kept from other scripts. */
export const MEDICINE_NAME_TABLES = ['drugNames', 'drugBrands'] as const;

/** A run of letters (and marks) of any script but Latin; Common (digits, punctuation) and Latin are left as they are. */
const OTHER_SCRIPT_RUN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]+/gu;

/** The shortest run of letters of another script read as a medicine name. */
const MIN_NAME_LETTERS = 4;

/** Single-word medicine names (upper-case, as `normalizeText` writes them) of the given drug-name tables. */
function medicineLexiconOf(tableNamed: (name: string) => AliasTable | undefined): ReadonlySet<string> {
  const words = new Set<string>();
  for (const name of MEDICINE_NAME_TABLES) {
    for (const entry of tableNamed(name)?.entries ?? []) {
      for (const form of [entry.canonical ?? '', ...entry.variants]) {
        const word = normalizeText(form);
        if (word !== '' && !word.includes(' ')) words.add(word);
      }
    }
  }
  return words;
}

function withNamesOf(value: string, lexicon: () => ReadonlySet<string>): string {
  if (isAscii(value)) return value;
  return value.replace(OTHER_SCRIPT_RUN, (run) => {
    // Shorter runs are signs, not names (the Greek mu of `200 μL` is read as MC by normalizeText): left as they are.
    if (run.length < MIN_NAME_LETTERS) return run;
    const word = normalizeText(romanisedName(run));
    return lexicon().has(word) ? ` ${word} ` : run;
  });
}

let shippedLexicon: ReadonlySet<string> | undefined;

/** `value` with each word of another script that names a medicine (shipped tables) replaced by its romanised name; other words left as they are. */
export function withRomanisedMedicineNames(value: string): string {
  return withNamesOf(value, () => (shippedLexicon ??= medicineLexiconOf((name) => shippedAliasTables().get(name))));
}

/** `withRomanisedMedicineNames` reading the given table versions (a rule set's published alias tables). */
export function romanisedMedicineNamesWith(tableNamed: (name: string) => AliasTable | undefined): (value: string) => string {
  const lexicon = medicineLexiconOf(tableNamed);
  return (value) => withNamesOf(value, () => lexicon);
}
