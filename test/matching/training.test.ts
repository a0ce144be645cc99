/**
 * The training job through the API on a generated supplier store: u from random pairs, m by EM over
 * candidate pairs, the result saved as the rules draft with a report; stewards' merge and
 * not-a-match decisions are labels that move m. Plus validation of the rules format it writes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TASKS } from '../../server/stewardship/collections';
import { trainFellegiSunter } from '../../server/matching/training';
import type { TrainingReport } from '../../server/matching/training';
import { validateRules } from '../../server/matching';
import type { TaskDocument } from '../../server/stewardship/types';
import { applyCanonical } from '../support/factories/golden';
import { changedRules, shippedRules } from '../support/factories/matching';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const FIRST = [
  'Acme',
  'Zenith',
  'Summit',
  'Harbor',
  'Pioneer',
  'Granite',
  'Cobalt',
  'Meridian',
  'Beacon',
  'Evergreen',
  'Falcon',
  'Juniper',
];
const SECOND = ['Surgical', 'Medical', 'Health', 'Scientific', 'Diagnostics', 'Pharma'];
const STREETS = ['Main St', 'Oak Ave', 'River Rd', 'Park Blvd', 'Lake Dr', 'Hill St'];

/** A company of the generated store: every field derived from its index (deterministic). */
function company(i: number) {
  const name = `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]} Supply`;
  const ein = `${String(20 + (i % 70)).padStart(2, '0')}-${String(1000000 + i * 7919).slice(-7)}`;
  const address = {
    line1: `${100 + i} ${STREETS[i % STREETS.length]}`,
    city: 'Springfield',
    state: 'IL',
    postalCode: String(62700 + (i % 40)),
  };
  const phone = `217-555-${String(1000 + i).slice(-4)}`;
  return { name, ein, address, phone };
}

interface JobView {
  id: string;
  status: string;
  result: { report: TrainingReport; draft: { revision: number; rulesVersion: string } } | null;
  error?: { code: string; message: string };
}

const levelOf = (report: TrainingReport, comparator: string, level: string) =>
  report.comparators.find((c) => c.name === comparator)?.levels.find((l) => l.name === level);

async function train(body: Record<string, unknown> = { seed: 7 }): Promise<JobView> {
  const started = await server.request<JobView>('POST', '/api/v1/matching/supplier/train', { body });
  expect(started.status, started.text).toBe(202);
  await server.running.services.jobs.waitFor(started.body.id);
  const job = await server.request<JobView>('GET', `/api/v1/jobs/${started.body.id}`);
  expect(job.body.status, JSON.stringify(job.body.error)).toBe('succeeded');
  return job.body;
}

