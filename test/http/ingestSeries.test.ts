/**
 * GET /api/v1/stats/ingest: the dashboard's ingest time series, read from per-hour counters kept at
 * ingest. Figures agree with what the ingest calls answered; every bucket of the window is listed; bad
 * windows are 400s naming the field.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { IngestSeriesView } from '../../server/contracts/stats';
import type { TestServer } from '../support/testServer';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer, toCsv } from '../support/factories/ingest';

type ErrorBody = { error: { code: string; message: string; details?: Array<{ path?: string }> } };

function sum(counts: Record<string, number>, domain: string): number {
  return counts[domain] ?? 0;
}

describe('ingest time series', () => {
  let server: TestServer;
  let consumer: string;
  const before = new Date();
  beforeAll(async () => {
    server = await startIngestServer();
    await publishMapping(server, { source: 'series', domain: 'item', expression: ERP_ITEM_EXPRESSION });
    consumer = await server.createKey('consumer');
  });
  afterAll(async () => server.stop());

  test('counts accepted, unchanged and exception records of each ingest in the current hour', async () => {
    const rows = [erpItemRow(), erpItemRow(), erpItemRow()];
    const first = await ingest(server, {
      source: 'series',
      domain: 'item',
      body: toCsv([...rows, erpItemRow({ GTIN: '123' })]),
      contentType: 'text/csv',
    });
    expect(first.status, first.text).toBe(200);
    const second = await ingest(server, { source: 'series', domain: 'item', body: toCsv(rows), contentType: 'text/csv' });
    expect(second.status, second.text).toBe(200);
    const expected = {
      accepted: first.body.totals.accepted + second.body.totals.accepted,
      unchanged: first.body.totals.unchanged + second.body.totals.unchanged,
      exceptions: first.body.totals.exceptions + second.body.totals.exceptions,
    };
    expect(expected).toEqual({ accepted: 3, unchanged: 3, exceptions: 1 });

    const response = await server.request<IngestSeriesView>('GET', '/api/v1/stats/ingest?bucket=hour', { key: consumer });
    expect(response.status, response.text).toBe(200);
    const series = response.body;
    expect(series.bucket).toBe('hour');
    expect(series.buckets).toHaveLength(24);
    expect(series.domains).toEqual(expect.arrayContaining(['item', 'supplier']));
    // Buckets are consecutive hours, oldest first, and the last one holds now.
    for (const [index, bucket] of series.buckets.entries()) {
      expect(Date.parse(bucket.start)).toBe(Date.parse(series.from) + index * 3_600_000);
    }
    const current = series.buckets.at(-1);
    expect(Date.parse(current?.start ?? '')).toBeLessThanOrEqual(Date.now());
    const totals = { accepted: 0, unchanged: 0, exceptions: 0 };
    for (const bucket of series.buckets) {
      totals.accepted += sum(bucket.accepted, 'item');
      totals.unchanged += sum(bucket.unchanged, 'item');
      totals.exceptions += sum(bucket.exceptions, 'item');
      expect(sum(bucket.accepted, 'supplier')).toBe(0);
    }
    expect(totals).toEqual(expected);
  });

  test('day buckets over an explicit window add up the same records; a window before them is empty', async () => {
    const from = new Date(before.getTime() - 3 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const days = await server.request<IngestSeriesView>('GET', `/api/v1/stats/ingest?bucket=day&from=${from}&to=${to}`, { key: consumer });
    expect(days.status, days.text).toBe(200);
    expect(days.body.bucket).toBe('day');
    expect(days.body.buckets.length).toBeGreaterThanOrEqual(4);
    expect(days.body.buckets.reduce((total, bucket) => total + sum(bucket.accepted, 'item'), 0)).toBe(3);
    const earlier = await server.request<IngestSeriesView>(
      'GET',
      `/api/v1/stats/ingest?bucket=day&from=2020-01-01T00:00:00Z&to=2020-01-08T00:00:00Z`,
      { key: consumer },
    );
    expect(earlier.status, earlier.text).toBe(200);
    expect(earlier.body.buckets).toHaveLength(7);
    expect(earlier.body.buckets.every((bucket) => Object.keys(bucket.accepted).length === 0)).toBe(true);
  });

  test.each([
    ['bucket=minute', 'VALIDATION_FAILED', 'bucket'],
    ['from=yesterday', 'VALIDATION_FAILED', 'from'],
    ['from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z', 'INVALID_RANGE', 'query.from'],
    ['bucket=hour&from=2020-01-01T00:00:00Z&to=2025-01-01T00:00:00Z', 'RANGE_TOO_LARGE', 'query.from'],
    ['since=2025-01-01T00:00:00Z', 'VALIDATION_FAILED', 'since'],
  ])('?%s is a 400 %s naming %s', async (query, code, field) => {
    const response = await server.request<ErrorBody>('GET', `/api/v1/stats/ingest?${query}`, { key: consumer });
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(`${response.body.error.message} ${JSON.stringify(response.body.error.details ?? [])}`).toContain(field);
  });

  test('a source key may not read statistics', async () => {
    const source = await server.createKey('source:series');
    const response = await server.request<ErrorBody>('GET', '/api/v1/stats/ingest', { key: source });
    expect(response.status).toBe(403);
  });
});
