/**
 * Brand and product nouns written in other scripts, read by sound (items32script, item-3.57.0): a word of another script
 * is romanised by its script family and reduced to a consonant skeleton (scriptSounds.ts), and a Latin word of the other
 * record with the same key counts, at half its weight, in the description comparator. Rows in the scripts the corpora
 * use (katakana, Gurmukhi, Odia, Thaana, Thai) and in scripts no corpus uses (Hangul, Georgian, Armenian, Greek,
 * Ethiopic, Hebrew, Bengali), with brands of no corpus; the rows that must stay apart name the nearest other brand or
 * the same brand in another size.
 */
import { describe, expect, test } from 'vitest';
import { scorePair } from '../../server/matching';
import { compileRules } from '../../server/matching/rules';
import { latinSoundTokens, scriptSoundTokens } from '../../server/matching/scriptSounds';
import { describedItem, itemPairExpectations, shippedRules } from '../support/factories/matching';

const rules = compileRules(shippedRules('item'));
const { expectConflict } = itemPairExpectations(rules);

const meetBySound = (script: string, latin: string): boolean => {
  const keys = new Set(scriptSoundTokens(script));
  return latinSoundTokens(latin).some((key) => keys.has(key));
};

function scored(a: string, b: string): { band: string; description: number } {
  const explanation = scorePair({ a: describedItem('a', a), b: describedItem('b', b), rules });
  const description = explanation.comparators.find((comparator) => comparator.name === 'description');
  return { band: explanation.band, description: description?.score ?? 0 };
}

describe('a brand written in another script meets its Latin spelling by sound', () => {
  test.each([
    // Katakana (Hepburn; non-rhotic: the r of Derma- and Thermo- is a long vowel).
    ['ブラウン', 'BRAUN'],
    ['テルモ', 'TERUMO'],
    ['ダーマボンド', 'DERMABOND'],
    ['サーモスキャン', 'THERMOSCAN'],
    // Gurmukhi, Odia (the Brahmic offset table with the inherent vowel), Thaana, Thai (a preposed vowel read after its consonant).
    ['ਜੌਹਨਸਨ', 'JOHNSON'],
    ['ଓମ୍ରନ', 'OMRON'],
    ['މެޑްޓްރޯނިކް', 'MEDTRONIC'],
    ['เบตาดีน', 'BETADINE'],
    // Scripts no corpus uses.
    ['메드트로닉', 'MEDTRONIC'],
    ['ბეტადინი', 'BETADINE'],
    ['Ռեսմեդ', 'RESMED'],
    ['Ακτιμούβ', 'ACTIMOVE'],
    ['ኦምሮን', 'OMRON'],
    ['בטדין', 'BETADINE'],
    ['ব্রাউন', 'BRAUN'],
    ['ಬೆಟಾಡಿನ್', 'BETADINE'],
  ])('%s ~ %s', (script, latin) => {
    expect(meetBySound(script, latin)).toBe(true);
  });

  test.each([
    // The nearest other brands: one consonant class apart.
    ['ブラウン', 'BARD'],
    ['オムロン', 'MEDTRONIC'],
    ['テルモ', 'THERMOS'],
    ['ਜੌਹਨਸਨ', 'JACKSON'],
    ['메드트로닉', 'MEDLINE'],
    // A word with digits (a model, a size) and a short word are never read by sound.
    ['テルモ', 'TRM100'],
    ['ブラウン', 'BRN'],
  ])('%s is not %s', (script, latin) => {
    expect(meetBySound(script, latin)).toBe(false);
  });

  test('Han characters are no spelling of a sound, and ASCII text has no sound keys', () => {
    expect(scriptSoundTokens('血圧計 注射針')).toEqual([]);
    expect(scriptSoundTokens('Omron blood pressure monitor')).toEqual([]);
  });
});

describe('in the description comparator', () => {
  test('the Latin brand scores above another brand with the same words', () => {
    const line = 'オムロン 上腕式血圧計 HEM-7120';
    const same = scored(line, 'Omron upper arm blood pressure monitor HEM-7120');
    const other = scored(line, 'Microlife upper arm blood pressure monitor HEM-7120');
    expect(same.description).toBeGreaterThan(other.description);
  });

  test('a Thaana line meets the Latin brand and product words it transliterates', () => {
    const thaana = scored('ތަކެތީގެ ނަން: މެޑްޓްރޯނިކް ސެންސަރ 3', 'Medtronic sensor 3');
    const other = scored('ތަކެތީގެ ނަން: މެޑްޓްރޯނިކް ސެންސަރ 3', 'Dexcom sensor 3');
    expect(thaana.description).toBeGreaterThan(other.description);
  });

  test('a brand matched by sound alone is never merged', () => {
    expect(scored('ブラウン', 'B. Braun').band).not.toBe('auto-merge');
    expect(scored('ମେଡଟ୍ରୋନିକ', 'Medtronic').band).not.toBe('auto-merge');
  });

  test('a size word is no brand: Thaana medium does not count as a sound match', () => {
    const sized = scored('ޓެރުމޯ މީޑިއަމް', 'Terumo Medium');
    const bare = scored('ޓެރުމޯ', 'Terumo Medium');
    expect(sized.description).toBe(bare.description);
  });
});

describe('the same brand in another size stays apart', () => {
  test.each([
    // Katakana needle gauges (full-width digits), the same maker.
    ['テルモ 注射針 ２７G １００本入', 'Terumo hypodermic needle 23G x 1 in, box of 100'],
    // Odia: a cuff of another size (Odia digits and centimetres).
    ['ଓମ୍ରନ କଫ୍ (୨୨-୩୨ ସେ.ମି.)', 'Omron cuff L 32-42 cm'],
    // Thai: another volume of one brand's antiseptic.
    ['เบตาดีน ๕๐๐ มล.', 'Betadine antiseptic solution 30 mL'],
  ])('%s / %s', (a, b) => {
    expectConflict(a, b);
  });
});
