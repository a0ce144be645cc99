/**
 * Transitive review evidence (item rules' `transitiveReview`, item-3.8.0) through POST /ingest: two
 * records that each reach review against one shared golden record, and not against each other, are put
 * before a steward together — added to the newer record's potential-match task, never merged, the
 * earlier tasks left as they were — unless their attributes conflict (another French size).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ingestAccepted, publishMapping, startIngestServer } from '../support/factories/ingest';
import { reviewCandidates, type IngestedRecord } from '../support/factories/itemLines';
import type { TestServer } from '../support/testServer';

let server: TestServer;
let counter = 0;

beforeEach(async () => {
  server = await startIngestServer();
  for (const source of ['item-master', 'charge-file', 'eu-catalogue'])
    await publishMapping(server, { source, domain: 'item', expression: '$' });
});
afterEach(async () => server?.stop());

async function send(source: string, record: Record<string, unknown>): Promise<IngestedRecord> {
  counter += 1;
  return ingestAccepted(server, { source, domain: 'item', row: { sourceId: `TR-${counter}`, ...record } });
}

type Candidate = Awaited<ReturnType<typeof reviewCandidates>>[number] & { via?: string[]; band?: string };

describe('records that each reach review against one golden record', () => {
  test('proposed to each other through the shared golden record unless their attributes conflict', async () => {
    const shared = await send('item-master', { description: 'UROFLO FOLEY CATHETER SILICONE 2-WAY LATEX FREE' });
    const chargeLine = await send('charge-file', { description: 'HC UROFLO FOLEY' });
    const catalogue = await send('eu-catalogue', {
      description: 'Silicone catheter, 2-way, latex free, 16 Fr',
      manufacturer: { name: 'Acme Urology' },
    });
    expect(new Set([shared.goldenId, chargeLine.goldenId, catalogue.goldenId]).size, 'never merged').toBe(3);
    const chargeCandidates = (await reviewCandidates(server, chargeLine.sourceRecordId)) as Candidate[];
    expect(
      chargeCandidates.map((c) => c.goldenId),
      'the charge line reached review against the shared record',
    ).toContain(shared.goldenId);
    const catalogueCandidates = (await reviewCandidates(server, catalogue.sourceRecordId)) as Candidate[];
    const direct = catalogueCandidates.filter((c) => !c.via).map((c) => c.goldenId);
    expect(direct, 'the catalogue line reached review against the shared record').toContain(shared.goldenId);
    expect(direct, 'but not against the charge line itself').not.toContain(chargeLine.goldenId);
    const through = catalogueCandidates.find((c) => c.goldenId === chargeLine.goldenId);
    expect(through?.via, 'proposed through the shared golden record').toEqual([shared.goldenId]);
    expect(through?.band).toBe('review');
    // The charge line's own task is left as it was.
    expect((await reviewCandidates(server, chargeLine.sourceRecordId)).map((c) => c.goldenId)).toEqual(
      chargeCandidates.map((c) => c.goldenId),
    );

    // Another French size reaches the shared record too, but conflicts with the 16 Fr line: never proposed to it.
    const otherSize = await send('eu-catalogue', {
      description: 'Silicone catheter, 2-way, latex free, 18 Fr',
      manufacturer: { name: 'Acme Urology' },
    });
    const otherCandidates = (await reviewCandidates(server, otherSize.sourceRecordId)) as Candidate[];
    expect(
      otherCandidates.map((c) => c.goldenId),
      'the 18 Fr line reached review against the shared record',
    ).toContain(shared.goldenId);
    expect(
      otherCandidates.map((c) => c.goldenId),
      'the 16 Fr line is not proposed',
    ).not.toContain(catalogue.goldenId);
    expect(otherSize.goldenId).not.toBe(catalogue.goldenId);
  });
});
