/**
 * Collects ground truth while the generators emit records: every emitted record is filed under the
 * real-world entity it describes, so clusters fall out by construction instead of being listed by hand.
 */

export interface RecordRef {
  source: string;
  sourceId: string;
}

export interface Relationship {
  type: 'packaging' | 'parent';
  from: RecordRef;
  to: RecordRef;
  note?: string;
}

export interface BadRecord extends RecordRef {
  expectedCode: string;
  reason: string;
  /** Seed file (relative to seed/) and 1-based physical line, for CSV rows that cannot be parsed at all. */
  file?: string;
  line?: number;
}

export interface GroundTruth {
  description: string;
  clusters: RecordRef[][];
  relationships: Relationship[];
  badRecords: BadRecord[];
}

/** Accumulates entity membership, relationships and bad records for one domain. */
export class TruthBuilder {
  private readonly members = new Map<string, RecordRef[]>();
  private readonly relationships: Relationship[] = [];
  private readonly badRecords: BadRecord[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly domain: string) {}

  /** Files a record under an entity key; records sharing a key are duplicates of each other. */
  add(entityKey: string, ref: RecordRef): RecordRef {
    const unique = `${ref.source}\u0000${ref.sourceId}`;
    if (this.seen.has(unique)) throw new Error(`${this.domain}: duplicate source id ${ref.source}/${ref.sourceId}`);
    this.seen.add(unique);
    const list = this.members.get(entityKey) ?? [];
    list.push(ref);
    this.members.set(entityKey, list);
    return ref;
  }

  /** Records a related-but-distinct pair (packaging level, parent/child). */
  relate(relationship: Relationship): void {
    this.relationships.push(relationship);
  }

  /** Files a record that ingest must reject, as its own singleton entity. */
  bad(record: BadRecord): void {
    this.add(`bad:${record.source}:${record.sourceId}`, { source: record.source, sourceId: record.sourceId });
    this.badRecords.push(record);
  }

  /** Adds the rejection expectation for a record already filed under its own entity key. */
  expectBad(record: BadRecord): void {
    this.badRecords.push(record);
  }

  /** Source ids filed so far for one source. */
  sourceIds(source: string): string[] {
    return [...this.members.values()].flat().filter((ref) => ref.source === source).map((ref) => ref.sourceId);
  }

  /** The first record filed under an entity key (the anchor for relationships). */
  first(entityKey: string): RecordRef | undefined {
    return this.members.get(entityKey)?.[0];
  }

  /** Ground truth with only multi-record clusters listed (every other record is a singleton). */
  build(description: string): GroundTruth {
    const clusters = [...this.members.values()].filter((list) => list.length > 1);
    return { description, clusters, relationships: this.relationships, badRecords: this.badRecords };
  }
}
