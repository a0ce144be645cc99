/**
 * English plurals read as their singular (items18, item-3.32.0): an item master writes the noun once and in the
 * singular (`KIT SPECIMEN COLL`, `CLIP LIG`, `WIPE DISINF`), a shop title, a catalogue and a ward request in the plural
 * (`Collection Kits`, `Ligating Clips`, `purple top wipes`, `scrub tops`). Both are one word to an idf-weighted
 * comparison only once they are spelt alike; the alias tables wrote the plurals of a few nouns (GLOVES, BOXES) one at
 * a time, this reads the English rule for every word, so it holds for product families no table lists.
 *
 * Applied to a normalised description (upper-case words of letters and digits, one space apart), to both sides of
 * every comparison and to the blocking key alike, so a word shortened that was no plural (`PALACOS` → `PALACO`) is
 * shortened the same on both sides. Words of three letters or fewer (`LBS`, `MLS`, `PKS`: the alias tables' units),
 * words with a digit and the endings that are no plural (`-SS` glass, `-US` plus, `-IS` pelvis, `-OUS` porous, `-YS`
 * days is kept as the alias tables write it) are left alone. Hand-written: a stemmer library (Porter / Snowball) also
 * cuts derivational endings (`STERILE` → `STERIL`, `ADHESIVE` → `ADHES`) that separate products, and costs more.
 */

/** A word that may be a plural: four or more letters ending in S, not -SS / -US / -IS / -YS. */
const PLURAL_WORD = /(?<![A-Z0-9])([A-Z]{2,}?)(IES|XES|CHES|SHES|SSES|[^SUIY]S)(?![A-Z0-9])/g;

/** Plurals whose singular is spelt otherwise, and words in -S that are no plural (a medical `-ES` noun, a product line). */
const NOT_PLURAL = new Set([
  'SERIES',
  'SPECIES',
  'DIABETES',
  'HERPES',
  'SCISSORS',
  'FORCEPS',
  'BICEPS',
  'TRICEPS',
  'NEWS',
  'MEASLES',
  'MUMPS',
  'RABIES',
  'SCABIES',
  'CALIPERS',
]);

function singularOf(word: string, stem: string, ending: string): string {
  if (NOT_PLURAL.has(word)) return word;
  if (ending === 'IES') return `${stem}Y`;
  if (ending.length >= 3 && ending.endsWith('ES')) return `${stem}${ending.slice(0, -2)}`;
  return `${stem}${ending.slice(0, -1)}`;
}

/** `text` (normalised upper-case words) with English plurals written in the singular: WIPES → WIPE, BATTERIES → BATTERY, BOXES → BOX. */
export function withSingularWords(text: string): string {
  if (!text.includes('S')) return text;
  return text.replace(PLURAL_WORD, (word: string, stem: string, ending: string) => singularOf(word, stem, ending));
}
