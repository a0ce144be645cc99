/**
 * Clusters from pairwise decisions: union-find over auto-merge pairs, strongest first, that
 * refuses a union joining two clusters with a cannot-link (a vetoed or not-a-match pair) between
 * them. Plain transitive closure would let A~B and B~C merge A with C even when A–C was vetoed
 * (different tax ids, different GTINs).
 */
import { present } from '../invariant';

export interface PairList {
  a: number[];
  b: number[];
}

export interface ClusteringResult {
  /** Root (smallest member) per record. */
  rootOf: Int32Array;
  /** Auto-merge pairs refused because they would join a cannot-link pair (index into `merges`). */
  blocked: number[];
}

function find(parent: Int32Array, x: number): number {
  let root = x;
  let up = present(parent[root], 'parent of a record');
  while (up !== root) {
    root = up;
    up = present(parent[root], 'parent of a record');
  }
  while (x !== root) {
    const next = present(parent[x], 'parent of a record');
    parent[x] = root;
    x = next;
  }
  return root;
}

/** Clusters `total` records from auto-merge pairs (with scores) under cannot-link constraints. */
export function clusterPairs(args: { total: number; merges: PairList & { score: number[] }; cannotLinks: PairList }): ClusteringResult {
  const parent = new Int32Array(args.total);
  for (let r = 0; r < args.total; r++) parent[r] = r;
  // Records a cluster must never contain, kept per root (only roots that have any).
  const forbidden = new Map<number, number[]>();
  const forbid = (x: number, y: number): void => {
    const list = forbidden.get(x);
    if (list) list.push(y);
    else forbidden.set(x, [y]);
  };
  for (let i = 0; i < args.cannotLinks.a.length; i++) {
    const x = present(args.cannotLinks.a[i], 'cannot-link side a');
    const y = present(args.cannotLinks.b[i], 'cannot-link side b');
    forbid(x, y);
    forbid(y, x);
  }
  const scoreOf = (i: number): number => present(args.merges.score[i], 'merge score');
  const order = args.merges.a.map((_, i) => i).sort((i, j) => scoreOf(j) - scoreOf(i) || i - j);
  const blocked: number[] = [];
  for (const i of order) {
    const rx = find(parent, present(args.merges.a[i], 'merge side a'));
    const ry = find(parent, present(args.merges.b[i], 'merge side b'));
    if (rx === ry) continue;
    const fx = forbidden.get(rx) ?? [];
    const fy = forbidden.get(ry) ?? [];
    // Check the shorter list against the other cluster's root.
    const [list, otherRoot] = fx.length <= fy.length ? [fx, ry] : [fy, rx];
    if (list.some((v) => find(parent, v) === otherRoot)) {
      blocked.push(i);
      continue;
    }
    const root = Math.min(rx, ry);
    const child = root === rx ? ry : rx;
    parent[child] = root;
    if (fx.length > 0 || fy.length > 0) {
      const merged = fx.length >= fy.length ? fx : fy;
      merged.push(...(merged === fx ? fy : fx));
      forbidden.set(root, merged);
      forbidden.delete(child);
    }
  }
  const rootOf = new Int32Array(args.total);
  for (let r = 0; r < args.total; r++) rootOf[r] = find(parent, r);
  return { rootOf, blocked };
}
