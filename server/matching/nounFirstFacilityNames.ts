/**
 * Noun-first facility names with a linker (facility-2.35.0). Many languages name a care site as `<facility noun>
 * <linker> <name>`: Swahili `Hospitali ya Rufaa ya Mkoa wa Dodoma` (hospital of referral of region of Dodoma), Chichewa
 * `Chipatala cha Kamuzu`, Kinyarwanda and Kirundi `Ibitaro bya Kibagabaga`, iTaukei (Fijian) `Valenibula e Lautoka`
 * (hospital at Lautoka), Samoan and Māori `… o …` (of). English and other lists write the same site name-first
 * (`Lautoka Hospital`, `Kibagabaga District Hospital`). The facility noun of a language nobody has listed is not known,
 * but the grammar shows it: the first word of a name followed by a linker is the name's head noun, and what follows the
 * linker is the site's own name. So a name whose second word is a linker of the family below, and whose first word the
 * facility tables do not read as a facility noun (a known noun — Hôpital, Hospital — is read by the tables and left
 * alone), is read without its head noun and without the linkers of its name: `Valenibula e Lautoka` is `Lautoka`,
 * `Hospitali ya Rufaa ya Mkoa wa Dodoma` is `Rufaa Mkoa Dodoma`. A name left with the site's name alone is compared
 * as a name that states no facility kind (it reaches review against `Lautoka Hospital` in one town, never an exact name).
 *
 * The linkers are a closed class per language (not a table of names):
 * - Bantu associative concords (the class prefix + -a, `of`): Swahili and Chichewa wa, ya, cha, vya, za, kwa, pa, mwa;
 *   Kinyarwanda and Kirundi rya, cya, bya, rwa, bwa, twa, ka. `la` (Swahili class 5) is left out: it is the Romance
 *   article (`Clínica La Luz`).
 * - Fijian (iTaukei) e and ko (at, before a place), ni (of), na (the); Polynesian o (of: Samoan, Tongan, Māori).
 * In a name written in mixed case the linker must be written in lower case, as these languages write function words
 * (`Valenibula e Lautoka`); a name written all in capitals (insurers' lists: `HOSPITALI YA RUFAA …`) is read by the word.
 * Once per record (the normaliser), never per pair.
 */

/** The linkers of noun-first facility names (lower case): Bantu associative concords, Fijian and Polynesian particles. */
const LINKERS: ReadonlySet<string> = new Set([
  // Swahili, Chichewa and other Bantu languages: the associative concord (class prefix + a).
  'wa',
  'ya',
  'cha',
  'vya',
  'za',
  'kwa',
  'pa',
  'mwa',
  // Kinyarwanda and Kirundi.
  'rya',
  'cya',
  'bya',
  'rwa',
  'bwa',
  'twa',
  'ka',
  // Fijian (iTaukei).
  'e',
  'ko',
  'ni',
  'na',
  // Polynesian (Samoan, Tongan, Māori).
  'o',
]);

/** A head noun: one word of letters (accents allowed), at least four of them. */
const HEAD_NOUN = /^\p{L}{4,}$/u;

/**
 * `Valenibula e Lautoka` → `Lautoka`, `Hospitali ya Rufaa ya Mkoa wa Dodoma` → `Rufaa Mkoa Dodoma`; other text
 * unchanged. `isFacilityNoun` says whether the facility tables read a word as a facility noun (those names are theirs).
 */
export function withoutNounFirstLinkers(raw: string, isFacilityNoun: (word: string) => boolean): string {
  const words = raw.trim().split(/\s+/u);
  if (words.length < 3) return raw;
  const head = words[0] as string;
  const linker = words[1] as string;
  const isAllCapitals = raw === raw.toUpperCase();
  const isLinker = (word: string): boolean => (isAllCapitals || word === word.toLowerCase()) && LINKERS.has(word.toLowerCase());
  if (!isLinker(linker) || !HEAD_NOUN.test(head) || isFacilityNoun(head)) return raw;
  const rest = words.slice(2).filter((word) => !isLinker(word));
  return rest.length === 0 ? raw : rest.join(' ');
}
