/**
 * Session 30 (perf30): three hot paths of preparing a record made cheaper with the same results.
 * - `rememberRecent` keeps an undefined result as a mark (one map look-up per miss instead of two): it must still
 *   answer every value as its function does, and remember undefined results too.
 * - `stringsAtPaths` walks plain objects in a loop and recurses only into arrays: the same strings in the same order.
 * - A compiled alias table finds the variant standing at a word by its first two words (`startsByFirstWord`) instead of
 *   walking every variant that starts with the word: the entry found must be the one the walk found — the longest
 *   variant first, the first declared among equals — for every shipped table, on words built from its own variants.
 */
import { describe, expect, test } from 'vitest';
import { generateItems } from '../../bench/generators/items';
import { compileAliasTable, shippedAliasTables, type AliasTable } from '../../server/matching/aliases';
import { stringsAtPaths } from '../../server/matching/normalizers';
import { rememberRecent } from '../../server/matching/recentValues';

describe('rememberRecent', () => {
  test('answers as its function does and computes a remembered value (undefined too) once', () => {
    const calls = new Map<string, number>();
    const compute = (value: string): string | undefined => {
      calls.set(value, (calls.get(value) ?? 0) + 1);
      return value.startsWith('X') ? undefined : value.toLowerCase();
    };
    const recent = rememberRecent(compute);
    for (const value of ['AB', 'XY', 'AB', 'XY', 'CD', 'XY']) expect(recent(value)).toBe(compute(value));
    // Each value computed once by `recent` (the rest of the calls are the test's own `compute(value)`).
    expect(calls.get('AB')).toBe(1 + 2);
    expect(calls.get('XY')).toBe(1 + 3);
    expect(calls.get('CD')).toBe(1 + 1);
  });

  test('forgets when full, and answers alike after', () => {
    const recent = rememberRecent((value: string) => (value.length % 2 === 0 ? undefined : `${value}!`));
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 200; i++) {
        const value = 'V'.repeat(i % 7) + String(i);
        expect(recent(value)).toBe(value.length % 2 === 0 ? undefined : `${value}!`);
      }
  });
});

describe('stringsAtPaths', () => {
  const record = {
    description: 'GLOVE NITRILE',
    blank: '   ',
    count: 12,
    notNumber: Number.NaN,
    nested: { name: 'ACME', deeper: { code: 'A-1', list: ['X', '', { y: 'Z' }] } },
    identifiers: [{ value: '0001' }, { value: 2 }, null, { other: 'no' }, [{ value: 'inner' }]],
    text: 'not an object',
  };
  test.each([
    { paths: ['description'], out: ['GLOVE NITRILE'] },
    { paths: ['blank', 'count', 'notNumber'], out: ['12'] },
    { paths: ['nested.name', 'nested.deeper.code'], out: ['ACME', 'A-1'] },
    { paths: ['nested.deeper.list'], out: ['X'] },
    { paths: ['nested.deeper.list.y'], out: ['Z'] },
    { paths: ['identifiers.value'], out: ['0001', '2', 'inner'] },
    { paths: ['text.length', 'missing.path', 'nested.missing'], out: [] },
    { paths: ['identifiers.value', 'description'], out: ['0001', '2', 'inner', 'GLOVE NITRILE'] },
  ])('$paths', ({ paths, out }) => {
    expect(stringsAtPaths(record, paths)).toEqual(out);
  });
});

/** A normaliser keeping every script's letters (upper-cased, spaces collapsed). */
const normalize = (value: string): string | null => value.toUpperCase().split(/\s+/).filter(Boolean).join(' ') || null;
const wordsOf = (value: string): string[] => normalize(value)?.split(' ') ?? [];

