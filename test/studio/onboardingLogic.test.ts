/** The studio's upload body for each file kind, and what the jobs views read from a job, as fixture tables. */
import { describe, expect, test } from 'vitest';
import { failureReasonOf, ingestTotalsOf, percentOf } from '../../studio/src/jobs/jobView';
import type { JobView } from '../../studio/src/jobs/jobView';
import { uploadBodyOf } from '../../studio/src/pages/mappings/uploadFile';

describe('uploadBodyOf', () => {
  test.each([
    {
      name: 'CSV as is',
      file: 'items.csv',
      text: 'A,B\n1,2\n',
      expected: { ok: true, body: 'A,B\n1,2\n', contentType: 'text/csv', format: 'csv' },
    },
    {
      name: 'NDJSON as is',
      file: 'items.ndjson',
      text: '{"a":1}\n',
      expected: { ok: true, body: '{"a":1}\n', contentType: 'application/x-ndjson', format: 'ndjson' },
    },
    {
      name: 'JSONL as NDJSON',
      file: 'ITEMS.JSONL',
      text: '{"a":1}\n',
      expected: { ok: true, contentType: 'application/x-ndjson', format: 'ndjson' },
    },
    {
      name: 'a JSON array becomes NDJSON',
      file: 'items.json',
      text: '[{"a":1},{"b":"x"}]',
      expected: { ok: true, body: '{"a":1}\n{"b":"x"}\n', contentType: 'application/x-ndjson', format: 'json' },
    },
    { name: 'one JSON object is one record', file: 'one.json', text: '{"a":1}', expected: { ok: true, body: '{"a":1}\n' } },
  ])('$name', ({ file, text, expected }) => expect(uploadBodyOf(file, text)).toMatchObject(expected));

  test.each([
    { file: 'items.json', text: '[{"a":1}', message: /items\.json is not valid JSON/ },
    { file: 'items.json', text: '[{"a":1}, 2]', message: /record 2 is not a JSON object/ },
    { file: 'items.json', text: '[]', message: /empty array/ },
    { file: 'items.xlsx', text: 'PK', message: /choose a \.csv, \.ndjson \(or \.jsonl\) or \.json file/ },
    { file: 'empty.csv', text: '  \n', message: /empty/ },
  ])('$file ($text) is refused in words', ({ file, text, message }) => {
    const result = uploadBodyOf(file, text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

function job(overrides: Partial<JobView>): JobView {
  return {
    id: 'job_1',
    type: 'ingest.upload',
    status: 'running',
    params: { source: 'meditech', domain: 'item' },
    progress: { total: 20, done: 5, failed: 1, ratePerSecond: 3, etaSeconds: 5, percent: 30 },
    result: null,
    error: null,
    attempts: 1,
    createdBy: 'k',
    createdAt: '2026-12-03T00:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    updatedAt: '2026-12-03T00:00:00.000Z',
    ...overrides,
  } as JobView;
}

describe('job views', () => {
  test.each([
    { name: 'running with a total', view: job({}), percent: 30, reason: '', totals: null },
    {
      name: 'succeeded upload',
      view: job({ status: 'succeeded', result: { totals: { received: 20, accepted: 18, unchanged: 0, exceptions: 2 } } }),
      percent: 100,
      reason: '',
      totals: { received: 20, accepted: 18, unchanged: 0, exceptions: 2 },
    },
    {
      name: 'failed without a total',
      view: job({
        status: 'failed',
        progress: { done: 0, failed: 0, ratePerSecond: 0, etaSeconds: null, percent: null },
        error: { code: 'UPLOAD_MISSING', message: 'The file is gone.' },
      }),
      percent: 0,
      reason: 'The file is gone. (UPLOAD_MISSING)',
      totals: null,
    },
    { name: 'cancelled', view: job({ status: 'cancelled' }), percent: 30, reason: 'Cancelled.', totals: null },
    { name: 'quarantined', view: job({ status: 'quarantined' }), percent: 30, reason: expect.stringMatching(/^Quarantined/), totals: null },
  ])('$name', ({ view, percent, reason, totals }) => {
    expect(percentOf(view)).toBe(percent);
    expect(failureReasonOf(view)).toEqual(reason);
    expect(ingestTotalsOf(view)).toEqual(totals);
  });
});
