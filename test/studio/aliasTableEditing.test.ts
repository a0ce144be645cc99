/** The alias-table editor's logic: rows ↔ table, and live validation with the server's wording and paths. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { aliasTableProblems, rowOfProblem, rowsOf, tableOf, type AliasTableContent } from '../../studio/src/pages/rules/aliasTableEditing';
import { validateAliasTable } from '../../server/matching/aliases';
import { at } from '../support/must';

const shipped = JSON.parse(
  readFileSync(new URL('../../matching-rules/aliases/organizationAliases.json', import.meta.url), 'utf8'),
) as AliasTableContent;

test('rows round-trip to the same table', () => {
  expect(tableOf({ base: shipped, rows: rowsOf(shipped), version: shipped.version })).toEqual(shipped);
});

test('a register citing a source per row keeps each citation through an edit (facilityRenames)', () => {
  const register = JSON.parse(
    readFileSync(new URL('../../matching-rules/aliases/facilityRenames.json', import.meta.url), 'utf8'),
  ) as AliasTableContent;
  const rows = rowsOf(register);
  expect(JSON.stringify(tableOf({ base: register, rows, version: register.version }))).toBe(JSON.stringify(register));
  const edited = tableOf({
    base: register,
    rows: [
      ...rows,
      { canonical: ' KESTREL GENERAL HOSPITAL ', variants: 'KESTREL MEMORIAL HOSPITAL', source: ' 2021, the hospital’s own notice ' },
      { canonical: 'X', variants: 'Y', source: ' ' },
    ],
    version: 'facilityRenames-9.9.9',
  });
  expect(edited.entries.at(-2)).toEqual({
    canonical: 'KESTREL GENERAL HOSPITAL',
    variants: ['KESTREL MEMORIAL HOSPITAL'],
    source: '2021, the hospital’s own notice',
  });
  expect(edited.entries.at(-1)).toEqual({ canonical: 'X', variants: ['Y'] });
  expect(aliasTableProblems(edited)).toEqual([]);
});

test('typed rows become entries: variants split on commas, blank rows dropped', () => {
  const table = tableOf({
    base: shipped,
    rows: [
      { canonical: ' ACME ', variants: 'ACME CORP,  ACME MED ,' },
      { canonical: '', variants: '' },
    ],
    version: ' o-2 ',
  });
  expect(table).toMatchObject({ version: 'o-2', entries: [{ canonical: 'ACME', variants: ['ACME CORP', 'ACME MED'] }] });
});

test.each([
  { title: 'a replace row without canonical form', rows: [{ canonical: '', variants: 'ACME' }], code: 'CANONICAL_REQUIRED', row: 0 },
  {
    title: 'a variant listed twice',
    rows: [
      { canonical: 'A', variants: 'X' },
      { canonical: 'B', variants: 'x' },
    ],
    code: 'DUPLICATE_VARIANT',
    row: 1,
  },
  { title: 'an empty version', rows: [{ canonical: 'A', variants: 'X' }], version: '', code: 'TOO_SHORT', row: null },
])('$title is a problem, as the server says', ({ rows, version, code, row }) => {
  const table = tableOf({ base: shipped, rows, version: version ?? 'v' });
  const problems = aliasTableProblems(table);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems).toEqual(validateAliasTable(table));
  if (code !== 'TOO_SHORT') expect(at(problems, 0).code).toBe(code);
  expect(rowOfProblem(at(problems, 0))).toBe(row);
});

test('the shipped tables are valid in the editor', () => {
  expect(aliasTableProblems(shipped)).toEqual([]);
});
