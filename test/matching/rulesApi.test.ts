/** Matching rules through the API: files as version 1, draft validation with paths, publish, versions, rollback. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { publishedRules } from '../../server/matching/ruleSets/queries';
import { changedRules, shippedRules } from '../support/factories/matching';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

interface RuleSetView {
  domain: string;
  draftState: string;
  published: { number: number; rulesVersion: string; origin: string; isCurrent: boolean; rules: { version: string } } | null;
  draft: { revision: number; rules: { version: string } } | null;
}
interface ErrorBody {
  error: { code: string; details?: Array<{ path: string; code: string }> & Record<string, unknown> };
}

describe('draft validation answers 400 with the path of every problem', () => {
  test.each([
    {
      title: 'wrong type',
      change: (r: ReturnType<typeof shippedRules>) => Object.assign(at(r.comparators, 0), { weight: 'heavy' }),
      path: 'body.rules.comparators[0].weight',
      code: 'TYPE',
    },
    {
      title: 'missing thresholds',
      change: (r: ReturnType<typeof shippedRules>) => Reflect.deleteProperty(r, 'thresholds'),
      path: 'body.rules.thresholds',
      code: 'REQUIRED',
    },
    {
      title: 'unknown comparator in a hard rule',
      change: (r: ReturnType<typeof shippedRules>) => Object.assign(at(at(r.hardRules, 1).when, 0), { comparator: 'nope' }),
      path: 'body.rules.hardRules[1].when[0].comparator',
      code: 'UNKNOWN_COMPARATOR',
    },
    {
      title: 'review above auto-merge',
      change: (r: ReturnType<typeof shippedRules>) => Object.assign(r.thresholds, { review: 0.9, autoMerge: 0.8 }),
      path: 'body.rules.thresholds',
      code: 'THRESHOLD_ORDER',
    },
    {
      title: 'rules of another domain',
      change: (r: ReturnType<typeof shippedRules>) => Object.assign(r, { domain: 'supplier' }),
      path: 'body.rules.domain',
      code: 'DOMAIN_MISMATCH',
    },
  ])('$title → $path', async ({ change, path, code }) => {
    const rules = shippedRules('item');
    change(rules);
    const response = await server.request<ErrorBody>('PUT', '/api/v1/matching/rules/item', { body: { rules } });
    expect(response.status, response.text).toBe(400);
    expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
  });
});

test('the shipped file is version 1; a draft is published as version 2, used by the engine, and rolled back as version 3', async () => {
  const store = server.running.services.store;
  const initial = await server.request<RuleSetView>('GET', '/api/v1/matching/rules/item');
  expect(initial.status).toBe(200);
  expect(initial.body).toMatchObject({
    domain: 'item',
    draftState: 'same-as-published',
    published: { number: 1, origin: 'files', isCurrent: true, rulesVersion: shippedRules('item').version },
  });

  const draftRules = changedRules('item', 'item-test-2', (r) => Object.assign(r.thresholds, { autoMerge: 0.85 }));
  const saved = await server.request<RuleSetView>('PUT', '/api/v1/matching/rules/item', { body: { rules: draftRules, revision: 1 } });
  expect(saved.status, saved.text).toBe(200);
  expect(saved.body).toMatchObject({
    draftState: 'modified',
    draft: { revision: 2, rules: { version: 'item-test-2' } },
    published: { number: 1 },
  });
  // Publishing does not happen by saving: the engine still runs version 1.
  expect((await publishedRules({ store, domain: 'item' })).version).toBe(shippedRules('item').version);

  const stale = await server.request<ErrorBody>('PUT', '/api/v1/matching/rules/item', { body: { rules: draftRules, revision: 1 } });
  expect(stale.status).toBe(409);
  expect(stale.body.error.code).toBe('STALE_REVISION');

  const published = await server.request<{ isNew: boolean; version: { number: number; rulesVersion: string } }>(
    'POST',
    '/api/v1/matching/rules/item/publish',
    { body: { note: 'stricter auto-merge' } },
  );
  expect(published.status, published.text).toBe(201);
  expect(published.body).toMatchObject({ isNew: true, version: { number: 2, rulesVersion: 'item-test-2' } });
  const inForce = await publishedRules({ store, domain: 'item' });
  expect(inForce.version).toBe('item-test-2');
  expect(inForce.rules.thresholds.autoMerge).toBe(0.85);

  const again = await server.request<{ isNew: boolean }>('POST', '/api/v1/matching/rules/item/publish', { body: {} });
  expect(again.status).toBe(200);
  expect(again.body.isNew).toBe(false);

  // Other rules under a version string used before are refused: a version string names one content.
  const reused = changedRules('item', 'item-test-2', (r) => Object.assign(r.thresholds, { autoMerge: 0.9 }));
  expect((await server.request('PUT', '/api/v1/matching/rules/item', { body: { rules: reused } })).status).toBe(200);
  const refused = await server.request<ErrorBody>('POST', '/api/v1/matching/rules/item/publish', { body: {} });
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe('RULES_VERSION_REUSED');

  const rollback = await server.request<{ number: number; rolledBackFrom: number; rulesVersion: string }>(
    'POST',
    '/api/v1/matching/rules/item/rollback',
    { body: { version: 1, reason: 'back to the shipped rules' } },
  );
  expect(rollback.status, rollback.text).toBe(201);
  expect(rollback.body).toMatchObject({ number: 3, rolledBackFrom: 1, rulesVersion: shippedRules('item').version });
  expect((await publishedRules({ store, domain: 'item' })).version).toBe(shippedRules('item').version);
  const twice = await server.request<ErrorBody>('POST', '/api/v1/matching/rules/item/rollback', { body: { version: 1 } });
  expect(twice.status).toBe(409);
  expect(twice.body.error.code).toBe('ALREADY_PUBLISHED');

  const versions = await server.request<{ items: Array<{ number: number; origin: string; isCurrent: boolean }> }>(
    'GET',
    '/api/v1/matching/rules/item/versions',
  );
  expect(versions.body.items.map((v) => [v.number, v.origin, v.isCurrent])).toEqual([
    [3, 'rollback', true],
    [2, 'api', false],
    [1, 'files', false],
  ]);
  const v2 = await server.request<{ rules: { thresholds: { autoMerge: number } } }>('GET', '/api/v1/matching/rules/item/versions/2');
  expect(v2.body.rules.thresholds.autoMerge).toBe(0.85);
  expect((await server.request('GET', '/api/v1/matching/rules/item/versions/9')).status).toBe(404);
});

test('a domain without a canonical schema has no rules to save or re-match', async () => {
  const rules = changedRules('item', 'widget-1', (r) => Object.assign(r, { domain: 'widget' }));
  const saved = await server.request<ErrorBody>('PUT', '/api/v1/matching/rules/widget', { body: { rules } });
  expect(saved.status).toBe(400);
  expect(saved.body.error.details?.[0]).toMatchObject({ path: 'params.domain', code: 'UNKNOWN_DOMAIN' });
  expect((await server.request('POST', '/api/v1/matching/widget/rematch', { body: { reason: 'x' } })).status).toBe(400);
  expect((await server.request('GET', '/api/v1/matching/rules/widget')).status).toBe(404);
});

test('an analyst may change rules, a steward may only read them', async () => {
  const steward = await server.createKey('steward');
  expect((await server.request('GET', '/api/v1/matching/rules/supplier', { key: steward })).status).toBe(200);
  expect(
    (await server.request('PUT', '/api/v1/matching/rules/supplier', { key: steward, body: { rules: shippedRules('supplier') } })).status,
  ).toBe(403);
  const analyst = await server.createKey('analyst');
  const saved = await server.request('PUT', '/api/v1/matching/rules/supplier', {
    key: analyst,
    body: { rules: changedRules('supplier', 'supplier-test-2') },
  });
  expect(saved.status, saved.text).toBe(200);
});
