/**
 * Hostile-but-fair HTTP cases (issue 11, items 6 and 9) through the public API: security headers on
 * the studio and the docs page, source maps not published, undecodable paths, bytes that are not
 * UTF-8, duplicate CSV headers, the failed-authentication throttle, and a revoked MDM_ADMIN_KEY that
 * must stay revoked across a restart. Every case ends with /healthz answering and a normal ingest.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { erpItemRow, ingest, ingestAccepted, toCsv, toNdjson } from '../support/factories/ingest';
import { TEST_ADMIN_KEY, type TestServer } from '../support/testServer';
import { expectStillServing, rawRequest, startSecurityServer } from './securitySupport';
import { must } from '../support/must';

type ErrorBody = { error: { status: number; code: string; message: string; details?: unknown } };

describe('security headers and published files', () => {
  let server: TestServer;
  let studioDir: string;

  beforeAll(async () => {
    // A built studio in miniature: an index page, a bundle and the source map the build writes beside it.
    studioDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-studio-'));
    await mkdir(path.join(studioDir, 'assets'));
    await writeFile(
      path.join(studioDir, 'index.html'),
      '<!doctype html><title>studio</title><script type="module" src="/assets/app.js"></script>',
    );
    await writeFile(path.join(studioDir, 'assets/app.js'), 'console.log("studio");\n');
    await writeFile(path.join(studioDir, 'assets/app.js.map'), '{"version":3,"sources":["../src/secret.ts"],"mappings":""}');
    server = await startSecurityServer({ studioDir });
  });
  afterAll(async () => {
    await server.stop();
    await rm(studioDir, { recursive: true, force: true });
  });

  test.each([
    ['the studio page', '/', "script-src 'self'"],
    ['a studio route (SPA fallback)', '/golden/item', "worker-src 'self' blob:"],
    ['a studio bundle', '/assets/app.js', "script-src 'self'"],
    ['the API docs page', '/api/v1/docs', "script-src 'self'"],
    ['a JSON answer', '/api/v1/me', "default-src 'none'"],
    ['an error answer', '/api/v1/nowhere', "default-src 'none'"],
  ])('%s carries CSP, frame-ancestors, nosniff and Referrer-Policy', async (_, urlPath, directive) => {
    const response = await server.request('GET', urlPath);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(directive);
    expect(csp).toContain("frame-ancestors 'none'");
    // Only the studio may evaluate strings (ajv compiles the canonical schemas in the browser); nothing may run inline script.
    if (!csp.includes('worker-src')) expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    await expectStillServing(server);
  });

  test('the docs page has no inline script: Swagger UI starts from a served file', async () => {
    const page = await server.request('GET', '/api/v1/docs', { key: null });
    expect(page.status).toBe(200);
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    const scripts = [...page.text.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => must(m[1], 'script src'));
    expect(scripts).toContain('/api/v1/docs/assets/docs-init.js');
    for (const src of scripts) {
      const asset = await server.request('GET', src, { key: null });
      expect(asset.status, src).toBe(200);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
    }
    await expectStillServing(server);
  });

  test('studio source maps are not served; the bundle they describe is', async () => {
    expect((await server.request('GET', '/assets/app.js', { key: null })).status).toBe(200);
    const map = await server.request('GET', '/assets/app.js.map', { key: null });
    expect(map.status).toBe(404);
    expect(map.text).not.toContain('secret.ts');
    const encoded = await rawRequest({ baseUrl: server.baseUrl, method: 'GET', path: '/assets/app.js%2Emap' });
    expect(encoded.status).toBe(404);
    expect(encoded.text).not.toContain('secret.ts');
    await expectStillServing(server);
  });

  test('the studio build does not reference source maps from its bundles', async () => {
    const { default: config } = await import('../../studio/vite.config');
    expect((config as { build?: { sourcemap?: unknown } }).build?.sourcemap).toBe('hidden');
  });
});

describe('hostile requests', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSecurityServer();
  });
  afterAll(() => server.stop());

  test.each(['/%ff', '/api/v1/golden/item/%ff', '/api/v1/docs/assets/%c3%28', '/%e0%80'])(
    'GET %s → 400 INVALID_PATH_ENCODING, not 500',
    async (urlPath) => {
      const response = await rawRequest({
        baseUrl: server.baseUrl,
        method: 'GET',
        path: urlPath,
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      });
      expect(response.status).toBe(400);
      expect((JSON.parse(response.text) as ErrorBody).error.code).toBe('INVALID_PATH_ENCODING');
      await expectStillServing(server);
    },
  );

  const invalidUtf8 = (before: string, after: string) =>
    Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(after, 'utf8')]);

  test.each([
    ['JSON ingest', 'application/json', () => invalidUtf8('{"INV_ITEM_ID":"1","DESCR60":"bad ', '"}')],
    ['NDJSON ingest', 'application/x-ndjson', () => invalidUtf8('{"INV_ITEM_ID":"2","DESCR60":"bad ', '"}\n')],
    ['CSV ingest', 'text/csv', () => invalidUtf8('INV_ITEM_ID,DESCR60\n3,bad ', '\n')],
  ])('%s with bytes that are not UTF-8 → 400 INVALID_UTF8, nothing stored', async (_, contentType, body) => {
    const response = await server.request<ErrorBody>('POST', '/api/v1/ingest/erp/item', { raw: body(), contentType });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_UTF8');
    expect(response.body.error.message).toMatch(/not valid UTF-8/);
    expect(response.body.error.details).toMatchObject({ byteOffset: expect.any(Number) });
    const exceptions = await server.request<{ total: number }>('GET', '/api/v1/exceptions?source=erp');
    expect(exceptions.body.total).toBe(0);
    await expectStillServing(server);
  });

  test('a JSON API body that is not UTF-8 → 400 INVALID_UTF8 naming the offset', async () => {
    const body = invalidUtf8('{"expression":"{ \\"sourceId\\": x }","note":"', '"}');
    const response = await server.request<ErrorBody>('PUT', '/api/v1/mappings/other/item', { raw: body, contentType: 'application/json' });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 'INVALID_UTF8', details: { byteOffset: body.indexOf(0xff) } });
    await expectStillServing(server);
  });

  test('an upload that is not UTF-8 → 400 INVALID_UTF8 and no job is queued', async () => {
    const body = invalidUtf8(toCsv([erpItemRow()]), '\n');
    const response = await server.request<ErrorBody>('POST', '/api/v1/ingest/erp/item/jobs', { raw: body, contentType: 'text/csv' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_UTF8');
    const jobs = await server.request<{ items: unknown[] }>('GET', '/api/v1/jobs');
    expect(jobs.body.items).toEqual([]);
    await expectStillServing(server);
  });

  test('UTF-8 text still ingests as before (a character split across the body is fine)', async () => {
    const response = await ingest(server, {
      source: 'erp',
      domain: 'item',
      body: toNdjson([erpItemRow({ DESCR60: 'SONDE ÉTANCHE – 日本' })]),
      contentType: 'application/x-ndjson',
    });
    expect(response.status).toBe(200);
    expect(response.body.totals.accepted).toBe(1);
  });

  test('bidi override and isolate characters are dropped from stored text (the raw payload keeps them), marks stay', async () => {
    const row = erpItemRow({ DESCR60: '\u202EGAUZE SPONGE 4X4\u202C \u2067STERILE\u2069', MFG_NAME: 'Medline\u200F Industries\u202E' });
    await ingestAccepted(server, { source: 'erp', domain: 'item', row });
    const xref = await server.request<{ goldenId: string }>('GET', `/api/v1/xref/item/erp/${row.INV_ITEM_ID}`);
    const golden = await server.request<{ attributes: Record<string, unknown>; sources: Array<{ raw: Record<string, unknown> }> }>(
      'GET',
      `/api/v1/golden/item/${xref.body.goldenId}?include=sources`,
    );
    expect(golden.body.attributes.description).toBe('GAUZE SPONGE 4X4 STERILE');
    expect(golden.body.attributes.manufacturer).toMatchObject({ name: 'Medline\u200F Industries' });
    expect(must(golden.body.sources[0], 'the source record').raw.DESCR60).toBe(row.DESCR60);
    await expectStillServing(server);
  });

  test('a lone surrogate in a JSON string is stored as U+FFFD (what MongoDB and UTF-8 consumers would hold), paired ones stay', async () => {
    const row = erpItemRow({ DESCR60: 'SUTURE \ud800 SILK \ud83e\ude7a', MFG_NAME: 'Ethicon\udc00' });
    await ingestAccepted(server, { source: 'erp', domain: 'item', row });
    const xref = await server.request<{ golden: { attributes: Record<string, unknown> } }>(
      'GET',
      `/api/v1/xref/item/erp/${row.INV_ITEM_ID}`,
    );
    expect(xref.body.golden.attributes.description).toBe('SUTURE \ufffd SILK \ud83e\ude7a');
    expect(xref.body.golden.attributes.manufacturer).toMatchObject({ name: 'Ethicon\ufffd' });
    await expectStillServing(server);
  });

  test.each([
    ['inline CSV', '/api/v1/ingest/erp/item'],
    ['an upload job', '/api/v1/ingest/erp/item/jobs'],
  ])('%s with a duplicate header → 400 DUPLICATE_CSV_HEADER naming the column', async (_, urlPath) => {
    const csv = 'INV_ITEM_ID,DESCR60,MFG_NAME,DESCR60\n9001,GAUZE 4X4,Medline,GAUZE SPONGE\n';
    const response = await server.request<ErrorBody>('POST', urlPath, { raw: csv, contentType: 'text/csv' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('DUPLICATE_CSV_HEADER');
    expect(response.body.error.message).toContain('"DESCR60"');
    expect(response.body.error.message).toMatch(/columns 2 and 4/);
    const jobs = await server.request<{ items: unknown[] }>('GET', '/api/v1/jobs');
    expect(jobs.body.items).toEqual([]);
    await expectStillServing(server);
  });
});

describe('uploads are not held in memory', () => {
  test('with the embedded store an upload is written to files in the data directory as it streams, never to in-memory documents', async () => {
    const server = await startSecurityServer();
    try {
      const rows = Array.from({ length: 40 }, () => erpItemRow());
      const response = await server.request<{ jobId: string }>('POST', '/api/v1/ingest/erp/item/jobs', {
        raw: toCsv(rows),
        contentType: 'text/csv',
      });
      expect(response.status, response.text).toBe(202);
      expect(await server.running.services.store.collection('uploadChunks').countDocuments({})).toBe(0);
      const deadline = Date.now() + 60_000;
      let job: { status: string; result?: { totals?: { accepted: number } } } = { status: 'queued' };
      while (!['succeeded', 'failed', 'cancelled'].includes(job.status) && Date.now() < deadline) {
        job = (await server.request<typeof job>('GET', `/api/v1/jobs/${response.body.jobId}`)).body;
        if (!['succeeded', 'failed', 'cancelled'].includes(job.status)) await new Promise((resolve) => setImmediate(resolve));
      }
      expect(job.status).toBe('succeeded');
      expect(job.result?.totals?.accepted).toBe(40);
      // The finished job removed its chunk files.
      expect(await readdir(path.join(server.dataDir, 'uploads')).catch(() => [])).toEqual([]);
      await expectStillServing(server);
    } finally {
      await server.stop();
    }
  });
});

describe('failed-authentication throttle', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startSecurityServer({ env: { MDM_AUTH_FAILURE_LIMIT: '3', MDM_AUTH_FAILURE_WINDOW_SECONDS: '600' } });
  });
  afterAll(() => server.stop());

  test('after the limit, that address gets 429 with Retry-After (even with a valid key); other addresses are unaffected', async () => {
    const guess = (n: number) =>
      rawRequest({ baseUrl: server.baseUrl, method: 'GET', path: '/api/v1/me', headers: { authorization: `Bearer mdm_guess_${n}` } });
    for (let n = 0; n < 3; n++) expect((await guess(n)).status).toBe(401);
    const throttled = await guess(3);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect((JSON.parse(throttled.text) as ErrorBody).error.code).toBe('AUTH_THROTTLED');
    // A valid key from the throttled address is refused too: the answer must not reveal which guess was right.
    const valid = await rawRequest({
      baseUrl: server.baseUrl,
      method: 'GET',
      path: '/api/v1/me',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
    });
    expect(valid.status).toBe(429);
    // Public endpoints still answer.
    expect((await server.request('GET', '/healthz', { key: null })).status).toBe(200);
    // Another client address (127.0.0.2 reaches the loopback listener on Linux) is not throttled.
    const other = await rawRequest({
      baseUrl: server.baseUrl,
      method: 'POST',
      path: '/api/v1/ingest/erp/item',
      localAddress: '127.0.0.2',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/x-ndjson' },
      body: toNdjson([erpItemRow()]),
    });
    expect(other.status, other.text).toBe(200);
    expect((JSON.parse(other.text) as { totals: { accepted: number } }).totals.accepted).toBe(1);
  });

  test('requests without any Authorization header are not counted as guesses', async () => {
    const fresh = await startSecurityServer({ env: { MDM_AUTH_FAILURE_LIMIT: '2' } });
    try {
      for (let n = 0; n < 5; n++) expect((await fresh.request('GET', '/api/v1/me', { key: null })).status).toBe(401);
      await expectStillServing(fresh);
    } finally {
      await fresh.stop();
    }
  });
});

describe('a revoked MDM_ADMIN_KEY across restarts', () => {
  test('stays revoked, start-up logs it, another admin key keeps working; an old secret put back stays revoked too', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'mdm-revoked-'));
    try {
      const first = await startSecurityServer({ dataDir });
      const otherAdmin = await first.createKey('admin', 'second admin');
      const revoked = await first.request('DELETE', '/api/v1/keys/key_bootstrap_admin', { key: otherAdmin, body: { reason: 'leaked' } });
      expect(revoked.status, revoked.text).toBe(200);
      expect((await first.request('GET', '/api/v1/me')).status).toBe(401);
      await first.stop();

      const logger = createMemoryLogger();
      const second = await startSecurityServer({ dataDir, logger, publish: false });
      try {
        expect(second.running.adminKeySource).toMatchObject({ kind: 'revoked', keyId: 'key_bootstrap_admin' });
        expect(logger.entries.find((e) => e.level === 'warn' && /MDM_ADMIN_KEY is revoked/.test(e.msg))).toMatchObject({
          keyId: 'key_bootstrap_admin',
          revokedAt: expect.any(String),
        });
        expect((await second.request('GET', '/api/v1/me')).status).toBe(401);
        const keys = await second.request<{ items: Array<{ id: string; revokedAt?: string }> }>('GET', '/api/v1/keys?includeRevoked=true', {
          key: otherAdmin,
        });
        expect(keys.body.items.find((k) => k.id === 'key_bootstrap_admin')?.revokedAt).toEqual(expect.any(String));
        await expectStillServing(second, otherAdmin);
      } finally {
        await second.stop();
      }

      // A new MDM_ADMIN_KEY is registered; putting the revoked one back afterwards does not revive it.
      const newKey = 'mdm_rotated_admin_key_0123456789abcdef';
      const third = await startSecurityServer({ dataDir, env: { MDM_ADMIN_KEY: newKey }, publish: false });
      try {
        expect(third.running.adminKeySource.kind).toBe('environment');
        expect((await third.request('GET', '/api/v1/me', { key: newKey })).status).toBe(200);
      } finally {
        await third.stop();
      }
      const fourth = await startSecurityServer({ dataDir, publish: false });
      try {
        expect(fourth.running.adminKeySource.kind).toBe('revoked');
        expect((await fourth.request('GET', '/api/v1/me')).status).toBe(401);
        await expectStillServing(fourth, otherAdmin);
      } finally {
        await fourth.stop({ removeData: true });
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
