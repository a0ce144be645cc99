/**
 * The mapping runtime through its public surface: real worker threads, real limits. Fixture tables
 * follow the n8n shape `{ expression, cases: [{ input, output } | { input, error }] }`.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLogger, createMemoryLogger } from '../../server/logger';
import { createMappingRuntime } from '../../server/mapping-runtime/index';
import type { MappingRuntime, RecordOutcome, RuntimeLimits } from '../../server/mapping-runtime/index';
import { at } from '../support/must';

type Case = { input: unknown; output: unknown } | { input: unknown; error: string };
interface Fixture {
  name: string;
  expression: string;
  lookups?: Record<string, Record<string, unknown>>;
  bindings?: Record<string, unknown>;
  cases: Case[];
}

function summarise(outcome: RecordOutcome): unknown {
  return outcome.ok ? { output: outcome.value } : { error: outcome.error.code };
}

function expectedOf(testCase: Case): unknown {
  return 'error' in testCase ? { error: testCase.error } : { output: testCase.output };
}

let runtime: MappingRuntime;
beforeAll(() => {
  runtime = createMappingRuntime({
    poolSize: 2,
    logger: createLogger({ silent: true }),
    limits: { timeoutMs: 1000, maxResultBytes: 10_000, workerMemoryMb: 64 },
  });
});
afterAll(async () => {
  await runtime.close();
});

async function runFixture(fixture: Fixture): Promise<void> {
  const outcomes = await runtime.evaluateBatch({
    cacheKey: `fixture:${fixture.name}`,
    expression: fixture.expression,
    records: fixture.cases.map((c) => c.input),
    lookups: fixture.lookups,
    bindings: fixture.bindings,
  });
  expect(outcomes.map(summarise)).toEqual(fixture.cases.map(expectedOf));
}

const extraFunctionFixtures: Fixture[] = [
  {
    name: '$gtin14 pads valid GTINs to 14 digits, null when the check digit is wrong, undefined when absent',
    expression: '$gtin14(gtin)',
    cases: [
      { input: { gtin: '036000291452' }, output: '00036000291452' },
      { input: { gtin: '036000291453' }, output: null },
      { input: { other: 1 }, output: undefined },
    ],
  },
  {
    name: '$ndc11',
    expression: '$ndc11(ndc)',
    cases: [
      { input: { ndc: '0002-0152-01' }, output: '00002015201' },
      { input: { ndc: 'abc' }, output: null },
    ],
  },
  {
    name: '$ein',
    expression: '$ein(tin)',
    cases: [
      { input: { tin: '12-3456789' }, output: '123456789' },
      { input: { tin: '07-1234567' }, output: null },
    ],
  },
  {
    name: '$duns left-pads 8 digits and rejects all zeros',
    expression: '$duns(d)',
    cases: [
      { input: { d: '15-048-3782' }, output: '150483782' },
      { input: { d: '12345678' }, output: '012345678' },
      { input: { d: '000000000' }, output: null },
    ],
  },
  {
    name: '$ccn',
    expression: '$ccn(c)',
    cases: [
      { input: { c: '33-0101' }, output: '330101' },
      { input: { c: 'x' }, output: null },
    ],
  },
  {
    name: '$uom maps X12 CA to CS',
    expression: '$uom(u)',
    cases: [
      { input: { u: 'ca' }, output: 'CS' },
      { input: { u: 'zz' }, output: null },
    ],
  },
  {
    name: '$normalizeName',
    expression: '$normalizeName(n)',
    cases: [{ input: { n: 'The Medline Industries, Inc.' }, output: 'MEDLINE INDUSTRIES' }],
  },
  {
    name: '$partNumber',
    expression: '$partNumber(p)',
    cases: [
      { input: { p: '10-775-PA-55' }, output: '10775PA55' },
      { input: { p: 1077 }, output: '1077' },
    ],
  },
  {
    name: '$postalCode restores a lost leading zero',
    expression: "$postalCode(zip, 'US')",
    cases: [
      { input: { zip: '2134' }, output: '02134' },
      { input: { zip: 2134 }, output: '02134' },
    ],
  },
  {
    name: '$checkGtin returns the check result object',
    expression: '$checkGtin(g)',
    cases: [
      { input: { g: '036000291452' }, output: { ok: true, value: '00036000291452' } },
      { input: { g: '036000291453' }, output: { ok: false, code: 'INVALID_GTIN', message: 'check digit should be 2, got 3' } },
    ],
  },
  {
    name: '$lookup reads a named table with a default, and keeps the built-in object form',
    expression: "{ 'uom': $lookup('uom', u, 'EA'), 'builtin': $lookup({'a': 1}, 'a') }",
    lookups: { uom: { CA: 'CS', BX: 'BX' } },
    cases: [
      { input: { u: 'CA' }, output: { uom: 'CS', builtin: 1 } },
      { input: { u: 'XX' }, output: { uom: 'EA', builtin: 1 } },
    ],
  },
  {
    name: '$lookup on an unknown table fails the record',
    expression: "$lookup('vendors', id)",
    lookups: {},
    cases: [{ input: { id: 1 }, error: 'LOOKUP_MISSING' }],
  },
  {
    name: 'bindings are visible as variables',
    expression: '$source & ":" & id',
    bindings: { source: 'PS' },
    cases: [{ input: { id: 'A1' }, output: 'PS:A1' }],
  },
];

const errorAndLimitFixtures: Fixture[] = [
  { name: 'syntax error', expression: '{ "a": ', cases: [{ input: {}, error: 'MAPPING_SYNTAX_ERROR' }] },
  {
    name: 'runtime type error fails only that record',
    expression: 'a + 1',
    cases: [
      { input: { a: 1 }, output: 2 },
      { input: { a: 'x' }, error: 'MAPPING_ERROR' },
    ],
  },
  { name: '$eval is disabled', expression: "$eval('1 + 1')", cases: [{ input: {}, error: 'MAPPING_FUNCTION_DISABLED' }] },
  {
    name: 'aliased $eval is disabled too',
    expression: "($e := $eval; $e('1 + 1'))",
    cases: [{ input: {}, error: 'MAPPING_FUNCTION_DISABLED' }],
  },
  {
    name: 'non-tail recursion hits the depth limit',
    expression: '($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(n))',
    cases: [
      { input: { n: 10 }, output: 10 },
      { input: { n: 100000 }, error: 'MAPPING_DEPTH_EXCEEDED' },
    ],
  },
  {
    name: 'endless tail recursion times out cooperatively',
    expression: '($f := function(){ $f() }; $f())',
    cases: [{ input: {}, error: 'MAPPING_TIMEOUT' }],
  },
  {
    name: 'result larger than maxResultBytes',
    expression: '$pad("", n)',
    cases: [
      { input: { n: 100 }, output: ' '.repeat(100) },
      { input: { n: 20000 }, error: 'MAPPING_RESULT_TOO_LARGE' },
    ],
  },
  { name: 'range beyond jsonata limit', expression: '$count([1..1e9])', cases: [{ input: {}, error: 'MAPPING_MEMORY_EXCEEDED' }] },
  {
    name: 'string doubling',
    expression: '($f := function($s){ $f($s & $s) }; $f("ab"))',
    cases: [{ input: {}, error: 'MAPPING_MEMORY_EXCEEDED' }],
  },
  {
    name: 'nested-quantifier regex rejected at compile',
    expression: '$match(s, /(a+)+$/)',
    cases: [{ input: { s: 'aaa' }, error: 'MAPPING_UNSAFE_REGEX' }],
  },
];

describe('extra functions', () => {
  test.each(extraFunctionFixtures)('$name', runFixture);
});

describe('errors and limits', () => {
  test.each(errorAndLimitFixtures)('$name', runFixture);

  test('errors keep jsonata code, position and token', async () => {
    const [syntax] = await runtime.evaluateBatch({ cacheKey: 'pos:1', expression: 'Account.(Name', records: [{}] });
    expect(syntax).toMatchObject({ ok: false, error: { code: 'MAPPING_SYNTAX_ERROR', jsonataCode: 'S0203', position: 13 } });
    const typeError = at(await runtime.evaluateBatch({ cacheKey: 'pos:2', expression: 'a + 1', records: [{ a: 'x' }] }), 0);
    expect(typeError).toMatchObject({ ok: false, error: { code: 'MAPPING_ERROR', jsonataCode: 'T2001', token: '+', position: 3 } });
    expect(typeError.ok === false && typeError.error.message).toMatch(/left side of the "\+" operator must evaluate to a number/);
  });
});

describe('checkSyntax on the runtime', () => {
  test.each([
    { expression: '$match(s, /^(\\d+)\\s*([A-Z]+)$/)', error: null },
    { expression: 'a +', error: { code: 'MAPPING_SYNTAX_ERROR', jsonataCode: 'S0207' } },
    { expression: '$match(s, /(a+)+$/)', error: { code: 'MAPPING_UNSAFE_REGEX', position: 18 } },
  ])('$expression', ({ expression, error }) => {
    const result = runtime.checkSyntax(expression);
    if (error === null) expect(result).toBeNull();
    else expect(result).toMatchObject(error);
  });
});

test('workers also load under `node --import tsx`, the npm start setting', async () => {
  const script = fileURLToPath(new URL('./fixtures/evaluateUnderTsx.ts', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: process.cwd() });
  expect(JSON.parse(stdout)).toEqual([{ gtin: '00036000291452', n: 42 }]);
});

describe('caching', () => {
  test('a cacheKey reused with new text never evaluates the stale expression', async () => {
    const first = await runtime.evaluateBatch({ cacheKey: 'item-map@1', expression: 'a * 2', records: [{ a: 2 }, { a: 3 }, { a: 4 }] });
    const second = await runtime.evaluateBatch({ cacheKey: 'item-map@1', expression: 'a * 10', records: [{ a: 2 }, { a: 3 }, { a: 4 }] });
    expect(first.map(summarise)).toEqual([{ output: 4 }, { output: 6 }, { output: 8 }]);
    expect(second.map(summarise)).toEqual([{ output: 20 }, { output: 30 }, { output: 40 }]);
  });

  test('large batches are chunked across workers and come back in order', async () => {
    const records = Array.from({ length: 1234 }, (_, i) => ({ id: i }));
    const outcomes = await runtime.evaluateBatch({ cacheKey: 'order', expression: 'id * 3', records });
    expect(outcomes.map(summarise)).toEqual(records.map((r) => ({ output: r.id * 3 })));
  });
});

/** Counts event-loop turns of the main thread while `work` runs, as an HTTP server's callbacks would see them. */
async function countMainThreadTicks<T>(work: () => Promise<T>): Promise<{ result: T; ticks: number }> {
  let ticks = 0;
  let isRunning = true;
  const tick = (): void => {
    ticks += 1;
    if (isRunning) setImmediate(tick);
  };
  setImmediate(tick);
  const result = await work();
  isRunning = false;
  return { result, ticks };
}

