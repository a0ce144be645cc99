/**
 * File drops through the public API: one file per batch (NDJSON or CSV) in an allow-listed directory,
 * written atomically, sequenced in the name, and the same file again on retry.
 */
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DeliveryView } from '../../server/contracts/subscriptions';
import { writeBatchFile } from '../../server/sync/fileTransport';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { at } from '../support/must';
import { startTestServer, type TestServer } from '../support/testServer';
import { waitFor } from '../support/webhookReceiver';

let server: TestServer;
let root: string;
let outside: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mdm-drops-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'mdm-outside-'));
  server = await startTestServer({ env: { MDM_SYNC_FILE_DIRS: root, MDM_SYNC_RETRY_SCHEDULE_MS: '50,50,50', MDM_SYNC_INTERVAL_MS: '20' } });
});
afterAll(async () => {
  await server?.stop();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function subscribe(body: Record<string, unknown>): Promise<{ id: string }> {
  const response = await server.request<{ id: string }>('POST', '/api/v1/subscriptions', {
    body: { name: 'files', domains: ['item'], ...body },
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

async function deliveries(subscriptionId: string): Promise<DeliveryView[]> {
  return (await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${subscriptionId}/deliveries?limit=500`)).body
    .items;
}

async function delivery(subscriptionId: string, id: string): Promise<DeliveryView> {
  return (await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${subscriptionId}/deliveries/${id}`)).body;
}

describe('validation', () => {
  test.each([
    [
      'a directory outside the allow-list',
      { type: 'file', directory: '/etc/mdm' },
      'body.transport.directory',
      'FILE_DIRECTORY_NOT_ALLOWED',
    ],
    [
      'a path climbing out of an allowed directory',
      { type: 'file', directory: '/ROOT/../elsewhere' },
      'body.transport.directory',
      'FILE_DIRECTORY_NOT_ALLOWED',
    ],
    ['a relative directory', { type: 'file', directory: 'drops' }, 'body.transport', undefined],
    ['an unknown format', { type: 'file', directory: '/ROOT/x', format: 'xlsx' }, 'body.transport', undefined],
    [
      'csv without a csv outbound mapping',
      { type: 'file', directory: '/ROOT/x', format: 'csv' },
      'body.transport.format',
      'CSV_NEEDS_CSV_MAPPING',
    ],
  ])('%s → 400 naming the field', async (_what, transport, field, code) => {
    const withRoot = { ...transport, directory: transport.directory.replace('/ROOT', root) };
    const response = await server.request<{ error: { code: string; message: string; details: Array<{ path: string; code: string }> } }>(
      'POST',
      '/api/v1/subscriptions',
      {
        body: { name: 'bad', domains: ['item'], transport: withRoot },
      },
    );
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.details.some((d) => d.path.startsWith(field))).toBe(true);
    if (code) expect(response.body.error.details.map((d) => d.code)).toContain(code);
  });
});

describe('NDJSON batches', () => {
  test('every change lands once, in sequenced files written atomically; per record in version order', async () => {
    const directory = path.join(root, 'ndjson');
    const sub = await subscribe({ transport: { type: 'file', directory, maxBatch: 3 }, payload: 'thin' });
    const records = Array.from({ length: 4 }, () => itemRecord());
    for (const canonical of records) await applyCanonical(server, { domain: 'item', source: 'lawson', canonical });
    // A second version of the first record: it must come after its first, in a later batch.
    const firstRecord = at(records, 0, 'record');
    await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...firstRecord, description: `${String(firstRecord.description)} V2` },
    });
    const lines = await waitFor('five messages in files', async () => {
      // Loaders skip hidden files: a batch is being written under a hidden temporary name.
      const names = (await readdir(directory).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
      const all = (await Promise.all(names.map((n) => readFile(path.join(directory, n), 'utf8')))).join('');
      const parsed = all
        .split('\n')
        .filter(Boolean)
        .map(
          (l) =>
            JSON.parse(l) as {
              id: string;
              goldenId: string;
              version: number;
              event: string;
              message: { type: string; data: { goldenId: string } };
            },
        );
      return parsed.length >= 5 && { names, parsed };
    });
    expect(lines.parsed).toHaveLength(5);
    expect(new Set(lines.parsed.map((l) => l.id)).size).toBe(5);
    const first = lines.parsed.filter((l) => l.goldenId === lines.parsed.find((p) => p.version === 2)?.goldenId);
    expect(first.map((l) => l.version)).toEqual([1, 2]);
    const firstLine = at(lines.parsed, 0, 'NDJSON line');
    expect(firstLine.message).toMatchObject({ type: 'golden.created', data: { goldenId: firstLine.goldenId } });
    // The delivery records name their file.
    const stored = await waitFor('all delivered', async () => {
      const items = await deliveries(sub.id);
      return items.length === 5 && items.every((d) => d.status === 'delivered') && items;
    });
    // No temporary file is left; names carry batch number, cursors and count; no batch exceeds maxBatch.
    const finalNames = await readdir(directory);
    expect(finalNames.sort()).toEqual(lines.names);
    expect(finalNames.every((n) => /^mdm-item-b\d{8}-c\d+-c\d+-n[1-3]\.ndjson$/.test(n))).toBe(true);
    const detail = await delivery(sub.id, at(stored, 0, 'stored delivery').id);
    expect(detail.attemptLog?.[0]?.request).toMatchObject({ method: 'WRITE' });
    expect(lines.names.map((n) => `file://${path.join(directory, n)}`)).toContain(detail.attemptLog?.[0]?.request.url);
  });

  test('a failed write is retried into the same file name (idempotent), with the failure in the attempt log', async () => {
    const directory = path.join(root, 'blocked');
    // A plain file where the directory should be: the first writes fail until it is removed.
    await writeFile(directory, 'not a directory');
    const sub = await subscribe({ transport: { type: 'file', directory } });
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
    const failed = await waitFor('a failed attempt', async () => {
      const [one] = await deliveries(sub.id);
      return one && one.attempts >= 1 && one;
    });
    const before = await delivery(sub.id, failed.id);
    expect(before.attemptLog?.[0]).toMatchObject({ outcome: 'failed', error: expect.stringContaining('could not write the batch file') });
    await rm(directory);
    const done = await waitFor('delivered after the retry', async () => {
      const one = await delivery(sub.id, failed.id);
      return one.status === 'delivered' && one;
    });
    const urls = new Set(done.attemptLog?.map((a) => a.request.url));
    expect(urls.size).toBe(1);
    expect(await readdir(directory)).toEqual([path.basename(at([...urls], 0, 'attempt URL').replace('file://', ''))]);
  });

  test('a symbolic link leading out of the allowed directory is refused at write time', async () => {
    const link = path.join(root, 'escape');
    await symlink(outside, link);
    const sub = await subscribe({ transport: { type: 'file', directory: link } });
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
    const failed = await waitFor('a refused attempt', async () => {
      const [one] = await deliveries(sub.id);
      return one && one.attempts >= 1 && one;
    });
    expect((await delivery(sub.id, failed.id)).attemptLog?.[0]?.error).toContain('leads outside');
    expect(await readdir(outside)).toEqual([]);
    await server.request('POST', `/api/v1/subscriptions/${sub.id}/pause`, { body: {} });
  });

  test('writing the same batch twice leaves one file with the same content and no temporary files', async () => {
    const directory = path.join(root, 'twice');
    await writeBatchFile({ directory, allowed: [root], name: 'a.ndjson', content: '{"id":1}\n' });
    await writeBatchFile({ directory, allowed: [root], name: 'a.ndjson', content: '{"id":1}\n' });
    expect(await readdir(directory)).toEqual(['a.ndjson']);
    expect(await readFile(path.join(directory, 'a.ndjson'), 'utf8')).toBe('{"id":1}\n');
  });
});

describe('CSV batches', () => {
  test('the rows of a csv outbound mapping, one header per file', async () => {
    const directory = path.join(root, 'oracle');
    const sub = await subscribe({
      domains: ['supplier'],
      includeSensitive: true,
      outboundMapping: { target: 'oracle', contentType: 'csv' },
      transport: { type: 'file', directory, format: 'csv', filePrefix: 'POZ_SUPPLIERS_INT' },
    });
    await applyCanonical(server, {
      domain: 'supplier',
      source: 'workday',
      canonical: { sourceId: 'SUP-7001', name: 'MEDLINE INDUSTRIES, LP', taxId: '36-2596623' },
    });
    await applyCanonical(server, {
      domain: 'supplier',
      source: 'workday',
      canonical: { sourceId: 'SUP-7002', name: 'OWENS "AND" MINOR', taxId: '54-1701843' },
    });
    const rows = await waitFor('two rows', async () => {
      const names = (await readdir(directory).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
      const texts = await Promise.all(names.map((n) => readFile(path.join(directory, n), 'utf8')));
      const parsed = texts.flatMap((t) => parse(t, { columns: true }) as Array<Record<string, string>>);
      return parsed.length >= 2 && { names, parsed };
    });
    expect(rows.names.every((n) => n.startsWith('POZ_SUPPLIERS_INT-b') && n.endsWith('.csv'))).toBe(true);
    expect(rows.parsed.map((r) => r.VENDOR_NAME).sort()).toEqual(['MEDLINE INDUSTRIES, LP', 'OWENS "AND" MINOR']);
    // The outcome is stored just after the file is written (batched with others): wait for it.
    await waitFor('both stored as delivered', async () => (await deliveries(sub.id)).every((d) => d.status === 'delivered'));
  });
});
