/**
 * The graph behind a cluster task, from prepared records (and their canonical fields where a split rule reads a name
 * marker; no store): every pair of records of
 * two different golden records is scored once. Two golden records are linked when a record pair meets
 * one of the rule set's `clusterReview.edges` rules (`when`) and no record pair of the two meets that
 * rule's `unless` (judged between golden records as wholes: a member whose other record contradicts
 * is not linked by names alone); a vetoed pair, a pair meeting a `splitWhen` rule (legal forms of
 * different families; a name marker on one side only, `X Trading AD` beside `X AD`) or a steward's not-a-match pair
 * is a cannot-link. Clusters are the union-find components of the edges, strongest first, that
 * never join a cannot-link pair and only join clusters linked by enough of their member pairs — so a
 * cluster whose members conflict on an identifier is split before anyone sees it, and a chain of
 * look-alikes does not grow into one cluster. A split rule with `bridges: "leaveOut"` also keeps out
 * of both sides a member that could have joined either (a name without a legal form beside `… Inc`
 * and `… AG`): which side it joined would be decided by edge order, not by evidence.
 */
import { captionNames, statedNamesAtPaths, statedOtherNames } from '../matching/captionNames';
import { fieldWidthCutOf } from '../matching/nameReadings';
import type { CompiledRules } from '../matching/rules';
import { scorePair } from '../matching/scoring';
import type {
  ClusterAttachRule,
  ClusterEdgeRule,
  ClusterSplitMarker,
  ClusterSplitRule,
  HardRuleCondition,
  MatchExplanation,
  PreparedRecord,
} from '../matching/types';
import { present } from '../invariant';

/** One source record of a member: its prepared values, and its canonical fields where a split rule reads a `marker`. */
export interface GraphRecord {
  id: string;
  prepared: PreparedRecord;
  canonical?: Readonly<Record<string, unknown>>;
}

export interface GraphMember {
  goldenId: string;
  records: GraphRecord[];
}

/** The best qualifying record pair between two golden records. */
export interface ClusterEdge {
  a: string;
  b: string;
  aRecordId: string;
  bRecordId: string;
  score: number;
  /** The edge rule that linked them. */
  rule: string;
  explanation: MatchExplanation;
}

/** Why two golden records may never be in one cluster. */
export interface ClusterConflict {
  a: string;
  b: string;
  aRecordId: string;
  bRecordId: string;
  /** The hard rule that vetoed the pair, the `clusterReview.splitWhen` rule it met, or `not-a-match` for a steward's decision. */
  reason: string;
}

export interface ClusterGraph {
  edges: ClusterEdge[];
  conflicts: ClusterConflict[];
  /** Components of two or more golden records (ids in member order), largest first. */
  clusters: string[][];
  /** Edges left out of every cluster: they would have joined a conflicting pair, or clusters too loosely linked. */
  refused: ClusterEdge[];
  /**
   * Members in no cluster that resemble one cluster of this graph and nothing else in it (`clusterReview.attachLoneMember`),
   * each with the pair that would put it in (`rule` = the attach rule's name). They join only through `withAttachedMembers`,
   * once the caller has checked that nothing outside the graph resembles them either.
   */
  attachable: ClusterEdge[];
  /**
   * Every member pair's best pair at the attach rule's level (review level: it could put a lone member into a cluster),
   * whatever the clusters: a member that joined through one and leaves again is reviewed pairwise with these.
   */
  attachLinks: ClusterEdge[];
}

/** Whether a hard-rule condition holds in a scored pair's explanation (a comparator absent from it is `missing`). */
export function conditionHolds(condition: HardRuleCondition, explanation: MatchExplanation): boolean {
  const comparator = explanation.comparators.find((c) => c.name === condition.comparator);
  const outcome = comparator?.outcome ?? 'missing';
  const score = comparator?.score ?? null;
  if (condition.outcome !== undefined) {
    const allowed = Array.isArray(condition.outcome) ? condition.outcome : [condition.outcome];
    if (!allowed.includes(outcome)) return false;
  }
  if (condition.scoreAtLeast !== undefined && (score === null || score < condition.scoreAtLeast)) return false;
  if (condition.scoreBelow !== undefined && (score === null || score >= condition.scoreBelow)) return false;
  return true;
}

function allHold(conditions: HardRuleCondition[], explanation: MatchExplanation): boolean {
  return conditions.every((condition) => conditionHolds(condition, explanation));
}

const compiledMarkers = new Map<string, RegExp>();

