/** What leaves the server about lookup tables. */
import type { LookupSummaryView, LookupView } from '../contracts/mappings';
import type { LookupTableDocument } from './types';

/** A table without its entries (for lists). */
export function presentLookupSummary(table: LookupTableDocument): LookupSummaryView {
  return {
    name: table._id,
    description: table.description,
    entryCount: Object.keys(table.entries).length,
    revision: table.revision,
    origin: table.origin,
    updatedAt: table.updatedAt,
    updatedBy: table.updatedBy,
    createdAt: table.createdAt,
  };
}

/** A table with its entries. */
export function presentLookup(table: LookupTableDocument): LookupView {
  return { ...presentLookupSummary(table), entries: table.entries };
}
