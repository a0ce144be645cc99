/**
 * docs/ARCHITECTURE.md describes the tree truly: every folder its "Folders" block lists exists, and every
 * folder directly under server/ and studio/src/ is listed there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
const block = /## Folders[\s\S]*?```\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

/** Paths the block lists: a top-level entry (column 0) and its children (indented by two). */
function listedPaths(): string[] {
  const paths: string[] = [];
  let parent = '';
  for (const line of block.split('\n')) {
    const match = /^( *)(\S+)/.exec(line);
    if (!match || match[1]!.length > 2 || !/^[\w.@-][\w./@-]*$/.test(match[2]!)) continue;
    const name = match[2]!;
    if (match[1]!.length === 0) {
      parent = name.endsWith('/') ? name : '';
      paths.push(name);
    } else if (parent) {
      paths.push(parent + name);
    }
  }
  return paths;
}

const directories = (dir: string): string[] =>
  readdirSync(join(root, dir)).filter(
    (name) => !name.startsWith('.') && name !== 'node_modules' && name !== 'dist' && statSync(join(root, dir, name)).isDirectory(),
  );

describe('docs/ARCHITECTURE.md', () => {
  const listed = listedPaths();

  it('lists only paths that exist', () => {
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });

  it.each(['server', 'studio/src'])('lists every folder directly under %s/', (dir) => {
    const missing = directories(dir).filter((name) => !listed.includes(`${dir}/${name}/`));
    expect(missing).toEqual([]);
  });
});
