/**
 * Every protected route × every role: 401 without a key or with a revoked one, 403 for roles the
 * README's role table excludes, and never 401/403 for the roles it allows. The expectations are read
 * from the README (the documented promise), not from the server's own `can()`, so a policy change that
 * is not documented — or a documented rule the server does not enforce — fails here. The route list is
 * live, so a new route is covered the moment it is declared.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allRoutes } from '../../server/routes';
import { fullPath } from '../../server/http/router';
import type { Role } from '../../server/policies/abilities';
import type { AnyRoute } from '../../server/http/route';
import { startTestServer, type TestServer } from '../support/testServer';

const ROLES: Role[] = ['admin', 'steward', 'analyst', 'consumer', 'source:workday'];
const PARAM_VALUES: Record<string, string> = { domain: 'item', source: 'workday', direction: 'inbound' };

function concretePath(route: AnyRoute, overrides: Record<string, string> = {}): string {
  return fullPath(route).replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => overrides[name] ?? PARAM_VALUES[name] ?? 'x');
}

const protectedRoutes = allRoutes().filter((route) => route.auth !== 'public');

/** The README's action × role table: action → the role columns ticked. */
function readmeRoleTable(): Map<string, Set<string>> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /<!-- role-table:start -->([\s\S]*?)<!-- role-table:end -->/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no role table between <!-- role-table:start --> and <!-- role-table:end -->');
  const rows = block
    .trim()
    .split('\n')
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const header = rows[0]!.map((cell) => cell.replace('&lt;name&gt;', '<name>'));
  const table = new Map<string, Set<string>>();
  for (const row of rows.slice(2)) {
    const action = row[0]!.replace(/`/g, '');
    table.set(action, new Set(header.flatMap((column, index) => (index >= 2 && row[index] === '✓' ? [column] : []))));
  }
  return table;
}

const ROLE_TABLE = readmeRoleTable();
const columnOf = (role: Role): string => (role.startsWith('source:') ? 'source:<name>' : role);

let server: TestServer;
const keys = new Map<Role, string>();

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) keys.set(role, role === 'admin' ? server.adminKey : await server.createKey(role));
});
afterAll(async () => server?.stop());

describe('authentication', () => {
  test.each(protectedRoutes.map((route) => [`${route.method.toUpperCase()} ${fullPath(route)}`, route] as const))(
    '%s → 401 without a key',
    async (_, route) => {
      const response = await server.request<{ error: { code: string; status: number } }>(route.method.toUpperCase(), concretePath(route), {
        key: null,
      });
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    },
  );

  test('a malformed or unknown key is 401, a revoked key stops working at once', async () => {
    expect((await server.request('GET', '/api/v1/me', { key: 'not-a-key' })).status).toBe(401);
    expect((await server.request('GET', '/api/v1/me', { headers: { authorization: 'Basic abc' }, key: null })).status).toBe(401);
    const created = await server.request<{ key: { id: string }; secret: string }>('POST', '/api/v1/keys', {
      body: { name: 'temp', role: 'consumer' },
    });
    expect((await server.request('GET', '/api/v1/me', { key: created.body.secret })).status).toBe(200);
    expect((await server.request('DELETE', `/api/v1/keys/${created.body.key.id}`)).status).toBe(200);
    const after = await server.request<{ error: { code: string } }>('GET', '/api/v1/me', { key: created.body.secret });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHORIZED');
  });
});

describe('authorization table', () => {
  const cases = protectedRoutes.flatMap((route) =>
    ROLES.map((role) => [`${route.method.toUpperCase()} ${fullPath(route)} as ${role}`, route, role] as const),
  );
  test.each(cases)('%s', async (_, route, role) => {
    const auth = route.auth as Exclude<AnyRoute['auth'], 'public'>;
    const allowed = ROLE_TABLE.get(auth.action)?.has(columnOf(role)) ?? false;
    const response = await server.request(route.method.toUpperCase(), concretePath(route), { key: keys.get(role), body: {} });
    if (allowed) {
      expect([401, 403]).not.toContain(response.status);
    } else {
      expect(response.status).toBe(403);
      expect((response.body as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    }
  });

  test('a source key may only act for its own source', async () => {
    const scoped = protectedRoutes.filter((route) => route.auth !== 'public' && route.auth.sourceParam);
    for (const route of scoped) {
      const response = await server.request(route.method.toUpperCase(), concretePath(route, { source: 'lawson' }), {
        key: keys.get('source:workday'),
        body: {},
      });
      expect(response.status, `${route.method} ${fullPath(route)}`).toBe(403);
    }
  });

  test('the README role table lists exactly the actions the routes require', () => {
    const required = new Set(protectedRoutes.map((route) => (route.auth as Exclude<AnyRoute['auth'], 'public'>).action));
    expect([...ROLE_TABLE.keys()].sort()).toEqual([...required].sort());
  });
});

describe('key management', () => {
  test('admins create, list and revoke keys; secrets are shown once and never listed', async () => {
    const created = await server.request<{ key: { id: string; role: string; prefix: string }; secret: string }>('POST', '/api/v1/keys', {
      body: { name: 'Workday feed', role: 'source:workday' },
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^mdm_/);
    expect(created.body.key).toMatchObject({ role: 'source:workday', prefix: created.body.secret.slice(0, 8) });
    const list = await server.request<{ items: Array<Record<string, unknown>> }>('GET', '/api/v1/keys');
    const listed = list.body.items.find((item) => item.id === created.body.key.id);
    expect(listed).toBeDefined();
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(Object.keys(listed ?? {})).not.toContain('hash');
    const me = await server.request<{ key: { role: string }; abilities: Record<string, boolean> }>('GET', '/api/v1/me', {
      key: created.body.secret,
    });
    expect(me.body.key.role).toBe('source:workday');
    expect(me.body.abilities['ingest.write']).toBe(true);
    expect(me.body.abilities['golden.write']).toBe(false);
  });

  test.each([
    [{ name: 'x', role: 'superuser' }, 'body.role'],
    [{ name: '', role: 'admin' }, 'body.name'],
    [{ role: 'admin' }, 'body.name'],
    [{ name: 'x', role: 'source:Bad Name' }, 'body.role'],
  ])('rejects %j naming %s', async (body, path) => {
    const response = await server.request<{ error: { code: string; details: Array<{ path: string }> } }>('POST', '/api/v1/keys', { body });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((detail) => detail.path)).toContain(path);
  });

  test('an admin key cannot revoke itself', async () => {
    const me = await server.request<{ key: { id: string } }>('GET', '/api/v1/me');
    const response = await server.request<{ error: { code: string } }>('DELETE', `/api/v1/keys/${me.body.key.id}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('CANNOT_REVOKE_OWN_KEY');
  });
});
