/**
 * Supplier names as bank statements, Bacs payee files, national registers and rename memos write them, and the cluster
 * tasks they reach (supplier-3.31.0; paymentChannelPrefixes 1.1.0, legalSuffixes 1.15.0, the name comparator's
 * `fieldCutWidths`, the `numberedCompany` attribute and split, `clusterReview.statedNames`, captionNames.ts
 * `statedOtherNames`):
 * - a BAI2 statement's detail-type words before the payee (`ACH CORP DEBIT`, `PREAUTHORIZED ACH DEBIT`);
 * - legal forms spelt out or in the register's language (Belgian `cvba`, Estonian `osaühing` / `aktsiaselts`, Italian
 *   `Società a responsabilità limitata`, Spanish `Sociedad Anónima Unipersonal`);
 * - a UK Bacs payee name cut at 18 characters;
 * - a Canadian numbered company with its province abbreviated (`SASK`, `ALTA`);
 * - a record that states the company's former name (`X Inc (formerly Y)`, `X (antes Y)`) puts the records named Y in
 *   the company's cluster task.
 * Every company here is made up; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { statedOtherNames } from '../../server/matching/captionNames';
import { comparatorOf } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { ingestVendors, clusterTaskOf, verified } = vendorTestServer({ sources: ['register', 'bank', 'memo'], idPrefix: 'S21-' });

describe('statedOtherNames: the other names a record states for its own entity', () => {
  test.each<[string, string[]]>([
    ['Quellan Health Inc (formerly Norvik Diagnostics)', ['Norvik Diagnostics']],
    ['Quellan Health (fka Norvik Diagnostics Inc.)', ['Norvik Diagnostics Inc.']],
    ['Oskaro Farma, S.A. (antes Laboratorios Oskaro)', ['Laboratorios Oskaro']],
    ['Brenvik Medizintechnik GmbH (vormals Brenvik Orthopädie GmbH)', ['Brenvik Orthopädie GmbH']],
    ['Talmere Supplies Ltd (was Talmere Surgical Ltd)', ['Talmere Surgical Ltd']],
    // A division names the legal entity above it, not another name of its own.
    ['Corvane Imaging, a division of Halstead Industries Inc.', []],
    ['Quellan Health Inc', []],
  ])('%s → %j', (raw, expected) => {
    expect(statedOtherNames(raw)).toEqual(expected);
  });
});

describe('through the public API (POST /matching/verify)', () => {
  test.each<[string, string]>([
    // BAI2 detail-type descriptions before the originator's name.
    ['ACH CORP DEBIT TOLVARIN MEDICAL INC', 'Tolvarin Medical, Inc.'],
    ['PREAUTHORIZED ACH DEBIT TOLVARIN MEDICAL INC', 'TOLVARIN MEDICAL INC'],
    // Legal forms spelt out or in the register's own language.
    ['BRAVELCO cvba', 'Bravelco CV'],
    ['Bravelco - Coöperatieve vennootschap', 'BRAVELCO SCRL'],
    ['KORVALI OSAÜHING', 'Korvali OÜ'],
    ['Lendmark Grupp Aktsiaselts', 'LENDMARK GRUPP AS'],
    ["VELMORA ITALIA SOCIETA' A RESPONSABILITA' LIMITATA", 'Velmora Italia S.r.l.'],
    ['Farmaven Servicios, Sociedad Anónima Unipersonal', 'FARMAVEN SERVICIOS SAU'],
  ])('%s = %s: the same name, put before a steward', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'match', score: 1 });
    expect(explanation.band).toBe('review');
  });

  test('a Bacs payee name cut at 18 characters inside its legal form reads as a near-identical name', async () => {
    expect(comparatorOf(await verified('KESTON VALE LIMITE', 'Keston Vale Limited'), 'name')).toMatchObject({
      outcome: 'partial',
      score: 0.97,
    });
  });

  test('a country word after a long name is no cut legal form (no form in the tables starts `US`)', async () => {
    const name = comparatorOf(await verified('Tolvarin Medical Systems', 'TOLVARIN MEDICAL SYSTEMS US LLC'), 'name');
    expect(name?.score).toBeLessThan(0.95);
  });

  test('an 18-character cut after one letter of a word may have hidden another entity: reviewed, no more', async () => {
    const name = comparatorOf(await verified('HARWELD SURGICAL S', 'Harweld Surgical Supplies Ltd'), 'name');
    expect(name?.score).toBeLessThan(0.95);
    expect(name?.score).toBeGreaterThanOrEqual(0.9);
  });

  test.each<[string, string]>([
    ['102345678 SASK LTD', '102345687 SASK LTD'],
    ['8812345 ALTA LTD', '8812354 ALBERTA LTD.'],
  ])('%s and %s: two numbered companies, never one', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'numberedCompany')?.outcome).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });

  test('the same number with the province written out or abbreviated is one numbered company', async () => {
    const explanation = await verified('102345678 SASKATCHEWAN LTD.', '102345678 SASK LTD');
    expect(comparatorOf(explanation, 'numberedCompany')?.outcome).toBe('match');
    expect(explanation.band).toBe('review');
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test('a rename memo puts the records under the former name in the company task', async () => {
    const current = await ingestVendors('register', [
      { name: 'QUELLAN HEALTH, INC.', street: '40 Harbor Way', city: 'Tampa', postal: '33602', country: 'US' },
      { name: 'Quellan Health, Inc.' },
      { name: 'ACH DEBIT QUELLAN HEALTH INC' },
    ]);
    const [memo] = await ingestVendors('memo', [{ name: 'Quellan Health Inc (formerly Norvik Diagnostics, Inc.)' }]);
    const [former] = await ingestVendors('memo', [{ name: 'Norvik Diagnostics, Inc.' }]);
    // A company named like the former name, which the rename does not concern.
    const [sister] = await ingestVendors('register', [{ name: 'NORVIK MEDICAL CORPORATION' }]);
    const task = await clusterTaskOf(former);
    expect(memberIdsOf(task)).toEqual([...current, memo, former].sort());
    expect(memberIdsOf(task)).not.toContain(sister);
  });

  test('a national company renamed from another name: the stated former name is no `X USA Inc` beside `X Corp`', async () => {
    const current = await ingestVendors('register', [
      { name: 'TREMONT PHARMACEUTICALS USA INC.' },
      { name: 'Tremont Pharmaceuticals USA, Inc.' },
    ]);
    const [memo] = await ingestVendors('memo', [{ name: 'Tremont Pharmaceuticals USA Inc (formerly Caldera-West)' }]);
    const [former] = await ingestVendors('register', [{ name: 'CALDERA-WEST PHARMACEUTICALS CORP.' }]);
    expect(memberIdsOf(await clusterTaskOf(memo))).toEqual([...current, memo, former].sort());
  });

  test('numbered companies: the same number in one task, a transposed number in none of it', async () => {
    const company = await ingestVendors('register', [{ name: '102345678 SASKATCHEWAN LTD.' }]);
    const [paid] = await ingestVendors('bank', [{ name: '102345678 SASK LTD' }]);
    const [other] = await ingestVendors('bank', [{ name: '102345687 SASK LTD' }]);
    const task = await clusterTaskOf(paid);
    expect(memberIdsOf(task)).toEqual([...company, paid].sort());
    expect(memberIdsOf(task)).not.toContain(other);
  });
});