/** A marker's regular expression, compiled once per source and flags (`iu` to test; `giu` to read every match or remove them). */
function compiledPattern(source: string, flags: 'iu' | 'giu' = 'iu'): RegExp {
  const key = `${flags}\u0000${source}`;
  let pattern = compiledMarkers.get(key);
  if (!pattern) {
    pattern = new RegExp(source, flags);
    compiledMarkers.set(key, pattern);
  }
  return pattern;
}

/**
 * The names a presence marker reads in one value (supplier-3.42.0). A value that states another name of its own entity
 * (`X Inc FKA Y Holdings Inc`, `X AG (vormals X AG & Co. KGaA)`, `X Inc DBA Y`; never `a division of`) is read name by
 * name, since the marker's patterns are anchored at a name's end. The record's own names are always read; a stated
 * name only beside an own name that reads one of two exclusive readings (`otherPattern`), so a record carrying both
 * splits from neither (a renamed holding company, a converted LLC keeping its `f/k/a … Corp`). A stated name alone
 * says what the entity was called, not what it is (`X North America (formerly Y Company)` is no `Company`). Any other
 * value is read whole.
 */
function presenceReadings(marker: ClusterSplitMarker, text: string, ignore: RegExp | null): string[] {
  const cleaned = (name: string): string => (ignore ? name.replace(ignore, '') : name);
  const others = statedOtherNames(text);
  if (others.length === 0) return [cleaned(text)];
  const own = (captionNames(text)?.own ?? [text]).map(cleaned);
  const { otherPattern } = marker;
  if (otherPattern === undefined) return own;
  const reads = (name: string): boolean => compiledPattern(marker.pattern).test(name) || compiledPattern(otherPattern).test(name);
  return own.some(reads) ? [...own, ...others.map(cleaned)] : own;
}

/** A marker's readable values of one record: its strings in `fields`, NFC, with the marker's `ignore` matches removed. */
function markerTexts(marker: ClusterSplitMarker, canonical: Readonly<Record<string, unknown>>): string[] {
  const ignore = marker.ignore === undefined ? null : compiledPattern(marker.ignore, 'giu');
  const byName = marker.compare !== 'values';
  return marker.fields.flatMap((field) =>
    [canonical[field]].flat().flatMap((value) => {
      if (typeof value !== 'string') return [];
      const text = value.normalize('NFC');
      if (byName) return presenceReadings(marker, text, ignore);
      return [ignore ? text.replace(ignore, '') : text];
    }),
  );
}

function matchesIn(marker: ClusterSplitMarker, source: string, canonical: Readonly<Record<string, unknown>>): boolean {
  const pattern = compiledPattern(source);
  return markerTexts(marker, canonical).some((text) => pattern.test(text));
}

/** The upper-cased letters and digits of a read value: `2189765`, `MINNESOTA`, `DOO` (d.o.o.), `NEWYORK`. */
function valueKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toUpperCase();
}

/** The values a record's fields read under a `compare: "values"` marker (see `ClusterSplitMarker.compare`). */
function valuesIn(marker: ClusterSplitMarker, canonical: Readonly<Record<string, unknown>>): Set<string> {
  const pattern = compiledPattern(marker.pattern, 'giu');
  const read = new Set<string>();
  for (const text of markerTexts(marker, canonical))
    for (const match of text.matchAll(pattern)) {
      const key = valueKey(match.groups?.value ?? match.slice(1).find((group) => group !== undefined) ?? match[0]);
      if (key === '') continue;
      const mapped = marker.values?.[key];
      for (const one of mapped === undefined ? [key] : mapped.split(/\s+/)) if (one !== '') read.add(one);
    }
  return read;
}

/** The letters and digits of every text a marker reads in one record, joined: where a value may be named. */
function namedText(marker: ClusterSplitMarker, canonical: Readonly<Record<string, unknown>>): string {
  return markerTexts(marker, canonical).map(valueKey).join('\u0000');
}

/**
 * Two records that both read values and share none (`compare: "values"`). With `namesEachOther` (supplier-3.42.0) a
 * value the other record's names hold is shared too: a bracket restating the other record's name (`MTF Biologics
 * (Musculoskeletal Transplant Foundation)` beside `Musculoskeletal Transplant Foundation, Inc. (MTF Biologics)`, a
 * payee's `Brand (Brand Full Legal Name PLC)` beside the legal name with its parent group in brackets) is an alias, not
 * a qualifier telling two companies apart.
 */
function meetsValues(marker: ClusterSplitMarker, a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const left = valuesIn(marker, a);
  if (left.size === 0) return false;
  const right = valuesIn(marker, b);
  if (right.size === 0 || [...left].some((value) => right.has(value))) return false;
  if (marker.namesEachOther !== true) return true;
  const named = (values: Set<string>, text: string): boolean => [...values].some((value) => text.includes(value));
  return !named(left, namedText(marker, b)) && !named(right, namedText(marker, a));
}

