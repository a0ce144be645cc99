/**
 * Vendor-name conventions of the ninth organisation round (supplier-3.8.0):
 * - legal forms of the Polish, Czech, Austrian, Turkish and Israeli registers, written out or abbreviated, are
 *   removed like any other form (`sp. z o.o. sp.k.`, `spol. s r.o.`, `Ges.m.b.H.`, `A.Ş.` / `Ltd. Şti.`, `A.C.A.L.`),
 *   and the Turkish register words `San. ve Tic.` / `Dış Tic.` read as the words they abbreviate;
 * - a stock listing names a security: `X Inc. Common Stock`, `X NV American Depositary Shares`, `X INC-A` are X;
 * - a Chinese register name leads with the province or city (`Shenzhen X Medical Co., Ltd.`), which AP books leave
 *   out: near-identical (a cluster edge, a review), never the same name; two places are two companies;
 * - a SWIFT beneficiary line runs the name, its form and the street together (`X SAS 42 RUE …`): near-identical;
 * - the truncation readings take their legal forms from the legal-suffix alias table, so an analyst's new form reaches
 *   them; the blocking keys read each form of a bilingual `A / B` name.
 * The companies here are made up, not those of the corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blockingKeys, compileRules, loadRules, prepareRecord, scorePair } from '../../server/matching';
import { shippedAliasTables, type AliasTable } from '../../server/matching/aliases';
import { isAddressAfterFormOf, isPlacePrefixOf, isTruncationOf, legalFormsOf, TRUNCATED_SCORE } from '../../server/matching/truncation';
import { normalizeText } from '../../server/identifiers/names';
import { present } from '../../server/invariant';
import type { CanonicalRecord } from '../../server/matching/types';
import { startIngestServer } from '../support/factories/ingest';
import { comparatorOf, nameComparison, shippedRules, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

const compareNames = (a: string, b: string): ReturnType<typeof nameComparison> => nameComparison({ server, domain: 'supplier', a, b });

describe('register legal forms and words read alike (through the public API)', () => {
  test.each<[string, string]>([
    // Poland (KRS): the form written out vs its abbreviations, a limited partnership with a GP company.
    ['KWIATEK MEDICA SPÓŁKA Z OGRANICZONĄ ODPOWIEDZIALNOŚCIĄ SPÓŁKA KOMANDYTOWA', 'Kwiatek Medica Sp. z o.o. Sp.k.'],
    ['KWIATEK MEDICA SP Z OO SPK', 'Kwiatek Medica'],
    ['Nowak Dental Spółka Jawna', 'NOWAK DENTAL SP J'],
    // Czechia (ARES): spol. s r.o. written with and without spaces.
    ['HRADEC MEDICAL spol. s r.o.', 'HRADEC MEDICAL SPOL S R O'],
    ['HRADEC MEDICAL spol s.r.o.', 'Hradec Medical s.r.o.'],
    // Austria (Firmenbuch): Gesellschaft m.b.H. / Ges.m.b.H. / GmbH.
    ['Alpenmed Geräte Gesellschaft m.b.H.', 'ALPENMED GERATE GMBH'],
    ['Alpenmed Geräte Ges.m.b.H.', 'Alpenmed Geräte GmbH'],
    // Turkey (Ticaret Sicili): Anonim Şirketi = A.Ş., Limited Şirketi = Ltd. Şti., San. ve Tic. = Sanayi ve Ticaret.
    ['ÖZKAN TIBBİ CİHAZLAR SANAYİ VE TİCARET ANONİM ŞİRKETİ', 'Özkan Tıbbi Cihazlar San. ve Tic. A.Ş.'],
    ['OZKAN TIBBI CIHAZLAR SAN VE TIC', 'ÖZKAN TIBBİ CİHAZLAR SANAYİ VE TİCARET ANONİM ŞİRKETİ'],
    ['ÖZKAN DIŞ TİCARET LİMİTED ŞİRKETİ', 'Özkan Dış Tic. Ltd. Şti.'],
    // Israel: an agricultural cooperative association (A.C.A.L.).
    ['GALIL FLOW AGRICULTURAL COOPERATIVE ASSOCIATION LTD', 'Galil Flow ACAL'],
    ['GALIL FLOW A C A L', 'GALIL FLOW AGRICULTURAL COOPERATIVE ASSOCIATION LTD'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('San alone is not read as Sanayi (San Diego, San Juan)', async () => {
    expect((await compareNames('SAN QUILLAN MEDICAL', 'SANAYI QUILLAN MEDICAL'))?.score ?? 0).toBeLessThan(1);
  });
});

describe('a stock listing names a security of the company (through the public API)', () => {
  test.each<[string, string]>([
    ['Quillan Medical Inc. Common Stock', 'QUILLAN MEDICAL INC'],
    ['Halvorsen Surgical Company Common Stock', 'HALVORSEN SURGICAL CO'],
    ['Halvorsen, Dickson and Company Common Stock', 'Halvorsen Dickson & Co'],
    ['Korvane NV American Depositary Shares', 'KORVANE N.V.'],
    ['Korvane AG Ordinary Shares', 'Korvane AG'],
    ['HANGXIN INSTRUMENTS INC-A', 'Hangxin Instruments, Inc.'],
    ['HANGXIN MEDICAL DEVICES CO LTD-A', 'Hangxin Medical Devices Co., Ltd.'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});

describe('a registered place before the name', () => {
  const places = ['SHENZHEN', 'GUANGDONG', 'BEIJING', 'SHANGHAI'];
  test.each<[string, string, boolean]>([
    ['SHENZHEN HANGXIN MEDICAL INSTRUMENTS', 'HANGXIN MEDICAL INSTRUMENTS', true],
    ['GUANGDONG SHENZHEN HANGXIN MEDICAL', 'HANGXIN MEDICAL', true],
    // A place and a fixed-width cut of the form (`… C` for `CO LTD`).
    ['SHENZHEN HANGXIN MEDICAL INSTRUMENTS C', 'HANGXIN MEDICAL INSTRUMENTS', true],
    ['BEIJING HANGXIN', 'HANGXIN', true],
    // Two places are two companies; a place with other words is another name.
    ['SHANGHAI HANGXIN MEDICAL', 'BEIJING HANGXIN MEDICAL', false],
    ['SHENZHEN HANGXIN MEDICAL', 'HANGXIN DENTAL', false],
    ['SHENZHEN', 'HANGXIN', false],
  ])('isPlacePrefixOf(%s, %s) = %s', (long, short, expected) => {
    expect(isPlacePrefixOf(long, short, { places })).toBe(expected);
  });

  test('through the public API: near-identical, capped at review', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'Shenzhen Hangxin Medical Instruments Co., Ltd.' },
      b: { name: 'HANGXIN MEDICAL INSTRUMENTS' },
    });
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'partial', score: TRUNCATED_SCORE });
    expect(explanation.band).toBe('review');
  });

  test('two places stay apart', async () => {
    expect((await compareNames('Shanghai Hangxin Medical Co., Ltd.', 'Beijing Hangxin Medical Co., Ltd.'))?.score ?? 1).toBeLessThan(
      TRUNCATED_SCORE,
    );
  });
});

describe('a street address after the legal form', () => {
  test.each<[string, string, boolean]>([
    ['QUILLAN CHIRURGIE SAS 42 RUE DES LILAS', 'QUILLAN CHIRURGIE', true],
    ['QUILLAN CHIRURGIE GMBH 7A HAUPTSTRASSE', 'QUILLAN CHIRURGIE', true],
    // No form before the number, or no street after it: a number of the name.
    ['QUILLAN CHIRURGIE 42 RUE DES LILAS', 'QUILLAN CHIRURGIE', false],
    ['QUILLAN CHIRURGIE GMBH 2', 'QUILLAN CHIRURGIE', false],
    ['QUILLAN CHIRURGIE CO 42 MAIN', 'QUILLAN CHIRURGIE', false],
  ])('isAddressAfterFormOf(%s, %s) = %s', (long, short, expected) => {
    expect(isAddressAfterFormOf(long, short)).toBe(expected);
  });

  test('through the public API: a SWIFT beneficiary line is near-identical to the vendor', async () => {
    expect(await compareNames('QUILLAN CHIRURGIE SAS 42 RUE DES LILAS', 'Quillan Chirurgie SAS')).toMatchObject({
      outcome: 'partial',
      score: TRUNCATED_SCORE,
    });
  });
});

describe('the truncation readings take their forms from the legal-suffix table', () => {
  const shipped = present(shippedAliasTables().get('legalSuffixes'), 'legalSuffixes');
  const withNewForm: AliasTable = {
    ...shipped,
    version: 'legalSuffixes-test',
    entries: [...shipped.entries, { variants: ['VIESOJI ISTAIGA'] }],
  };

  test('a cut of a form only the edited table lists is a truncation with its forms', () => {
    const cut = 'HALVORSEN MEDICAL DEVICES VIESOJI IS';
    expect(isTruncationOf(cut, 'HALVORSEN MEDICAL DEVICES', legalFormsOf([shipped], normalizeText))).toBe(false);
    expect(isTruncationOf(cut, 'HALVORSEN MEDICAL DEVICES', legalFormsOf([withNewForm], normalizeText))).toBe(true);
  });

  test('rules compiled with the edited table read the cut as near-identical', async () => {
    const shippedCompiled = await loadRules('supplier');
    const edited = compileRules(shippedRules('supplier'), { aliasTables: new Map([['legalSuffixes', withNewForm]]) });
    const nameScore = (rules: typeof edited): number | null | undefined => {
      const a = prepareRecord({ sourceId: 'a', name: 'HALVORSEN MEDICAL DEVICES VIESOJI IS' } as CanonicalRecord, rules);
      // The vendor book's record without its form: the cut keeps the first letters of a form only the edited table knows.
      const b = prepareRecord({ sourceId: 'b', name: 'Halvorsen Medical Devices' } as CanonicalRecord, rules);
      return scorePair({ a, b, rules }).comparators.find((c) => c.name === 'name')?.score;
    };
    expect(nameScore(shippedCompiled)).toBeLessThan(TRUNCATED_SCORE);
    expect(nameScore(edited)).toBe(TRUNCATED_SCORE);
  });
});

describe('blocking reads each form of a bilingual name', () => {
  test('a record named by the second form shares a phonetic key with the bilingual record', async () => {
    const rules = await loadRules('supplier');
    const keysOf = (name: string): string[] =>
      blockingKeys({ sourceId: 's', name } as CanonicalRecord, rules).filter((key) => key.startsWith('namePhonetic:'));
    const bilingual = keysOf('Société Quillan Santé / Quillan Health Company');
    const english = keysOf('Quillan Health Company');
    expect(english.some((key) => bilingual.includes(key))).toBe(true);
  });

  test('without the param the second form is not keyed', () => {
    const rules = shippedRules('supplier');
    for (const key of rules.blocking) if (key.params) delete key.params.alternatives;
    const compiled = compileRules(rules);
    const keysOf = (name: string): string[] =>
      blockingKeys({ sourceId: 's', name } as CanonicalRecord, compiled).filter((key) => key.startsWith('namePhonetic:'));
    expect(keysOf('Quillan Health Company').some((key) => keysOf('Société Quillan Santé / Quillan Health Company').includes(key))).toBe(
      false,
    );
  });
});
