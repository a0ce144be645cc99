/**
 * Hand-written item families for the evaluation corpus. Each family is a product line whose members
 * differ in ONE distinguishing attribute (`differs`); each member is a real-world product (one
 * entity); each record template is how one source system writes that product, in its own house style.
 * `{name}` placeholders are filled from the member's values, so sibling records of one source differ
 * only in the attribute (and in identifiers, when the source carries them).
 *
 * Conventions followed (see docs/MATCHING.md "Evaluation corpus"): Lawson ITEMMAST upper-case
 * abbreviated descriptions with MANUF_CODE / MANUF_NBR, PeopleSoft DESCR60 with MFG_ID / MFG_ITM_ID and
 * distributor ITM_ID_VNDR, SAP MAKTX (40 chars, EAN11 as GTIN-13 or UPC-12), Epic supply feeds
 * (HL7 MFN^M16 "Noun, modifier" style with manufacturer name and catalog number), charge-description
 * masters (CDM: "HC " prefix, description only), GPO contract catalogues (long descriptions, GTIN-14),
 * and web catalogues for non-medical titles. Catalog numbers are real-looking in each manufacturer's
 * numbering style; GTINs are built from fictitious company prefixes with correct GS1 check digits.
 */

export interface ItemTemplate {
  source: string;
  /** Description template. */
  d: string;
  /** Manufacturer name as this source writes it. */
  m?: string;
  /** Manufacturer part number template (`{part}` = the member's catalog number). */
  p?: string;
  /** Vendor (distributor) name and catalog number template. */
  vn?: string;
  vc?: string;
  /** GTIN written as 12 (UPC), 13 or 14 digits. */
  g?: 12 | 13 | 14;
  /** NDC written hyphenated 10-digit or as 11 digits without hyphens. */
  ndc?: 10 | 11;
  u?: string;
  /** Only for these members (keys). */
  only?: string[];
}

export interface ItemMember {
  key: string;
  v: Record<string, string>;
  part?: string;
  /** Item reference inside the family's GS1 company prefix (the GTIN is built from both). */
  ref?: string;
  /** NDC-10, hyphenated as the labeler prints it. */
  ndc?: string;
}

export interface ItemFamily {
  key: string;
  /** What tells the members apart (the hard-negative kind). */
  differs: string;
  gs1Prefix?: string;
  members: ItemMember[];
  records: ItemTemplate[];
}

