/**
 * Clusters from pairwise decisions: union-find over auto-merge pairs, strongest first, that
 * refuses a union joining two clusters with a cannot-link (a vetoed or not-a-match pair) between
 * them. Plain transitive closure would let A~B and B~C merge A with C even when A–C was vetoed
 * (different tax ids, different GTINs).
 */

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
  while (parent[root] !== root) root = parent[root];
  while (parent[x] !== root) {
    const next = parent[x];
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
    forbid(args.cannotLinks.a[i], args.cannotLinks.b[i]);
    forbid(args.cannotLinks.b[i], args.cannotLinks.a[i]);
  }
  const order = args.merges.a.map((_, i) => i).sort((i, j) => args.merges.score[j] - args.merges.score[i] || i - j);
  const blocked: number[] = [];
  for (const i of order) {
    const rx = find(parent, args.merges.a[i]);
    const ry = find(parent, args.merges.b[i]);
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
