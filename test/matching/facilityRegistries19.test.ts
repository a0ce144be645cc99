/**
 * Hospitals as NHS, HSE, Canadian, Korean and Japanese lists write them (facility-2.20.0):
 * - initialisms (UK, Irish, Canadian, Australian convention: a hospital known by the initials of its name): a whole-value
 *   initialism meets the name with the site's locality after its site word (`UHL` / University Hospital Limerick
 *   Dooradoyle) and the name without its Hospital (`KGH` / Kingston General), in one block and at the initialism
 *   level (a review, never an automatic merge); kept apart: a locality tail that names another site, another kind
 *   (maternity) at one campus, the same initials in two cities;
 * - Welsh and Irish names (NHS Wales and HSE lists print both languages): Ysbyty / Ospidéal = Hospital, Ollscoile =
 *   University, Máithreachais = maternity, and the Welsh and Irish names of their cities;
 * - addresses: a Hangul city reads in Revised Romanisation without its kind of division (부산광역시 = Busan), and a pair
 *   of addresses with no part on both sides (a kanji street line and postal code against a city alone) is missing,
 *   not a different address;
 * - through `POST /ingest`: an initialism row after its hospital's register row reaches a steward.
 * The conventions are real; the hospitals are real names of public hospitals used as examples of them.
 */
import { describe, expect, test } from 'vitest';
import { blockingKeys, compileRules } from '../../server/matching';
import type { CanonicalRecord } from '../../server/matching/types';
import { ingestAccepted } from '../support/factories/ingest';
import { comparatorOf, matchingTestServer, shippedRules } from '../support/factories/matching';

const SITE_LIST = `{ "sourceId": ID, "name": NAME, "address": CITY ? { "city": CITY, "country": COUNTRY } : undefined }`;

const { server, verify, compareNames } = matchingTestServer('facility', { mappings: [{ source: 'sitelists', expression: SITE_LIST }] });

describe('a hospital initialism against its name with a locality after it, or without its Hospital', () => {
  test.each<[string, string]>([
    ['UHL', 'University Hospital Limerick, Dooradoyle'],
    ['RVI', 'Royal Victoria Infirmary Newcastle upon Tyne'],
    ['SJH', "St James's Hospital James's Street"],
    ['KGH', 'Kingston General'],
    ['UHW', 'Ysbyty Athrofaol Cymru'],
  ])('%s = %s at the initialism level', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'related', level: 'initialism', score: 0.9 });
  });

  test.each<[string, string]>([
    // The tail names another site (a site word in it), so the initials spell a part of the name only.
    ['UHL', 'University Hospital Limerick Maternity Hospital'],
    // A department after the site word is not a locality.
    ['RVI', 'Royal Victoria Infirmary Inpatient Pharmacy'],
    // More than a locality after the site word.
    ['RVI', 'Royal Victoria Infirmary Queen Victoria Road Outpatients Block'],
    // A name with its site word does not lend the initialism an H.
    ['KGHH', 'Kingston General Hospital'],
    // Not a whole-value initialism.
    ['UHL South', 'University Hospital Limerick Dooradoyle'],
  ])('%s is not the initialism of %s', async (a, b) => {
    expect(await compareNames(a, b)).not.toMatchObject({ level: 'initialism' });
  });

  test('the initialism and the name share an initials block', () => {
    const rules = compileRules(shippedRules('facility'));
    const keysOf = (name: string): string[] => blockingKeys({ sourceId: 's', name } as CanonicalRecord, rules);
    expect(keysOf('University Hospital Limerick, Dooradoyle')).toContain('initials:UHL');
    expect(keysOf('Kingston General')).toContain('initials:KGH');
    expect(keysOf('Kingston General Hospital')).not.toContain('initials:KGHH');
  });

  test('with one city, an initialism is a review, never an automatic merge', async () => {
    const city = { city: 'Limerick', country: 'IE' };
    const pair = await verify({ name: 'UHL', address: city }, { name: 'University Hospital Limerick, Dooradoyle', address: city });
    expect(pair.band).toBe('review');
  });

  test('a maternity hospital at the campus is not the initialism of the general hospital', async () => {
    const city = { city: 'Limerick', country: 'IE' };
    const pair = await verify({ name: 'UHL', address: city }, { name: 'University Maternity Hospital Limerick', address: city });
    expect(pair.band).toBe('no-match');
  });

  test('the same initials in two cities stay apart', async () => {
    const pair = await verify(
      { name: 'KGH', address: { city: 'Kingston', state: 'ON', country: 'CA' } },
      { name: 'Kettering General', address: { city: 'Kettering', country: 'GB' } },
    );
    expect(pair.band).toBe('no-match');
  });
});

