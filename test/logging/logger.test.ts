import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/logger';

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) {
          raw.push(line);
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
      done();
    },
  });
  return { lines, raw, destination };
}

describe('logger', () => {
  it('writes one JSON object per line with level, ISO time and message', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info('ingest accepted', { count: 3 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'ingest accepted', count: 3 });
    expect(String(lines[0]!.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('never lets a field overwrite the line’s own level, message or time', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).warn('real message', { level: 'debug', msg: 'forged', time: 'never' });
    expect(lines[0]).toMatchObject({
      level: 'warn',
      msg: 'real message',
      'field.level': 'debug',
      'field.msg': 'forged',
      'field.time': 'never',
    });
  });

  it('logs BigInt values and cyclic objects instead of throwing', () => {
    const { lines, raw, destination } = capture();
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(() => createLogger({ destination }).info('odd values', { big: 12345678901234567890n, cyclic })).not.toThrow();
    expect(lines).toHaveLength(1);
    expect(raw[0]).toContain('12345678901234567890');
    expect(raw[0]).toContain('"[Circular]"');
  });

  it('redacts secrets and tax ids at the top level and one object deep', () => {
    const { lines, destination } = capture();
    createLogger({ destination }).info('subscription created', {
      secret: 'whsec_abc',
      taxId: '12-3456789',
      supplier: { name: 'Acme', taxId: '98-7654321' },
      request: { authorization: 'Bearer abc' },
    });
    const text = JSON.stringify(lines[0]);
    expect(text).not.toContain('whsec_abc');
    expect(text).not.toContain('3456789');
    expect(text).not.toContain('7654321');
    expect(text).not.toContain('Bearer abc');
    expect(lines[0]).toMatchObject({ secret: '[redacted]', supplier: { name: 'Acme', taxId: '[redacted]' } });
  });

  it('filters below the configured level, keeps child bindings and is silent when asked', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ destination, level: 'warn' });
    logger.info('dropped');
    logger.child({ component: 'jobs' }).error('kept', { jobId: 'j1' });
    createLogger({ destination, silent: true }).error('silent');
    expect(lines).toEqual([expect.objectContaining({ level: 'error', msg: 'kept', component: 'jobs', jobId: 'j1' })]);
  });
});
