/** The MongoDB adapter must never show credentials: in its description, its errors or its logs. */
import { describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../server/logger';
import { openMongoStore } from '../../server/store/mongo/mongoStore';
import { redactMongoText, redactMongoUri } from '../../server/store/mongo/redact';

describe('MongoDB URI redaction', () => {
  it.each([
    {
      uri: 'mongodb://mdm:s3cret@db1:27017,db2:27017/mdm?replicaSet=rs0&authSource=admin',
      expected: 'mongodb://mdm:***@db1:27017,db2:27017/mdm',
    },
    { uri: 'mongodb+srv://app%40corp:p%3Ass@cluster0.example.net/hub', expected: 'mongodb+srv://app@corp:***@cluster0.example.net/hub' },
    { uri: 'mongodb://localhost:27017', expected: 'mongodb://localhost:27017' },
    { uri: 'mongodb://user@host/db', expected: 'mongodb://user:***@host/db' },
    { uri: 'not a uri with password=hunter2', expected: 'mongodb://(unparseable URI)' },
  ])('$uri → $expected', ({ uri, expected }) => {
    expect(redactMongoUri(uri)).toBe(expected);
  });

  it('masks credentials inside free text', () => {
    expect(redactMongoText('failed to connect to mongodb://root:topsecret@10.0.0.5:27017/admin: timeout')).toBe(
      'failed to connect to mongodb://root:***@10.0.0.5:27017/admin: timeout',
    );
  });

  it('a failed connection reports the redacted URI and no password', async () => {
    const logger = createMemoryLogger();
    const error = await openMongoStore({
      uri: 'mongodb://mdm:hunter2-secret@127.0.0.1:9/mdm',
      logger,
      serverSelectionTimeoutMS: 300,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('mongodb://mdm:***@127.0.0.1:9/mdm');
    expect((error as Error).message).not.toContain('hunter2');
    expect(JSON.stringify(logger.entries)).not.toContain('hunter2');
  });
});
