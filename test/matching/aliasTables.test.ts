/** Alias tables applied by normalisers: the shipped defaults as fixture tables, and validation of a table. */
import { describe, expect, test } from 'vitest';
import { shippedAliasTables, validateAliasTable, withAliasTables } from '../../server/matching/aliases';
import { normalizerFor } from '../../server/matching/normalizers';
import { at } from '../support/must';

const tables = shippedAliasTables();
const table = (name: string) => {
  const found = tables.get(name);
  if (!found) throw new Error(`no shipped table ${name}`);
  return found;
};
const orgName = withAliasTables({ normalize: normalizerFor('orgName'), tables: [table('legalSuffixes'), table('organizationAliases')] });
const itemText = withAliasTables({
  normalize: normalizerFor('text'),
  tables: [table('itemAbbreviations'), table('organizationAliases'), table('noiseWords')],
});

describe('organisation names (legalSuffixes, then organizationAliases, after orgName)', () => {
  test.each([
    ['BD', 'BECTON DICKINSON'],
    ['Becton, Dickinson and Company', 'BECTON DICKINSON'],
    ['BD Medical', 'BECTON DICKINSON'],
    ['J&J', 'JOHNSON AND JOHNSON'],
    ['Johnson & Johnson', 'JOHNSON AND JOHNSON'],
    ['Siemens Healthineers AG', 'SIEMENS HEALTHINEERS'],
    ['B. Braun Melsungen AG', 'B BRAUN'],
    ['Fresenius Kabi Deutschland GmbH', 'FRESENIUS KABI DEUTSCHLAND'],
    ['Koninklijke Philips N.V.', 'PHILIPS'],
    ['Laboratorios Grifols, S.A.', 'LABORATORIOS GRIFOLS'],
    ['Medtronic Italia S.p.A.', 'MEDTRONIC ITALIA'],
    ['Cochlear Pty Ltd', 'COCHLEAR'],
    ['Mölnlycke Health Care AB', 'MOLNLYCKE HEALTH CARE'],
    ['Philips Medical Systems Nederland B.V.', 'PHILIPS NEDERLAND'],
    ['Smith & Nephew plc', 'SMITH AND NEPHEW'],
    ['Cardinal Health 414, LLC', 'CARDINAL HEALTH 414'],
    ['Cardinal Health', 'CARDINAL HEALTH'],
    ['Medline Industries, LP', 'MEDLINE'],
    ['Owens & Minor Distribution Inc', 'OWENS AND MINOR DISTRIBUTION'],
    ['Zimmer Biomet Holdings, Inc.', 'ZIMMER BIOMET HOLDINGS'],
  ])('%s → %s', (raw, expected) => {
    expect(orgName(raw)).toBe(expected);
  });
});

describe('item manufacturers (organisation tables, then manufacturerFamilies)', () => {
  const manufacturer = withAliasTables({
    normalize: normalizerFor('orgName'),
    tables: [table('legalSuffixes'), table('organizationAliases'), table('manufacturerFamilies')],
  });
  test.each([
    ['C. R. BARD, INC.', 'BECTON DICKINSON'],
    ['Bard Medical Division', 'BECTON DICKINSON'],
    ['Ethicon US, LLC', 'JOHNSON AND JOHNSON'],
    ['Howmedica Osteonics Corp', 'STRYKER'],
    ['West-Ward Pharmaceuticals', 'HIKMA'],
    ['Medline Industries, Inc.', 'MEDLINE'],
    ['Cardinal Health', 'CARDINAL HEALTH'],
  ])('%s → %s', (raw, expected) => {
    expect(manufacturer(raw)).toBe(expected);
  });
});

