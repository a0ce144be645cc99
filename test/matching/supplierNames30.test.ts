/**
 * Supplier names of session 30 (supplier-3.41.0): a payee name cut by a fixed-width payment field on the space after a
 * word (one character short of the width once the file trims the padding), a cut compared without the connectors and
 * ampersands a payee field drops, and a vendor master's bracketed parent mark (`X Inc (Parent)`, `X (Holding)`) kept out
 * of its operating company's cluster task. Every company is made up.
 */
import { describe, expect, test } from 'vitest';
import { fieldWidthCutOf } from '../../server/matching/nameReadings';
import { fieldCutScore, TRUNCATED_SCORE, WEAK_FIELD_CUT_SCORE } from '../../server/matching/truncation';
import { comparatorOf, shippedNameReadings } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { ingestVendors, clusterTaskOf, verified } = vendorTestServer({
  sources: ['register', 'payables', 'ach'],
  idPrefix: 'S30-',
});

const { forms } = shippedNameReadings();

describe('fieldWidthCutOf: a cut on the space after a word, trimmed (NACHA 22, New Zealand direct credit 20)', () => {
  const widths = new Set([20, 22]);
  test.each<[string, 'inField' | 'atWordEnd' | null]>([
    // 22 characters: the cut may fall inside a word.
    ['BRANTLEY CATERING SERV', 'inField'],
    // 21: the 22nd character was the space before `C` of `L L C`, trimmed away.
    ['HOLLOWAY CATERING L L', 'atWordEnd'],
    // 20 (a New Zealand payee field) and 19.
    ['KAURI SECURITY LIMIT', 'inField'],
    ['KAURI SECURITY LTD X', 'inField'],
    // Mixed case is keyed whole, not cut; 18 characters is no width here.
    ['Holloway Catering L L', null],
    ['HOLLOWAY CATERING L L ', 'inField'],
    ['HOLLOWAY CATERIN', null],
  ])('%s: %s', (raw, expected) => {
    expect(fieldWidthCutOf(raw, widths)).toBe(expected);
  });
});

describe('fieldCutScore on a cut at a word end (normalised values)', () => {
  test.each<[string, string, number | null]>([
    // The legal form lost after the cut: the same company.
    ['HOLLOWAY CATERING L L ', 'HOLLOWAY CATERING', TRUNCATED_SCORE],
    // Whole words lost: another company of the group may have been named, so a steward decides.
    ['PELLHAM LINEN SERVICE ', 'PELLHAM LINEN SERVICE COMPANY OF OHIO', WEAK_FIELD_CUT_SCORE],
    // The other name goes on inside the word: a 21-character name that was not cut there.
    ['CALDER BROOK NO ', 'CALDER BROOK NO2', null],
    ['PELLHAM LINEN SERVICE ', 'PELLHAM LINEN SERVICES', null],
    // The same name: no cut.
    ['PELLHAM LINEN SERVICE ', 'PELLHAM LINEN SERVICE', null],
    // Cut on a word's end, a tail that is part of a form's word was no cut (`BRAVELLO CORPOR` of a 16-character field).
    ['BRAVELLO CORPOR ', 'BRAVELLO', null],
  ])('%s / %s: %s', (cut, other, expected) => {
    expect(fieldCutScore(cut, other, forms)).toBe(expected);
  });

  test.each<[string, string, number | null]>([
    // A payee field drops the ampersand: read without connectors on both sides.
    ['HARGROVE AND PLUMM COMPA', 'HARGROVE PLUMM', TRUNCATED_SCORE],
    ['HARGROVE AND PLUMM INSUR', 'HARGROVE PLUMM INSURANCE BROKERS', WEAK_FIELD_CUT_SCORE],
    // Another partner's name stays another firm.
    ['HARGROVE AND PLUMM COMPA', 'HARGROVE PLATT', null],
  ])('%s / %s without connectors: %s', (cut, other, expected) => {
    expect(fieldCutScore(cut, other, forms)).toBe(expected);
  });
});

describe('a 21-character NACHA payee cut on a word end (POST /matching/verify)', () => {
  test('the cut that lost its legal form reads as the company', async () => {
    const explanation = await verified('HOLLOWAY CATERING L L', 'Holloway Catering, L.L.C.');
    expect(comparatorOf(explanation, 'name')?.score).toBeGreaterThanOrEqual(TRUNCATED_SCORE);
  });
});

describe('a bracketed parent mark beside the operating company (POST /ingest, cluster tasks)', () => {
  test('`X Inc (Parent)` and `X (Holding)` never share a task with `X Health, Inc.`', async () => {
    const place = { street: '400 Quarry Lane', city: 'Plymouth', country: 'US' };
    const operating = await ingestVendors('register', [
      { name: 'Tamarind Health, Inc. (formerly Tamarind Hospital Rentals, Inc.)', ...place },
      // A trade name the operating company shares with its parent's brand.
      { name: 'Tamarind Health Inc. dba Tamarind', ...place },
    ]);
    const parent = await ingestVendors('payables', [
      { name: 'Tamarind Inc (Parent)', ...place },
      { name: 'TAMARIND INC (HOLDING)', city: 'Plymouth', country: 'US' },
    ]);
    for (const goldenId of [...new Set([...operating, ...parent])]) {
      const members = memberIdsOf(await clusterTaskOf(goldenId));
      expect(members.some((id) => operating.includes(id)) && members.some((id) => parent.includes(id))).toBe(false);
    }
  });

  test('a bracket that states no parent (a line of business) splits nothing', async () => {
    const place = { street: '12 Ferrier Road', city: 'Salem', country: 'US' };
    const ids = await ingestVendors('register', [
      { name: 'Orrin Linen Co. (Hospital Linen)', ...place },
      { name: 'ORRIN LINEN CO', city: 'Salem', country: 'US' },
    ]);
    const unique = [...new Set(ids)].sort();
    // Merged into one golden record, or one cluster task holding both.
    if (unique.length > 1) expect(memberIdsOf(await clusterTaskOf(unique[0]))).toEqual(unique);
    else expect(unique).toHaveLength(1);
  });
});

describe('a numbered company cut before its number (POST /ingest, cluster tasks)', () => {
  test('`X CORPORATION NO` joins neither the parent nor `X Corporation No. 2`', async () => {
    const place = { street: '88 Tannery Way', city: 'Lebanon', country: 'US' };
    const parent = await ingestVendors('payables', [
      { name: 'Marlow Uniform Corp. (Parent)', ...place },
      { name: 'MARLOW UNIFORM CORP (PARENT)', city: 'Lebanon', country: 'US' },
    ]);
    const numbered = await ingestVendors('register', [{ name: 'Marlow Uniform Corporation No. 2', ...place }]);
    // NACHA's 22-character receiving-company name, cut before the number and trimmed.
    const [cut] = await ingestVendors('ach', [{ name: 'MARLOW UNIFORM CORP NO', country: 'US' }]);
    const members = memberIdsOf(await clusterTaskOf(cut));
    expect(members.some((id) => parent.includes(id))).toBe(false);
    expect(members.some((id) => numbered.includes(id))).toBe(false);
  });
});
