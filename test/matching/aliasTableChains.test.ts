/**
 * A chain of alias tables runs only the tables a value's words can trigger (aliases.ts, matchcpu15): these fixture
 * tables pin what that shortcut must keep — a table triggered by an earlier table's output, a canonical form met as
 * written that still consumes its words, endings read after the other tables, and a new table version read anew.
 */
import { describe, expect, test } from 'vitest';
import { withAliasTables, withAliasTablesTokens, type AliasTable } from '../../server/matching/aliases';
import { normalizerFor } from '../../server/matching/normalizers';

const table = (name: string, mode: AliasTable['mode'], entries: AliasTable['entries'], version = `${name}-1.0.0`): AliasTable => ({
  table: name,
  version,
  mode,
  entries,
});

const needles = table('needles', 'replace', [{ canonical: 'NEEDLE HYPO', variants: ['NDL'] }]);
const hypodermic = table('hypodermic', 'replace', [{ canonical: 'HYPODERMIC', variants: ['HYPO'] }]);
const sets = table('sets', 'replace', [
  { canonical: 'TUBE SET', variants: ['TUBING SET'] },
  { canonical: 'KIT', variants: ['SET'] },
]);
const noise = table('noise', 'remove', [{ variants: ['EACH'] }]);
const suffixes = table('suffixes', 'removeTrailing', [{ variants: ['STERILE'] }]);
const leading = table('leading', 'removeLeading', [{ variants: ['HC'] }]);

const chain = (...tables: AliasTable[]) => withAliasTables({ normalize: normalizerFor('text'), tables });
const words = (...tables: AliasTable[]) => withAliasTablesTokens({ normalize: normalizerFor('text'), tables });

describe('a chain of alias tables reads each value as every table in order would', () => {
  test.each([
    // The second table's word appears only once the first has rewritten the value.
    { tables: [needles, hypodermic], input: 'NDL 25G', output: 'NEEDLE HYPODERMIC 25G' },
    // In the other order the second table has already run when HYPO appears.
    { tables: [hypodermic, needles], input: 'NDL 25G', output: 'NEEDLE HYPO 25G' },
    { tables: [needles, hypodermic], input: 'SYRINGE 3ML', output: 'SYRINGE 3ML' },
    { tables: [needles, hypodermic], input: 'HYPO TRAY', output: 'HYPODERMIC TRAY' },
    // A canonical form met as written is consumed whole: its SET is not read as the shorter variant.
    { tables: [sets], input: 'TUBE SET 10', output: 'TUBE SET 10' },
    { tables: [sets], input: 'TUBING SET 10', output: 'TUBE SET 10' },
    { tables: [sets], input: 'IV SET 10', output: 'IV KIT 10' },
    { tables: [sets], input: 'TUBE SET IV SET', output: 'TUBE SET IV KIT' },
    // An ending left by an earlier table, and one an earlier table brings to the end.
    { tables: [noise, suffixes], input: 'GAUZE STERILE EACH', output: 'GAUZE' },
    { tables: [suffixes, noise], input: 'GAUZE STERILE EACH', output: 'GAUZE STERILE' },
    { tables: [leading, needles, hypodermic, noise], input: 'HC NDL EACH', output: 'NEEDLE HYPODERMIC' },
    // Removing every word leaves the value as it was.
    { tables: [noise], input: 'EACH', output: 'EACH' },
  ])('$input through $tables.length tables → $output', ({ tables, input, output }) => {
    expect(chain(...tables)(input)).toBe(output);
    expect(words(...tables)(input)).toEqual(output.split(' '));
  });

  test('a new version of a table is read by the chains built on it', () => {
    const revised = table('hypodermic', 'replace', [{ canonical: 'HYPODERMIC NEEDLE', variants: ['HYPO'] }], 'hypodermic-1.1.0');
    expect(chain(needles, hypodermic)('NDL 25G')).toBe('NEEDLE HYPODERMIC 25G');
    expect(chain(needles, revised)('NDL 25G')).toBe('NEEDLE HYPODERMIC NEEDLE 25G');
  });
});

// Chains of one normaliser share word lists and each table's recent results (aliases.ts, matchcpu16): an item
// description's comparator chain and its key chain read the same value one right after the other.
describe('chains sharing tables read a value as each would alone', () => {
  // Copies of the tables are other table objects, compiled apart: what a chain reads with nothing shared.
  const alone = (tables: AliasTable[]) => words(...tables.map((t) => structuredClone(t)));
  test.each([
    { first: [needles, hypodermic, noise, suffixes], second: [needles, noise, suffixes] },
    { first: [needles, noise], second: [needles, hypodermic, noise] },
    { first: [leading, sets, noise], second: [sets, leading, noise] },
    { first: [hypodermic, needles], second: [needles, hypodermic] },
  ])('$first.length then $second.length tables', ({ first, second }) => {
    const inputs = ['HC NDL 25G EACH', 'TUBING SET STERILE', 'HYPO TRAY', 'NDL 25G', 'IV SET EACH', 'HC NDL 25G EACH'];
    const expected = inputs.map((input) => [alone(first)(input), alone(second)(input)]);
    const firstChain = words(...first);
    const secondChain = words(...second);
    const read = inputs.map((input) => [firstChain(input), secondChain(input)]);
    expect(read).toEqual(expected);
  });
});
