/**
 * Re-indexing after an upgrade that changes the search terms: the search index stores each golden record's terms as
 * the release that indexed it computed them, and a record is re-indexed only when it next changes. So when the terms
 * version (`SEARCH_TERMS_VERSION`: the terms revision and the searched fields) differs from the one the index was built
 * with, the search-index processor is sent back to the start of the change feed: it replays every change in the
 * background (pages of 2,000, one transaction each) and rewrites the entries whose terms differ; search keeps answering
 * from the old entries meanwhile. The rewind revokes the processor's lease (fencing token + 1), so a server that held it
 * cannot move the cursor past the rewind.
 */
import type { Logger } from '../logger';
import { PROCESSORS } from '../processors/collections';
import type { ProcessorDocument } from '../processors/types';
import type { AppServices } from '../services';
import type { Document } from '../store/types';
import { SEARCH_STATE } from './searchIndex';
import { SEARCH_INDEX_PROCESSOR } from './searchSync';
import { SEARCH_TERMS_VERSION } from './searchTerms';

const TERMS_VERSION_ID = 'termsVersion';

interface TermsVersionDocument extends Document {
  _id: typeof TERMS_VERSION_ID;
  version: string;
  updatedAt: string;
}

/**
 * Records the current terms version; when the index was built with another one (or by a release that did not record
 * it), rewinds the search-index processor so every golden record is re-indexed. Returns whether it rewound.
 * Runs at start-up under the start-up lock.
 */
export async function reindexSearchIfTermsChanged(services: Pick<AppServices, 'store'>, logger?: Logger): Promise<boolean> {
  const { store } = services;
  const state = store.collection<TermsVersionDocument>(SEARCH_STATE);
  const processors = store.collection<ProcessorDocument>(PROCESSORS);
  const stored = await state.findOne({ _id: TERMS_VERSION_ID });
  if (stored?.version === SEARCH_TERMS_VERSION) return false;
  const at = new Date().toISOString();
  let rewound = false;
  await store.withTransaction(async (session) => {
    // A fresh store has no processor yet: it will index from the feed's start anyway.
    const processor = await processors.findOne({ _id: SEARCH_INDEX_PROCESSOR }, { session });
    if (processor && processor.cursor !== null) {
      await processors.updateOne(
        { _id: SEARCH_INDEX_PROCESSOR },
        { $set: { cursor: null, owner: null, updatedAt: at }, $inc: { token: 1 } },
        { session },
      );
      rewound = true;
    }
    await state.updateOne({ _id: TERMS_VERSION_ID }, { $set: { version: SEARCH_TERMS_VERSION, updatedAt: at } }, { upsert: true, session });
  });
  if (rewound)
    logger?.info('search terms changed since the index was built: every golden record is re-indexed in the background', {
      from: stored?.version ?? null,
      to: SEARCH_TERMS_VERSION,
    });
  return rewound;
}
