/**
 * Item round 13 (item-3.17.0): distinguishing attributes of medicines, airway and syringe products, retail and
 * electronics titles that were not read — dosage form and release, salt, the container of an injectable,
 * preservative-free, the diluent of a premix, cuffed vs uncuffed, tracheostomy vs endotracheal, patient population,
 * Luer lock vs slip, X-ray detectable, cable connectors and colours, endodontic ISO sizes, fruit flavours, battery sizes,
 * lens mounts, OEM vs compatible toner, compression in mmHg, product generations, membrane areas — and pack counts
 * that were read wrong or not at all (CS/4x6, 4 Packs of 6, 16 Tablets, 200mg x 16, 100 Tests, a count before an
 * insulin strength read as a thousands group). Rows score two records with the shipped item rules.
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
    ['METFORMIN HCL 500MG TAB,SA 100S', { release: ['extended'], salt: ['hydrochloride'] }],
    ['Metformina tableta de liberación prolongada 500 mg, envase con 100', { doseForm: ['tablet'], release: ['extended'] }],
    ['Glucophage 500 mg, comprimé à libération prolongée, boîte de 100', { release: ['extended'] }],
    ['Metoprolol succinate ER 50 mg tab', { release: ['extended'], salt: ['succinate'] }],
    ['Omeprazole 20mg gastro-resistant capsules', { doseForm: ['capsule'], release: ['delayed'] }],
    ['Paracetamol 500mg soluble tablets', { doseForm: ['dispersible tablet'] }],
    ['Amoxicillin 250mg/5ml oral suspension', { doseForm: ['oral suspension'] }],
    ['Enoxaparin 40mg/0.4ml solution for injection pre-filled syringes', { container: ['prefilled syringe'] }],
    ['Humalog 100units/ml KwikPen 3ml pre-filled pens (pack 5)', { container: ['pen'], unitsPerMl: ['100'] }],
    ['HEPARIN 25000 UNITS IN D5W 250ML PREMIX', { diluent: ['dextrose'] }],
    ['HEPARIN 2 UNITS/ML IN 0.9% NACL 500ML BAG', { diluent: ['saline'], percent: ['0.9'], container: ['bag'] }],
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
    ['Metoprolol tartrate 50mg tablets', 'Metoprolol succinate 50mg tablets'],
    ['Diclofenac sodium 50mg tablets', 'Diclofenac potassium 50mg tablets'],
    ['Adrenaline 1mg/1ml solution for injection ampoules', 'Adrenaline 1mg/1ml solution for injection pre-filled syringes'],
    ['Insulin lispro 100 units/mL injection, 10 mL vial', 'Insulin lispro 100 units/mL injection, 10 mL cartridge'],
    ['LIDOCAINE 1% 5ML VIAL PRESERVATIVE FREE', 'LIDOCAINE 1% 5ML VIAL WITH PRESERVATIVE'],
    ['Sodium chloride 0.9% 10ml vial bacteriostatic', 'Sodium chloride 0.9% 10ml vial preservative free'],
    ['HEPARIN 25000 UNITS IN D5W 250ML PREMIX', 'HEPARIN 25000 UNITS IN NS 250ML PREMIX'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['GLUCOPHAGE XR TABS 500MG 100', 'Glucophage 500 mg, comprimé à libération prolongée, boîte de 100', 'release'],
    ['METFORMIN HCL 500MG TAB,SA 100S GLUCOPHAGE', 'Glucophage Metformin Hydrochloride 500 mg Extended Release Tablet', 'release'],
    ['TYLENOL EXTRA STRENGTH CAPLETS 500 MG 100CT', 'Tylenol Extra Strength Pain Reliever Tablets 500mg - 100 ct', 'doseForm'],
    ['Amlodipine besylate 5mg tablets', 'Amlodipine besilate 5mg tablets', 'salt'],
    ['Humalog KwikPen 3ml x 5 100U/ML', 'Humalog 100units/ml KwikPen 3ml pre-filled pens (pack 5)', 'container'],
  ])('%s = %s (%s)', (a, b, attribute) => expectAgreement(a, b, attribute));

  test('a socket head cap screw, a syringe cap and an XL glove are no medicine', () => {
    expect(attributesOf('M6-1.0 x 20mm A2 Stainless Steel Socket Head Cap Screw DIN 912 (100 pcs)')).not.toHaveProperty('doseForm');
    expect(attributesOf('CAP SYRINGE LUER STERILE 100/BX')).not.toHaveProperty('doseForm');
    expect(attributesOf('GLOVE EXAM NITRILE PF XL 100/BX')).not.toHaveProperty('release');
    expect(attributesOf('GLOVE EXAM NITRILE PF XL 100/BX')).not.toHaveProperty('preservative');
    expect(attributesOf('SYRINGE 10ML LUER LOCK 100/BX')).not.toHaveProperty('container');
    expect(attributesOf('SODIUM CHLORIDE 0.9% 10ML FLUSH SYRINGE')).not.toHaveProperty('salt');
  });
});

describe('airway, syringe and sponge products', () => {
  test.each([
    ['Portex Endotracheal Tube Uncuffed, Size 3.5 mm ID (Paediatric)', 'Portex Endotracheal Tube Cuffed, Size 3.5 mm ID (Paediatric)'],
    ['TUBE ENDOTRACHEAAL PORTEX BLUE LINE ZONDER CUFF 3,5MM', 'TUBE ENDOTRACHEAAL PORTEX BLUE LINE MET CUFF 3,5MM'],
    ['Sonde d’intubation Portex sans ballonnet DI 3,5 mm', 'Sonde d’intubation Portex avec ballonnet DI 3,5 mm'],
    ['Bivona Neonatal Tracheostomy Tube Uncuffed 3.5 mm ID', 'Portex Endotracheal Tube Uncuffed 3.5 mm ID'],
    ['TUBE TRACHEOSTOMY BIVONA NEONATAL 3.0MM UNCUFFED', 'TUBE TRACHEOSTOMY BIVONA PEDIATRIC 3.0MM UNCUFFED'],
    ['Canule de trachéotomie Bivona néonatale sans ballonnet DI 3,0 mm', 'Bivona Neonatal Tracheostomy Tube Uncuffed 3.5 mm ID'],
    ['BP CUFF ADULT REUSABLE 2-TUBE', 'BP CUFF LARGE ADULT REUSABLE 2-TUBE'],
    ['OMNIFIX SYRINGE 10ML L/LOCK 100', 'OMNIFIX SYRINGE 10ML L/SLIP 100'],
    ['Ruisku Omnifix 10 ml Luer Lock -kierre, 100 kpl', 'Ruisku Omnifix 10 ml Luer-kartio (slip), 100 kpl'],
    [
      'Abdominal swab Telasorb 45 x 45 cm, X-ray detectable, sterile, 5 pieces',
      'Abdominal swab Telasorb 45 x 45 cm, without X-ray thread, sterile, 5 pieces',
    ],
    [
      'Telo laparotomico Telasorb 45x45 cm senza filo radiopaco sterile',
      'Champ abdominal Telasorb 45 x 45 cm avec fil radio-opaque, stérile',
    ],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['Tube tracheal Portex Blue Line uncuffed oral/nasal 3.5mm ID', 'Sonde d’intubation Portex Blue Line sans ballonnet DI 3,5 mm', 'cuff'],
    [
      'Seringue Omnifix 10 ml Luer (embout simple/conus) 100 pc',
      'SYRINGE,HYPODERMIC 10ML LUER SLIP TIP W/O NEEDLE OMNIFIX 100S',
      'luerTip',
    ],
    ['Telo laparotomico Telasorb 45x45 cm senza filo radiopaco', 'Champ abdominal Telasorb 45x45cm sans fil RX, stérile', 'radiopacity'],
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
    ['Duracell Coppertop AA Batteries, 24 count', 'Duracell Coppertop AAA Batteries, 24 count'],
    ['Rayovac hearing aid batteries size 312, 60 pack', 'Rayovac hearing aid batteries size 13, 60 pack'],
    ['Energizer CR2032 lithium coin battery 2 pack', 'Energizer CR2025 lithium coin battery 2 pack'],
    ['Canon RF 50mm f/1.8 STM Lens', 'Canon EF 50mm f/1.8 STM Lens'],
    ['HP 58A Black Toner Cartridge CF258A', 'Compatible Toner Cartridge Replacement for HP 58A CF258A Black'],
    ['Apple AirPods Pro (2nd Generation)', 'Apple AirPods Pro (1st Generation)'],
    ['JOBST Relief knee high 15-20 mmHg closed toe beige', 'JOBST Relief knee high 20-30 mmHg closed toe beige'],
    ['Theranova 400 dialyser, surface 1,7 m²', 'Theranova 500 dialyser, surface 2,0 m²'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['Canon RF 50mm f/1.8 STM Lens', 'Canon Objektiv RF 50 mm F1.8 STM', 'lensMount'],
    ['HP 58A Black Toner Cartridge CF258A', 'HP 58A Original LaserJet Toner Cartridge Black', 'printSupply'],
    ['ANKER PowerLine III, USB-C auf Lightning, Ladekabel, 0,9 m', 'Anker USB C to Lightning Cable, PowerLine III 3 ft', 'connector'],
    ['Duracell Plus AA LR6 alkaline batteries', 'Duracell Plus AA alkaline batteries', 'batterySize'],
  ])('%s = %s (%s)', (a, b, attribute) => expectAgreement(a, b, attribute));

  test('a genuine cartridge listing its printers is no compatible one', () => {
    expect(attributesOf('HP 67 Black Ink Cartridge, compatible with HP DeskJet 2755')).toMatchObject({ printSupply: ['original'] });
  });
});

describe('sutures, endodontic files, pack counts', () => {
  test.each([
    ['Sutura riassorbibile Monosyn 3/0 viola ago DS24 70 cm', 'Sutura riassorbibile Monosyn 3/0 incolore ago DS24 70 cm'],
    ['MONOSYN HECHTDRAAD 3-0 VIOLET DS24 70CM', 'MONOSYN HECHTDRAAD 3-0 ONGEKLEURD DS24 70CM'],
    ['Ommelanka Monosyn 3-0 violetti DS24 70 cm', 'Ommelanka Monosyn 3-0 värjäämätön DS24 70 cm'],
    ['K-File Colorinox 25 mm ISO 015, blister of 6', 'K-File Colorinox 25 mm ISO 020, blister of 6'],
    ['Dentsply Maillefer K File 25 mm No. 15 (White), Pack of 6 Files', 'Dentsply Maillefer K File 25 mm No. 20 (Yellow), Pack of 6 Files'],
    ['Nurofen Tablets 200mg x 16', 'Nurofen Tablets 200mg x 32'],
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
