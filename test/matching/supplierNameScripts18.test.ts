/**
 * Supplier names across Cyrillic and Latin and long legal forms of Central and Eastern European registers
 * (supplier-3.28.0; cyrillicNames.ts through the `scriptReadingOrgName` normaliser; the loanword skeleton's Ч / Х folds;
 * alias tables legalSuffixes 1.13.0, legalPrefixes 1.6.0, scriptGenericWords 1.3.0):
 * - Ukrainian names by the national passport table (Г = H, И = Y, Ц = TS, Я = IA), Bulgarian by the Streamlined System
 *   (Х = H, Щ = SHT, Ъ = A); Russian and other Cyrillic names keep any-ascii's reading;
 * - `TCH` / `CH` and `KH` / `H` romanisations of one letter share a skeleton (review evidence and a blocking key);
 * - legal forms spelt out (ПРИВАТНЕ АКЦІОНЕРНЕ ТОВАРИСТВО, ZÁRTKÖRŰEN MŰKÖDŐ RÉSZVÉNYTÁRSASÁG, dioničko društvo, АД /
 *   ЕООД, `SOCIETE … SAS`) and drug makers' descriptive words (фармацевтична фірма, gyógyszergyár) as English writes them.
 * - `X & Co.` (a company whose name states no entity type) and `X LLC` are two cluster tasks (corporationAndLlc).
 * Every company here is made up, written in the conventions of those registers; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { cyrillicLanguageOf, nationalCyrillicReading } from '../../server/matching/cyrillicNames';
import { loanwordSkeleton } from '../../server/matching/scriptReadings';
import { verifyPair } from '../support/factories/matching';
import { clusterTaskOf as clusterTaskIn, memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, compareNames } = vendorTestServer({ sources: ['register', 'erp'], idPrefix: 'C' });

describe('nationalCyrillicReading: Ukrainian and Bulgarian names by their national tables', () => {
  test.each<[string, string, 'uk' | 'bg' | undefined]>([
    // Ukrainian: a letter only Ukrainian has, or a Ukrainian legal form.
    ['Фармацевтична фірма "Яворина"', 'Farmatsevtychna firma "Yavoryna"', 'uk'],
    ['АТ "Гостомедфарм"', 'AT "Hostomedfarm"', 'uk'],
    ['ТОВ "Щедрик"', 'TOV "Shchedryk"', 'uk'],
    ['КОРПОРАЦІЯ "ЄВРОЛІК"', 'KORPORATSIIA "YEVROLIK"', 'uk'],
    // Bulgarian: a Bulgarian legal form, or Ъ inside a word.
    ['ХЕЛИОФАРМА ЕООД', 'HELIOFARMA EOOD', 'bg'],
    ['Щастливец ЕООД', 'Shtastlivets EOOD', 'bg'],
    ['Българска аптека', 'Balgarska apteka', 'bg'],
    ['ЛАБОРАТОРИЯ ЗЛАТЕВ ЕАД', 'LABORATORIA ZLATEV EAD', 'bg'],
    // Russian (and any name the tables cannot place) keeps any-ascii's reading: unchanged here.
    ['ООО "Гамма"', 'ООО "Гамма"', undefined],
    ['Галичфарм', 'Галичфарм', undefined],
    // АД is also Serbian and Macedonian; Serbian letters, and Ъ before a vowel (Russian, Uzbek), are no Bulgarian.
    ['МОРАВАФАРМ АД НИШ', 'МОРАВАФАРМ АД НИШ', undefined],
    ['ЗДРАВЉЕ ЕООД', 'ЗДРАВЉЕ ЕООД', undefined],
    ['"ТОШФАРМ" МАСЪУЛИЯТИ ЧЕКЛАНГАН ЖАМИЯТ', '"ТОШФАРМ" МАСЪУЛИЯТИ ЧЕКЛАНГАН ЖАМИЯТ', undefined],
    ['Kestrelon Inc.', 'Kestrelon Inc.', undefined],
  ])('%s → %s (%s)', (cyrillic, latin, language) => {
    expect(cyrillicLanguageOf(cyrillic)).toBe(language);
    expect(nationalCyrillicReading(cyrillic)).toBe(latin);
  });
});

describe('loanwordSkeleton: romanisations of one Cyrillic letter meet', () => {
  test.each<[string, string]>([
    ['TCHERNOVET', 'CHERNOVET'],
    ['TSCHERNOVET', 'CHERNOVET'],
    ['KHELIOFARMA', 'HELIOPHARMA'],
    ['HOSTOMEDFARM', 'HOSTOMEDPHARM'],
  ])('%s and %s share a skeleton', (a, b) => {
    expect(loanwordSkeleton(a)).toBe(loanwordSkeleton(b));
  });

  test('Г read as G (Russian) and as H (Ukrainian) stay two skeletons', () => {
    expect(loanwordSkeleton('GOSTOMEDFARM')).not.toBe(loanwordSkeleton('HOSTOMEDFARM'));
  });
});

describe('through the public API (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['ПРИВАТНЕ АКЦІОНЕРНЕ ТОВАРИСТВО "ФАРМАЦЕВТИЧНА ФІРМА "ЯВОРИНА""', 'ПрАТ "Фармацевтична фірма "Яворина""'],
    ['ПрАТ "Фармацевтична фірма "Яворина""', 'Yavoryna Pharmaceutical Firm PrJSC'],
    ['КОРПОРАЦІЯ "ЄВРОЛІК"', 'Yevrolik Corporation'],
    ['АТ "Гостомедфарм"', 'AT Hostomedfarm'],
    ['ЗЛАТОВЕТ АД', 'Zlatovet JSC'],
    ['HELIOFARMA EOOD', 'Heliofarma Ltd'],
    ['KÁROLYFALVI GYÓGYSZERGYÁR ZÁRTKÖRŰEN MŰKÖDŐ RÉSZVÉNYTÁRSASÁG', 'Karolyfalvi Gyogyszergyar Zrt.'],
    ['Károlyfalvi Gyógyszergyár Nyrt.', 'Karolyfalvi Pharmaceuticals'],
    ['MORAVEK DIONIČKO DRUŠTVO', 'Moravek d.d.'],
    ['LIPTOVSKÁ ZDRAVOTNÍCKA SPOLOČNOSŤ S RUČENÍM OBMEDZENÝM', 'Liptovska Zdravotnicka s.r.o.'],
    ['SOCIETE LORVAND SAS', 'Lorvand SAS'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match' });
  });

  test.each<[string, string]>([
    // Streamlined-System Bulgarian against a French-style `TCH` and an English `PH`.
    ['ЧЕРНОВЕТ АД', 'Tchernovet AD'],
    ['ХЕЛИОФАРМА ЕООД', 'Heliopharma Ltd'],
    // The national reading against its English form.
    ['АТ "Гостомедфарм"', 'Hostomedpharm JSC'],
  ])('%s and %s: a similar name, put before a steward', async (a, b) => {
    const explanation = await verifyPair({ server: server(), domain: 'supplier', a: { name: a }, b: { name: b } });
    expect(explanation.band).toBe('review');
  });

  test.each<[string, string]>([
    // Two companies of one stem in one register.
    ['ХЕЛИОФАРМА ЕООД', 'ХЕЛИОВЕТ ЕООД'],
    ['ПрАТ "Фармацевтична фірма "Яворина""', 'ПрАТ "Фармацевтична фірма "Борщагівка""'],
  ])('%s and %s stay apart', async (a, b) => {
    const explanation = await verifyPair({ server: server(), domain: 'supplier', a: { name: a }, b: { name: b } });
    expect(explanation.band).toBe('no-match');
  });

  test('a register name and its English name never auto-merge on names alone', async () => {
    const explanation = await verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: 'ПРИВАТНЕ АКЦІОНЕРНЕ ТОВАРИСТВО "ФАРМАЦЕВТИЧНА ФІРМА "ЯВОРИНА""' },
      b: { name: 'Yavoryna Pharmaceutical Firm PrJSC' },
    });
    expect(explanation.band).toBe('review');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test('a Ukrainian register name, its short form and its English ERP name are one cluster task', async () => {
    const register = await ingestVendors('register', [
      { name: 'ПРИВАТНЕ АКЦІОНЕРНЕ ТОВАРИСТВО "ФАРМАЦЕВТИЧНА ФІРМА "ЯВОРИНА""' },
      { name: 'ПрАТ "Фармацевтична фірма "Яворина""' },
    ]);
    const [erp] = await ingestVendors('erp', [{ name: 'Yavoryna Pharmaceutical Firm PrJSC' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), erp))).toEqual([...register, erp].sort());
  });

  test('a Bulgarian register name and its Latin register form meet in one cluster task', async () => {
    const register = await ingestVendors('register', [{ name: 'ДРЯНОВЕТ ЕООД' }, { name: 'DRYANOVET EOOD' }]);
    const [erp] = await ingestVendors('erp', [{ name: 'Dryanovet Ltd' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), erp))).toEqual([...register, erp].sort());
  });

  test('a listed `X & Co.` and its operating `X LLC` are two cluster tasks', async () => {
    const parent = await ingestVendors('register', [{ name: 'QUILLFEATHER & CO.' }, { name: 'Quillfeather and Company' }]);
    const operating = await ingestVendors('erp', [{ name: 'Quillfeather LLC' }, { name: 'QUILLFEATHER L.L.C.' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), parent[0]))).toEqual([...parent].sort());
    expect(memberIdsOf(await clusterTaskIn(server(), operating[0]))).toEqual([...operating].sort());
  });

  test('`X & Co. LLC` (the same firm converted) is not split from `X & Co.`', async () => {
    const firm = await ingestVendors('register', [{ name: 'Brantwell & Co.' }, { name: 'BRANTWELL & CO' }]);
    const [converted] = await ingestVendors('erp', [{ name: 'Brantwell & Co. LLC' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), converted))).toEqual([...firm, converted].sort());
  });
});