describe('hostile mappings fail only their own record', () => {
  const logger = createMemoryLogger();
  // Regexes are allowed through here so the watchdog, not the static guard, has to stop them.
  const hostileFixtures: Array<Fixture & { limits: Partial<RuntimeLimits> }> = [
    {
      name: 'catastrophic regex: the watchdog kills the worker, neighbours succeed on a fresh one',
      limits: { timeoutMs: 1000, shouldRejectUnsafeRegex: false },
      expression: '{ "id": id, "ok": $exists($match(s, /(a+)+$/)) }',
      cases: [
        { input: { id: 1, s: 'aaa' }, output: { id: 1, ok: true } },
        { input: { id: 2, s: `${'a'.repeat(40)}!` }, error: 'MAPPING_TIMEOUT' },
        { input: { id: 3, s: 'b' }, output: { id: 3, ok: false } },
        { input: { id: 4, s: 'aa' }, output: { id: 4, ok: true } },
      ],
    },
    {
      name: 'memory bomb: the worker hits its heap limit, neighbours succeed on a fresh one',
      // A generous clock so the heap limit, not the time limit, stops this record; a small young
      // generation so the heap fills (and Node terminates the worker) without minutes of GC thrashing.
      limits: { timeoutMs: 60_000, workerMemoryMb: 64, workerYoungGenerationMb: 8 },
      expression: 'big ? $count([1..1e6].{ "a": $string($) & "-padding-padding", "b": [$, $, $] }) : id',
      cases: [
        { input: { id: 1 }, output: 1 },
        { input: { id: 2, big: true }, error: 'MAPPING_MEMORY_EXCEEDED' },
        { input: { id: 3 }, output: 3 },
      ],
    },
  ];

  // Generous hang guard only (no timing assertion): a loaded machine makes heap exhaustion slow.
  test.each(hostileFixtures)('$name', { timeout: 120_000 }, async (fixture) => {
    const hostileRuntime = createMappingRuntime({ poolSize: 1, logger, limits: fixture.limits });
    try {
      const { result, ticks } = await countMainThreadTicks(() =>
        hostileRuntime.evaluateBatch({
          cacheKey: fixture.name,
          expression: fixture.expression,
          records: fixture.cases.map((c) => c.input),
        }),
      );
      expect(result.map(summarise)).toEqual(fixture.cases.map(expectedOf));
      // A main thread blocked by the evaluation would not get a second turn before the batch resolved.
      expect(ticks).toBeGreaterThan(1);
      const afterwards = await hostileRuntime.evaluateBatch({ cacheKey: 'after', expression: 'x + 1', records: [{ x: 1 }, { x: 2 }] });
      expect(afterwards.map(summarise)).toEqual([{ output: 2 }, { output: 3 }]);
    } finally {
      await hostileRuntime.close();
    }
  });

  test('worker replacements are logged with the reason', () => {
    const messages = logger.entries.map((entry) => `${entry.level}:${entry.msg}:${String(entry.reason ?? '')}`);
    expect(messages).toContain('warn:mapping worker stuck past the time limit; terminating it:');
    expect(messages).toContain('warn:mapping worker exited; replacing it:MAPPING_MEMORY_EXCEEDED');
  });
});

