import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, test } from 'vitest';
import { createEvaluator } from '../../studio/src/jsonata/evaluation';
import type { EvaluationMessage } from '../../studio/src/jsonata/evaluation';
import { createEvaluationClient } from '../../studio/src/jsonata/evaluationClient';
import type { EvaluationClient, WorkerLike } from '../../studio/src/jsonata/evaluationClient';
import { at } from '../support/must';

type Case = { input: unknown; output: unknown } | { input: unknown; error: string; jsonataCode?: string };

const lookups = { uom: { CA: 'CS', EACH: 'EA' }, status: { A: 'active', I: 'inactive' } };

// n8n-style fixtures: one expression, several inputs with their expected output or error code.
const fixtures: Array<{ expression: string; cases: Case[] }> = [
  {
    expression: '{ "sourceId": VENDOR_ID, "name": $trim(NAME1), "status": $lookup("status", VENDOR_STATUS, "inactive") }',
    cases: [
      {
        input: { VENDOR_ID: '0000012345', NAME1: '  Acme  Medical ', VENDOR_STATUS: 'A' },
        output: { sourceId: '0000012345', name: 'Acme Medical', status: 'active' },
      },
      {
        input: { VENDOR_ID: '0000012346', NAME1: 'Beta', VENDOR_STATUS: 'X' },
        output: { sourceId: '0000012346', name: 'Beta', status: 'inactive' },
      },
    ],
  },
  {
    expression: '$gtin14(EAN11)',
    cases: [
      { input: { EAN11: '0888439001238' }, output: '00888439001238' },
      { input: { EAN11: '0888439001237' }, output: null },
      { input: {}, output: undefined },
    ],
  },
  { expression: '$ndc11(NDC)', cases: [{ input: { NDC: '0002-0152-01' }, output: '00002015201' }] },
  {
    expression: '$uom(U)',
    cases: [
      { input: { U: 'CA' }, output: 'CS' },
      { input: { U: 'ZZ' }, output: null },
    ],
  },
  { expression: '$normalizeName(N)', cases: [{ input: { N: 'Cardinal Health®, Inc.' }, output: 'CARDINAL HEALTH' }] },
  { expression: '$partNumber(P)', cases: [{ input: { P: '10-775-PA-55' }, output: '10775PA55' }] },
  {
    expression: '$checkGtin(G).ok',
    cases: [
      { input: { G: '00888439001238' }, output: true },
      { input: { G: '123' }, output: false },
    ],
  },
  { expression: "$lookup('missingTable', 'x')", cases: [{ input: {}, error: 'LOOKUP_MISSING' }] },
  { expression: '$lookup({"a": 1}, "a")', cases: [{ input: {}, output: 1 }] },
  { expression: '$eval("1 + 1")', cases: [{ input: {}, error: 'MAPPING_FUNCTION_DISABLED' }] },
  {
    expression: 'Qty * 2',
    cases: [
      { input: { Qty: 3 }, output: 6 },
      { input: { Qty: 'x' }, error: 'MAPPING_ERROR', jsonataCode: 'T2001' },
    ],
  },
  { expression: 'Lines.{ "sku": Sku }', cases: [{ input: { Lines: [{ Sku: 'A' }, { Sku: 'B' }] }, output: [{ sku: 'A' }, { sku: 'B' }] }] },
];

describe('createEvaluator', () => {
  const evaluator = createEvaluator();
  test.each(fixtures)('$expression', async ({ expression, cases }) => {
    const response = await evaluator.evaluate({ id: 7, expression, records: cases.map((entry) => entry.input), lookups });
    expect(response.id).toBe(7);
    expect(response.compileError).toBeNull();
    cases.forEach((entry, index) => {
      const result = at(response.results, index);
      if ('output' in entry) {
        expect(result, JSON.stringify(entry.input)).toMatchObject({ ok: true });
        if (result.ok) expect(result.value).toEqual(entry.output);
      } else {
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe(entry.error);
          if (entry.jsonataCode) expect(result.error.jsonataCode).toBe(entry.jsonataCode);
        }
      }
    });
  });

  test.each([
    ['syntax error', 'Foo.Bar +', 'MAPPING_SYNTAX_ERROR'],
    ['unsafe regex is rejected before running', '$match(x, /(a+)+$/)', 'MAPPING_UNSAFE_REGEX'],
  ])('%s: compile error with position, no results', async (_name, expression, code) => {
    const response = await evaluator.evaluate({ id: 1, expression, records: [{}, {}], lookups: {} });
    expect(response.results).toEqual([]);
    expect(response.compileError?.code).toBe(code);
    expect(typeof response.compileError?.position).toBe('number');
  });

  test.each([
    ['a range far past the sequence limit', '[1..100000000]', 'MAPPING_MEMORY_EXCEEDED'],
    ['endless recursion', '($f := function($n) { $f($n + 1) + 1 }; $f(0))', 'MAPPING_DEPTH_EXCEEDED'],
    ["an endless tail call (no stack growth) hits jsonata's own timeout", '($f := function($n) { $f($n + 1) }; $f(0))', 'MAPPING_TIMEOUT'],
  ])("%s fails the record with the runtime's code", async (_name, expression, code) => {
    const response = await evaluator.evaluate({ id: 1, expression, records: [{}], lookups: {} });
    expect(response.results[0]).toMatchObject({ ok: false, error: { code } });
  });

  test('results are plain JSON (they cross a worker boundary)', async () => {
    const response = await evaluator.evaluate({
      id: 1,
      expression: '{ "f": function($x) { $x }, "n": [1, 2].($ * 2) }',
      records: [{}],
      lookups: {},
    });
    expect(response.results[0]).toMatchObject({ ok: true, value: { f: '', n: [2, 4] } });
  });
});

