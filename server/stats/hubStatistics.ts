/**
 * The dashboard's figures, computed in the store with indexed counts (no paging through records):
 * per domain golden records, source records, duplicates merged, open tasks and open exceptions; per source system and
 * domain, accepted source records and ingest exceptions. Domains come from the canonical schemas and
 * source systems from the mappings — data, not a list in code.
 */
import { INGEST_EXCEPTIONS } from '../exceptions/collections';
import { GOLDEN_RECORDS, SOURCE_RECORDS } from '../golden/collections';
import { TASKS } from '../stewardship/collections';
import { MAPPINGS_COLLECTION } from '../mappings/collections';
import { listDomains } from '../schemas/canonicalSchemas';
import type { Store } from '../store/types';

export interface DomainStatistics {
  domain: string;
  goldenRecords: number;
  sourceRecords: number;
  /** Source records that joined another source record's golden record (source records − golden records). */
  duplicatesMerged: number;
  openTasks: number;
  /** Ingest exceptions still open (not replayed, resolved or discarded). */
  openExceptions: number;
}

export interface SourceStatistics {
  source: string;
  domain: string;
  accepted: number;
  /** Ingest exceptions of every status: a replayed record still failed when it arrived. */
  exceptions: number;
  /** exceptions / (accepted + exceptions). */
  exceptionRate: number;
}

export interface HubStatistics {
  at: string;
  domains: DomainStatistics[];
  sources: SourceStatistics[];
}

/** Counts for the dashboard, all answered by indexes. */
export async function hubStatistics(store: Store): Promise<HubStatistics> {
  const golden = store.collection(GOLDEN_RECORDS);
  const sourceRecords = store.collection(SOURCE_RECORDS);
  const tasks = store.collection(TASKS);
  const exceptions = store.collection(INGEST_EXCEPTIONS);
  const domains: DomainStatistics[] = [];
  for (const domain of listDomains()) {
    const [goldenRecords, sourceCount, openTasks, openExceptions] = await Promise.all([
      golden.countDocuments({ domain, status: 'active' }),
      sourceRecords.countDocuments({ domain }),
      tasks.countDocuments({ domain, status: 'open' }),
      exceptions.countDocuments({ domain, status: 'open' }),
    ]);
    domains.push({
      domain,
      goldenRecords,
      sourceRecords: sourceCount,
      duplicatesMerged: Math.max(0, sourceCount - goldenRecords),
      openTasks,
      openExceptions,
    });
  }
  const pairs = await store
    .collection<{ _id: string; source: string; domain: string; direction: string }>(MAPPINGS_COLLECTION)
    .find({ direction: 'inbound' });
  const sources: SourceStatistics[] = [];
  for (const { source, domain } of pairs) {
    const [accepted, failed] = await Promise.all([
      sourceRecords.countDocuments({ domain, source }),
      exceptions.countDocuments({ source, domain }),
    ]);
    if (accepted + failed === 0) continue;
    sources.push({ source, domain, accepted, exceptions: failed, exceptionRate: failed / (accepted + failed) });
  }
  sources.sort((a, b) => b.exceptionRate - a.exceptionRate || a.source.localeCompare(b.source) || a.domain.localeCompare(b.domain));
  return { at: new Date().toISOString(), domains, sources };
}
