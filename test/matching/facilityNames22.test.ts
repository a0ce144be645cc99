/**
 * Facility names as Indian registries and European lists write them (facility-2.25.0):
 * - a name in a Brahmic script of an Indian register (Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu, Kannada,
 *   Malayalam) is read in one Hunterian reading, its generic words — native (`aspatal`, `asupatri`, `sarkari`) or English
 *   loanwords written phonetically (`janaral`, `medikkal`, `instityut`) — as the English words (brahmicReadings.ts, table
 *   indicScriptWords), so it meets the English list's name; a city written in such a script is read alike;
 * - an initialism spells the name as its own language writes it (`CHF` / Centre Hospitalier de Fairmont, `CHdV` / Centre
 *   Hospitalier du Vallon), a compound hospital word split before its head (`FUS` / Fjellstads UniversitetsSjukhus, `KSF` /
 *   KantonsSpital Fairstadt): review evidence of its own level, never an automatic merge on the name; a word more on either
 *   side (another site or unit) is not read so;
 * - Norwegian and Danish hospital words (sykehus, universitetssykehus, sygehus) read as the English ones.
 * The conventions are real; the hospitals and places (Sundarpur, Chandrapur, Fairmont, Vallon, Fjellstad, Fairstadt) are
 * made up for this test.
 */
import { describe, expect, test } from 'vitest';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer, type ShownComparison } from '../support/factories/matching';

const SITE_LIST = `{ "sourceId": ID, "name": NAME, "address": { "city": CITY, "country": COUNTRY } }`;

const { server, verify, compareNames } = matchingTestServer('facility', { mappings: [{ source: 'sitelists22', expression: SITE_LIST }] });

describe('names in the Brahmic scripts of Indian registries', () => {
  test.each<[string, string, string]>([
    ['Hindi (Devanagari)', 'सरकारी अस्पताल सुंदरपुर', 'Government Hospital Sundarpur'],
    ['Bengali', 'সুন্দরপুর জেলা হাসপাতাল', 'Sundarpur District Hospital'],
    ['Kannada', 'ಸುಂದರಪುರ ಸರ್ಕಾರಿ ಆಸ್ಪತ್ರೆ', 'Sundarapura Government Hospital'],
    ['Telugu', 'సుందరపురం జనరల్ ఆసుపత్రి', 'Sundarapuram General Hospital'],
    ['Malayalam', 'ജനറൽ ആശുപത്രി സുന്ദരപുരം', 'General Hospital Sundarapuram'],
    ['Malayalam loanwords', 'സുന്ദരപുരം ഇൻസ്റ്റിറ്റ്യൂട്ട് ഓഫ് മെഡിക്കൽ സയൻസസ്', 'Sundarapuram Institute of Medical Sciences'],
    ['Tamil', 'அரசு மருத்துவமனை சுந்தரபுரம்', 'Government Hospital Sundarapuram'],
    ['Punjabi (Gurmukhi)', 'ਸਰਕਾਰੀ ਹਸਪਤਾਲ ਸੁੰਦਰਪੁਰ', 'Government Hospital Sundarpur'],
  ])('%s: %s is the English list’s %s', async (_script, native, english) => {
    const name = await compareNames(native, english);
    expect(name?.score).toBeGreaterThanOrEqual(0.95);
    expect(name?.b).toBe(english.toUpperCase());
  });

  test('two hospitals of one kind in two towns keep their own names apart', async () => {
    const name = await compareNames('ജനറൽ ആശുപത്രി സുന്ദരപുരം', 'ജനറൽ ആശുപത്രി ചന്ദ്രപുരം');
    expect(name?.a).toBe('GENERAL HOSPITAL SUNDARAPURAM');
    expect(name?.b).toBe('GENERAL HOSPITAL CHANDRAPURAM');
    expect(name?.outcome).not.toBe('match');
  });

  test('a city written in Malayalam meets its Latin spelling', async () => {
    const pair = await verify(
      { name: 'ജനറൽ ആശുപത്രി സുന്ദരപുരം', address: { city: 'സുന്ദരപുരം', postalCode: '695999', country: 'IN' } },
      { name: 'General Hospital, Sundarapuram', address: { city: 'Sundarapuram', postalCode: '695999', country: 'IN' } },
    );
    expect((comparatorOf(pair, 'address') as ShownComparison | undefined)?.a).toContain('SUNDARAPURAM');
    expect(comparatorOf(pair, 'address')?.outcome).not.toBe('mismatch');
    expect(pair.band).not.toBe('no-match');
  });

  test('a romanised name only like the Latin one reaches a steward at most (romanisedNameAgainstLatin)', async () => {
    const address = { postalCode: '695999', country: 'IN' };
    const pair = await verify(
      { name: 'ജനറൽ ആശുപത്രി സുന്ദരപുരം', address: { ...address, city: 'സുന്ദരപുരം' } },
      { name: 'Sundarapuram General Hospital and Research Centre', address: { ...address, city: 'Sundarapuram' } },
    );
    expect(comparatorOf(pair, 'name')?.outcome).not.toBe('match');
    expect(pair.band).not.toBe('auto-merge');
  });
});

