/**
 * Names written in the Brahmic scripts of Indian registries (Devanagari, Bengali, Gurmukhi, Gujarati, Odia, Tamil,
 * Telugu, Kannada, Malayalam) read as their English lists write them, in one reading for all nine scripts:
 *
 * - *One table for nine scripts.* Unicode lays the nine blocks out in parallel (from ISCII): a letter sits at the same
 *   offset in each block (क, ক, ਕ, ક, କ, க, క, ಕ, ക are all offset 0x15, `ka`). The reading is indexed by that offset,
 *   so it covers every script an Indian state register or a national portal (NHA, HMIS, state DHS / DME lists, drug
 *   licences) writes in, without a romaniser per language.
 * - *The inherent vowel.* A consonant with no vowel sign and no virama carries `a` (`ആശുപത്രി` → `ASUPATRI`, where
 *   any-ascii writes `asuptri`), as the Hunterian romanisation of India's official lists and maps writes names
 *   (`Thiruvananthapuram`, `Secunderabad`). Hindi, Bengali, Punjabi and Gujarati do not say a word's last inherent vowel
 *   (`अस्पताल` is `aspatal`), so it is left out in those four scripts. Long and short vowels are written alike, as
 *   English spellings of these names do (`Hyderabad`, not `Haidaraabaad`).
 * - *Generic words read as English.* Institutional names borrow English words and write them phonetically
 *   (`ഗവൺമെന്റ് മെഡിക്കൽ കോളേജ്` is Government Medical College, `జనరల్` General, `ఇన్‌స్టిట్యూట్` Institute), and the
 *   native words for hospital, government or district differ by language (`aspatal`, `haspatal`, `asupatri`,
 *   `maruttuvamanai`; `sarkari`, `arasu`). A romanised word whose consonant skeleton (scriptReadings.ts
 *   `loanwordSkeleton`: vowels dropped, consonants folded to classes) is the skeleton of a word of the
 *   `indicScriptWords` table is read as that table's English word. The skeleton makes one row cover each script's
 *   spelling of a loanword (`MEDIKKAL`, `MEDIKAL`, `MEDIKEL`); skeletons shorter than three consonants are not read.
 *
 * Limits: Tamil writes voiced and voiceless stops alike (`டி` for both `di` and `ti`), so its loanwords read with `T`
 * and `P` may miss the skeleton; Hindi's medial inherent vowels are written (`sarakari`), which the skeleton ignores but
 * Jaro–Winkler does not; Sinhala, Tibetan and the scripts of the North-East are left to any-ascii.
 */
import anyAscii from 'any-ascii';
import { shippedAliasTables } from './aliases';
import { loanwordSkeleton } from './scriptReadings';

