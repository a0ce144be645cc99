/**
 * Sixteenth item round (item-3.22.0): item lines as humanitarian and national supply catalogues, distributors and
 * merged-column item-master exports write them — UNICEF comma-packed shorthand (`A-D`, `w/ndl`, `/BOX-100`), MSF
 * (`s.u.`, `ster.`, `disp. tab.`, `blister 10 x 10`), WHO PQS / PQDx codes, KEMSA and South African tender counts
 * (`100s`, `100's`), Nigerian distributor lines (`Tab x 30`, NAFDAC numbers), merged exports (`100 EA BX`) and
 * marketplace boilerplate. Fixture tables for the two rewrites, scored pairs with the shipped rules, and lines through
 * the public ingest API. The lines are written for this test.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { withCatalogueShorthandWritten, withoutRegistrationReferences } from '../../server/matching/catalogueShorthand';
import { comparatorLevel, describedItem, itemPairExpectations } from '../support/factories/matching';
import { ingest, publishMapping, startIngestServer, toNdjson, type IngestBody } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

const rules = await loadRules('item');
const { expectConflict } = itemPairExpectations(rules);

describe('catalogueShorthand rewrite', () => {
  test.each([
    ['Syringe,A-D,0.1ml,w/ndl 26G 3/8"/BOX-100', 'Syringe, AUTO-DISABLE ,0.1ml,WITH NEEDLE 26G 3/8" 100/BX'],
    // item-3.52.0 (items27bins): a glued gauge × length is written apart, as ERP 30/40-character names write it.
    ['SYRINGE AD 0.05ML 27GX3/8IN', 'SYRINGE AUTO-DISABLE 0.05ML 27G X 3/8IN'],
    ['NEEDLE, 21G, s.u., ster.', 'NEEDLE, 21G, SINGLE USE, STERILE'],
    ['Amoxicillin 250mg disp.tab/PAC-100', 'Amoxicillin 250mg DISPERSIBLE TABLET 100/PACK'],
    ['ORS, eff. tab., tub', 'ORS, EFFERVESCENT TABLET, tub'],
    ['Ferrous sulfate 200mg Tablet, dispersible', 'Ferrous sulfate 200mg dispersible TABLET'],
    ['Ceftriaxone 1g pdr/inj vial/CAR-50', 'Ceftriaxone 1g POWDER FOR INJECTION vial 50/CTN'],
    ['Gauze swab 10x10cm - 100s', 'Gauze swab 10x10cm - 100/PACK'],
    ["Cotrimoxazole 480mg tablet, 1000's", 'Cotrimoxazole 480mg tablet, 1000/PACK'],
    ['3M 1860 N95 RESPIRATOR 20 EA BX', '3M 1860 N95 RESPIRATOR 20/BX'],
    ['Paracetamol 500mg tablets, tin of 1000', 'Paracetamol 500mg tablets, PACK OF 1000'],
    ['Metformin 500 mg, tab., blister 10 x 10', 'Metformin 500 mg, tab., 100/PACK'],
    ['Cotrimoxazole 480mg Tab x 100', 'Cotrimoxazole 480mg Tab 100/PACK'],
    ['Syphilis rapid test | 20 T/kit', 'Syphilis rapid test | 20 TESTS'],
    ['Amoxicillin dispersible 250 mg (10 to <20 kg)', 'Amoxicillin dispersible 250 mg (10-19 KG)'],
  ])('%s', (text, expected) => {
    expect(withCatalogueShorthandWritten(text)).toBe(expected);
  });

  test.each([
    'GLOVE EXAM NITRILE PF MEDIUM 100/BX',
    // AD outside a syringe line, A-D in a vitamin line: not auto-disable.
    'Cholecalciferol AD drops 10 ml',
    'Vitamins A-D ointment 30 g',
    'Gauze 4 X 4IN 12 PLY',
  ])('%s is left as written', (text) => {
    expect(withCatalogueShorthandWritten(text)).toBe(text);
  });
});

describe('registrationReferences rewrite', () => {
  test.each([
    ['Ciprofloxacin 500mg Tab x 10 [NAFDAC A4-2231]', 'Ciprofloxacin 500mg Tab x 10  '],
    ['E004/012 | Vaccine carrier, 1.7 litre | Maker', '  | Vaccine carrier, 1.7 litre | Maker'],
    ['PQDx 0101-045-00 | HIV self-test', '  | HIV self-test'],
    ['RT12-2026 item 3: Gauze roll 10 cm', '  Gauze roll 10 cm'],
    ['Catheter Foley 16Fr (CPV 33141200-2)', 'Catheter Foley 16Fr ( )'],
  ])('%s', (text, expected) => {
    expect(withoutRegistrationReferences(text)).toBe(expected);
  });

  test('a line without such a number is the same string', () => {
    const text = 'BD 305501 SYRINGE 1ML';
    expect(withoutRegistrationReferences(text)).toBe(text);
  });
});

describe('scored with the shipped item rules', () => {
  test.each([
    ['Syringe,A-D,0.05ml,w/ndl 26G 3/8"/BOX-100', 'Syringe,A-D,0.1ml,w/ndl 26G 3/8"/BOX-100'],
    ['Syringe,A-D,0.1ml,w/ndl 26G 3/8"/BOX-100', 'Syringe Auto Disable 0.1ml with Needle 26G x 3/8" - 50s'],
    ['Amoxicillin 250mg disp.tab/PAC-10', 'Amoxicillin 250mg Dispersible Tablets x 100'],
    ['Safety box for used syringes 5lt/BOX-25', 'Safety Box 10 Litres for used syringes - Pack of 25'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test('a WHO PQS code and a NAFDAC number are no catalogue numbers that conflict with a maker part number', () => {
    const explanation = scorePair({
      a: describedItem('a', 'E008/099 | Auto-disable syringe, 0.1 ml, 26G x 3/8" | Maker'),
      b: describedItem('b', 'Auto-disable syringe 0.1ml 26G x 3/8" x 100 pcs [NAFDAC A4-9999] - Maker'),
      rules,
    });
    expect(comparatorLevel(explanation, 'catalogInText')).toBe('missing');
  });

  test('agreement on three attributes (volume, gauge, needle length) weighs as a strength does', () => {
    const explanation = scorePair({
      a: describedItem('a', 'Syringe,A-D,0.1ml,w/ndl 26G 3/8"/BOX-100', 'BD'),
      b: describedItem('b', 'Syringe Auto Disable 0.1ml with Needle 26G x 3/8" - 100s', 'BD'),
      rules,
    });
    expect(comparatorLevel(explanation, 'attributes')).toBe('agreeStrength');
    expect(explanation.band).toBe('review');
  });
});

describe('through the public ingest API', () => {
  let server: TestServer;
  const SUPPLY_CATALOGUE = `{ "sourceId": CODE, "description": TEXT, "manufacturer": MAKER ? { "name": MAKER } }`;

  beforeAll(async () => {
    server = await startIngestServer();
    for (const source of ['supply-catalogue', 'national-store'])
      await publishMapping(server, { source, domain: 'item', expression: SUPPLY_CATALOGUE });
  });
  afterAll(async () => server?.stop());

  async function send(source: string, row: { CODE: string; TEXT: string; MAKER?: string }) {
    const response = await ingest(server, { source, domain: 'item', contentType: 'application/x-ndjson', body: toNdjson([row]) });
    expect(response.status, response.text).toBe(200);
    const result = at((response.body as IngestBody).records, 0, `${source} result`);
    expect(result.outcome, JSON.stringify(result)).toBe('accepted');
    return result;
  }

  async function proposedFor(sourceRecordId: string | undefined): Promise<string[]> {
    const response = await server.request<{
      items: Array<{ subject: { sourceRecordId?: string }; candidates?: Array<{ goldenId: string }> }>;
    }>('GET', '/api/v1/tasks?domain=item&type=potential-match&limit=200');
    expect(response.status, response.text).toBe(200);
    return response.body.items.find((item) => item.subject.sourceRecordId === sourceRecordId)?.candidates?.map((c) => c.goldenId) ?? [];
  }

  test('a UNICEF-style line and a national-store line of one syringe reach a steward; the other volume does not', async () => {
    const catalogue = await send('supply-catalogue', { CODE: 'S0000101', TEXT: 'Syringe,A-D,0.1ml,w/ndl 26G 3/8"/BOX-100', MAKER: 'BD' });
    const other = await send('supply-catalogue', { CODE: 'S0000102', TEXT: 'Syringe,A-D,0.05ml,w/ndl 26G 3/8"/BOX-100', MAKER: 'BD' });
    const store = await send('national-store', {
      CODE: 'NS-7781',
      TEXT: 'Syringe Auto Disable 0.1ml with Needle 26G x 3/8" - 100s',
      MAKER: 'BD',
    });
    expect(store.match).not.toBe('merged');
    const proposed = await proposedFor(store.sourceRecordId);
    expect(proposed).toContain(catalogue.goldenId);
    expect(proposed).not.toContain(other.goldenId);
  });
});
