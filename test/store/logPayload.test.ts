/**
 * Log payloads decode to exactly what was encoded, whether the text is ASCII (read as latin1) or not (UTF-8), and
 * their bytes are the format's: the header line of operations, then one line per put holding the document's text.
 */
import { describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from '../../server/store/embedded/logPayload';
import type { LogOp } from '../../server/store/embedded/logPayload';

const put = (id: string, doc: unknown): LogOp => ({ kind: 'put', collection: 'items', id, json: JSON.stringify(doc) });

const cases: Array<{ name: string; ops: LogOp[] }> = [
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
];

/** The payload as the format describes it, built the plain way (one joined string). */
function formatBytes(ops: LogOp[]): Buffer {
  const header = ops.map((op) =>
    op.kind === 'put'
      ? ['p', op.collection, op.id]
      : op.kind === 'delete'
        ? ['d', op.collection, op.id]
        : op.kind === 'index'
          ? ['x', op.collection, op.spec]
          : ['e', op.documents],
  );
  const lines = ops.flatMap((op) => (op.kind === 'put' ? [op.json] : []));
  return Buffer.from([JSON.stringify(header), ...lines].join('\n'), 'utf8');
}

describe('log payloads', () => {
  it.each(cases)('$name', ({ ops }) => {
    expect(decodePayload(encodePayload(ops))).toEqual(ops);
  });

  it.each([
    ...cases,
    { name: 'no operations', ops: [] },
    { name: 'an empty document line', ops: [{ kind: 'put', collection: 'items', id: 'e', json: '' } as LogOp] },
    {
      name: 'a lone surrogate in a text (written as U+FFFD)',
      ops: [{ kind: 'put', collection: 'items', id: 's', json: '"\ud800x"' } as LogOp],
    },
    {
      name: 'a group of mixed texts and deletes',
      ops: Array.from({ length: 300 }, (_, index): LogOp =>
        index % 7 === 3
          ? { kind: 'delete', collection: 'changeQueue', id: `q${index}` }
          : put(`doc-${index}`, { index, text: index % 5 === 0 ? `Kompresse ${'ü'.repeat(index)} 🧤` : 'x'.repeat(index * 3) }),
      ),
    },
  ])('$name: the bytes are the format’s, each text written in place', ({ ops }) => {
    const payload = encodePayload(ops);
    expect(payload.equals(formatBytes(ops))).toBe(true);
  });
});