/** The client driving a real worker thread running the studio evaluator. */
function nodeWorker(): WorkerLike {
  const worker = new Worker(new URL('./evaluationWorkerBootstrap.mjs', import.meta.url), { execArgv: [] });
  const adapter: WorkerLike = {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.on('message', (data: EvaluationMessage) => adapter.onmessage?.({ data }));
  worker.on('error', (error: Error) => adapter.onerror?.({ message: error.message }));
  created.push(adapter);
  return adapter;
}

const created: WorkerLike[] = [];
let client: EvaluationClient | undefined;
afterEach(() => {
  client?.dispose();
  created.length = 0;
});

// Exponential backtracking the static guard cannot see (overlapping alternation): only the hard timeout stops it.
const HANGING = `$contains("${'a'.repeat(40)}!", /^(a|a)*$/)`;

describe('createEvaluationClient', () => {
  test('evaluates in the worker', async () => {
    client = createEvaluationClient({ createWorker: nodeWorker, timeoutMs: 20_000 });
    const outcome = await client.evaluate({ expression: '$uppercase(name)', records: [{ name: 'gauze' }], lookups: {} });
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.response.results).toMatchObject([{ ok: true, value: 'GAUZE' }]);
  });

  test('a hanging evaluation is stopped at the timeout, the worker replaced, and the next request works', async () => {
    client = createEvaluationClient({ createWorker: nodeWorker, timeoutMs: 1500 });
    const hung = await client.evaluate({ expression: HANGING, records: [{}], lookups: {} });
    expect(hung).toEqual({ status: 'timeout', timeoutMs: 1500 });
    const next = await client.evaluate({ expression: 'n + 1', records: [{ n: 1 }], lookups: {} });
    expect(next.status).toBe('done');
    if (next.status === 'done') expect(next.response.results).toMatchObject([{ ok: true, value: 2 }]);
    expect(created).toHaveLength(2);
  });

  test('while one request runs only the newest waits; older waiting requests are superseded', async () => {
    client = createEvaluationClient({ createWorker: nodeWorker, timeoutMs: 1500 });
    const running = client.evaluate({ expression: HANGING, records: [{}], lookups: {} });
    const older = client.evaluate({ expression: '"older"', records: [{}], lookups: {} });
    const newest = client.evaluate({ expression: '"newest"', records: [{}], lookups: {} });
    expect(await older).toEqual({ status: 'superseded' });
    expect((await running).status).toBe('timeout');
    const outcome = await newest;
    expect(outcome.status).toBe('done');
    if (outcome.status === 'done') expect(outcome.response.results).toMatchObject([{ ok: true, value: 'newest' }]);
  });

  test("a worker's start-up does not count against the time limit: it starts when the worker takes the request", async () => {
    // A stand-in worker that takes ten times the time limit to load, then answers at once.
    const slowStarting = (): WorkerLike => {
      const adapter: WorkerLike = {
        postMessage: (message) => {
          setTimeout(() => {
            adapter.onmessage?.({ data: { id: message.id, started: true } });
            adapter.onmessage?.({ data: { id: message.id, compileError: null, results: [{ ok: true, value: 'loaded', durationMs: 0 }] } });
          }, 500);
        },
        terminate: () => undefined,
        onmessage: null,
        onerror: null,
      };
      return adapter;
    };
    client = createEvaluationClient({ createWorker: slowStarting, timeoutMs: 50 });
    const outcome = await client.evaluate({ expression: '"loaded"', records: [{}], lookups: {} });
    expect(outcome.status).toBe('done');
  });

  test('a worker that never takes the request is reported as crashed after the start-up limit', async () => {
    const silent = (): WorkerLike => ({ postMessage: () => undefined, terminate: () => undefined, onmessage: null, onerror: null });
    client = createEvaluationClient({ createWorker: silent, timeoutMs: 50, startupTimeoutMs: 200 });
    const outcome = await client.evaluate({ expression: '1', records: [{}], lookups: {} });
    expect(outcome).toEqual({ status: 'crashed', message: 'The evaluation worker did not start within 0.2 s.' });
  });
});