function meetsMarker(marker: ClusterSplitMarker, a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  if (marker.compare === 'values') return meetsValues(marker, a, b);
  const markedA = matchesIn(marker, marker.pattern, a);
  if (markedA === matchesIn(marker, marker.pattern, b)) return false;
  const { otherPattern } = marker;
  if (otherPattern === undefined) return true;
  const [marked, unmarked] = markedA ? [a, b] : [b, a];
  // Two exclusive readings: a record that carries both (a converted LLC keeping its former `… Corp` name) splits from neither.
  return matchesIn(marker, otherPattern, unmarked) && !matchesIn(marker, otherPattern, marked);
}

/** Upper-case words of letters and digits, accents dropped: what a stated-name link compares. */
function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** What a stated-name link reads of one record: the first word of each name, every word, and the first word of each stated other name. */
interface StatedNameReading {
  ownFirst: Set<string>;
  words: Set<string>;
  statedFirst: Set<string>;
}

function statedNameReading(
  stated: { fields: readonly string[]; relatedFields?: readonly string[] },
  canonical: Readonly<Record<string, unknown>>,
): StatedNameReading {
  const reading: StatedNameReading = { ownFirst: new Set(), words: new Set(), statedFirst: new Set() };
  const addStated = (other: string): void => {
    const first = wordsOf(other)[0];
    // A first word of one or two letters (`3M`, `GE`) says too little to tie a record to another.
    if (first !== undefined && first.length >= 3) reading.statedFirst.add(first);
  };
  for (const field of stated.fields)
    for (const value of [canonical[field]].flat()) {
      if (typeof value !== 'string') continue;
      const words = wordsOf(value);
      if (words[0] !== undefined) reading.ownFirst.add(words[0]);
      for (const word of words) reading.words.add(word);
      for (const other of statedOtherNames(value)) addStated(other);
    }
  // A register's former-names field (supplier-3.35.0): the names are stated already.
  for (const other of statedNamesAtPaths(canonical, stated.relatedFields)) addStated(other);
  return reading;
}

/**
 * True when one record states another name of its own entity (`X (formerly Y)`, `X d/b/a Y`) whose first word opens a
 * name of the other record, and the other record's names hold no first word of the first's own names: the pair is
 * linked by the stated name, not by a spelling of one name.
 */
function isStatedNameLink(a: StatedNameReading, b: StatedNameReading): boolean {
  const states = (stating: StatedNameReading, named: StatedNameReading): boolean =>
    [...stating.statedFirst].some((first) => named.ownFirst.has(first)) && ![...stating.ownFirst].some((first) => named.words.has(first));
  return states(a, b) || states(b, a);
}

/**
 * Whether a record pair meets a split rule: its `when` holds in the pair's explanation and, with a `marker`, one
 * record's names carry the marker and the other's do not — and, when the marker has an `otherPattern`, the other's
 * carry that and the first's do not; with `compare: "values"`, both read values and share none (records without
 * canonical fields never meet a marker).
 */
export function meetsSplit(
  rule: ClusterSplitRule,
  explanation: MatchExplanation,
  canonical: { a?: Readonly<Record<string, unknown>>; b?: Readonly<Record<string, unknown>> },
): boolean {
  if (!allHold(rule.when, explanation)) return false;
  if (!rule.marker) return true;
  if (!canonical.a || !canonical.b) return false;
  return meetsMarker(rule.marker, canonical.a, canonical.b);
}

/** Whether a scored pair meets an edge rule's `when` and its `probabilityAtLeast` (the pair's match probability). */
function meetsEdge(edge: ClusterEdgeRule, explanation: MatchExplanation): boolean {
  return (edge.probabilityAtLeast === undefined || explanation.score >= edge.probabilityAtLeast) && allHold(edge.when, explanation);
}

/** Whether a scored pair may put a lone member into a cluster under an attach rule (never a vetoed pair, nor one meeting its `unless`). */
function meetsAttach(attach: ClusterAttachRule, explanation: MatchExplanation): boolean {
  return (
    explanation.hardRule?.action !== 'veto' &&
    explanation.score >= attach.probabilityAtLeast &&
    allHold(attach.when ?? [], explanation) &&
    !(attach.unless !== undefined && allHold(attach.unless, explanation))
  );
}

