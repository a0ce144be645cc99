/**
 * Item round 12 (item-3.16.0): distinguishing attributes that were not read — storage capacity, wattage, quarts,
 * optical power of contact and intraocular lenses (with its sign), flavour of nutrition drinks, retail pack counts,
 * the iodine concentration of contrast media, insulin U-100 / U-200, heparin per `1 ML`, electrolyte amounts without a
 * volume, shoe sizes with their width — and readings that were wrong (`79G-02020` as 79 g, `1 st` as sterile, the
 * length of `25GX1IN` not read). Rows score two records with the shipped item rules unless they say otherwise.
 */
import { describe, expect, test } from 'vitest';
import { loadRules } from '../../server/matching';
import { itemPairExpectations } from '../support/factories/matching';

const rules = await loadRules('item');
const { attributesOf, expectConflict, expectAgreement } = itemPairExpectations(rules);

describe('retail attributes: storage capacity, wattage, quarts, packs', () => {
  test.each([
    ['WD Red Plus 4TB NAS Internal Hard Drive HDD - SATA 6 Gb/s, 128 MB Cache', { storageCapacity: ['4000 GB'] }], // no 6 GB rate, no MB cache
    ['SAMSUNG 870 EVO 500GB 2.5 Inch SATA III Internal SSD', { storageCapacity: ['500 GB'] }],
    ['Crucial - DDR4 - module - 16 GB - SO-DIMM 260-pin', { storageCapacity: ['16 GB'] }],
    ['Apple 20W USB-C Power Adapter', { wattage: ['20 W'] }],
    ['OEM Apple 30 Watt USB C Wall Charger', { wattage: ['30 W'] }],
    ['Instant Pot Duo 6-Qt 7-in-1', { volume: ['5680 ml'] }],
    ['ACUVUE OASYS 1-Day 30 pk, BC 8.5, PWR -2.25', { countPerPack: ['30'] }],
    ['Duracell CopperTop AAA alkaline battery (24-pack)', { countPerPack: ['24'] }],
    ['Lot of 24 Duracell CopperTop AAA Alkaline Batteries', { countPerPack: ['24'] }],
    ['Apple AirTag (4-pack)', { countPerPack: ['4'] }],
  ])('%s', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test.each([
    ['WD Red Plus 4TB NAS Internal Hard Drive HDD', 'WD 6TB Red Plus NAS HDD'],
    ['Samsung 870 EVO SSD 1 TB', 'SAMSUNG 870 EVO 500GB 2.5 Inch SATA III Internal SSD'],
    ['Apple USB-C 20 W Power Adapter', 'Apple USB-C 30 W Power Adapter'],
    ['Instant Pot Duo 6-Qt 7-in-1', 'Instant Pot Duo 8-Qt 7-in-1'],
    ['Apple AirTag (1-pack)', 'Apple AirTag - pack of 4'],
    ['Apple USB-C to Lightning Cable (1 m)', 'Apple USB-C Lightning cable 6.6 ft'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['Samsung 870 EVO SSD 1 TB', 'Samsung 870 EVO 1000GB SATA SSD', 'storageCapacity'],
    ['Instant Pot Duo 6 Quart', 'Instant Pot DUO60 Duo 6 Qt (5.7 L)', 'volume'],
    ['Apple USB-C to Lightning Cable (1 m)', 'Apple USB-C Lightning cable 3.3 ft', 'length'],
    ['Duracell CopperTop AAA (24-pack)', 'Lot of 24 Duracell CopperTop AAA', 'countPerPack'],
  ])('%s = %s (%s)', (a, b, attribute) => expectAgreement(a, b, attribute));

  test('a 3M brand, a W/ and a 3 WAY are no length or wattage', () => {
    expect(attributesOf('3M TEGADERM FILM DRESSING').length).toBeUndefined();
    expect(attributesOf('CABLE TIE 3M 8 IN').length).toEqual(['203 mm']); // a cable tie is no cable
    expect(attributesOf('3M USB CABLE 1 M').length).toEqual(['1000 mm ±500']); // 3M written together is the brand
    expect(attributesOf('DRESSING FOAM 4 W/ BORDER').wattage).toBeUndefined();
    expect(attributesOf('STOPCOCK 3 WAY').wattage).toBeUndefined();
  });
});

describe('lenses: optical power with its sign, lens counts', () => {
  test.each([
    ['ACUVUE OASYS 1-Day with HydraLuxe 30 pk, BC 8.5, DIA 14.3, PWR -2.25', ['-2.25']],
    ['Acuvue Oasys 1-Day Contact Lenses 30 Pack - Power -2.50 - Base Curve 8.5', ['-2.5']],
    ['Contact lens daily disposable senofilcon A BC 8,5 power -2,25 D, box of 30', ['-2.25']],
    ['Lente intraocular dobrável AcrySof IQ SN60WF, dioptria +20,0 D', ['20']],
    ['Implant: LENS INTRAOCULAR ACRYSOF IQ 1PC ASPHERIC +20.5 D | Mfr: ALCON', ['20.5']],
    ['Intraokulär lins TECNIS 1-Piece ZCB00 +22,5 D, 1 st', ['22.5']],
    ['NEW sealed Acuvue Oasys 1 Day HydraLuxe -2.50 8.5 90 lenses exp 2028', ['-2.5']],
  ])('%s → %s', (text, power) => {
    expect(attributesOf(text).opticalPower).toEqual(power);
  });

  test('a minus and a plus lens of one power number conflict', () => {
    expectConflict('Biofinity contact lenses 6 pk BC 8.6 PWR -1.00', 'Biofinity contact lenses 6 pk BC 8.6 PWR +1.00');
  });

  test.each([
    ['Acuvue Oasys 1-Day Contact Lenses 30 Pack - Power -2.25', 'NEW sealed Acuvue Oasys 1 Day HydraLuxe -2.50 8.5 30 lenses'],
    ['NEW sealed Acuvue Oasys 1 Day HydraLuxe -2.50 8.5 30 lenses', 'NEW sealed Acuvue Oasys 1 Day HydraLuxe -2.50 8.5 90 lenses'],
    ['Implant: LENS IOL TECNIS 1-PIECE ZCB00 +22.0 D', 'Intraokulär lins TECNIS 1-Piece ZCB00 +22,5 D, 1 st'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test('a shoe width D and a bare signed number elsewhere are no optical power', () => {
    expect(attributesOf('Brooks Ghost 15 Mens 10.5 D Black').opticalPower).toBeUndefined();
    expect(attributesOf('THERMOMETER RANGE -2.50 TO 50').opticalPower).toBeUndefined();
  });
});

describe('flavour of nutrition drinks', () => {
  test.each([
    ['ENSURE PLUS CHOC 8OZ BTL 24/CS', ['chocolate']],
    ['ENSURE PLUS STRAW 8OZ BTL 24/CS', ['strawberry']],
    ['Fortimel Compact Protein Geschmack Vanille, Trinknahrung, 4 x 125 ml Flasche', ['vanilla']],
    ['Fortimel Compact Protein vanilje 4x125ml næringsdrikk', ['vanilla']],
    ['Fortimel Compact Protein jordbær 4x125ml næringsdrikk', ['strawberry']],
  ])('%s → %s', (text, flavour) => {
    expect(attributesOf(text).flavour).toEqual(flavour);
  });

  test('a straw or a van in another text is no flavour', () => {
    expect(attributesOf('CUP DRINKING W/ STRAW 8OZ').flavour).toBeUndefined();
    expect(attributesOf('STRETCHER VAN TRANSPORT').flavour).toBeUndefined();
  });

  test.each([
    [
      'Ensure Plus Nutrition Shake, Vanilla, 8 fl. oz. Bottle, 24/Case',
      'Ensure Plus Nutrition Shake, Chocolate, 8 fl. oz. Bottle, 24/Case',
    ],
    ['ENSURE PLUS CHOC 8OZ BTL 24/CS', 'ENSURE PLUS STRAW 8OZ BTL 24/CS'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));
});

describe('drug strengths that were not read', () => {
  test.each([
    ['OMNIPAQUE 300 MGI/ML 100 ML BOTTLE', { iodineConcentration: ['300'] }],
    ['IOHEXOL 350 MG I/ML INJ 100 ML', { iodineConcentration: ['350'] }],
    ['ISOVUE-370 IOPAMIDOL INJ 100 ML', { iodineConcentration: ['370'] }],
    ['INSULIN LISPRO U-100 KWIKPEN 3 ML', { unitsPerMl: ['100'] }],
    ['HUMALOG U200 KWIKPEN 3 ML', { unitsPerMl: ['200'] }],
    ['HEPARIN SODIUM 5000 UNITS/1 ML VIAL', { unitsPerMl: ['5000'] }],
    ['POTASSIUM CHLORIDE ER 20 MEQ TABLET', { equivalents: ['20 mmol'] }],
  ])('%s', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test('an amount written per volume is no amount, and the 1 of UNITS/1 ML is no fill volume', () => {
    expect(attributesOf('POTASSIUM CHLORIDE 20 MEQ/100 ML IVPB').equivalents).toBeUndefined();
    expect(attributesOf('KCL 20MEQ IN 100ML').equivalents).toBeUndefined();
    expect(attributesOf('HEPARIN SODIUM 5000 UNITS/1 ML VIAL').volume).toBeUndefined();
  });

  test.each([
    ['OMNIPAQUE 300 100ML BOTTLE', 'OMNIPAQUE 350 100ML BOTTLE'],
    ['INSULIN LISPRO U-100 KWIKPEN 3 ML', 'INSULIN LISPRO U-200 KWIKPEN 3 ML'],
    ['HEPARIN SODIUM 5000 UNITS/1 ML VIAL', 'HEPARIN SODIUM 10000 UNITS/1 ML VIAL'],
    ['POTASSIUM CHLORIDE ER 20 MEQ TABLET', 'POTASSIUM CHLORIDE ER 10 MEQ TABLET'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['INSULIN LISPRO U-100 KWIKPEN', 'INSULIN LISPRO 100 UNITS/ML KWIKPEN', 'unitsPerMl'],
    ['HEPARIN SODIUM 5000 UNITS/1 ML VIAL', 'HEPARIN SODIUM 5,000 UNITS/ML 1 ML VIAL', 'unitsPerMl'],
    ['OMNIPAQUE 300 MGI/ML 100 ML', 'OMNIPAQUE 300 100ML', 'iodineConcentration'],
  ])('%s = %s (%s)', (a, b, attribute) => expectAgreement(a, b, attribute));
});

describe('readings that were wrong', () => {
  test('a model number 79G-02020 is no 79 g strength and no gauge', () => {
    const read = attributesOf('OMRON CUFF ADULT 79G-02020');
    expect(read.strength).toBeUndefined();
    expect(read.gauge).toBeUndefined();
  });

  test.each([
    ['NEEDLE HYPO 25GX1IN', { gauge: ['25'], length: ['25.4 mm'] }],
    ['NEEDLE HYPO 22GX1.5IN', { gauge: ['22'], length: ['38.1 mm'] }],
  ])('%s: the length glued to the gauge is read', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test('25GX1IN and 25GX5/8IN are two needles', () => {
    expectConflict('NEEDLE HYPO 25GX1IN', 'NEEDLE HYPO 25GX5/8IN', 'BD');
  });

  test('1 st (pieces in Nordic and German catalogues) is not sterile; ST after a word still is', () => {
    expect(attributesOf('Intraokulär lins TECNIS 1-Piece ZCB00 +22,5 D, 1 st').sterility).toBeUndefined();
    expect(attributesOf('Skalpellblad nr 10, kolstål, 100 st/förp').sterility).toBeUndefined();
    expect(attributesOf('GAUZE SPONGE 4X4 ST 12PLY').sterility).toEqual(['sterile']);
  });

  test.each([
    ["Brooks Ghost 15 Men's Running Shoe - Size 10 Medium (D)", ['10']],
    ['Brooks Ghost 15 Mens 10.5 D Black', ['10.5']],
    ["New Balance 990v6 Women's 8 W", ['8']],
  ])('%s: a shoe size with its width, the width no size M', (text, size) => {
    expect(attributesOf(text).size).toEqual(size);
  });

  test('shoes of two sizes with one width conflict', () => {
    expectConflict("Brooks Ghost 15 Men's Running Shoe - Size 10 Medium (D)", "Brooks Ghost 15 Men's Running Shoe - Size 10.5 Medium (D)");
  });
});

describe('colour where the family makes it the product, blade numbers, IOL powers without a sign', () => {
  test.each([
    ['RELOAD STAPLER ECHELON GST 60MM BLUE 12/BX', ['blue']],
    ['HP 58A Black Original LaserJet Toner Cartridge', ['black']],
    ['SUTURE VICRYL 3-0 SH 27IN UNDYED', ['undyed']],
    ['SUTURE VICRYL 3-0 SH 27IN DYED', ['violet']],
    ['TUBE BLOOD COLL 4ML LAVENDER TOP K2EDTA', ['lavender']],
  ])('%s → %s', (text, colour) => {
    expect(attributesOf(text).colour).toEqual(colour);
  });

  test('a colour elsewhere (a catheter hub, a gown) is not read', () => {
    expect(attributesOf('CATHETER IV 22G BLUE').colour).toBeUndefined();
    expect(attributesOf('GOWN ISOLATION YELLOW UNIVERSAL').colour).toBeUndefined();
  });

  test.each([
    ['RELOAD STAPLER ECHELON GST 60MM BLUE 12/BX', 'RELOAD STAPLER ECHELON GST 60MM GOLD 12/BX'],
    ['SUTURE VICRYL 3-0 SH 27IN UNDYED', 'SUTURE VICRYL 3-0 SH 27IN VIOLET'],
    ['Scalpel blade no.10 carbon steel sterile (box of 100)', 'Blade Surgical #11 Carbon Steel Sterile 100/Box'],
    ['IOL ACRYSOF IQ SN60WF 20.0D 1/EA', 'IOL ACRYSOF IQ SN60WF 21.0D 1/EA'],
  ])('%s ≠ %s', (a, b) => expectConflict(a, b));

  test.each([
    ['Skalpellklingen Fig. 10, Karbonstahl, steril', '10'],
    ['Skalpellblad nr 10, kolstål, sterilt, 100 st/förp', '10'],
    ['Scalpel blade no.15 carbon steel sterile', '15'],
  ])('%s: blade number %s', (text, size) => {
    expect(attributesOf(text).size).toEqual([size]);
  });

  test('IOL 20.0D and dioptria +20,0 D agree', () => {
    expectAgreement('IOL ACRYSOF IQ SN60WF 20.0D 1/EA', 'Lente intraocular dobrável AcrySof IQ SN60WF, dioptria +20,0 D', 'opticalPower');
  });
});
