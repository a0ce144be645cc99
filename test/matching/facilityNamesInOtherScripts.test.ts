/**
 * Facility names in other scripts and languages with the shipped rules (facility-2.8.0), through `POST /matching/verify`:
 * - the name comparator and name keys read the any-ascii romanisation and the generic words of `scriptGenericWords`
 *   (a registry label in Hangul, Han or Thai meets its romanised and English names; before, it normalised to nothing);
 * - the kind and department comparators read the same romanised and translated words (`facilityKindWords`), so a
 *   children's, psychiatric or rehabilitation hospital written in its own script or language still states its kind
 *   against a general hospital of the same name (before, the extractors read the raw text and found no kind);
 * - a near romanised name never auto-merges (`romanisedNameAgainstLatin`, `romanisedNames`): Siriraj Hospital and
 *   Siriraj Piyamaharajkarun Hospital share one campus address, and in Thai their names are near.
 * Conventions: HIRA (Korea) and NHC (China) registries, OpenStreetMap `name` tags in the local script, Vietnamese MoH
 * and Indonesian Kemenkes lists (`Bệnh viện Nhi`, `Rumah Sakit Jiwa`, `RSIA`), Chinese campus names `（东单院区）`.
 */
import { describe, expect, test } from 'vitest';
import { blockingKeys, compileRules } from '../../server/matching';
import type { CanonicalRecord } from '../../server/matching/types';
import { romanisedName } from '../../server/matching/transliteration';
import { comparatorOf, matchingTestServer, shippedRules } from '../support/factories/matching';

const { verify } = matchingTestServer('facility');

describe('a label in its own script meets its romanised and English names (shipped facility rules)', () => {
  test.each<[string, string]>([
    ['서울대학교병원', 'Seoul Daehakgyo Byeongwon'],
    ['北京协和医院', 'Beijing Xiehe Yiyuan'],
    ['Bệnh viện Bạch Mai', 'Bach Mai Hospital'],
    ['北京协和医院（东单院区）', 'Beijing Xiehe Yiyuan Dongdan Campus'],
    ['Bệnh viện Bạch Mai cơ sở 2', 'Benh vien Bach Mai Campus 2'],
  ])('%s = %s', async (a, b) => {
    expect(comparatorOf(await verify({ name: a }, { name: b }), 'name')).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a label and its romanised name share a block', () => {
    const rules = compileRules(shippedRules('facility'));
    const keysOf = (name: string): string[] => blockingKeys({ sourceId: 's', name } as CanonicalRecord, rules);
    const korean = keysOf('분당서울대학교병원');
    expect(keysOf('Seoul National University Bundang Hospital').filter((key) => korean.includes(key))).toContain('nameTokens:SEOUL');
  });

  test('with one address, a Hangul label and its English name reach a steward', async () => {
    const address = { line1: '101 Daehak-ro', city: 'Seoul', postalCode: '03080', country: 'KR' };
    const pair = await verify({ name: '서울대학교병원', address }, { name: 'Seoul National University Hospital', address });
    expect(pair.band).toBe('review');
  });
});

