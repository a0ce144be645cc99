/**
 * Supplier names across scripts (supplier-3.17.0, normaliser scriptReadingOrgName, fuzzy / nameTokens param
 * scriptSkeletons):
 * - Japanese Zengin bank-transfer payee names (half-width katakana, no small kana, `-` for the long vowel, `ｶ)` / `(ｶ`
 *   for 株式会社) are the kana name of the company (`（株）` / `㈱` read alike);
 * - a name in kana, Hangul or Devanagari meets the company's own Latin spelling through a loanword skeleton (consonant
 *   classes, vowels dropped): long agreeing skeletons are a cluster edge (0.96), short ones or near ones a review (0.9),
 *   never the same name, so names alone never auto-merge;
 * - Korean (주) and the Hindi forms of Private Limited are legal forms.
 * The companies here are made up, written in the conventions of those files; none is taken from the corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { blockingKeys, compileRules } from '../../server/matching';
import { NEAR_SKELETON_SCORE, SKELETON_SCORE, skeletonScore } from '../../server/matching/nameReadingComparison';
import { hasOtherScript, loanwordSkeleton, scriptReadingForm } from '../../server/matching/scriptReadings';
import type { CanonicalRecord } from '../../server/matching/types';
import { ingestAccepted, publishMapping, startIngestServer } from '../support/factories/ingest';
import { nameComparison, shippedRules, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;
const VENDORS = `{ "sourceId": VENDOR_ID, "name": NAME1, "addresses": CITY ? [{ "purposes": ["main"], "city": CITY, "country": COUNTRY }] }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'zengin', domain: 'supplier', expression: VENDORS });
  await publishMapping(server, { source: 'registry', domain: 'supplier', expression: VENDORS });
});
afterAll(async () => server?.stop());

const compareNames = (a: string, b: string): ReturnType<typeof nameComparison> => nameComparison({ server, domain: 'supplier', a, b });

describe('scriptReadingForm: one kana reading whatever the file wrote', () => {
  test.each<[string, string]>([
    // Half-width katakana read full-width, voiced marks joined (NFKC); Zengin's large kana and `-` long vowel.
    ['ﾐﾄﾞﾘﾒﾃﾞｲｶﾙ', 'ミドリメデイカル'],
    ['ミドリメディカル', 'ミドリメデイカル'],
    ['ｻｸﾗﾃｸﾉﾛｼﾞ-', 'サクラテクノロジ'],
    ['サクラテクノロジー', 'サクラテクノロジ'],
    // Zengin legal-form abbreviations before and after the name, bracketed kanji and the one-character forms.
    ['ｶ)ﾐﾄﾞﾘﾒﾃﾞｲｶﾙ', '株式会社 ミドリメデイカル'],
    ['ﾐﾄﾞﾘﾒﾃﾞｲｶﾙ(ｶ', 'ミドリメデイカル 株式会社'],
    ['ﾕ)ｱｵﾊﾞｼｮｳｼﾞ', '有限会社 アオバシヨウジ'],
    ['ミドリメディカル（株）', 'ミドリメデイカル 株式会社'],
    ['㈱ミドリメディカル', '株式会社 ミドリメデイカル'],
    ['(주)아스트라메디칼', '주식회사 아스트라메디칼'],
    // Latin (full-width too) and other scripts are left as they are.
    ['ＡＢＣ（株）', 'ABC 株式会社'],
    ['Midori Medical Co., Ltd.', 'Midori Medical Co., Ltd.'],
    ['नोवाकेयर फार्मा', 'नोवाकेयर फार्मा'],
  ])('%s → %s', (raw, reading) => {
    expect(scriptReadingForm(raw)).toBe(reading);
  });
});

describe('loanwordSkeleton: a loanword reading and the Latin spelling share consonant classes', () => {
  test.each<[string, string]>([
    // Japanese katakana readings (any-ascii, small kana read large): r = l, b = v, geminates and added vowels.
    ['BERUBISUTAMEDEIKARU', 'BELLVISTA MEDICAL'],
    ['PURAIMUHERUSU', 'PRIME HEALTH'],
    // Korean (any-ascii, syllable by syllable): added eu, r = l.
    ['ASEUTEULAMEDIKAL', 'ASTRA MEDICAL'],
    // Hindi (any-ascii drops the inherent vowel; anusvara read m).
    ['NOVAKEYR PHARMASYUTIKLS', 'NOVACARE PHARMACEUTICALS'],
    ['IMDUS LAIPHSAIMSEJ', 'INDUS LIFESCIENCES'],
  ])('%s ≈ %s', (reading, latin) => {
    expect(loanwordSkeleton(reading)).toBe(loanwordSkeleton(latin));
  });

  test.each<[string, string]>([
    ['ASEUTEULAMEDIKAL', 'ASTRA DENTAL'],
    ['NOVAKEYR PHARMASYUTIKLS', 'NOVARTIS PHARMACEUTICALS'],
    ['BERUBISUTAMEDEIKARU', 'BELLVISTA SURGICAL'],
  ])('%s ≠ %s', (reading, latin) => {
    expect(loanwordSkeleton(reading)).not.toBe(loanwordSkeleton(latin));
  });

  test.each<[string, string, number | null]>([
    // Long and equal: a cluster edge; short and equal: a review only.
    ['BERUBISUTAMEDEIKARU', 'BELLVISTA MEDICAL', SKELETON_SCORE],
    ['KANO', 'KANO', NEAR_SKELETON_SCORE],
    // The Latin name with its city after it, or one consonant apart: a review.
    ['NOVAKEYR PHARMASYUTIKLS', 'NOVACARE PHARMACEUTICALS PUNE', NEAR_SKELETON_SCORE],
    ['NOVAKEYR PHARMASYUTIKLS', 'NOVACARE PHARMACEUTICAL INDIA', NEAR_SKELETON_SCORE],
    ['ASEUTEULAMEDIKAL', 'ASTRA DENTAL', null],
  ])('skeletonScore(%s, %s) = %s', (reading, other, score) => {
    expect(skeletonScore(loanwordSkeleton(reading), other)).toBe(score);
  });

  test.each<[string, boolean]>([
    ['ﾐﾄﾞﾘ', true],
    ['아스트라', true],
    ['नोवा', true],
    ['Société Générale', false],
    ['Łódź Medical', false],
    ['ACME (US) — 2000', false],
  ])('hasOtherScript(%s) = %s', (raw, expected) => {
    expect(hasOtherScript(raw)).toBe(expected);
  });
});

describe('through the public API (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['ｶ)ﾐﾄﾞﾘﾒﾃﾞｲｶﾙ', 'ミドリメディカル株式会社'],
    ['ｻｸﾗﾃｸﾉﾛｼﾞ-(ｶ', '（株）サクラテクノロジー'],
    ['(주)아스트라메디칼', '주식회사 아스트라메디칼'],
  ])('a Zengin or invoice form and the kana / Hangul name are the same name: %s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test.each<[string, string]>([
    ['ﾍﾞﾙﾋﾞｽﾀﾒﾃﾞｲｶﾙ(ｶ', 'BELLVISTA MEDICAL CO., LTD.'],
    ['ベルビスタメディカル株式会社', 'Bellvista Medical Co., Ltd.'],
    ['주식회사 아스트라메디칼', 'ASTRA MEDICAL CO., LTD.'],
    ['नोवाकेयर फार्मास्युटिकल्स प्राइवेट लिमिटेड', 'NOVACARE PHARMACEUTICALS PRIVATE LIMITED'],
  ])('a name in another script is near-identical to its Latin spelling (a cluster edge): %s ≈ %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'partial', score: SKELETON_SCORE });
  });

  test('a short reading is review evidence only: ﾌﾞﾗｲﾄ(ｶ ≈ BRIGHT CO., LTD.', async () => {
    expect(await compareNames('ﾌﾞﾗｲﾄ(ｶ', 'BRIGHT CO., LTD.')).toMatchObject({ outcome: 'partial', score: NEAR_SKELETON_SCORE });
  });

  test.each<[string, string]>([
    // Another company whose name shares the proper name: a different word, a different skeleton.
    ['주식회사 아스트라메디칼', 'ASTRA DENTAL CO., LTD.'],
    ['ﾍﾞﾙﾋﾞｽﾀﾒﾃﾞｲｶﾙ(ｶ', 'BELLVISTA SURGICAL CO., LTD.'],
    ['नोवाकेयर फार्मास्युटिकल्स प्राइवेट लिमिटेड', 'NOVARTIS PHARMACEUTICALS LIMITED'],
  ])('a different company is not near: %s / %s', async (a, b) => {
    expect((await compareNames(a, b))?.score ?? 0).toBeLessThan(0.9);
  });

  test('two names of one skeleton never auto-merge on the name alone (a transliteration may be two names)', async () => {
    // ﾍﾞﾙﾋﾞｽﾀ reads BERUBISUTA: Bellvista, Vervista and Belvista all share its skeleton.
    const pair = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'ｶ)ﾍﾞﾙﾋﾞｽﾀ', addresses: [{ purposes: ['main'], city: 'Osaka', country: 'JP' }] },
      b: { name: 'VERVISTA CO., LTD.', addresses: [{ purposes: ['main'], city: 'Osaka', country: 'JP' }] },
    });
    expect(pair.band).not.toBe('auto-merge');
  });

  test('a name and its kana reading share a blocking key', () => {
    const rules = compileRules(shippedRules('supplier'));
    const keysOf = (name: string): string[] => blockingKeys({ sourceId: 's', name } as CanonicalRecord, rules);
    const kana = keysOf('ﾍﾞﾙﾋﾞｽﾀﾒﾃﾞｲｶﾙ(ｶ');
    expect(keysOf('BELLVISTA MEDICAL CO., LTD.').filter((key) => kana.includes(key)).length).toBeGreaterThan(0);
    const hindi = keysOf('नोवाकेयर फार्मास्युटिकल्स प्राइवेट लिमिटेड');
    expect(keysOf('NOVACARE PHARMACEUTICALS PRIVATE LIMITED').filter((key) => hindi.includes(key)).length).toBeGreaterThan(0);
  });
});

let counter = 0;

async function ingestVendor(source: string, name: string, place?: { CITY: string; COUNTRY: string }): Promise<string> {
  counter += 1;
  const row = { VENDOR_ID: `V${counter}`, NAME1: name, CITY: place?.CITY ?? null, COUNTRY: place?.COUNTRY ?? null };
  return (await ingestAccepted(server, { source, domain: 'supplier', row })).goldenId as string;
}

async function openClusterTaskOf(goldenId: string): Promise<TaskView | undefined> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?type=potential-match-cluster&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items.find((task) => (task.members ?? []).some((m) => m.goldenId === goldenId));
}

describe('one Japanese vendor as a bank-transfer payee, an invoice and a certificate (POST /ingest)', () => {
  test('reaches a steward as one cluster task, not as an automatic merge of the Latin name', async () => {
    const payee = await ingestVendor('zengin', 'ｶ)ｸﾞﾗﾝﾋﾞｽﾀﾒﾃﾞｲｶﾙ');
    const invoice = await ingestVendor('zengin', 'グランビスタメディカル（株）', { CITY: '大阪市', COUNTRY: 'JP' });
    const certificate = await ingestVendor('registry', 'GRANVISTA MEDICAL CO., LTD.', { CITY: 'Osaka', COUNTRY: 'JP' });
    const other = await ingestVendor('registry', 'GRANVISTA SURGICAL CO., LTD.', { CITY: 'Kobe', COUNTRY: 'JP' });
    expect(certificate).not.toBe(invoice);
    const task = await openClusterTaskOf(certificate);
    const members = new Set([payee, invoice, certificate]);
    expect([...new Set((task?.members ?? []).map((m) => m.goldenId))].sort(), JSON.stringify(task)).toEqual([...members].sort());
    expect((task?.members ?? []).map((m) => m.goldenId)).not.toContain(other);
  });
});
