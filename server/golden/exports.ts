/**
 * Whole-domain exports as NDJSON, streamed from `store.iterate` in batches: memory stays constant
 * however large the domain, and the stream pulls the next batch only when the client has read.
 */
import { Readable } from 'node:stream';
import type { AppServices } from '../services';
import { GOLDEN_RECORDS, SOURCE_RECORDS } from './collections';
import type { PresentOptions } from './presenter';
import { presentGolden } from './presenter';
import type { GoldenRecordDocument, SourceRecordDocument } from './types';

const EXPORT_BATCH_SIZE = 500;

/** Lines `{ "source", "sourceId", "goldenId" }`, one per source record of the domain. */
export function exportXrefs(services: Pick<AppServices, 'store'>, input: { domain: string }): Readable {
  async function* lines(): AsyncGenerator<string> {
    const records = services.store
      .collection<SourceRecordDocument>(SOURCE_RECORDS)
      .iterate({ domain: input.domain }, { projection: { _id: 1, source: 1, sourceId: 1, goldenId: 1 }, batchSize: EXPORT_BATCH_SIZE });
    for await (const record of records) {
      if (!record.goldenId) continue;
      yield `${JSON.stringify({ source: record.source, sourceId: record.sourceId, goldenId: record.goldenId })}\n`;
    }
  }
  return Readable.from(lines());
}

/** Lines of presented golden records (active and retired; retired lines carry `mergedInto`). */
export function exportGoldenRecords(
  services: Pick<AppServices, 'store'>,
  input: { domain: string; status?: 'active' | 'retired'; options: PresentOptions },
): Readable {
  async function* lines(): AsyncGenerator<string> {
    const filter: Record<string, unknown> = { domain: input.domain };
    if (input.status) filter.status = input.status;
    for await (const golden of services.store
      .collection<GoldenRecordDocument>(GOLDEN_RECORDS)
      .iterate(filter, { batchSize: EXPORT_BATCH_SIZE })) {
      yield `${JSON.stringify(presentGolden(golden, input.options))}\n`;
    }
  }
  return Readable.from(lines());
}
