/**
 * Item round of session 17 (item-3.29.0): item lines as English-language ERP exports, catalogues and shop titles
 * write them. Attributes read on both sides and compared — a filter's pore size (0.22 µm = .22U = 0.22 micron),
 * hearing-aid battery sizes written P13 or as the tab colour, a toner's yield (HP 26A vs 26X), a blood-culture bottle's
 * medium, reciprocating and rotary endodontic file sizes, pipette tips with vs without a filter, an animal product's
 * weight band in lb or kg — and spellings read as the attributes already known (microlitre, 21.0 dioptre, 20E). The
 * manufacturer families of item masters (MilliporeSigma = Merck life science outside the US, Rainin = Mettler-Toledo)
 * and national subsidiaries (Pakistan, Malaysia). Lines are written for this test, not copied from a corpus; every
 * row fails on item-3.28.0 except the guard rows (what must not be read).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules, scorePair } from '../../server/matching';
import { canonicalItemLines } from '../support/factories/itemLines';
import { comparatorLevel, itemPairExpectations, shippedItemReadings } from '../support/factories/matching';

const rules = await loadRules('item');
const { expectConflict, expectAgreement } = itemPairExpectations(rules);
const { attributesOf } = shippedItemReadings();

describe('attributes read from English ERP, catalogue and shop lines', () => {
  test.each([
    ['FLTR SYRINGE NYLON .45U 25MM NS 100PK', { poreSize: ['0.45'] }],
    ['Syringe filter, PTFE, 0.2 micron, 13 mm, non-sterile; UOM: Pack (100)', { poreSize: ['0.2'] }],
    ['Membrane filter 0,45 µm cellulose nitrate 47 mm', { poreSize: ['0.45'] }],
    ['Bottle-top vacuum filter 0.22um PES 500 mL', { poreSize: ['0.22'] }],
    ['Rayovac Extra Advanced hearing aid batteries P312, 8 pack', { batterySize: ['312'] }],
    ['Hearing aid batteries, zinc air, yellow tab, 4 cards of 8', { batterySize: ['10'] }],
    ['HP 26X Black LaserJet toner cartridge', { tonerYield: ['high'] }],
    ['Toner cartridge, black, high yield, for workgroup printers', { tonerYield: ['high'] }],
    ['BACTEC Lytic/10 Anaerobic/F culture vials, 50/pk', { cultureBottle: ['anaerobic'] }],
    ['BACTEC Peds Plus/F culture vials, 50/pk', { cultureBottle: ['paediatric'] }],
    ['ProTaper Gold rotary files F3 21mm, 6/pk', { endodonticFile: ['F3'] }],
    ['Pipette tips 10uL filtered, low retention, racked, 960/cs', { tipFilter: ['filtered'], volume: ['0.01 ml'] }],
    ['Universal pipette tips 1000 uL, bulk, 1000/bag', { tipFilter: ['unfiltered'] }],
    ['Simparica Trio chewable tablets for dogs 44.1-88 lbs, 3 ct', { weightBand: ['39.9x20 kg'] }],
    ['Nexgard chew for dogs 10 - 25 kg, 3 pack', { weightBand: ['25x10 kg'] }],
    ['Pipette, single channel, 20 microlitre', { volume: ['0.02 ml'] }],
    ['Lens, intraocular, one-piece acrylic, 19.5 dioptre', { opticalPower: ['19.5'] }],
    ['BOOK GRAYS ANATOMY 42E HC', { version: ['42 edition'] }],
  ])('%s', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test.each([
    ['Hearing aid batteries size 13, 60 batteries (10 cards of 6)', 'batterySize', ['13']],
    ['Lab Supplies : Filtration : Vacuum filtration flask 1 L', 'tipFilter', undefined],
    ['HP LaserJet Pro M404dn printer', 'tonerYield', undefined],
    ['AIRWAY LARYNGEAL MASK SIZE 4 50-70 KG', 'weightBand', undefined],
    ['Sodium chloride 0.9% 10 mL', 'poreSize', undefined],
    ['Medicated shampoo for dogs 12 oz', 'weightBand', undefined],
  ])('guard: %s reads %s as %j', (text, attribute, expected) => {
    expect(attributesOf(text)[attribute]).toEqual(expected);
  });
});

describe('two lines of one maker that differ in these attributes are two articles', () => {
  test.each([
    ['FILTER SYR NYLON .22U 25MM STR 50PK', 'FILTER SYR NYLON .45U 25MM STR 50PK'],
    ['Hearing aid batteries P10, 6 pack', 'Hearing aid batteries P13, 6 pack'],
    ['Hearing aid batteries, zinc air, orange tab, 6 pack', 'Hearing aid batteries, zinc air, blue tab, 6 pack'],
    ['HP 26A Black LaserJet Toner Cartridge (CF226A)', 'HP 26X Black LaserJet Toner Cartridge (CF226X)'],
    ['BLOOD CULTURE BOTTLE AEROBIC 50/CS', 'BLOOD CULTURE BOTTLE ANAEROBIC 50/CS'],
    ['Blood culture bottle, aerobic, 50/cs', 'Blood culture bottle, paediatric, 50/cs'],
    ['RECIPROC R40 file 21 mm, 6/pk', 'RECIPROC R50 file 21 mm, 6/pk'],
    ['Pipette tips 200 uL, filtered, sterile, 960/cs', 'Pipette tips 200 uL, non-filtered, sterile, 960/cs'],
    ['Flea and tick chew for dogs 4.4-9.9 lb, 3 pack', 'Flea and tick chew for dogs 9.9-22 lb, 3 pack'],
    ['Tips, pipette, 200 microlitre, sterile', 'Tips, pipette, 1000 microlitre, sterile'],
  ])('%s vs %s', (a, b) => {
    expectConflict(a, b);
  });

  test.each([
    ['FLTR SYRINGE PES .22U 33MM STR', 'Syringe filter, PES, 0.22 micron, 33 mm, sterile', 'poreSize'],
    ['Hearing aid batteries P675, 60 pack', 'Hearing aid batteries size 675 (blue tab), box of 60', 'batterySize'],
    ['Flea and tick chew for dogs 22-44 lb', 'Flea and tick chew for dogs 10-20 kg', 'weightBand'],
    ['Pipette tips 200 uL FLTR sterile', 'Pipette tips 200 µL, with aerosol filter, sterile', 'tipFilter'],
    ['IOL acrylic one-piece +22.0D', 'Lens, intraocular, acrylic, one-piece, 22.0 dioptre', 'opticalPower'],
  ])('agree: %s = %s (%s)', (a, b, attribute) => {
    expectAgreement(a, b, attribute);
  });
});

describe('manufacturer names of one maker in item masters', () => {
  test.each([
    ['MilliporeSigma', 'Merck Life Science UK Ltd'],
    ['EMD MILLIPORE CORP', 'Merck Pty Ltd'],
    ['Merck Animal Health', 'MSD Animal Health (Malaysia) Sdn Bhd'],
    ['RAININ INSTRUMENT', 'Mettler-Toledo India Pvt Ltd'],
    ['Power One', 'VARTA Microbattery GmbH'],
    ['Novo Nordisk Pharma (Malaysia) Sdn Bhd', 'Novo Nordisk Inc.'],
    ['bioMérieux Pakistan (Pvt) Ltd', 'BIOMERIEUX INC'],
  ])('%s = %s', (a, b) => {
    const explanation = scorePair({
      a: { sourceId: 'a', manufacturer: { name: a } },
      b: { sourceId: 'b', manufacturer: { name: b } },
      rules,
    });
    expect(comparatorLevel(explanation, 'manufacturer')).toBe('exact');
  });

  test('Merck life science and MSD Animal Health stay two makers', () => {
    const explanation = scorePair({
      a: { sourceId: 'a', manufacturer: { name: 'MilliporeSigma' } },
      b: { sourceId: 'b', manufacturer: { name: 'Merck Animal Health' } },
      rules,
    });
    expect(comparatorLevel(explanation, 'manufacturer')).not.toBe('exact');
  });
});

describe('English ERP and catalogue lines through POST /ingest', () => {
  const SOURCES = ['erp', 'catalogue', 'contract'] as const;
  const lines = canonicalItemLines(SOURCES, 'ITEMS17');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test.each([
    {
      title: 'a Business Central filter card vs a contract line; the .45U filter is another article',
      line: 'FILTER SYR NYLON .22U 25MM STR 100PK',
      same: 'Filter, syringe, nylon, 0.22 micron, 25 mm, sterile; UOM: Pack (100)',
      other: 'FILTER SYR NYLON .45U 25MM STR 100PK',
    },
    {
      title: 'hearing-aid batteries written P312 vs size 312 brown tab; size 13 is another article',
      line: 'BATTERY HEARING AID ZINC AIR P312 60PK',
      same: 'Hearing aid batteries, zinc air, size 312 (brown tab), pack of 60',
      other: 'BATTERY HEARING AID ZINC AIR P13 60PK',
    },
  ])('$title', async ({ line, same, other }) => {
    await lines.expectDuplicateProposedSiblingApart({ line, same, other });
  });

  test('one filter under MilliporeSigma and under Merck Life Science is put before a steward', async () => {
    const first = await lines.send('erp', {
      description: 'FILTER SYR PVDF .22U 13MM STR 100PK',
      manufacturer: { name: 'EMD Millipore Corp' },
    });
    const duplicate = await lines.send('catalogue', {
      description: 'Syringe filter unit PVDF 13mm 0.22micron sterile - pack of 100',
      manufacturer: { name: 'Merck Life Science UK Ltd' },
    });
    expect(duplicate.goldenId, 'text only: never an auto-merge').not.toBe(first.goldenId);
    expect(await lines.isProposed(first, duplicate)).toBe(true);
  });
});
