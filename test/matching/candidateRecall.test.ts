/**
 * Candidate recall through the public ingest API (recall16): pairs the shipped rules score at review or above when
 * compared directly (POST /matching/verify) must reach a steward when the records arrive one after the other —
 *   - a long catalogue title that arrives second, whose rarest words belong to other records (`lookupBudget`: the
 *     lookup reads a few more, commoner blocks while they are small);
 *   - two sites at one street address whose names share no word (`postalStreet`: postal code + house number).
 *   - a supplier known by the initials of its legal name (`KZM S.A.` / `Kieleckie Zaklady Medyczne Spolka Akcyjna`):
 *     the two names share no word, so only an `initials` key (recall17, supplier-3.26.0) files them together.
 * Each pair was lost before: the later record never met the earlier one in a block.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest, publishMapping, startIngestServer, toNdjson, type IngestBody } from '../support/factories/ingest';
import { verifyPair } from '../support/factories/matching';
import { openTaskFor } from '../support/factories/stewardship';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer();
  for (const [source, domain] of [
    ['catalogue', 'item'],
    ['tender', 'item'],
    ['registry', 'facility'],
    ['erp-location', 'facility'],
    ['registry', 'supplier'],
    ['ap-vendor', 'supplier'],
  ] as const)
    await publishMapping(server, { source, domain, expression: '$' });
});
afterAll(async () => server?.stop());

/** Ingests canonical records of one source in order; returns each record's answer by sourceId. */
async function send(
  source: string,
  domain: string,
  records: Array<Record<string, unknown>>,
): Promise<Map<string, IngestBody['records'][number]>> {
  const response = await ingest(server, { source, domain, contentType: 'application/x-ndjson', body: toNdjson(records) });
  expect(response.status, response.text).toBe(200);
  const answers = new Map<string, IngestBody['records'][number]>();
  for (const answer of (response.body as IngestBody).records) {
    expect(answer.outcome, JSON.stringify(answer)).toBe('accepted');
    answers.set(String(answer.sourceId), answer);
  }
  return answers;
}

/** True when the later record reached the earlier one: one golden record, or a candidate of the later record's open task. */
async function isReached(earlier: IngestBody['records'][number], later: IngestBody['records'][number]): Promise<boolean> {
  if (earlier.goldenId === later.goldenId) return true;
  const task = await openTaskFor(server, String(later.sourceRecordId));
  return (task?.candidates ?? []).some((candidate) => candidate.goldenId === earlier.goldenId);
}

const PARTNER = { sourceId: 'CAT-100', description: 'Syringe auto-disable SoloShot IX 0.5ml 23G x 1in, box of 100' };
const TENDER_LINE = {
  sourceId: 'TND-7',
  description:
    'Auto-disable syringe SoloShot IX for fixed-dose immunization, 0.5 ml, 23G x 1in, carton of 100 (Becton Dickinson, Franklin Lakes)',
};

describe('a long title that arrives second still meets its partner', () => {
  test('its rarest words belong to other records; the words it shares with its partner are commoner', async () => {
    const direct = await verifyPair({ server, domain: 'item', a: TENDER_LINE, b: PARTNER });
    expect(['review', 'auto-merge']).toContain(direct.band);
    const earlier = await send('catalogue', 'item', [
      PARTNER,
      // The partner's words (auto-disable, SoloShot, syringe) are in a few other lines too…
      { sourceId: 'CAT-101', description: 'Syringe auto-disable 0.05ml 27G x 3/8in BCG, box of 100' },
      { sourceId: 'CAT-102', description: 'SoloShot IX auto-disable syringe 1ml 22G x 1.5in, box of 100' },
      { sourceId: 'CAT-103', description: 'Syringe reuse-prevention auto-disable 2ml 23G, box of 100' },
      // …while each of the tender line's other words is on one unrelated line.
      { sourceId: 'CAT-201', description: 'Vaccine carrier immunization cold box' },
      { sourceId: 'CAT-202', description: 'Blood pressure cuff adult Becton style' },
      { sourceId: 'CAT-203', description: 'Dickinson clamp forceps' },
      { sourceId: 'CAT-204', description: 'Franklin weighing scale infant' },
      { sourceId: 'CAT-205', description: 'Lakes oxygen concentrator filter' },
      { sourceId: 'CAT-206', description: 'Fixed-dose combination tablets blister' },
      { sourceId: 'CAT-207', description: 'Carton sealing tape' },
      { sourceId: 'CAT-208', description: 'Tender document folder' },
    ]);
    const later = await send('tender', 'item', [TENDER_LINE]);
    expect(await isReached(at([...earlier.values()], 0), at([...later.values()], 0))).toBe(true);
  });
});

describe('two sites at one street address', () => {
  const HOSPITAL = {
    sourceId: 'REG-1',
    name: 'Riverside General Hospital',
    address: { line1: '1200 Harbor Boulevard', city: 'Springfield', state: 'IL', postalCode: '62701-1204', country: 'US' },
  };
  const SHIP_TO = {
    sourceId: 'LOC-44',
    name: 'MAIN CAMPUS RECEIVING',
    address: { line1: '1200 HARBOR BLVD', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701', country: 'US' },
  };

  test('a ship-to location named for its dock meets the hospital at its address', async () => {
    const direct = await verifyPair({ server, domain: 'facility', a: SHIP_TO, b: HOSPITAL });
    expect(['review', 'auto-merge']).toContain(direct.band);
    const earlier = await send('registry', 'facility', [HOSPITAL]);
    const later = await send('erp-location', 'facility', [SHIP_TO]);
    expect(await isReached(at([...earlier.values()], 0), at([...later.values()], 0))).toBe(true);
  });

  test('a site at another house number of the street is not put before a steward with the hospital', async () => {
    const neighbour = {
      sourceId: 'LOC-45',
      name: 'HARBOR DENTAL SUPPLY DOCK',
      address: { line1: '1250 HARBOR BLVD', city: 'SPRINGFIELD', state: 'IL', postalCode: '62701', country: 'US' },
    };
    const hospital = await send('registry', 'facility', [{ ...HOSPITAL, sourceId: 'REG-2' }]);
    const later = await send('erp-location', 'facility', [neighbour]);
    expect(await isReached(at([...hospital.values()], 0), at([...later.values()], 0))).toBe(false);
  });
});

describe('a supplier known by the initials of its legal name', () => {
  const REGISTERED = { sourceId: 'KRS-1', name: 'KIELECKIE ZAKLADY MEDYCZNE SPOLKA AKCYJNA', addresses: [{ country: 'PL' }] };
  const VENDOR = { sourceId: 'V-90', name: 'KZM S.A.', addresses: [{ country: 'PL' }] };

  test('the vendor master line written as the initials meets the registered name', async () => {
    const direct = await verifyPair({ server, domain: 'supplier', a: VENDOR, b: REGISTERED });
    expect(['review', 'auto-merge']).toContain(direct.band);
    const earlier = await send('registry', 'supplier', [REGISTERED]);
    const later = await send('ap-vendor', 'supplier', [VENDOR]);
    expect(await isReached(at([...earlier.values()], 0), at([...later.values()], 0))).toBe(true);
  });
});