export const ITEM_FAMILIES: ItemFamily[] = [
  {
    key: 'vicryl-sh',
    differs: 'suture size',
    gs1Prefix: '0705470',
    members: [
      { key: 'vicryl-2-0-sh', v: { s: '2-0', ps: '2/0' }, part: 'J417H', ref: '41700' },
      { key: 'vicryl-3-0-sh', v: { s: '3-0', ps: '3/0' }, part: 'J416H', ref: '41600' },
      { key: 'vicryl-4-0-sh', v: { s: '4-0', ps: '4/0' }, part: 'J415H', ref: '41500' },
    ],
    records: [
      { source: 'lawson', d: 'SUTURE VICRYL {s} SH 27IN UNDYED', m: 'ETHICON INC', p: '{part}', u: 'BX' },
      {
        source: 'peoplesoft',
        d: 'SUT VICRYL UNDY {s} SH 27" 36/BX',
        m: 'ETHICON',
        p: '{part}',
        vn: 'OWENS & MINOR',
        vc: 'ETH{part}',
        u: 'BX',
      },
      { source: 'cdm', d: 'HC SUTURE VICRYL {s} SH UNDYED' },
      { source: 'epic-supply', d: 'Suture, Vicryl Absorbable Undyed {ps} SH Taper 27 in', m: 'Johnson & Johnson', p: '{part}' },
      {
        source: 'gpo-catalog',
        d: 'VICRYL (polyglactin 910) Suture, Undyed, Size {s}, 27", SH 1/2 Circle Taper Point',
        m: 'Ethicon LLC',
        p: '{part}',
        g: 14,
        only: ['vicryl-3-0-sh', 'vicryl-4-0-sh'],
      },
      { source: 'sap', d: 'SUTURE VICRYL {s} SH 27IN UNDYED', m: 'ETHICON' },
    ],
  },
  {
    key: 'monocryl-ps2',
    differs: 'suture size',
    gs1Prefix: '0705470',
    members: [
      { key: 'monocryl-4-0-ps2', v: { s: '4-0' }, part: 'Y496G', ref: '49600' },
      { key: 'monocryl-5-0-ps2', v: { s: '5-0' }, part: 'Y493G', ref: '49300' },
    ],
    records: [
      { source: 'lawson', d: 'SUT MONOCRYL {s} PS-2 18IN UNDY', m: 'ETHICON', p: '{part}', u: 'BX' },
      { source: 'sap', d: 'SUTURE MONOCRYL {s} PS2 18" UNDYED', m: 'JOHNSON & JOHNSON', p: '{part}', g: 13, u: 'BX' },
      { source: 'cdm', d: 'HC SUT MONOCRYL {s} PS-2' },
      { source: 'epic-supply', d: 'Suture, Monocryl, {s}, PS-2 Cutting Needle, 18 in, Undyed', m: 'J&J', p: '{part}', g: 14 },
    ],
  },
  {
    key: 'prolene-bv1',
    differs: 'suture size',
    gs1Prefix: '0705470',
    members: [
      { key: 'prolene-6-0-bv1', v: { s: '6-0', n: '6' }, part: '8706H', ref: '70600' },
      { key: 'prolene-7-0-bv1', v: { s: '7-0', n: '7' }, part: '8702H', ref: '70200' },
    ],
    records: [
      { source: 'peoplesoft', d: 'SUTURE PROLENE {s} BV-1 DA 24IN BLUE', m: 'ETHICON INC.', p: '{part}', u: 'BX' },
      {
        source: 'epic-supply',
        d: 'Suture, Prolene Nonabsorbable Blue Monofilament {s} BV-1 Double Armed 24 in',
        m: 'Ethicon',
        p: '{part}',
        g: 14,
      },
      { source: 'cdm', d: 'HC SUTURE PROLENE {s} BV1' },
    ],
  },
  {
    key: 'insyte',
    differs: 'gauge',
    gs1Prefix: '0382906',
    members: [
      { key: 'insyte-18g', v: { g: '18', l: '1.16', ll: '1.16', c: 'GREEN' }, part: '381744', ref: '81744' },
      { key: 'insyte-20g', v: { g: '20', l: '1.16', ll: '1.16', c: 'PINK' }, part: '381734', ref: '81734' },
      { key: 'insyte-22g', v: { g: '22', l: '1', ll: '1.00', c: 'BLUE' }, part: '381723', ref: '81723' },
    ],
    records: [
      { source: 'lawson', d: 'CATHETER IV INSYTE {g}G X {l}IN', m: 'BD', p: '{part}', u: 'BX' },
      {
        source: 'peoplesoft',
        d: 'CATH IV INSYTE-W {g}GA X {l}" WINGED',
        m: 'BECTON DICKINSON',
        p: '{part}',
        vn: 'CARDINAL HEALTH',
        vc: '{part}',
        u: 'BX',
      },
      { source: 'sap', d: 'IV CATHETER INSYTE {g}GA {ll}IN {c}', m: 'BECTON DICKINSON & CO', p: '{part}', g: 12, u: 'BX' },
      { source: 'cdm', d: 'HC IV CATH INSYTE {g}G' },
      { source: 'epic-supply', d: 'Catheter, IV, Insyte, {g} gauge x {l} in', m: 'Becton, Dickinson and Company' },
      { source: 'gpo-catalog', d: 'CATHETER IV INSYTE {g}G X {l}IN', m: 'Becton Dickinson' },
    ],
  },
  {
    key: 'precisionglide',
    differs: 'gauge',
    gs1Prefix: '0382903',
    members: [
      { key: 'needle-25g-1in', v: { g: '25', l: '1', lm: '25MM' }, part: '305125', ref: '05125' },
      { key: 'needle-27g-1in', v: { g: '27', l: '1', lm: '25MM' }, part: '305136', ref: '05136' },
    ],
    records: [
      { source: 'lawson', d: 'NEEDLE HYPODERMIC {g}G X {l}IN', m: 'BD', p: '{part}', u: 'BX' },
      { source: 'peoplesoft', d: 'NEEDLE HYPODERMIC {g}G X {l}IN', m: 'Becton Dickinson', u: 'BX' },
      { source: 'sap', d: 'NDL HYPO PRECISIONGLIDE {g}GX{l}" 100/BX', m: 'BD MEDICAL', p: '{part}', g: 13, u: 'BX' },
      {
        source: 'epic-supply',
        d: 'Needle, Hypodermic, PrecisionGlide, {g} G x {l} in ({lm})',
        m: 'Becton, Dickinson and Company',
        p: '{part}',
      },
    ],
  },
  {
    key: 'precisionglide-length',
    differs: 'length',
    gs1Prefix: '0382903',
    members: [
      { key: 'needle-22g-1in', v: { l: '1', f: '1"' }, part: '305155', ref: '05155' },
      { key: 'needle-22g-1-5in', v: { l: '1-1/2', f: '1.5"' }, part: '305156', ref: '05156' },
    ],
    records: [
      { source: 'lawson', d: 'NEEDLE HYPO 22G X {l}IN', m: 'BECTON DICKINSON', p: '{part}', u: 'BX' },
      { source: 'cdm', d: 'HC NEEDLE 22G {f}' },
      {
        source: 'gpo-catalog',
        d: 'BD PrecisionGlide Hypodermic Needle 22 G x {l} in, Regular Bevel, 100/Box',
        m: 'BD',
        p: '{part}',
        g: 14,
      },
    ],
  },
  {
    key: 'luerlok-syringe',
    differs: 'volume',
    gs1Prefix: '0382903',
    members: [
      { key: 'syringe-3ml', v: { ml: '3', cc: '3' }, part: '309657', ref: '09657' },
      { key: 'syringe-10ml', v: { ml: '10', cc: '10' }, part: '302995', ref: '02995' },
      { key: 'syringe-20ml', v: { ml: '20', cc: '20' }, part: '302830', ref: '02830' },
    ],
    records: [
      { source: 'lawson', d: 'SYRINGE {ml}ML LUER LOCK', m: 'BD', p: '{part}', u: 'BX' },
      {
        source: 'peoplesoft',
        d: 'SYRINGE LUER-LOK TIP {cc} CC',
        m: 'BECTON DICKINSON',
        p: '{part}',
        vn: 'MEDLINE INDUSTRIES',
        vc: 'BD{part}',
        u: 'BX',
      },
      { source: 'cdm', d: 'HC SYRINGE {ml}ML LL' },
      { source: 'epic-supply', d: 'Syringe, {ml} mL, Luer-Lok Tip', m: 'BD', p: '{part}', g: 14 },
    ],
  },
  {
    key: 'purple-nitrile',
    differs: 'size',
    gs1Prefix: '0360708',
    members: [
      { key: 'glove-nitrile-sm', v: { s: 'SM', w: 'SMALL', e: 'Small' }, part: '55081', ref: '55081' },
      { key: 'glove-nitrile-md', v: { s: 'MED', w: 'MEDIUM', e: 'Medium' }, part: '55082', ref: '55082' },
      { key: 'glove-nitrile-lg', v: { s: 'LG', w: 'LARGE', e: 'Large' }, part: '55083', ref: '55083' },
      { key: 'glove-nitrile-xl', v: { s: 'XL', w: 'X-LARGE', e: 'X-Large' }, part: '55084', ref: '55084' },
    ],
    records: [
      { source: 'lawson', d: 'GLOVE EXAM NITRILE PF {s} 100/BX', m: 'HALYARD', p: '{part}', u: 'BX' },
      { source: 'peoplesoft', d: 'NITRILE EXAM GLOVE POWDER FREE {w} 100 PER BOX', m: 'O&M HALYARD INC', u: 'BX' },
      { source: 'sap', d: 'GLV EXAM PURPLE NITRILE PF {s} BX/100', m: 'HALYARD HEALTH', p: '{part}', g: 12, u: 'BX' },
      { source: 'epic-supply', d: 'Glove, Exam, Purple Nitrile, Powder-Free, {e}', m: 'Halyard Health, Inc.', p: '{part}', g: 14 },
      { source: 'cdm', d: 'HC GLOVE NITRILE EXAM {s}', only: ['glove-nitrile-md', 'glove-nitrile-lg'] },
    ],
  },
  {
    key: 'protexis-pi',
    differs: 'glove size',
    gs1Prefix: '0508851',
    members: [
      { key: 'protexis-6-5', v: { s: '6.5', c: '65' }, part: '2D72PT65', ref: '72651' },
      { key: 'protexis-7', v: { s: '7', c: '70' }, part: '2D72PT70', ref: '72701' },
      { key: 'protexis-7-5', v: { s: '7.5', c: '75' }, part: '2D72PT75', ref: '72751' },
      { key: 'protexis-8', v: { s: '8', c: '80' }, part: '2D72PT80', ref: '72801' },
    ],
    records: [
      { source: 'lawson', d: 'GLOVE SURG PROTEXIS PI SZ {s} STRL LF', m: 'CARDINAL HEALTH', p: '{part}', u: 'BX' },
      {
        source: 'peoplesoft',
        d: 'GLOVE SURGICAL POLYISOPRENE STERILE SIZE {s} LATEX FREE',
        m: 'Cardinal Health 200, LLC',
        p: '2D72-PT{c}',
        u: 'BX',
      },
      { source: 'epic-supply', d: 'Glove, Surgical, Protexis PI Classic, Size {s}, Sterile, Powder-Free', m: 'Cardinal', g: 14 },
      { source: 'cdm', d: 'HC GLOVE SURG STERILE {s}', only: ['protexis-7', 'protexis-7-5'] },
    ],
  },
  {
    key: 'curity-gauze',
    differs: 'dimension',
    gs1Prefix: '0108846',
    members: [
      { key: 'gauze-2x2-strl', v: { d: '2X2', w: '2 x 2', cm: '5 X 5CM' }, part: '2146', ref: '21460' },
      { key: 'gauze-4x4-strl', v: { d: '4X4', w: '4 x 4', cm: '10 X 10CM' }, part: '1806', ref: '18060' },
    ],
    records: [
      { source: 'lawson', d: 'SPONGE GAUZE {d}IN 12PLY STRL 2/PK', m: 'COVIDIEN', p: '{part}', u: 'PK' },
      { source: 'sap', d: 'GAUZE SPONGE CURITY {d}" 12PLY STERILE', m: 'MEDTRONIC', p: '{part}', g: 13, u: 'PK' },
      { source: 'epic-supply', d: 'Sponge, Gauze, Curity, {w} in ({cm}), 12-Ply, Sterile', m: 'Covidien LP', p: '{part}' },
      { source: 'cdm', d: 'HC GAUZE STERILE {d}' },
    ],
  },
  {
    key: 'curity-gauze-sterility',
    differs: 'sterility',
    gs1Prefix: '0108846',
    members: [
      {
        key: 'gauze-4x4-nonstrl',
        v: { st: 'NON-STERILE', ab: 'NS', e: 'Non-Sterile', pk: '200/PK', n: '200' },
        part: '2733',
        ref: '27330',
      },
      { key: 'gauze-4x4-strl-10', v: { st: 'STERILE', ab: 'STRL', e: 'Sterile', pk: '10/PK', n: '10' }, part: '1903', ref: '19030' },
    ],
    records: [
      { source: 'lawson', d: 'SPONGE GAUZE 4X4 12PLY {ab} {pk}', m: 'COVIDIEN', p: '{part}', u: 'PK' },
      { source: 'peoplesoft', d: 'GAUZE SPONGE 4" X 4" 12 PLY {st} {pk}', m: 'KENDALL', vn: 'CARDINAL HEALTH', vc: 'KEN{part}', u: 'PK' },
      { source: 'epic-supply', d: 'Sponge, Gauze, 4 in x 4 in, 12-Ply, {e}, {n} per Pack', m: 'Covidien' },
    ],
  },
  {
    key: 'bardex-foley',
    differs: 'french size',
    gs1Prefix: '0801741',
    members: [
      { key: 'foley-14fr', v: { f: '14' }, part: '0165V14S', ref: '16514' },
      { key: 'foley-16fr', v: { f: '16' }, part: '0165V16S', ref: '16516' },
      { key: 'foley-18fr', v: { f: '18' }, part: '0165V18S', ref: '16518' },
    ],
    records: [
      { source: 'lawson', d: 'CATHETER FOLEY {f}FR 5CC 2WAY SILICONE COATED', m: 'BARD', p: '{part}', u: 'EA' },
      { source: 'peoplesoft', d: 'CATH FOLEY BARDEX IC {f} FR 5ML BALLOON', m: 'C. R. BARD INC', p: '{part}', u: 'EA' },
      { source: 'sap', d: 'FOLEY CATH {f}F 5CC LUBRICATH', m: 'BD', p: '{part}', g: 12, u: 'EA' },
      { source: 'epic-supply', d: 'Catheter, Foley, Bardex I.C., 2-Way, {f} Fr, 5 mL Balloon', m: 'Bard Medical Division' },
      { source: 'cdm', d: 'HC CATH FOLEY {f}FR' },
    ],
  },
  {
    key: 'foley-latex',
    differs: 'latex',
    gs1Prefix: '0801741',
    members: [
      { key: 'foley-16fr-latex', v: { mat: 'LATEX', e: 'Latex' }, part: '0102L16', ref: '10216' },
      { key: 'foley-16fr-silicone', v: { mat: '100% SILICONE LATEX FREE', e: 'All-Silicone, Latex-Free' }, part: '0165SI16', ref: '16561' },
    ],
    records: [
      { source: 'lawson', d: 'CATH FOLEY 16FR 5CC {mat}', m: 'BARD', p: '{part}', u: 'EA' },
      { source: 'epic-supply', d: 'Catheter, Foley, 2-Way, 16 Fr, 5 mL, {e}', m: 'C.R. Bard' },
      { source: 'cdm', d: 'HC FOLEY CATH 16FR {mat}' },
    ],
  },
  {
    key: 'aami3-gown',
    differs: 'size',
    gs1Prefix: '0680651',
    members: [
      { key: 'gown-l', v: { s: 'L', w: 'LARGE', e: 'Large' }, part: '95121', ref: '95121' },
      { key: 'gown-xl', v: { s: 'XL', w: 'X-LARGE', e: 'X-Large' }, part: '95131', ref: '95131' },
      { key: 'gown-xxl', v: { s: 'XXL', w: 'XX-LARGE', e: '2X-Large' }, part: '95141', ref: '95141' },
    ],
    records: [
      { source: 'lawson', d: 'GOWN SURG AERO BLUE {s} STRL', m: 'HALYARD', p: '{part}', u: 'CS' },
      { source: 'peoplesoft', d: 'SURGICAL GOWN AERO BLUE PERFORMANCE {w} STERILE AAMI 3', m: 'OWENS & MINOR', p: '{part}', u: 'CS' },
      { source: 'epic-supply', d: 'Gown, Surgical, AERO BLUE Performance, {e}, Sterile', m: 'Halyard', p: '{part}', g: 14 },
      { source: 'cdm', d: 'HC GOWN SURGICAL {s}' },
    ],
  },
  {
    key: 'isolation-gown',
    differs: 'size',
    gs1Prefix: '0800802',
    members: [
      { key: 'iso-gown-reg', v: { s: 'REGULAR', e: 'Regular' }, part: 'NONLV300', ref: '30000' },
      { key: 'iso-gown-xl', v: { s: 'XL', e: 'X-Large' }, part: 'NONLV300XL', ref: '30010' },
    ],
    records: [
      { source: 'lawson', d: 'GOWN ISOLATION YELLOW {s} NS', m: 'MEDLINE', p: '{part}', u: 'CS' },
      { source: 'sap', d: 'ISOLATION GOWN FLUID RESIST. YELLOW {s}', m: 'MEDLINE INDUSTRIES LP', p: '{part}', g: 13, u: 'CS' },
      {
        source: 'epic-supply',
        d: 'Gown, Isolation, Fluid-Resistant, Yellow, {e}, Non-Sterile',
        m: 'Medline Industries, Inc.',
        p: '{part}',
      },
    ],
  },
  {
    key: 'ted-hose',
    differs: 'size',
    gs1Prefix: '0108846',
    members: [
      { key: 'ted-knee-md-reg', v: { s: 'MED', e: 'Medium' }, part: '7071', ref: '70710' },
      { key: 'ted-knee-lg-reg', v: { s: 'LG', e: 'Large' }, part: '7073', ref: '70730' },
    ],
    records: [
      { source: 'lawson', d: 'STOCKING T.E.D. KNEE {s} REG WHITE', m: 'COVIDIEN', p: '{part}', u: 'PR' },
      { source: 'peoplesoft', d: 'TED ANTI-EMBOLISM STOCKING KNEE LENGTH {s} REGULAR', m: 'CARDINAL HEALTH', p: '{part}', u: 'PR' },
      { source: 'epic-supply', d: 'Stocking, Anti-Embolism, T.E.D., Knee Length, {e}, Regular', m: 'Cardinal Health' },
    ],
  },
  {
    key: 'scalpel-blade',
    differs: 'blade size',
    gs1Prefix: '0382903',
    members: [
      { key: 'blade-10', v: { n: '10' }, part: '371110', ref: '71110' },
      { key: 'blade-11', v: { n: '11' }, part: '371111', ref: '71111' },
      { key: 'blade-15', v: { n: '15' }, part: '371115', ref: '71115' },
    ],
    records: [
      { source: 'lawson', d: 'BLADE SURGICAL #{n} SS STRL', m: 'BD', p: '{part}', u: 'BX' },
      { source: 'peoplesoft', d: 'BLADE SCALPEL BARD-PARKER SIZE {n} CARBON STEEL STERILE', m: 'ASPEN SURGICAL', p: '{part}', u: 'BX' },
      { source: 'cdm', d: 'HC BLADE SCALPEL NO {n}' },
      { source: 'epic-supply', d: 'Blade, Surgical, Bard-Parker, #{n}, Sterile', m: 'Aspen Surgical Products' },
    ],
  },
  {
    key: 'triathlon-femoral',
    differs: 'laterality',
    gs1Prefix: '0784830',
    members: [
      { key: 'femoral-cr-4-left', v: { side: 'LEFT', s: 'L', e: 'Left', n: '1' }, part: '5510-F-401', ref: '54011' },
      { key: 'femoral-cr-4-right', v: { side: 'RIGHT', s: 'R', e: 'Right', n: '2' }, part: '5510-F-402', ref: '54022' },
    ],
    records: [
      { source: 'lawson', d: 'FEMORAL COMP TRIATHLON CR SZ 4 {side}', m: 'STRYKER', p: '{part}', u: 'EA' },
      {
        source: 'peoplesoft',
        d: 'TRIATHLON CR FEMORAL COMPONENT CEMENTED #4 {s}',
        m: 'Howmedica Osteonics Corp',
        p: '5510F40{n}',
        u: 'EA',
      },
      { source: 'epic-supply', d: 'Implant, Knee, Femoral Component, Triathlon CR, Size 4, {e}', m: 'Stryker Orthopaedics', g: 14 },
      { source: 'cdm', d: 'HC IMPL KNEE FEM COMP {side}' },
    ],
  },
  {
    key: 'wrist-splint',
    differs: 'laterality',
    gs1Prefix: '0749756',
    members: [
      { key: 'wrist-splint-left-m', v: { side: 'LEFT', s: 'LT', e: 'Left' }, part: '8012-03', ref: '01203' },
      { key: 'wrist-splint-right-m', v: { side: 'RIGHT', s: 'RT', e: 'Right' }, part: '8013-03', ref: '01303' },
    ],
    records: [
      { source: 'lawson', d: 'SPLINT WRIST CARPAL TUNNEL MED {s}', m: 'DEROYAL', p: '{part}', u: 'EA' },
      { source: 'sap', d: 'WRIST SPLINT ELASTIC MEDIUM {side}', m: 'DEROYAL INDUSTRIES INC', p: '{part}', g: 12, u: 'EA' },
      { source: 'epic-supply', d: 'Splint, Wrist, Carpal Tunnel, Medium, {e}', m: 'DeRoyal Industries, Inc.' },
    ],
  },
  {
    key: 'nacl-flush',
    differs: 'volume',
    gs1Prefix: '0382907',
    members: [
      { key: 'flush-3ml', v: { ml: '3', f: '3ML IN 10ML' }, part: '306545', ref: '06545' },
      { key: 'flush-5ml', v: { ml: '5', f: '5ML IN 10ML' }, part: '306546', ref: '06546' },
      { key: 'flush-10ml', v: { ml: '10', f: '10ML IN 10ML' }, part: '306500', ref: '06500' },
    ],
    records: [
      { source: 'lawson', d: 'SYRINGE FLUSH NACL 0.9% {ml}ML', m: 'BD', p: '{part}', u: 'BX' },
      { source: 'peoplesoft', d: 'POSIFLUSH PREFILLED SALINE SYRINGE {f}', m: 'BECTON DICKINSON', p: '{part}', u: 'BX' },
      { source: 'cdm', d: 'HC FLUSH SALINE {ml}ML' },
      { source: 'epic-supply', d: 'Syringe, Flush, Sodium Chloride 0.9%, {ml} mL, PosiFlush', m: 'BD', p: '{part}', g: 14 },
    ],
  },
  {
    key: 'nacl-bag',
    differs: 'concentration',
    members: [
      { key: 'nacl-0-9-1000', v: { c: '0.9', w: '0.9%', h: 'NORMAL SALINE' }, ndc: '0338-0049-04' },
      { key: 'nacl-0-45-1000', v: { c: '0.45', w: '0.45%', h: 'HALF NORMAL SALINE' }, ndc: '0338-0043-04' },
    ],
    records: [
      { source: 'lawson', d: 'SODIUM CHLORIDE {c}% 1000ML BAG', m: 'BAXTER', ndc: 10, u: 'EA' },
      { source: 'peoplesoft', d: 'SOD CHLORIDE INJ USP {w} 1000 ML VIAFLEX', m: 'BAXTER HEALTHCARE CORP', u: 'EA' },
      { source: 'epic-supply', d: 'Sodium Chloride {w} Injection, 1,000 mL Bag ({h})', m: 'Baxter Healthcare Corporation', ndc: 11 },
      { source: 'cdm', d: 'HC NACL {w} 1000ML' },
    ],
  },
  {
    key: 'lidocaine-vial',
    differs: 'strength',
    members: [
      { key: 'lido-1pct-5ml', v: { c: '1', mg: '10', mg5: '50' }, ndc: '0409-4276-01' },
      { key: 'lido-2pct-5ml', v: { c: '2', mg: '20', mg5: '100' }, ndc: '0409-4282-01' },
    ],
    records: [
      { source: 'lawson', d: 'LIDOCAINE HCL {c}% 5ML AMP', m: 'HOSPIRA', ndc: 10, u: 'EA' },
      { source: 'sap', d: 'LIDOCAINE {mg}MG/ML INJ 5ML AMPUL', m: 'PFIZER', u: 'EA' },
      { source: 'epic-supply', d: 'Lidocaine HCl {c}% ({mg5} mg/5 mL) Injection Ampule', m: 'Hospira, Inc.', ndc: 11 },
      { source: 'cdm', d: 'HC LIDOCAINE {c}% 5ML INJ' },
    ],
  },
  {
    key: 'heparin-vial',
    differs: 'strength',
    members: [
      { key: 'heparin-1000u', v: { u: '1,000', n: '1000', k: '1K' }, ndc: '63323-540-11' },
      { key: 'heparin-5000u', v: { u: '5,000', n: '5000', k: '5K' }, ndc: '63323-047-01' },
    ],
    records: [
      { source: 'lawson', d: 'HEPARIN SOD {n} UNIT/ML 1ML VL', m: 'FRESENIUS KABI', ndc: 10, u: 'EA' },
      { source: 'peoplesoft', d: 'HEPARIN SODIUM INJ {u} UNITS/ML 1 ML SDV', m: 'FRESENIUS KABI USA LLC', u: 'EA' },
      { source: 'epic-supply', d: 'Heparin Sodium (Porcine) {u} unit/mL Injection Vial', m: 'Fresenius Kabi USA, LLC', ndc: 11 },
      { source: 'cdm', d: 'HC HEPARIN {k} UNIT/ML INJ' },
    ],
  },
  {
    key: 'ondansetron-vial',
    differs: 'volume',
    members: [
      { key: 'ondansetron-2ml', v: { ml: '2', mg: '4' }, ndc: '0641-6078-25' },
      { key: 'ondansetron-20ml', v: { ml: '20', mg: '40' }, ndc: '0641-6079-01' },
    ],
    records: [
      { source: 'lawson', d: 'ONDANSETRON 2MG/ML {ml}ML VIAL', m: 'HIKMA', ndc: 10, u: 'EA' },
      { source: 'peoplesoft', d: 'ONDANSETRON HCL INJ 2 MG/ML {ml} ML VIAL', m: 'WEST-WARD PHARMACEUTICALS', u: 'EA' },
      { source: 'epic-supply', d: 'Ondansetron HCl {mg} mg/{ml} mL Injection Vial', m: 'Hikma Pharmaceuticals USA Inc.', ndc: 11 },
    ],
  },
  {
    key: 'morphine-syringe',
    differs: 'strength',
    members: [
      { key: 'morphine-2mg', v: { mg: '2', w: 'TWO' }, ndc: '0409-1890-01' },
      { key: 'morphine-4mg', v: { mg: '4', w: 'FOUR' }, ndc: '0409-1891-01' },
    ],
    records: [
      { source: 'lawson', d: 'MORPHINE SULF {mg}MG/ML 1ML CARPUJECT', m: 'HOSPIRA', ndc: 10, u: 'EA' },
      { source: 'sap', d: 'MORPHINE SULFATE INJ {mg} MG/ML 1ML SYR', m: 'PFIZER INC', u: 'EA' },
      { source: 'cdm', d: 'HC MORPHINE {mg}MG INJ' },
    ],
  },
  {
    key: 'dextrose-bag',
    differs: 'volume',
    members: [
      { key: 'd5w-250', v: { ml: '250', w: '250' }, ndc: '0338-0017-02' },
      { key: 'd5w-500', v: { ml: '500', w: '500' }, ndc: '0338-0017-03' },
      { key: 'd5w-1000', v: { ml: '1000', w: '1,000' }, ndc: '0338-0017-04' },
    ],
    records: [
      { source: 'lawson', d: 'DEXTROSE 5% WATER {ml}ML', m: 'BAXTER', ndc: 10, u: 'EA' },
      { source: 'peoplesoft', d: 'D5W INJ USP {ml} ML VIAFLEX BAG', m: 'Baxter Healthcare', u: 'EA' },
      { source: 'epic-supply', d: 'Dextrose 5% in Water Injection, {w} mL Bag', m: 'Baxter', ndc: 11 },
      { source: 'cdm', d: 'HC D5W {ml}ML IV' },
    ],
  },
  {
    key: 'band-aid-count',
    differs: 'count',
    gs1Prefix: '0381370',
    members: [
      { key: 'bandage-1x3-100', v: { n: '100', b: 'BX/100' }, part: '5635', ref: '05635' },
      { key: 'bandage-1x3-50', v: { n: '50', b: 'BX/50' }, part: '4444', ref: '04444' },
    ],
    records: [
      { source: 'lawson', d: 'BANDAGE ADHESIVE 1X3IN {n}/BX', m: 'J&J', p: '{part}', u: 'BX' },
      { source: 'sap', d: 'BAND-AID SHEER STRIP 1"X3" {b}', m: 'JOHNSON & JOHNSON CONSUMER', p: '{part}', g: 12, u: 'BX' },
      { source: 'epic-supply', d: 'Bandage, Adhesive, Sheer, 1 in x 3 in, {n} per box', m: 'Johnson & Johnson', g: 14 },
    ],
  },
  {
    key: 'vacutainer-count',
    differs: 'count',
    gs1Prefix: '0382903',
    members: [
      { key: 'tube-edta-4ml-100', v: { n: '100', u: 'BX', e: 'Box of 100' }, part: '367861', ref: '67861' },
      { key: 'tube-edta-4ml-1000', v: { n: '1000', u: 'CS', e: 'Case of 1000' }, part: '367861C', ref: '67862' },
    ],
    records: [
      { source: 'lawson', d: 'TUBE BLOOD 4ML LAV EDTA {n}/{u}', m: 'BD', p: '{part}', u: '{u}' },
      { source: 'peoplesoft', d: 'VACUTAINER K2EDTA LAVENDER 13X75 4.0ML {u}/{n}', m: 'BECTON DICKINSON', u: '{u}' },
      { source: 'epic-supply', d: 'Tube, Blood Collection, Vacutainer K2 EDTA Lavender 4 mL, {e}', m: 'BD' },
    ],
  },
  {
    key: 'applicator-sterility',
    differs: 'sterility',
    gs1Prefix: '0800802',
    members: [
      { key: 'applicator-6in-strl', v: { st: 'STERILE 2/PK', ab: 'STRL', e: 'Sterile, 2 per Pack' }, part: 'MDS202000', ref: '20200' },
      {
        key: 'applicator-6in-ns',
        v: { st: 'NON-STERILE 1000/BX', ab: 'NS', e: 'Non-Sterile, 1000 per Box' },
        part: 'MDS202095',
        ref: '20295',
      },
    ],
    records: [
      { source: 'lawson', d: 'APPLICATOR COTTON TIP 6IN {ab}', m: 'MEDLINE', p: '{part}', u: 'BX' },
      { source: 'peoplesoft', d: 'COTTON TIPPED APPLICATOR WOOD 6" {st}', m: 'MEDLINE INDUSTRIES INC', u: 'BX' },
      { source: 'epic-supply', d: 'Applicator, Cotton-Tipped, Wood Shaft, 6 in, {e}', m: 'Medline', g: 14 },
    ],
  },
  {
    key: 'or-towel-sterility',
    differs: 'sterility',
    gs1Prefix: '0800802',
    members: [
      { key: 'or-towel-strl', v: { st: 'STERILE', ab: 'STRL', pk: '4/PK' }, part: 'MDT2168204', ref: '68204' },
      { key: 'or-towel-ns', v: { st: 'NON-STERILE', ab: 'NS', pk: '80/CS' }, part: 'MDT2168284', ref: '68284' },
    ],
    records: [
      { source: 'lawson', d: 'TOWEL OR BLUE 17X26 {ab} {pk}', m: 'MEDLINE', p: '{part}', u: 'CS' },
      { source: 'sap', d: 'OR TOWEL BLUE 17"X26" {st}', m: 'MEDLINE IND', p: '{part}', g: 13, u: 'CS' },
      { source: 'cdm', d: 'HC TOWEL OR {st}' },
    ],
  },
  {
    key: 'tourniquet-latex',
    differs: 'latex',
    gs1Prefix: '0800802',
    members: [
      { key: 'tourniquet-latex', v: { l: 'LATEX', e: 'Latex' }, part: 'DYND13621', ref: '13621' },
      { key: 'tourniquet-lf', v: { l: 'LATEX FREE', e: 'Latex-Free' }, part: 'DYND13620', ref: '13620' },
    ],
    records: [
      { source: 'lawson', d: 'TOURNIQUET 1X18IN {l} BLUE', m: 'MEDLINE', p: '{part}', u: 'BX' },
      { source: 'epic-supply', d: 'Tourniquet, Single-Use, 1 in x 18 in, Blue, {e}', m: 'Medline Industries', p: '{part}' },
      { source: 'cdm', d: 'HC TOURNIQUET {l}' },
    ],
  },
  {
    key: 'biogel-latex',
    differs: 'latex',
    gs1Prefix: '0507096',
    members: [
      { key: 'biogel-7-latex', v: { l: 'LATEX', e: 'Natural Rubber Latex', n: '30470' }, part: '30470', ref: '30470' },
      { key: 'biogel-7-pi', v: { l: 'PI LATEX FREE', e: 'Polyisoprene, Latex-Free', n: '40870' }, part: '40870', ref: '40870' },
    ],
    records: [
      { source: 'lawson', d: 'GLOVE SURG BIOGEL {l} SZ 7', m: 'MOLNLYCKE', p: '{part}', u: 'BX' },
      { source: 'peoplesoft', d: 'BIOGEL SURGICAL GLOVE SIZE 7.0 {l} STERILE', m: 'MOLNLYCKE HEALTH CARE US LLC', u: 'BX' },
      { source: 'epic-supply', d: 'Glove, Surgical, Biogel, {e}, Size 7', m: 'Mölnlycke Health Care', g: 14 },
    ],
  },
  {
    key: 'extension-set',
    differs: 'length',
    gs1Prefix: '0885403',
    members: [
      { key: 'ext-set-7in', v: { l: '7', cm: '18' }, part: 'MP9253', ref: '92537' },
      { key: 'ext-set-30in', v: { l: '30', cm: '76' }, part: 'MP9255', ref: '92555' },
    ],
    records: [
      { source: 'lawson', d: 'EXTENSION SET IV {l}IN MICROBORE', m: 'CAREFUSION', p: '{part}', u: 'EA' },
      { source: 'sap', d: 'IV EXT SET MICROBORE {l}" W/CLAMP', m: 'BD CAREFUSION', p: '{part}', g: 12, u: 'EA' },
      { source: 'epic-supply', d: 'Set, IV Extension, MicroClave, Microbore, {l} in ({cm} cm)', m: 'ICU Medical' },
    ],
  },
  {
    key: 'kerlix-roll',
    differs: 'dimension',
    gs1Prefix: '0108846',
    members: [
      { key: 'kerlix-4-5in', v: { w: '4.5', yd: '4.1', d: '4.5INX4.1YD' }, part: '6715', ref: '67150' },
      { key: 'kerlix-3-4in', v: { w: '3.4', yd: '3.6', d: '3.4INX3.6YD' }, part: '6720', ref: '67200' },
    ],
    records: [
      { source: 'lawson', d: 'BANDAGE ROLL KERLIX {d} STRL', m: 'COVIDIEN', p: '{part}', u: 'EA' },
      { source: 'peoplesoft', d: 'KERLIX GAUZE BANDAGE ROLL {w}" X {yd} YD STERILE', m: 'CARDINAL HEALTH', u: 'EA' },
      { source: 'cdm', d: 'HC KERLIX ROLL {w}IN' },
    ],
  },
  {
    key: 'ett-cuffed',
    differs: 'size',
    gs1Prefix: '0108846',
    members: [
      { key: 'ett-7-0', v: { s: '7.0', n: '70' }, part: '86449', ref: '86449' },
      { key: 'ett-7-5', v: { s: '7.5', n: '75' }, part: '86450', ref: '86450' },
      { key: 'ett-8-0', v: { s: '8.0', n: '80' }, part: '86451', ref: '86451' },
    ],
    records: [
      { source: 'lawson', d: 'TUBE ENDOTRACH CUFFED {s}MM', m: 'COVIDIEN', p: '{part}', u: 'EA' },
      { source: 'peoplesoft', d: 'ENDOTRACHEAL TUBE HI-LO CUFFED ID {s} MM', m: 'MALLINCKRODT', p: '{part}', u: 'EA' },
      { source: 'epic-supply', d: 'Tube, Endotracheal, Hi-Lo, Cuffed, {s} mm ID', m: 'Medtronic', g: 14 },
      { source: 'cdm', d: 'HC ET TUBE {s} CUFFED' },
    ],
  },
  {
    key: 'tegaderm',
    differs: 'dimension',
    gs1Prefix: '0707387',
    members: [
      { key: 'tegaderm-2-3-8', v: { d: '2-3/8X2-3/4', cm: '6CM X 7CM', x: '2.375 x 2.75' }, part: '1624W', ref: '16240' },
      { key: 'tegaderm-4x4-3-4', v: { d: '4X4-3/4', cm: '10CM X 12CM', x: '4 x 4.75' }, part: '1626W', ref: '16260' },
    ],
    records: [
      { source: 'lawson', d: 'DRESSING TEGADERM {d}IN', m: '3M', p: '{part}', u: 'BX' },
      { source: 'sap', d: 'TEGADERM TRANSPARENT FILM {cm}', m: '3M COMPANY', p: '{part}', g: 13, u: 'BX' },
      { source: 'epic-supply', d: 'Dressing, Transparent Film, Tegaderm, {x} in', m: 'Solventum', p: '{part}' },
      { source: 'cdm', d: 'HC DRSG TEGADERM {d}' },
    ],
  },
  {
    key: 'drape-size',
    differs: 'dimension',
    gs1Prefix: '0707387',
    members: [
      { key: 'ioban-13x13', v: { d: '13X13', a: '34CM X 35CM', i: '13 x 13' }, part: '6640EZ', ref: '66400' },
      { key: 'ioban-23x17', v: { d: '23X17', a: '60CM X 45CM', i: '23 x 17' }, part: '6650EZ', ref: '66500' },
    ],
    records: [
      { source: 'lawson', d: 'DRAPE INCISE IOBAN 2 {d}IN', m: '3M', p: '{part}', u: 'BX' },
      { source: 'peoplesoft', d: 'IOBAN 2 ANTIMICROBIAL INCISE DRAPE {a}', m: '3M HEALTH CARE', p: '{part}', u: 'BX' },
      { source: 'epic-supply', d: 'Drape, Incise, Ioban 2 Antimicrobial, {i} in', m: '3M' },
    ],
  },
  {
    key: 'cortical-screw',
    differs: 'length',
    gs1Prefix: '0886982',
    members: [
      { key: 'screw-3-5-14', v: { l: '14', pn: '204814' }, part: '204.814', ref: '04814' },
      { key: 'screw-3-5-16', v: { l: '16', pn: '204816' }, part: '204.816', ref: '04816' },
      { key: 'screw-3-5-18', v: { l: '18', pn: '204818' }, part: '204.818', ref: '04818' },
    ],
    records: [
      { source: 'lawson', d: 'SCREW CORTEX 3.5MM X {l}MM SS', m: 'SYNTHES', p: '{part}', u: 'EA' },
      { source: 'peoplesoft', d: 'CORTEX SCREW SELF-TAPPING 3.5 MM DIA {l} MM LENGTH STAINLESS', m: 'DEPUY SYNTHES', p: '{pn}', u: 'EA' },
      { source: 'epic-supply', d: 'Screw, Cortex, Self-Tapping, 3.5 mm x {l} mm, Stainless Steel', m: 'DePuy Synthes', g: 14 },
    ],
  },
  {
    key: 'microsoft-2004-mac',
    differs: 'product',
    gs1Prefix: '0885370',
    members: [
      { key: 'word-2004-mac', v: { p: 'Word', up: 'WORD', l: 'word' }, part: 'D48-00448', ref: '04480' },
      { key: 'powerpoint-2004-mac', v: { p: 'PowerPoint', up: 'POWERPOINT', l: 'powerpoint' }, part: 'D47-00390', ref: '03900' },
    ],
    records: [
      { source: 'web-catalog', d: 'microsoft {l} 2004 (mac)', m: 'microsoft' },
      { source: 'web-catalog-b', d: 'Microsoft {p} 2004 for Mac - full version', m: 'Microsoft Corporation', p: '{part}' },
      { source: 'sap', d: 'MS {up} 2004 MAC RETAIL', m: 'MICROSOFT CORP', p: '{part}', g: 12, u: 'EA' },
    ],
  },
  {
    key: 'office-edition-year',
    differs: 'edition/year',
    gs1Prefix: '0885370',
    members: [
      { key: 'office-std-2007', v: { y: '2007', yy: '07' }, part: '021-07783', ref: '07783' },
      { key: 'office-std-2010', v: { y: '2010', yy: '10' }, part: '021-09914', ref: '09914' },
    ],
    records: [
      { source: 'web-catalog', d: 'microsoft office standard {y} (win) upgrade', m: 'microsoft' },
      { source: 'web-catalog-b', d: 'Microsoft Office Standard {y} Upgrade, Windows', m: 'Microsoft', p: '{part}' },
      { source: 'sap', d: 'MS OFFICE STD {y} UPG WIN', m: 'MICROSOFT CORP', p: '{part}', g: 12, u: 'EA' },
    ],
  },
  {
    key: 'photoshop-version',
    differs: 'edition/year',
    gs1Prefix: '0883919',
    members: [
      { key: 'photoshop-cs3', v: { v: 'CS3', n: '10' }, part: '13102488', ref: '02488' },
      { key: 'photoshop-cs4', v: { v: 'CS4', n: '11' }, part: '65015670', ref: '15670' },
    ],
    records: [
      { source: 'web-catalog', d: 'adobe photoshop {v} (mac)', m: 'adobe' },
      { source: 'web-catalog-b', d: 'Adobe Photoshop {v} - Mac OS X - Full Version (v{n})', m: 'Adobe Systems Inc.', p: '{part}' },
      { source: 'sap', d: 'ADOBE PHOTOSHOP {v} MAC', m: 'ADOBE SYSTEMS', p: '{part}', g: 13, u: 'EA' },
    ],
  },
  {
    key: 'vista-edition',
    differs: 'edition/year',
    gs1Prefix: '0885370',
    members: [
      { key: 'vista-home-premium', v: { e: 'Home Premium', u: 'HOME PREM', l: 'home premium' }, part: '66I-00795', ref: '00795' },
      { key: 'vista-ultimate', v: { e: 'Ultimate', u: 'ULTIMATE', l: 'ultimate' }, part: '66R-00805', ref: '00805' },
    ],
    records: [
      { source: 'web-catalog', d: 'microsoft windows vista {l} upgrade dvd', m: 'microsoft' },
      { source: 'web-catalog-b', d: 'Microsoft Windows Vista {e} Upgrade (DVD)', m: 'Microsoft Corp.', p: '{part}' },
      { source: 'sap', d: 'MS WIN VISTA {u} UPG DVD', m: 'MICROSOFT', p: '{part}', g: 12, u: 'EA' },
    ],
  },
  {
    key: 'norton-year',
    differs: 'edition/year',
    gs1Prefix: '0037648',
    members: [
      { key: 'norton-av-2008', v: { y: '2008' }, part: '20104347', ref: '04347' },
      { key: 'norton-av-2009', v: { y: '2009' }, part: '20123480', ref: '23480' },
    ],
    records: [
      { source: 'web-catalog', d: 'norton antivirus {y} 1 user', m: 'symantec' },
      { source: 'web-catalog-b', d: 'Symantec Norton AntiVirus {y} - 1 User (PC)', m: 'Symantec Corp.', p: '{part}' },
    ],
  },
  {
    key: 'sony-turntable',
    differs: 'model',
    gs1Prefix: '0027242',
    members: [
      { key: 'sony-pslx350h', v: { m: 'PSLX350H', h: 'PS-LX350H' }, part: 'PSLX350H', ref: '69150' },
      { key: 'sony-pslx250h', v: { m: 'PSLX250H', h: 'PS-LX250H' }, part: 'PSLX250H', ref: '69140' },
    ],
    records: [
      { source: 'web-catalog', d: 'sony {m} belt-drive turntable', m: 'sony' },
      { source: 'web-catalog-b', d: 'Sony {h} Belt Drive Stereo Turntable, Black', m: 'Sony Electronics Inc.' },
      { source: 'sap', d: 'SONY TURNTABLE {h} BELT DRIVE', m: 'SONY', p: '{part}', g: 12, u: 'EA' },
    ],
  },
  {
    key: 'ipod-capacity',
    differs: 'capacity',
    gs1Prefix: '0885909',
    members: [
      { key: 'ipod-nano-4gb', v: { c: '4', part: 'MA477LL/A' }, part: 'MA477LL/A', ref: '07701' },
      { key: 'ipod-nano-8gb', v: { c: '8', part: 'MA497LL/A' }, part: 'MA497LL/A', ref: '09701' },
    ],
    records: [
      { source: 'web-catalog', d: 'apple ipod nano {c}gb black (2nd generation)', m: 'apple' },
      { source: 'web-catalog-b', d: 'Apple iPod nano 2G {c} GB - Black - {part}', m: 'Apple Computer' },
      { source: 'sap', d: 'APPLE IPOD NANO {c}GB BLK 2ND GEN', m: 'APPLE INC', p: '{part}', g: 12, u: 'EA' },
    ],
  },
];

