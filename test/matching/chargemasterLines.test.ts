/**
 * Chargemaster lines and manufacturer families through the public ingest API (shipped item rules):
 * a charge-description-master line (`HC SYRINGE 3ML LL`: a prefix, shorthand, a glued unit, no
 * manufacturer) reaches a steward against the item master's description; the same product under a
 * related manufacturer (Kendall/Covidien vs Cardinal Health, Halyard vs Owens & Minor) reaches a
 * steward and is never auto-merged on text; a sibling in another size is still not proposed.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { itemLineSender, reviewCandidates, startItemLinesServer } from '../support/factories/itemLines';
import type { TestServer } from '../support/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startItemLinesServer(['lawson', 'epic-supply']);
});
afterAll(async () => server?.stop());

const send = itemLineSender(() => server, 27310000);

describe('chargemaster lines reach a steward', () => {
  test.each([
    { title: 'HC SYRINGE 3ML LL', master: { DESCRIPTION: 'SYRINGE 3ML LUER LOCK', MANUF_NAME: 'BD' }, cdm: 'HC SYRINGE 3ML LL' },
    { title: 'HC D5W 250ML IV', master: { DESCRIPTION: 'DEXTROSE 5% WATER 250ML', MANUF_NAME: 'BAXTER' }, cdm: 'HC D5W 250ML IV' },
    {
      title: 'HCHG GAUZE STERILE 4X4',
      master: { DESCRIPTION: 'SPONGE GAUZE 4X4IN 12PLY STRL 2/PK', MANUF_NAME: 'COVIDIEN' },
      cdm: 'HCHG GAUZE STERILE 4X4',
    },
  ])('$title', async ({ master, cdm }) => {
    const a = await send('lawson', master);
    const b = await send('cdm', { CDM_DESCRIPTION: cdm });
    // Text only: never an auto-merge, but a steward is asked.
    expect(b.goldenId).not.toBe(a.goldenId);
    const candidates = await reviewCandidates(server, b.sourceRecordId);
    expect(candidates.map((c) => c.goldenId)).toContain(a.goldenId);
  });

  test('the chargemaster line of another size is not proposed', async () => {
    const a = await send('lawson', { DESCRIPTION: 'SYRINGE 20ML LUER LOCK', MANUF_NAME: 'BD' });
    const b = await send('cdm', { CDM_DESCRIPTION: 'HC SYRINGE 30ML LL' });
    expect(b.goldenId).not.toBe(a.goldenId);
    expect((await reviewCandidates(server, b.sourceRecordId)).map((c) => c.goldenId)).not.toContain(a.goldenId);
  });
});

describe('manufacturer families: related, a steward decides', () => {
  test.each([
    {
      title: 'Kendall vs Cardinal Health (Curity line moved in 2017)',
      a: { DESCRIPTION: 'STOCKING T.E.D. KNEE MED REG WHITE', MANUF_NAME: 'KENDALL' },
      b: { DESCRIPTION: 'Stocking, Anti-Embolism, T.E.D., Knee Length, Medium, Regular', MANUF_NAME: 'Cardinal Health' },
    },
    {
      title: 'Halyard vs O&M Halyard',
      a: { DESCRIPTION: 'GOWN SURG AERO BLUE LG STRL', MANUF_NAME: 'HALYARD' },
      b: { DESCRIPTION: 'Gown, Surgical, AERO BLUE, Large, Sterile', MANUF_NAME: 'O&M HALYARD INC' },
    },
  ])('$title', async ({ a: first, b: second }) => {
    const a = await send('lawson', first);
    const b = await send('epic-supply', second);
    expect(b.goldenId).not.toBe(a.goldenId);
    const candidate = (await reviewCandidates(server, b.sourceRecordId)).find((c) => c.goldenId === a.goldenId);
    expect(candidate, 'a steward is asked').toBeDefined();
    const manufacturer = candidate?.explanation.comparators.find((c) => c.name === 'manufacturer');
    expect(manufacturer?.outcome).toBe('related');
    expect(manufacturer?.level).toBe('sameGroup');
  });

  test('verify: a related manufacturer with the same part number may merge; without one it is capped at review', async () => {
    const verify = async (a: Record<string, unknown>, b: Record<string, unknown>) => {
      const response = await server.request<{ explanation: { band: string; hardRule: { name: string } | null } }>(
        'POST',
        '/api/v1/matching/verify',
        { body: { domain: 'item', a: { sourceId: 'a', ...a }, b: { sourceId: 'b', ...b } } },
      );
      expect(response.status, response.text).toBe(200);
      return response.body.explanation;
    };
    const textOnly = await verify(
      { description: 'ECG ELECTRODE FOAM ADULT 30/PK', manufacturer: { name: 'KENDALL' } },
      { description: 'ELECTRODE ECG FOAM ADULT PK/30', manufacturer: { name: 'CARDINAL HEALTH' } },
    );
    expect(textOnly.band).not.toBe('auto-merge');
  });
});

// item-3.10.0: a description is looked up by its 5 rarest tokens, not 3. A long catalogue title arriving after a
// short charge line has more rare words (brand spelled out, colour, material) than the 3 the lookup used to take,
// none of them in the charge line: the two never met in a block, however well they scored.
describe('a long catalogue title meets the short charge line indexed before it', () => {
  test('four words of the title are rarer in the hub than the words it shares with the charge line', async () => {
    // Block sizes before the title arrives: ETHILON, NYLON, BLACK, MONOFILAMENT 1 each, FS2 2, SUTURE 3.
    await send('lawson', { DESCRIPTION: 'SUTURE ETHILON NYLON BLACK MONOFILAMENT 2-0 FS1 30IN', MANUF_NAME: 'ETHICON' });
    await send('lawson', { DESCRIPTION: 'SUTURE VICRYL 4-0 FS2 27IN', MANUF_NAME: 'ETHICON' });
    const a = await send('cdm', { CDM_DESCRIPTION: 'SUT ETHLN 3-0 FS2 18IN' });
    const b = await send('epic-supply', { DESCRIPTION: 'Suture ETHILON nylon 3-0 FS-2 black monofilament', MANUF_NAME: 'ETHICON' });
    expect(b.goldenId).not.toBe(a.goldenId);
    expect((await reviewCandidates(server, b.sourceRecordId)).map((c) => c.goldenId)).toContain(a.goldenId);
  });
});
