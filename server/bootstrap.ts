/**
 * Start-up sequence shared by `npm start`, tests and scripts: open the store, create indexes,
 * register the bootstrap admin key, build the services and the app.
 */
import type { Server } from 'node:http';
import type Koa from 'koa';
import type { AppConfig } from './config';
import { bootstrapAdminKey, type AdminKeySource } from './apiKeys/bootstrapAdminKey';
import { ensureCollections } from './db/collections';
import { createApp } from './http/app';
import type { Logger } from './logger';
import { MetricsRegistry } from './metrics/registry';
import { JobRunner } from './jobs/jobRunner';
import { allProcessors, registerJobHandlers } from './backgroundWork';
import { allRoutes } from './routes';
import { createMappingRuntime, type MappingRuntime } from './mapping-runtime';
import { loadMappingsAsCode } from './mappings/loadMappingFiles';
import { seedIfEmpty } from './ingest/seedLoader';
import { startMllpListener, type MllpListener } from './ingest/mllp/mllpListener';
import type { AppServices } from './services';
import { openStore } from './store';
import { withStoreLock } from './store/startupLock';
import type { Store } from './store/types';
import { loadRuleFiles } from './matching/ruleSets/loadRuleFiles';
import { loadAliasTableFiles } from './matching/aliasTables/aliasTables';
import { startSyncDispatcher } from './sync/dispatcher';
import { ProcessorRunner } from './processors';
import { reindexSearchIfTermsChanged } from './search';
import { createPreparationThread } from './golden/preparationThread';
import { applyHeapGrowingPercent } from './heapGrowth';

export interface RunningApp {
  services: AppServices;
  app: Koa;
  adminKeySource: AdminKeySource;
  /** The HL7 v2 MLLP listener, when MDM_MLLP_PORT is set. */
  mllp?: MllpListener;
  /** Stops background work and closes the store (unless it was passed in). */
  close(): Promise<void>;
  /**
   * Stops as a crashed server would: processors and jobs end without releasing their leases or handing
   * jobs back, so other servers take them over only after the lease (multi-instance tests).
   */
  kill(): Promise<void>;
}

/** Opens the store and builds services and the Koa app (does not listen). */
export async function bootstrap(options: {
  config: AppConfig;
  logger: Logger;
  studioDir?: string;
  startJobs?: boolean;
  store?: Store;
}): Promise<RunningApp> {
  const { config, logger } = options;
  // Process-wide, like the heap limit it stands beside: the last app started in a process sets it (0, the default: V8 decides).
  applyHeapGrowingPercent(config.heapGrowingPercent);
  // A store passed in is shared (several app instances over one store in tests) and closed by its owner.
  const isSharedStore = options.store !== undefined;
  const store =
    options.store ??
    (await openStore({
      mongodbUri: config.mongodbUri,
      mongodbAllowStandalone: config.mongodbAllowStandalone,
      dataDir: config.dataDir,
      logger,
    }));
  let mappingRuntime: MappingRuntime | undefined;
  try {
    await ensureCollections(store);
    const adminKeySource = await bootstrapAdminKey(store, config.adminKey);
    if (adminKeySource.kind === 'revoked') {
      logger.warn(
        'MDM_ADMIN_KEY is revoked: it stays revoked and cannot sign in; set a new MDM_ADMIN_KEY or sign in with another admin key',
        {
          keyId: adminKeySource.keyId,
          revokedAt: adminKeySource.revokedAt,
        },
      );
    }
    const metrics = new MetricsRegistry();
    const services = { config, store, logger, metrics } as AppServices;
    mappingRuntime = createMappingRuntime({
      logger,
      limits: { timeoutMs: config.limits.mappingTimeoutMs, workerMemoryMb: config.limits.mappingWorkerMemoryMb },
      interactiveBudgetMs: config.limits.previewBudgetMs,
    });
    services.mappingRuntime = mappingRuntime;
    if (config.matchPreparationThread) services.matchPreparer = createPreparationThread({ logger });
    services.jobs = new JobRunner({ services });
    registerJobHandlers(services.jobs);
    services.processors = new ProcessorRunner({ services });
    for (const processor of allProcessors(services)) services.processors.register(processor);
    // One server at a time (N servers starting together on one MongoDB): the others wait, then find it done.
    await withStoreLock(store, { name: 'startup', logger }, async () => {
      // Mappings and lookup tables as code become published versions before anything ingests.
      await loadMappingsAsCode(services);
      // Matching rules and their alias tables as code become published versions before anything is matched
      // (tables first: rule sets name them).
      await loadAliasTableFiles(services);
      await loadRuleFiles(services);
      // Search terms computed by another release: re-index every golden record in the background.
      await reindexSearchIfTermsChanged(services, logger);
      // First start on an empty store: the demo seed goes through the real ingest path.
      if (config.seed) await seedIfEmpty(services);
    });
    const app = createApp({ services, routes: allRoutes(), studioDir: options.studioDir });
    if (options.startJobs ?? true) await services.jobs.start();
    // Numbers the change feed and keeps search, the steward inbox and sync fan-out in step with it
    // (each processor under a lease, so one server advances each cursor; docs/SCALING.md).
    if (options.startJobs ?? true) services.processors.start();
    // Sends planned deliveries to subscribed systems (docs/SYNC.md).
    const stopSyncDispatcher = (options.startJobs ?? true) ? startSyncDispatcher(services).stop : async () => undefined;
    // HL7 v2 over MLLP from interface engines (off unless configured).
    const mllp = config.mllp ? await startMllpListener(services, config.mllp) : undefined;
    return {
      services,
      app,
      adminKeySource,
      ...(mllp ? { mllp } : {}),
      close: async () => {
        await mllp?.close();
        await services.processors.stop();
        await stopSyncDispatcher();
        await services.jobs.stop();
        await services.mappingRuntime.close();
        await services.matchPreparer?.close();
        if (!isSharedStore) await store.close();
      },
      kill: async () => {
        await mllp?.close();
        await services.processors.kill();
        await stopSyncDispatcher();
        await services.jobs.kill();
        await services.mappingRuntime.close();
        await services.matchPreparer?.close();
      },
    };
  } catch (error) {
    // Worker threads would keep a failed start-up's process alive.
    await mappingRuntime?.close();
    if (!isSharedStore) await store.close();
    throw error;
  }
}

/** Listens on `port` (0 = any free port) and resolves with the server once it accepts connections. */
export function listen(app: Koa, options: { port: number; host: string }): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host);
    // Keep idle keep-alive sockets longer than clients and load balancers do (Node's 5 s default is shorter
    // than undici's pool and the usual 60 s balancer idle timeout): otherwise the server can close a socket at
    // the moment a client reuses it, and that request fails with ECONNRESET. `close()` still ends idle sockets.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}