describe('initialisms of names as their own language writes them', () => {
  test.each<[string, string]>([
    ['Centre Hospitalier de Fairmont', 'CHF'],
    ['Centre Hospitalier du Vallon', 'CHdV'],
    ['Fjellstads universitetssjukhus, Fjellstad', 'FUS Fjellstad'],
    ['Kantonsspital Fairstadt', 'KSF'],
  ])('%s / %s is an initialism of its own level', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'related', score: 0.84 });
  });

  test.each<[string, string]>([
    // A unit or another site after the initialism is not the organisation's name.
    ['Centre Hospitalier de Fairmont', 'CHF Maternité'],
    ['Centre Hospitalier de Fairmont - Site Nord', 'CHF - Site Sud'],
    // Initials that spell no written name.
    ['Centre Hospitalier de Fairmont', 'CHV'],
  ])('%s / %s is not read as an initialism', async (a, b) => {
    expect((await compareNames(a, b))?.outcome).not.toBe('related');
  });

  test('with one address and one phone it reaches a steward, never an automatic merge on the name', async () => {
    const address = { line1: '12 rue des Tilleuls', city: 'Fairmont', postalCode: '4999', country: 'LU' };
    const phone = '+352 4999 0000';
    const pair = await verify({ name: 'Centre Hospitalier de Fairmont', address, phone }, { name: 'CHF', address, phone });
    expect(comparatorOf(pair, 'name')).toMatchObject({ outcome: 'related', level: 'initialism of the name as its own language writes it' });
    expect(pair.hardRule?.name).toBe('containedNameOnly');
    expect(pair.band).toBe('review');
  });
});

describe('Norwegian and Danish hospital words', () => {
  test.each<[string, string]>([
    ['Fjellstad universitetssykehus', 'Fjellstad University Hospital'],
    ['Fjellstad sjukehus', 'Fjellstad Hospital'],
    ['Fjellstad Sygehus', 'Fjellstad Hospital'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('through POST /ingest', () => {
  test("an initialism row meets the register's written name in its town (initials blocking key) and reaches a steward", async () => {
    const register = await ingestAccepted(server(), {
      source: 'sitelists22',
      domain: 'facility',
      row: { ID: 'LU-1', NAME: 'Centre Hospitalier du Vallon', CITY: 'Vallon', COUNTRY: 'LU' },
    });
    expect(register.match).toBe('created');
    const network = await ingestAccepted(server(), {
      source: 'sitelists22',
      domain: 'facility',
      row: { ID: 'NET-1', NAME: 'CHdV', CITY: 'Vallon', COUNTRY: 'LU' },
    });
    expect(network.match).toBe('review');
  });

  test('a Telugu register row meets the English row of its hospital', async () => {
    const english = await ingestAccepted(server(), {
      source: 'sitelists22',
      domain: 'facility',
      row: { ID: 'EN-7', NAME: 'Sundarapuram General Hospital', CITY: 'Sundarapuram', COUNTRY: 'IN' },
    });
    expect(english.match).toBe('created');
    const telugu = await ingestAccepted(server(), {
      source: 'sitelists22',
      domain: 'facility',
      row: { ID: 'TE-7', NAME: 'సుందరపురం జనరల్ ఆసుపత్రి', CITY: 'సుందరపురం', COUNTRY: 'IN' },
    });
    expect(['review', 'merged']).toContain(telugu.match);
  });
});
