import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';

describe('configuration', () => {
  test('defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, seed: true, mongodbUri: undefined, logLevel: 'info' });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  test('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      MONGODB_URI: 'mongodb://db:27017/mdm',
      MDM_DATA_DIR: '/tmp/x',
      MDM_ADMIN_KEY: 'k'.repeat(30),
      MDM_SEED: 'false',
    });
    expect(config).toMatchObject({
      port: 8080,
      mongodbUri: 'mongodb://db:27017/mdm',
      dataDir: '/tmp/x',
      adminKey: 'k'.repeat(30),
      seed: false,
    });
  });

  test('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', MONGODB_URI: 'postgres://x', MDM_ADMIN_KEY: 'short', MDM_SEED: 'maybe', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/PORT[\s\S]*MONGODB_URI[\s\S]*MDM_ADMIN_KEY[\s\S]*LOG_LEVEL[\s\S]*MDM_SEED/);
  });

  test.each([
    { env: { MONGODB_URI: 'mongodb://db:27017/mdm?replicaSet=rs0' }, expected: { seed: false, mongodbAllowStandalone: false } },
    {
      env: { MONGODB_URI: 'mongodb://db:27017/mdm', MDM_SEED: 'true', MDM_MONGODB_ALLOW_STANDALONE: 'true' },
      expected: { seed: true, mongodbAllowStandalone: true },
    },
    { env: {}, expected: { seed: true, mongodbAllowStandalone: false } },
  ])('MongoDB defaults: seeding is opt-in on MongoDB ($env)', ({ env, expected }) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  test.each([
    { uri: 'mongodb://db:27017', problem: /MONGODB_URI must name the database/ },
    { uri: 'mongodb://app:hunter2@db:27017/?replicaSet=rs0', problem: /MONGODB_URI must name the database/ },
    { uri: 'mongodb://db:27017/my.data', problem: /MONGODB_URI: database name "my.data"/ },
    { uri: 'mongodb://db:27017/local', problem: /MONGODB_URI: database "local" is reserved/ },
  ])('refuses MONGODB_URI $uri', ({ uri, problem }) => {
    let error: unknown;
    try {
      loadConfig({ MONGODB_URI: uri, MDM_MONGODB_ALLOW_STANDALONE: 'perhaps' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems[0]).toMatch(problem);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems[1]).toMatch(/MDM_MONGODB_ALLOW_STANDALONE must be true or false/);
  });

  test.each([
    { raw: '60000', expected: 60000 },
    { raw: '0', problem: /MDM_SYNC_DISABLE_AFTER_MS must be whole milliseconds/ },
    { raw: '2.5', problem: /MDM_SYNC_DISABLE_AFTER_MS must be whole milliseconds/ },
    { raw: 'five days', problem: /MDM_SYNC_DISABLE_AFTER_MS must be whole milliseconds/ },
  ])('MDM_SYNC_DISABLE_AFTER_MS=$raw', ({ raw, expected, problem }) => {
    if (expected !== undefined) {
      expect(loadConfig({ MDM_SYNC_DISABLE_AFTER_MS: raw }).syncDisableAfterMs).toBe(expected);
      return;
    }
    expect(() => loadConfig({ MDM_SYNC_DISABLE_AFTER_MS: raw })).toThrow(problem);
  });
});
