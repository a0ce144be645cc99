/**
 * Free text typed into the API (key and subscription names, reasons, comments) is plain text: a
 * bidirectional override that makes a key named "Workday‮exe.tsil" display as something else, a
 * NUL, or an unpaired surrogate is refused with a 400 naming the field, the character and its
 * position — and nothing is created. Names in any script, emoji, tabs and newlines stay accepted.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

type ErrorBody = { error: { status: number; code: string; details: Array<{ path: string; code: string; message: string }> } };

describe('plain-text fields', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  test.each([
    ['a right-to-left override', 'Workday\u202Eexe.tsil', 'a bidirectional control character (U+202E) at character 8'],
    ['a first-strong isolate', '\u2068Lawson', 'a bidirectional control character (U+2068) at character 1'],
    ['a NUL', 'PeopleSoft\u0000feed', 'a control character (U+0000) at character 11'],
    ['an escape sequence', 'key\u001B[31m', 'a control character (U+001B) at character 4'],
    ['an unpaired surrogate', 'Oracle \uD800 AP', 'an unpaired surrogate (U+D800) at character 8'],
  ])('an API key name with %s is refused and no key is created', async (_, name, reason) => {
    const before = (await server.request<{ items: unknown[] }>('GET', '/api/v1/keys')).body.items.length;
    const response = await server.request<ErrorBody>('POST', '/api/v1/keys', { body: { name, role: 'consumer' } });
    expect(response.status).toBe(400);
    const detail = at(response.body.error.details, 0, 'error detail');
    expect(detail).toMatchObject({ path: 'body.name', code: 'FORMAT_PLAIN_TEXT' });
    expect(detail.message).toContain(reason);
    expect((await server.request<{ items: unknown[] }>('GET', '/api/v1/keys')).body.items).toHaveLength(before);
  });

  test('a name of spaces only is refused', async () => {
    const response = await server.request<ErrorBody>('POST', '/api/v1/keys', { body: { name: '   ', role: 'consumer' } });
    expect(response.status).toBe(400);
    expect(at(response.body.error.details, 0, 'error detail')).toMatchObject({
      path: 'body.name',
      code: 'FORMAT_PLAIN_TEXT',
      message: 'name is blank (only spaces)',
    });
  });

  test('names in other scripts, with emoji, tabs and newlines are accepted as written', async () => {
    const name = 'Einkauf Zürich — 東京 調達\t📦 feed\nsecond line';
    const created = await server.request<{ key: { name: string } }>('POST', '/api/v1/keys', { body: { name, role: 'consumer' } });
    expect(created.status).toBe(201);
    expect(created.body.key.name).toBe(name);
  });

  test('a subscription name and a task comment are checked the same way', async () => {
    const subscription = await server.request<ErrorBody>('POST', '/api/v1/subscriptions', {
      body: { name: 'Workday\u202Esreilppus', domains: ['supplier'], transport: { type: 'webhook', url: 'https://example.org/hook' } },
    });
    expect(subscription.status).toBe(400);
    expect(at(subscription.body.error.details, 0, 'error detail')).toMatchObject({ path: 'body.name', code: 'FORMAT_PLAIN_TEXT' });

    const comment = await server.request<ErrorBody>('POST', '/api/v1/tasks/task-that-does-not-exist/comments', {
      body: { text: 'looks fine\u0007' },
    });
    expect(comment.status).toBe(400);
    expect(at(comment.body.error.details, 0, 'error detail')).toMatchObject({ path: 'body.text', code: 'FORMAT_PLAIN_TEXT' });
  });
});
