/**
 * Vendor-name conventions of the eighth organisation round (supplier-3.7.0):
 * - an accounts-payable copy counter (`… SUPPLY 2`, `… INDUSTRIES 02`: the clerk's second vendor record) is not part
 *   of the name — but a number after `NO`, `UNIT`, `STORE`, a longer number or a number after a short word is;
 * - a city or country written after the legal form (`… GMBH MANNHEIM`, `… SA MADRID`, `… INC - USA`) is not part of
 *   the name.
 * Both read as near-identical (TRUNCATED_SCORE: a cluster edge, a review), never the same name.
 * - `latinLegalForm` reads the Latin-American forms (S.A. de C.V., S. de R.L. de C.V., Ltda, EIRELI, S.A.S., S.R.L.):
 *   two of them on one name are capped at review and never share a cluster task.
 * The companies here are made up, not those of the held-out corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules } from '../../server/matching';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';
import { isCopyCounterOf, isPlaceAfterFormOf, TRUNCATED_SCORE } from '../../server/matching/truncation';
import { startIngestServer } from '../support/factories/ingest';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

const supplierRules = await loadRules('supplier');
const latinForms = compileExtractors((supplierRules.rules.attributes ?? []).filter((a) => a.name === 'latinLegalForm'));
const latinFormOf = (name: string): string[] | undefined => extractAttributes(latinForms, [name])?.latinLegalForm;

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

describe('AP copy counters (fixture table)', () => {
  test.each<[string, string, boolean]>([
    ['HALVORSEN DENTAL SUPPLY 2', 'HALVORSEN DENTAL SUPPLY', true],
    ['QUILLAN INDUSTRIES 02', 'QUILLAN INDUSTRIES', true],
    // The number is part of the name: a designator, a long number, a short word.
    ['QUILLAN CORPORATION NO 2', 'QUILLAN CORPORATION', false],
    ['QUILLAN HEALTH 200', 'QUILLAN HEALTH', false],
    ['QUILLAN UNIT 4', 'QUILLAN UNIT', false],
    ['QUILLAN STORE 0457', 'QUILLAN STORE', false],
    ['QUILLAN 3M', 'QUILLAN', false],
    ['QUILLAN AB 2', 'QUILLAN AB', false],
  ])('isCopyCounterOf(%s, %s) = %s', (long, short, expected) => {
    expect(isCopyCounterOf(long, short)).toBe(expected);
  });
});

describe('a place after the legal form (fixture table)', () => {
  test.each<[string, string, boolean]>([
    ['HALVORSEN DIAGNOSTICS GMBH BERLIN', 'HALVORSEN DIAGNOSTICS', true],
    ['QUILLAN MEDICA SA MADRID', 'QUILLAN MEDICA', true],
    ['QUILLAN MEDICA INC USA', 'QUILLAN MEDICA', true],
    ['QUILLAN MEDICA AG BAD RAGAZ', 'QUILLAN MEDICA', true],
    // More than two words, digits or a second form after the form: not a place.
    ['QUILLAN MEDICA AG NORTH EAST REGION', 'QUILLAN MEDICA', false],
    ['QUILLAN MEDICA SA DE CV', 'QUILLAN MEDICA', false],
    ['QUILLAN MEDICA GMBH 2', 'QUILLAN MEDICA', false],
    // No legal form before the words: a parent and its subsidiary are named so.
    ['QUILLAN MEDICA HOLDINGS', 'QUILLAN MEDICA', false],
    ['QUILLAN MEDICA CO PRODUCTS', 'QUILLAN MEDICA', false],
  ])('isPlaceAfterFormOf(%s, %s) = %s', (long, short, expected) => {
    expect(isPlaceAfterFormOf(long, short)).toBe(expected);
  });
});

describe('through the public API: near-identical, capped at review', () => {
  test.each<[string, string]>([
    ['HALVORSEN DENTAL SUPPLY 2', 'HALVORSEN DENTAL SUPPLY, INC.'],
    ['QUILLAN INDUSTRIES 02', 'Quillan Industries LLC'],
  ])('%s ~ %s', async (a, b) => {
    const explanation = await verifyPair({ server, domain: 'supplier', a: { name: a }, b: { name: b } });
    const name = comparatorOf(explanation, 'name');
    expect(name).toMatchObject({ outcome: 'partial', score: TRUNCATED_SCORE });
    expect(explanation.band).toBe('review');
  });

  test('a town after a legal form that is no ordinary word is read off (supplier-3.34.0), and the name alone still only reaches review', async () => {
    // Payables and bank descriptors write the branch town after the form (`X GMBH BERLIN`, `X LTD N HARROW`): since
    // supplier-3.34.0 (registerNames.ts) the name reads as the legal name itself; name-only evidence stays a review.
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'Halvorsen Diagnostics GmbH Berlin' },
      b: { name: 'HALVORSEN DIAGNOSTICS GMBH' },
    });
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'match', score: 1 });
    expect(explanation.band).toBe('review');
  });

  test('a place after a dash that follows the legal form is read off as a site (supplier-3.23.0), still only review', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'QUILLAN MEDICA INC - USA' },
      b: { name: 'Quillan Medica, Inc.' },
    });
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'match', a: 'QUILLAN MEDICA', b: 'QUILLAN MEDICA' });
    expect(explanation.band).toBe('review');
  });

  test('a store number stays part of the name', async () => {
    const explanation = await verifyPair({ server, domain: 'supplier', a: { name: 'QUILLAN STORE 45' }, b: { name: 'QUILLAN STORE' } });
    expect(comparatorOf(explanation, 'name')?.score).toBeLessThan(TRUNCATED_SCORE);
  });
});

describe('latinLegalForm (fixture table)', () => {
  test.each<{ name: string; form: string | undefined }>([
    { name: 'INSUMOS QUIRURGICOS DEL BAJIO, S.A. DE C.V.', form: 'sa' },
    { name: 'INSUMOS QUIRURGICOS DEL BAJIO SA DE CV', form: 'sa' },
    { name: 'INSUMOS QUIRURGICOS DEL BAJIO, S.A.P.I. DE C.V.', form: 'sa' },
    { name: 'INSUMOS QUIRURGICOS DEL BAJIO, S. DE R.L. DE C.V.', form: 's de rl' },
    { name: 'Suprimentos Hospitalares Paulista Ltda.', form: 'ltda' },
    { name: 'SUPRIMENTOS HOSPITALARES PAULISTA S/A', form: 'sa' },
    { name: 'Suprimentos Hospitalares Paulista EIRELI', form: 'eireli' },
    { name: 'Dispositivos Medicos Andinos S.A.S.', form: 'sas' },
    { name: 'Dispositivos Medicos Andinos S.R.L.', form: 'srl' },
    { name: 'Dispositivos Medicos Andinos Inc.', form: undefined },
    { name: 'MEDICOSA', form: undefined },
  ])('$name → $form', ({ name, form }) => {
    expect(latinFormOf(name)).toEqual(form === undefined ? undefined : [form]);
  });
});

describe('two Latin-American forms of one name (public API)', () => {
  test('an S.A. de C.V. and an S. de R.L. de C.V. at one address are capped at review', async () => {
    const address = { line1: 'Blvd. Agua Caliente 1020', city: 'Tijuana', postalCode: '22014', country: 'MX' };
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'INSUMOS QUIRURGICOS DEL BAJIO, S.A. DE C.V.', addresses: [address] },
      b: { name: 'INSUMOS QUIRURGICOS DEL BAJIO, S. DE R.L. DE C.V.', addresses: [address] },
    });
    expect(comparatorOf(explanation, 'latinLegalForm')).toMatchObject({ outcome: 'mismatch' });
    expect(explanation.hardRule?.name).toBe('otherLatinLegalForm');
  });

  test('S.A. de C.V. and SA DE CV are one form', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'INSUMOS QUIRURGICOS DEL BAJIO, S.A. DE C.V.' },
      b: { name: 'INSUMOS QUIRURGICOS DEL BAJIO SA DE CV' },
    });
    expect(comparatorOf(explanation, 'latinLegalForm')).toMatchObject({ outcome: 'match' });
  });
});

describe('two forms of one name in one field (fuzzy param alternatives)', () => {
  test.each<[string, string]>([
    ['HALVORSEN MEDICAL SUPPLIES LIMITED / FOURNITURES MÉDICALES HALVORSEN LIMITÉE', 'Halvorsen Medical Supplies Ltd'],
    ['Fournitures Médicales Halvorsen Ltée / Halvorsen Medical Supplies Inc.', 'HALVORSEN MEDICAL SUPPLIES INC'],
  ])('%s compares as either form: %s', async (both, one) => {
    const explanation = await verifyPair({ server, domain: 'supplier', a: { name: both }, b: { name: one } });
    expect(comparatorOf(explanation, 'name')).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a name without the separator is one form', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'HALVORSEN/QUILLAN MEDICAL' },
      b: { name: 'QUILLAN MEDICAL' },
    });
    expect(comparatorOf(explanation, 'name')?.score).toBeLessThan(1);
  });
});