describe('the kind is read from the romanised and translated name', () => {
  test('a one-letter Hangul syllable is a syllable of its own (어린이 = Eo Lin I)', () => {
    expect(romanisedName('서울대학교어린이병원')).toBe(' SEOUL DAEHAGGYO EOLINI BYEONGWON ');
  });

  test.each<[string, string, string]>([
    ['서울대학교어린이병원', '서울대학교병원', "children's"],
    ['소아청소년병원', '병원', "children's"],
    ['北京儿童医院', '北京医院', "children's"],
    ['四川大学华西第二医院 儿科', '四川大学华西第二医院', "children's"],
    ['Bệnh viện Nhi Trung ương', 'Bệnh viện Trung ương', "children's"],
    ['Rumah Sakit Anak Harapan Kita', 'Rumah Sakit Harapan Kita', "children's"],
    ['RSIA Bunda Jakarta', 'Rumah Sakit Bunda Jakarta', "children's"],
    ['국립정신건강센터', '국립중앙의료원', 'behavioral health'],
    ['北京安定医院 精神卫生中心', '北京安定医院', 'behavioral health'],
    ['Bệnh viện Tâm thần Hà Nội', 'Bệnh viện Hà Nội', 'behavioral health'],
    ['Rumah Sakit Jiwa Dr. Soeharto Heerdjan', 'Rumah Sakit Dr. Soeharto Heerdjan', 'behavioral health'],
    ['โรงพยาบาลจิตเวช ขอนแก่น', 'โรงพยาบาล ขอนแก่น', 'behavioral health'],
    ['国家康复医院', '国家医院', 'rehabilitation'],
    ['국립재활원', '국립중앙의료원', 'rehabilitation'],
    ['서울대학교치과병원', '서울대학교병원', 'dental'],
    ['北京大学口腔医院', '北京大学医院', 'dental'],
  ])('%s states %s against %s', async (a, b, kind) => {
    const kindOf = comparatorOf(await verify({ name: a }, { name: b }), 'kind');
    expect(kindOf).toMatchObject({ outcome: 'mismatch', a: expect.stringContaining(kind) });
  });

  test('a children’s hospital in Hangul and the general hospital of its university at one address never auto-merge', async () => {
    const address = { line1: '101 Daehak-ro', city: 'Seoul', postalCode: '03080', country: 'KR' };
    const pair = await verify({ name: '서울대학교어린이병원', address }, { name: 'Seoul National University Hospital', address });
    expect(pair.band).not.toBe('auto-merge');
    expect(pair.hardRule?.name).toBe('otherKindOfFacility');
  });

  test('English names read as before: the kind comparator reads no translation of a name the tables leave alone', async () => {
    const kindOf = comparatorOf(await verify({ name: 'MAYO CLINIC, P.C.' }, { name: 'Mayo Clinic' }), 'kind');
    expect(kindOf).toMatchObject({ outcome: 'mismatch', a: 'facilityKind clinic', b: 'facilityKind main facility' });
  });
});

describe('a near romanised name never auto-merges', () => {
  const campus = { line1: '2 ถนนวังหลัง แขวงศิริราช เขตบางกอกน้อย', city: 'กรุงเทพมหานคร', postalCode: '10700', country: 'TH' };

  test('two hospitals of one campus in Thai: Siriraj and Siriraj Piyamaharajkarun', async () => {
    const pair = await verify({ name: 'โรงพยาบาลศิริราช', address: campus }, { name: 'โรงพยาบาลศิริราช ปิยมหาราชการุณย์', address: campus });
    expect(pair.band).toBe('review');
    expect(pair.hardRule?.name).toBe('romanisedNames');
  });

  test('a Thai label against a near Latin name at one address', async () => {
    const address = { line1: '2 Wang Lang Road', city: 'Bangkok', postalCode: '10700', country: 'TH' };
    const pair = await verify({ name: 'โรงพยาบาลศิริราช ปิยมหาราชการุณย์', address }, { name: 'Siriraj Hospital', address });
    expect(pair.band).not.toBe('auto-merge');
  });

  test('one label in one script at one address still merges', async () => {
    const pair = await verify({ name: 'โรงพยาบาลศิริราช', address: campus }, { name: 'โรงพยาบาลศิริราช', address: campus });
    expect(pair.band).toBe('auto-merge');
  });
});

describe('registry abbreviations of a facility noun (facilityAbbreviations, facilityTranslations)', () => {
  test.each<[string, string]>([
    ['BV Bạch Mai', 'Bệnh viện Bạch Mai'],
    ['RS Cipto Mangunkusumo', 'Rumah Sakit Cipto Mangunkusumo'],
    ['RSUPN Cipto Mangunkusumo', 'Cipto Mangunkusumo National General Hospital'],
    ['RSUD Dokter Soedarso', 'RSUD dr. Soedarso'],
    ['Lubbock UMC', 'Lubbock University Medical Center'],
    ['Johnston RMC', 'Johnston Regional Medical Center'],
    ['Singapore GH', 'Singapore General Hospital'],
  ])('%s = %s', async (a, b) => {
    expect(comparatorOf(await verify({ name: a }, { name: b }), 'name')).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a community health centre written CHC is a clinic, not the hospital of its town', async () => {
    const kindOf = comparatorOf(await verify({ name: 'Lakeview CHC' }, { name: 'Lakeview Hospital' }), 'kind');
    expect(kindOf).toMatchObject({ outcome: 'mismatch', a: 'facilityKind clinic' });
  });
});
