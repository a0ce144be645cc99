/**
 * Configuration comes only from the environment and is validated once at start-up; every problem is
 * reported together in a readable list instead of failing on the first one.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { egressEntryProblem } from './sync/egressRules';
import { DEFAULT_MAX_JSON_DEPTH } from './http/jsonDepth';
import { checkMongoUri } from './store/mongo/connectionUri';

export interface AppConfig {
  port: number;
  host: string;
  /** MongoDB when set (must name the database); the embedded store otherwise. */
  mongodbUri?: string;
  /** Start on a MongoDB server without transactions (standalone), accepting the lost guarantees (docs/STORAGE.md). */
  mongodbAllowStandalone: boolean;
  /** Embedded store directory. */
  dataDir: string;
  /** Bootstrap admin key, if given. */
  adminKey?: string;
  /** Load the demo data into an empty store at start-up (default: on for the embedded store, off on MongoDB). */
  seed: boolean;
  /** Prepare ingest batches for matching on a worker thread beside the main thread (default on; docs/INGEST.md). */
  matchPreparationThread: boolean;
  /** Validate and standardise mapped records in the mapping workers, beside the mapping (default on; docs/INGEST.md, twelfth pass). */
  validateInMappingWorkers: boolean;
  /** Write an ingest group's block sizes and term counts once per group, held in memory meanwhile (default on; docs/INGEST.md). */
  groupedMatchCounts: boolean;
  /**
   * Old-generation growing factor as a percent over the live heap (`MDM_HEAP_GROWING_PERCENT`, 0 = V8's adaptive
   * factor, up to 300 %); bounds the heap's headroom during bulk loads (server/heapGrowth.ts, docs/INGEST.md).
   */
  heapGrowingPercent: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Default body limit for JSON API requests, in bytes. */
  jsonBodyLimit: number;
  /** Body limit for inline ingest requests (larger loads go through upload jobs), in bytes. */
  ingestBodyLimit: number;
  /** Mappings as code (`<source>/<domain>.jsonata`, `lookups/*.json`), loaded at start-up. */
  mappingsDir: string;
  /** Failed authentications from one client address within the window before it is throttled (429). */
  authFailureLimit: number;
  /** Length of the failed-authentication window, and of the block after it, in seconds. */
  authFailureWindowSeconds: number;
  /** Encrypts stored secrets (subscription signing secrets); else a key file in `dataDir` is used. */
  secretsKey?: string;
  /** Hosts and CIDR ranges outbound deliveries may reach even though they are private or loopback. */
  egressAllow: string[];
  /** Downstream sync: delay before each retry, in ms (the last one ends retrying); default ~3 days. */
  syncRetryScheduleMs?: number[];
  /** Downstream sync: an endpoint whose every attempt failed for this long is disabled (MDM_SYNC_DISABLE_AFTER_MS; default 5 days). */
  syncDisableAfterMs?: number;
  /** Downstream sync: how often the dispatcher looks for work, in ms. */
  syncIntervalMs: number;
  /** Downstream sync: absolute directories file-drop subscriptions may write into (MDM_SYNC_FILE_DIRS); none by default. */
  syncFileDirs: string[];
  /** Runtime limits against hostile input (docs/MAPPING-RUNTIME.md, docs/INGEST.md). */
  limits: RuntimeLimitsConfig;
  /** The HL7 v2 MLLP listener (docs/INGEST.md); absent = off (the default). */
  mllp?: MllpConfig;
}

/** Which source × domain a sending application (MSH-3), optionally at one facility (MSH-4), feeds. */
export interface MllpRoute {
  sendingApplication: string;
  sendingFacility?: string;
  source: string;
  domain: string;
}

export interface MllpConfig {
  port: number;
  host: string;
  routes: MllpRoute[];
}

