/**
 * Items named in social posts, chat cards, isiZulu and Sinhala requisitions and by a regional trade name (items25free,
 * item-3.50.0). Lines are written for this test in the conventions of Reddit and forum exports, kanban and chat
 * mentions, isiZulu and Sinhala stores requisitions and makers' regional brand names, not copied from a corpus; the
 * guard rows say what must stay as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withoutNguniNumberPrefixes } from '../../server/matching/spokenNumbers';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a social post, a card and a requisition in isiZulu or Sinhala are read for their product words', () => {
  test.each([
    // Reddit export: the community and the writer's handle out, the opinion sentences after the title out.
    [
      'r/woundcare | Posted by u/night_rn_42 | Allevyn Gentle Border 10 x 10 cm on a sacrum? | We switched to Allevyn Gentle Border 10 x 10 cm last month. Honestly the staff love it. Anyone found they roll at the edges?',
      ['ALLEVYN', 'GENTLE', 'BORDER', '10', 'CM'],
      ['WOUNDCARE', 'POSTED', 'NIGHT', 'RN', 'HONESTLY', 'STAFF', 'LOVE', 'EDGE'],
    ],
    // Forum export: the site's breadcrumb and the handle out.
    [
      'nursingforum.org > Infusion therapy | Posted by u/ivteam_lead | Nexiva 22G closed catheters | IMO the Nexiva 22G is easier to thread. Cannot stand the old ones.',
      ['NEXIVA', '22', 'CATHETER'],
      ['NURSINGFORUM', 'INFUSION', 'THERAPY', 'IVTEAM', 'IMO', 'STAND'],
    ],
    // A chat or kanban request: the person mentioned out, an e-mail address left to the other readers.
    ['@sam.lee can you order 2 boxes of Tegaderm film please', ['TEGADERM', 'FILM'], ['SAM', 'LEE']],
    // isiZulu requisition: the form's title and number, the ward and quantity words out; the nouns in English; the
    // numeral's prefix off, so 25 mm is a length.
    [
      'Isicelo sezimpahla EC-SR-2210 | Iwadi yabantwana | Into 1: Izinaliti ze-Microlance, ubude obungu-25 mm, ezingenamagciwane | Iphakethe: ibhokisi | Inani elidingekayo: 3',
      ['NEEDLE', 'MICROLANCE', '25', 'MM', 'STERILE', 'BX'],
      ['ISICELO', 'SEZIMPAHLA', 'SR2210', 'IWADI', 'INANI', 'OBUNGU25', 'ZE', 'IZINALITI'],
    ],
    // Sinhala requisition: sterile wound dressing, syringe and needle words read as English words.
    ['ජීවාණුහරණය කළ තුවාල ආවරණය Mepilex Border 10 x 10', ['STERILE', 'DRESSING', 'MEPILEX', 'BORDER'], []],
    ['ඉඳිකටුව සහිත සිරින්ජය 3 ml', ['NEEDLE', 'SYRINGE', '3', 'ML'], []],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test('a numeral with its isiZulu prefix is read as a measure', () => {
    expect(attributesOf('Ikhathetha yokuchama, usayizi CH 14, ubude obungu-40 cm')).toMatchObject({ length: ['400 mm ±5'] });
  });

  test.each([
    // Guards: English hyphenated words before a number, a product named with a one-letter prefix, a catalogue line.
    ['Exam glove nitrile size-7', 'Exam glove nitrile size-7'],
    ['Insulin pen needle type-2 31G', 'Insulin pen needle type-2 31G'],
    ['i-STAT CHEM8+ cartridge', 'i-STAT CHEM8+ cartridge'],
    ['Isicelo: ubude obungu-25 mm', 'Isicelo: ubude  25 mm'],
    ['izinaliti ze-BD Microlance', 'izinaliti  BD Microlance'],
  ])('Nguni prefixes: %s', (line, read) => {
    expect(withoutNguniNumberPrefixes(line)).toBe(read);
  });

  test.each([
    // Guards: a catalogue line is untouched; a line without a post handle keeps its sentences.
    ['NEEDLE HYPODERMIC 25G X 1IN REGULAR BEVEL 100/BX', ['NEEDLE', 'HYPODERMIC', 'REGULAR', 'BEVEL']],
    ['Nitrile glove, powder free. Textured fingertips. Box of 100', ['TEXTURED', 'FINGERTIP']],
    // A dose per unit volume is no user handle (`u/mL`), in a ward line and in a post alike.
    ['heparin 5000 U/mL vial', ['HEPARIN', '5000', 'U', 'ML']],
    ['r/nursing | Posted by u/icu_rn | heparin 5000 u/mL vials back in stock', ['HEPARIN', '5000', 'U', 'ML']],
  ])('guard: %s', (line, kept) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
  });
});

describe('one product line under its regional trade names reads as one brand', () => {
  test.each([
    // ConvaTec: Granuflex (UK) and Varihesive (continental Europe) are DuoDERM (US).
    ['Granuflex hydrocolloid dressing 10 x 10 cm', 'DUODERM'],
    ['Varihesive E 15 x 15 cm', 'DUODERM'],
    // Mölnlycke: Hibiscrub (Europe) is Hibiclens (US; read in the singular, as every English word is).
    ['Hibiscrub 4% chlorhexidine skin cleanser 500 ml', 'HIBICLEN'],
    ['HIBICLENS 4% CHG SKIN CLEANSER 16 OZ', 'HIBICLEN'],
    // Beiersdorf: Hansaplast (continental Europe) is Elastoplast (UK, Australia).
    ['Hansaplast Elastic plasters 20 strips', 'ELASTOPLAST'],
  ])('%s reads %s', (line, brand) => {
    expect(wordsOf(line)).toContain(brand);
  });

  test('a brand that no table lists stays as written', () => {
    expect(wordsOf('Comfeel Plus transparent dressing 10 x 10 cm')).toContain('COMFEEL');
  });
});

describe('through the public ingest API: a UK trade name reaches the US catalogue line of its product, never a sibling', () => {
  const lines = canonicalItemLines(['us-catalogue', 'uk-orders'], 'ITEMS25FREE');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a UK order for Granuflex 10 x 10 cm is proposed for the DuoDERM CGF 10 x 10 cm line, never merged', async () => {
    const line = await lines.send('us-catalogue', {
      description: 'DUODERM CGF HYDROCOLLOID DRESSING 10CM X 10CM STERILE 10/BX',
      manufacturer: { name: 'ConvaTec' },
    });
    const order = await lines.send('uk-orders', { description: 'Granuflex hydrocolloid dressing 10 x 10 cm sterile (box of 10)' });
    expect(order.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, order)).toBe(true);
  });

  test('a UK order for the 15 x 15 cm size is neither merged with nor proposed for the 10 x 10 cm line', async () => {
    const line = await lines.send('us-catalogue', {
      description: 'DUODERM CGF HYDROCOLLOID DRESSING 10CM X 10CM STERILE 10/BX',
      manufacturer: { name: 'ConvaTec' },
    });
    const order = await lines.send('uk-orders', { description: 'Granuflex hydrocolloid dressing 15 x 15 cm sterile (box of 10)' });
    expect(order.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, order)).toBe(false);
  });
});
