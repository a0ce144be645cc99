/**
 * supplier-3.7.1: the legal-form readers (`legalSuffix`, `trust`, `registeredName`) read past one trailing bracketed
 * qualifier, as their descriptions say (`ACME INC (USA)`, `ACME PTY LTD (ACN 004 000 000)`). Until 3.7.0 their
 * lookahead was escaped twice in the rule file (`[\\s…]` matched a backslash or an `s`, `\\(` a backslash), so a
 * name with a qualifier read no form. The companies here are made up.
 */
import { describe, expect, test } from 'vitest';
import { loadRules } from '../../server/matching';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';

const supplierRules = await loadRules('supplier');
const readers = compileExtractors(
  (supplierRules.rules.attributes ?? []).filter((a) => ['legalSuffix', 'trust', 'registeredName'].includes(a.name)),
);
const read = (name: string, attribute: string): string[] | undefined => extractAttributes(readers, [name])?.[attribute];

describe('a legal form before a bracketed qualifier', () => {
  test.each<[string, string, string[] | undefined]>([
    ['QUILLAN MEDICA INC (USA)', 'legalSuffix', read('QUILLAN MEDICA INC', 'legalSuffix')],
    ['QUILLAN MEDICA CORPORATION (DELAWARE)', 'legalSuffix', read('QUILLAN MEDICA CORPORATION', 'legalSuffix')],
    ['HALVORSEN PTY LTD (ACN 004 000 000)', 'legalSuffix', read('HALVORSEN PTY LTD', 'legalSuffix')],
    ['HALVORSEN FAMILY TRUST (THE)', 'trust', read('HALVORSEN FAMILY TRUST', 'trust')],
  ])('%s reads %s as without the qualifier', (name, attribute, expected) => {
    expect(expected, `${attribute} of the name without its qualifier`).toBeDefined();
    expect(read(name, attribute)).toEqual(expected);
  });

  test('guard: a word that only starts like a form is none', () => {
    expect(read('QUILLAN MEDICA INCS', 'legalSuffix')).toBeUndefined();
    expect(read('QUILLAN MEDICA INCS (USA)', 'legalSuffix')).toBeUndefined();
  });
});
