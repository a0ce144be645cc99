/**
 * Import cycles in server/, read with madge: between feature folders (server/<folder>/…, each folder one
 * node; the root files — composition root and shared base — are left out) and between single modules.
 * `npm run check:cycles` prints them and fails on any that `KNOWN_FEATURE_CYCLES` / `KNOWN_MODULE_CYCLES`
 * do not list; test/docs/dependencyCycles.test.ts runs the same check in `npm test`.
 */
import madge from 'madge';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/**
 * Feature-folder pairs that still import each other (issue 15), each written `a ↔ b` in name order.
 * The list only shrinks: a new pair fails the check, and so does a pair listed here that is gone.
 */
export const KNOWN_FEATURE_CYCLES: readonly string[] = [
  'contracts ↔ ingest', // contracts/mappings.ts reads the browser-safe format registry (ingest/formats/)
  'contracts ↔ routes', // contracts/operations.ts types the studio client from the route declarations
  'golden ↔ policies', // policies/visibility.ts reads the survivorship configuration's masked attributes
  'golden ↔ processors', // the processor runner reads the change feed; the change sequencer is a processor
  'golden ↔ stewardship', // golden records open tasks; stewardship decisions merge and unmerge golden records
  'ingest ↔ mappings', // ingest runs published mappings; mappings check samples with ingest's format parsers
  'matching ↔ search', // search normalises with matching's normalisers; matching labels records by search's display fields
  'matching ↔ stewardship', // matching reads not-a-match decisions; stewardship explains candidates with the scorer
];

/** Module cycles (madge `circular()`, joined with ` > `) that are still there; same rules as above. */
export const KNOWN_MODULE_CYCLES: readonly string[] = [
  // The runners import the AppServices type; services.ts holds the runners.
  'services.ts > jobs/jobRunner.ts > jobs/types.ts',
  'services.ts > jobs/jobRunner.ts',
  'services.ts > processors/processorRunner.ts > processors/types.ts',
  'services.ts > processors/processorRunner.ts',
  'mappings/saveMappingDraft.ts > mappings/presenter.ts > mappings/previewMapping.ts',
  'search/searchGolden.ts > search/searchBySource.ts',
  'store/mongo/mongoStore.ts > store/mongo/mongoCollection.ts',
];

export interface CycleReport {
  /** `a ↔ b` for each pair of feature folders that import each other, sorted. */
  featureCycles: string[];
  /** Strongly connected groups of more than one feature folder (longer cycles included), sorted. */
  featureGroups: string[][];
  /** Module cycles as madge reports them, joined with ` > `. */
  moduleCycles: string[];
  /** For each feature pair: one import in each direction, to show where to cut. */
  examples: Record<string, string[]>;
}

const folderOf = (file: string): string | undefined => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);

/** Reads server/ and reports its cycles. */
export async function findCycles(): Promise<CycleReport> {
  const result = await madge(`${root}server`, { fileExtensions: ['ts'], tsConfig: `${root}tsconfig.json` });
  const graph = result.obj();
  const edges = new Map<string, Map<string, string>>();
  for (const [file, dependencies] of Object.entries(graph)) {
    const from = folderOf(file);
    if (from === undefined) continue;
    for (const dependency of dependencies) {
      const to = folderOf(dependency);
      if (to === undefined || to === from) continue;
      const targets = edges.get(from) ?? new Map<string, string>();
      if (!targets.has(to)) targets.set(to, `${file} → ${dependency}`);
      edges.set(from, targets);
    }
  }
  const featureCycles: string[] = [];
  const examples: Record<string, string[]> = {};
  for (const [from, targets] of edges) {
    for (const [to, example] of targets) {
      const back = edges.get(to)?.get(from);
      if (back === undefined || from > to) continue;
      const pair = `${from} ↔ ${to}`;
      featureCycles.push(pair);
      examples[pair] = [example, back];
    }
  }
  featureCycles.sort();
  return {
    featureCycles,
    featureGroups: stronglyConnected(edges),
    moduleCycles: result.circular().map((cycle) => cycle.join(' > ')),
    examples,
  };
}

/** Tarjan's algorithm over the folder graph; groups of one are left out. */
function stronglyConnected(edges: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) ?? 0);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      group.push(member);
      if (member === node) break;
    }
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return groups.sort((a, b) => a.join().localeCompare(b.join()));
}

/** What differs from the known lists: cycles that are new, and listed ones that are gone. */
export function compareWithKnown(report: CycleReport): { added: string[]; gone: string[] } {
  const found = [...report.featureCycles, ...report.moduleCycles];
  const known = [...KNOWN_FEATURE_CYCLES, ...KNOWN_MODULE_CYCLES];
  return { added: found.filter((cycle) => !known.includes(cycle)), gone: known.filter((cycle) => !found.includes(cycle)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await findCycles();
  console.log(`feature-folder cycles (${report.featureCycles.length}):`);
  for (const pair of report.featureCycles) console.log(`  ${pair}\n      ${(report.examples[pair] ?? []).join('\n      ')}`);
  console.log(`feature-folder groups (${report.featureGroups.length}):`);
  for (const group of report.featureGroups) console.log(`  ${group.join(', ')}`);
  console.log(`module cycles (${report.moduleCycles.length}):`);
  for (const cycle of report.moduleCycles) console.log(`  ${cycle}`);
  const { added, gone } = compareWithKnown(report);
  for (const cycle of added) console.log(`NEW cycle: ${cycle}`);
  for (const cycle of gone) console.log(`gone (remove it from the known list in scripts/dependencyCycles.ts): ${cycle}`);
  if (added.length > 0 || gone.length > 0) process.exitCode = 1;
}