/** The first and last code points of the nine parallel Brahmic blocks (U+0900 Devanagari … U+0D7F Malayalam). */
const FIRST_BLOCK = 0x0900;
const LAST_CODE = 0x0d7f;
/** Blocks whose last inherent vowel is not said: Devanagari (Hindi, Marathi is read alike), Bengali, Gurmukhi, Gujarati. */
const SILENT_FINAL_VOWEL_BLOCKS = new Set([0x0900, 0x0980, 0x0a00, 0x0a80]);
const MALAYALAM_BLOCK = 0x0d00;
/** Tamil's ச is `s` in names (`அரசு` arasu, `சென்னை` Chennai is the doubled `ch`, rare in a name's generic words). */
const TAMIL_BLOCK = 0x0b80;
const VIRAMA = 0x4d;
const NUKTA = 0x3c;
const ANUSVARA = 0x02;
/** Dependent vowel signs, by offset. */
const VOWEL_SIGNS: Readonly<Record<number, string>> = {
  0x3e: 'a',
  0x3f: 'i',
  0x40: 'i',
  0x41: 'u',
  0x42: 'u',
  0x43: 'ri',
  0x44: 'ri',
  0x45: 'e',
  0x46: 'e',
  0x47: 'e',
  0x48: 'ai',
  0x49: 'o',
  0x4a: 'o',
  0x4b: 'o',
  0x4c: 'au',
  0x62: 'li',
  0x63: 'li',
};
/** Consonants, by offset (Hunterian: retroflex and dental alike, aspirates with h, ष and श both `sh`). */
const CONSONANTS: Readonly<Record<number, string>> = {
  0x15: 'k',
  0x16: 'kh',
  0x17: 'g',
  0x18: 'gh',
  0x19: 'ng',
  0x1a: 'ch',
  0x1b: 'chh',
  0x1c: 'j',
  0x1d: 'jh',
  0x1e: 'ny',
  0x1f: 't',
  0x20: 'th',
  0x21: 'd',
  0x22: 'dh',
  0x23: 'n',
  0x24: 't',
  0x25: 'th',
  0x26: 'd',
  0x27: 'dh',
  0x28: 'n',
  0x29: 'n',
  0x2a: 'p',
  0x2b: 'ph',
  0x2c: 'b',
  0x2d: 'bh',
  0x2e: 'm',
  0x2f: 'y',
  0x30: 'r',
  0x31: 'r',
  0x32: 'l',
  0x33: 'l',
  0x34: 'zh',
  0x35: 'v',
  0x36: 'sh',
  0x37: 'sh',
  0x38: 's',
  0x39: 'h',
  0x58: 'q',
  0x59: 'kh',
  0x5a: 'gh',
  0x5b: 'z',
  0x5c: 'r',
  0x5d: 'rh',
  0x5e: 'f',
  0x5f: 'y',
};
/**
 * Letters a script added outside the parallel layout: Odia ୱ (U+0B71) is `wa` (`ଭୁବନେଶ୍ୱର` Bhubaneswar; Odia's ଵ at the
 * parallel offset is rare), Assamese ৰ / ৱ (U+09F0 / U+09F1) are `ra` / `wa` (`গুৱাহাটী` Guwahati). Read as consonants.
 */
const SCRIPT_CONSONANTS: Readonly<Record<number, string>> = { 0x0b71: 'w', 0x09f0: 'r', 0x09f1: 'w' };
/** A nukta under a consonant writes a Persian or English sound (ज़ `z`, फ़ `f`, ड़ `r`). */
const WITH_NUKTA: Readonly<Record<number, string>> = {
  0x15: 'q',
  0x16: 'kh',
  0x17: 'gh',
  0x1c: 'z',
  0x21: 'r',
  0x22: 'rh',
  0x2b: 'f',
  0x2f: 'y',
};
/** Independent vowels, by offset. */
const VOWELS: Readonly<Record<number, string>> = {
  0x04: 'a',
  0x05: 'a',
  0x06: 'a',
  0x07: 'i',
  0x08: 'i',
  0x09: 'u',
  0x0a: 'u',
  0x0b: 'ri',
  0x0c: 'li',
  0x0d: 'e',
  0x0e: 'e',
  0x0f: 'e',
  0x10: 'ai',
  0x11: 'o',
  0x12: 'o',
  0x13: 'o',
  0x14: 'au',
  0x60: 'ri',
  0x61: 'li',
};
/** Other signs: candrabindu and Gurmukhi tippi nasalise, visarga is `h`; Bengali khanda ta; Malayalam dot reph and chillus (a consonant that ends a syllable). */
const SIGNS: Readonly<Record<number, string>> = { 0x01: 'n', 0x03: 'h', 0x70: 'n', 0x4e: 't' };
const MALAYALAM_SIGNS: Readonly<Record<number, string>> = {
  0x4e: 'r',
  0x54: 'm',
  0x55: 'y',
  0x56: 'zh',
  0x7a: 'n',
  0x7b: 'n',
  0x7c: 'r',
  0x7d: 'l',
  0x7e: 'l',
  0x7f: 'k',
};
/** Length marks and the Gurmukhi addak / iri / ura bases say nothing a Latin spelling writes. */
const SILENT = new Set([0x00, 0x3d, 0x51, 0x52, 0x53, 0x55, 0x56, 0x57, 0x71, 0x72, 0x73, 0x75]);
const LABIALS = new Set([0x2a, 0x2b, 0x2c, 0x2d, 0x2e]);
/** Zero-width joiners and non-joiners shape conjuncts; they are not letters. */
const JOINERS = /[\u200C\u200D]/g;

