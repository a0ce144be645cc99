/**
 * Keyset pagination on one sort field plus `_id` as the tie-breaker, for the task list and the audit
 * log. The cursor holds the last item's sort value and id, so pages neither skip nor repeat items
 * when others are inserted meanwhile.
 */
import { invalidCursorError } from '../errors';
import type { Collection, Document, Filter } from '../store/types';

type SortValue = string | number;

function encodeCursor(value: SortValue, id: string): string {
  return Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { value: SortValue; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the 400 below
  }
  throw invalidCursorError();
}

/** One page of `filter` sorted by `field` (then `_id`) in `direction`, after `cursor`. */
export async function keysetPage<T extends Document>(args: {
  collection: Collection<T>;
  filter: Filter;
  field: string;
  direction: 1 | -1;
  cursor?: string;
  limit: number;
  projection?: Record<string, 0 | 1>;
}): Promise<{ items: T[]; nextCursor: string | null }> {
  const { field, direction } = args;
  let filter: Filter = args.filter;
  let skipTies = 0;
  let after: { value: SortValue; id: string } | null = null;
  if (args.cursor) {
    after = decodeCursor(args.cursor);
    const comparison = direction === 1 ? '$gte' : '$lte';
    filter = { $and: [args.filter, { [field]: { [comparison]: after.value } }] };
    // Items tied with the cursor's value up to its id were on earlier pages: count and drop them.
    skipTies = await args.collection.countDocuments({
      $and: [args.filter, { [field]: after.value, _id: { [direction === 1 ? '$lte' : '$gte']: after.id } }],
    });
  }
  const found = await args.collection.find(filter, {
    sort: { [field]: direction, _id: direction },
    limit: skipTies + args.limit + 1,
    ...(args.projection ? { projection: args.projection } : {}),
  });
  const rest = found.slice(skipTies);
  const hasMore = rest.length > args.limit;
  const items = hasMore ? rest.slice(0, args.limit) : rest;
  const last = items[items.length - 1];
  return { items, nextCursor: hasMore && last ? encodeCursor(valueAt(last, field), last._id) : null };
}

function valueAt(doc: Document, field: string): SortValue {
  let value: unknown = doc;
  for (const part of field.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'number' || typeof value === 'string' ? value : '';
}
