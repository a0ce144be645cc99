import { present } from '../../server/invariant';
/**
 * The products behind the item seed: manufacturer, catalog number as the manufacturer prints it,
 * descriptions in each system's house style, classification and packaging. Catalog numbers follow
 * the manufacturers' real numbering styles; GTINs are synthetic (fictitious GS1 company prefixes).
 */

export interface Manufacturer {
  key: string;
  /** Name spellings seen across systems: ®/™, `, INC.` vs `Inc`, `CO., THE`, GmbH/Ltd/AG. */
  names: string[];
  lawsonCode: string;
  peoplesoftId: string;
  gs1Prefix: string;
  /** NDC labeler code for drug manufacturers. */
  labeler?: string;
}

export const MANUFACTURERS: Manufacturer[] = [
  { key: 'bd', names: ['Becton, Dickinson and Company', 'BECTON DICKINSON & CO', 'BD', 'Becton Dickinson®'], lawsonCode: 'BD', peoplesoftId: 'BECTONDICK', gs1Prefix: '0382911' },
  { key: 'medline', names: ['Medline Industries, LP', 'MEDLINE INDUSTRIES INC', 'MEDLINE', 'Medline Industries Inc.'], lawsonCode: 'MED', peoplesoftId: 'MEDLINE', gs1Prefix: '0800802' },
  { key: 'halyard', names: ['Halyard Health, Inc.', 'HALYARD HEALTH', 'O&M Halyard Inc', 'Kimberly-Clark®'], lawsonCode: 'HAL', peoplesoftId: 'HALYARD', gs1Prefix: '0680651' },
  { key: 'cardinal', names: ['Cardinal Health', 'CARDINAL HEALTH 200 LLC', 'Cardinal Health, Inc.'], lawsonCode: 'CAH', peoplesoftId: 'CARDINAL', gs1Prefix: '0508851' },
  { key: 'molnlycke', names: ['Mölnlycke Health Care', 'MOLNLYCKE HEALTH CARE US LLC', 'Mölnlycke Health Care AB', 'MOLNLYCKE'], lawsonCode: 'MOL', peoplesoftId: 'MOLNLYCKE', gs1Prefix: '0730851' },
  { key: 'ethicon', names: ['Ethicon, Inc.', 'ETHICON INC', 'Ethicon® Inc', 'ETHICON, INC.'], lawsonCode: 'ETH', peoplesoftId: 'ETHICON', gs1Prefix: '0705031' },
  { key: '3m', names: ['3M Company', '3M CO', '3M™ Health Care', 'COMPANY, THE 3M'], lawsonCode: '3M', peoplesoftId: '3M', gs1Prefix: '0707387' },
  { key: 'covidien', names: ['Covidien LP', 'COVIDIEN', 'Covidien (Medtronic)', 'KENDALL CO., THE'], lawsonCode: 'COV', peoplesoftId: 'COVIDIEN', gs1Prefix: '0108846' },
  { key: 'bard', names: ['C. R. Bard, Inc.', 'C R BARD INC', 'BARD MEDICAL DIVISION'], lawsonCode: 'BAR', peoplesoftId: 'CRBARD', gs1Prefix: '0801741' },
  { key: 'hartmann', names: ['Paul Hartmann AG', 'HARTMANN USA INC', 'HARTMANN GmbH', 'Hartmann Ltd'], lawsonCode: 'HAR', peoplesoftId: 'HARTMANN', gs1Prefix: '0403261' },
  { key: 'bbraun', names: ['B. Braun Medical Inc.', 'B BRAUN MEDICAL INC', 'B. Braun Melsungen AG'], lawsonCode: 'BBR', peoplesoftId: 'BBRAUN', gs1Prefix: '0405682' },
  { key: 'smithnephew', names: ['Smith & Nephew, Inc.', 'SMITH AND NEPHEW INC', 'Smith & Nephew Ltd'], lawsonCode: 'SN', peoplesoftId: 'SMITHNEPH', gs1Prefix: '0504009' },
  { key: 'teleflex', names: ['Teleflex Incorporated', 'TELEFLEX MEDICAL', 'Teleflex LLC'], lawsonCode: 'TFX', peoplesoftId: 'TELEFLEX', gs1Prefix: '0801902' },
  { key: 'clorox', names: ['The Clorox Company', 'CLOROX CO., THE', 'Clorox Healthcare'], lawsonCode: 'CLX', peoplesoftId: 'CLOROX', gs1Prefix: '0441560' },
  { key: 'stryker', names: ['Stryker Instruments', 'STRYKER CORP', 'Stryker Corporation'], lawsonCode: 'STR', peoplesoftId: 'STRYKER', gs1Prefix: '0761310' },
  { key: 'hospira', names: ['Hospira, Inc.', 'HOSPIRA INC', 'Hospira Worldwide'], lawsonCode: 'HOS', peoplesoftId: 'HOSPIRA', gs1Prefix: '0304090', labeler: '0409' },
  { key: 'fresenius', names: ['Fresenius Kabi USA, LLC', 'FRESENIUS KABI USA', 'Fresenius Kabi AG'], lawsonCode: 'FK', peoplesoftId: 'FRESENIUS', gs1Prefix: '0363323', labeler: '63323' },
  { key: 'mps', names: ['Medical Purchasing Solutions, LLC', 'MEDICAL PURCHASING SOLUTIONS LLC'], lawsonCode: 'MPS', peoplesoftId: 'MEDPURCH', gs1Prefix: '0371872', labeler: '71872' },
];

