/**
 * Downstream sync benchmark: a real server process's services (embedded store, dispatcher) delivering
 * to a local HTTP receiver. Prints figures; asserts nothing (machines are noisy).
 *   node --import tsx bench/sync.bench.ts --backlog 5000 --rate 100 --seconds 20
 * (1) throughput: `--backlog` golden-record changes are made while the subscription is paused, then
 *     it is resumed: deliveries/s until the receiver has acknowledged them all (fan-out included).
 * (2) latency at a steady load: `--rate` changes/s for `--seconds`, each delivered live: change
 *     committed → receiver's 2xx, p50/p95/p99.
 * `--profile <file.cpuprofile>`: V8 CPU profile of phase (1) alone (summarise with bench/cpuProfileSummary.mjs).
 * The receiver runs in its own process (bench/syncReceiver.mjs). Also printed: the hub process's CPU time per
 * delivery in phase (1), which bounds the rate on an idle core, and the receiver's apart.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { type ChildProcess, fork } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { bootstrap } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { applySourceRecord, type SourceRecordDocument } from '../server/golden';
import { createLogger } from '../server/logger';
import { createSubscription, pauseSubscription, resumeSubscription } from '../server/sync/subscriptions';
import { generateItems } from './generators/items';
import { present } from '../server/invariant';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const backlog = option('backlog', 5000);
const rate = option('rate', 100);
const seconds = option('seconds', 20);
const profileIndex = process.argv.indexOf('--profile');
const profileFile = profileIndex >= 0 ? process.argv[profileIndex + 1] : undefined;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

// The receiver runs in its own process (bench/syncReceiver.mjs): its CPU is reported apart from the hub's.
type ReceiverMessage =
  | { type: 'listening'; port: number }
  | { type: 'reached'; count: number }
  | { type: 'report'; count: number; latencies: number[]; cpu: { user: number; system: number } };
const receiver: ChildProcess = fork(fileURLToPath(new URL('./syncReceiver.mjs', import.meta.url)), [], { stdio: 'inherit' });
function nextMessage<T extends ReceiverMessage['type']>(type: T, timeoutMs = 600_000): Promise<Extract<ReceiverMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      receiver.off('message', listener);
      reject(new Error(`the receiver sent no ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (message: ReceiverMessage) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      receiver.off('message', listener);
      resolve(message as Extract<ReceiverMessage, { type: T }>);
    };
    receiver.on('message', listener);
  });
}
const { port } = await nextMessage('listening', 30_000);
const url = `http://127.0.0.1:${port}/hook`;
/** Resolves once the receiver has seen `count` distinct webhook-ids. */
async function receiverReached(count: number, timeoutMs?: number): Promise<void> {
  const reached = nextMessage('reached', timeoutMs);
  receiver.send({ type: 'wait', count });
  await reached;
}
async function receiverReport(): Promise<Extract<ReceiverMessage, { type: 'report' }>> {
  const report = nextMessage('report', 30_000);
  receiver.send({ type: 'report' });
  return report;
}

const dataDir = mkdtempSync(join(tmpdir(), 'mdm-sync-bench-'));
const config = loadConfig({
  MDM_DATA_DIR: dataDir,
  MDM_SEED: 'false',
  MDM_EGRESS_ALLOW: '127.0.0.1',
  MDM_SYNC_INTERVAL_MS: '20',
  MDM_ADMIN_KEY: 'bench_admin_key_0123456789abcdef',
});
const running = await bootstrap({ config, logger: createLogger({ silent: true }) });
const { services } = running;
const actor = { keyId: 'bench', name: 'bench', role: 'admin' };
const generated = generateItems({ count: backlog + rate * seconds + 10, seed: 7 });
let next = 0;
function sourceRecord(): SourceRecordDocument {
  const canonical = present(generated.records[next++], 'generated.records[next++]');
  const at = new Date().toISOString();
  return {
    _id: `item|bench|${canonical.sourceId}`,
    domain: 'item',
    source: 'bench',
    sourceId: canonical.sourceId,
    goldenId: '',
    raw: canonical,
    canonical,
    payloadHash: createHash('sha256').update(JSON.stringify(canonical)).digest('hex'),
    mappingVersion: 1,
    schemaVersion: '1.0.0',
    receivedAt: at,
    updatedAt: at,
    version: 1,
  };
}
console.log(`sync bench: embedded store in ${dataDir}, receiver ${url}, ${services.mappingRuntime ? 'dispatcher running' : ''}`);

const { subscription } = await createSubscription(services, {
  body: { name: 'bench', domains: ['item'], transport: { type: 'webhook', url, maxInFlight: 32 } },
  actor,
});
await pauseSubscription(services, { id: subscription._id, actor });
for (let start = 0; start < backlog; start += 50) {
  await services.store.withTransaction(async (session) => {
    for (let i = start; i < Math.min(backlog, start + 50); i++)
      await applySourceRecord(services, { sourceRecord: sourceRecord(), actor, session });
  });
}
let changes = await services.store.collection('changes').countDocuments({});
const session = profileFile ? new Session() : undefined;
const post = (method: string): Promise<unknown> =>
  new Promise((resolve, reject) => session?.post(method, (error, result) => (error ? reject(error) : resolve(result))));
if (session) {
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.start');
}
receiver.send({ type: 'reset' });
const cpuBefore = process.cpuUsage();
let started = performance.now();
await resumeSubscription(services, { id: subscription._id, actor });
await receiverReached(changes);
// Changes made after the count (the change sequencer and matching may still add some) belong to this phase too:
// wait for them, or phase (2) would measure them with the backlog's age.
for (let total = await services.store.collection('changes').countDocuments({}); total > changes;) {
  changes = total;
  await receiverReached(changes);
  total = await services.store.collection('changes').countDocuments({});
}
let elapsed = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const receiverCpu = (await receiverReport()).cpu;
const cpuMsPerDelivery = (cpu.user + cpu.system) / 1000 / changes;
const receiverCpuMsPerDelivery = (receiverCpu.user + receiverCpu.system) / 1000 / changes;
if (session && profileFile) {
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  writeFileSync(profileFile, JSON.stringify(profile));
  session.disconnect();
}
console.log(`(1) backlog of ${changes} changes: delivered in ${elapsed.toFixed(1)} s = ${Math.round(changes / elapsed)} deliveries/s`);
console.log(
  `    hub process CPU ${cpuMsPerDelivery.toFixed(3)} ms per delivery → ${Math.round(1000 / cpuMsPerDelivery)} deliveries/s on one idle core; receiver process ${receiverCpuMsPerDelivery.toFixed(3)} ms per delivery`,
);

receiver.send({ type: 'reset' });
const sentAt: number[] = [];
started = performance.now();
const total = rate * seconds;
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / rate;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  await applySourceRecord(services, { sourceRecord: sourceRecord(), actor });
  sentAt.push(Date.now());
}
const expected = total;
await receiverReached(expected, 120_000).catch(() => undefined);
elapsed = (performance.now() - started) / 1000;
const report = await receiverReport();
const latencies = report.latencies.sort((a, b) => a - b);
console.log(
  `(2) steady load ${rate} changes/s for ${seconds} s: ${report.count}/${expected} delivered; change → receiver p50 ${percentile(latencies, 50)} ms, p95 ${percentile(latencies, 95)} ms, p99 ${percentile(latencies, 99)} ms`,
);
console.log(
  `    load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

await running.close();
receiver.disconnect();
rmSync(dataDir, { recursive: true, force: true });