/** True when a scored pair is strong enough to put a lone member into its partner's cluster (`clusterReview.attachLoneMember`). */
export function isAttachLink(explanation: MatchExplanation, rules: CompiledRules): boolean {
  const attach = rules.rules.clusterReview?.attachLoneMember;
  return attach !== undefined && meetsAttach(attach, explanation);
}

/** True when a scored pair counts against attaching a lone member to any cluster other than its partner's. */
export function isResemblance(explanation: MatchExplanation, rules: CompiledRules): boolean {
  const attach = rules.rules.clusterReview?.attachLoneMember;
  return attach !== undefined && explanation.score >= attach.othersBelow;
}

/** The first edge rule whose `when` a scored pair meets (never a vetoed pair); null when none. */
export function clusterEdgeRule(explanation: MatchExplanation, rules: CompiledRules): ClusterEdgeRule | null {
  const review = rules.rules.clusterReview;
  if (!review || explanation.hardRule?.action === 'veto') return null;
  return review.edges.find((edge) => meetsEdge(edge, explanation)) ?? null;
}

/** True when a scored pair may link two golden records (an edge rule's `when` holds; `unless` is judged over all their pairs). */
export function isClusterEdge(explanation: MatchExplanation, rules: CompiledRules): boolean {
  return clusterEdgeRule(explanation, rules) !== null;
}

/**
 * True when a scored pair meets a `splitWhen` rule whose bridges are left out: the neighbourhood of a
 * record must hold the other side too, or a record linked to both could not be seen as a bridge.
 */
export function isBridgeSplit(
  explanation: MatchExplanation,
  rules: CompiledRules,
  canonical: { a?: Readonly<Record<string, unknown>>; b?: Readonly<Record<string, unknown>> } = {},
): boolean {
  return (rules.rules.clusterReview?.splitWhen ?? []).some(
    (rule) => rule.bridges === 'leaveOut' && meetsSplit(rule, explanation, canonical),
  );
}

/** Share of member pairs two clusters must have edges between, by default, to be joined. */
const DEFAULT_MIN_LINK_SHARE = 0.5;

/**
 * Agglomerative clustering over the edges, strongest first: two clusters are joined only when no
 * cannot-link lies between them and at least `minLinkShare` of their member pairs are edges. The
 * share check is what keeps a chain from growing into one cluster (A ~ B ~ C with A and C unlike:
 * "EMPIRE STAFFING PARTNERS" ~ "PRAIRIE STAFFING PARTNERS"); spellings of one name are mostly all
 * alike each other. Returns the root (smallest index) of each record's cluster.
 */
function linkClusters(args: {
  total: number;
  merges: { a: number[]; b: number[]; score: number[]; whole: boolean[] };
  cannotLinks: { a: number[]; b: number[] };
  minLinkShare: number;
  /** Members that join no cluster (bridges of a `leaveOut` split). */
  excluded?: ReadonlySet<number>;
}): Int32Array {
  const { total, merges } = args;
  const excluded = args.excluded ?? new Set<number>();
  const parent = new Int32Array(total);
  for (let i = 0; i < total; i++) parent[i] = i;
  // An index outside the array (never asked for) counts as its own root.
  const find = (x: number): number => {
    let node = x;
    for (let up = parent[node] ?? node; up !== node; up = parent[node] ?? node) {
      const grand = parent[up] ?? up;
      parent[node] = grand;
      node = grand;
    }
    return node;
  };
  const membersOf = new Map<number, number[]>();
  for (let i = 0; i < total; i++) membersOf.set(i, [i]);
  const adjacency = Array.from({ length: total }, () => new Set<number>());
  merges.a.forEach((a, i) => {
    const b = entry(merges.b, i);
    entry(adjacency, a).add(b);
    entry(adjacency, b).add(a);
  });
  const cannot = Array.from({ length: total }, () => new Set<number>());
  args.cannotLinks.a.forEach((a, i) => {
    const b = entry(args.cannotLinks.b, i);
    entry(cannot, a).add(b);
    entry(cannot, b).add(a);
  });
  const order = merges.a.map((_, i) => i).sort((i, j) => entry(merges.score, j) - entry(merges.score, i) || i - j);
  for (const i of order) {
    if (excluded.has(entry(merges.a, i)) || excluded.has(entry(merges.b, i))) continue;
    const rx = find(entry(merges.a, i));
    const ry = find(entry(merges.b, i));
    if (rx === ry) continue;
    const x = membersOf.get(rx) as number[];
    const y = membersOf.get(ry) as number[];
    const [small, large] = x.length <= y.length ? [x, y] : [y, x];
    const inLarge = new Set(large);
    if (small.some((m) => [...entry(cannot, m)].some((other) => inLarge.has(other)))) continue;
    let linked = 0;
    for (const m of small) for (const other of entry(adjacency, m)) if (inLarge.has(other)) linked++;
    // An edge through a stated other name (`X (formerly Y)` beside `Y`) links the clusters as wholes: the renamed
    // entity's other records never resemble its former name, so no share of pairs could be edges.
    if (!merges.whole[i] && linked < args.minLinkShare * small.length * large.length) continue;
    const root = Math.min(rx, ry);
    const child = root === rx ? ry : rx;
    parent[child] = root;
    membersOf.set(root, [...x, ...y]);
    membersOf.delete(child);
  }
  const rootOf = new Int32Array(total);
  for (let i = 0; i < total; i++) rootOf[i] = find(i);
  return rootOf;
}

