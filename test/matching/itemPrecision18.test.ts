/**
 * Item review precision of session 18 (item-3.34.0, branch itemprecision18): sibling products that differ on an axis
 * both lines state, but which the engine did not read, were put before a steward. Read on both sides now, so the
 * existing `attributeConflict` veto keeps them out of review as well as out of auto-merge: the level of a control
 * material, calibrator, gown or mask (LEVEL 2 = LVL 2 = L2 in a control text = razina 2 = ниво 2 = Stufe 2), mono vs
 * stereo of a headset, the single plug of a device (USB-A vs USB-C = Type-C), and a size written as its label word in
 * other languages or as MEDIUM-LARGE, what a specimen collection kit collects (urine vs swab), bone cement with vs
 * without an antibiotic. Lines are written for this test, not copied from a corpus; every conflict and
 * agreement row fails on item-3.31.0 except the guard rows (what must not be read).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules } from '../../server/matching';
import { canonicalItemLines } from '../support/factories/itemLines';
import { itemPairExpectations, shippedItemReadings } from '../support/factories/matching';

const rules = await loadRules('item');
const { expectConflict, expectAgreement } = itemPairExpectations(rules);
const { attributesOf } = shippedItemReadings();

describe('sibling axes read from item lines', () => {
  test.each([
    ['Chemistry control, assayed, Level 2, 12 x 5 mL', { controlLevel: ['2'] }],
    ['CONTROL IMMUNOASSAY PLUS LVL3 12X5ML', { controlLevel: ['3'] }],
    ['CTRL HEMATOLOGY TRI L2 2.5ML 3/BX QC', { controlLevel: ['2'] }],
    ['Calibrator set lipids, level II, 3 x 1 mL', { controlLevel: ['2'] }],
    ['Kontrolni materijal za imunokemiju, razina 1, 12 x 5 ml', { controlLevel: ['1'] }],
    ['Контролен материал имунохимия, ниво 3, 12 x 5 мл', { controlLevel: ['3'] }],
    ['Kontrollmaterial Immunologie Stufe 2, 6 x 2 ml', { controlLevel: ['2'] }],
    ['Isolation gown, AAMI level 3, universal size', { controlLevel: ['3'] }],
    ['Headset wired stereo USB-A noise cancelling', { audioChannels: ['stereo'], plug: ['usb-a'] }],
    ['Слушалки жични моно, USB-C, 1 бр.', { audioChannels: ['mono'], plug: ['usb-c'] }],
    ['Headset office binaural wired', { audioChannels: ['stereo'] }],
    ['Wireless presenter receiver USB Type-C', { plug: ['usb-c'] }],
    ['Hardware security key FIDO2, USB A + NFC', { plug: ['usb-a'] }],
    ['Clip ligating polymer Medium-Large green 6/cart', { size: ['ML'] }],
    ['Klipy ligačné polymérové, veľkosť ML, 14 x 6 ks', { size: ['ML'] }],
    ['Ligeerimisklambrid polümeer, suurus L, 14 x 6 tk', { size: ['L'] }],
    ['Rękawice nitrylowe, rozmiar M, 100 szt.', { size: ['M'] }],
    ['NAAT collection kit, urine specimen transport tube, 50/bx', { specimenSource: ['urine'] }],
    ['Odberová súprava na NAAT so sterom, bal. 50 ks', { specimenSource: ['swab'] }],
    ['Bone cement high viscosity with gentamicin 40 g', { antibioticLoading: ['antibiotic'] }],
    ['Kostní cement vysoká viskozita, bez antibiotika, 40 g', { antibioticLoading: ['plain'] }],
    ['CEMENT BONE HV R+G 40G', { antibioticLoading: ['antibiotic'] }],
  ])('%s', (text, expected) => {
    expect(attributesOf(text)).toMatchObject(expected);
  });

  test.each([
    ['Lumbar interbody cage L4-L5 12 mm', 'controlLevel', undefined],
    ['Spinal screw L2 pedicle 6.5 x 45 mm', 'controlLevel', undefined],
    ['Sodium chloride 0.9% 1 L bag', 'controlLevel', undefined],
    ['Suture monofilament nylon 3-0 black', 'audioChannels', undefined],
    ['Electrosurgical pencil monopolar, rocker switch', 'audioChannels', undefined],
    ['Charging cable USB-A to USB-C, 1 m, black', 'plug', undefined],
    ['Syringe 10 ML luer lock', 'size', undefined],
    ['Urinal male plastic 1 L with lid', 'specimenSource', undefined],
    ['Suture plain gut 3-0 SH 27IN', 'antibioticLoading', undefined],
    ['Gentamicin 80 mg/2 mL injection', 'antibioticLoading', undefined],
  ])('guard: %s reads %s as %j', (text, attribute, expected) => {
    expect(attributesOf(text)[attribute]).toEqual(expected);
  });
});

describe('two lines of one product line that differ on such an axis are two articles', () => {
  test.each([
    ['CONTROL IMMUNOASSAY PLUS LVL 1 12X5ML', 'Immunoassay Plus Control, Level 3, 12 x 5 mL'],
    ['CTRL HEMATOLOGY TRI L1 2.5ML QC', 'Hematology control tri-level, level 2, 2.5 mL'],
    ['Kontrolni materijal za imunokemiju, razina 2, 12 x 5 ml', 'Immunoassay control, level 3, 12 x 5 mL'],
    ['Isolation gown AAMI level 2, universal', 'Isolation gown AAMI level 3, universal'],
    ['Headset wired mono USB-A noise cancelling', 'Headset wired stereo USB-A noise cancelling'],
    ['Headset wired stereo USB-A noise cancelling', 'Headset wired stereo USB-C noise cancelling'],
    ['Security key FIDO2 NFC, USB-A', 'Security key FIDO2 NFC, USB Type-C'],
    ['Clip ligating polymer, size L, 14 x 6', 'Clip ligating polymer, Medium-Large, box of 84'],
    ['NAAT specimen collection kit, urine, 50/bx', 'NAAT specimen collection kit, vaginal swab, 50/bx'],
    ['Bone cement high viscosity, plain, 40 g', 'Bone cement high viscosity with gentamicin, 40 g'],
  ])('%s vs %s', (a, b) => {
    expectConflict(a, b);
  });

  test.each([
    ['CONTROL IMMUNOASSAY PLUS LVL 2 12X5ML', 'Immunoassay Plus Control, Level II, 12 x 5 mL', 'controlLevel'],
    ['Контролен материал имунохимия, ниво 2, 12 x 5 мл', 'CTRL IMMUNOASSAY PLUS L2 12X5ML', 'controlLevel'],
    ['Headset office binaural wired USB-C', 'Headset office stereo wired, USB Type-C', 'audioChannels'],
    ['Clip ligating polymer MED/LG 14 x 6', 'Klipy ligačné polymérové, veľkosť ML, 14 x 6 ks', 'size'],
  ])('agree: %s = %s (%s)', (a, b, attribute) => {
    expectAgreement(a, b, attribute);
  });
});

describe('sibling lines from two sources through POST /ingest', () => {
  const SOURCES = ['erp', 'distributor', 'ward'] as const;
  const lines = canonicalItemLines(SOURCES, 'ITEMS18P');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test.each([
    {
      title: 'a control written LVL 2 in one ERP and level II elsewhere; level 3 of the same line is another article',
      line: 'CONTROL IMMUNOASSAY PLUS LVL 2 12X5ML',
      same: 'Immunoassay Plus Control, level II, 12 x 5 mL',
      other: 'Immunoassay Plus Control, level 3, 12 x 5 mL',
    },
    {
      title: 'a stereo USB-A headset written two ways; the USB-C one is another article',
      line: 'HEADSET OFFICE WIRED STEREO USB-A NOISE CANCELLING',
      same: 'Office headset, wired, binaural, USB-A, noise-cancelling microphone',
      other: 'Office headset, wired, binaural, USB-C, noise-cancelling microphone',
    },
  ])('$title', async ({ line, same, other }) => {
    await lines.expectDuplicateProposedSiblingApart({ line, same, other });
  });
});
