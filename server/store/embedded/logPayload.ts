/**
 * Record payloads: the operations one atomic write (or one snapshot batch) consists of.
 *
 * Payload = UTF-8 text, lines separated by "\n". Line 0 is a JSON array of operations
 * (`["p", collection, id]` put, `["d", collection, id]` delete, `["x", collection, indexSpec]`
 * create index, `["e", documentCount]` end of snapshot); every put is followed, in order, by one
 * line holding the document's JSON. JSON.stringify never emits a raw newline, and keeping the
 * document text apart lets recovery store it without parsing it.
 */
import { isAscii } from 'node:buffer';
import type { IndexSpec } from '../types';
import { present } from '../../invariant';

export type LogOp =
  | { kind: 'put'; collection: string; id: string; json: string }
  | { kind: 'delete'; collection: string; id: string }
  | { kind: 'index'; collection: string; spec: IndexSpec }
  | { kind: 'end'; documents: number };

const NEWLINE = 0x0a;

type EncodedOp = ['p', string, string] | ['d', string, string] | ['x', string, IndexSpec] | ['e', number];

/**
 * Serialises operations into one record payload. Each document text is written straight into one buffer of the
 * payload's exact size: a group commit's texts (~1.4 MB for 200 loaded rows) are not joined into one string first,
 * which cost a copy of every text and a large string per record.
 */
export function encodePayload(ops: LogOp[]): Buffer {
  const meta: EncodedOp[] = [];
  let documentBytes = 0;
  for (const op of ops) {
    if (op.kind === 'put') {
      meta.push(['p', op.collection, op.id]);
      documentBytes += 1 + Buffer.byteLength(op.json, 'utf8');
    } else if (op.kind === 'delete') meta.push(['d', op.collection, op.id]);
    else if (op.kind === 'index') meta.push(['x', op.collection, op.spec]);
    else meta.push(['e', op.documents]);
  }
  const header = JSON.stringify(meta);
  const payload = Buffer.allocUnsafe(Buffer.byteLength(header, 'utf8') + documentBytes);
  let offset = payload.write(header, 0, 'utf8');
  for (const op of ops) {
    if (op.kind !== 'put') continue;
    payload[offset++] = NEWLINE;
    offset += payload.write(op.json, offset, 'utf8');
  }
  return payload;
}

/** Parses a record payload back into operations (document JSON stays text). */
export function decodePayload(payload: Buffer): LogOp[] {
  // An ASCII-only payload (the usual case) reads the same as latin1, which decodes faster than UTF-8.
  const lines = payload.toString(isAscii(payload) ? 'latin1' : 'utf8').split('\n');
  const meta = JSON.parse(present(lines[0], 'the payload header line')) as EncodedOp[];
  const ops: LogOp[] = [];
  let line = 1;
  for (const entry of meta) {
    if (entry[0] === 'p')
      ops.push({ kind: 'put', collection: entry[1], id: entry[2], json: present(lines[line++], "a put operation's document line") });
    else if (entry[0] === 'd') ops.push({ kind: 'delete', collection: entry[1], id: entry[2] });
    else if (entry[0] === 'x') ops.push({ kind: 'index', collection: entry[1], spec: entry[2] });
    else ops.push({ kind: 'end', documents: entry[1] });
  }
  return ops;
}

/** A put whose document is the payload's bytes `start`..`end` (its line), not yet decoded. */
export interface PutRange {
  kind: 'put-range';
  collection: string;
  id: string;
  start: number;
  end: number;
}

/**
 * Like `decodePayload`, but a put gives its document's byte range in the payload instead of its text (snapshot
 * loading leaves most documents where the snapshot holds them); `isAscii` says whether bytes equal characters.
 */
export function decodePayloadRanges(payload: Buffer): { ops: Array<Exclude<LogOp, { kind: 'put' }> | PutRange>; isAscii: boolean } {
  const headerEnd = lineEnd(payload, 0);
  const meta = JSON.parse(payload.toString('utf8', 0, headerEnd)) as EncodedOp[];
  const ops: Array<Exclude<LogOp, { kind: 'put' }> | PutRange> = [];
  let start = headerEnd + 1;
  for (const entry of meta) {
    if (entry[0] === 'p') {
      if (start > payload.length) throw new Error("the payload lacks a put operation's document line");
      const end = lineEnd(payload, start);
      ops.push({ kind: 'put-range', collection: entry[1], id: entry[2], start, end });
      start = end + 1;
    } else if (entry[0] === 'd') ops.push({ kind: 'delete', collection: entry[1], id: entry[2] });
    else if (entry[0] === 'x') ops.push({ kind: 'index', collection: entry[1], spec: entry[2] });
    else ops.push({ kind: 'end', documents: entry[1] });
  }
  return { ops, isAscii: isAscii(payload) };
}

function lineEnd(payload: Buffer, from: number): number {
  const end = payload.indexOf(NEWLINE, from);
  return end === -1 ? payload.length : end;
}