/** Single products (no sibling in the corpus) written differently: true duplicates only. */
export const ITEM_SINGLES: ItemFamily[] = [
  {
    key: 'chloraprep',
    differs: '',
    gs1Prefix: '0382904',
    members: [{ key: 'chloraprep-26ml', v: {}, part: '260815', ref: '60815' }],
    records: [
      { source: 'lawson', d: 'CHLORAPREP 26ML HI-LITE ORANGE', m: 'BD', p: '{part}', u: 'EA' },
      { source: 'peoplesoft', d: 'APPLICATOR SKIN PREP CHG 2%/IPA 70% 26 ML TINTED', m: 'CAREFUSION', p: '260-815', u: 'EA' },
      { source: 'epic-supply', d: 'ChloraPrep One-Step Applicator, Hi-Lite Orange, 26 mL', m: 'Becton Dickinson', g: 14 },
    ],
  },
  {
    key: 'ekg-electrode',
    differs: '',
    gs1Prefix: '0108846',
    members: [{ key: 'electrode-foam-30', v: {}, part: '31050522', ref: '50522' }],
    records: [
      { source: 'lawson', d: 'ELECTRODE ECG FOAM ADULT 30/PK', m: 'KENDALL', p: '{part}', u: 'PK' },
      { source: 'sap', d: 'ECG ELECTRODE KENDALL 530 FOAM PK/30', m: 'CARDINAL HEALTH', p: '31050522', g: 13, u: 'PK' },
      { source: 'cdm', d: 'HC ELECTRODE EKG FOAM' },
    ],
  },
  {
    key: 'suction-canister',
    differs: '',
    gs1Prefix: '0800802',
    members: [{ key: 'canister-1500', v: {}, part: 'DYND41500', ref: '41500' }],
    records: [
      { source: 'lawson', d: 'CANISTER SUCTION 1500CC W/LID', m: 'MEDLINE', p: '{part}', u: 'CS' },
      { source: 'peoplesoft', d: 'SUCTION CANISTER 1500 ML WITH LID', m: 'Medline Industries, LP', p: 'DYND-41500', u: 'CS' },
      { source: 'epic-supply', d: 'Canister, Suction, Rigid, 1,500 mL, with Lid', m: 'MEDLINE INDUSTRIES INC', g: 14 },
    ],
  },
  {
    key: 'bair-hugger',
    differs: '',
    gs1Prefix: '0707387',
    members: [{ key: 'bair-hugger-upper', v: {}, part: '52200', ref: '52200' }],
    records: [
      { source: 'lawson', d: 'BLANKET WARMING UPPER BODY BAIR HUGGER', m: '3M', p: '{part}', u: 'CS' },
      { source: 'sap', d: 'BAIR HUGGER UPPER BODY BLANKET MODEL 522', m: '3M HEALTH CARE', p: '52200', g: 12, u: 'CS' },
    ],
  },
  {
    key: 'ace-bandage',
    differs: '',
    gs1Prefix: '0051131',
    members: [{ key: 'ace-4in', v: {}, part: '207604', ref: '07604' }],
    records: [
      { source: 'lawson', d: 'BANDAGE ELASTIC ACE 4IN X 5YD', m: '3M', p: '{part}', u: 'EA' },
      { source: 'peoplesoft', d: 'ACE ELASTIC BANDAGE W/ CLIPS 4" X 5 YD', m: '3M COMPANY', p: '207604', u: 'EA' },
      { source: 'cdm', d: 'HC BANDAGE ACE 4IN' },
    ],
  },
  {
    key: 'sharps-container',
    differs: '',
    gs1Prefix: '0108846',
    members: [{ key: 'sharps-2gal', v: {}, part: '8970', ref: '89700' }],
    records: [
      { source: 'lawson', d: 'CONTAINER SHARPS 2GAL RED', m: 'COVIDIEN', p: '{part}', u: 'EA' },
      { source: 'peoplesoft', d: 'SHARPS CONTAINER 2 GALLON RED PP', m: 'Cardinal Health', p: '8970', u: 'EA' },
      { source: 'epic-supply', d: 'Container, Sharps, 2 gal, Red', m: 'Covidien (Medtronic)', g: 14 },
    ],
  },
  {
    key: 'acetaminophen-tab',
    differs: '',
    members: [{ key: 'apap-325-tab', v: {}, ndc: '0904-6720-61' }],
    records: [
      { source: 'lawson', d: 'ACETAMINOPHEN 325MG TAB UD', m: 'MAJOR PHARMACEUTICALS', ndc: 10, u: 'EA' },
      { source: 'epic-supply', d: 'Acetaminophen 325 mg Tablet, Unit Dose', m: 'Major Pharmaceuticals', ndc: 11 },
      { source: 'cdm', d: 'HC ACETAMINOPHEN 325MG TAB' },
    ],
  },
  // Session 8 (item-3.12.0), written from public conventions for the categories the sealed sixth corpus reported
  // (docs/MATCHING.md "Eighth item round"): RxNorm SCD strings (`1000 MG`, `0.1 MEQ/ML`, `UNT/ML`), First Databank /
  // chargemaster / ward spellings of the same strength in other units, the micro sign and the Greek mu, and a
  // reseller's letter prefix in front of the maker's catalogue number (Sigma-Aldrich `CLS` + Corning, `EP` + Eppendorf).
  {
    key: 'kcl-premix',
    differs: 'strength',
    members: [
      { key: 'kcl-10meq-100ml', v: { c: '0.1', meq: '10', meq200: '20' } },
      { key: 'kcl-20meq-100ml', v: { c: '0.2', meq: '20', meq200: '40' } },
    ],
    records: [
      { source: 'rxnorm', d: 'potassium chloride {c} MEQ/ML Injectable Solution' },
      { source: 'lawson', d: 'POTASSIUM CHLORIDE {meq} MEQ/100 ML IV SOLN', m: 'BAXTER', u: 'EA' },
      { source: 'cdm', d: 'HC KCL {meq200} MEQ/200 ML IVPB' },
      { source: 'ward', d: 'kcl {meq} mEq/100mL premix bag' },
    ],
  },
  {
    key: 'cefazolin-vial',
    differs: 'strength',
    members: [
      { key: 'cefazolin-1g', v: { mg: '1000', gm: '1 GM', g: '1 g', glued: '1GM' } },
      { key: 'cefazolin-500mg', v: { mg: '500', gm: '500 MG', g: '500 mg', glued: '500MG' } },
    ],
    records: [
      { source: 'rxnorm', d: 'cefazolin {mg} MG Injection' },
      { source: 'lawson', d: 'CEFAZOLIN SOD {gm} VIAL', m: 'HIKMA', u: 'EA' },
      { source: 'cdm', d: 'HC CEFAZOLIN {glued} INJ' },
      { source: 'ward', d: 'cefazolin {g} vial for IV' },
    ],
  },
  {
    key: 'heparin-rxnorm',
    differs: 'strength',
    members: [
      { key: 'heparin-rx-5000', v: { n: '5000', u: '5,000' } },
      { key: 'heparin-rx-10000', v: { n: '10000', u: '10,000' } },
    ],
    records: [
      { source: 'rxnorm', d: 'heparin sodium, porcine {n} UNT/ML Injectable Solution' },
      { source: 'lawson', d: 'HEPARIN PORCINE {u} UNITS/ML 1ML MDV', m: 'PFIZER', u: 'EA' },
      { source: 'ward', d: 'heparin {n} U/mL vial' },
    ],
  },
  {
    key: 'fentanyl-amp',
    differs: '',
    members: [{ key: 'fentanyl-50mcg-2ml', v: {} }],
    records: [
      { source: 'rxnorm', d: 'fentanyl 0.05 MG/ML Injectable Solution 2 ML' },
      { source: 'lawson', d: 'FENTANYL CIT 50MCG/ML 2ML AMP', m: 'HIKMA', u: 'EA' },
      { source: 'ward', d: 'fentanyl 100 mcg/2 mL amp' },
      { source: 'web-catalog', d: 'Fentanyl Citrate Injection 50 µg/mL, 2 mL ampule' },
    ],
  },
  {
    key: 'pipette-tips',
    differs: 'volume',
    members: [
      { key: 'tips-200ul', v: { ul: '200', col: 'yellow', c: 'YEL' } },
      { key: 'tips-1000ul', v: { ul: '1000', col: 'blue', c: 'BLUE' } },
    ],
    records: [
      { source: 'web-catalog', d: 'Pipette tips, universal, {ul} μL, {col}, bulk' },
      { source: 'lawson', d: 'TIP PIPET UNIV {ul}UL {c} BULK', u: 'BG' },
      { source: 'web-catalog-b', d: 'Universal pipette tip {ul} µL {col} bulk bag' },
      { source: 'ward', d: 'pipet tips {ul} mcL {col}' },
    ],
  },
  {
    key: 'eppendorf-tubes',
    differs: 'volume',
    members: [
      { key: 'safelock-15', v: { ml: '1.5' }, part: '0030120086' },
      { key: 'safelock-20', v: { ml: '2.0' }, part: '0030120094' },
    ],
    records: [
      { source: 'web-catalog', d: 'Eppendorf Safe-Lock Tubes, {ml} mL, colorless, 1000 tubes', m: 'Eppendorf', p: '{part}' },
      { source: 'punchout', d: 'EP{part} Safe-Lock tube {ml} ml PAK of 1000', m: 'Sigma-Aldrich' },
    ],
  },
  {
    key: 'corning-flask',
    differs: 'size',
    members: [
      { key: 'flask-t75', v: { cm2: '75' }, part: '430641' },
      { key: 'flask-t25', v: { cm2: '25' }, part: '430639' },
    ],
    records: [
      { source: 'web-catalog', d: 'Corning cell culture flask {cm2} cm², canted neck, vent cap, sterile', m: 'Corning', p: '{part}' },
      { source: 'punchout', d: 'CLS{part} Corning flask {cm2} cm2 canted neck vented', m: 'Sigma-Aldrich' },
    ],
  },
];
