/**
 * Two review caps that read "only one of the two records says it" (attributes option `oneSidedRelated`, session 21),
 * through the public API (`POST /matching/verify`):
 * - item `packCountOnOneSideSamePart`: one catalogue's single unit and its box carry one maker article number; when the
 *   descriptions say the same and only one states a count per pack (`Box 10`, `Pk 12`, `10/PK`), no GTIN decides and a
 *   steward does — descriptions written differently that leave the count out, a pack of 1, or an agreeing GTIN do not;
 * - supplier `companyWordBeforeLegalForm`: a group's holding or parent company named with a company word its operating
 *   company lacks (`X Company S.p.A.` vs `X S.p.A.`, `X Holding AG` vs `X AG`) is never merged on names and address.
 * The products and companies here are not those of the evaluation corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startIngestServer } from '../support/factories/ingest';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

const pen = (description: string, extra: Record<string, unknown> = {}) => ({
  description,
  manufacturer: { name: 'BIC' },
  manufacturerPartNumber: 'MSLP11-BLU',
  ...extra,
});

describe('item: a pack count stated by one of two descriptions that say the same, beside one part number', () => {
  test.each<[string, string]>([
    ['Bic Cristal Ballpoint Pen Medium Blue', 'Bic Cristal Ballpoint Pen Medium Blue Box 50'],
    ['Bic Cristal Ballpoint Pen Medium Blue', 'Bic Cristal Ballpoint Pen Medium Blue Pk 12'],
    ['BIC CRISTAL BALLPOINT PEN MEDIUM BLUE', 'BIC CRISTAL BALLPOINT PEN MEDIUM BLUE 50/BX'],
  ])('%s / %s: a steward decides', async (a, b) => {
    const explanation = await verifyPair({ server, domain: 'item', a: pen(a), b: pen(b) });
    expect(explanation.hardRule?.name).toBe('packCountOnOneSideSamePart');
    expect(explanation.band).toBe('review');
  });

  test('without the count the same pair merges on its part number (the cap is what moves it)', async () => {
    const a = 'Bic Cristal Ballpoint Pen Medium Blue';
    const explanation = await verifyPair({ server, domain: 'item', a: pen(a), b: pen(`${a} Large Barrel`) });
    expect(explanation.hardRule?.name).not.toBe('packCountOnOneSideSamePart');
    expect(explanation.band).toBe('auto-merge');
  });

  test.each<[string, string, string]>([
    ['the same count on both sides', 'Bic Cristal Ballpoint Pen Medium Blue Box 50', 'Bic Cristal Ballpoint Pen Medium Blue 50/BX'],
    ['a pack of 1 is no pack count', 'Bic Cristal Ballpoint Pen Medium Blue', 'Bic Cristal Ballpoint Pen Medium Blue (Pack 1)'],
    [
      'another wording that leaves the count out',
      'PEN BALLPOINT CRISTAL MED BLUE 50/BX',
      'Bic Cristal Ballpoint Pen, Medium Point, Blue Ink',
    ],
  ])('%s: not capped by it', async (_, a, b) => {
    const explanation = await verifyPair({ server, domain: 'item', a: pen(a), b: pen(b) });
    expect(explanation.hardRule?.name).not.toBe('packCountOnOneSideSamePart');
  });

  test('an agreeing GTIN names the pack level: not capped by it', async () => {
    const gtin = '03086126721170';
    const explanation = await verifyPair({
      server,
      domain: 'item',
      a: pen('Bic Cristal Ballpoint Pen Medium Blue', { gtin }),
      b: pen('Bic Cristal Ballpoint Pen Medium Blue Box 50', { gtin }),
    });
    expect(explanation.hardRule?.name).not.toBe('packCountOnOneSideSamePart');
  });
});

const company = (name: string) => ({
  name,
  addresses: [{ purposes: ['main'], line1: 'Via Giovanni Pascoli 12', city: 'Sesto San Giovanni', postalCode: '20099', country: 'IT' }],
});

describe('supplier: a company word one name carries and the other lacks', () => {
  test.each<[string, string]>([
    ['BELLANDI MEDICALI S.P.A.', 'BELLANDI MEDICALI COMPANY S.P.A.'],
    ['Ortavia Holding AG', 'Ortavia AG'],
    ['Kelvane Group GmbH', 'Kelvane GmbH'],
  ])('%s / %s at one address: never merged on names, a steward decides', async (a, b) => {
    const explanation = await verifyPair({ server, domain: 'supplier', a: company(a), b: company(b) });
    // The word is read on one side only; the first cap that holds is named (a looser name match caps first).
    expect(comparatorOf(explanation, 'companyWord')?.outcome).toBe('related');
    expect(['companyWordBeforeLegalForm', 'similarNameNoIdentifier']).toContain(explanation.hardRule?.name);
    expect(explanation.band).not.toBe('auto-merge');
  });

  test.each<[string, string]>([
    ['Ortavia Holdings, Inc.', 'ORTAVIA HLDGS INC'],
    ['Kelvane Medizintechnik GmbH & Co. KG', 'KELVANE MEDIZINTECHNIK GMBH & CO KG'],
    ['Lianbo Medical Co., Ltd.', 'Lianbo Medical Ltd'],
  ])('%s / %s: not read as a company word on one side', async (a, b) => {
    const explanation = await verifyPair({ server, domain: 'supplier', a: company(a), b: company(b) });
    expect(comparatorOf(explanation, 'companyWord')?.outcome).not.toBe('related');
    expect(explanation.hardRule?.name).not.toBe('companyWordBeforeLegalForm');
  });
});
