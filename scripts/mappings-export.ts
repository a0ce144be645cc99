/**
 * `npm run mappings:export [-- --drafts] [-- --dir <folder>] [-- --url <server>]`: writes mappings and
 * lookup tables edited through the API back to the mappings folder (MDM_MAPPINGS_DIR, default
 * `<repo>/mappings`). Reads the configured store (MONGODB_URI, or the embedded store in MDM_DATA_DIR,
 * which only one process may open: stop the server first), or with `--url` a running server's API
 * using the key in MDM_API_KEY (or MDM_ADMIN_KEY).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { exportMappingsToFiles, type ExportSource } from '../server/mappings/exportMappings';
import { httpExportSource, storeExportSource } from '../server/mappings/exportSources';
import { openStore } from '../server/store';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { drafts: { type: 'boolean', default: false }, dir: { type: 'string' }, url: { type: 'string' } },
    strict: true,
  });
  const config = loadConfig();
  const dir = values.dir ? path.resolve(values.dir) : config.mappingsDir;
  const drafts = values.drafts ?? false;
  let source: ExportSource;
  let close = async (): Promise<void> => {};
  if (values.url) {
    const apiKey = process.env.MDM_API_KEY?.trim() || config.adminKey;
    if (!apiKey) throw new Error('--url needs an API key with mappings.read and lookups.read in MDM_API_KEY');
    source = httpExportSource({ baseUrl: values.url, apiKey });
  } else {
    const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, logger: createLogger({ level: 'warn' }) });
    source = storeExportSource({ store });
    close = () => store.close();
  }
  try {
    const summary = await exportMappingsToFiles(source, { dir, drafts });
    const lines = [`Exported ${drafts ? 'drafts' : 'published versions'} from ${source.description} to ${dir}`];
    for (const file of summary.written) lines.push(`  written    ${file}`);
    lines.push(`  unchanged  ${summary.unchanged.length} file(s)`);
    for (const skipped of summary.skipped) lines.push(`  skipped    ${skipped.mapping}: ${skipped.reason}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`mappings:export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
