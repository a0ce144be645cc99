/**
 * Item attribute round of session 20 (item-3.41.0, branch itemattrs20): item lines in Catalan, Albanian, Macedonian
 * and Azerbaijani (pack, size, patient, sterile, single-use, tip, staple and colour words read as English lines write
 * them; their supply nouns in catalogueTranslations), a laryngoscope blade's size after a number label (`Macintosh núm.
 * 3`, `MAC NR 3`), the Azerbaijani schwa folded before the patterns read a line (`xəstə` is no `ST`), a length glued
 * after a model name's `+` (`ACE+7,23CM` is 23 cm, not 7.23 cm), and brand owners / acquirers as related makers
 * (manufacturerRelations 1.3.0, manufacturerQualifiers 1.2.0). Lines are written for this test, not copied from a
 * corpus; every reading, conflict and agreement row fails on item-3.39.1 except the guard rows.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { canonicalItemLines } from '../support/factories/itemLines';
import { startIngestServer } from '../support/factories/ingest';
import {
  comparatorLevel,
  comparatorOf,
  describedItem,
  itemPairExpectations,
  shippedItemReadings,
  verifyPair,
} from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

const rules = await loadRules('item');
const { expectConflict } = itemPairExpectations(rules);
const { attributesOf, readAsCompared } = shippedItemReadings();

/** Both lines read `attribute` once the attributes comparator's text rewrites ran (the language readings are among them), and agree. */
function expectAgreement(a: string, b: string, attribute: string): void {
  expect(attributesOf(a)[attribute], a).toBeDefined();
  expect(attributesOf(b)[attribute], b).toBeDefined();
  const explanation = scorePair({ a: describedItem('a', a, 'Maker'), b: describedItem('b', b, 'Maker'), rules });
  expect(comparatorLevel(explanation, 'attributes')).toMatch(/^agree/);
}

