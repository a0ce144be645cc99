/**
 * Organisation names in other scripts and languages (supplier-3.11.0, facility-2.7.0):
 * - `romanisedName` (any-ascii) romanises letters of scripts other than Latin; ASCII and accented Latin are untouched;
 *   Han and Hangul syllables are grouped into words by the generic words and places of the shipped tables;
 * - through `POST /matching/verify`, a registry label in its own script (Wikidata / OSM style) meets its romanised
 *   form and the generic words of its English name (`scriptGenericWords`), and the two land in a shared block;
 * - hard negatives stay apart: two hospitals of one city in one script, a university and its hospital, a company and
 *   its sister company.
 * Each positive case fails without the change: a name with no Latin letter normalised to nothing before.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blockingKeys, compileRules } from '../../server/matching';
import { romanisedName } from '../../server/matching/transliteration';
import type { CanonicalRecord, RuleSet } from '../../server/matching/types';
import { startIngestServer } from '../support/factories/ingest';
import { changedRules, nameComparison, verifyPair, type VerifiedPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

describe('romanisedName', () => {
  test.each<[string, string]>([
    ['Becton, Dickinson and Company', 'Becton, Dickinson and Company'],
    ['Hôpital Montfort', 'Hôpital Montfort'],
    ['서울대학교병원', ' SEOUL DAEHAGGYO BYEONGWON '],
    ['北京协和医院', ' BEIJING XieHe YIYUAN '],
    ['Больница им. Боткина', "Bol'nitsa im. Botkina"],
    ['โรงพยาบาลศิริราช', ' ORNGPHYABAL sirirach '],
    ['McKesson 株式会社', 'McKesson  ZHUSHIHUISHE '],
    ['株式会社ホギ', ' ZHUSHIHUISHE  hogi '],
  ])('%s → %s', (value, romanised) => {
    expect(romanisedName(value)).toBe(romanised);
  });
});

/**
 * Facility rules that ask for romanisation as session 11 wrote them (the shipped rules do since facility-2.8.0, with
 * more: docs/MATCHING.md "Facility round of session 12"; facilityNamesInOtherScripts.test.ts tests those): every
 * `orgName` normaliser becomes `anyScriptOrgName`, `scriptGenericWords` follows `facilityTranslations`. Posted as
 * ad-hoc rules to `POST /matching/verify`.
 */
function facilityRulesWithScripts(): RuleSet {
  return changedRules('facility', 'facility-scripts-adhoc', (rules) => {
    const params = [...rules.blocking.map((key) => key.params), ...rules.comparators.map((comparator) => comparator.params)];
    for (const param of params) {
      if (!param) continue;
      if (param.normalizer === 'orgName') param.normalizer = 'anyScriptOrgName';
      const tables = param.aliasTables;
      if (tables?.includes('facilityTranslations') && !tables.includes('scriptGenericWords'))
        tables.splice(tables.indexOf('facilityTranslations') + 1, 0, 'scriptGenericWords');
    }
  });
}

