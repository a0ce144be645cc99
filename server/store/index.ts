/** Chooses the storage backend: MongoDB when a URI is configured, the embedded store otherwise. */
import type { Logger } from '../logger';
import { openEmbeddedStore } from './embedded/embeddedStore';
import { openMongoStore } from './mongo/mongoStore';
import type { Store } from './types';

export type { Store, Collection, Document, Filter, Update, Sort, Projection, IndexSpec, FindOptions, StoreSession } from './types';
export { DocumentTooLargeError, DuplicateKeyError, MAX_DOCUMENT_BYTES } from './types';
export { EmbeddedStore, openEmbeddedStore } from './embedded/embeddedStore';
export type { CompactionPolicy, EmbeddedStoreOptions } from './embedded/embeddedStore';
export type { RecoveryReport } from './embedded/recovery';
export { StoreCorruptionError } from './embedded/recovery';
export { StoreLockedError } from './embedded/lockFile';
export { MongoStoreSetupError } from './mongo/mongoStore';

/** Opens the configured store: MongoDB when `mongodbUri` is set, the embedded store in `dataDir` otherwise. */
export async function openStore(options: {
  mongodbUri?: string;
  mongodbAllowStandalone?: boolean;
  dataDir: string;
  logger: Logger;
}): Promise<Store> {
  if (options.mongodbUri)
    return openMongoStore({ uri: options.mongodbUri, logger: options.logger, allowStandalone: options.mongodbAllowStandalone });
  return openEmbeddedStore({ dataDir: options.dataDir, logger: options.logger });
}