/** The walk `matchAt` replaced: each first word's variants, longest first (declaration order among equals). */
function walkingMatcher(table: AliasTable) {
  const byFirst = new Map<string, Array<{ variant: string[]; canonical: string[] }>>();
  for (const entry of table.entries) {
    const canonical = table.mode === 'replace' ? wordsOf(entry.canonical ?? '') : [];
    for (const raw of table.mode === 'replace' ? [entry.canonical ?? '', ...entry.variants] : entry.variants) {
      const variant = wordsOf(raw);
      if (variant[0] === undefined) continue;
      const list = byFirst.get(variant[0]) ?? [];
      list.push({ variant, canonical });
      byFirst.set(variant[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.variant.length - x.variant.length);
  return (tokens: string[], i: number) =>
    byFirst.get(tokens[i] ?? '')?.find(({ variant }) => variant.every((word, k) => tokens[i + k] === word));
}

/** What the table did with the walk (the modes that look a variant up by its first word). */
function walkedRewrite(table: AliasTable): ((tokens: string[]) => string[]) | null {
  const matchAt = walkingMatcher(table);
  if (table.mode === 'removeLeading')
    return (tokens) => {
      let start = 0;
      for (;;) {
        const hit = start < tokens.length - 1 ? matchAt(tokens, start) : undefined;
        if (!hit || start + hit.variant.length + (table.minWordsAfter ?? 1) > tokens.length) break;
        start += hit.variant.length;
      }
      return tokens.slice(start);
    };
  if (table.mode === 'removeFrom')
    return (tokens) => {
      for (let i = table.minWordsBefore ?? 1; i < tokens.length; i++) if (matchAt(tokens, i)) return tokens.slice(0, i);
      return tokens;
    };
  if (table.mode === 'removeTrailing') return null;
  return (tokens) => {
    const out: string[] = [];
    for (let i = 0; i < tokens.length;) {
      const hit = matchAt(tokens, i);
      if (hit === undefined) out.push(tokens[i++] as string);
      else {
        out.push(...hit.canonical);
        i += hit.variant.length;
      }
    }
    return out.length > 0 ? out : tokens;
  };
}

/** Word lists around a table's variants: each alone, inside other words, cut short, and two in a row. */
function wordListsOf(table: AliasTable, descriptions: readonly string[]): string[][] {
  const variants = table.entries.flatMap((entry) => [entry.canonical ?? '', ...entry.variants]).map(wordsOf);
  const lists: string[][] = descriptions.map(wordsOf);
  variants.forEach((variant, i) => {
    if (variant.length === 0) return;
    const next = variants[(i + 1) % variants.length] ?? [];
    lists.push(variant, ['QZX', ...variant, 'QZY'], [...variant.slice(0, -1), 'QZX'], [...variant, ...next], [variant[0] ?? '']);
    if (variant.length > 2) lists.push(['QZX', ...variant.slice(0, 2)], [...variant.slice(0, 2), ...next]);
  });
  return lists;
}

describe('alias tables: the variant standing at a word, found by its first two words', () => {
  const descriptions = generateItems({ count: 300, duplicateRate: 0.2, seed: 30 }).records.map((record) => String(record.description));
  const tables = [...shippedAliasTables().values()].filter((table) => table.mode !== 'removeTrailing');

  test('a first word starting variants of several lengths: the longest standing wins, the first declared among equals', () => {
    const table: AliasTable = {
      table: 'perf30Example',
      version: '1.0.0',
      mode: 'replace',
      entries: [
        { canonical: 'ONE', variants: ['A'] },
        { canonical: 'TWO', variants: ['A B'] },
        { canonical: 'THREE', variants: ['A B C'] },
        { canonical: 'FOUR', variants: ['A D'] },
        { canonical: 'FIRST', variants: ['E F'] },
        { canonical: 'SECOND', variants: ['E F'] },
      ],
    };
    const rewrite = compileAliasTable(table, normalize);
    expect(rewrite(['A', 'B', 'C', 'X'])).toEqual(['THREE', 'X']);
    expect(rewrite(['A', 'B', 'X'])).toEqual(['TWO', 'X']);
    expect(rewrite(['A', 'D'])).toEqual(['FOUR']);
    expect(rewrite(['A', 'E', 'F'])).toEqual(['ONE', 'FIRST']);
    expect(rewrite(['X', 'A'])).toEqual(['X', 'ONE']);
    expect(rewrite(['B', 'C'])).toEqual(['B', 'C']);
  });

  test(`every shipped table (${tables.length}) rewrites as the walk did`, () => {
    expect(tables.length).toBeGreaterThan(20);
    let compared = 0;
    const differing: Array<{ table: string; tokens: string[]; out: string[]; expected: string[] }> = [];
    for (const table of tables) {
      const walked = walkedRewrite(table);
      if (walked === null) continue;
      const rewrite = compileAliasTable(table, normalize);
      for (const tokens of wordListsOf(table, descriptions)) {
        const out = rewrite(tokens);
        const expected = walked(tokens);
        if (out.join(' ') !== expected.join(' ')) differing.push({ table: table.table, tokens, out, expected });
        compared++;
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  }, 240_000);
});