function blockOf(code: number): number {
  return code - ((code - FIRST_BLOCK) % 0x80);
}

function isBrahmic(code: number | undefined): code is number {
  return code !== undefined && code >= FIRST_BLOCK && code <= LAST_CODE;
}

function isConsonant(code: number | undefined): boolean {
  return isBrahmic(code) && (CONSONANTS[(code - FIRST_BLOCK) % 0x80] !== undefined || SCRIPT_CONSONANTS[code] !== undefined);
}

/**
 * Malayalam writes the alveolar stop as a doubled or post-nasal റ (`റ്റ` = `tt`, `ന്റ` = `nt`: `ഗവൺമെന്റ്` is
 * government, `ഇൻസ്റ്റിറ്റ്യൂട്ട്` institute), elsewhere റ is an r.
 */
function malayalamRra(codes: readonly number[], at: number): boolean {
  const rra = MALAYALAM_BLOCK + 0x31;
  const virama = MALAYALAM_BLOCK + VIRAMA;
  const before = codes[at - 2];
  if (codes[at + 1] === virama && codes[at + 2] === rra) return true;
  return codes[at - 1] === virama && (before === MALAYALAM_BLOCK + 0x28 || before === rra);
}

/** One word (a run of Brahmic letters) in the Latin reading: inherent vowels written, the last one left out in Hindi, Bengali, Punjabi and Gujarati. */
function wordReading(codes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as number;
    const block = blockOf(code);
    const offset = code - block;
    const consonant = SCRIPT_CONSONANTS[code] ?? CONSONANTS[offset];
    if (consonant !== undefined) {
      let letters =
        block === MALAYALAM_BLOCK && offset === 0x31 && malayalamRra(codes, i)
          ? 't'
          : block === TAMIL_BLOCK && offset === 0x1a
            ? 's'
            : consonant;
      let next = i + 1;
      if (codes[next] === block + NUKTA) {
        letters = WITH_NUKTA[offset] ?? letters;
        next++;
      }
      const following = codes[next];
      const sign = following === undefined || blockOf(following) !== block ? undefined : following - block;
      if (sign === VIRAMA) {
        out += letters;
        i = next;
      } else if (sign !== undefined && VOWEL_SIGNS[sign] !== undefined) {
        out += letters + VOWEL_SIGNS[sign];
        i = next;
      } else {
        const isLast = following === undefined;
        out += letters + (isLast && SILENT_FINAL_VOWEL_BLOCKS.has(block) ? '' : 'a');
        i = next - 1;
      }
      continue;
    }
    if (offset === ANUSVARA) {
      const following = codes[i + 1];
      out += following !== undefined && isConsonant(following) && !LABIALS.has(following - blockOf(following)) ? 'n' : 'm';
      continue;
    }
    const letters =
      VOWELS[offset] ??
      (block === MALAYALAM_BLOCK ? MALAYALAM_SIGNS[offset] : undefined) ??
      SIGNS[offset] ??
      (offset >= 0x66 && offset <= 0x6f ? String(offset - 0x66) : undefined);
    if (letters !== undefined) out += letters;
    else if (!SILENT.has(offset) && offset !== VIRAMA && VOWEL_SIGNS[offset] === undefined) out += anyAscii(String.fromCodePoint(code));
  }
  return out;
}

interface GenericWords {
  /** A variant as written → its English word. */
  spellings: ReadonlyMap<string, string>;
  /** Consonant skeleton (MIN_SKELETON consonants or more) of a canonical word or a variant → the English word. */
  skeletons: ReadonlyMap<string, string>;
  /** The same, of the canonical (English) words only. */
  englishSkeletons: ReadonlyMap<string, string>;
}

/** Skeletons shorter than this are not read (`KOLEJ` is `KRS`, as are proper names): such a word must be written as a variant. */
const MIN_SKELETON = 4;

let shippedGenericWords: GenericWords | undefined;