describe('POST /matching/:domain/train', () => {
  const companies = Array.from({ length: 72 }, (_, i) => company(i));

  beforeAll(async () => {
    // Pair tasks, not cluster tasks, for name-only records: this test is about pair labels.
    const pairRules = changedRules('supplier', 'supplier-pairs-1', (r) => delete r.clusterReview);
    expect((await server.request('PUT', '/api/v1/matching/rules/supplier', { body: { rules: pairRules } })).status).toBe(200);
    expect((await server.request('POST', '/api/v1/matching/rules/supplier/publish', { body: { note: 'pair review only' } })).status).toBe(
      201,
    );
    const apply = (source: string, canonical: Record<string, unknown> & { sourceId: string }) =>
      applyCanonical(server, { domain: 'supplier', source, canonical });
    for (const [i, c] of companies.entries()) {
      await apply('oracle', { sourceId: `O${i}`, name: c.name, taxId: c.ein, addresses: [c.address], phone: c.phone });
      // Two of three companies have a second vendor record: upper case, a legal suffix, the EIN half the time.
      // Every fourth one abbreviates the name (SUPPLY → SUP), so names of duplicates are not always equal.
      const variant = i % 4 === 0 ? c.name.toUpperCase().replace('SUPPLY', 'SUP') : `${c.name.toUpperCase()} INC`;
      if (i % 3 !== 2)
        await apply('workday', {
          sourceId: `W${i}`,
          name: variant,
          ...(i % 2 === 0 ? { taxId: c.ein } : {}),
          addresses: [{ ...c.address, line1: c.address.line1.replace('St', 'Street') }],
        });
    }
    // Name-only records: stewards' questions (review tasks).
    await apply('sap', { sourceId: 'N1', name: at(companies, 2).name });
    await apply('sap', { sourceId: 'N2', name: at(companies, 5).name.replace('Supply', 'Suply') });
  });

  test('estimates u from random pairs and m by EM, saves the trained rules as the draft, reports per level', async () => {
    const job = await train();
    const report = job.result?.report as TrainingReport;
    expect(report).toMatchObject({ domain: 'supplier', records: 122, converged: true, labels: { matchesUsed: 0, nonMatchesUsed: 0 } });
    expect(report.iterations).toBeGreaterThan(1);
    expect(report.candidatePairs).toBeGreaterThan(0);
    expect(report.randomPairs).toBeGreaterThan(1000);
    // Two random suppliers almost never share a tax id: u of an EIN match is tiny, and m far above it.
    const einMatch = levelOf(report, 'ein', 'match');
    expect(einMatch?.u).toBeLessThan(0.01);
    expect(einMatch?.m).toBeGreaterThan(50 * (einMatch?.u ?? 1));
    // Duplicates mostly carry the same normalised name (legal suffix and case removed).
    const nameExact = levelOf(report, 'name', 'exact');
    expect(nameExact?.m).toBeGreaterThan(0.5);
    expect(nameExact?.matchWeight).toBeGreaterThan(3);
    // Disagreeing names are evidence against a match.
    expect(levelOf(report, 'name', 'different')?.matchWeight).toBeLessThan(0);
    expect(report.priorMatchProbability).toBeGreaterThan(0);
    expect(report.priorMatchProbability).toBeLessThan(1);

    const rules = await server.request<{
      draft: {
        rules: {
          version: string;
          model: string;
          comparators: Array<{ name: string; levels?: Array<{ name: string; m: number; u: number }> }>;
        };
      };
      draftState: string;
      published: { rulesVersion: string };
    }>('GET', '/api/v1/matching/rules/supplier');
    expect(rules.body.draftState).toBe('modified');
    expect(rules.body.published.rulesVersion).toBe('supplier-pairs-1');
    expect(rules.body.draft.rules.version).toBe(job.result?.draft.rulesVersion);
    expect(rules.body.draft.rules.version).toMatch(/^supplier-pairs-1\+trained\.\d{8}T\d{6}Z$/);
    expect(rules.body.draft.rules.model).toBe('fellegiSunter');
    expect(rules.body.draft.rules.comparators.find((c) => c.name === 'ein')?.levels?.find((l) => l.name === 'match')).toMatchObject({
      m: einMatch?.m,
      u: einMatch?.u,
    });
    // The analyst's next step works on the draft: the impact preview.
    const preview = await server.request<{ rules: { candidateChoice: string } }>('POST', '/api/v1/matching/rules/supplier/preview', {
      body: {},
    });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.rules.candidateChoice).toBe('draft');
  });

  test('stewards’ merge and not-a-match decisions are labels that change m', async () => {
    const before = (await train()).result?.report as TrainingReport;
    const tasks = await server.running.services.store
      .collection<TaskDocument>(TASKS)
      .find({ domain: 'supplier', type: 'potential-match', status: 'open' });
    const taskOf = (sourceId: string) => tasks.find((t) => t.subject.sourceRecordId === `supplier|sap|${sourceId}`);
    const toMerge = taskOf('N1');
    const toReject = taskOf('N2');
    expect(toMerge && toReject).toBeTruthy();
    const merged = await server.request('POST', `/api/v1/tasks/${toMerge?._id}/merge`, {
      body: { expectedVersion: toMerge?.version, reason: 'same supplier, confirmed by phone' },
    });
    expect(merged.status, merged.text).toBe(200);
    const rejected = await server.request('POST', `/api/v1/tasks/${toReject?._id}/not-a-match`, {
      body: { expectedVersion: toReject?.version, reason: 'a different company with the same trading name' },
    });
    expect(rejected.status, rejected.text).toBe(200);

    const after = (await train()).result?.report as TrainingReport;
    expect(after.labels.matchesUsed).toBe(1);
    expect(after.labels.nonMatchesUsed).toBeGreaterThanOrEqual(1);
    // Same records, same seed: only the labels differ. The merged pair (exact name, nothing else
    // present) raises m of the exact-name level; the rejected one (a near name) lowers m of its level.
    expect(levelOf(after, 'name', 'exact')?.matchLabels).toBe(1);
    expect(levelOf(after, 'name', 'exact')?.m).toBeGreaterThan(levelOf(before, 'name', 'exact')?.m ?? 1);
    expect(levelOf(after, 'name', 'jw>=0.9')?.nonMatchLabels).toBeGreaterThanOrEqual(1);
    expect(levelOf(after, 'name', 'jw>=0.9')?.m).toBeLessThan(levelOf(before, 'name', 'jw>=0.9')?.m ?? 0);
  });

  test.each([
    [{ randomPairs: 10 }, 'body.randomPairs'],
    [{ tolerance: 0 }, 'body.tolerance'],
    [{ unknown: 1 }, 'body.unknown'],
  ])('invalid options %j are 400 naming %s', async (body, path) => {
    const response = await server.request<{ error: { code: string; details: Array<{ path: string }> } }>(
      'POST',
      '/api/v1/matching/supplier/train',
      { body },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d) => d.path)).toContain(path);
  });

  test('an unknown domain is 400', async () => {
    const response = await server.request<{ error: { code: string } }>('POST', '/api/v1/matching/spaceship/train', { body: {} });
    expect(response.status).toBe(400);
  });
});