/**
 * Whether every record of `member` has a name exactly one of `widths` characters long, in upper case
 * (`clusterReview.fieldCutBridges`; nameReadings.ts fieldWidthCutOf `inField`). Not a name one character short (a cut on
 * a word's end): leaving those out too split the fifth corpus's clusters (docs/MATCHING.md, Session 30: supplier names).
 */
function isFieldCut(member: GraphMember, widths: ReadonlySet<number>): boolean {
  return member.records.every((record) => {
    const name = record.canonical?.name;
    // Payment lines are upper case (Fedwire, SWIFT, NACHA): a name written in mixed case was keyed whole, not cut.
    return typeof name === 'string' && fieldWidthCutOf(name.trim(), widths) === 'inField';
  });
}

/**
 * Members whose names were cut by a fixed-width field (`clusterReview.fieldCutBridges`: a Fedwire or SWIFT name line of
 * 35 characters) and that are the only link between two parts of their cluster: the cut name is a prefix of names on
 * both sides (`X LABORATORIES H` beside the parent `X LABORATORIES HOLDINGS` and the operating `X LABORATORIES`; `X
 * AMBULANCE` beside `X INC` and `X AMBULANCE SERVICE INC`), so which one it was is not in the record. Such a member joins
 * neither side: the sides stay apart, and the cut name is a pairwise review.
 */
function ambiguousFieldCuts(args: {
  members: readonly GraphMember[];
  rootOf: Int32Array;
  merges: { a: number[]; b: number[] };
  widths: ReadonlySet<number>;
}): number[] {
  const { members, rootOf, merges } = args;
  const adjacency = Array.from({ length: members.length }, () => [] as number[]);
  merges.a.forEach((a, k) => {
    const b = entry(merges.b, k);
    if (entry(rootOf, a) !== entry(rootOf, b)) return;
    entry(adjacency, a).push(b);
    entry(adjacency, b).push(a);
  });
  const cuts: number[] = [];
  members.forEach((member, m) => {
    const neighbours = entry(adjacency, m);
    if (neighbours.length < 2 || !isFieldCut(member, args.widths)) return;
    // The parts of the cluster without the member that its neighbours lie in.
    const seen = new Set<number>([m]);
    let parts = 0;
    for (const start of neighbours) {
      if (seen.has(start)) continue;
      parts++;
      const stack = [start];
      seen.add(start);
      for (let node = stack.pop(); node !== undefined; node = stack.pop())
        for (const next of entry(adjacency, node))
          if (!seen.has(next)) {
            seen.add(next);
            stack.push(next);
          }
    }
    if (parts >= 2) cuts.push(m);
  });
  return cuts;
}

