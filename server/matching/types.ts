/**
 * Types of the matching engine: the rule-set format (mirrors matching-rules/rules.schema.json),
 * the pre-normalised record the engine scores, and the explanation every decision carries.
 */

export type CanonicalRecord = { sourceId: string } & Record<string, unknown>;

export type BlockingKeyType = 'identifier' | 'partNumber' | 'nameTokens' | 'phonetic' | 'catalogInText' | 'combined';

/** Identifier schemes understood by `identifier` blocking keys and comparators. */
export type IdentifierScheme = 'gtin' | 'ndc' | 'ein' | 'duns' | 'uei' | 'npi' | 'ccn' | 'gln' | 'hibcc' | 'raw';

/** Text normalisers a key or comparator may name. */
export type NormalizerName = 'text' | 'orgName' | 'partNumber' | 'postalCode' | 'digits' | 'phone' | 'none';

export interface BlockingKeyRule {
  name: string;
  type: BlockingKeyType;
  /** Dotted paths; arrays along the path are flattened (`addresses.postalCode`). */
  fields: string[];
  params?: {
    scheme?: IdentifierScheme;
    /** identifier with scheme gtin: `base` blocks all packaging levels together (to report them). */
    gtinPart?: 'full' | 'base';
    normalizer?: NormalizerName;
    /** nameTokens: how many of the rarest tokens a record is looked up by. */
    count?: number;
    /** nameTokens / phonetic / catalogInText: shortest token considered. */
    minLength?: number;
    /** phonetic: how many leading tokens are encoded. */
    tokens?: number;
    /** nameTokens: tokens never used (too generic to block on, e.g. HOSPITAL). */
    stopWords?: string[];
    /** catalogInText: structured code fields (part numbers) emitted into the same key space as the text codes. */
    codeFields?: string[];
    /** combined: the parts concatenated into one key, each a single-valued sub-key. */
    parts?: Array<{ field: string; normalizer?: NormalizerName; prefix?: number; firstToken?: boolean }>;
  };
  /** A block with more members than this is an over-collision: reported, never compared pairwise. */
  maxBlockSize: number;
}

export type ComparatorType =
  | 'exact'
  | 'normalizedExact'
  | 'fuzzy'
  | 'tokenSet'
  | 'numeric'
  | 'identifier'
  | 'address'
  | 'codeInText';

export interface ComparatorRule {
  name: string;
  type: ComparatorType;
  /** Values of all fields are pooled; the best-scoring value pair wins. */
  fields: string[];
  weight: number;
  params?: {
    normalizer?: NormalizerName;
    scheme?: IdentifierScheme;
    /** fuzzy: `jaroWinkler` (default, fast), `tokenJaroWinkler` (word by word, for multi-word names) or `fuse` (fuse.js bitap, slower). */
    algorithm?: 'jaroWinkler' | 'tokenJaroWinkler' | 'fuse';
    /** fuzzy/tokenSet: scores below this count as 0 (keeps noise out of the total). */
    floor?: number;
    /** numeric: absolute tolerance; relativeTolerance is a fraction of the larger value. */
    tolerance?: number;
    relativeTolerance?: number;
    /** codeInText: the free-text fields searched for the codes in `fields`. */
    textFields?: string[];
    minLength?: number;
  };
}

export type ComparatorOutcome = 'missing' | 'match' | 'partial' | 'mismatch' | 'related';

export interface HardRuleCondition {
  comparator: string;
  outcome?: ComparatorOutcome | ComparatorOutcome[];
  scoreAtLeast?: number;
  scoreBelow?: number;
}

export type HardRuleAction = 'veto' | 'forceReview' | 'forceMerge';

export interface HardRule {
  name: string;
  description?: string;
  /** All conditions must hold. */
  when: HardRuleCondition[];
  action: HardRuleAction;
  /** A relationship hint reported when the rule fires (e.g. `packaging-level`). */
  relationship?: string;
}

export interface RuleSet {
  $schema?: string;
  domain: string;
  version: string;
  description?: string;
  blocking: BlockingKeyRule[];
  comparators: ComparatorRule[];
  hardRules: HardRule[];
  /** The score denominator is at least this weight, so sparse records cannot reach auto-merge on one field. */
  minEvidenceWeight?: number;
  thresholds: { autoMerge: number; review: number };
  /** Where evidence is weak and spread over many records (e.g. names only), review whole clusters instead of pairs. */
  clusterReview?: ClusterReviewRule;
}

/**
 * Cluster review (stewardship cluster tasks): golden records linked by edges form one task instead of
 * scattered pairwise tasks; a cluster that would contain a vetoed or not-a-match pair is split before
 * it is shown. Two golden records are linked when a pair of their records meets one edge rule's
 * `when` (all conditions) and no pair of their records meets that rule's `unless` (all conditions).
 */
export interface ClusterReviewRule {
  description?: string;
  edges: ClusterEdgeRule[];
  /** How many golden records the index search around one record gathers (default 50). */
  maxMembers?: number;
}

export interface ClusterEdgeRule {
  name: string;
  description?: string;
  /** Conditions a record pair must meet (same shape as hard-rule conditions). */
  when: HardRuleCondition[];
  /** A record pair of the two golden records meeting all of these rules the edge out (e.g. addresses that contradict). */
  unless?: HardRuleCondition[];
}

/** codeInText: codes from structured fields and code-like tokens found in free text. */
export interface PreparedCodes {
  codes: string[];
  textCodes: string[];
}

/** One pre-normalised comparator value set; plain JSON so it can be stored in the match index. */
export type PreparedValue = string[] | number[] | PreparedAddress[] | PreparedCodes;

export interface PreparedAddress {
  number: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
}

/** A record normalised once for all comparators (keyed by comparator name). Plain JSON. */
export interface PreparedRecord {
  sourceId: string;
  rulesVersion: string;
  values: Record<string, PreparedValue>;
}

export type MatchBand = 'auto-merge' | 'review' | 'no-match';

export interface ComparatorExplanation {
  name: string;
  field: string;
  type: ComparatorType;
  weight: number;
  /** 0..1, or null when a side is missing (contributes nothing). */
  score: number | null;
  outcome: ComparatorOutcome;
  /** The best-matching values on each side (normalised), for stewards to read. */
  a: string | null;
  b: string | null;
}

export interface MatchExplanation {
  domain: string;
  rulesVersion: string;
  aSourceId: string;
  bSourceId: string;
  comparators: ComparatorExplanation[];
  hardRule: { name: string; action: HardRuleAction; relationship?: string } | null;
  /** Weighted score before hard rules, 0..1. */
  score: number;
  /** Sum of weights of comparators with both sides present. */
  evidenceWeight: number;
  band: MatchBand;
  relationship?: string;
}