describe('lines in Catalan, Albanian, Macedonian and Azerbaijani', () => {
  test.each([
    [
      "Xeringa d'un sol ús 20 ml, estèril, sense làtex - capsa de 100 unitats",
      { volume: ['20 ml'], sterility: ['sterile'], countPerPack: ['100'] },
    ],
    ['Guants de nitril mida M, no estèrils - capsa de 100 unitats', { size: ['M'], sterility: ['non-sterile'], countPerPack: ['100'] }],
    ['Retolador permanent punta fina, tinta vermella - capsa de 12 unitats', { tipWidth: ['fine'], colour: ['red'], countPerPack: ['12'] }],
    ['Grapadora cutània de 35 grapes amples - capsa de 6 unitats', { stapleWidth: ['wide'], countPerPack: ['6'] }],
    ['Pala de laringoscopi Miller núm. 1, un sol ús', { laryngoscopeBlade: ['miller'], size: ['1'] }],
    ['Shiringë 10 ml, sterile, kuti me 100 copë', { volume: ['10 ml'], sterility: ['sterile'], countPerPack: ['100'] }],
    ['Manshetë presioni për fëmijë, njëpërdorimësh, paketë me 20', { patientPopulation: ['paediatric'], countPerPack: ['20'] }],
    ['Marker permanent me majë të hollë, ngjyrë e zezë, kuti me 12 copë', { tipWidth: ['fine'], colour: ['black'], countPerPack: ['12'] }],
    ['Teh laringoskopi Macintosh nr. 4, njëpërdorimësh', { laryngoscopeBlade: ['macintosh'], size: ['4'] }],
    ['Marker permanent me majë shumë të hollë, ngjyrë blu', { tipWidth: ['ultra fine'], colour: ['blue'] }],
    ['Електрода за ЕКГ за доенчиња, кутија 50 парчиња', { patientPopulation: ['infant'], countPerPack: ['50'] }],
    ['Брз тест за грип, пакување од 25 тестови', { countPerPack: ['25'] }],
    ['Маркер перманентен, црвен, кутија од 12 парчиња', { colour: ['red'], countPerPack: ['12'] }],
    ['Ларингоскоп сечило Macintosh бр. 3, еднократно', { laryngoscopeBlade: ['macintosh'], size: ['3'] }],
    ['Qan təzyiqi manjeti, böyüklər üçün, qutuda 10 ədəd', { patientPopulation: ['adult'], countPerPack: ['10'] }],
    ['Tibbi əlcək nitril ölçü L, qeyri-steril, qutuda 100 ədəd', { size: ['L'], sterility: ['non-sterile'], countPerPack: ['100'] }],
  ])('%s', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test.each([
    // `xəstə` (patient) held `ST` between two schwas, read as sterile before the schwa was folded.
    ['Xəstə üçün monitor kabeli, 3 m', 'sterility', undefined],
    // `amb` / `punta` alone are no tip: a Catalan line without a tip word.
    ['Sonda nasogàstrica amb punta oberta, capsa de 10 unitats', 'tipWidth', undefined],
    // A `+` joins a model number; the length after the comma is the line's own (SHEARS,X+7,23CM = 23 cm).
    ['SHEARS,ULTRASONIC,MODEL+7,23CM SHAFT -- Ea', 'length', ['230 mm ±5']],
    // A decimal comma still reads where it stands alone.
    ['Catèter venós central 7,5 cm', 'length', ['75 mm ±2.5']],
  ])('guard: %s reads %s as %j', (text, attribute, expected) => {
    expect(attributesOf(text)[attribute]).toEqual(expected);
  });

  // SINGLE USE is compared as DISPOSABLE since item-3.40.0 (itemAbbreviations 1.12.0), on English lines too.
  test.each([
    ["Xeringa d'un sol ús 20 ml, estèril - capsa de 100", 'SYRINGE', 'DISPOSABLE', 'STERILE', 'BX'],
    ['Shiringë njëpërdorimëshe 20 ml, sterile, kuti me 100 copë', 'SYRINGE', 'STERILE', 'BX'],
    ['Шприц еднократен 20 ml, стерилен, кутија 100 парчиња', 'SYRINGE', 'DISPOSABLE', 'STERILE', 'BX'],
    ['Şpris birdəfəlik 20 ml, steril, qutuda 100 ədəd', 'SYRINGE', 'DISPOSABLE', 'STERILE', 'BX'],
  ])('description words of %s read as English (%s …)', (text, ...words) => {
    const compared = readAsCompared(text) ?? '';
    for (const word of words) expect(compared.split(' ').join(' ')).toContain(word);
  });
});

describe('two lines of one product line that differ on such an axis are two articles', () => {
  test.each([
    ['Pala de laringoscopi Macintosh núm. 3, un sol ús', 'Laryngoscope blade Macintosh size 4, single use'],
    ['Teh laringoskopi Macintosh nr. 2, njëpërdorimësh', 'LARYNGOSCOPE BLADE MAC 3 DISP'],
    ['Grapadora cutània de 35 grapes amples', 'Skin stapler disposable 35 regular'],
    ['Marker permanent me majë të hollë, ngjyrë e zezë', 'Permanent marker fine point red'],
    ['Marker permanent me majë shumë të hollë, ngjyrë e zezë', 'Permanent marker fine point black'],
    ['Електрода за ЕКГ за доенчиња, кутија 50 парчиња', 'ECG electrode adult, 50/bx'],
    ['Qan təzyiqi manjeti, uşaqlar üçün', 'Blood pressure cuff adult, reusable'],
    ['HARMONIC SHEARS,ACE+7,23CM SHAFT -- Ea', 'Harmonic shears ACE+7, 36 cm shaft'],
  ])('%s vs %s', (a, b) => {
    expectConflict(a, b);
  });

  test.each([
    ['Pala de laringoscopi Macintosh núm. 3, un sol ús', 'Laryngoscope blade Macintosh size 3, single use', 'size'],
    ['Ларингоскоп сечило Macintosh бр. 2', 'LARYNGOSCOPE BLADE MAC 2 DISP', 'size'],
    ['Grapadora cutània de 35 grapes amples', 'Skin stapler disposable 35 wide', 'stapleWidth'],
    ['Retolador permanent punta ultrafina, tinta negra', 'Permanent marker ultra fine point black', 'tipWidth'],
    ['Qan təzyiqi manjeti, böyüklər üçün, qutuda 10 ədəd', 'Blood pressure cuff adult, box of 10', 'countPerPack'],
    ['HARMONIC SHEARS,ACE+7,23CM SHAFT -- Ea', 'Harmonic shears ACE+7, 23 cm shaft', 'length'],
  ])('agree: %s = %s (%s)', (a, b, attribute) => {
    expectAgreement(a, b, attribute);
  });
});

describe('brand owners and acquirers are related makers, never one maker (POST /matching/verify)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIngestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  test.each([
    ['Sharpie', 'Newell Brands', 'related'],
    ['Sanford L.P.', 'Newell Brands Inc.', 'related'],
    ['Crosstex International', 'STERIS Corporation', 'related'],
    ['NeoMed Inc', 'Avanos Medical', 'related'],
    ['Covidien', 'Medtronic Australasia Pty Ltd', 'related'],
    ['Medtronic Australasia Pty Ltd', 'Medtronic', 'match'],
    // Not a relation: two makers of one kind of product.
    ['Sharpie', 'STERIS Corporation', 'mismatch'],
    ['Crosstex International', 'Cardinal Health', 'mismatch'],
  ])('%s vs %s: %s', async (a, b, outcome) => {
    const explanation = await verifyPair({
      server,
      domain: 'item',
      a: { description: 'Permanent marker fine point black 12/bx', manufacturer: { name: a } },
      b: { description: 'Permanent marker fine point black 12/bx', manufacturer: { name: b } },
    });
    const maker = comparatorOf(explanation, 'manufacturer');
    expect(maker?.outcome).toBe(outcome);
    // A related maker is never enough for an auto-merge on text alone.
    if (outcome === 'related') expect(explanation.band).not.toBe('auto-merge');
  });
});

