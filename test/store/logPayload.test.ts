/** Log payloads decode to exactly what was encoded, whether the text is ASCII (read as latin1) or not (UTF-8). */
import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from '../../server/store/embedded/logPayload';
import type { LogOp } from '../../server/store/embedded/logPayload';

const put = (id: string, doc: unknown): LogOp => ({ kind: 'put', collection: 'items', id, json: JSON.stringify(doc) });

describe('log payloads', () => {
  it.each([
    { name: 'ASCII only', ops: [put('a', { name: 'Glove, exam' }), { kind: 'delete', collection: 'items', id: 'b' } as LogOp] },
    { name: 'accents and a euro sign', ops: [put('é', { name: 'Éponge stérile 5 €' })] },
    { name: 'characters outside the BMP', ops: [put('x', { note: 'ok 👍', cjk: '手袋' })] },
    { name: 'escaped controls and NUL in field names', ops: [put('n', { 'a\u0000b': 'line\nbreak\ttab', 'c.d': '\u007f' })] },
    {
      name: 'an index and an end marker',
      ops: [
        { kind: 'index', collection: 'items', spec: { keys: { sku: 1 }, unique: true } },
        { kind: 'end', documents: 3 },
      ] as LogOp[],
    },
  ])('$name', ({ ops }) => {
    expect(decodePayload(encodePayload(ops))).toEqual(ops);
  });
});
