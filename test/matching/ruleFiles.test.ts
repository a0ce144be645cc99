/** Rules as code at start-up: a new or changed file is the next version, an unchanged file never undoes API work. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLogger } from '../../server/logger';
import { publishRules, saveRulesDraft } from '../../server/matching/ruleSets/commands';
import { loadRuleFiles } from '../../server/matching/ruleSets/loadRuleFiles';
import { publishedRules } from '../../server/matching/ruleSets/queries';
import { changedRules } from '../support/factories/matching';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const ACTOR = { keyId: 'k', name: 'analyst', role: 'analyst' };

test('start-up loading: changed file → next version; unchanged file keeps the API version; invalid file refused', async () => {
  const services = { store: server.running.services.store, logger: createLogger({ silent: true }) };
  const dir = mkdtempSync(join(tmpdir(), 'rules-files-'));
  const write = (rules: unknown): void => writeFileSync(join(dir, 'account.json'), JSON.stringify(rules));

  write(changedRules('account', 'account-file-2'));
  expect((await loadRuleFiles(services, { directory: dir })).published).toEqual(['account.json']);
  expect((await publishedRules({ store: services.store, domain: 'account' })).version).toBe('account-file-2');

  expect((await loadRuleFiles(services, { directory: dir })).inSync).toEqual(['account.json']);

  await saveRulesDraft(services, { domain: 'account', rules: changedRules('account', 'account-api-3'), actor: ACTOR });
  await publishRules(services, { domain: 'account', actor: ACTOR });
  expect((await loadRuleFiles(services, { directory: dir })).keptApiVersion).toEqual(['account.json']);
  expect((await publishedRules({ store: services.store, domain: 'account' })).version).toBe('account-api-3');

  write(changedRules('account', 'account-file-4', (r) => Object.assign(r.thresholds, { review: 0.6 })));
  expect((await loadRuleFiles(services, { directory: dir })).published).toEqual(['account.json']);
  expect((await publishedRules({ store: services.store, domain: 'account' })).version).toBe('account-file-4');

  write(changedRules('account', 'account-file-5', (r) => Object.assign(r.thresholds, { review: 2 })));
  const refused = await loadRuleFiles(services, { directory: dir });
  expect(refused.refused[0]).toMatchObject({ file: 'account.json' });
  expect(at(refused.refused, 0).problem).toContain('thresholds.review');
  expect((await publishedRules({ store: services.store, domain: 'account' })).version).toBe('account-file-4');
});