export interface Family {
  key: string;
  manufacturer: string;
  unspsc: string;
  /** Size labels and the manufacturer's catalog number for each. */
  sizes: Array<[size: string, catalog: string]>;
  peoplesoft: (size: string) => string;
  lawson: (size: string) => string;
  epic: (size: string) => string;
  /** Eaches per box and boxes per case. */
  box: number;
  caseBoxes: number;
  boxUom?: string;
  price: number;
  chargeable?: boolean;
  latexFree?: boolean;
  hazardous?: boolean;
  /** Drugs: NDC package code segments per size (labeler comes from the manufacturer). */
  ndc?: boolean;
}

export const FAMILIES: Family[] = [
  { key: 'syr', manufacturer: 'bd', unspsc: '42142523', box: 100, caseBoxes: 4, price: 0.11, latexFree: true,
    sizes: [['1', '309628'], ['3', '309657'], ['5', '309646'], ['10', '302995'], ['20', '302830'], ['30', '309650'], ['60', '309653']],
    peoplesoft: (s) => `SYRINGE ${s}ML LUER LOCK TIP W/O NEEDLE`, lawson: (s) => `SYRINGE LL ${s}ML`, epic: (s) => `Syringe, ${s} mL, Luer-Lok Tip` },
  { key: 'ndl', manufacturer: 'bd', unspsc: '42142502', box: 100, caseBoxes: 10, price: 0.07, latexFree: true,
    sizes: [['18G X 1-1/2', '305196'], ['20G X 1', '305175'], ['21G X 1', '305165'], ['22G X 1', '305155'], ['23G X 1', '305145'], ['25G X 5/8', '305122'], ['27G X 1/2', '305109']],
    peoplesoft: (s) => `NEEDLE HYPODERMIC PRECISIONGLIDE ${s}`, lawson: (s) => `NEEDLE HYPO ${s.replace(/ /g, '')}`, epic: (s) => `Needle, Hypodermic, PrecisionGlide, ${s.toLowerCase()} in` },
  { key: 'ivc', manufacturer: 'bd', unspsc: '42221501', box: 50, caseBoxes: 4, price: 1.42, latexFree: true,
    sizes: [['14G X 1.88', '381147'], ['16G X 1.16', '381144'], ['18G X 1.16', '381134'], ['20G X 1.00', '381123'], ['22G X 1.00', '381112'], ['24G X .75', '381312']],
    peoplesoft: (s) => `CATHETER IV INSYTE AUTOGUARD ${s}IN`, lawson: (s) => `CATH IV INSYTE ${s.split(' ')[0]}`, epic: (s) => `Catheter, IV, Insyte Autoguard, ${s} in` },
  { key: 'glvn', manufacturer: 'medline', unspsc: '42132203', box: 100, caseBoxes: 10, price: 0.06, latexFree: true,
    sizes: [['XS', 'MDS195284'], ['SM', 'MDS195285'], ['MED', 'MDS195286'], ['LG', 'MDS195287'], ['XL', 'MDS195288']],
    peoplesoft: (s) => `GLOVE EXAM NITRILE SENSICARE PF ${s}`, lawson: (s) => `GLOVE EXAM NITRILE ${s}`, epic: (s) => `Glove, Exam, Nitrile, SensiCare, Powder-Free, ${s}` },
  { key: 'glvp', manufacturer: 'halyard', unspsc: '42132203', box: 100, caseBoxes: 10, price: 0.08, latexFree: true,
    sizes: [['SM', '55081'], ['MED', '55082'], ['LG', '55083'], ['XL', '55084']],
    peoplesoft: (s) => `GLOVE EXAM PURPLE NITRILE ${s}`, lawson: (s) => `GLV PURPLE NITRILE ${s}`, epic: (s) => `Glove, Exam, Purple Nitrile, ${s}` },
  { key: 'glvs', manufacturer: 'cardinal', unspsc: '42132205', box: 50, caseBoxes: 4, boxUom: 'BX', price: 1.21, latexFree: true,
    sizes: [['6', '2D72N60X'], ['6.5', '2D72N65X'], ['7', '2D72N70X'], ['7.5', '2D72N75X'], ['8', '2D72N80X'], ['8.5', '2D72N85X']],
    peoplesoft: (s) => `GLOVE SURG PROTEXIS PI STERILE SZ ${s}`, lawson: (s) => `GLOVE SURG PROTEXIS ${s}`, epic: (s) => `Glove, Surgical, Protexis PI, Sterile, Size ${s}` },
  { key: 'biogel', manufacturer: 'molnlycke', unspsc: '42132205', box: 50, caseBoxes: 4, price: 1.65, latexFree: false,
    sizes: [['6.5', '30465'], ['7', '30470'], ['7.5', '30475'], ['8', '30480']],
    peoplesoft: (s) => `GLOVE SURG BIOGEL STERILE LATEX SZ ${s}`, lawson: (s) => `GLOVE BIOGEL ${s}`, epic: (s) => `Glove, Surgical, Biogel, Latex, Size ${s}` },
  { key: 'vicryl', manufacturer: 'ethicon', unspsc: '42312202', box: 36, caseBoxes: 1, price: 4.95, chargeable: true,
    sizes: [['0 CT-1', 'J340H'], ['2-0 CT-1', 'J339H'], ['3-0 SH', 'J316H'], ['4-0 RB-1', 'J304H']],
    peoplesoft: (s) => `SUTURE VICRYL ${s} 27IN UNDYED`, lawson: (s) => `SUT VICRYL ${s}`, epic: (s) => `Suture, Vicryl, ${s}, 27 in, Undyed` },
  { key: 'pds', manufacturer: 'ethicon', unspsc: '42312202', box: 36, caseBoxes: 1, price: 7.4, chargeable: true,
    sizes: [['1 CTX', 'Z880G'], ['2-0 SH', 'Z317H'], ['3-0 SH', 'Z316H']],
    peoplesoft: (s) => `SUTURE PDS II ${s} 27IN VIOLET`, lawson: (s) => `SUT PDS II ${s}`, epic: (s) => `Suture, PDS II, ${s}, Violet Monofilament` },
  { key: 'mepilex', manufacturer: 'molnlycke', unspsc: '42311511', box: 10, caseBoxes: 7, price: 3.1, chargeable: true,
    sizes: [['3X3', '295200'], ['4X4', '295300'], ['6X6', '295400'], ['6X8', '295600']],
    peoplesoft: (s) => `DRESSING FOAM MEPILEX BORDER ${s}IN`, lawson: (s) => `DRSG MEPILEX BORDER ${s}`, epic: (s) => `Dressing, Foam, Mepilex Border, ${s.replace('X', ' x ')} in` },
  { key: 'tegaderm', manufacturer: '3m', unspsc: '42311514', box: 100, caseBoxes: 4, price: 0.52,
    sizes: [['2-3/8X2-3/4', '1624W'], ['4X4-3/4', '1626W'], ['6X8', '1628']],
    peoplesoft: (s) => `DRESSING TRANSPARENT TEGADERM ${s}IN`, lawson: (s) => `DRSG TEGADERM ${s}`, epic: (s) => `Dressing, Transparent Film, Tegaderm, ${s} in` },
  { key: 'n95', manufacturer: '3m', unspsc: '42131713', box: 20, caseBoxes: 6, price: 1.15,
    sizes: [['REGULAR', '1860'], ['SMALL', '1860S'], ['AURA', '1870+']],
    peoplesoft: (s) => `RESPIRATOR N95 SURGICAL ${s}`, lawson: (s) => `MASK N95 ${s}`, epic: (s) => `Respirator, N95, Health Care, ${s}` },
  { key: 'gauze', manufacturer: 'covidien', unspsc: '42141501', box: 200, caseBoxes: 10, price: 0.03,
    sizes: [['2X2 8PLY', '2146'], ['3X3 12PLY', '2313'], ['4X4 12PLY', '2434']],
    peoplesoft: (s) => `SPONGE GAUZE CURITY ${s} NONSTERILE`, lawson: (s) => `SPONGE GAUZE ${s}`, epic: (s) => `Sponge, Gauze, Curity, ${s}, Non-Sterile` },
  { key: 'foley', manufacturer: 'bard', unspsc: '42142702', box: 10, caseBoxes: 1, price: 6.8, chargeable: true, latexFree: true,
    sizes: [['14FR', '0165SI14'], ['16FR', '0165SI16'], ['18FR', '0165SI18']],
    peoplesoft: (s) => `CATHETER FOLEY SILICONE ELASTOMER ${s} 5CC`, lawson: (s) => `CATH FOLEY ${s}`, epic: (s) => `Catheter, Foley, 2-Way, ${s}, 5 mL Balloon` },
  { key: 'zetuvit', manufacturer: 'hartmann', unspsc: '42311505', box: 10, caseBoxes: 10, price: 2.2,
    sizes: [['4X4', '413221'], ['4X8', '413222'], ['8X8', '413223']],
    peoplesoft: (s) => `DRESSING ABSORBENT ZETUVIT PLUS ${s}`, lawson: (s) => `DRSG ZETUVIT PLUS ${s}`, epic: (s) => `Dressing, Superabsorbent, Zetuvit Plus, ${s} in` },
  { key: 'introcan', manufacturer: 'bbraun', unspsc: '42221501', box: 50, caseBoxes: 4, price: 1.36, latexFree: true,
    sizes: [['18G', '4251679-02'], ['20G', '4251644-02'], ['22G', '4251628-02'], ['24G', '4251601-02']],
    peoplesoft: (s) => `CATHETER IV INTROCAN SAFETY ${s}`, lawson: (s) => `CATH IV INTROCAN ${s}`, epic: (s) => `Catheter, IV, Introcan Safety, ${s}` },
  { key: 'allevyn', manufacturer: 'smithnephew', unspsc: '42311511', box: 10, caseBoxes: 5, price: 4.6,
    sizes: [['4X4', '66800959'], ['6X6', '66800961']],
    peoplesoft: (s) => `DRESSING ALLEVYN GENTLE BORDER ${s}`, lawson: (s) => `DRSG ALLEVYN ${s}`, epic: (s) => `Dressing, Foam, Allevyn Gentle Border, ${s}` },
  { key: 'cvc', manufacturer: 'teleflex', unspsc: '42221509', box: 5, caseBoxes: 1, price: 84.0, chargeable: true,
    sizes: [['7FR 3-LUMEN', 'CS-24703-E'], ['7FR 2-LUMEN', 'CS-24702-E']],
    peoplesoft: (s) => `KIT CVC ARROW ${s} 20CM`, lawson: (s) => `KIT CVC ARROW ${s}`, epic: (s) => `Kit, Central Venous Catheter, Arrow, ${s}, 20 cm` },
  { key: 'wipes', manufacturer: 'clorox', unspsc: '47131819', box: 6, caseBoxes: 1, boxUom: 'CS', price: 7.1, hazardous: true,
    sizes: [['CANISTER 150CT', '35309'], ['CANISTER 70CT', '30577']],
    peoplesoft: (s) => `WIPE GERMICIDAL BLEACH ${s}`, lawson: (s) => `WIPES BLEACH ${s}`, epic: (s) => `Wipe, Germicidal Bleach, ${s}` },
  { key: 'neptune', manufacturer: 'stryker', unspsc: '42291613', box: 20, caseBoxes: 1, price: 9.3, hazardous: true,
    sizes: [['4-PORT', '0702-040-000'], ['2-PORT', '0702-020-000']],
    peoplesoft: (s) => `MANIFOLD NEPTUNE ${s}`, lawson: (s) => `MANIFOLD NEPTUNE ${s}`, epic: (s) => `Manifold, Neptune 3, ${s}` },
  { key: 'heparin', manufacturer: 'hospira', unspsc: '51171904', box: 25, caseBoxes: 4, price: 1.9, ndc: true,
    sizes: [['5000 UNIT/ML 1ML', '2720-01'], ['1000 UNIT/ML 10ML', '2721-02']],
    peoplesoft: (s) => `HEPARIN SODIUM INJ ${s} VIAL`, lawson: (s) => `HEPARIN ${s}`, epic: (s) => `Heparin Sodium Injection, ${s.toLowerCase()} Vial` },
  { key: 'saline', manufacturer: 'hospira', unspsc: '51191905', box: 25, caseBoxes: 8, price: 0.88, ndc: true,
    sizes: [['0.9% 10ML', '4888-10'], ['0.9% 20ML', '4888-20']],
    peoplesoft: (s) => `SODIUM CHLORIDE INJ ${s} VIAL`, lawson: (s) => `NACL ${s} VL`, epic: (s) => `Sodium Chloride 0.9%, ${present(s.split(' ')[1], "s.split(' ')[1]").toLowerCase()} Vial` },
  { key: 'ondansetron', manufacturer: 'fresenius', unspsc: '51181711', box: 25, caseBoxes: 4, price: 0.45, ndc: true,
    sizes: [['4MG/2ML', '373-02']],
    peoplesoft: (s) => `ONDANSETRON INJ ${s} VIAL`, lawson: (s) => `ONDANSETRON ${s}`, epic: (s) => `Ondansetron HCl Injection, ${s.toLowerCase()}` },
  { key: 'propofol', manufacturer: 'fresenius', unspsc: '51142001', box: 10, caseBoxes: 5, price: 3.2, ndc: true,
    sizes: [['200MG/20ML', '269-29'], ['500MG/50ML', '269-50']],
    peoplesoft: (s) => `PROPOFOL INJ EMULSION ${s}`, lawson: (s) => `DIPRIVAN/PROPOFOL ${s}`, epic: (s) => `Propofol Injectable Emulsion, ${s.toLowerCase()}` },
  { key: 'ketorolac', manufacturer: 'hospira', unspsc: '51142106', box: 25, caseBoxes: 4, price: 0.6, ndc: true,
    sizes: [['30MG/ML 1ML', '3795-01']],
    peoplesoft: (s) => `KETOROLAC TROMETHAMINE INJ ${s}`, lawson: (s) => `KETOROLAC ${s}`, epic: (s) => `Ketorolac Tromethamine Injection, ${s.toLowerCase()}` },
  // Repackager: the same molecule and strength under another labeler's NDC — a different item (hard negative).
  { key: 'ondansetron-mps', manufacturer: 'mps', unspsc: '51181711', box: 10, caseBoxes: 1, price: 1.75, ndc: true,
    sizes: [['4MG/2ML', '412-01']],
    peoplesoft: (s) => `ONDANSETRON INJ ${s} VIAL`, lawson: (s) => `ONDANSETRON ${s}`, epic: (s) => `Ondansetron HCl Injection, ${s.toLowerCase()}` },
  { key: 'ketorolac-mps', manufacturer: 'mps', unspsc: '51142106', box: 10, caseBoxes: 1, price: 1.2, ndc: true,
    sizes: [['30MG/ML 1ML', '388-10']],
    peoplesoft: (s) => `KETOROLAC TROMETHAMINE INJ ${s}`, lawson: (s) => `KETOROLAC ${s}`, epic: (s) => `Ketorolac Tromethamine Injection, ${s.toLowerCase()}` },
];