/** The shipped `indicScriptWords` table as spellings and skeletons. */
function genericWords(): GenericWords {
  if (!shippedGenericWords) {
    const spellings = new Map<string, string>();
    const skeletons = new Map<string, string>();
    const englishSkeletons = new Map<string, string>();
    for (const entry of shippedAliasTables().get('indicScriptWords')?.entries ?? []) {
      const canonical = entry.canonical?.toUpperCase();
      if (canonical === undefined) continue;
      const english = loanwordSkeleton(canonical);
      if (english.length >= MIN_SKELETON && !englishSkeletons.has(english)) englishSkeletons.set(english, canonical);
      for (const variant of [canonical, ...entry.variants.map((v) => v.toUpperCase())]) {
        // Burmese rows are found inside a run in their own script (withMyanmarGenericWords), not read by skeleton.
        if (hasMyanmarLetter(variant)) continue;
        if (!spellings.has(variant)) spellings.set(variant, canonical);
        const key = loanwordSkeleton(variant);
        if (key.length >= MIN_SKELETON && !skeletons.has(key)) skeletons.set(key, canonical);
      }
    }
    shippedGenericWords = { spellings, skeletons, englishSkeletons };
  }
  return shippedGenericWords;
}

/**
 * One romanised word as the English word of `indicScriptWords` it spells (or whose skeleton it has), or null. With
 * `englishOnly` the skeleton read is the English word's own (`KOMPENEE` → COMPANY), not an Indian-language variant's
 * (`RUGNALAYA`, hospital in Marathi, has the skeleton of the syllables `li kom li` of a Dzongkha `telecom limited`);
 * with `spellingOnly` only a listed spelling is read.
 */
export function borrowedWordOf(
  word: string,
  options: { englishOnly: boolean; spellingOnly?: boolean } = { englishOnly: false },
): string | null {
  const { spellings, skeletons, englishSkeletons } = genericWords();
  const upper = word.toUpperCase();
  const spelt = spellings.get(upper);
  if (spelt !== undefined || options.spellingOnly) return spelt ?? null;
  const key = loanwordSkeleton(upper);
  if (key.length < MIN_SKELETON) return null;
  return (options.englishOnly ? englishSkeletons : skeletons).get(key) ?? null;
}

/** One romanised word as the English word of `indicScriptWords` it spells (or whose skeleton it has), or as it is. */
function genericWordOf(word: string): string {
  return borrowedWordOf(word) ?? word;
}

/** The facility tables whose variants were written in any-ascii's reading before this one (`VAITTIYCALAI`, `TECIY`). */
const ANY_ASCII_TABLES = ['facilityTranslations', 'scriptGenericWords', 'facilityKindWords'] as const;
let anyAsciiVariants: ReadonlySet<string> | undefined;

/**
 * A word as any-ascii reads it when a facility table already spells it so (Tamil `வைத்தியசாலை` = VAITTIYCALAI, hospital):
 * the table then translates it, as it did before this reading existed; null otherwise.
 */
function tableSpelling(run: readonly number[]): string | null {
  if (!anyAsciiVariants) {
    const variants = new Set<string>();
    for (const name of ANY_ASCII_TABLES)
      for (const entry of shippedAliasTables().get(name)?.entries ?? [])
        for (const variant of entry.variants) if (!variant.includes(' ')) variants.add(variant.toUpperCase());
    anyAsciiVariants = variants;
  }
  const read = anyAscii(String.fromCodePoint(...run));
  return anyAsciiVariants.has(read.toUpperCase()) ? read : null;
}

/**
 * English letters as Indian scripts name them: a registry writes an initialism by its letters' names (`ଏସ୍.ସି.ବି.` =
 * S.C.B., `एम.डी.` = M.D.), in the Hunterian reading above; a name ending in a consonant may carry the inherent vowel
 * (Odia and Bengali write `ଏମ` em as `ema`; Hindi and Punjabi often write the e of em, es, el as ai: `ਐਮ`). Only a run of two or more names joined by dots is read as letters: an undotted
 * word (`ਡੀਐਮਸੀ`, DMC) is left as a word, since proper names are made of the same syllables.
 */
