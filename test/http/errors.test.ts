/** The error envelope at the edge: bad JSON, oversized bodies, wrong media types, unknown paths, crashes. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/http/app';
import { listen } from '../../server/bootstrap';
import { defineRoute } from '../../server/http/route';
import type { AddressInfo } from 'node:net';
import { startTestServer, type TestServer } from '../support/testServer';
import { must } from '../support/must';

type Envelope = {
  error: {
    status: number;
    code: string;
    message: string;
    details?: Array<{ path: string; code: string; message: string }>;
    requestId: string;
  };
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { MDM_JSON_BODY_LIMIT: '2048' } });
});
afterAll(async () => server?.stop());

describe('error envelope', () => {
  test.each([
    ['{"name": "x", "role": ', 'line 1'],
    ['{"name": "x",\n "role": admin}', 'line 2'],
    ['not json at all', 'line 1'],
  ])('bad JSON %j → 400 INVALID_JSON with position', async (raw, where) => {
    const response = await server.request<Envelope>('POST', '/api/v1/keys', { raw });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_JSON');
    expect(response.body.error.message).toContain(where);
  });

  test('a body over the limit → 413 PAYLOAD_TOO_LARGE, and the server keeps serving', async () => {
    const response = await server.request<Envelope>('POST', '/api/v1/keys', {
      raw: JSON.stringify({ name: 'x'.repeat(5000), role: 'admin' }),
    });
    expect(response.status).toBe(413);
    expect(response.body.error).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect((await server.request('GET', '/healthz', { key: null })).status).toBe(200);
  });

  test('a non-JSON media type on a JSON route → 415', async () => {
    const response = await server.request<Envelope>('POST', '/api/v1/keys', {
      raw: 'name=x',
      contentType: 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('schema violations list every field with path, code and message', async () => {
    const response = await server.request<Envelope>('POST', '/api/v1/keys', { body: { role: 'wizard', extra: 1 } });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.details?.map((detail) => detail.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.role']));
    for (const detail of response.body.error.details ?? []) {
      expect(detail.code).toMatch(/^[A-Z_]+$/);
      expect(detail.message.length).toBeGreaterThan(5);
    }
  });

  test('unknown API paths → 404 envelope; wrong method → 405 envelope', async () => {
    const missing = await server.request<Envelope>('GET', '/api/v1/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const wrongMethod = await server.request<Envelope>('PATCH', '/api/v1/keys', { body: {} });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  test('every response carries a request id, echoed from a sane X-Request-Id', async () => {
    const response = await server.request<Envelope>('GET', '/api/v1/nope', { headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    expect(response.body.error.requestId).toBe('trace-123');
  });
});

test('an unexpected error becomes a generic 500 without internals', async () => {
  const crashing = defineRoute({
    operationId: 'crash',
    method: 'get',
    path: '/crash',
    summary: 'crash',
    tags: [],
    auth: 'public',
    responses: {},
    handler: async () => {
      throw new Error('secret driver detail: mongodb://user:pass@host');
    },
  });
  const app = createApp({ services: server.running.services, routes: [crashing] });
  const http = await listen(app, { port: 0, host: '127.0.0.1' });
  try {
    const response = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/api/v1/crash`);
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text).error.code).toBe('INTERNAL_ERROR');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('mongodb://');
  } finally {
    http.close();
  }
});

describe('operational endpoints', () => {
  test('healthz is public and reports the store', async () => {
    const response = await server.request<{ status: string; store: string }>('GET', '/healthz', { key: null });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok', store: 'embedded' });
  });

  test('metrics are Prometheus text with request counters', async () => {
    await server.request('GET', '/api/v1/me');
    const response = await server.request('GET', '/metrics', { key: null });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.text).toContain('# TYPE mdm_http_requests_total counter');
    expect(response.text).toMatch(/mdm_http_requests_total\{method="GET",route="\/api\/v1\/me",status="200"\} \d+/);
    // process, GC and event-loop metrics come with prom-client
    expect(response.text).toContain('# TYPE process_cpu_seconds_total counter');
    expect(response.text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    expect(response.text).toContain('# TYPE nodejs_heap_size_used_bytes gauge');
  });

  test('the OpenAPI document lists every declared route with its policy', async () => {
    const response = await server.request<{
      openapi: string;
      paths: Record<string, Record<string, { 'x-required-action'?: string; responses: Record<string, unknown> }>>;
    }>('GET', '/api/v1/openapi.json', { key: null });
    expect(response.body.openapi).toBe('3.1.0');
    expect(
      must(
        must(response.body.paths['/api/v1/keys'], 'the /api/v1/keys path').post,
        "must(response.body.paths['/api/v1/keys'], 'the /api/v1/keys path').post",
      )['x-required-action'],
    ).toBe('keys.manage');
    expect(
      must(
        must(response.body.paths['/api/v1/keys/{id}'], 'the /api/v1/keys/{id} path').delete,
        "must(response.body.paths['/api/v1/keys/{id}'], 'the /api/v1/keys/{id} path').delete",
      ).responses['403'],
    ).toBeDefined();
    const docs = await server.request('GET', '/api/v1/docs', { key: null });
    expect(docs.text).toContain('/api/v1/openapi.json');
    const asset = await server.request('GET', '/api/v1/docs/assets/swagger-ui-bundle.js', { key: null });
    expect(asset.status).toBe(200);
  });
});

test('key creation and revocation are audited', async () => {
  const created = await server.request<{ key: { id: string } }>('POST', '/api/v1/keys', { body: { name: 'audited', role: 'steward' } });
  await server.request('DELETE', `/api/v1/keys/${created.body.key.id}`);
  const entries = await server.running.services.store
    .collection('auditLog')
    .find({ 'target.id': created.body.key.id }, { sort: { at: 1 } });
  expect(entries.map((entry) => entry.action)).toEqual(['apiKey.create', 'apiKey.revoke']);
  expect(entries[0]).toMatchObject({ actor: { role: 'admin' }, after: { role: 'steward' } });
});
