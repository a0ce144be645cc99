/**
 * Facility names and addresses as Myanmar, Indian and Canadian lists write them (facility-2.26.0):
 * - a name in the Myanmar script is read syllable by syllable as Myanmar's English lists spell names, its Burmese generic
 *   words (written without spaces: ဆေးရုံ hospital, ပြည်သူ့ဆေးရုံကြီး general hospital, ကလေးဆေးရုံ children's hospital)
 *   found inside the run and written in English (brahmicReadings.ts, table indicScriptWords);
 * - Indian scripts: Odia ୱ is `wa`, an initialism written by its letters' names and dots is the letters (`ଏସ୍.ଡି.ପି.` =
 *   S.D.P.), and the word `and` of the Indian languages (Odia ଓ, Punjabi ਅਤੇ) is AND;
 * - a children's or women's hospital named after the general hospital of its campus (`X Children's Hospital` / `X
 *   Hospital`) is another hospital: never a duplicate for a steward (otherKindContainedName);
 * - Canada's French street types are the English ones (`chemin Hospital` = `Hospital Rd`).
 * The conventions are real; the hospitals and places (Kanpyin, Sundarpur, Fairmont, Fjellstad, Lac-Fairmont) are made up
 * for this test.
 */
import { describe, expect, test } from 'vitest';
import { brahmicReading } from '../../server/matching/brahmicReadings';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const { verify, compareNames } = matchingTestServer('facility');

describe('names in the Myanmar script', () => {
  test.each<[string, string]>([
    ['ကန်ပြင်ပြည်သူ့ဆေးရုံကြီး', 'Kanpyin General Hospital'],
    ['ကန်ပြင်ကလေးဆေးရုံ', "Kanpyin Children's Hospital"],
    ['ကန်ပြင်ဆေးရုံကြီး', 'Kanpyin Hospital'],
  ])('%s is the English list’s %s', async (burmese, english) => {
    const name = await compareNames(burmese, english);
    expect(name).toMatchObject({ outcome: 'match', score: 1 });
    expect(name?.a).toBe(english.replace("'", '').toUpperCase());
  });

  test('syllables read as the Latin spellings write them (finals change the vowel)', () => {
    expect(brahmicReading('ကန်ပြင်', { genericWords: false })).toBe('kanpyin');
    expect(brahmicReading('တောင်ကြီး', { genericWords: false })).toBe('taungkyi');
    expect(brahmicReading('မြစ်ကြီးနား', { genericWords: false })).toBe('myitkyina');
    expect(brahmicReading('ပုသိမ်', { genericWords: false })).toBe('puthein');
  });

  test('two hospitals of one town keep their kinds apart', async () => {
    const name = await compareNames('ကန်ပြင်ကလေးဆေးရုံ', 'ကန်ပြင်ပြည်သူ့ဆေးရုံကြီး');
    expect(name?.outcome).not.toBe('match');
  });
});

describe('Indian scripts', () => {
  test('Odia ୱ is wa and Assamese ৱ too', () => {
    expect(brahmicReading('ସ୍ୱରପୁର', { genericWords: false })).toBe('swarapura');
    expect(brahmicReading('ৱাৰিপুৰ', { genericWords: false })).toBe('waripur');
  });

  test.each<[string, string, string]>([
    ['Odia', 'ଏସ୍.ଡି.ପି. ମେଡିକାଲ କଲେଜ ଓ ହସ୍ପିଟାଲ', 'SDP MEDICAL COLLEGE AND HOSPITAL'],
    ['Hindi', 'एम.के. अस्पताल', 'MK'],
    ['Punjabi', 'ਡੀ.ਐਮ.ਸੀ. ਹਸਪਤਾਲ', 'DMC'],
  ])('%s: an initialism written by its letters’ names and dots is read as the letters', async (_script, native, start) => {
    const name = await compareNames(native, 'Sundarpur Hospital');
    expect(name?.a?.startsWith(start)).toBe(true);
  });

  test('an undotted run of syllables is a word, not letters (proper names are made of the same syllables)', () => {
    expect(brahmicReading('ਡੀਐਮਸੀ', { genericWords: false })).toBe('diaimasi');
  });

  test('the Punjabi name with ਅਤੇ (and) meets the English one', async () => {
    const name = await compareNames('ਸੁੰਦਰਪੁਰ ਮੈਡੀਕਲ ਕਾਲਜ ਅਤੇ ਹਸਪਤਾਲ', 'Sundarpur Medical College & Hospital');
    expect(name?.a).toBe('SUNDARAPUR MEDICAL COLLEGE AND HOSPITAL');
    expect(name?.score).toBeGreaterThanOrEqual(0.95);
  });
});

describe('a children’s or women’s hospital named after the general hospital of its campus', () => {
  const town = { city: 'Fairmont', state: 'WV', country: 'US' };
  test.each<[string, string]>([
    ["Fairmont Children's Hospital", 'Fairmont Hospital'],
    ["Fairmont Women's Hospital", 'Fairmont Hospital'],
    ["The Children's Hospital at Fairmont Medical Center", 'Fairmont Medical Center'],
  ])('%s / %s is not a duplicate (otherKindContainedName)', async (a, b) => {
    const pair = await verify({ name: a, address: { line1: '100 Lake St', ...town } }, { name: b, address: town });
    expect(pair.hardRule?.name).toBe('otherKindContainedName');
    expect(pair.band).toBe('no-match');
  });

  test('two writings of the one children’s hospital still meet', async () => {
    const pair = await verify(
      { name: "Fairmont Children's Hospital", address: town },
      { name: 'Childrens Hospital of Fairmont', address: town },
    );
    expect(pair.hardRule).toBeNull();
    expect(pair.band).not.toBe('no-match');
  });

  test('a laboratory named after its hospital stays before a steward (a child location, not another hospital)', async () => {
    const pair = await verify(
      { name: 'Fairmont Hospital Laboratory', address: { line1: '100 Lake St', ...town } },
      { name: 'Fairmont Hospital', address: town },
    );
    expect(pair.hardRule?.name).toBe('otherKindOfFacility');
    expect(pair.band).toBe('review');
  });

  test('a name hiding its kind without a hospital word stays before a steward', async () => {
    const pair = await verify({ name: "Fairmont Children's Hospital", address: town }, { name: "Children's of Fairmont", address: town });
    expect(pair.hardRule?.name).not.toBe('otherKindContainedName');
  });
});

describe('Canadian bilingual addresses', () => {
  test('chemin Hospital is Hospital Road', async () => {
    const place = { city: 'Lac-Fairmont', state: 'YT', country: 'CA' };
    const pair = await verify(
      { name: 'Hôpital général de Lac-Fairmont', address: { line1: '12 chemin Hospital', ...place } },
      { name: 'Lac-Fairmont General Hospital', address: { line1: '12 Hospital Road', ...place } },
    );
    expect(comparatorOf(pair, 'address')?.outcome).toBe('match');
  });
});