const LETTER_NAMES: ReadonlyMap<string, string> = new Map(
  (
    [
      ['A', ['e', 'a']],
      ['B', ['bi']],
      ['C', ['si', 'shi']],
      ['D', ['di']],
      ['E', ['i']],
      ['F', ['eph', 'ef', 'aiph']],
      ['G', ['ji']],
      ['H', ['ech', 'ich', 'aich', 'eich', 'echh', 'aichh']],
      ['I', ['ai']],
      ['J', ['je', 'jai']],
      ['K', ['ke', 'kai']],
      ['L', ['el', 'ail']],
      ['M', ['em', 'aim']],
      ['N', ['en', 'ain']],
      ['O', ['o']],
      ['P', ['pi']],
      ['Q', ['kyu', 'kiu']],
      ['R', ['ar', 'ara']],
      ['S', ['es', 'esh', 'ais']],
      ['T', ['ti', 'ta']],
      ['U', ['yu']],
      ['V', ['vi', 'bhi']],
      ['W', ['dablyu', 'dabliu', 'dabalyu']],
      ['X', ['eks', 'aiks']],
      ['Y', ['vai', 'wai', 'oai']],
      ['Z', ['zed', 'jed', 'zi']],
    ] as const
  ).flatMap(
    ([letter, names]) =>
      names.flatMap((name) =>
        /[aeiou]$/.test(name)
          ? [[name, letter]]
          : [
              [name, letter],
              [`${name}a`, letter],
            ],
      ) as Array<[string, string]>,
  ),
);
/** Brahmic words joined by dots (`ଏସ୍.ସି.ବି.`): an initialism when every word is a letter's name. */
const DOTTED_WORDS = /[\u0900-\u0D7F]+(?:\.\s?[\u0900-\u0D7F]+)+\.?/gu;

function codesOf(word: string): number[] {
  return Array.from(word, (char) => char.codePointAt(0) as number);
}

/**
 * `ଏସ୍.ସି.ବି. ମେଡିକାଲ` → `SCB ମେଡିକାଲ`: the leading words of a dotted run that are letters' names (two or more) read as
 * the letters; the run as it is otherwise.
 */
function withDottedInitialisms(text: string): string {
  return text.replace(DOTTED_WORDS, (run) => {
    const parts = run.split(/(\.\s?)/);
    let letters = '';
    let used = 0;
    for (let at = 0; at < parts.length; at += 2) {
      const letter = LETTER_NAMES.get(wordReading(codesOf(parts[at] ?? '')));
      if (letter === undefined) break;
      letters += letter;
      used = at + 2;
    }
    if (letters.length < 2) return run;
    const rest = parts.slice(used).join('');
    return rest === '' ? letters : `${letters} ${rest}`;
  });
}

/**
 * Burmese (Myanmar script, U+1000–U+109F), read syllable by syllable as the Latin spellings of Myanmar's ministries and
 * maps write names (the BGN/PCGN convention in its common form): the inherent vowel `a`; ရ is `y` as spoken today
 * (`ရန်ကုန်` yankon, Yangon); a final consonant marked by asat or stacked by the virama closes the syllable (`န္တ` in
 * `မန္တလေး` mantale, Mandalay); ု before a final or the anusvara is `o`; tone marks are not written. Burmese writes no
 * space between words, so the generic words of names (ဆေးရုံ hospital, ကလေးဆေးရုံ children's hospital,
 * ပြည်သူ့ဆေးရုံကြီး general hospital, တက္ကသိုလ် university: rows of `indicScriptWords` written in the Myanmar script) are
 * found inside a run, longest first, and written as their English words before the rest is read.
 * Limits: voicing inside a word is not read (`ကုန်` is read `kon` where Yangon says `gon`); the old English names
 * (Rangoon) are other names.
 */