describe('item descriptions (itemAbbreviations, organizationAliases, noiseWords after text)', () => {
  test.each([
    ['GLOVE EXAM NITRILE PF SM 100/BX', 'GLOVE EXAM NITRILE POWDER FREE SMALL 100 BX'],
    ['NITRILE EXAM GLOVE POWDER FREE SMALL 100 PER BOX', 'NITRILE EXAM GLOVE POWDER FREE SMALL 100 BX'],
    ['SPONGE GAUZE STRL 4X4 10/PK', 'SPONGE GAUZE STERILE 4X4 10 PK'],
    ['CATH IV 20G', 'CATHETER INTRAVENOUS 20G'],
    ['NDL HYPO BD 25G', 'NEEDLE HYPODERMIC BECTON DICKINSON 25G'],
    ['GLOVE SURG LG CASE OF 200', 'GLOVE SURGICAL LARGE CS 200'],
    ['PER', 'PER'],
  ])('%s → %s', (raw, expected) => {
    expect(itemText(raw)).toBe(expected);
  });
});

// Chargemaster lines against item-master descriptions: the description comparator's normaliser
// (measureText: `3ML` = `3 ML`, `4X4IN` = `4X4 IN`) and tables, prefixes dropped at the start only.
const descriptionText = withAliasTables({
  normalize: normalizerFor('measureText'),
  tables: [table('chargemasterPrefixes'), table('itemAbbreviations'), table('organizationAliases'), table('noiseWords')],
});

describe('chargemaster lines (chargemasterPrefixes removeLeading, measureText)', () => {
  test.each([
    ['HC SYRINGE 3ML LL', 'SYRINGE 3 ML LUER LOCK'],
    ['SYRINGE LUER-LOK TIP 3 CC', 'SYRINGE LUER LOCK TIP 3 ML'],
    ['HCHG SUTURE MONOCRYL 4-0', 'SUTURE MONOCRYL 4 0'],
    ['SUP IV CATH 20G JELCO', 'INTRAVENOUS CATHETER 20 G JELCO'],
    ['HC GAUZE STERILE 4X4', 'GAUZE STERILE 4X4'],
    ['SPONGE GAUZE 4X4IN 12PLY STRL 2/PK', 'SPONGE GAUZE 4X4 IN 12PLY STERILE 2 PK'],
    ['HC D5W 250ML IV', 'DEXTROSE 5 WATER 250 ML INTRAVENOUS'],
    ['HC ET TUBE 7.0 CUFFED', 'ENDOTRACHEAL TUBE 7 0 CUFFED'],
    // Only at the start; a catalog number stays whole; a lone prefix is kept.
    ['SOLUTION HC 1% CREAM', 'SOLUTION HC 1 CREAM'],
    ['SUTURE VICRYL J417H', 'SUTURE VICRYL J417H'],
    ['HC', 'HC'],
    // No other table has a word to change here: the prefix alone must still trigger the rewrite.
    ['HCHG MONOCRYL Y426H', 'MONOCRYL Y426H'],
  ])('%s → %s', (raw, expected) => {
    expect(descriptionText(raw)).toBe(expected);
  });
});

test.each([
  [{ table: 'x', version: 'x-1', mode: 'replace', entries: [{ variants: ['A'] }] }, 'CANONICAL_REQUIRED', 'entries[0].canonical'],
  [
    { table: 'x', version: 'x-1', mode: 'remove', entries: [{ variants: ['A'] }, { variants: ['a'] }] },
    'DUPLICATE_VARIANT',
    'entries[1].variants[0]',
  ],
  [{ table: 'x', version: 'x-1', mode: 'sideways', entries: [] }, undefined, 'mode'],
  [{ table: 'x', mode: 'remove', entries: [] }, undefined, 'version'],
])('an invalid table is refused with the field named (%#)', (json, code, path) => {
  const problems = validateAliasTable(json);
  expect(problems.length).toBeGreaterThan(0);
  if (code) expect(at(problems, 0).code).toBe(code);
  expect(problems.map((p) => p.path)).toContain(path);
});

test('every shipped table is valid and named after its file', () => {
  expect([...tables.keys()].sort()).toEqual([
    'accountsPayableCounters',
    'accountsPayableFlags',
    'accountsPayableNotes',
    'campusQualifiers',
    'chargemasterPrefixes',
    'facilityAbbreviations',
    'itemAbbreviations',
    'legalPrefixes',
    'legalSuffixes',
    'manufacturerFamilies',
    'manufacturerRelations',
    'noiseWords',
    'organizationAbbreviations',
    'organizationAliases',
    'supplierAliases',
  ]);
});
