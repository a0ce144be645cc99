/**
 * Item round 13 (item-3.17.0): distinguishing attributes that were not read — a medicine's dosage form and release
 * (XR / TAB,SA / prolonged release vs immediate), cuffed vs uncuffed tubes, cable connectors, suture and cable colours in
 * European catalogue words, endodontic ISO sizes, fruit flavours — and pack counts read wrong or not at all (CS/4x6,
 * 4 Packs of 6, 16 Tablets, 100 Tests, a count before an insulin strength read as a thousands group). Rows score records
 * with the shipped item rules.
 */
import { describe, expect, test } from 'vitest';
import { loadRules } from '../../server/matching';
import { itemPairExpectations } from '../support/factories/matching';

const rules = await loadRules('item');
const { attributesOf, expectConflict, expectAgreement } = itemPairExpectations(rules);

describe('medicines: dosage form, release, salt, container, preservative, diluent', () => {
  test.each([
    ['TYLENOL EXTRA STRENGTH CAPLETS 500 MG 100CT', { doseForm: ['tablet'], release: ['immediate'] }],
    ['Tylenol Extra Strength Rapid Release Gels 500mg - 100 ct', { doseForm: ['liquid capsule'] }],
    ['Nurofen 200mg Ibuprofen Liquid Capsules - 16 Liquid Capsules', { doseForm: ['liquid capsule'], countPerPack: ['16'] }],
    ['GLUCOPHAGE XR TABS 500MG 100', { doseForm: ['tablet'], release: ['extended'] }],
    ['METFORMIN HCL 500MG TAB,SA 100S', { release: ['extended'] }],
    ['Metformina tableta de liberación prolongada 500 mg, envase con 100', { doseForm: ['tablet'], release: ['extended'] }],
    ['Glucophage 500 mg, comprimé à libération prolongée, boîte de 100', { release: ['extended'] }],
    ['Metoprolol succinate ER 50 mg tab', { release: ['extended'] }],
    ['Omeprazole 20mg gastro-resistant capsules', { doseForm: ['capsule'], release: ['delayed'] }],
    ['Paracetamol 500mg soluble tablets', { doseForm: ['dispersible tablet'] }],
    ['Amoxicillin 250mg/5ml oral suspension', { doseForm: ['oral suspension'] }],
    ['Humalog 100units/ml KwikPen 3ml pre-filled pens (pack 5)', { unitsPerMl: ['100'] }],
  ])('%s', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test.each([
    ['TYLENOL EXTRA STRENGTH CAPLETS 500 MG 100CT', 'TYLENOL EXTRA STRENGTH RAPID RELEASE GELS 500 MG 100CT'],
    ['Nurofen Tablets 200mg x 16', 'Nurofen Liquid Capsules 200mg x 16'],
    ['GLUCOPHAGE TABS 500MG 100', 'GLUCOPHAGE XR TABS 500MG 100'],
    ['METFORMIN HCL 500MG TAB 100S GLUCOPHAGE', 'METFORMIN HCL 500MG TAB,SA 100S GLUCOPHAGE'],
    ['Glucophage 500 mg, comprimé pelliculé, boîte de 100', 'Glucophage 500 mg, comprimé à libération prolongée, boîte de 100'],
    ['Ibuprofen 200mg tablets 24', 'Ibuprofen 200mg chewable tablets 24'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['GLUCOPHAGE XR TABS 500MG 100', 'Glucophage 500 mg, comprimé à libération prolongée, boîte de 100', 'release'],
    ['METFORMIN HCL 500MG TAB,SA 100S GLUCOPHAGE', 'Glucophage Metformin Hydrochloride 500 mg Extended Release Tablet', 'release'],
    ['TYLENOL EXTRA STRENGTH CAPLETS 500 MG 100CT', 'Tylenol Extra Strength Pain Reliever Tablets 500mg - 100 ct', 'doseForm'],
  ])('%s = %s (%s)', (a, b, attribute) => expectAgreement(a, b, attribute));

  test('a socket head cap screw, a syringe cap and an XL glove are no medicine', () => {
    expect(attributesOf('M6-1.0 x 20mm A2 Stainless Steel Socket Head Cap Screw DIN 912 (100 pcs)')).not.toHaveProperty('doseForm');
    expect(attributesOf('CAP SYRINGE LUER STERILE 100/BX')).not.toHaveProperty('doseForm');
    expect(attributesOf('GLOVE EXAM NITRILE PF XL 100/BX')).not.toHaveProperty('release');
  });
});

describe('tracheal and tracheostomy tubes', () => {
  test.each([
    ['Portex Endotracheal Tube Uncuffed, Size 3.5 mm ID (Paediatric)', 'Portex Endotracheal Tube Cuffed, Size 3.5 mm ID (Paediatric)'],
    ['TUBE ENDOTRACHEAAL PORTEX BLUE LINE ZONDER CUFF 3,5MM', 'TUBE ENDOTRACHEAAL PORTEX BLUE LINE MET CUFF 3,5MM'],
    ['Sonde d’intubation Portex sans ballonnet DI 3,5 mm', 'Sonde d’intubation Portex avec ballonnet DI 3,5 mm'],
    ['Canule de trachéotomie Bivona néonatale sans ballonnet DI 3,0 mm', 'Bivona Neonatal Tracheostomy Tube Uncuffed 3.5 mm ID'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['Tube tracheal Portex Blue Line uncuffed oral/nasal 3.5mm ID', 'Sonde d’intubation Portex Blue Line sans ballonnet DI 3,5 mm', 'cuff'],
  ])('%s = %s (%s)', (a, b, attribute) => expectAgreement(a, b, attribute));

  test('a blood-pressure cuff is no cuffed tube', () => {
    expect(attributesOf('BP CUFF ADULT REUSABLE 2-TUBE')).not.toHaveProperty('cuff');
  });
});

describe('retail and electronics titles', () => {
  test.each([
    ['Anker USB C to USB C Cable, PowerLine III 3 ft 100W, Black', 'Anker USB C to Lightning Cable, PowerLine III 3 ft 100W, Black'],
    ['ANKER PowerLine III, USB-C auf USB-C, Ladekabel, 0,9 m, Schwarz', 'ANKER PowerLine III, USB-C auf USB-C, Ladekabel, 0,9 m, Weiß'],
    ['Anker PowerLine III USB-C naar USB-C kabel - 90 cm - Zwart', 'Anker PowerLine III USB-C naar USB-C kabel - 90 cm - Wit'],
    ['Pedialyte Electrolyte Solution, Grape, 33.8 fl oz, 4 Count', 'Pedialyte Electrolyte Solution, Unflavored, 33.8 fl oz, 4 Count'],
    ['Children’s Motrin Oral Suspension Berry 4 fl oz', 'Children’s Motrin Oral Suspension Grape 4 fl oz'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['ANKER PowerLine III, USB-C auf Lightning, Ladekabel, 0,9 m', 'Anker USB C to Lightning Cable, PowerLine III 3 ft', 'connector'],
  ])('%s = %s (%s)', (a, b, attribute) => expectAgreement(a, b, attribute));
});

describe('sutures, endodontic files, pack counts', () => {
  test.each([
    ['Sutura riassorbibile Monosyn 3/0 viola ago DS24 70 cm', 'Sutura riassorbibile Monosyn 3/0 incolore ago DS24 70 cm'],
    ['MONOSYN HECHTDRAAD 3-0 VIOLET DS24 70CM', 'MONOSYN HECHTDRAAD 3-0 ONGEKLEURD DS24 70CM'],
    ['Ommelanka Monosyn 3-0 violetti DS24 70 cm', 'Ommelanka Monosyn 3-0 värjäämätön DS24 70 cm'],
    ['K-File Colorinox 25 mm ISO 015, blister of 6', 'K-File Colorinox 25 mm ISO 020, blister of 6'],
    ['Dentsply Maillefer K File 25 mm No. 15 (White), Pack of 6 Files', 'Dentsply Maillefer K File 25 mm No. 20 (Yellow), Pack of 6 Files'],
    ['Nurofen 200mg Ibuprofen Tablets - 16 Tablets', 'Nurofen 200mg Ibuprofen Tablets - 32 Tablets'],
    ['REAGENT ARCHITECT FREE T4 100 TESTS/KT', 'ARCHITECT Free T4 Reagent Kit, 500 Tests'],
    ['Boost Original Very Vanilla Drink - 6 bottles / 8 fl oz', 'BOOST ORIGINAL VANILLA 237ML BTL CS/4x6'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['K-File Colorinox 25 mm ISO 015, blister of 6', 'K-FILE 25MM #15 (6)', 'size'],
    [
      'BOOST ORIGINAL VANILLE / VANILLA 237ML BTL CS/4x6',
      'SUPPLEMENT NUTRITIONAL BOOST ORIGINAL VRY VANILLA 8OZ BTL 24/CS',
      'countPerPack',
    ],
    [
      'Boost Original Very Vanilla Nutritional Drink, 8 fl oz, 24 Count (4 Packs of 6)',
      'BOOST ORIGINAL VANILLA 237ML BTL CS/4x6',
      'countPerPack',
    ],
    ['Glucophage 500 mg Tablet (Strip of 10 x 10)', 'GLUCOPHAGE TABS 500MG 100 TABLETS', 'countPerPack'],
    ['HUMALOG KWIKPEN 3ML X 5 100U/ML', 'INSULIN LISPRO 100 UNIT/ML INJ KWIKPEN 3ML 5S HUMALOG', 'unitsPerMl'],
    ['Consip sutura Monosyn 3/0 viola DS24', 'HEALTHPRO SUTURE MONOSYN 3-0 VIOLET DS24', 'colour'],
  ])('%s = %s (%s)', (a, b, attribute) => expectAgreement(a, b, attribute));

  test('gauze 4X4 with its pack is no case of packs', () => {
    expect(attributesOf('GAUZE SPONGE 4X4 12PLY 10/PK')).toMatchObject({ countPerPack: ['10'] });
  });
});