describe('training without labels on a rule set that has no levels', () => {
  test('generic levels are derived from outcomes and scores, so any comparator type is trained', () => {
    // Weight 0 marks a comparator as evidence for hard rules only (like item anyGtin): it stays without levels.
    const weighted = {
      ...shippedRules('supplier'),
      model: 'weighted' as const,
      comparators: shippedRules('supplier').comparators.map(({ levels: _levels, ...c }) => (c.name === 'phone' ? { ...c, weight: 0 } : c)),
    };
    const records = Array.from({ length: 60 }, (_, i) => company(i)).flatMap((c, i) => [
      { sourceId: `A${i}`, name: c.name, taxId: c.ein, phone: c.phone },
      { sourceId: `B${i}`, name: `${c.name} LLC`, taxId: c.ein },
    ]);
    const { rules, report } = trainFellegiSunter({ records, rules: weighted, options: { seed: 1 } });
    expect(validateRules(rules)).toEqual([]);
    expect(rules.model).toBe('fellegiSunter');
    expect(rules.thresholds).toEqual({ autoMerge: 0.99, review: 0.5 });
    const name = report.comparators.find((c) => c.name === 'name');
    expect(name?.levels.map((l) => l.name)).toContain('match');
    expect(name?.levels.at(-1)?.name).toBe('else');
    expect(report.comparators.find((c) => c.name === 'ein')?.levels.find((l) => l.name === 'match')?.m).toBeGreaterThan(0.5);
    expect(rules.comparators.find((c) => c.name === 'phone')?.levels).toBeUndefined();
    expect(report.comparators.map((c) => c.name)).not.toContain('phone');
  });
});

describe('rules format', () => {
  test.each([
    ['fellegiSunter without a prior', (r: Record<string, unknown>) => delete r.priorMatchProbability, 'priorMatchProbability', 'REQUIRED'],
    [
      'a last level with a condition',
      (r: { comparators: Array<{ levels?: Array<Record<string, unknown>> }> }) =>
        Object.assign(at(r.comparators, 0).levels?.at(-1) ?? {}, { outcome: 'mismatch' }),
      'comparators[0].levels[1]',
      'LEVELS_NOT_EXHAUSTIVE',
    ],
    [
      'an m of 0',
      (r: { comparators: Array<{ levels?: Array<Record<string, unknown>> }> }) =>
        Object.assign(at(r.comparators, 0).levels?.[0] ?? {}, { m: 0 }),
      'comparators[0].levels[0].m',
      undefined,
    ],
    [
      'a level named missing',
      (r: { comparators: Array<{ levels?: Array<Record<string, unknown>> }> }) =>
        Object.assign(at(r.comparators, 0).levels?.[0] ?? {}, { name: 'missing' }),
      'comparators[0].levels[0].name',
      'RESERVED_NAME',
    ],
  ])('%s is refused', (_title, change, path, code) => {
    const rules = shippedRules('supplier') as unknown as Record<string, unknown>;
    (change as (r: unknown) => void)(rules);
    const problems = validateRules(rules);
    expect(problems.map((p) => p.path)).toContain(path);
    if (code) expect(problems.map((p) => p.code)).toContain(code);
  });
});