async function verifyFacilities(a: Record<string, unknown>, b: Record<string, unknown>): Promise<VerifiedPair> {
  const response = await server.request<{ explanation: VerifiedPair }>('POST', '/api/v1/matching/verify', {
    body: { domain: 'facility', a: { sourceId: 'a', ...a }, b: { sourceId: 'b', ...b }, rules: facilityRulesWithScripts() },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.explanation;
}

const facilityName = async (a: string, b: string): Promise<VerifiedPair['comparators'][number] | undefined> =>
  (await verifyFacilities({ name: a }, { name: b })).comparators.find((comparator) => comparator.name === 'name');
const supplierName = (a: string, b: string): ReturnType<typeof nameComparison> => nameComparison({ server, domain: 'supplier', a, b });

describe('facility rules that ask for it: a label in its own script meets its romanised and English names', () => {
  test.each<[string, string]>([
    ['서울대학교병원', 'Seoul Daehakgyo Byeongwon'],
    ['서울대학교 병원', 'Seoul University Hospital'],
    ['北京协和医院', 'Beijing Xiehe Yiyuan'],
    ['北京协和医院', 'Beijing Xiehe Hospital'],
    ['Bệnh viện Bạch Mai', 'Bach Mai Hospital'],
    ['Szpital Uniwersytecki', 'University Hospital'],
    ['Rumah Sakit Umum Pusat Sardjito', 'Pusat Sardjito General Hospital'],
  ])('%s = %s', async (a, b) => {
    expect(await facilityName(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test.each<[string, string, number]>([
    ['서울대학교병원', 'Seoul National University Hospital', 0.95],
    ['โรงพยาบาลศิริราช', 'Siriraj Hospital', 0.95],
    ['مستشفى الملك فيصل التخصصي', 'King Faisal Specialist Hospital', 0.9],
    ['Больница им. Боткина', 'Botkin Hospital', 0.8],
    ['Κωνσταντοπούλειο Νοσοκομείο', 'Konstantopouleio Hospital', 0.95],
  ])('%s is near %s', async (a, b, atLeast) => {
    expect((await facilityName(a, b))?.score ?? 0).toBeGreaterThanOrEqual(atLeast);
  });

  test('with one address, a Hangul label and its English name reach a steward', async () => {
    const address = { line1: '101 Daehak-ro', city: 'Seoul', postalCode: '03080', country: 'KR' };
    const pair = await verifyFacilities({ name: '서울대학교병원', address }, { name: 'Seoul National University Hospital', address });
    expect(['review', 'auto-merge']).toContain(pair.band);
  });

  test('a label and its romanised name share a block', () => {
    const rules = compileRules(facilityRulesWithScripts());
    const keysOf = (name: string): string[] => blockingKeys({ sourceId: 's', name } as CanonicalRecord, rules);
    const korean = keysOf('서울대학교병원');
    expect(keysOf('Seoul National University Hospital').filter((key) => korean.includes(key))).toContain('nameTokens:SEOUL');
    const chinese = keysOf('北京协和医院');
    expect(keysOf('Beijing Xiehe Yiyuan').filter((key) => chinese.includes(key))).toContain('nameTokens:XIEHE');
  });
});

describe('a company name in its own script meets its English and pinyin names', () => {
  test('the pinyin register name is the same name', async () => {
    expect(
      await supplierName('深圳迈瑞生物医疗电子股份有限公司', 'Shenzhen Mairui Shengwu Yiliao Dianzi Gufen Youxian Gongsi'),
    ).toMatchObject({
      outcome: 'match',
      score: 1,
    });
  });

  test('the English name is near: the trade name is a brand, not a transliteration', async () => {
    expect(
      (await supplierName('深圳迈瑞生物医疗电子股份有限公司', 'Shenzhen Mindray Bio-Medical Electronics Co., Ltd.'))?.score ?? 0,
    ).toBeGreaterThan(0.9);
  });

  test.each<[string, string]>([
    ['株式会社ホギ', 'KABUSHIKI KAISHA HOGI'],
    ['株式会社ホギ', 'Hogi Corporation'],
  ])('a kanji company form before a kana name is the romaji form: %s = %s', async (a, b) => {
    expect(await supplierName(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a Korean company form is the English one', async () => {
    expect(await supplierName('Hanbit Medical Jusikhoesa', 'Hanbit Medical Co., Ltd.')).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('hard negatives stay apart', () => {
  test.each<[string, string, string]>([
    ['facility', '서울대학교병원', '서울아산병원'],
    ['facility', '北京大学第一医院', '北京大学人民医院'],
    ['facility', '서울대학교', '서울대학교병원'],
    ['facility', '北京协和医院', '北京协和医学院'],
    ['facility', 'Bệnh viện Bạch Mai', 'Bệnh viện Việt Đức'],
    ['supplier', '深圳迈瑞生物医疗电子股份有限公司', '深圳迈瑞科技有限公司'],
    ['supplier', '주식회사 한빛', '주식회사 한솔'],
  ])('%s: %s and %s', async (domain, a, b) => {
    const pair =
      domain === 'facility'
        ? await verifyFacilities({ name: a }, { name: b })
        : await verifyPair({ server, domain, a: { name: a }, b: { name: b } });
    expect(pair.band).toBe('no-match');
  });

  test('two hospitals of one city at one address are not merged', async () => {
    const address = { line1: '88 Olympic-ro 43-gil', city: 'Seoul', postalCode: '05505', country: 'KR' };
    const pair = await verifyFacilities({ name: '서울대학교병원', address }, { name: '서울아산병원', address });
    expect(pair.band).not.toBe('auto-merge');
  });
});
