/**
 * Analysts onboard a source from the studio: they may upload a file as an ingest job (and follow
 * and cancel it) but may not ingest inline; stewards and consumers may do neither.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, publishMapping, startIngestServer, toCsv } from '../support/factories/ingest';

describe('upload jobs by role', () => {
  let server: TestServer;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    server = await startIngestServer();
    await publishMapping(server, { source: 'onboard', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    for (const role of ['analyst', 'steward', 'consumer']) keys[role] = await server.createKey(role);
  });
  afterAll(async () => server.stop());

  test('an analyst uploads a CSV, reads the job and sees its totals', async () => {
    const created = await server.request<{ jobId: string; location: string }>('POST', '/api/v1/ingest/onboard/item/jobs', {
      key: keys.analyst,
      raw: toCsv([erpItemRow(), erpItemRow()]),
      contentType: 'text/csv',
    });
    expect(created.status).toBe(202);
    const job = await server.request<{ id: string; createdBy?: string }>('GET', created.body.location, { key: keys.analyst });
    expect(job.status).toBe(200);
    expect(job.body.id).toBe(created.body.jobId);
  });

  test.each([
    ['steward', 403],
    ['consumer', 403],
  ])('a %s may not upload (%i)', async (role, status) => {
    const response = await server.request<{ error: { code: string; message: string } }>('POST', '/api/v1/ingest/onboard/item/jobs', {
      key: keys[role],
      raw: toCsv([erpItemRow()]),
      contentType: 'text/csv',
    });
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect(response.body.error.message).toContain('ingest.upload');
  });

  test('an analyst may not ingest inline', async () => {
    const response = await server.request<{ error: { code: string } }>('POST', '/api/v1/ingest/onboard/item', {
      key: keys.analyst,
      body: [erpItemRow()],
    });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
  });

  test('/me tells the studio an analyst may upload but not ingest inline', async () => {
    const me = await server.request<{ abilities: Record<string, boolean> }>('GET', '/api/v1/me', { key: keys.analyst });
    expect(me.body.abilities['ingest.upload']).toBe(true);
    expect(me.body.abilities['ingest.write']).toBe(false);
  });
});
