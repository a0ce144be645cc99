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
    makeHarness: () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'mdm-store-contract-'));
      return {
        open: () => openEmbeddedStore({ dataDir, logger }),
        cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  });
});

// The same contract with document text spilled to the spill file almost at once (documentTable.ts), and the
// spill file rewritten as soon as a few KiB are dead: every read path then reads documents back from disk.
describe('store contract: embedded, documents spilled beyond a 2,048-character resident budget', () => {
  defineStoreContract({
    makeHarness: () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'mdm-store-contract-spill-'));
      return {
        open: () => openEmbeddedStore({ dataDir, logger, residentText: { characters: 2048, minRewriteDeadBytes: 4096 } }),
        cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  });
});

if (!mongodbUri) console.log('[store contract] MongoDB leg SKIPPED: MONGODB_URI is not set');

describe.skipIf(!mongodbUri)('store contract: mongodb', () => {
  defineStoreContract({
    makeHarness: () => {
      // One database per test: isolation without truncating anything shared. A standalone server is
      // accepted here so the non-transactional cases still run there (the transaction cases skip).
      const databaseName = `mdm_contract_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const open = (): Promise<MongoStore> => openMongoStore({ uri: mongodbUri as string, logger, databaseName, allowStandalone: true });
      return {
        open,
        cleanup: async () => {
          const cleaner = await open();
          await cleaner.dropDatabase();
          await cleaner.close();
        },
      };
    },
  });
});
