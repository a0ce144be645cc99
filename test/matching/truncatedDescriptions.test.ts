/**
 * Item recall mechanisms of item-3.5.0 through the public ingest API (shipped item rules):
 * - a short, truncated description (a chargemaster line, no manufacturer, no code) whose words are
 *   all inside a long catalogue title reaches a steward (`descriptionContained`: idf containment of
 *   the lighter side), while the sibling of another suture size is not proposed;
 * - the description normaliser keeps a letter–digit hyphen inside its code (`BV-1` = `BV1`,
 *   `R-1547` = `R1547`), while number ranges keep theirs (`3-0`).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { attributeValuesAgree } from '../../server/matching/attributes';
import { itemLineSender, reviewCandidates, startItemLinesServer } from '../support/factories/itemLines';
import type { TestServer } from '../support/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startItemLinesServer(['epic-supply']);
});
afterAll(async () => server?.stop());

const send = itemLineSender(() => server, 27320000);

describe('a truncated description inside a long title reaches a steward', () => {
  test('HC SUTURE PROLENE 6-0 BV1 vs the catalogue title of the 6-0, not of the 7-0', async () => {
    const six = await send('epic-supply', {
      DESCRIPTION: 'Suture, Prolene Nonabsorbable Blue Monofilament 6-0 BV-1 Double Armed 24 in',
      MANUF_NAME: 'Ethicon',
    });
    const seven = await send('epic-supply', {
      DESCRIPTION: 'Suture, Prolene Nonabsorbable Blue Monofilament 7-0 BV-1 Double Armed 24 in',
      MANUF_NAME: 'Ethicon',
    });
    await send('epic-supply', { DESCRIPTION: 'Suture, Vicryl Coated Violet Braided 2-0 CT-1 27 in', MANUF_NAME: 'Ethicon' });
    await send('epic-supply', { DESCRIPTION: 'Catheter, Foley, Bardex, 2-Way, 16 Fr, 5 mL Balloon', MANUF_NAME: 'Bard' });
    const line = await send('cdm', { CDM_DESCRIPTION: 'HC SUTURE PROLENE 6-0 BV1' });
    const candidates = await reviewCandidates(server, line.sourceRecordId);
    expect(candidates.map((c) => c.goldenId)).toContain(six.goldenId);
    expect(candidates.map((c) => c.goldenId)).not.toContain(seven.goldenId);
    const levels = candidates
      .find((c) => c.goldenId === six.goldenId)
      ?.explanation.comparators.find((c) => c.name === 'descriptionContained');
    expect(levels?.level).toMatch(/^contained>=/);
  });
});

describe('a hyphen between a letter and a digit belongs to the code', () => {
  test.each([
    { a: 'SUTURE PROLENE 6-0 BV-1 DA 24IN', b: 'HC SUTURE PROLENE 6-0 BV1', shared: 'BV1' },
    { a: 'STERI-STRIP REINFORCED 1/2 IN X 4 IN (R-1547)', b: 'STERI-STRIP REINFORCED 1/2 IN X 4 IN R1547', shared: 'R1547' },
    { a: 'Brother TN-760 High-Yield Toner, Black', b: 'Brother TN760 High Yield Black Toner', shared: 'TN760' },
  ])('$a / $b share $shared', async ({ a, b, shared }) => {
    const rules = await loadRules('item');
    const explanation = scorePair({ a: { sourceId: 'a', description: a }, b: { sourceId: 'b', description: b }, rules });
    const description = explanation.comparators.find((c) => c.name === 'description');
    expect(String(description?.a).split(' ')).toContain(shared);
    expect(String(description?.b).split(' ')).toContain(shared);
  });

  test('number ranges keep their hyphen: 3-0 is not 30', async () => {
    const rules = await loadRules('item');
    const explanation = scorePair({
      a: { sourceId: 'a', description: 'SUTURE VICRYL 3-0 SH' },
      b: { sourceId: 'b', description: 'SUTURE VICRYL 30 SH' },
      rules,
    });
    expect(String(explanation.comparators.find((c) => c.name === 'description')?.a).split(' ')).not.toContain('30');
  });
});

describe('metric and imperial sizes agree within the rounding of a conversion (relativeTolerance 0.05)', () => {
  test.each([
    { a: ['330.2x330.2 mm'], b: ['340x330 mm'], agree: true },
    { a: ['69.85x60.33 mm'], b: ['70x60 mm'], agree: true },
    { a: ['330.2x330.2 mm'], b: ['350x340 mm'], agree: false },
    { a: ['584.2x431.8 mm'], b: ['350x340 mm'], agree: false },
    { a: ['25.4 mm'], b: ['29.46 mm'], agree: false },
    { a: ['10 ml'], b: ['10 mg'], agree: false },
  ])('$a / $b → $agree', ({ a, b, agree }) => {
    expect(attributeValuesAgree(a, b, 0.05)).toBe(agree);
    expect(attributeValuesAgree(a, b)).toBe(false);
  });

  test('an 8 x 10 in pad and a 20 cm x 25 cm pad reach a steward through the ingest API; the 5 x 9 in pad does not', async () => {
    const eightByTen = await send('epic-supply', { DESCRIPTION: 'Pad, Abdominal, Sterile, 8 x 10 in', MANUF_NAME: 'Medline' });
    const fiveByNine = await send('epic-supply', { DESCRIPTION: 'Pad, Abdominal, Sterile, 5 x 9 in', MANUF_NAME: 'Medline' });
    const metric = await send('epic-supply', { DESCRIPTION: 'Pad, Abdominal, Sterile, 20 cm x 25 cm', MANUF_NAME: 'Medline' });
    const candidates = await reviewCandidates(server, metric.sourceRecordId);
    expect(candidates.map((c) => c.goldenId)).toContain(eightByTen.goldenId);
    expect(candidates.map((c) => c.goldenId)).not.toContain(fiveByNine.goldenId);
  });
});
