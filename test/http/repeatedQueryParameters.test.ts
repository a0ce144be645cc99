/**
 * A single-valued query parameter given twice with different values (`?status=open&status=closed`) is a
 * caller's mistake the API must not resolve by picking one silently: 400 with REPEATED_PARAMETER naming the
 * parameter and its values. The same value repeated is harmless and accepted.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

type ErrorBody = { error: { code: string; message: string; details: Array<{ path: string; code: string; message: string }> } };

describe('repeated query parameters', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  test('a single-valued parameter with two different values is refused, naming it and both values', async () => {
    const response = await server.request<ErrorBody>('GET', '/api/v1/tasks?status=open&status=closed');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(at(response.body.error.details, 0, 'error detail')).toEqual({
      path: 'query.status',
      code: 'REPEATED_PARAMETER',
      message: 'status is given 2 times with different values ("open", "closed"); give it once',
    });
  });

  test('the same value repeated is accepted', async () => {
    const response = await server.request<{ items: unknown[] }>('GET', '/api/v1/tasks?status=open&status=open&limit=5&limit=5');
    expect(response.status).toBe(200);
    expect(Array.isArray(response.body.items)).toBe(true);
  });
});
