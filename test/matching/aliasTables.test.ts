/** Alias tables applied by normalisers: the shipped defaults as fixture tables, and validation of a table. */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAliasTableDirectory, shippedAliasTables, validateAliasTable, withAliasTables } from '../../server/matching/aliases';
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
    // itemAbbreviations 1.4.0: ERP shorthand of supply and pharmacy masters.
    ['SOLUTION,IV,LR,1000ML,VIAFLEX', 'SOLUTION INTRAVENOUS LACTATED RINGERS 1000ML VIAFLEX'],
    ["Intravenous solution, lactated Ringer's injection", 'INTRAVENOUS SOLUTION LACTATED RINGERS INJECTION'],
    ['CUFF,BP,REUSABLE,ADULT', 'CUFFED BLOOD PRESSURE REUSABLE ADULT'],
    ['PAD TELFA NONADH STRL', 'PAD TELFA NON ADHERENT STERILE'],
    ['MASK O2 NONREBREATHER PED', 'MASK OXYGEN NON REBREATHER PEDIATRIC'],
    ['Non-Rebreathing Mask, Pediatric', 'NON REBREATHER MASK PEDIATRIC'],
    ['SET BLD COLL PUSHBTN', 'SET BLOOD COLLECTION PUSH BUTTON'],
    ['CEFAZOLIN SODIUM 1 G IJ SOLR', 'CEFAZOLIN SODIUM 1 G INJECTION POWDER SOLUTION'],
    ['PAPER EXAM TBL CREPE WHT', 'PAPER EXAM TABLE CREPE WHITE'],
    ['cntnr spec 4oz strl', 'CONTAINER SPECIMEN 4OZ STERILE'],
    ['multistix 10sg strp 100', 'MULTISTIX 10SG STRIP 100'],
    ['METOPROLOL TART 25MG TAB 100', 'METOPROLOL TARTRATE 25MG TABLET 100'],
    // itemAbbreviations 1.5.0: charge-file shorthand; LT / RT stay as written (light, room temperature).
    ['drsg mepilex brdr flx 3x3', 'DRESSING MEPILEX BORDER FLEX 3X3'],
    ['tube endotrach cuf 7.0mm', 'TUBE ENDOTRACHEAL CUFFED 7 0MM'],
    ['impl plt dist rad 7h lt', 'IMPLANT PLT DISTAL RAD 7H LT'],
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

test('a shipped folder with an invalid table is refused loudly, naming the file and the problem (never read without it)', () => {
  const directory = `${mkdtempSync(join(tmpdir(), 'alias-tables-'))}/`;
  try {
    const table = (name: string, variants: string[][]) => ({
      table: name,
      version: `${name}-1.0.0`,
      mode: 'remove',
      entries: variants.map((list, index) => ({ canonical: `entry ${index}`, variants: list })),
    });
    writeFileSync(`${directory}goodTable.json`, JSON.stringify(table('goodTable', [['A'], ['B']])));
    expect([...readAliasTableDirectory(directory).keys()]).toEqual(['goodTable']);
    // The same variant in two entries: what a merge of two edits to one table can leave behind.
    writeFileSync(`${directory}mergedTable.json`, JSON.stringify(table('mergedTable', [['SHEET'], ['ROW', 'SHEET']])));
    expect(() => readAliasTableDirectory(directory)).toThrow(/mergedTable\.json is invalid: .*SHEET/);
    writeFileSync(`${directory}mergedTable.json`, JSON.stringify(table('otherName', [['SHEET']])));
    expect(() => readAliasTableDirectory(directory)).toThrow(/mergedTable\.json names itself otherName/);
    writeFileSync(`${directory}mergedTable.json`, '{ not json');
    expect(() => readAliasTableDirectory(directory)).toThrow(/mergedTable\.json could not be read/);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
});

test('every shipped table is valid and named after its file', () => {
  expect([...tables.keys()].sort()).toEqual([
    'accountsPayableCounters',
    'accountsPayableFlags',
    'accountsPayableNotes',
    'addressWords',
    'ambiguousNamePrefixes',
    'bilingualOrganisationNames',
    'brandDescriptorWords',
    'campusQualifiers',
    'catalogueTranslations',
    'chargemasterPrefixes',
    'compatibleProductPhrases',
    'drugBrands',
    'drugNames',
    'drugSalts',
    'exportFieldLabels',
    'facilityAbbreviations',
    'facilityKindWords',
    'facilityNameParticles',
    'facilityRenames',
    'facilityTranslations',
    'hospitalAffiliationPhrases',
    'hospitalGroupSuffixes',
    'hospitalOperatorPrefixes',
    'indicScriptWords',
    'itemAbbreviations',
    'japaneseRomanisation',
    'legalPrefixes',
    'legalSuffixes',
    'manufacturerFamilies',
    'manufacturerQualifiers',
    'manufacturerRelations',
    'noiseWords',
    'organizationAbbreviations',
    'organizationAliases',
    'paymentChannelPrefixes',
    'placeNames',
    'regionCodes',
    'regionalTradeNames',
    'registeredPlacePrefixes',
    'requestChatter',
    'scriptGenericWords',
    'scriptLegalAbbreviations',
    'securityDescriptions',
    'supplierAliases',
    'territoryNames',
    'tradeDocumentLabels',
    'variantAndFormLabels',
    'workflowDocumentLabels',
  ]);
});

// Bilingual and European catalogue lines (catalogueTranslations before itemAbbreviations): the French half of a
// Canadian EN/FR line repeats the English words instead of adding differing ones; ambiguous words stay as written.
describe('catalogue words in French, Spanish and German (catalogueTranslations)', () => {
  const translated = withAliasTables({
    normalize: normalizerFor('measureText'),
    tables: [table('catalogueTranslations'), table('itemAbbreviations'), table('noiseWords')],
  });
  const words = (text: string) => new Set(String(translated(text)).split(' '));
  test.each([
    ["Gants d'examen nitrile non poudrés, petit / exam gloves nitrile powder-free, small", 'GLOVE EXAM NITRILE POWDER FREE SMALL'],
    ['Ciseaux de Metzenbaum courbes / Metzenbaum scissors curved', 'METZENBAUM SCISSORS CURVED'],
    ['Héparine sodique injectable, fiole / Heparin sodium injection, vial', 'HEPARIN SODIUM INJECTION VL'],
    ['Guantes de examen nitrilo sin polvo, pequeño', 'GLOVE EXAM POWDER FREE SMALL'],
    // Einmalgebrauch = single use, read as DISPOSABLE since itemAbbreviations 1.12.0 (item-3.40.0: SINGLE USE = DISPOSABLE).
    ['Spritze steril, Einmalgebrauch', 'SYRINGE STERILE DISPOSABLE'],
  ])('%s reads as %s', (raw, english) => {
    for (const word of english.split(' ')) expect(words(raw), `${word} in ${translated(raw)}`).toContain(word);
  });
  test.each([
    ['ACETAMINOPHEN 500MG TAB PO', 'PO'],
    ['LAME DROITE', 'DROITE'],
    ['ET TUBE 7.5', 'ENDOTRACHEAL'],
  ])('%s keeps %s (ambiguous words are not translated)', (raw, kept) => {
    expect(words(raw)).toContain(kept);
  });
});