/** Parses MDM_MLLP_ROUTES: `APP[^FACILITY]=source/domain`, comma-separated. */
export function parseMllpRoutes(raw: string, problems: string[]): MllpRoute[] {
  const routes: MllpRoute[] = [];
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([^=^]+)(?:\^([^=]+))?=([a-z0-9][a-z0-9_-]{0,62})\/([a-z][a-z0-9-]{0,40})$/.exec(entry);
    const [, application, facility, source, domain] = match ?? [];
    if (application === undefined || source === undefined || domain === undefined) {
      problems.push(`MDM_MLLP_ROUTES: "${entry}" should read APPLICATION[^FACILITY]=source/domain, e.g. EPIC^SUPPLY=epic-supply/item`);
      continue;
    }
    routes.push({
      sendingApplication: application.trim(),
      ...(facility ? { sendingFacility: facility.trim() } : {}),
      source,
      domain,
    });
  }
  return routes;
}

export interface RuntimeLimitsConfig {
  /** Deepest JSON nesting accepted in a request body or one ingested record (MDM_MAX_JSON_DEPTH). */
  maxJsonDepth: number;
  /** Mapping time per record (MDM_MAPPING_TIMEOUT_MS). */
  mappingTimeoutMs: number;
  /** Heap per mapping worker (MDM_MAPPING_WORKER_MEMORY_MB). */
  mappingWorkerMemoryMb: number;
  /** Total time of one preview or mapping test run (MDM_PREVIEW_BUDGET_MS). */
  previewBudgetMs: number;
  /** How long a claimed job stays owned without a heartbeat (MDM_JOB_LEASE_MS). */
  jobLeaseMs: number;
  /** Starts without progress after which a job is quarantined (MDM_JOB_MAX_ATTEMPTS). */
  jobMaxAttempts: number;
  /** How long a processor lease stays held without a heartbeat before another server takes it over (MDM_PROCESSOR_LEASE_MS). */
  processorLeaseMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The repository's `mappings/` folder, independent of the working directory. */
const DEFAULT_MAPPINGS_DIR = fileURLToPath(new URL('../mappings/', import.meta.url));

const BOOLEAN_WORDS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  on: true,
  false: false,
  '0': false,
  no: false,
  off: false,
};

function parseBoolean(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  const value = BOOLEAN_WORDS[raw.trim().toLowerCase()];
  if (value === undefined) problems.push(`${name} must be true or false, got "${raw}"`);
  return value ?? fallback;
}

function parseInteger(
  options: { name: string; raw: string | undefined; fallback: number; min: number; max: number },
  problems: string[],
): number {
  const { name, raw, fallback, min, max } = options;
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return fallback;
  }
  return value;
}

/** The default of `MDM_HEAP_GROWING_PERCENT` (measured in docs/INGEST.md "Peak memory, session 16 (memory16)"). */
export const DEFAULT_HEAP_GROWING_PERCENT = 0;

