import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiError, createApiClient, describeError } from '../../studio/src/api/client';

// A real HTTP server answering like the hub does, so the client is tested over actual fetch.
let server: Server;
let baseUrl: string;
const seenAuthorization: string[] = [];
const seen: Array<{ method: string; url: string; contentType: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seenAuthorization.push(request.headers.authorization ?? '');
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', contentType: request.headers['content-type'] ?? '', body });
      answer(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});

/** Answers like the hub does for the few routes these tests call. */
function answer(request: IncomingMessage, response: ServerResponse): void {
  const send = (status: number, body: unknown, type = 'application/json'): void => {
    response.writeHead(status, { 'content-type': type });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  if (request.headers.authorization !== 'Bearer good-key') {
    send(401, { error: { status: 401, code: 'UNAUTHORIZED', message: 'A valid API key is required.', requestId: 'req-1' } });
  } else if (request.url === '/api/v1/me') {
    send(200, { key: { id: 'k1', name: 'Ana', role: 'analyst' }, abilities: { 'mappings.read': true, 'keys.manage': false } });
  } else if (request.url === '/api/v1/mappings/erp/item' && request.method === 'PUT') {
    send(400, {
      error: {
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request body is invalid.',
        details: [{ path: 'body.name', code: 'REQUIRED', message: 'name is required' }],
      },
    });
  } else if (request.url === '/api/v1/stats') {
    send(502, '<html>Bad gateway</html>', 'text/html');
  } else if (request.url === '/api/v1/jobs') {
    send(418, 'short and stout', 'text/plain');
  } else if (request.method === 'GET' || request.method === 'POST') {
    send(200, { echoed: true });
  } else {
    response.writeHead(204);
    response.end();
  }
}

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the request to fail');
}

describe('createApiClient', () => {
  test('sends the key as a bearer token and parses JSON', async () => {
    const client = createApiClient({ apiKey: 'good-key', baseUrl });
    expect(await client.call('getMe')).toEqual({
      key: { id: 'k1', name: 'Ana', role: 'analyst' },
      abilities: { 'mappings.read': true, 'keys.manage': false },
    });
    expect(seenAuthorization.at(-1)).toBe('Bearer good-key');
  });

  test('an empty 204 body resolves to undefined', async () => {
    expect(await createApiClient({ apiKey: 'good-key', baseUrl }).call('revokeApiKey', { params: { id: 'k1' } })).toBeUndefined();
    expect(seen.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/v1/keys/k1' });
  });

  test('a 401 becomes ApiError from the envelope and calls onUnauthorized', async () => {
    const rejected: ApiError[] = [];
    const client = createApiClient({ apiKey: 'bad-key', baseUrl, onUnauthorized: (error) => rejected.push(error) });
    const error = await failure(client.call('getMe'));
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHORIZED', message: 'A valid API key is required.', requestId: 'req-1' });
    expect(rejected).toHaveLength(1);
    expect(describeError(error).title).toBe('A valid API key is required. (request req-1)');
  });

  test('validation details are kept and described field by field', async () => {
    const error = await failure(
      createApiClient({ apiKey: 'good-key', baseUrl }).call('putMappingDraft', {
        params: { source: 'erp', domain: 'item' },
        body: { expression: '$' },
      }),
    );
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(describeError(error)).toEqual({ title: 'The request body is invalid.', lines: ['name is required'] });
  });

  test('a proxy error page (no envelope) says the API is not reachable', async () => {
    const error = await failure(createApiClient({ apiKey: 'good-key', baseUrl }).call('getStatistics'));
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
    expect(error.message).toBe('The API server is not reachable right now (HTTP 502). Check that it is running and try again.');
  });

  test('other non-JSON errors quote the body', async () => {
    const error = await failure(createApiClient({ apiKey: 'good-key', baseUrl }).call('listJobs'));
    expect(error).toMatchObject({ status: 418, code: 'HTTP_418', message: 'The server answered 418 (short and stout).' });
  });

  test('an unreachable server is a NETWORK_ERROR', async () => {
    const error = await failure(createApiClient({ apiKey: 'good-key', baseUrl: 'http://127.0.0.1:1/api/v1' }).call('getMe'));
    expect(error).toMatchObject({ status: 0, code: 'NETWORK_ERROR' });
  });

  test('path parameters are encoded into the declared path, queries drop empty values and join arrays', async () => {
    const client = createApiClient({ apiKey: 'good-key', baseUrl });
    await client.call('getGoldenRecord', { params: { domain: 'item', id: 'g/1 2' }, query: { include: ['lineage', 'sources'] } });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/api/v1/golden/item/g%2F1%202?include=lineage%2Csources' });
    await client.call('listTasks', { query: { domain: 'item', assignee: undefined, limit: 5 } });
    expect(seen.at(-1)?.url).toBe('/api/v1/tasks?domain=item&limit=5');
  });

  test('JSON bodies go as JSON, uploads as-is with their content type', async () => {
    const client = createApiClient({ apiKey: 'good-key', baseUrl });
    await client.call('mergeGoldenRecords', { params: { domain: 'item', id: 'g1' }, body: { otherId: 'g2', reason: 'same' } });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', contentType: 'application/json', body: '{"otherId":"g2","reason":"same"}' });
    await client.call('createIngestUploadJob', {
      params: { source: 'erp', domain: 'item' },
      raw: { body: 'a,b\n1,2\n', contentType: 'text/csv' },
    });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: '/api/v1/ingest/erp/item/jobs', contentType: 'text/csv', body: 'a,b\n1,2\n' });
  });
});