/** Builds edges, conflicts and conflict-free clusters over golden records. */
export function buildClusterGraph(args: {
  members: GraphMember[];
  rules: CompiledRules;
  /** A steward's not-a-match decision between two source records that still stands. */
  isNotAMatch: (recordA: string, recordB: string) => boolean;
}): ClusterGraph {
  const { members, rules } = args;
  const edges: ClusterEdge[] = [];
  const conflicts: ClusterConflict[] = [];
  const merges = { a: [] as number[], b: [] as number[], score: [] as number[], whole: [] as boolean[] };
  const statedNames = rules.rules.clusterReview?.statedNames;
  const statedReadings = new Map<GraphRecord, StatedNameReading | null>();
  /** The stated-name reading of a record (null without the rule or canonical fields), read once per graph. */
  const statedOf = (record: GraphRecord): StatedNameReading | null => {
    let reading = statedReadings.get(record);
    if (reading === undefined) {
      reading = statedNames && record.canonical ? statedNameReading(statedNames, record.canonical) : null;
      statedReadings.set(record, reading);
    }
    return reading;
  };
  const isStatedPair = (x: GraphRecord, y: GraphRecord): boolean => {
    const [rx, ry] = [statedOf(x), statedOf(y)];
    return rx !== null && ry !== null && (rx.statedFirst.size > 0 || ry.statedFirst.size > 0) && isStatedNameLink(rx, ry);
  };
  const cannotLinks = { a: [] as number[], b: [] as number[] };
  const splitRules = rules.rules.clusterReview?.splitWhen ?? [];
  /** Member pairs split by a rule whose bridges are left out. */
  const bridgeSplits: Array<[number, number]> = [];
  const anchorRules = rules.rules.clusterReview?.bridgeAnchors ?? [];
  /** Member pairs (`i,j`, i < j) with a record pair meeting a `bridgeAnchors` condition list: evidence that places a bridge. */
  const anchored = new Set<string>();
  const attachRule = rules.rules.clusterReview?.attachLoneMember;
  /** Member pairs that resemble each other (`attachLoneMember.othersBelow`), with the best pair that could attach one to the other. */
  const resemblances: Array<{ i: number; j: number; attach: Omit<ClusterEdge, 'rule'> | null }> = [];
  for (let i = 0; i < members.length; i++) {
    const left = entry(members, i);
    for (let j = i + 1; j < members.length; j++) {
      const right = entry(members, j);
      let conflict: ClusterConflict | null = null;
      let splitLeavingBridges = false;
      const explained: Array<{
        pair: Omit<ClusterEdge, 'score' | 'rule' | 'explanation'>;
        explanation: MatchExplanation;
        isStated: boolean;
      }> = [];
      for (const x of left.records) {
        for (const y of right.records) {
          const pair = { a: left.goldenId, b: right.goldenId, aRecordId: x.id, bRecordId: y.id };
          if (args.isNotAMatch(x.id, y.id)) {
            conflict ??= { ...pair, reason: 'not-a-match' };
            continue;
          }
          const explanation = scorePair({ a: x.prepared, b: y.prepared, rules });
          if (explanation.hardRule?.action === 'veto') conflict ??= { ...pair, reason: explanation.hardRule.name };
          const isStated = isStatedPair(x, y);
          // A name marker compares two spellings of one name; a stated other name is another name.
          const split = splitRules.find(
            (rule) => !(isStated && rule.marker) && meetsSplit(rule, explanation, { a: x.canonical, b: y.canonical }),
          );
          if (split) conflict ??= { ...pair, reason: split.name };
          if (split?.bridges === 'leaveOut') splitLeavingBridges = true;
          if (explanation.hardRule?.action !== 'veto' && anchorRules.some((anchor) => allHold(anchor, explanation)))
            anchored.add(`${i},${j}`);
          explained.push({ pair, explanation, isStated });
        }
      }
      let best: ClusterEdge | null = null;
      let isWhole = false;
      for (const edgeRule of rules.rules.clusterReview?.edges ?? []) {
        const unless = edgeRule.unless;
        if (unless && explained.some((e) => allHold(unless, e.explanation))) continue;
        for (const { pair, explanation, isStated } of explained) {
          if (explanation.hardRule?.action === 'veto' || !meetsEdge(edgeRule, explanation)) continue;
          isWhole ||= isStated;
          if (!best || explanation.score > best.score) best = { ...pair, score: explanation.score, rule: edgeRule.name, explanation };
        }
      }
      if (attachRule) {
        let resembles = false;
        let attach: Omit<ClusterEdge, 'rule'> | null = null;
        for (const { pair, explanation } of explained) {
          if (explanation.score >= attachRule.othersBelow) resembles = true;
          if (meetsAttach(attachRule, explanation) && (!attach || explanation.score > attach.score))
            attach = { ...pair, score: explanation.score, explanation };
        }
        if (resembles || attach) resemblances.push({ i, j, attach });
      }
      if (splitLeavingBridges) bridgeSplits.push([i, j]);
      if (conflict) {
        conflicts.push(conflict);
        cannotLinks.a.push(i);
        cannotLinks.b.push(j);
      }
      if (best) {
        merges.a.push(i);
        merges.b.push(j);
        merges.score.push(best.score);
        merges.whole.push(isWhole);
        edges.push(best);
      }
    }
  }
  const linkArgs = {
    total: members.length,
    merges,
    cannotLinks,
    minLinkShare: rules.rules.clusterReview?.minLinkShare ?? DEFAULT_MIN_LINK_SHARE,
  };
  let rootOf = linkClusters(linkArgs);
  const { bridges, placed } = bridgesOf({ rootOf, bridgeSplits, merges, cannotLinks, anchored });
  // Links again without the bridges (read when called: ambiguous field cuts join them below) and with the placed pairs barred.
  const relinked = (): Int32Array =>
    linkClusters({
      ...linkArgs,
      cannotLinks: { a: [...cannotLinks.a, ...placed.a], b: [...cannotLinks.b, ...placed.b] },
      excluded: bridges,
    });
  if (bridges.size > 0 || placed.a.length > 0) rootOf = relinked();
  const cutWidths = rules.rules.clusterReview?.fieldCutBridges?.widths;
  const cuts = cutWidths ? ambiguousFieldCuts({ members, rootOf, merges, widths: new Set(cutWidths) }) : [];
  if (cuts.length > 0) {
    for (const cut of cuts) bridges.add(cut);
    rootOf = relinked();
  }
  const byRoot = new Map<number, string[]>();
  members.forEach((member, i) => {
    const root = entry(rootOf, i);
    const list = byRoot.get(root);
    if (list) list.push(member.goldenId);
    else byRoot.set(root, [member.goldenId]);
  });
  const isKept = (i: number): boolean => entry(rootOf, entry(merges.a, i)) === entry(rootOf, entry(merges.b, i));
  const clusters = sortedClusters([...byRoot.values()].filter((ids) => ids.length >= 2));
  const attachable = attachRule
    ? loneMembersToAttach({
        members,
        rootOf,
        byRoot,
        resemblances,
        cannotLinks,
        bridges,
        rule: attachRule.name,
        mergedTargetWhen: attachRule.toMergedRecords?.when ?? null,
      })
    : [];
  const attachLinks = resemblances.flatMap(({ attach }) => (attach && attachRule ? [{ ...attach, rule: attachRule.name }] : []));
  return {
    edges: edges.filter((_, i) => isKept(i)),
    conflicts,
    clusters,
    refused: edges.filter((_, i) => !isKept(i)),
    attachable,
    attachLinks,
  };
}

