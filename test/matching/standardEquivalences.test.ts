/**
 * Equivalence tables from published standards, as attribute data in matching-rules/item.json
 * (item-3.8.0), through the public API: needle and IV-catheter outer diameters in mm ↔ gauge
 * (ISO 9626 needles, ISO 10555-5 catheters), EP metric ↔ USP suture sizes, Charrière (Ch) = French,
 * tracheal tube size = internal diameter in mm written with or without its unit. Each case: the
 * duplicate written in the other convention agrees on the attribute and reaches a steward; the sibling
 * one size away conflicts and is neither merged nor proposed. Records go through an identity mapping.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalItemLines, type IngestedRecord } from '../support/factories/itemLines';

const SOURCES = ['item-master', 'eu-catalogue', 'preference-card'] as const;
type Source = (typeof SOURCES)[number];

const lines = canonicalItemLines(SOURCES, 'EQ');
beforeAll(() => lines.start());
afterAll(() => lines.stop());

const send = (source: Source, record: Record<string, unknown>): Promise<IngestedRecord> => lines.send(source, record);
const isProposed = (a: IngestedRecord, b: IngestedRecord): Promise<boolean> => lines.isProposed(a, b);

/** The `attributes` comparator's outcome and details for two descriptions (nothing written). */
async function attributesOf(a: string, b: string): Promise<{ outcome: string; details: Array<{ attribute: string; agrees: boolean }> }> {
  const response = await lines.server().request<{
    explanation: { comparators: Array<{ name: string; outcome: string; details?: Array<{ attribute: string; agrees: boolean }> }> };
  }>('POST', '/api/v1/matching/verify', {
    body: { domain: 'item', a: { sourceId: 'a', description: a }, b: { sourceId: 'b', description: b } },
  });
  expect(response.status, response.text).toBe(200);
  const comparator = response.body.explanation.comparators.find((c) => c.name === 'attributes');
  return { outcome: comparator?.outcome ?? 'none', details: comparator?.details ?? [] };
}

const TABLE: Array<{ title: string; attribute: string; a: string; same: string; other: string }> = [
  {
    title: 'needle outer diameter (ISO 9626): 0,7 mm = 22G, 0,8 mm = 21G',
    attribute: 'gauge',
    a: 'NEEDLE HYPODERMIC 22G X 1-1/2IN',
    same: 'Hypodermic needle 0,7 x 40 mm',
    other: 'Hypodermic needle 0,8 x 40 mm',
  },
  {
    title: 'IV catheter outer diameter (ISO 10555-5): 1,1 mm = 20G, 0,9 mm = 22G',
    attribute: 'gauge',
    a: 'CATHETER IV SAFETY 20G X 1IN',
    same: 'IV cannula safety 1,1 x 25 mm',
    other: 'IV cannula safety 0,9 x 25 mm',
  },
  {
    title: 'EP metric suture size: EP 1,5 = USP 4-0, EP 2 = 3-0',
    attribute: 'sutureSize',
    a: 'SUTURE POLYPROPYLENE 4-0 RB-1 36IN',
    same: 'Polypropylene suture EP 1,5 RB-1 90 cm',
    other: 'Polypropylene suture EP 2 RB-1 90 cm',
  },
  {
    title: 'Charrière is the French scale: 16Ch = 16FR, 18Ch is another size',
    attribute: 'french',
    a: 'CATHETER FOLEY 2-WAY SILICONE 16FR 10ML',
    same: 'Catheter Foley 2-way silicone 16Ch 10ml',
    other: 'Catheter Foley 2-way silicone 18Ch 10ml',
  },
  {
    title: 'tracheal tube size is the internal diameter: 7.5MM = a bare 7.5, 8.0 is another tube',
    attribute: 'tubeInnerDiameter',
    a: 'TUBE ENDOTRACHEAL CUFFED MURPHY 7.5MM',
    same: 'ETT 7.5 CUFFED MURPHY',
    other: 'ETT 8.0 CUFFED MURPHY',
  },
];

describe('equivalence tables from published standards', () => {
  test.each(TABLE)('$title: the attribute agrees / conflicts', async ({ attribute, a, same, other }) => {
    const agreeing = await attributesOf(a, same);
    expect(agreeing.outcome).toBe('match');
    expect(agreeing.details.find((d) => d.attribute === attribute)?.agrees).toBe(true);
    const conflicting = await attributesOf(a, other);
    expect(conflicting.outcome).toBe('mismatch');
    expect(conflicting.details.find((d) => d.attribute === attribute)?.agrees).toBe(false);
  });

  test.each(TABLE)('$title: the duplicate reaches a steward through ingest, the sibling does not', async ({ a, same, other }) => {
    const first = await send('item-master', { description: a, manufacturer: { name: 'ACME CLINICAL' } });
    const duplicate = await send('eu-catalogue', { description: same, manufacturer: { name: 'Acme Clinical' } });
    expect(duplicate.goldenId, 'text only: never an auto-merge').not.toBe(first.goldenId);
    expect(await isProposed(first, duplicate), 'the duplicate is put before a steward').toBe(true);
    const sibling = await send('eu-catalogue', { description: other, manufacturer: { name: 'Acme Clinical' } });
    expect(sibling.goldenId).not.toBe(first.goldenId);
    expect(await isProposed(first, sibling), 'the sibling is not proposed').toBe(false);
  });
});
