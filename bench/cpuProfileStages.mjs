/**
 * Attributes a load profile's sampled time (`BENCH_PROFILE_LOAD`) to the ingest stages: each sample goes to the
 * innermost application frame on its stack that names a stage (match preparation, candidate search, match-index
 * upkeep, golden writes, …), split into the stage's own code and the store code it called; GC and idle apart.
 * Samples in the store with no application frame are store work resumed after an await (commits, inserts).
 *   node bench/cpuProfileStages.mjs <file.cpuprofile> [main-thread ms per record, to print ms per record]
 */
import { readFileSync } from 'node:fs';
const [file, perRecordMs] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
const stageOf = [
  ['match preparation', /^(prepareIncoming|preparationFor)$/],
  ['candidate search + scoring', /^(findCandidates|matchSourceRecord|liveDecision|notAMatchExclusions)$/],
  ['match-index upkeep', /^(indexRecord|indexRecords|adjustStats|writeTermStats|removeFromIndex)$/],
  ['change feed', /^(appendChange|sequenceChanges|runSequencer|nextBatch)$|[Ss]equencer/],
  ['history', /[Hh]istory/],
  ['golden survivorship + writes', /^(recomputeGolden|saveGolden|resolveSurvivorship|activeGolden|findGolden)$/],
  [
    'decisions, tasks, audit, relationships',
    /^(storeMatchDecision|auditMatchDecision|insertTask|linkRelationships|reviewClustersAround|recordAudit)$/,
  ],
  ['search upkeep', /[Ss]earch/],
  ['source-record write (placement)', /^(placeSourceRecord)$/],
  ['group reads (stored ids, rules, not-a-match)', /^(storedIdsOf|namedByNotAMatch|rulesFor)$/],
  ['deferred inserts (group end)', /^(withDeferredInserts|flushDeferred)$/],
  ['store commit', /^commit$/],
  ['persist (other)', /^(persistOne|persistInGroup|persistGroup|applySourceRecord)$/],
  ['unchanged answer', /^answerUnchanged$/],
  ['validate', /^(validateCanonical)$|validateStage/],
  ['standardise', /^standardiseRecord$/],
  ['map (pool IPC)', /^(evaluateBatch)$/],
  ['exceptions', /^(recordException|resolveSuperseded|storeFailure)$/],
  ['parse/dispatch', /^(readItems|ingestItems|toWorkItem|parse)$/],
  ['counts, job checkpoints', /^(recordIngestCounts|onBatch|countOutcomes|checkpoint)$/],
];
const cells = new Map();
const add = (k, d) => cells.set(k, (cells.get(k) ?? 0) + d);
let sampled = 0;
profile.samples.forEach((id, i) => {
  const d = profile.timeDeltas[i] ?? 0;
  sampled += d;
  const leaf = byId.get(id).callFrame;
  if (leaf.functionName === '(garbage collector)') return add('GC|', d);
  if (leaf.functionName === '(idle)' || leaf.functionName === '(program)') return add('idle/program|', d);
  let inStore = false,
    stage;
  for (let c = id; c !== undefined && !stage; c = parentOf.get(c)) {
    const f = byId.get(c).callFrame;
    if (/server\/store\//.test(f.url)) inStore = true;
    for (const [name, re] of stageOf)
      if (re.test(f.functionName) && /server\//.test(f.url)) {
        stage = name;
        break;
      }
  }
  add(`${stage ?? (inStore ? 'store, no app frame (resumed scans, log writer)' : 'other')}|${inStore ? 'store' : 'own'}`, d);
});
const byStage = new Map();
for (const [k, v] of cells) {
  const [s, part] = k.split('|');
  const e = byStage.get(s) ?? { own: 0, store: 0 };
  e[part || 'own'] += v;
  byStage.set(s, e);
}
const scale = perRecordMs ? Number(perRecordMs) / sampled : 0;
console.log(`total ${(sampled / 1e6).toFixed(1)} s sampled`);
console.log('stage | total % | own % | in store % ' + (scale ? '| ms per record' : ''));
for (const [s, e] of [...byStage].sort((a, b) => b[1].own + b[1].store - a[1].own - a[1].store)) {
  const t = e.own + e.store;
  console.log(
    `${s} | ${((100 * t) / sampled).toFixed(1)} | ${((100 * e.own) / sampled).toFixed(1)} | ${((100 * e.store) / sampled).toFixed(1)}${scale ? ` | ${(t * scale).toFixed(3)}` : ''}`,
  );
}