const MYANMAR_FIRST = 0x1000;
const MYANMAR_LAST = 0x109f;
const MYANMAR_CONSONANTS = [
  'k',
  'kh',
  'g',
  'g',
  'ng',
  's',
  'hs',
  'z',
  'z',
  'ny',
  'ny',
  't',
  'ht',
  'd',
  'd',
  'n',
  't',
  'ht',
  'd',
  'd',
  'n',
  'p',
  'hp',
  'b',
  'b',
  'm',
  'y',
  'y',
  'l',
  'w',
  'th',
  'h',
  'l',
  '',
] as const;
/** Independent vowels (U+1023–U+102A). */
const MYANMAR_VOWELS: Readonly<Record<number, string>> = { 0x23: 'i', 0x24: 'i', 0x25: 'u', 0x26: 'u', 0x27: 'e', 0x29: 'aw', 0x2a: 'aw' };
/** Final consonants by their sound class: stops (က် စ် တ် ပ်) heard as a glottal stop, nasals (င် ည် န် မ်, the anusvara) as a nasal. */
const MYANMAR_STOP_FINALS = new Set([0x00, 0x05, 0x10, 0x15]);
const ASAT = 0x3a;
const STACKER = 0x39;

function isMyanmar(code: number | undefined): code is number {
  return code !== undefined && code >= MYANMAR_FIRST && code <= MYANMAR_LAST;
}

function myanmarConsonant(code: number | undefined): string | undefined {
  return code === undefined ? undefined : MYANMAR_CONSONANTS[code - MYANMAR_FIRST];
}

/**
 * A syllable's rhyme (vowel and final) as the Latin spellings write it: the vowel signs alone (`ေ` e, `ိ` i, `ု` u, `ော` aw,
 * `ို` o), or with a final, as the finals change the vowel: `-ောင်` aung (Taunggyi), `-ိုင်` aing (Sagaing), `-င်` in
 * (Pyin), `-စ်` it (Myit), `-က်` et, `-ောက်` auk, `-ိုက်` aik, `-ည်` i (pyi), `-ိန်` / `-ိမ်` ein (Pathein), `-ုန်` on
 * (Yangon), `-ယ်` e, a closed `a` written `an` / `at`.
 */
function myanmarRhyme(signs: ReadonlySet<number>, final: number | undefined): string {
  const aw = signs.has(0x31) && (signs.has(0x2b) || signs.has(0x2c));
  const o = signs.has(0x2d) && signs.has(0x2f);
  const i = signs.has(0x2d) || signs.has(0x2e);
  const u = signs.has(0x2f) || signs.has(0x30);
  const e = signs.has(0x31) || signs.has(0x32);
  const nasal = final !== undefined ? !MYANMAR_STOP_FINALS.has(final) : signs.has(0x36);
  if (final === undefined && !signs.has(0x36)) return aw ? 'aw' : o ? 'o' : i ? 'i' : u ? 'u' : e ? 'e' : 'a';
  if (final === 0x0a) return 'i';
  if (final === 0x1a) return 'e';
  if (final === 0x04 || final === 0x00) {
    const close = final === 0x04 ? 'ng' : 'k';
    if (aw) return `au${close}`;
    if (o) return `ai${close}`;
    return final === 0x04 ? 'in' : 'et';
  }
  if (final === 0x05) return 'it';
  const close = nasal ? 'n' : 't';
  if (o || u) return `o${close}`;
  if (i) return `ei${close}`;
  return `a${close}`;
}

