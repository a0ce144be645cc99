/** Data-quality tasks: one open task per open ingest exception, so exceptions appear in the steward's inbox. */
import type { IngestExceptionDocument } from '../exceptions/types';
import { inTransaction } from '../golden/goldenStore';
import type { Store, StoreSession } from '../store/types';
import { insertTask } from './newTask';
import { tasksCollection } from './taskStore';
import type { TaskDocument } from './types';

export const DATA_QUALITY_RULE = 'stewardship:ingest-exception';
const DATA_QUALITY_PRIORITY = 50;

/**
 * Opens the data-quality task of an open exception unless it has one (call after recording the
 * exception). A task closed after the exception's last occurrence (e.g. skipped) is not reopened;
 * the record failing again later is news and opens a new one.
 */
export async function openExceptionTask(args: {
  store: Store;
  session?: StoreSession;
  exception: IngestExceptionDocument;
  at?: string;
}): Promise<TaskDocument | null> {
  const { exception } = args;
  if (exception.status !== 'open') return null;
  return inTransaction(args.store, args.session, async (session) => {
    const previous = await tasksCollection(args.store).find(
      { 'subject.exceptionId': exception._id },
      { sort: { createdAt: -1 }, limit: 1, session },
    );
    const latest = previous[0];
    if (latest && (latest.status === 'open' || (latest.closedAt ?? '') >= exception.lastSeenAt)) return null;
    return insertTask({
      store: args.store,
      session,
      fields: {
        type: 'data-quality',
        domain: exception.domain,
        source: exception.source,
        subject: { exceptionId: exception._id },
        priority: DATA_QUALITY_PRIORITY,
        exception: {
          code: exception.code,
          stage: exception.stage,
          message: exception.message,
          ...(exception.sourceId ? { sourceId: exception.sourceId } : {}),
        },
      },
      rule: DATA_QUALITY_RULE,
      note: `Ingest exception ${exception.code} at ${exception.stage}${exception.sourceId ? ` for ${exception.source} record ${exception.sourceId}` : ''}.`,
      at: args.at ?? new Date().toISOString(),
    });
  });
}
