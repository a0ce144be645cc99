/**
 * Item round 11 (item-3.15.0), from conventions of retail titles, distributor and European catalogues: one part
 * number written several ways (`REF 28412`, `CB316WN#140`, `001206`), latex-free and sizes in French / Spanish /
 * Italian / German catalogue words (`sans latex`, `taille 7,5`), and the licence and edition of software titles
 * (`Upgrade` vs `Full Version`, `Home and Student` vs `Home and Business`). Rows score two records with the shipped
 * item rules unless they say otherwise.
 */
import { describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { codeTokensInText, comparablePartNumber, normalizeWith } from '../../server/matching/normalizers';
import type { CanonicalRecord } from '../../server/matching/types';
import { attributeReader, comparatorLevel } from '../support/factories/matching';
import { must } from '../support/must';

const rules = await loadRules('item');
const attributesOf = attributeReader(rules.rules);

function item(sourceId: string, description: string, manufacturer?: string, manufacturerPartNumber?: string): CanonicalRecord {
  return {
    sourceId,
    description,
    ...(manufacturer ? { manufacturer: { name: manufacturer } } : {}),
    ...(manufacturerPartNumber ? { manufacturerPartNumber } : {}),
  };
}

describe('one part number written several ways (partNumber normaliser)', () => {
  test.each([
    ['REF 28412', '28412'], // ISO 15223-1 REF label written out (Spanish / Italian catalogues)
    ['REF: 28412', '28412'],
    ['CAT# 1600-14-50', '16001450'],
    ['CAT NO. 5160', '5160'],
    ['CB316WN#140', 'CB316WN'], // HP localisation option code
    ['Q7553A#ABA', 'Q7553A'],
    ['001206', '1206'], // ERP numeric fields drop leading zeros
    ['05160', '5160'],
    ['EP0030075234', 'EP30075234'], // behind a reseller prefix, so EP + Eppendorf number still reads as prefixed
    ['0123', '0123'], // fewer than four digits left: kept as written
    ['REF28412', 'REF28412'], // no separator: REF may be part of the code
    ['REFLEX 100', 'REFLEX100'],
    ['123#456', '123456'], // no model before the #
    ['10-775-PA-55', '10775PA55'],
  ])('%s → %s', (raw, expected) => {
    expect(comparablePartNumber(raw)).toBe(expected);
    expect(normalizeWith('partNumber', raw)).toBe(expected);
  });

  test('codes read from text lose their leading zeros the same way', () => {
    expect(codeTokensInText('TIP PIPET 0030075234 EP0030075234 A0123', 4)).toEqual(['30075234', 'EP30075234', 'A0123']);
  });

  test.each([
    ['HP CB316WN#140 564 Black Ink Cartridge', 'CB316WN#140', 'HP 564 Black Standard Yield Ink Cartridge (CB316WN)', 'CB316WN'],
    ['AirLife Adult Non-Rebreathing Oxygen Mask, Elongated', '001206', 'MASK O2 NONREBREATHER ADLT', '1206'],
    ['SONDA VESICAL INTERMITENTE SPEEDICATH HOMBRE CH 12', 'REF 28412', 'Sonde urinaire SpeediCath homme Ch 12', '28412'],
  ])('%s (%s) = %s (%s): the part numbers match, one maker no longer vetoes', (a, partA, b, partB) => {
    const explanation = scorePair({ a: item('a', a, 'Maker', partA), b: item('b', b, 'Maker', partB), rules });
    expect(comparatorLevel(explanation, 'manufacturerPartNumber')).toBe('match');
    expect(explanation.hardRule?.name).not.toBe('sameManufacturerDifferentPart');
  });

  test('two different numbers of one maker are still two products', () => {
    const explanation = scorePair({
      a: item('a', 'HP 564 Black Ink Cartridge', 'HP', 'CB316WN#140'),
      b: item('b', 'HP 564XL Black Ink Cartridge', 'HP', 'CN684WN#140'),
      rules,
    });
    expect(comparatorLevel(explanation, 'manufacturerPartNumber')).toBe('mismatch');
    expect(explanation.band).toBe('no-match');
  });
});

describe('latex-free and sizes in European catalogue words', () => {
  test.each([
    ['Gant de chirurgie GAMMEX Non-Latex PI, sans latex, taille 7,5', { latex: ['latex-free'], size: ['7.5'] }],
    ['Gant de chirurgie GAMMEX Latex, latex naturel, taille 7', { latex: ['latex'], size: ['7'] }],
    ['GUANTE CIRUGIA SIN LÁTEX TALLA 8', { latex: ['latex-free'], size: ['8'] }],
    ['GUANTO CHIRURGICO SENZA LATTICE TAGLIA 6,5', { latex: ['latex-free'], size: ['6.5'] }],
    ['OP-HANDSCHUH LATEXFREI GRÖSSE 7', { latex: ['latex-free'], size: ['7'] }],
  ])('%s', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test('a latex glove and a latex-free one of one line conflict (sans latex was read as latex before)', () => {
    const explanation = scorePair({
      a: item('a', 'Gant de chirurgie GAMMEX Latex, latex naturel, non poudré, stérile, taille 7', 'Ansell'),
      b: item('b', 'Gant de chirurgie GAMMEX Non-Latex PI, sans latex, polyisoprène, non poudré, stérile, taille 7', 'Ansell'),
      rules,
    });
    expect(comparatorLevel(explanation, 'attributes')).toBe('conflict');
    expect(explanation.band).toBe('no-match');
  });
});

describe('licence and edition of software titles', () => {
  test.each([
    ['Adobe Dreamweaver CS4 Software for Mac, Full Version', { licence: ['full'], platform: ['mac'] }],
    ['adobe dreamweaver cs4 mac upgrade (65008491)', { licence: ['upgrade'] }],
    ['Acrobat 9 Pro UPG WIN', { licence: ['upgrade'] }],
    ['Microsoft Office H&S 2010 PKC', { edition: ['home and student'], year: ['2010'] }], // the S of H&S is no size
    ['microsoft office 2010 home & business pkc', { edition: ['home and business'] }],
    ['Windows 7 Home Premium 64-bit', { edition: ['home premium'] }],
  ])('%s', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
    expect(attributesOf(text).size).toBeUndefined();
  });

  test.each([
    ['Adobe Dreamweaver CS4 Software for Mac, Full Version', 'Adobe Dreamweaver CS4 Software for Mac, Upgrade'],
    ['Microsoft Office Home and Business 2010 - Product Key Card', 'Microsoft Office Home and Student 2010 - Product Key Card'],
  ])('%s ≠ %s: an attribute conflict', (a, b) => {
    const explanation = scorePair({ a: item('a', a, 'Maker'), b: item('b', b, 'Maker'), rules });
    expect(comparatorLevel(explanation, 'attributes')).toBe('conflict');
    expect(explanation.band).toBe('no-match');
  });

  test.each([
    ['FULL FACE MASK CPAP MEDIUM'], // FULL alone is no licence
    ['HOME CARE BED STANDARD'], // one-word editions are not read
  ])('%s: no licence or edition', (text) => {
    expect(attributesOf(text).licence).toBeUndefined();
    expect(attributesOf(text).edition).toBeUndefined();
  });
});

describe('Italian and Spanish catalogue words (catalogueTranslations 1.1.0)', () => {
  test.each([
    ['CATETERE INTERMITTENTE IDROFILO SPEEDICATH MASCHILE CH12', 'Coloplast SpeediCath Hydrophilic Intermittent Catheter, Male, 12 Fr'],
    ['SONDA VESICAL INTERMITENTE HIDROFÍLICA SPEEDICATH HOMBRE CH 12', 'SpeediCath hydrophilic intermittent urinary catheter male 12 Fr'],
    ['MASCARILLA DE OXÍGENO CON RESERVORIO ADULTO', 'Oxygen mask with reservoir, adult'],
    [
      'ENOXAPARINA SODICA 40 MG/0,4 ML SOLUZIONE INIETTABILE SIRINGA PRERIEMPITA',
      'Enoxaparin sodium 40 mg/0.4 mL injection prefilled syringe',
    ],
  ])('%s ~ %s: the same words after translation', (a, b) => {
    const explanation = scorePair({ a: item('a', a), b: item('b', b), rules });
    const description = must(
      explanation.comparators.find((comparator) => comparator.name === 'description'),
      'description',
    );
    expect(description.score ?? 0).toBeGreaterThanOrEqual(0.7);
  });
});

describe('FedMall lengths and patient weight ranges', () => {
  test.each([
    ['NEEDLE HYPODERMIC 25 GAUGE 1 INCH LG', { gauge: ['25'], length: ['25.4 mm'] }], // 1 inch long, not size L
    ['TUBING OXYGEN 7 FT LONG', { length: ['2130 mm'] }],
    ['SUTURE VICRYL 3-0 27IN LG', { sutureSize: ['3-0'], length: ['686 mm'] }],
  ])('%s: LG after a length is long, no size', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
    expect(attributesOf(text).size).toBeUndefined();
  });

  test('LG elsewhere is still size L', () => {
    expect(attributesOf('GLOVE EXAM NITRILE LG').size).toEqual(['L']);
    expect(attributesOf('GOWN ISOLATION LG 10 IN').size).toEqual(['L']);
  });

  test.each([
    ['AIRWAY LARYNGEAL MASK SIZE 3 30-50 KG', ['30-50 kg']],
    ['LMA SZ 4 50 - 70kg', ['50-70 kg']],
    ['Sensor, Pulse Oximetry, Nellcor OxiMax, Adult >30 kg', ['>30 kg']],
    ['Sensor, Pulse Oximetry, Nellcor OxiMax, Infant 3-20 kg', ['3-20 kg']],
  ])('%s: a weight range, no strength', (text, range) => {
    expect(attributesOf(text).patientWeight).toEqual(range);
    expect(attributesOf(text).strength).toBeUndefined();
  });

  test('two laryngeal masks of one weight range are no drug strength agreement; two ranges conflict', () => {
    const same = scorePair({
      a: item('a', 'LMA UNIQUE SZ 3 30-50 KG'),
      b: item('b', 'AIRWAY LARYNGEAL MASK UNIQUE SIZE 3 30 - 50 KG'),
      rules,
    });
    expect(comparatorLevel(same, 'attributes')).toBe('agree');
    const other = scorePair({ a: item('a', 'LMA UNIQUE SZ 3 30-50 KG'), b: item('b', 'LMA UNIQUE SZ 4 50-70 KG'), rules });
    expect(comparatorLevel(other, 'attributes')).toBe('conflict');
    const sensors = scorePair({
      a: item('a', 'Sensor, Pulse Oximetry, Nellcor OxiMax, Adult >30 kg, 24/Box'),
      b: item('b', 'Sensor, Pulse Oximetry, Nellcor OxiMax, Infant 3-20 kg, 24/Box'),
      rules,
    });
    expect(comparatorLevel(sensors, 'attributes')).toBe('conflict');
  });
});
