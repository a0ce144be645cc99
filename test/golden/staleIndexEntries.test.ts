/**
 * Records indexed under earlier rules are compared as the rules in force compare them: matching
 * prepares such match-index entries again from their stored standardised record before scoring, so
 * a comparator (and its veto) added by newly published rules applies to them at once — not only
 * after a re-match job — and the decision's explanation shows both values instead of `missing`.
 * Records go in through the public ingest API; the rules are published through the rules API.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MatchExplanation } from '../../server/matching/types';
import { ERP_ITEM_EXPRESSION, erpItemRow, ingest, publishMapping, startIngestServer, toNdjson } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
  for (const source of ['erp', 'clinic']) await publishMapping(server, { source, domain: 'item', expression: ERP_ITEM_EXPRESSION });
});
afterAll(async () => server?.stop());

const shipped = JSON.parse(readFileSync(new URL('../../matching-rules/item.json', import.meta.url), 'utf8')) as Record<string, unknown> & {
  version: string;
  comparators: unknown[];
  hardRules: unknown[];
};

async function send(source: string, row: Record<string, string>) {
  const response = await ingest(server, { source, domain: 'item', body: toNdjson([row]), contentType: 'application/x-ndjson' });
  expect(response.status, response.text).toBe(200);
  return at(response.body.records, 0, 'ingest result');
}

test('a veto added by newly published rules applies to records indexed under the old rules', async () => {
  const each = erpItemRow({ UNIT_MEASURE_STD: 'ea' });
  const indexedBefore = await send('erp', each);

  // New rules compare the base unit of measure and veto a merge across units.
  const rules = {
    ...shipped,
    version: `${shipped.version}-uom-test`,
    comparators: [
      ...shipped.comparators,
      { name: 'baseUom', type: 'normalizedExact', fields: ['baseUom'], weight: 0, params: { normalizer: 'text' } },
    ],
    hardRules: [
      {
        name: 'differentBaseUom',
        action: 'veto',
        description: 'Another unit of measure is another trade item.',
        when: [{ comparator: 'baseUom', outcome: 'mismatch' }],
      },
      ...shipped.hardRules,
    ],
  };
  const draft = await server.request('PUT', '/api/v1/matching/rules/item', { body: { rules } });
  expect(draft.status, draft.text).toBe(200);
  const published = await server.request('POST', '/api/v1/matching/rules/item/publish', { body: { note: 'compare units' } });
  expect([200, 201], published.text).toContain(published.status);

  // The same product by the case, from another source: identical but for the unit.
  const byTheCase = await send('clinic', { ...each, INV_ITEM_ID: `C-${each.INV_ITEM_ID}`, UNIT_MEASURE_STD: 'cs' });
  expect(byTheCase.outcome).toBe('accepted');
  expect(byTheCase.goldenId).not.toBe(indexedBefore.goldenId);
  expect(byTheCase.match).toBe('created');

  // The same again by the each: the old entry, prepared afresh, agrees on the unit and merges.
  const sameUnit = await send('clinic', { ...each, INV_ITEM_ID: `E-${each.INV_ITEM_ID}` });
  expect(sameUnit).toMatchObject({ match: 'merged', goldenId: indexedBefore.goldenId });
  const decisions = await server.request<{
    items: Array<{ sourceRecordId: string; candidates: Array<{ explanation: MatchExplanation }> }>;
  }>('GET', `/api/v1/golden/item/${indexedBefore.goldenId}/decisions`);
  expect(decisions.status, decisions.text).toBe(200);
  const merge = decisions.body.items.find((d) => d.sourceRecordId === sameUnit.sourceRecordId);
  const uom = merge?.candidates[0]?.explanation.comparators.find((c) => c.name === 'baseUom');
  expect(uom).toMatchObject({ outcome: 'match', a: 'EA', b: 'EA' });
  expect(merge?.candidates[0]?.explanation.rulesVersion).toBe(rules.version);
});
