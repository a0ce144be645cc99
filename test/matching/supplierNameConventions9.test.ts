/**
 * Vendor-name conventions of the seventh organisation round (supplier-3.6.0):
 * - `Co., Ltd.` / `Company Limited` is how Japanese, Korean and Chinese companies render kabushiki kaisha,
 *   주식회사 and 股份有限公司 in English, so it names no legal-form family (like `Corporation`): `ACME KK`
 *   and `ACME CO., LTD.` are not "legal forms of different families";
 * - `legalForm` and `legalSuffix` also read alternate names (a Wikidata label `Acme` with the alias `Acme Inc.`);
 * - a 35-character payee field cuts inside a multi-word legal form (`… CO LT`, `… PTY L`, `… PRIVATE LI`,
 *   `… KABUSHIK`) or right after a connector no name ends in (`… EQUIPMENT AND`): a truncated name (0.97);
 * - German `UND` is `AND` (`SCHUELKE UND MAYR`, `SE UND CO KG`), and `P A` is the professional association `PA`.
 * The companies here are not those of the held-out corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules } from '../../server/matching';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';
import { isTruncationOf, TRUNCATED_SCORE } from '../../server/matching/truncation';
import { startIngestServer } from '../support/factories/ingest';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

const supplierRules = await loadRules('supplier');
const legalForms = compileExtractors((supplierRules.rules.attributes ?? []).filter((a) => a.name === 'legalForm'));
const legalFormOf = (name: string): string[] | undefined => extractAttributes(legalForms, [name])?.legalForm;

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

describe('legalForm: Co., Ltd. names no family (fixture table)', () => {
  test.each<{ name: string; form: string | undefined }>([
    { name: 'TAKAHARA MEDICAL CO., LTD.', form: undefined },
    { name: 'HANBIT BIOTECH CO LTD', form: undefined },
    { name: 'Zhenhai Medical Company Limited', form: undefined },
    { name: 'TAKAHARA MEDICAL KK', form: 'kk' },
    { name: 'Pennine Surgical Limited', form: 'limited' },
    { name: 'DECO SURGICAL LTD', form: 'limited' },
    { name: 'Pennine Surgical Pty Ltd', form: 'limited' },
  ])('$name → $form', ({ name, form }) => {
    expect(legalFormOf(name)).toEqual(form === undefined ? undefined : [form]);
  });
});

describe('legal forms read from alternate names (public API)', () => {
  test('a formless label whose alias states Inc. conflicts in legal form with a Sàrl of the same name', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'Halvorsen Biologics', alternateNames: ['Halvorsen Biologics Inc.'] },
      b: { name: 'Halvorsen Biologics Sàrl' },
    });
    expect(comparatorOf(explanation, 'legalForm')).toMatchObject({ outcome: 'mismatch' });
    expect(comparatorOf(explanation, 'legalSuffix')).toMatchObject({ outcome: 'missing' });
  });

  test('the label agrees in legal suffix with the Inc. record', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'Halvorsen Biologics', alternateNames: ['Halvorsen Biologics Inc.'] },
      b: { name: 'HALVORSEN BIOLOGICS, INC.' },
    });
    expect(comparatorOf(explanation, 'legalSuffix')).toMatchObject({ outcome: 'match' });
  });

  test('KK and Co., Ltd. of one Japanese name are not legal forms of different families', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'TAKAHARA MEDICAL KK' },
      b: { name: 'TAKAHARA MEDICAL CO., LTD.' },
    });
    expect(comparatorOf(explanation, 'legalForm')?.outcome).not.toBe('mismatch');
    expect(explanation.hardRule?.name).not.toBe('otherLegalForm');
  });
});

describe('a payee name cut inside a legal form or after a connector', () => {
  test.each<[string, string]>([
    ['HANBIT BIOTECH MEDICAL SYSTEMS CO LT', 'Hanbit Biotech Medical Systems Co., Ltd.'],
    ['PENNINE SURGICAL INSTRUMENTS PTY L', 'Pennine Surgical Instruments Pty Ltd'],
    ['MAHARASHTRA SURGICAL DEVICES PRIVATE LI', 'Maharashtra Surgical Devices Private Limited'],
    ['TAKAHARA MEDICAL INSTRUMENTS KABUSHIK', 'Takahara Medical Instruments Corporation'],
    ['ZHENHAI MEDICAL DEVICES EQUIPMENT AND', 'Zhenhai Medical Devices Equipment and Supply Co., Ltd.'],
  ])('%s is %s cut: near-identical (a cluster edge), not the same name', async (cut, full) => {
    const explanation = await verifyPair({ server, domain: 'supplier', a: { name: cut }, b: { name: full } });
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'partial', score: TRUNCATED_SCORE });
  });

  test.each<[string, string, boolean]>([
    ['HANBIT BIOTECH MEDICAL SYSTEMS CO LT', 'HANBIT BIOTECH MEDICAL SYSTEMS', true],
    ['HANBIT BIOTECH MEDICAL SYSTEMS CO XY', 'HANBIT BIOTECH MEDICAL SYSTEMS', false],
    ['ZHENHAI MEDICAL DEVICES EQUIPMENT AND', 'ZHENHAI MEDICAL DEVICES EQUIPMENT AND SUPPLY', true],
    // A cut between whole words that does not end in a connector is still no cut (parent and subsidiary).
    ['ZHENHAI MEDICAL DEVICES EQUIPMENT', 'ZHENHAI MEDICAL DEVICES EQUIPMENT SUPPLY', false],
    // Too short to be a field cut.
    ['ACME AND', 'ACME AND SONS', false],
  ])('isTruncationOf(%s, %s) = %s', (short, long, expected) => {
    expect(isTruncationOf(short, long)).toBe(expected);
  });
});

describe('UND and P A', () => {
  test.each<[string, string]>([
    ['HALVORSEN UND KRAUSE GMBH', 'Halvorsen & Krause GmbH'],
    ['HALVORSEN MEDIZIN SE UND CO KG', 'Halvorsen Medizin SE & Co. KG'],
    ['RIVERBEND RADIOLOGY P A', 'Riverbend Radiology, PA'],
  ])('%s = %s', async (a, b) => {
    const explanation = await verifyPair({ server, domain: 'supplier', a: { name: a }, b: { name: b } });
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'match', score: 1 });
  });
});
