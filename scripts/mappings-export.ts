/**
 * `npm run mappings:export [-- --drafts] [-- --dir <folder>]`: writes mappings and lookup tables
 * edited through the API back to the mappings folder (MDM_MAPPINGS_DIR, default `<repo>/mappings`),
 * reading the configured store (MONGODB_URI, or the embedded store in MDM_DATA_DIR — which only one
 * process may open at a time, so stop the server first when it uses the embedded store).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { exportMappingsToFiles } from '../server/mappings/exportMappings';
import { openStore } from '../server/store';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { drafts: { type: 'boolean', default: false }, dir: { type: 'string' } }, strict: true });
  const config = loadConfig();
  const dir = values.dir ? path.resolve(values.dir) : config.mappingsDir;
  const logger = createLogger({ level: 'warn' });
  const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, logger });
  try {
    const summary = await exportMappingsToFiles({ store }, { dir, drafts: values.drafts ?? false });
    const lines = [`Exported ${values.drafts ? 'drafts' : 'published versions'} from ${store.description} to ${dir}`];
    for (const file of summary.written) lines.push(`  written    ${file}`);
    lines.push(`  unchanged  ${summary.unchanged.length} file(s)`);
    for (const skipped of summary.skipped) lines.push(`  skipped    ${skipped.mapping}: ${skipped.reason}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`mappings:export failed: ${message}\n`);
  process.exit(1);
});
