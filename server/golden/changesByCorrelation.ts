/** Change-feed entries caused by one request, upload job or message (its correlation id), oldest first. */
import type { Filter, Store } from '../store/types';
import { CHANGES } from './collections';
import type { ChangeDocument } from './types';

/** A page of the changes with `correlationId` after the cursor `after`; `nextCursor` is the last one returned. */
export async function changesByCorrelation(args: {
  store: Store;
  correlationId: string;
  after?: string;
  domain?: string;
  limit: number;
}): Promise<{ items: ChangeDocument[]; nextCursor: string | null }> {
  const filter: Filter = { correlationId: args.correlationId };
  if (args.after) filter._id = { $gt: args.after.padStart(16, '0') };
  if (args.domain) filter.domain = args.domain;
  const items = await args.store.collection<ChangeDocument>(CHANGES).find(filter, { sort: { _id: 1 }, limit: args.limit });
  return { items, nextCursor: items.at(-1)?._id ?? args.after ?? null };
}