/** Polls `condition` every 20 ms until it holds or `deadlineMs` passes (a hang guard, not a timing assertion). */
async function waitUntil(condition: () => boolean, deadlineMs = 60_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('process isolation: an evaluator process that dies costs one record', () => {
  // `slow` records loop until the (generous) per-record clock; the test kills the evaluator process
  // under them, as a V8 heap abort would, and the runtime must name exactly that record.
  const SLOW_EXPRESSION = 'slow ? ($f := function($n){ $n > 1e12 ? $n : $f($n + 1) }; $f(0)) : id';

  test(
    'the killed record fails with MAPPING_RESOURCE_LIMIT, its neighbours succeed on a new evaluator, the runtime stays usable',
    { timeout: 120_000 },
    async () => {
      const isolated = createMappingRuntime({
        poolSize: 1,
        logger: createLogger({ silent: true }),
        limits: { timeoutMs: 60_000, maxDepth: 1e9 },
      });
      try {
        const pending = isolated.evaluateBatch({
          cacheKey: 'slow',
          expression: SLOW_EXPRESSION,
          records: [{ id: 1 }, { id: 2, slow: true }, { id: 3 }],
        });
        const killed = new Set<number>();
        let isSettled = false;
        void pending.finally(() => {
          isSettled = true;
        });
        // Whenever an evaluator has been busy on one batch for 5 s it can only be on the slow record: kill it.
        while (!isSettled) {
          const lane = isolated.health().lanes.ingest;
          if (lane.pid !== null && !killed.has(lane.pid) && lane.oldestInFlightMs > 5000) {
            killed.add(lane.pid);
            process.kill(lane.pid, 'SIGKILL');
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const outcomes = await pending;
        expect(outcomes.map(summarise)).toEqual([{ output: 1 }, { error: 'MAPPING_RESOURCE_LIMIT' }, { output: 3 }]);
        // Killed once with three records in flight (unattributable), once more running the slow record alone.
        expect(killed.size).toBe(2);
        expect(isolated.health().lanes.ingest.restarts).toBe(2);
        const afterwards = await isolated.evaluateBatch({ cacheKey: 'after', expression: 'x + 1', records: [{ x: 1 }] });
        expect(afterwards.map(summarise)).toEqual([{ output: 2 }]);
        expect(isolated.health().isReady).toBe(true);
      } finally {
        await isolated.close();
      }
    },
  );
});

describe('lanes: interactive calls have their own evaluator and a budget', () => {
  test(
    'an interactive call past its budget fails the records it did not reach with MAPPING_BUDGET_EXCEEDED',
    { timeout: 120_000 },
    async () => {
      const laned = createMappingRuntime({ poolSize: 1, logger: createLogger({ silent: true }), limits: { timeoutMs: 300 } });
      try {
        // Each `loop` record runs until its 300 ms clock; a 500 ms budget cannot reach all ten.
        const records = Array.from({ length: 10 }, (_, id) => ({ id, loop: true }));
        const outcomes = await laned.evaluateBatch({
          cacheKey: 'loop',
          expression: 'loop ? ($f := function(){ $f() }; $f()) : id',
          records,
          lane: 'interactive',
          budgetMs: 500,
        });
        const codes = outcomes.map((outcome) => (outcome.ok ? 'ok' : outcome.error.code));
        expect(codes[0]).toBe('MAPPING_TIMEOUT');
        expect(codes.at(-1)).toBe('MAPPING_BUDGET_EXCEEDED');
        expect(codes.every((code) => code === 'MAPPING_TIMEOUT' || code === 'MAPPING_BUDGET_EXCEEDED')).toBe(true);
        expect(laned.health().lanes.interactive.state).toBe('ready');
      } finally {
        await laned.close();
      }
    },
  );

  test('ingest is answered while the interactive evaluator is stuck in a catastrophic regex', { timeout: 120_000 }, async () => {
    const laned = createMappingRuntime({
      poolSize: 1,
      logger: createLogger({ silent: true }),
      limits: { timeoutMs: 1000, shouldRejectUnsafeRegex: false },
    });
    try {
      const records = Array.from({ length: 5 }, () => ({ s: `${'a'.repeat(40)}!` }));
      let isPreviewDone = false;
      const preview = laned
        .evaluateBatch({ cacheKey: 'redos', expression: '$match(s, /(a+)+$/)', records, lane: 'interactive', budgetMs: 60_000 })
        .finally(() => {
          isPreviewDone = true;
        });
      await waitUntil(() => laned.health().lanes.interactive.inFlight > 0);
      const ingest = await laned.evaluateBatch({ cacheKey: 'plain', expression: 'x * 2', records: [{ x: 21 }] });
      expect(ingest.map(summarise)).toEqual([{ output: 42 }]);
      // The ingest answer did not wait for the preview (five records of at least 1 s each).
      expect(isPreviewDone).toBe(false);
      expect((await preview).every((outcome) => !outcome.ok && outcome.error.code === 'MAPPING_TIMEOUT')).toBe(true);
    } finally {
      await laned.close();
    }
  });

  test('an aborted signal rejects the call', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopping'));
    await expect(runtime.evaluateBatch({ cacheKey: 'x', expression: '1', records: [{}], signal: controller.signal })).rejects.toThrow(
      'stopping',
    );
  });
});

describe('a batch that cannot be sent never wedges the runtime', () => {
  test('lookups too deep to serialise fail the batch records with MAPPING_INPUT_UNSUPPORTED; the next batch runs', async () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < 20_000; level++) deep = { a: deep };
    const outcomes = await runtime.evaluateBatch({
      cacheKey: 'deep-lookup',
      expression: '$lookup("t", "k")',
      records: [{}, {}],
      lookups: { t: { k: deep } },
    });
    expect(outcomes.map(summarise)).toEqual([{ error: 'MAPPING_INPUT_UNSUPPORTED' }, { error: 'MAPPING_INPUT_UNSUPPORTED' }]);
    const next = await runtime.evaluateBatch({ cacheKey: 'after-deep', expression: 'x + 1', records: [{ x: 1 }] });
    expect(next.map(summarise)).toEqual([{ output: 2 }]);
    expect(runtime.health().isReady).toBe(true);
  });

  test('a record too deep to serialise fails alone; its neighbours are evaluated', async () => {
    let deep: unknown = 1;
    for (let level = 0; level < 20_000; level++) deep = { a: deep };
    const outcomes = await runtime.evaluateBatch({ cacheKey: 'deep-record', expression: 'x', records: [{ x: 1 }, { x: deep }, { x: 3 }] });
    expect(outcomes.map(summarise)).toEqual([{ output: 1 }, { error: 'MAPPING_INPUT_UNSUPPORTED' }, { output: 3 }]);
  });
});

