/**
 * Fixture tables for the distinguishing-attribute extractors shipped in matching-rules/item.json:
 * real spellings from hospital item masters and public product titles, each with the attributes it
 * must yield (and must not: a quantity is not a size, a year is not a gauge).
 */
import { describe, expect, test } from 'vitest';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';
import { loadRules } from '../../server/matching';

const rules = await loadRules('item');
const extractors = compileExtractors(rules.rules.attributes ?? []);
const read = (text: string) => extractAttributes(extractors, [text]) ?? {};

type Row = { text: string; expected: Record<string, string[]>; absent?: string[] };

const TABLE: Record<string, Row[]> = {
  gauge: [
    { text: 'CATHETER IV INSYTE 18G X 1.16IN', expected: { gauge: ['18'], length: ['29.5 mm'] } },
    { text: 'NEEDLE HYPODERMIC 25 GA X 1 IN', expected: { gauge: ['25'], length: ['25.4 mm'] } },
    { text: 'Needle, Spinal, 22-Gauge x 3.5"', expected: { gauge: ['22'], length: ['88.9 mm'] } },
    { text: 'NEEDLE HYPO 22GX1', expected: { gauge: ['22'] } },
    { text: 'NEEDLE HYPO 25GX5/8', expected: { gauge: ['25'] } },
    { text: 'IV CATH 20 G 1IN', expected: { gauge: ['20'], length: ['25.4 mm'] } },
    { text: 'NEEDLE BIOPSY GA 14 X 10CM', expected: { gauge: ['14'], length: ['100 mm ±5'] } },
    { text: 'NEEDLE SAFETY 25G 5/8IN', expected: { gauge: ['25'], length: ['15.9 mm'] } },
    { text: 'NEEDLE SAFETY 21G 1-1/2IN', expected: { gauge: ['21'], length: ['38.1 mm'] } },
    // A needle length after its gauge: the fraction after the X is the length (not its denominator read as 4 IN),
    // and ERP lines leave the inch out (in a needle / set / catheter text only).
    { text: 'SET BLD COLL PUSHBTN 21GX3/4IN', expected: { gauge: ['21'], length: ['19 mm'] } },
    { text: 'SET BLOOD COLL PUSH BTN 21GX3/4 12IN TUBING 50/BX', expected: { gauge: ['21'], length: ['305 mm', '19 mm'] } },
    { text: 'NEEDLE HYPO 18G X 1-1/2', expected: { gauge: ['18'], length: ['38.1 mm'] } },
    // Outside a needle / set / catheter / syringe text a fraction after X is not a length. In a syringe text it is the
    // attached needle's (syringe-needle combinations: SYR 3ML 25GX5/8; items28attrs, item-3.53.0).
    { text: 'SPECIMEN CUP 10ML X 1/2', expected: { volume: ['10 ml'] }, absent: ['length'] },
    { text: 'SYRINGE 1ML 27G X 1/2', expected: { volume: ['1 ml'], gauge: ['27'], length: ['12.7 mm'] } },
    { text: 'microsoft word 2004 (mac)', expected: { year: ['2004'], platform: ['mac'] }, absent: ['gauge', 'size'] },
  ],
  unitsPerMl: [
    // Potency per volume (heparin, insulin): USP / international units per mL, thousands grouped with a comma or a space.
    { text: 'HEPARIN SODIUM INJ 5,000 UNITS/ML 1 ML SDV', expected: { unitsPerMl: ['5000'], volume: ['1 ml'] } },
    { text: 'Héparine sodique injectable 5 000 unités/mL, fiole de 1 mL', expected: { unitsPerMl: ['5000'], volume: ['1 ml'] } },
    { text: 'heparin 10000 unit/ml 1ml vl', expected: { unitsPerMl: ['10000'], volume: ['1 ml'] } },
    { text: 'INSULIN REGULAR 100 U/ML 10ML VIAL', expected: { unitsPerMl: ['100'], volume: ['10 ml'] } },
    { text: 'DEXTROSE 5% 1000ML', expected: { percent: ['5'], volume: ['1000 ml'] }, absent: ['unitsPerMl'] },
  ],
  sutureSize: [
    { text: 'SUTURE VICRYL 3-0 SH 27IN UNDYED', expected: { sutureSize: ['3-0'], length: ['686 mm'] }, absent: ['size'] },
    { text: 'SUT VICRYL 4/0 SH', expected: { sutureSize: ['4-0'] } },
    { text: 'Suture, Monocryl, 5 - 0, PS-2, 18"', expected: { sutureSize: ['5-0'], length: ['457 mm'] } },
    { text: 'SUTURE ETHILON 10-0 BLK', expected: { sutureSize: ['10-0'] } },
    // Comma-separated ERP fields: the 2 of the PS-2 needle is a code, not the start of a decimal 2,18 in.
    { text: 'SUTURE,NYL,BLK,4-0,PS-2,18"', expected: { sutureSize: ['4-0'], length: ['457 mm'] } },
    { text: 'SUTURE FIBERWIRE #2 BLUE 38IN', expected: { size: ['2'], length: ['965 mm'] }, absent: ['sutureSize'] },
    { text: 'CATALOG 10-775-PA-55', expected: {}, absent: ['sutureSize'] },
  ],
  standardEquivalences: [
    // ISO 9626 needle outer diameters and ISO 10555-5 catheter outer diameters → gauge; the length stays a length.
    { text: 'Spinal needle 0,7 x 90 mm Quincke', expected: { gauge: ['22'], length: ['90 mm ±0.5'] }, absent: ['dimensions'] },
    { text: 'Needle hypodermic 25G x 1in (0.5mm x 25mm)', expected: { gauge: ['25'], length: ['25.4 mm', '25 mm ±0.5'] } },
    { text: 'IV catheter 1,1 mm x 32 mm', expected: { gauge: ['20'], length: ['32 mm ±0.5'] } },
    { text: 'Cannula IV 18G 1.3 x 45mm', expected: { gauge: ['18'], length: ['45 mm ±0.5'] } },
    // A diameter outside a needle / catheter text, or not in the table, is not a gauge.
    { text: 'Wire guide 0.9 x 150 mm', expected: { dimensions: ['150x0.9 mm ±0.5/0.05'] }, absent: ['gauge'] },
    { text: 'Needle hypodermic 0.65 mm', expected: { length: ['0.65 mm ±0.025'] }, absent: ['gauge'] },
    // EP metric → USP (synthetic sutures); metric sizes of USP 0 and above are left unread.
    { text: 'Suture polypropylene 5/0 (1 metric) 75cm', expected: { sutureSize: ['5-0'], length: ['750 mm ±5'] } },
    { text: 'Suture EP 1,5 USP 4-0 70 cm', expected: { sutureSize: ['4-0'], length: ['700 mm ±5'] } },
    { text: 'Suture, metric 3, 90 cm', expected: { sutureSize: ['2-0'], length: ['900 mm ±5'] } },
    { text: 'Suture braided EP 4 75 cm', expected: { length: ['750 mm ±5'] }, absent: ['sutureSize'] },
    // Charrière = French; a French size with its mm in brackets is one size.
    { text: 'Catheter Foley 2-way 12Ch 10ml', expected: { french: ['12'], volume: ['10 ml'] } },
    { text: 'Foley catheter 12 Fr (4 mm) 10 mL', expected: { french: ['12'], volume: ['10 ml'] }, absent: ['length'] },
    { text: 'ECG cable 5 CH', expected: {}, absent: ['french'] },
    // Tracheal tube size = internal diameter, with or without the unit; OD is not the size.
    { text: 'ETT 6.5 UNCUFFED', expected: { tubeInnerDiameter: ['6.5'] } },
    { text: 'Tube, endotracheal, cuffed, 8,0 mm', expected: { tubeInnerDiameter: ['8'] }, absent: ['length'] },
    { text: 'ET TUBE 7.5 CUFF 10ML SYRINGE', expected: { tubeInnerDiameter: ['7.5'], volume: ['10 ml'] } },
    { text: 'SUCTION TUBING 6MM X 1.8M', expected: { dimensions: ['1800x6 mm ±50/0.5'] }, absent: ['tubeInnerDiameter'] },
  ],
  french: [
    { text: 'CATHETER FOLEY SILICONE 14FR 5CC', expected: { french: ['14'], volume: ['5 ml'] } },
    { text: 'Catheter, Foley, 2-Way, 16 FR, 5 mL Balloon', expected: { french: ['16'], volume: ['5 ml'] } },
    { text: 'CATH SUCTION 14F', expected: { french: ['14'] } },
    { text: 'TUBE FEEDING FR 8 36IN', expected: { french: ['8'], length: ['914 mm'] } },
    { text: 'SHEATH INTRODUCER 6.5 FRENCH', expected: { french: ['6.5'] } },
  ],
  volume: [
    { text: 'SYRINGE LL 10ML', expected: { volume: ['10 ml'] } },
    { text: 'Sodium Chloride 0.9% Injection, 1,000 mL Bag', expected: { volume: ['1000 ml'], percent: ['0.9'] } },
    { text: 'Syringe 10 cc Luer-Lok', expected: { volume: ['10 ml'] } },
    { text: 'SODIUM CHLORIDE 0.9% 1000 ML BAG', expected: { volume: ['1000 ml'], percent: ['0.9'] } },
    { text: 'LACTATED RINGERS 1L', expected: { volume: ['1000 ml'] } },
    { text: 'SPECIMEN CUP 4 OZ', expected: { volume: ['118 ml'] } },
    { text: 'SYRINGE 3ML 23G X 1IN', expected: { volume: ['3 ml'], gauge: ['23'], length: ['25.4 mm'] } },
  ],
  lengthAndDimensions: [
    { text: 'DRESSING FOAM 4X4IN', expected: { dimensions: ['102x102 mm'] }, absent: ['length'] },
    { text: 'DRSG GAUZE 4 X 4 IN 12PLY', expected: { dimensions: ['102x102 mm'] } },
    // Metric sizes keep half their last written digit (±): they are roundings of inch sizes.
    { text: 'Dressing, Foam, 10 cm x 10 cm', expected: { dimensions: ['100x100 mm ±5/5'] } },
    { text: 'Dressing foam 12,5 x 12,5 cm', expected: { dimensions: ['125x125 mm ±2.5/2.5'] } },
    // Each number with its own unit is one dimension (width x length), not two lengths that share a value.
    { text: 'TAPE SILK 1IN X 10YD', expected: { dimensions: ['9140x25.4 mm'] }, absent: ['length'] },
    { text: 'Bandage, Self-Adherent Wrap, 2 in x 5 yd, Tan', expected: { dimensions: ['4570x50.8 mm'] }, absent: ['length'] },
    { text: 'Self-adherent wrap 7,5 cm x 4,57 m', expected: { dimensions: ['4570x75 mm ±5/2.5'] } },
    { text: 'Paper, Exam Table, 18" x 225\'', expected: { dimensions: ['68600x457 mm'] } },
    // Fractions and mixed numbers.
    // Without a unit (item-3.11.0): read in inches, centimetres and millimetres, and as a roll's width in inches by
    // its length in feet or yards, stored as dimensions (so they agree with a size written with a unit).
    {
      text: 'DRSG TRANSPARENT 2-3/8X2-3/4',
      expected: { dimensions: ['69.8x60.3 mm', '27.5x23.8 mm ±5/5', '2.75x2.38 mm ±0.5/0.5', '838x60.3 mm', '2510x60.3 mm'] },
      absent: ['plainDimensions'],
    },
    { text: 'DRSG TRANSPARENT 2-3/8 X 2-3/4 IN', expected: { dimensions: ['69.8x60.3 mm'] } },
    { text: 'PACKING STRIP 1/2 IN X 5 YD', expected: { dimensions: ['4570x12.7 mm'] } },
    { text: 'CATHETER 3/4" LONG', expected: { length: ['19 mm'] } },
    { text: 'DRAPE 2X3X1IN', expected: { dimensions: ['76.2x50.8x25.4 mm'] } },
    { text: 'DRAPE 3X2IN', expected: { dimensions: ['76.2x50.8 mm'] } },
    {
      text: 'SPONGE GAUZE 4X4 12 PLY',
      expected: { dimensions: ['102x102 mm', '40x40 mm ±5/5', '4x4 mm ±0.5/0.5', '1220x102 mm', '3660x102 mm'] },
    },
    {
      text: 'PAPER EXAM TBL CREPE 18X125 WH',
      expected: { dimensions: ['3180x457 mm', '1250x180 mm ±5/5', '125x18 mm ±0.5/0.5', '38100x457 mm', '114000x457 mm'] },
    },
    // A size with a unit is read by the patterns that have one first: its span is not read again without.
    { text: 'DRSG FOAM 3X3IN', expected: { dimensions: ['76.2x76.2 mm'] } },
    { text: 'TUBING SUCTION 6FT', expected: { length: ['1830 mm'] } },
    { text: 'BLADE 3M 9660 CLIPPER', expected: {}, absent: ['length'] },
  ],
  strengthAndConcentration: [
    { text: 'HEPARIN 5000 UNIT/ML 1ML VIAL', expected: { volume: ['1 ml'] }, absent: ['concentration'] },
    { text: 'ONDANSETRON INJ 2MG/ML 2ML', expected: { concentration: ['2 mg/ml'], volume: ['2 ml'] }, absent: ['strength'] },
    { text: 'AMOXICILLIN SUSP 250MG/5ML', expected: { concentration: ['50 mg/ml'] }, absent: ['strength', 'volume'] },
    { text: 'FENTANYL 50 MCG/ML', expected: { concentration: ['0.05 mg/ml'] } },
    { text: 'CEFAZOLIN 1G VIAL', expected: { strength: ['1000 mg'] }, absent: ['gauge'] },
    { text: 'ACETAMINOPHEN 500 MG TABLET', expected: { strength: ['500 mg'] } },
    { text: 'CHLORHEXIDINE 2% 70% IPA', expected: { percent: ['2', '70'] } },
    { text: 'LIDOCAINE 1 % PF 5ML', expected: { percent: ['1'], volume: ['5 ml'] } },
  ],
  countPerPack: [
    { text: 'GLOVE EXAM NITRILE PF SM 100/BX', expected: { countPerPack: ['100'], size: ['S'], powder: ['powder-free'] } },
    { text: 'NITRILE EXAM GLOVE POWDER FREE SMALL 100 PER BOX', expected: { countPerPack: ['100'], size: ['S'], powder: ['powder-free'] } },
    { text: 'GLOVE EXAM BX/100 LG', expected: { countPerPack: ['100'], size: ['L'] } },
    { text: 'GAUZE SPONGE BOX OF 200', expected: { countPerPack: ['200'] } },
    { text: 'WIPES BLEACH CANISTER 150CT', expected: { countPerPack: ['150'] } },
    { text: 'SYRINGE 10ML 100EA/BX', expected: { countPerPack: ['100'], volume: ['10 ml'] } },
    { text: 'MASK PROCEDURE 50 / BOX', expected: { countPerPack: ['50'] } },
    { text: 'LABEL 2004 SHEET', expected: { year: ['2004'] }, absent: ['countPerPack'] },
    { text: 'WRAP SELF ADHER 2INX5YD TAN 36RL/CS', expected: { countPerPack: ['36'] } },
    { text: 'Bandage, Wrap, 24 Rolls/Case', expected: { countPerPack: ['24'] } },
    { text: 'ACETAMINOPHEN 325MG TAB 1K/BT', expected: { countPerPack: ['1000'], strength: ['325 mg'] } },
    { text: 'ASPIRIN 81MG TABLETS BOTTLE OF 120', expected: { countPerPack: ['120'] } },
  ],
  size: [
    { text: 'GLOVE EXAM NITRILE PF LG', expected: { size: ['L'], powder: ['powder-free'] } },
    { text: 'GLOVE EXAM NITRILE MEDIUM', expected: { size: ['M'] } },
    { text: 'GLOVE EXAM NITRILE X-LARGE', expected: { size: ['XL'] } },
    { text: 'GOWN ISOLATION XL', expected: { size: ['XL'] } },
    { text: 'Gown, Surgical, Extra Large', expected: { size: ['XL'] } },
    { text: 'GLOVE SURG PROTEXIS PI STERILE SZ 7.5', expected: { size: ['7.5'], sterility: ['sterile'] } },
    { text: 'GLOVE SURG BIOGEL 6.5 LATEX', expected: { size: ['6.5'], latex: ['latex'] } },
    { text: '7.5 SURGICAL GLOVE BIOGEL', expected: { size: ['7.5'] } },
    { text: 'GLOVE NITRILE 9.5IN CUFF 4 MIL LG', expected: { size: ['L'], length: ['241 mm'] } },
    { text: 'SCISSORS IRIS S/S 4.5IN', expected: { length: ['114 mm'] }, absent: ['size'] },
    { text: "MEN'S BRIEF", expected: {}, absent: ['size'] },
    { text: 'SUTURE VICRYL 0 CT-1 27IN', expected: { length: ['686 mm'] }, absent: ['size', 'sutureSize'] },
  ],
  flags: [
    { text: 'GLOVE EXAM NON-STERILE', expected: { sterility: ['non-sterile'] } },
    { text: 'GLOVE EXAM NONSTERILE', expected: { sterility: ['non-sterile'] } },
    { text: 'SPONGE GAUZE STRL 4X4', expected: { sterility: ['sterile'] } },
    // Chargemaster shorthand: NS = non-sterile, ST = sterile — but NS is normal saline in a fluid's text.
    { text: 'APPLICATOR COTTON TIP 6IN NS', expected: { sterility: ['non-sterile'] } },
    { text: 'HC SPONGE LAP 18X18 ST', expected: { sterility: ['sterile'] } },
    { text: 'NS 1000ML IV BAG', expected: { volume: ['1000 ml'] }, absent: ['sterility'] },
    { text: 'FLUSH NS 10ML PREFILLED', expected: { volume: ['10 ml'] }, absent: ['sterility'] },
    { text: 'CATHETER ST JUDE 6FR', expected: { french: ['6'] }, absent: ['sterility'] },
    { text: 'TOURNIQUET LF BLUE', expected: { latex: ['latex-free'] } },
    { text: 'CATHETER LATEX-FREE', expected: { latex: ['latex-free'] } },
    { text: 'Tourniquet, Latex Free', expected: { latex: ['latex-free'] } },
    { text: 'GLOVE SURG LATEX PWD 7', expected: { latex: ['latex'], powder: ['powdered'], size: ['7'] } },
    { text: 'GLOVE EXAM P/F', expected: { powder: ['powder-free'] } },
    { text: 'PREFILLED SYRINGE PFS 10ML', expected: { volume: ['10 ml'] }, absent: ['powder'] },
    { text: 'BRACE KNEE LEFT', expected: { laterality: ['left'] } },
    { text: 'Splint, Wrist, Right, Medium', expected: { laterality: ['right'], size: ['M'] } },
    { text: 'KNEE BRACE LIGHT BLUE', expected: {}, absent: ['laterality'] },
  ],
  editions: [
    { text: 'microsoft office 2007 standard', expected: { year: ['2007'] } },
    { text: 'adobe photoshop cs3 v10.0 windows', expected: { version: ['10.0'], platform: ['windows'] } },
    { text: 'quickbooks pro 2nd edition', expected: { version: ['2 edition'] } },
    // item-3.38.0: MAC 3 in a laryngoscope text is the blade type and size (read before the platform, which no longer sees it).
    { text: 'BLADE LARYNGOSCOPE MAC 3', expected: { laryngoscopeBlade: ['macintosh'], size: ['3'] }, absent: ['platform'] },
  ],
};

describe.each(Object.entries(TABLE))('%s', (_name, rows) => {
  test.each(rows)('$text', ({ text, expected, absent }) => {
    const found = read(text);
    for (const [attribute, values] of Object.entries(expected))
      expect(found[attribute], `${attribute} in ${JSON.stringify(found)}`).toEqual(values);
    for (const attribute of absent ?? []) expect(found[attribute], `${attribute} must not be read from "${text}"`).toBeUndefined();
  });
});

test('extraction is the same whatever the case and accents', () => {
  expect(read('Catheter IV Insyte 18g x 1.16in')).toEqual(read('CATHETER IV INSYTE 18G X 1.16IN'));
});