function sortedClusters(clusters: string[][]): string[][] {
  return clusters.sort((x, y) => y.length - x.length || ((x[0] ?? '') < (y[0] ?? '') ? -1 : 1));
}

/**
 * Lone members (one source record, in no cluster, not a bridge) whose resemblances in the graph all lie in one cluster of two or more,
 * with a pair meeting the attach rule into it and no cannot-link with any of its members. Judged against the
 * clusters the edges formed, so two lone members never attach through each other.
 */
function loneMembersToAttach(args: {
  members: GraphMember[];
  rootOf: Int32Array;
  byRoot: Map<number, string[]>;
  resemblances: Array<{ i: number; j: number; attach: Omit<ClusterEdge, 'rule'> | null }>;
  cannotLinks: { a: number[]; b: number[] };
  bridges: ReadonlySet<number>;
  rule: string;
  /** `attachLoneMember.toMergedRecords.when`: a golden record of several records in no cluster is a target for pairs meeting these. */
  mergedTargetWhen: HardRuleCondition[] | null;
}): ClusterEdge[] {
  const { rootOf } = args;
  const sizeOf = (i: number): number => args.byRoot.get(entry(rootOf, i))?.length ?? 0;
  const isTarget = (i: number, attach: Omit<ClusterEdge, 'rule'>): boolean =>
    sizeOf(i) >= 2 ||
    (args.mergedTargetWhen !== null && entry(args.members, i).records.length >= 2 && allHold(args.mergedTargetWhen, attach.explanation));
  const barred = new Set<string>();
  args.cannotLinks.a.forEach((a, k) => {
    const b = entry(args.cannotLinks.b, k);
    barred.add(`${a},${entry(rootOf, b)}`);
    barred.add(`${b},${entry(rootOf, a)}`);
  });
  const roots = new Map<number, Set<number>>();
  const best = new Map<number, Omit<ClusterEdge, 'rule'>>();
  for (const { i, j, attach } of args.resemblances) {
    for (const [lone, other] of [
      [i, j],
      [j, i],
    ] as const) {
      // A golden record of several source records is a vendor in its own right (merged on an identifier), not a stray spelling.
      if (sizeOf(lone) !== 1 || args.bridges.has(lone) || entry(args.members, lone).records.length !== 1) continue;
      roots.set(lone, (roots.get(lone) ?? new Set()).add(entry(rootOf, other)));
      const current = best.get(lone);
      if (attach && isTarget(other, attach) && (!current || attach.score > current.score)) best.set(lone, attach);
    }
  }
  const attachable: ClusterEdge[] = [];
  for (const [lone, attach] of best) {
    const reached = roots.get(lone) ?? new Set();
    const partner = entry(args.members, lone).goldenId === attach.a ? attach.b : attach.a;
    const target = entry(
      rootOf,
      args.members.findIndex((m) => m.goldenId === partner),
    );
    if (reached.size !== 1 || !reached.has(target) || barred.has(`${lone},${target}`)) continue;
    attachable.push({ ...attach, rule: args.rule });
  }
  return attachable;
}