describe('sibling lines from sources in other languages through POST /ingest', () => {
  const SOURCES = ['tender-cat', 'erp', 'tender-az'] as const;
  const lines = canonicalItemLines(SOURCES, 'ITEMS20A');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test.each([
    {
      title: 'a Catalan blade line núm. 3 and the English one proposed; the size 4 one in Azerbaijani apart',
      line: "Pala de laringoscopi d'un sol ús Miller núm. 3, fibra òptica, acer inoxidable - capsa de 10 unitats",
      same: 'Laryngoscope blade Miller size 3, single use, fibre optic, stainless steel, box of 10',
      other: 'Larinqoskop bıçağı Miller ölçü 4, birdəfəlik, qutuda 10 ədəd',
    },
    {
      title: 'an Azerbaijani syringe line and the English one proposed; the 10 mL one apart',
      line: 'Şpris birdəfəlik 20 ml, steril, qutuda 100 ədəd',
      same: 'Syringe single use 20 mL sterile, box of 100',
      other: 'Syringe single use 10 mL sterile, box of 100',
    },
  ])('$title', async ({ line, same, other }) => {
    await lines.expectDuplicateProposedSiblingApart({ line, same, other });
  });

  test('a marker whose maker is named as the brand on one side and its owner on the other is proposed, not merged', async () => {
    const first = await lines.send('tender-cat', {
      description: 'Retolador permanent punta fina, tinta negra - capsa de 12 unitats',
      manufacturer: { name: 'Sharpie' },
    });
    const duplicate = await lines.send('erp', { description: 'MARKER PERM FINE PT BLK 12/BX', manufacturer: { name: 'Newell Brands' } });
    expect(duplicate.goldenId).not.toBe(first.goldenId);
    expect(await lines.isProposed(first, duplicate)).toBe(true);
    const red = await lines.send('tender-az', { description: 'Permanent marker fine point red 12/bx', manufacturer: { name: 'Sanford' } });
    expect(red.goldenId).not.toBe(first.goldenId);
    expect(await lines.isProposed(first, red)).toBe(false);
  });
});
