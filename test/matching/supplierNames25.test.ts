/**
 * Supplier names of session 25 (supplier-3.36.0): Thaana (Dhivehi) and Tibetan-script (Dzongkha) names read with their
 * borrowed English company words in English, Lao read in the romanisation Lao companies write (with the Lao names of
 * English letters read as initials and the Lao enterprise-law forms), and a remit record's `Payment Center` read as a
 * note after the legal name (a trade name after `o/a` / `t/a` is captionNames.ts's, checked here beside it).
 * Every company here is made up; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { laoReading, loanwordScriptReading } from '../../server/matching/loanwordScriptReadings';
import { comparatorOf } from '../support/factories/matching';
import { clusterTaskOf as clusterTaskIn, memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, verified } = vendorTestServer({ sources: ['register', 'tender', 'erp'], idPrefix: 'S25-' });

describe('loanwordScriptReading: borrowed English company words in Thaana and Tibetan script', () => {
  test.each<[string, string]>([
    // Dhivehi writes English company words phonetically, word by word (any-ascii: KOMPENEE, PRAIVET, LIMITED).
    ['ކޯވިން މެޑިކަލް ކޮމްޕެނީ ޕްރައިވެޓް ލިމިޓެޑް', 'koavin MEDICAL COMPANY PRIVATE LIMITED'],
    // `plc` spelt by the names of its letters (pee-el-see).
    ['ޓޮރެލް ޕީއެލްސީ', 'torel PLC'],
    // Initials spelt by the Dhivehi names of their letters, run together or dotted (em-dabliyoo-es-see, es.tee.oa).
    ['އެމްޑަބްލިޔޫއެސްސީ', 'MWSC'],
    ['އެސް.ޓީ.އޯ', 'STO'],
    // Dzongkha writes a syllable per tsheg; the company words at the end are read, the syllables before are one word.
    ['ཀོར་བིན་ཀོ་པོ་རེ་ཤཱན་ལི་མི་ཊེཊ།', 'korbin CORPORATION LIMITED'],
    // Native syllables as said, not as spelt: a silent prefix, a root with a subjoined ra said dr / tr ('brug, bkra).
    ['འབྲུག་ནོར་བུ་ལི་མི་ཊེཊ།', 'drugnorbu LIMITED'],
    ['བཀྲ་ཤིས་ཀོ་པོ་རེ་ཤཱན།', 'trashis CORPORATION'],
    // A syllable inside the name (`li` of te-li-kom) is not read as an abbreviation.
    ['ཧི་མ་ལ་ཡ་ཊེ་ལི་ཀོམ་ལི་མི་ཊེཊ།', 'himalayatelikom LIMITED'],
    // Other names are returned as they are.
    ['Korvin Medical Pvt Ltd', 'Korvin Medical Pvt Ltd'],
  ])('%s → %s', (raw, expected) => {
    expect(loanwordScriptReading(raw)).toBe(expected);
  });
});

describe('laoReading: Lao in the romanisation Lao companies use', () => {
  test.each<[string, string]>([
    // The enterprise-law forms ບໍລິສັດ … ຈຳກັດ (company … limited) read as the alias tables list them.
    ['ບໍລິສັດ ສຸກສາລາ ຈຳກັດ', 'bolisat souksala chamkat'],
    // A vowel written before its consonant is read after it; final ວ is o (Lao, not Lav).
    ['ລາວໂທລະຄົມ', 'laotholakhom'],
    ['ໄຊສົມບູນ', 'xaisomboun'],
    // ຫ before a sonorant only sets the tone.
    ['ສະຫວັນນະເຂດ', 'savannakhet'],
    // A word spelt with the Lao names of English letters is the company's Latin initials.
    ['ບໍລິສັດ ແອລຊີທີ ມະຫາຊົນ', 'bolisat LCT mahaxon'],
    ['ບີດີ', 'BD'],
    // One letter name alone is a syllable of a word (ທີ thi), not an initial.
    ['ທີ', 'thi'],
  ])('%s → %s', (raw, expected) => {
    expect(laoReading(raw)).toBe(expected);
  });
});

describe('names in other scripts against their English names (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['ކޯވިން މެޑިކަލް ކޮމްޕެނީ ޕްރައިވެޓް ލިމިޓެޑް', 'Korvin Medical Company Pvt Ltd'],
    ['ཀོར་བིན་ཀོ་པོ་རེ་ཤཱན་ལི་མི་ཊེཊ།', 'Korbin Corporation Limited'],
    ['ཧི་མ་ལ་ཡ་ཊེ་ལི་ཀོམ་ལི་མི་ཊེཊ།', 'Himalaya Telecom Ltd'],
    ['བཀྲ་ཤིས་ཀོ་པོ་རེ་ཤཱན་ལི་མི་ཊེཊ།', 'Tashi Corporation Limited'],
    ['ບໍລິສັດ ພູສີ ການແພດ ຈຳກັດ', 'Phousi Medical Co., Ltd.'],
    ['ບໍລິສັດ ແອລຊີທີ ມະຫາຊົນ', 'LCT Public Company'],
  ])('%s and %s: one company before a steward, never merged on the name', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')?.score).toBeGreaterThanOrEqual(0.9);
    expect(explanation.band).toBe('review');
  });

  test.each<[string, string]>([
    // The company words agree; the names do not.
    ['ཀོར་བིན་ཀོ་པོ་རེ་ཤཱན་ལི་མི་ཊེཊ།', 'ཧི་མ་ལ་ཡ་ཊེ་ལི་ཀོམ་ལི་མི་ཊེཊ།'],
    ['ކޯވިން ކޮމްޕެނީ ލިމިޓެޑް', 'Sunrise Company Limited'],
    ['ບໍລິສັດ ພູສີ ການແພດ ຈຳກັດ', 'Sengdara Medical Co., Ltd.'],
  ])('%s and %s: two companies', async (a, b) => {
    expect((await verified(a, b)).band).toBe('no-match');
  });
});

describe('notes after the legal name (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // A utility's or distributor's remit record.
    ['Harlow Gas Company - Payment Center', 'HARLOW GAS COMPANY'],
    ['Harlow Gas Company Payment Processing Centre', 'Harlow Gas Co'],
    // Canada's `o/a` (operating as) and the UK and Irish `t/a` (trading as) before a trade name (captionNames.ts).
    ['Tamrack Holdings Inc o/a Tamrack Medical', 'Tamrack Holdings Inc'],
    ['Pellow Surgical Ltd t/a Pellow Direct', 'PELLOW SURGICAL LIMITED'],
  ])('%s is %s', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')?.score).toBe(1);
  });

  test('a note needs a name before it: a company called Payment Center keeps its name', async () => {
    expect((await verified('Payment Center Inc', 'Harlow Gas Company')).band).toBe('no-match');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test("a Dhivehi tender notice's name joins the register's and the ledger's records of the company", async () => {
    const register = await ingestVendors('register', [{ name: 'Korvin Medical Company Pvt Ltd' }]);
    const ledger = await ingestVendors('erp', [{ name: 'KORVIN MEDICAL CO PVT LTD' }]);
    const [tender] = await ingestVendors('tender', [{ name: 'ކޯވިން މެޑިކަލް ކޮމްޕެނީ ޕްރައިވެޓް ލިމިޓެޑް' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), tender))).toEqual([...register, ...ledger, tender].sort());
  });

  test('two Dzongkha names that share only their company words: no common task', async () => {
    const [korbin] = await ingestVendors('tender', [{ name: 'ཀོར་བིན་ཀོ་པོ་རེ་ཤཱན་ལི་མི་ཊེཊ།' }]);
    const [himalaya] = await ingestVendors('tender', [{ name: 'ཧི་མ་ལ་ཡ་ཊེ་ལི་ཀོམ་ལི་མི་ཊེཊ།' }]);
    expect(memberIdsOf(await clusterTaskIn(server(), korbin))).not.toContain(himalaya);
  });
});