/** One run of Myanmar letters in Latin letters (see above). */
function burmeseWordReading(codes: readonly number[]): string {
  let out = '';
  let i = 0;
  const offset = (at: number): number | undefined => (isMyanmar(codes[at]) ? (codes[at] as number) - MYANMAR_FIRST : undefined);
  while (i < codes.length) {
    const at = offset(i);
    const onset = myanmarConsonant(codes[i]);
    if (at === undefined) {
      i++;
      continue;
    }
    if (onset === undefined) {
      out += MYANMAR_VOWELS[at] ?? (at >= 0x40 && at <= 0x49 ? String(at - 0x40) : '');
      i++;
      continue;
    }
    i++;
    let medials = '';
    let aspirated = false;
    const signs = new Set<number>();
    for (let sign = offset(i); sign !== undefined && ((sign >= 0x2b && sign <= 0x38) || (sign >= 0x3b && sign <= 0x3e)); sign = offset(i)) {
      if (sign === 0x3b || sign === 0x3c) medials += 'y';
      else if (sign === 0x3d) medials += 'w';
      else if (sign === 0x3e) aspirated = true;
      else signs.add(sign);
      i++;
    }
    let final: number | undefined;
    const next = offset(i + 1);
    if (myanmarConsonant(codes[i]) !== undefined && (next === ASAT || next === STACKER)) {
      final = offset(i);
      i += 2;
      while (offset(i) === 0x37 || offset(i) === 0x38 || offset(i) === ASAT) i++;
    }
    out += `${aspirated ? 'h' : ''}${onset}${medials}${myanmarRhyme(signs, final)}`;
  }
  return out;
}

let myanmarWords: ReadonlyArray<readonly [string, string]> | undefined;

/** The rows of `indicScriptWords` written in the Myanmar script, longest variant first. */
function myanmarGenericWords(): ReadonlyArray<readonly [string, string]> {
  if (!myanmarWords) {
    const words: Array<readonly [string, string]> = [];
    for (const entry of shippedAliasTables().get('indicScriptWords')?.entries ?? [])
      for (const variant of entry.variants)
        if (entry.canonical !== undefined && hasMyanmarLetter(variant)) words.push([variant, entry.canonical.toUpperCase()]);
    myanmarWords = words.sort((a, b) => b[0].length - a[0].length);
  }
  return myanmarWords;
}

function hasMyanmarLetter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= MYANMAR_FIRST && code <= MYANMAR_LAST) return true;
  }
  return false;
}

/** Burmese generic words written as their English words, each between spaces (Burmese runs words together). */
function withMyanmarGenericWords(text: string): string {
  if (!hasMyanmarLetter(text)) return text;
  let out = text;
  for (const [variant, english] of myanmarGenericWords()) if (out.includes(variant)) out = out.split(variant).join(` ${english} `);
  return out;
}

/** True when `value` holds a letter of a Brahmic block this reading covers (the nine Indian blocks and Myanmar). */
export function hasBrahmicLetter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code >= FIRST_BLOCK && code <= LAST_CODE) || (code >= MYANMAR_FIRST && code <= MYANMAR_LAST)) return true;
  }
  return false;
}

/**
 * `value` with every word written in a Brahmic script read in Latin letters (see the module doc); with `genericWords`,
 * a word whose skeleton is a generic word's is written as that English word (Burmese: a generic word found inside a
 * run). An initialism written by its letters' names and dots is read as the letters. Other characters are left as they are.
 */
export function brahmicReading(value: string, options: { genericWords: boolean } = { genericWords: true }): string {
  if (!hasBrahmicLetter(value)) return value;
  const joined = withDottedInitialisms(value.replace(JOINERS, ''));
  const text = options.genericWords ? withMyanmarGenericWords(joined) : joined;
  let out = '';
  let run: number[] = [];
  let isBurmeseRun = false;
  const flush = (): void => {
    if (run.length === 0) return;
    if (isBurmeseRun) out += burmeseWordReading(run);
    else {
      const word = wordReading(run);
      out += options.genericWords ? (tableSpelling(run) ?? genericWordOf(word)) : word;
    }
    run = [];
  };
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const isLetter = isBrahmic(code) && !(code - blockOf(code) === 0x64 || code - blockOf(code) === 0x65);
    // Myanmar's section marks (U+104A, U+104B) end a run as the danda does.
    const isBurmese = isMyanmar(code) && code !== 0x104a && code !== 0x104b;
    if ((isLetter || isBurmese) && (run.length === 0 || isBurmese === isBurmeseRun)) {
      isBurmeseRun = isBurmese;
      run.push(code);
    } else if (isLetter || isBurmese) {
      flush();
      isBurmeseRun = isBurmese;
      run.push(code);
    } else {
      flush();
      out += isBrahmic(code) || isMyanmar(code) ? ' ' : char;
    }
  }
  flush();
  return out;
}
