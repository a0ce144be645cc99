/**
 * Opt-in CPU profiles of the mapping pool (`MDM_MAPPING_CPU_PROF_DIR`, docs/INGEST.md session 25): the evaluator host
 * and its worker threads are started with `--cpu-prof`, so the pool's share of ingest CPU can be profiled inside the
 * server (NODE_OPTIONS refuses `--cpu-prof`; the host is forked without the server's flags). Off by default.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { createMappingRuntime } from '../../server/mapping-runtime/index';

const saved = process.env.MDM_MAPPING_CPU_PROF_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.MDM_MAPPING_CPU_PROF_DIR;
  else process.env.MDM_MAPPING_CPU_PROF_DIR = saved;
});

test('with MDM_MAPPING_CPU_PROF_DIR set, the host and its workers write CPU profiles when the runtime closes', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mapping-prof-'));
  try {
    process.env.MDM_MAPPING_CPU_PROF_DIR = dir;
    const runtime = createMappingRuntime({ poolSize: 1, logger: createLogger({ silent: true }) });
    const outcomes = await runtime.evaluateBatch({ cacheKey: 'prof', expression: '$uppercase(name)', records: [{ name: 'a' }] });
    expect(outcomes[0]).toMatchObject({ ok: true, value: 'A' });
    await runtime.close();
    const files = (await readdir(dir)).filter((file) => file.endsWith('.cpuprofile'));
    // CPU.<date>.<time>.<pid>.<thread id>.<seq>.cpuprofile: thread 0 is the host's main thread, the others its workers.
    const threads = new Set(files.map((file) => file.split('.')[4]));
    expect(threads.has('0')).toBe(true);
    expect(threads.size).toBeGreaterThanOrEqual(2);
    const profile = JSON.parse(await readFile(path.join(dir, files[0] as string), 'utf8')) as { nodes: unknown[] };
    expect(profile.nodes.length).toBeGreaterThan(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('without it, nothing is written (the default)', async () => {
  delete process.env.MDM_MAPPING_CPU_PROF_DIR;
  const cwdBefore = (await readdir(process.cwd())).filter((file) => file.endsWith('.cpuprofile')).length;
  const runtime = createMappingRuntime({ poolSize: 1, logger: createLogger({ silent: true }) });
  await runtime.evaluateBatch({ cacheKey: 'no-prof', expression: 'name', records: [{ name: 'a' }] });
  await runtime.close();
  expect((await readdir(process.cwd())).filter((file) => file.endsWith('.cpuprofile')).length).toBe(cwdBefore);
});
