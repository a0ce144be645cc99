import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { createLogger } from '../../server/logger';
import { openEmbeddedStore } from '../../server/store/embedded/embeddedStore';
import { openMongoStore } from '../../server/store/mongo/mongoStore';
import type { MongoStore } from '../../server/store/mongo/mongoStore';
import { defineStoreContract } from './contractSuite';

const logger = createLogger({ silent: true });
const mongodbUri = process.env.MONGODB_URI;

describe('store contract: embedded', () => {
  defineStoreContract({
    supportsTransactions: () => true,
    makeHarness: () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'mdm-store-contract-'));
      return {
        open: () => openEmbeddedStore({ dataDir, logger }),
        cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  });
});

if (!mongodbUri) console.log('[store contract] MongoDB leg SKIPPED: MONGODB_URI is not set');

describe.skipIf(!mongodbUri)('store contract: mongodb', () => {
  let isReplicaSet = false;
  defineStoreContract({
    supportsTransactions: () => isReplicaSet,
    makeHarness: () => {
      // One database per test: isolation without truncating anything shared.
      const databaseName = `mdm_contract_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      let last: MongoStore | undefined;
      return {
        open: async () => {
          last = await openMongoStore({ uri: mongodbUri as string, logger, databaseName });
          isReplicaSet = last.isReplicaSet;
          return last;
        },
        cleanup: async () => {
          const cleaner = await openMongoStore({ uri: mongodbUri as string, logger, databaseName });
          await cleaner.dropDatabase();
          await cleaner.close();
        },
      };
    },
  });
});
