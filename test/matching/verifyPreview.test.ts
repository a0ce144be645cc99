/** Verify (pair and store mode, published / ad-hoc rules, nothing written) and the impact preview of candidate rules. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GOLDEN_RECORDS, MATCH_DECISIONS, SOURCE_RECORDS } from '../../server/golden';
import type { MatchExplanation } from '../../server/matching';
import { PREVIEW_JOB, type PreviewResult } from '../../server/matching/preview';
import type { VerifyResult } from '../../server/matching/verify';
import { changedRules, shippedRules } from '../support/factories/matching';
import { applyCanonical, gtin } from '../support/factories/golden';
import { startTestServer, type TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const FOLEY_A = {
  sourceId: 'A',
  description: 'Catheter Foley 16FR 5CC',
  gtin: gtin('0001234567890').slice(2),
  manufacturer: { name: 'Bard' },
};
const FOLEY_B = {
  sourceId: 'B',
  description: 'FOLEY CATHETER 16 FR 5 CC',
  gtin: gtin('0001234567890'),
  manufacturer: { name: 'C.R. Bard, Inc.' },
};

describe('verify', () => {
  test('two records under the published rules: full explanation, GTIN compared after padding', async () => {
    const response = await server.request<VerifyResult>('POST', '/api/v1/matching/verify', {
      body: { domain: 'item', a: FOLEY_A, b: FOLEY_B },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.rules).toEqual({ choice: 'published', rulesVersion: shippedRules('item').version });
    const explanation = response.body.explanation as MatchExplanation;
    expect(explanation).toMatchObject({
      band: 'auto-merge',
      hardRule: { name: 'sameGtin', action: 'forceMerge' },
      aSourceId: 'A',
      bSourceId: 'B',
    });
    expect(explanation.comparators.find((c) => c.name === 'gtin')).toMatchObject({
      score: 1,
      outcome: 'match',
      a: gtin('0001234567890'),
      b: gtin('0001234567890'),
    });
    expect(explanation.comparators.map((c) => c.name)).toEqual(shippedRules('item').comparators.map((c) => c.name));
  });

  test('ad-hoc rules decide differently and are named; invalid ad-hoc rules are 400 with paths', async () => {
    const strict = changedRules('item', 'item-adhoc', (r) => {
      r.hardRules = r.hardRules.filter((h) => h.action !== 'forceMerge');
      // A match probability of 1: nothing auto-merges on its score, only through a hard rule (none left here).
      // (A threshold just under 1 broke whenever a rule version added evidence, e.g. item-3.5.0's containment.)
      r.thresholds = { autoMerge: 1, review: 0.5 };
    });
    const response = await server.request<VerifyResult>('POST', '/api/v1/matching/verify', {
      body: { domain: 'item', a: FOLEY_A, b: FOLEY_B, rules: strict },
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.rules).toEqual({ choice: 'ad-hoc', rulesVersion: 'item-adhoc' });
    expect(response.body.explanation).toMatchObject({ band: 'review', hardRule: null });
    const invalid = await server.request<{ error: { details: Array<{ path: string }> } }>('POST', '/api/v1/matching/verify', {
      body: { domain: 'item', a: FOLEY_A, b: FOLEY_B, rules: { ...strict, thresholds: { autoMerge: 'high' } } },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d) => d.path)).toContain('body.rules.thresholds.autoMerge');
  });

  test('a record ingest would refuse for its size is 400 naming the field, not a minute of quadratic comparisons', async () => {
    const huge = 'ACME MEDICAL '.repeat(12_000);
    const response = await server.request<{ error: { code: string; message: string; details: Array<{ path: string; code: string }> } }>(
      'POST',
      '/api/v1/matching/verify',
      { body: { domain: 'supplier', a: { name: 'ACME MEDICAL' }, b: { name: huge, addresses: [{ line1: huge }] } } },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(/^Record b: name should have at most \d+ characters/);
    expect(response.body.error.details).toEqual([
      expect.objectContaining({ path: 'body.b.name', code: 'MAX_LENGTH' }),
      expect.objectContaining({ path: 'body.b.addresses[0].line1', code: 'MAX_LENGTH' }),
    ]);
    // A partial record of ordinary size still verifies (no required fields here).
    const partial = await server.request('POST', '/api/v1/matching/verify', {
      body: { domain: 'supplier', a: { name: 'ACME' }, b: { name: 'ACME INC' } },
    });
    expect(partial.status, partial.text).toBe(200);
  });

  test('a record against the store: what ingest would decide, with candidates — and nothing written', async () => {
    const first = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...FOLEY_B, sourceId: 'V-1' } });
    await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: {
        sourceId: 'V-2',
        description: 'GOWN ISOLATION UNIVERSAL YELLOW',
        gtin: gtin('0007777777777'),
        manufacturer: { name: 'Medline' },
      },
    });
    const { store } = server.running.services;
    const counts = async () =>
      Promise.all([GOLDEN_RECORDS, SOURCE_RECORDS, MATCH_DECISIONS].map((c) => store.collection(c).countDocuments({})));
    const before = await counts();
    const response = await server.request<VerifyResult>('POST', '/api/v1/matching/verify', { body: { domain: 'item', a: FOLEY_A } });
    expect(response.status, response.text).toBe(200);
    expect(response.body.decision).toBe('auto-merge');
    expect(response.body.candidates?.[0]).toMatchObject({
      goldenId: first.goldenId,
      sourceRecordId: first.sourceRecordId,
      source: 'lawson',
      band: 'auto-merge',
      explanation: { hardRule: { name: 'sameGtin' } },
    });
    expect(response.body.candidates).toHaveLength(1);
    expect(await counts()).toEqual(before);
  });
});

describe('impact preview', () => {
  test('reports merges lost and gained against the published rules, with examples under both', async () => {
    const preview = await startTestServer();
    try {
      const apply = (source: string, canonical: Record<string, unknown> & { sourceId: string }) =>
        applyCanonical(preview, { domain: 'item', source, canonical });
      // Same GTIN: a forced merge under every candidate below.
      await apply('lawson', {
        sourceId: 'G1',
        description: 'SPONGE GAUZE 4X4 12PLY',
        gtin: gtin('0005555555555'),
        manufacturer: { name: 'Covidien' },
      });
      await apply('epic', {
        sourceId: 'G2',
        description: 'Sponge, Gauze, 4x4, 12 ply',
        gtin: gtin('0005555555555'),
        manufacturer: { name: 'Covidien LP' },
      });
      // Part number + manufacturer + description: an auto-merge by score.
      await apply('lawson', {
        sourceId: 'P1',
        description: 'SUTURE VICRYL 3-0 SH UNDYED',
        manufacturer: { name: 'Ethicon, Inc.' },
        manufacturerPartNumber: 'J-416H',
      });
      await apply('epic', {
        sourceId: 'P2',
        description: 'Suture, Vicryl, 3-0, SH, Undyed',
        manufacturer: { name: 'ETHICON INC' },
        manufacturerPartNumber: 'J416H',
      });
      // Free text only on one side: the catalog number inside the description — a steward's question today.
      const textOnly = { sourceId: 'R1', description: 'CATHETER FOLEY 16FR 5CC LATEX BARD 0165V16S' };
      const structured = {
        sourceId: 'R2',
        description: 'Foley catheter, latex, 16 Fr, 5 cc',
        manufacturer: { name: 'C.R. Bard' },
        manufacturerPartNumber: '0165V16S',
      };
      await apply('peoplesoft', textOnly);
      await apply('workday', structured);
      const reviewed = await preview.request<VerifyResult>('POST', '/api/v1/matching/verify', {
        body: { domain: 'item', a: textOnly, b: structured },
      });
      expect(reviewed.body.explanation).toMatchObject({ band: 'review' });
      const byScore = await preview.request<VerifyResult>('POST', '/api/v1/matching/verify', {
        body: {
          domain: 'item',
          a: {
            sourceId: 'P1',
            description: 'SUTURE VICRYL 3-0 SH UNDYED',
            manufacturer: { name: 'Ethicon, Inc.' },
            manufacturerPartNumber: 'J-416H',
          },
          b: {
            sourceId: 'P2',
            description: 'Suture, Vicryl, 3-0, SH, Undyed',
            manufacturer: { name: 'ETHICON INC' },
            manufacturerPartNumber: 'J416H',
          },
        },
      });
      expect(byScore.body.explanation).toMatchObject({ band: 'auto-merge', hardRule: null });

      // What if only hard rules (a shared GTIN…) could auto-merge, never a score? (A match probability of 1 is
      // out of reach of any score; "part numbers stop counting" stopped losing this merge once item-3.5.0's
      // description containment weighed the identical descriptions.)
      const stricter = changedRules('item', 'item-strict', (r) => {
        r.thresholds = { ...r.thresholds, autoMerge: 1 };
      });
      const lost = await preview.request<PreviewResult>('POST', '/api/v1/matching/rules/item/preview', { body: { rules: stricter } });
      expect(lost.status, lost.text).toBe(200);
      expect(lost.body).toMatchObject({
        records: 6,
        rules: { candidate: 'item-strict', candidateChoice: 'ad-hoc' },
        mergesLost: 1,
        mergesGained: 0,
        current: { autoMergePairs: 2 },
        candidate: { autoMergePairs: 1 },
      });
      expect(lost.body.examples.lost[0]).toMatchObject({
        a: 'item|epic|P2',
        b: 'item|lawson|P1',
        // Labelled by the item domain's display attribute (description), with source and source id.
        labels: {
          a: { name: 'Suture, Vicryl, 3-0, SH, Undyed', source: 'epic', sourceId: 'P2' },
          b: { name: 'SUTURE VICRYL 3-0 SH UNDYED', source: 'lawson', sourceId: 'P1' },
        },
        current: { band: 'auto-merge' },
        candidate: { band: 'review', rulesVersion: 'item-strict' },
      });
      expect(lost.body.reviewGained).toBe(1);
      // Large domains run the preview as a job (cooperative batch matches): the same answer.
      const { jobs } = preview.running.services;
      const queued = await jobs.enqueue({ type: PREVIEW_JOB, params: { domain: 'item', rules: stricter }, createdBy: 'test' });
      const job = await jobs.waitFor(queued._id);
      expect(job.status).toBe('succeeded');
      expect(job.result).toEqual(lost.body);

      // The saved draft is previewed by default.
      const looser = changedRules('item', 'item-loose', (r) => {
        r.hardRules = r.hardRules.filter(
          (h) =>
            h.name !== 'sameManufacturerDifferentPart' &&
            h.name !== 'differentGtin' &&
            h.name !== 'differentAnyGtin' &&
            h.name !== 'textOnlyEvidence',
        );
        r.thresholds = { autoMerge: 0.3, review: 0.2 };
      });
      expect((await preview.request('PUT', '/api/v1/matching/rules/item', { body: { rules: looser } })).status).toBe(200);
      const gained = await preview.request<PreviewResult>('POST', '/api/v1/matching/rules/item/preview', { body: {} });
      expect(gained.status, gained.text).toBe(200);
      expect(gained.body.rules.candidateChoice).toBe('draft');
      expect(gained.body.mergesGained).toBeGreaterThan(0);
      expect(gained.body.mergesLost).toBe(0);
      const example = gained.body.examples.gained.find((pair) => pair.a === 'item|peoplesoft|R1' && pair.b === 'item|workday|R2');
      expect(example).toMatchObject({ current: { band: 'review' }, candidate: { band: 'auto-merge', rulesVersion: 'item-loose' } });
    } finally {
      await preview.stop();
    }
  });
});

describe('impact preview labels', () => {
  test('each example pair names its records by the domain display attribute, with source and source id', async () => {
    const labelled = await startTestServer();
    try {
      const apply = (source: string, canonical: Record<string, unknown> & { sourceId: string }) =>
        applyCanonical(labelled, { domain: 'supplier', source, canonical });
      await apply('lawson', { sourceId: 'V-100', name: 'Acme Surgical Supply Inc', taxId: '12-3456789' });
      await apply('epic', { sourceId: 'S-7', name: 'ACME SURGICAL SUPPLY, INC.', taxId: '123456789' });
      // A veto on a shared tax id: the published forced merge is lost under the candidate.
      const vetoed = changedRules('supplier', 'supplier-veto', (r) => {
        r.hardRules.unshift({ name: 'vetoSameTaxId', action: 'veto', when: [{ comparator: 'ein', outcome: 'match' }] });
      });
      const response = await labelled.request<PreviewResult>('POST', '/api/v1/matching/rules/supplier/preview', {
        body: { rules: vetoed },
      });
      expect(response.status, response.text).toBe(200);
      expect(response.body.mergesLost).toBe(1);
      expect(response.body.examples.lost[0]).toMatchObject({
        a: 'supplier|epic|S-7',
        b: 'supplier|lawson|V-100',
        labels: {
          a: { name: 'ACME SURGICAL SUPPLY, INC.', source: 'epic', sourceId: 'S-7' },
          b: { name: 'Acme Surgical Supply Inc', source: 'lawson', sourceId: 'V-100' },
        },
        current: { band: 'auto-merge' },
      });
    } finally {
      await labelled.stop();
    }
  });
});
