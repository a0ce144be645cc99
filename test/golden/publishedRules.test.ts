/**
 * Matching rules published through the API are the ones ingest-time matching uses: a stricter rule set
 * turns what was an auto-merge into a review task, and rolling back restores the shipped behaviour.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const shipped = JSON.parse(readFileSync(new URL('../../matching-rules/item.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
  hardRules: Array<{ action?: string }>;
};

/** The same product sent by two sources: identical canonical content apart from the source id. */
function samePair(): [Record<string, unknown> & { sourceId: string }, Record<string, unknown> & { sourceId: string }] {
  const record = itemRecord();
  return [record, { ...record, sourceId: `B-${record.sourceId}` }];
}

test('ingest-time matching follows the published rule set, not the shipped file', async () => {
  const [first, second] = samePair();
  const a = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: first });
  const b = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: second });
  expect(b.goldenId).toBe(a.goldenId);

  // A stricter rule set: the same GTIN is only ever grounds for a steward's review.
  const strict = {
    ...shipped,
    version: 'item-test-strict',
    hardRules: [
      { name: 'sameGtinNeedsReview', action: 'forceReview', when: [{ comparator: 'gtin', outcome: 'match' }] },
      ...shipped.hardRules.filter((rule) => rule.action !== 'forceMerge'),
    ],
  };
  const draft = await server.request('PUT', '/api/v1/matching/rules/item', { body: { rules: strict } });
  expect(draft.status, draft.text).toBe(200);
  const published = await server.request<{ version?: number; number?: number }>('POST', '/api/v1/matching/rules/item/publish', {
    body: { note: 'stricter for the test' },
  });
  expect([200, 201], published.text).toContain(published.status);

  const [third, fourth] = samePair();
  const c = await applyCanonical(server, { domain: 'item', source: 'sap', canonical: third });
  const d = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: fourth });
  expect(d.goldenId).not.toBe(c.goldenId);
  expect(d.outcome).toBe('review');
});