/** Reads and validates the configuration; throws ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const port = parseInteger({ name: 'PORT', raw: env.PORT, fallback: 3000, min: 0, max: 65535 }, problems);
  const mongodbUri = env.MONGODB_URI?.trim() || undefined;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) {
    problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  } else if (mongodbUri) {
    const checked = checkMongoUri(mongodbUri);
    if (!checked.ok) problems.push(checked.problem);
  }
  const adminKey = env.MDM_ADMIN_KEY?.trim() || undefined;
  if (adminKey !== undefined && (adminKey.length < 24 || /\s/.test(adminKey))) {
    problems.push('MDM_ADMIN_KEY must be at least 24 characters without spaces (use a long random value)');
  }
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of debug, info, warn, error, got "${env.LOG_LEVEL}"`);
  }
  const config: AppConfig = {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    mongodbUri,
    mongodbAllowStandalone: parseBoolean('MDM_MONGODB_ALLOW_STANDALONE', env.MDM_MONGODB_ALLOW_STANDALONE, false, problems),
    dataDir: path.resolve(env.MDM_DATA_DIR?.trim() || './data'),
    adminKey,
    // Demo data in a shared production database is a surprise; on MongoDB seeding is opt-in.
    seed: parseBoolean('MDM_SEED', env.MDM_SEED, !mongodbUri, problems),
    matchPreparationThread: parseBoolean('MDM_MATCH_PREPARATION_THREAD', env.MDM_MATCH_PREPARATION_THREAD, true, problems),
    validateInMappingWorkers: parseBoolean('MDM_VALIDATE_IN_MAPPING_WORKERS', env.MDM_VALIDATE_IN_MAPPING_WORKERS, true, problems),
    groupedMatchCounts: parseBoolean('MDM_GROUPED_MATCH_COUNTS', env.MDM_GROUPED_MATCH_COUNTS, true, problems),
    heapGrowingPercent: parseInteger(
      { name: 'MDM_HEAP_GROWING_PERCENT', raw: env.MDM_HEAP_GROWING_PERCENT, fallback: DEFAULT_HEAP_GROWING_PERCENT, min: 0, max: 300 },
      problems,
    ),
    logLevel: (['debug', 'info', 'warn', 'error'].includes(logLevel) ? logLevel : 'info') as AppConfig['logLevel'],
    jsonBodyLimit: parseInteger(
      { name: 'MDM_JSON_BODY_LIMIT', raw: env.MDM_JSON_BODY_LIMIT, fallback: 1024 * 1024, min: 1024, max: 64 * 1024 * 1024 },
      problems,
    ),
    ingestBodyLimit: parseInteger(
      { name: 'MDM_INGEST_BODY_LIMIT', raw: env.MDM_INGEST_BODY_LIMIT, fallback: 16 * 1024 * 1024, min: 1024, max: 256 * 1024 * 1024 },
      problems,
    ),
    mappingsDir: path.resolve(env.MDM_MAPPINGS_DIR?.trim() || DEFAULT_MAPPINGS_DIR),
    authFailureLimit: parseInteger(
      { name: 'MDM_AUTH_FAILURE_LIMIT', raw: env.MDM_AUTH_FAILURE_LIMIT, fallback: 10, min: 1, max: 100_000 },
      problems,
    ),
    authFailureWindowSeconds: parseInteger(
      { name: 'MDM_AUTH_FAILURE_WINDOW_SECONDS', raw: env.MDM_AUTH_FAILURE_WINDOW_SECONDS, fallback: 60, min: 1, max: 86_400 },
      problems,
    ),
    egressAllow: [],
    syncIntervalMs: 250,
    syncFileDirs: [],
    limits: {
      maxJsonDepth: parseInteger(
        { name: 'MDM_MAX_JSON_DEPTH', raw: env.MDM_MAX_JSON_DEPTH, fallback: DEFAULT_MAX_JSON_DEPTH, min: 8, max: 1000 },
        problems,
      ),
      mappingTimeoutMs: parseInteger(
        { name: 'MDM_MAPPING_TIMEOUT_MS', raw: env.MDM_MAPPING_TIMEOUT_MS, fallback: 1000, min: 10, max: 60_000 },
        problems,
      ),
      mappingWorkerMemoryMb: parseInteger(
        { name: 'MDM_MAPPING_WORKER_MEMORY_MB', raw: env.MDM_MAPPING_WORKER_MEMORY_MB, fallback: 256, min: 32, max: 8192 },
        problems,
      ),
      previewBudgetMs: parseInteger(
        { name: 'MDM_PREVIEW_BUDGET_MS', raw: env.MDM_PREVIEW_BUDGET_MS, fallback: 10_000, min: 100, max: 600_000 },
        problems,
      ),
      jobLeaseMs: parseInteger(
        { name: 'MDM_JOB_LEASE_MS', raw: env.MDM_JOB_LEASE_MS, fallback: 30_000, min: 1000, max: 3_600_000 },
        problems,
      ),
      jobMaxAttempts: parseInteger(
        { name: 'MDM_JOB_MAX_ATTEMPTS', raw: env.MDM_JOB_MAX_ATTEMPTS, fallback: 3, min: 1, max: 100 },
        problems,
      ),
      processorLeaseMs: parseInteger(
        { name: 'MDM_PROCESSOR_LEASE_MS', raw: env.MDM_PROCESSOR_LEASE_MS, fallback: 15_000, min: 100, max: 600_000 },
        problems,
      ),
    },
  };
  if (env.MDM_MLLP_PORT?.trim()) {
    const mllpPort = parseInteger({ name: 'MDM_MLLP_PORT', raw: env.MDM_MLLP_PORT, fallback: 2575, min: 0, max: 65535 }, problems);
    const routes = parseMllpRoutes(env.MDM_MLLP_ROUTES ?? '', problems);
    if (routes.length === 0)
      problems.push('MDM_MLLP_ROUTES must name at least one APPLICATION[^FACILITY]=source/domain when MDM_MLLP_PORT is set');
    config.mllp = { port: mllpPort, host: env.MDM_MLLP_HOST?.trim() || config.host, routes };
  }
  const secretsKey = env.MDM_SECRETS_KEY?.trim() || undefined;
  if (secretsKey !== undefined && secretsKey.length < 32)
    problems.push('MDM_SECRETS_KEY must be at least 32 characters (use a long random value)');
  const egressAllow = (env.MDM_EGRESS_ALLOW ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of egressAllow) {
    const problem = egressEntryProblem(entry);
    if (problem) problems.push(`MDM_EGRESS_ALLOW: ${problem}`);
  }
  let syncRetryScheduleMs: number[] | undefined;
  if (env.MDM_SYNC_RETRY_SCHEDULE_MS?.trim()) {
    syncRetryScheduleMs = env.MDM_SYNC_RETRY_SCHEDULE_MS.split(',').map((part) => Number(part.trim()));
    if (syncRetryScheduleMs.some((delay) => !Number.isInteger(delay) || delay < 0 || delay > 7 * 24 * 3600 * 1000)) {
      problems.push(
        `MDM_SYNC_RETRY_SCHEDULE_MS must be comma-separated whole milliseconds (0 to 7 days each), got "${env.MDM_SYNC_RETRY_SCHEDULE_MS}"`,
      );
      syncRetryScheduleMs = undefined;
    }
  }
  let syncDisableAfterMs: number | undefined;
  if (env.MDM_SYNC_DISABLE_AFTER_MS?.trim()) {
    syncDisableAfterMs = Number(env.MDM_SYNC_DISABLE_AFTER_MS.trim());
    if (!Number.isInteger(syncDisableAfterMs) || syncDisableAfterMs < 1 || syncDisableAfterMs > 90 * 24 * 3600 * 1000) {
      problems.push(`MDM_SYNC_DISABLE_AFTER_MS must be whole milliseconds (1 to 90 days), got "${env.MDM_SYNC_DISABLE_AFTER_MS}"`);
      syncDisableAfterMs = undefined;
    }
  }
  config.syncDisableAfterMs = syncDisableAfterMs;
  config.secretsKey = secretsKey;
  config.egressAllow = egressAllow;
  config.syncRetryScheduleMs = syncRetryScheduleMs;
  config.syncFileDirs = (env.MDM_SYNC_FILE_DIRS ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => path.resolve(entry));
  for (const entry of (env.MDM_SYNC_FILE_DIRS ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    if (!path.isAbsolute(entry)) problems.push(`MDM_SYNC_FILE_DIRS: "${entry}" must be an absolute directory path`);
  }
  config.syncIntervalMs = parseInteger(
    { name: 'MDM_SYNC_INTERVAL_MS', raw: env.MDM_SYNC_INTERVAL_MS, fallback: 250, min: 10, max: 60_000 },
    problems,
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
