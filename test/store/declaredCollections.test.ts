/**
 * Every collection the server code names is declared in server/db/collections.ts, so start-up
 * creates it (and its indexes) before any transaction writes to it: on a sharded cluster a
 * collection cannot be created inside a cross-shard transaction (docs/SCALING.md). Names are
 * found statically — `.collection('literal')` and `.collection(CONSTANT)` with
 * `export const CONSTANT = '…'` somewhere under server/ — so a new collection fails here until it
 * is declared. Names passed through variables are not followed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../server/db/collections';
import { must } from '../support/must';

const SERVER_DIR = fileURLToPath(new URL('../../server/', import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('declared collections', () => {
  const sources = sourceFiles(SERVER_DIR).map((file) => ({ file: path.relative(SERVER_DIR, file), text: readFileSync(file, 'utf8') }));
  const constants = new Map<string, string>();
  for (const { text } of sources) {
    for (const match of text.matchAll(/export const ([A-Z][A-Z0-9_]*) = '([A-Za-z][A-Za-z0-9_]*)';/g))
      constants.set(must(match[1], 'match[1]'), must(match[2], 'match[2]'));
  }
  const used = new Map<string, string>();
  for (const { file, text } of sources) {
    for (const match of text.matchAll(/\.collection(?:<[^>]*>)?\((?:'([A-Za-z][A-Za-z0-9_]*)'|([A-Z][A-Z0-9_]*)\b)/g)) {
      const name = match[1] ?? constants.get(must(match[2], 'match[2]'));
      if (name && !used.has(name)) used.set(name, file);
    }
  }
  const declared = new Set(COLLECTIONS.map((definition) => definition.name));

  it('finds the collections the code uses (the scan works)', () => {
    expect(used.size).toBeGreaterThan(30);
    for (const name of ['goldenRecords', 'sourceRecords', 'counters', 'ingestIdempotencyChunks', 'storeLocks']) {
      expect(used.has(name)).toBe(true);
    }
  });

  it('every collection used in server code is declared', () => {
    const undeclared = [...used].filter(([name]) => !declared.has(name)).map(([name, file]) => `${name} (used in server/${file})`);
    expect(undeclared).toEqual([]);
  });
});