describe('readiness', () => {
  test(
    'an evaluator whose workers cannot start is reported wedged and fails its records with the reason',
    { timeout: 120_000 },
    async () => {
      // 1 MiB of heap is too little for a worker to load: every start fails.
      const broken = createMappingRuntime({
        poolSize: 1,
        logger: createLogger({ silent: true }),
        limits: { workerMemoryMb: 1, workerYoungGenerationMb: 1 },
      });
      try {
        const outcomes = await broken.evaluateBatch({ cacheKey: 'x', expression: 'x', records: [{ x: 1 }] });
        const outcome = at(outcomes, 0, 'outcome');
        expect(outcome).toMatchObject({ ok: false, error: { code: 'MAPPING_ERROR' } });
        expect(!outcome.ok && outcome.error.message).toContain('cannot start');
        const health = broken.health();
        expect(health.isReady).toBe(false);
        expect(health.lanes.ingest).toMatchObject({ state: 'failed', isWedged: true });
      } finally {
        await broken.close();
      }
    },
  );

  test('a healthy runtime is ready; the interactive lane is idle until first used', () => {
    const health = runtime.health();
    expect(health.isReady).toBe(true);
    expect(health.lanes.ingest.isWedged).toBe(false);
    expect(health.lanes.interactive.state).toBe('idle');
  });
});