describe('Welsh and Irish names against English', () => {
  test.each<[string, string]>([
    ['Ysbyty Gwynedd', 'Gwynedd Hospital'],
    ['Ospidéal Ollscoile Luimnigh', 'University Hospital Limerick'],
    ['Ysbyty Athrofaol Cymru, Caerdydd', 'University Hospital of Wales, Cardiff'],
    ['Ospidéal Ginearálta Chorcaí', 'Cork General Hospital'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('an Irish maternity hospital states its kind', async () => {
    const kind = comparatorOf(await verify({ name: 'Ospidéal Máithreachais Luimnigh' }, { name: 'Limerick Hospital' }), 'kind');
    expect(kind).toMatchObject({ outcome: 'mismatch', a: expect.stringContaining('maternity') });
  });
});

describe('addresses written in Hangul and kanji', () => {
  test('a Hangul city is its Revised Romanisation without its kind of division', async () => {
    const address = comparatorOf(
      await verify(
        { name: '부산대학교병원', address: { line1: '서구 구덕로 179', city: '부산광역시', postalCode: '49241', country: 'KR' } },
        { name: 'Pusan National University Hospital', address: { city: 'Busan', country: 'KR' } },
      ),
      'address',
    );
    expect(address).toMatchObject({ outcome: 'related', score: 1 });
    expect(address).toMatchObject({ a: expect.stringContaining('BUSAN') });
  });

  test('a kanji street line and postal code against a city alone compare nothing: missing, not different', async () => {
    const pair = await verify(
      {
        name: '国立がん研究センター中央病院',
        alternateNames: ['National Cancer Center Hospital'],
        address: { line1: '中央区築地5-1-1', postalCode: '104-0045', city: '東京都', country: 'JP' },
      },
      { name: 'National Cancer Center Hospital', address: { city: 'Tokyo', country: 'JP' } },
    );
    expect(comparatorOf(pair, 'address')).toMatchObject({ outcome: 'missing' });
    expect(pair.band).toBe('review');
  });

  test('two addresses that share a part still compare (a different city is different)', async () => {
    const address = comparatorOf(
      await verify(
        { name: 'Gwynedd Hospital', address: { city: 'Bangor', country: 'GB' } },
        { name: 'Gwynedd Hospital', address: { city: 'Wrexham', country: 'GB' } },
      ),
      'address',
    );
    expect(address?.outcome).not.toBe('missing');
  });
});

describe('through POST /ingest', () => {
  test("an initialism row after its hospital's register row reaches a steward, another initialism does not", async () => {
    const register = await ingestAccepted(server(), {
      source: 'sitelists',
      domain: 'facility',
      row: { ID: 'HSE-1', NAME: 'University Hospital Kerry, Tralee', CITY: 'Tralee', COUNTRY: 'IE' },
    });
    expect(register.match).toBe('created');
    const initialism = await ingestAccepted(server(), {
      source: 'sitelists',
      domain: 'facility',
      row: { ID: 'NOTE-1', NAME: 'UHK', CITY: 'Tralee', COUNTRY: 'IE' },
    });
    expect(initialism.match).toBe('review');
    const other = await ingestAccepted(server(), {
      source: 'sitelists',
      domain: 'facility',
      row: { ID: 'NOTE-2', NAME: 'UHG', CITY: 'Galway', COUNTRY: 'IE' },
    });
    expect(other.match).toBe('created');
  });
});
