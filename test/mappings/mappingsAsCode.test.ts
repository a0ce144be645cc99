/**
 * Mappings as code: files in a temporary mappings folder become published versions at start-up
 * (after their tests pass), unchanged files never undo API edits across restarts, changed files do
 * become new versions, and `npm run mappings:export` writes the store back to the same files.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { loadMappingsAsCode } from '../../server/mappings';
import { startTestServer, type TestServer } from '../support/testServer';
import { LAWSON_ITEM_EXPRESSION, LAWSON_UOM_ENTRIES, lawsonItemOutput, lawsonItemPayload } from '../support/factories/mappings';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mdm-mappings-code-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeMapping(dir: string, relative: string, expression: string, meta?: unknown): Promise<void> {
  await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
  await writeFile(path.join(dir, `${relative}.jsonata`), `${expression}\n`);
  if (meta !== undefined) await writeFile(path.join(dir, `${relative}.json`), JSON.stringify(meta, null, 2));
}

async function writeLookup(dir: string, name: string, table: unknown): Promise<void> {
  await mkdir(path.join(dir, 'lookups'), { recursive: true });
  await writeFile(path.join(dir, 'lookups', `${name}.json`), JSON.stringify(table));
}

const itemMeta = {
  description: 'Lawson IC11 items',
  samples: [lawsonItemPayload()],
  tests: [
    { name: 'box', input: lawsonItemPayload(), output: lawsonItemOutput() },
    { name: 'missing uom table entry keeps the code', input: lawsonItemPayload({ STOCK_UOM: 'DZ' }), output: lawsonItemOutput({ baseUom: 'DZ' }) },
  ],
};

type MappingBody = { publishedVersion: number | null; draftState: string; status: string; published: { origin: string; author: { name: string }; expression: string } | null; files: { outcome: string; problem?: string } | null; draft: { expression: string } };

async function start(dataDir: string, mappingsDir: string): Promise<TestServer> {
  return startTestServer({ dataDir, env: { MDM_MAPPINGS_DIR: mappingsDir } });
}

describe('loading at start-up', () => {
  let mappingsDir: string;
  let dataDir: string;
  let server: TestServer | undefined;

  beforeAll(async () => {
    mappingsDir = path.join(root, 'load');
    dataDir = await mkdtemp(path.join(root, 'data-'));
    await writeLookup(mappingsDir, 'lawson-uom', { description: 'Lawson UOM', entries: LAWSON_UOM_ENTRIES });
    await writeMapping(mappingsDir, 'lawson/item', LAWSON_ITEM_EXPRESSION, itemMeta);
    await writeMapping(mappingsDir, 'failing/item', LAWSON_ITEM_EXPRESSION, { tests: [{ name: 'wrong', input: lawsonItemPayload(), output: lawsonItemOutput({ baseUom: 'EA' }) }] });
    await writeMapping(mappingsDir, 'unparsable/item', '{ "sourceId": ');
    await writeMapping(mappingsDir, 'lawson/spaceship', '{}');
    await writeMapping(mappingsDir, 'lawson/item.outbound', '{ "ITEM": sourceId, "DESCRIPTION": description }', {
      tests: [{ name: 'to Lawson', input: { sourceId: '1', description: 'GAUZE' }, output: { ITEM: '1', DESCRIPTION: 'GAUZE' } }],
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test('passing files become published versions by `files`; failing ones are not published but the server starts', async () => {
    server = await start(dataDir, mappingsDir);
    const item = await server.request<MappingBody>('GET', '/api/v1/mappings/lawson/item');
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({ status: 'published', publishedVersion: 1, draftState: 'same-as-published', published: { origin: 'files', author: { name: 'files' } }, files: { outcome: 'published' } });
    const lookup = await server.request<{ origin: string; entries: unknown }>('GET', '/api/v1/lookups/lawson-uom');
    expect(lookup.body).toMatchObject({ origin: 'files', entries: LAWSON_UOM_ENTRIES });

    const failing = await server.request<MappingBody>('GET', '/api/v1/mappings/failing/item');
    expect(failing.body).toMatchObject({ status: 'draft', publishedVersion: null, files: { outcome: 'refused' } });
    expect(failing.body.files?.problem).toContain('"wrong"');
    const unparsable = await server.request<MappingBody>('GET', '/api/v1/mappings/unparsable/item');
    expect(unparsable.body.files?.problem).toContain('syntax error');
    expect((await server.request('GET', '/api/v1/mappings/lawson/spaceship')).status).toBe(404);
    const outbound = await server.request<MappingBody & { direction: string }>('GET', '/api/v1/mappings/lawson/item?direction=outbound');
    expect(outbound.body).toMatchObject({ direction: 'outbound', publishedVersion: 1, published: { origin: 'files' } });
    expect((await server.request('GET', '/healthz', { key: null })).status).toBe(200);
  });

  test('failures are logged naming the file and the problem', async () => {
    const logger = createMemoryLogger();
    if (!server) throw new Error('server not started');
    const summary = await loadMappingsAsCode({ ...server.running.services, logger });
    expect(summary.inSync).toContain(path.join('lawson', 'item.jsonata'));
    expect(summary.refused.map((entry) => entry.file).sort()).toEqual([path.join('failing', 'item.jsonata'), path.join('lawson', 'spaceship.jsonata'), path.join('unparsable', 'item.jsonata')]);
    const errors = logger.entries.filter((entry) => entry.level === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ msg: 'mapping file NOT published: its tests do not pass', file: path.join('failing', 'item.jsonata'), problem: expect.stringContaining('1 of 1 tests failed') }));
    expect(errors).toContainEqual(expect.objectContaining({ file: path.join('lawson', 'spaceship.jsonata'), problem: expect.stringContaining('no canonical schema') }));
  });

  test('restarts: unchanged files change nothing, an API publish survives, a changed file becomes the next version', { timeout: 120_000 }, async () => {
    await server?.stop();
    server = await start(dataDir, mappingsDir);
    expect((await server.request<MappingBody>('GET', '/api/v1/mappings/lawson/item')).body.publishedVersion).toBe(1);

    const edited = LAWSON_ITEM_EXPRESSION.replace('"description": DESCRIPTION', '"description": $trim(DESCRIPTION)');
    expect((await server.request('PUT', '/api/v1/mappings/lawson/item', { body: { ...itemMeta, expression: edited } })).status).toBe(200);
    expect((await server.request('POST', '/api/v1/mappings/lawson/item/publish', { body: {} })).status).toBe(201);
    await server.request('PUT', '/api/v1/lookups/lawson-uom', { body: { description: 'Lawson UOM', entries: { ...LAWSON_UOM_ENTRIES, BX: 'BX' } } });
    await server.stop();
    server = await start(dataDir, mappingsDir);
    const kept = await server.request<MappingBody>('GET', '/api/v1/mappings/lawson/item');
    expect(kept.body).toMatchObject({ publishedVersion: 2, published: { origin: 'api', expression: edited }, files: { outcome: 'kept-api-version' } });
    expect((await server.request<{ entries: Record<string, string> }>('GET', '/api/v1/lookups/lawson-uom')).body.entries.BX).toBe('BX');

    const fromFile = LAWSON_ITEM_EXPRESSION.replace('"manufacturerPartNumber": MANUF_NBR', '"manufacturerPartNumber": $uppercase(MANUF_NBR)');
    await writeMapping(mappingsDir, 'lawson/item', fromFile, itemMeta);
    await writeLookup(mappingsDir, 'lawson-uom', { description: 'Lawson UOM', entries: { ...LAWSON_UOM_ENTRIES, CT: 'CT' } });
    await server.stop();
    server = await start(dataDir, mappingsDir);
    const changed = await server.request<MappingBody>('GET', '/api/v1/mappings/lawson/item');
    expect(changed.body).toMatchObject({ publishedVersion: 3, published: { origin: 'files', expression: fromFile }, draftState: 'same-as-published', draft: { expression: fromFile } });
    expect((await server.request<{ entries: Record<string, string> }>('GET', '/api/v1/lookups/lawson-uom')).body.entries).toEqual({ ...LAWSON_UOM_ENTRIES, CT: 'CT' });
  });
});

describe('export', () => {
  test('writes published versions (or drafts with --drafts) and lookup tables back to the files; a second export changes nothing', { timeout: 120_000 }, async () => {
    const mappingsDir = path.join(root, 'export');
    const dataDir = await mkdtemp(path.join(root, 'data-'));
    await writeMapping(mappingsDir, 'lawson/item', LAWSON_ITEM_EXPRESSION, itemMeta);
    await writeLookup(mappingsDir, 'lawson-uom', { description: 'Lawson UOM', entries: LAWSON_UOM_ENTRIES });
    const server = await start(dataDir, mappingsDir);
    const published = LAWSON_ITEM_EXPRESSION.replace('"description": DESCRIPTION', '"description": $trim(DESCRIPTION)');
    await server.request('PUT', '/api/v1/mappings/lawson/item', { body: { ...itemMeta, expression: published } });
    await server.request('POST', '/api/v1/mappings/lawson/item/publish', { body: {} });
    const draftOnly = '{ "sourceId": ITEM, "description": DESCRIPTION }';
    await server.request('PUT', '/api/v1/mappings/lawson/item', { body: { ...itemMeta, expression: draftOnly, tests: [] } });
    await server.request('PUT', '/api/v1/mappings/infor/facility', { body: { expression: '{ "sourceId": ID, "name": NAME }', description: 'never published' } });
    await server.request('PUT', '/api/v1/lookups/infor-fac-type', { body: { description: 'facility types', entries: { H: 'hospital' } } });
    await server.stop();

    const env = { ...process.env, MDM_DATA_DIR: dataDir, MDM_MAPPINGS_DIR: mappingsDir, MONGODB_URI: '' };
    const first = await run('node', ['--import', 'tsx', 'scripts/mappings-export.ts'], { cwd: REPO_ROOT, env });
    expect(first.stdout).toContain(`written    ${path.join('lawson', 'item.jsonata')}`);
    expect(first.stdout).toContain('skipped    inbound infor/facility: it was never published');
    expect(await readFile(path.join(mappingsDir, 'lawson', 'item.jsonata'), 'utf8')).toBe(`${published}\n`);
    expect(JSON.parse(await readFile(path.join(mappingsDir, 'lawson', 'item.json'), 'utf8'))).toEqual(itemMeta);
    expect(JSON.parse(await readFile(path.join(mappingsDir, 'lookups', 'infor-fac-type.json'), 'utf8'))).toEqual({ description: 'facility types', entries: { H: 'hospital' } });

    const second = await run('node', ['--import', 'tsx', 'scripts/mappings-export.ts'], { cwd: REPO_ROOT, env });
    expect(second.stdout).not.toContain('written');

    const drafts = await run('node', ['--import', 'tsx', 'scripts/mappings-export.ts', '--drafts'], { cwd: REPO_ROOT, env });
    expect(drafts.stdout).toContain(`written    ${path.join('infor', 'facility.jsonata')}`);
    expect(await readFile(path.join(mappingsDir, 'lawson', 'item.jsonata'), 'utf8')).toBe(`${draftOnly}\n`);
    expect(JSON.parse(await readFile(path.join(mappingsDir, 'infor', 'facility.json'), 'utf8'))).toEqual({ description: 'never published', samples: [], tests: [] });

    // Exported published files are what the store already has: the next start-up publishes nothing new.
    await run('node', ['--import', 'tsx', 'scripts/mappings-export.ts'], { cwd: REPO_ROOT, env });
    await rm(path.join(mappingsDir, 'infor'), { recursive: true });
    const restarted = await start(dataDir, mappingsDir);
    const item = await restarted.request<MappingBody>('GET', '/api/v1/mappings/lawson/item');
    expect(item.body).toMatchObject({ publishedVersion: 2, files: { outcome: 'in-sync' } });
    await restarted.stop({ removeData: true });
  });

  test('--url exports from a running server through its API (the embedded store stays locked by the server)', { timeout: 120_000 }, async () => {
    const mappingsDir = path.join(root, 'export-url');
    const server = await start(await mkdtemp(path.join(root, 'data-')), mappingsDir);
    try {
      await server.request('PUT', '/api/v1/lookups/lawson-uom', { body: { description: 'Lawson UOM', entries: LAWSON_UOM_ENTRIES } });
      await server.request('PUT', '/api/v1/mappings/lawson/item', { body: { ...itemMeta, expression: LAWSON_ITEM_EXPRESSION } });
      expect((await server.request('POST', '/api/v1/mappings/lawson/item/publish', { body: {} })).status).toBe(201);
      const analyst = await server.createKey('analyst');
      const env = { ...process.env, MDM_DATA_DIR: server.dataDir, MDM_MAPPINGS_DIR: mappingsDir, MDM_API_KEY: analyst };
      const locked = run('node', ['--import', 'tsx', 'scripts/mappings-export.ts'], { cwd: REPO_ROOT, env });
      await expect(locked).rejects.toMatchObject({ stderr: expect.stringContaining('already in use') });
      const exported = await run('node', ['--import', 'tsx', 'scripts/mappings-export.ts', '--url', server.baseUrl], { cwd: REPO_ROOT, env });
      expect(exported.stdout).toContain(`from ${server.baseUrl}`);
      expect(await readFile(path.join(mappingsDir, 'lawson', 'item.jsonata'), 'utf8')).toBe(`${LAWSON_ITEM_EXPRESSION}\n`);
      expect(JSON.parse(await readFile(path.join(mappingsDir, 'lookups', 'lawson-uom.json'), 'utf8'))).toEqual({ description: 'Lawson UOM', entries: LAWSON_UOM_ENTRIES });
    } finally {
      await server.stop({ removeData: true });
    }
  });
});