/**
 * The graph with the given attachable members (ids from `graph.attachable`) put into the cluster of their pair's
 * other member; their attach pairs become edges, so the task names the rule that put each in.
 */
export function withAttachedMembers(graph: ClusterGraph, goldenIds: ReadonlySet<string>): ClusterGraph {
  const accepted = graph.attachable.filter((edge) => goldenIds.has(edge.a) || goldenIds.has(edge.b));
  if (accepted.length === 0) return graph;
  const clusters = graph.clusters.map((cluster) => [...cluster]);
  for (const edge of accepted) {
    const [lone, partner] = goldenIds.has(edge.a) ? [edge.a, edge.b] : [edge.b, edge.a];
    const cluster = clusters.find((members) => members.includes(partner));
    // A merged golden record in no cluster (`toMergedRecords`) becomes a cluster of two with the member it takes in.
    if (cluster) cluster.push(lone);
    else clusters.push([partner, lone]);
  }
  return { ...graph, clusters: sortedClusters(clusters), edges: [...graph.edges, ...accepted], attachable: [] };
}

/**
 * Members that could have joined either side of a `leaveOut` split: each has an edge into the other
 * side's cluster and no cannot-link with any of its members, so only edge order put it where it is.
 * A member with an anchored edge (`bridgeAnchors`: the same explicit legal form, `HAEMONETICS CORP` beside
 * `HAEMONETICS CORPORATION` and `Haemonetics S.A.`) into one side only is no bridge: evidence places it
 * there, and `placed` holds the cannot-links that keep it from the other side.
 */
function bridgesOf(args: {
  rootOf: Int32Array;
  bridgeSplits: Array<[number, number]>;
  merges: { a: number[]; b: number[] };
  cannotLinks: { a: number[]; b: number[] };
  anchored: ReadonlySet<string>;
}): { bridges: Set<number>; placed: { a: number[]; b: number[] } } {
  const bridges = new Set<number>();
  const placed = { a: [] as number[], b: [] as number[] };
  if (args.bridgeSplits.length === 0) return { bridges, placed };
  const { rootOf } = args;
  const linked = (pairs: { a: number[]; b: number[] }): Map<number, number[]> => {
    const byMember = new Map<number, number[]>();
    pairs.a.forEach((a, i) => {
      const b = entry(pairs.b, i);
      byMember.set(a, [...(byMember.get(a) ?? []), b]);
      byMember.set(b, [...(byMember.get(b) ?? []), a]);
    });
    return byMember;
  };
  const edgesOf = linked(args.merges);
  const cannotOf = linked(args.cannotLinks);
  const membersOf = (root: number): number[] => [...rootOf.keys()].filter((m) => rootOf[m] === root);
  const isAnchored = (x: number, y: number): boolean => args.anchored.has(x < y ? `${x},${y}` : `${y},${x}`);
  const placedOn = new Map<number, number>();
  for (const [i, j] of args.bridgeSplits) {
    const sides = [membersOf(entry(rootOf, i)), membersOf(entry(rootOf, j))] as const;
    sides.forEach((side, s) => {
      const other = sides[1 - s] ?? [];
      const inOther = new Set(other);
      for (const m of side) {
        const linked = edgesOf.get(m) ?? [];
        const reachesOther = linked.some((n) => inOther.has(n));
        const barred = (cannotOf.get(m) ?? []).some((n) => inOther.has(n));
        if (!reachesOther || barred) continue;
        const ownAnchor = linked.some((n) => n !== m && side.includes(n) && isAnchored(m, n));
        const otherAnchor = linked.some((n) => inOther.has(n) && isAnchored(m, n));
        if (ownAnchor === otherAnchor) bridges.add(m);
        else placedOn.set(m, ownAnchor ? s : 1 - s);
      }
    });
    for (const [m, s] of placedOn) {
      if (bridges.has(m)) continue;
      for (const n of sides[1 - s] ?? []) {
        if (n === m) continue;
        placed.a.push(m);
        placed.b.push(n);
      }
    }
    placedOn.clear();
  }
  return { bridges, placed };
}

/** Entry `index` of one of this file's arrays, each sized to every index asked for: a miss is a bug. */
function entry<T>(list: ArrayLike<T>, index: number): T {
  return present(list[index], `entry ${index} of a cluster-graph array (length ${list.length})`);
}
