/**
 * The real-world suppliers behind the seed. Names are those of well-known medical-surgical,
 * pharmaceutical and service companies (plus generated local vendors); every identifier attached to
 * them by the generator is synthetic.
 */
import type { Random } from './random';
import type { Place } from './places';
import { PLACES, streetLine } from './places';
import { duns, ein, gln, phoneDigits } from './codes';
import { present } from '../../server/invariant';

export interface SupplierEntity {
  key: string;
  /** Spellings that different clerks typed into different systems; [0] is the legal name. */
  names: string[];
  dba?: string;
  category: string;
  terms: string;
  ein: string;
  duns: string;
  gln: string;
  place: Place;
  line1: string;
  remitPlace: Place;
  remitLine1: string;
  phone: string;
  website?: string;
  parentKey?: string;
}

interface NamedSupplier {
  key: string;
  names: string[];
  category: string;
  website?: string;
  parentKey?: string;
  dba?: string;
}

/** Name variants follow the reference: ®/™, `, INC.` vs `Inc`, `CO., THE`, doubled spaces, GmbH/Ltd, brand vs company. */
const NAMED: NamedSupplier[] = [
  { key: 'medline', names: ['Medline Industries, LP', 'MEDLINE INDUSTRIES LP', 'Medline Industries Inc.', 'MEDLINE  INDUSTRIES, INC.'], category: 'MEDICAL_SURGICAL', website: 'https://www.medline.com' },
  { key: 'cardinal', names: ['Cardinal Health, Inc.', 'CARDINAL HEALTH INC', 'Cardinal Health'], category: 'DISTRIBUTION', website: 'https://www.cardinalhealth.com' },
  { key: 'cardinal200', names: ['Cardinal Health 200, LLC', 'CARDINAL HEALTH 200 LLC', 'Cardinal Health 200 L.L.C.'], category: 'DISTRIBUTION', parentKey: 'cardinal' },
  { key: 'cardinal414', names: ['Cardinal Health 414, LLC', 'CARDINAL HEALTH 414 LLC', 'Cardinal Health 414'], category: 'PHARMACY', parentKey: 'cardinal' },
  { key: 'owensminor', names: ['Owens & Minor Distribution, Inc.', 'OWENS AND MINOR DISTRIBUTION INC', 'Owens & Minor'], category: 'DISTRIBUTION', website: 'https://www.owens-minor.com' },
  { key: 'bd', names: ['Becton, Dickinson and Company', 'BECTON DICKINSON & CO', 'BD (Becton Dickinson)', 'BECTON, DICKINSON AND CO.'], category: 'MEDICAL_SURGICAL', website: 'https://www.bd.com' },
  { key: 'bard', names: ['C. R. Bard, Inc.', 'C R BARD INC', 'Bard Access Systems'], category: 'MEDICAL_SURGICAL', parentKey: 'bd' },
  { key: 'baxterintl', names: ['Baxter International Inc.', 'BAXTER INTERNATIONAL INC'], category: 'PHARMACY', website: 'https://www.baxter.com' },
  { key: 'baxter', names: ['Baxter Healthcare Corporation', 'BAXTER HEALTHCARE CORP', 'Baxter Healthcare Corp.'], category: 'PHARMACY', parentKey: 'baxterintl' },
  { key: 'hillrom', names: ['Hill-Rom Company, Inc.', 'HILL-ROM CO INC', 'Hillrom'], category: 'CAPITAL_EQUIPMENT', parentKey: 'baxterintl' },
  { key: 'jnj', names: ['Johnson & Johnson', 'JOHNSON AND JOHNSON', 'Johnson & Johnson Health Care Systems Inc.'], category: 'MEDICAL_SURGICAL', website: 'https://www.jnj.com' },
  { key: 'ethicon', names: ['Ethicon, Inc.', 'ETHICON INC', 'Ethicon Inc'], category: 'MEDICAL_SURGICAL', parentKey: 'jnj' },
  { key: 'depuy', names: ['DePuy Synthes Sales, Inc.', 'DEPUY SYNTHES SALES INC', 'DePuy Synthes'], category: 'IMPLANTS', parentKey: 'jnj' },
  { key: 'medtronic', names: ['Medtronic USA, Inc.', 'MEDTRONIC USA INC', 'Medtronic USA Inc'], category: 'IMPLANTS', website: 'https://www.medtronic.com' },
  { key: 'covidien', names: ['Covidien LP', 'COVIDIEN LP', 'Covidien Sales LLC'], category: 'MEDICAL_SURGICAL', parentKey: 'medtronic' },
  { key: 'stryker', names: ['Stryker Corporation', 'STRYKER CORP', 'Stryker Corp.'], category: 'IMPLANTS', website: 'https://www.stryker.com' },
  { key: 'strykersales', names: ['Stryker Sales, LLC', 'STRYKER SALES LLC', 'Stryker Sales Corp'], category: 'CAPITAL_EQUIPMENT', parentKey: 'stryker' },
  { key: '3m', names: ['3M Company', '3M CO', '3M™ Health Care', '3M COMPANY, THE'], category: 'MEDICAL_SURGICAL', website: 'https://www.3m.com' },
  { key: 'smithnephew', names: ['Smith & Nephew, Inc.', 'SMITH AND NEPHEW INC', 'Smith & Nephew Ltd'], category: 'IMPLANTS' },
  { key: 'bbraun', names: ['B. Braun Medical Inc.', 'B BRAUN MEDICAL INC', 'B. Braun Melsungen AG'], category: 'MEDICAL_SURGICAL' },
  { key: 'teleflex', names: ['Teleflex LLC', 'TELEFLEX LLC', 'Teleflex Medical Inc'], category: 'MEDICAL_SURGICAL' },
  { key: 'icumed', names: ['ICU Medical, Inc.', 'ICU MEDICAL INC', 'ICU Medical Sales Inc'], category: 'MEDICAL_SURGICAL' },
  { key: 'cook', names: ['Cook Medical LLC', 'COOK MEDICAL LLC', 'Cook Incorporated'], category: 'MEDICAL_SURGICAL' },
  { key: 'bsci', names: ['Boston Scientific Corporation', 'BOSTON SCIENTIFIC CORP', 'Boston Scientific Corp.'], category: 'IMPLANTS' },
  { key: 'zimmer', names: ['Zimmer Biomet Holdings, Inc.', 'ZIMMER BIOMET HOLDINGS INC', 'Zimmer, Inc.'], category: 'IMPLANTS' },
  { key: 'hologic', names: ['Hologic, Inc.', 'HOLOGIC INC', 'Hologic Inc'], category: 'LABORATORY' },
  { key: 'molnlycke', names: ['Mölnlycke Health Care US, LLC', 'MOLNLYCKE HEALTH CARE US LLC', 'Molnlycke Health Care'], category: 'MEDICAL_SURGICAL' },
  { key: 'hartmann', names: ['HARTMANN USA, Inc.', 'HARTMANN USA INC', 'Paul Hartmann AG'], category: 'MEDICAL_SURGICAL' },
  { key: 'karlstorz', names: ['Karl Storz Endoscopy-America, Inc.', 'KARL STORZ ENDOSCOPY AMERICA INC', 'KARL STORZ SE & Co. KG'], category: 'CAPITAL_EQUIPMENT' },
  { key: 'coloplast', names: ['Coloplast Corp.', 'COLOPLAST CORP', 'Coloplast A/S'], category: 'MEDICAL_SURGICAL' },
  { key: 'fresenius', names: ['Fresenius Kabi USA, LLC', 'FRESENIUS KABI USA LLC', 'Fresenius Kabi USA'], category: 'PHARMACY' },
  { key: 'hospira', names: ['Hospira, Inc.', 'HOSPIRA INC', 'Hospira Worldwide'], category: 'PHARMACY' },
  { key: 'pfizer', names: ['Pfizer Inc.', 'PFIZER INC', 'Pfizer Inc'], category: 'PHARMACY' },
  { key: 'mckesson', names: ['McKesson Corporation', 'MCKESSON CORP', 'McKesson Medical-Surgical Inc.'], category: 'DISTRIBUTION' },
  { key: 'henryschein', names: ['Henry Schein, Inc.', 'HENRY SCHEIN INC', 'Henry Schein Medical'], category: 'DISTRIBUTION' },
  { key: 'steris', names: ['STERIS Corporation', 'STERIS CORP', 'Steris Corp.'], category: 'CAPITAL_EQUIPMENT' },
  { key: 'ge', names: ['GE HealthCare Technologies Inc.', 'GE HEALTHCARE TECHNOLOGIES INC', 'GE Healthcare'], category: 'CAPITAL_EQUIPMENT' },
  { key: 'philips', names: ['Philips North America LLC', 'PHILIPS NORTH AMERICA LLC', 'Philips Healthcare'], category: 'CAPITAL_EQUIPMENT' },
  { key: 'siemens', names: ['Siemens Medical Solutions USA, Inc.', 'SIEMENS MEDICAL SOLUTIONS USA INC', 'Siemens Healthineers'], category: 'CAPITAL_EQUIPMENT' },
  { key: 'kimberly', names: ['Kimberly-Clark Corporation', 'KIMBERLY CLARK CORP', 'Kimberly-Clark®'], category: 'MEDICAL_SURGICAL' },
  { key: 'halyard', names: ['Halyard Health, Inc.', 'HALYARD HEALTH INC', 'Avanos Medical'], category: 'MEDICAL_SURGICAL' },
  { key: 'cintas', names: ['Cintas Corporation', 'CINTAS CORP NO 2', 'Cintas Corp.'], category: 'SERVICES' },
  { key: 'aramark', names: ['Aramark Healthcare Support Services, LLC', 'ARAMARK HEALTHCARE SUPPORT SVCS LLC', 'Aramark'], category: 'SERVICES' },
  { key: 'sysco', names: ['Sysco Corporation', 'SYSCO CORP', 'Sysco Food Services'], category: 'FOOD' },
  { key: 'clorox', names: ['The Clorox Company', 'CLOROX CO., THE', 'Clorox Professional Products Co'], category: 'ENVIRONMENTAL' },
  { key: 'stericycle', names: ['Stericycle, Inc.', 'STERICYCLE INC', 'Stericycle Inc'], category: 'SERVICES' },
];

const LOCAL_PREFIX = ['Hudson Valley', 'Tri-State', 'Garden State', 'Lakeshore', 'Keystone', 'Great Lakes', 'Northeast', 'Bay State', 'Empire', 'Summit', 'Riverbend', 'Pioneer', 'Capital Region', 'Allegheny', 'Heartland', 'Gulf Coast', 'Prairie', 'Piedmont'];
const LOCAL_TRADE = [
  ['Biomedical Repair', 'SERVICES'], ['Medical Waste Services', 'SERVICES'], ['Linen Service', 'SERVICES'], ['Courier', 'SERVICES'],
  ['Surgical Supply', 'MEDICAL_SURGICAL'], ['Oxygen & Medical Gas', 'PHARMACY'], ['Elevator Co', 'FACILITIES'], ['Mechanical Contractors', 'FACILITIES'],
  ['Staffing Partners', 'STAFFING'], ['Imaging Services', 'SERVICES'], ['Orthotics & Prosthetics', 'IMPLANTS'], ['Janitorial Supply', 'ENVIRONMENTAL'],
  ['Pest Control', 'FACILITIES'], ['Printing & Forms', 'OFFICE'], ['Medical Supply', 'MEDICAL_SURGICAL'],
] as const;
const LOCAL_SUFFIX = [', Inc.', ' LLC', ' Corp.', ', Inc', ' Co.'];
const DBA_NAMES = ['Green Earth Disposal', 'QuickScrub Uniforms', 'MedTrans Express', 'CareStaff Nursing', 'Apex BioMed'];

/** Upper-cases and strips the punctuation ERP clerks rarely type. */
function clerkSpelling(name: string): string {
  return name.toUpperCase().replace(/[.,]/g, '').replace(/&/g, 'AND').replace(/\s+/g, ' ').trim();
}

/** Builds the list of supplier entities with their identifiers and addresses. */
export function buildSupplierEntities(random: Random): SupplierEntity[] {
  const named: NamedSupplier[] = [...NAMED];
  const usedLocal = new Set<string>();
  let dbaIndex = 0;
  while (named.length < 112) {
    const prefix = random.pick(LOCAL_PREFIX);
    const [trade, category] = random.pick(LOCAL_TRADE);
    const base = `${prefix} ${trade}`;
    if (usedLocal.has(base)) continue;
    usedLocal.add(base);
    const legal = base + random.pick(LOCAL_SUFFIX);
    const dba = dbaIndex < DBA_NAMES.length && random.chance(0.15) ? DBA_NAMES[dbaIndex++] : undefined;
    named.push({ key: `local-${named.length}`, names: [legal, clerkSpelling(legal), base], category, dba });
  }
  // Hard negatives: the same trade name used by an unrelated local company elsewhere.
  for (const local of random.sample(named.filter((entry) => entry.key.startsWith('local-')), 6)) {
    named.push({ key: `${local.key}-namesake`, names: [present(local.names[0], "local.names[0]"), present(local.names[1], "local.names[1]"), present(local.names[2], "local.names[2]")], category: local.category });
  }
  // Hard negatives: same trade name, unrelated companies in other states (different EIN, address, phone).
  named.push({ key: 'abc-nj', names: ['ABC Medical Supply, Inc.', 'ABC MEDICAL SUPPLY INC'], category: 'MEDICAL_SURGICAL' });
  named.push({ key: 'abc-tx', names: ['ABC Medical Supply, Inc.', 'ABC MEDICAL SUPPLY INC'], category: 'MEDICAL_SURGICAL' });
  named.push({ key: 'premier-surgical', names: ['Premier Surgical Supply LLC', 'PREMIER SURGICAL SUPPLY LLC'], category: 'MEDICAL_SURGICAL' });
  named.push({ key: 'premier-inc', names: ['Premier, Inc.', 'PREMIER INC'], category: 'SERVICES' });

  const built = named.map((entry) => {
    const place = entry.key === 'abc-nj' ? present(PLACES[0], 'a place') : entry.key === 'abc-tx' ? present(PLACES.at(-1), 'a place') : random.pick(PLACES);
    const remitPlace = random.pick(PLACES);
    return {
      key: entry.key,
      names: entry.names,
      dba: entry.dba,
      category: entry.category,
      terms: random.pick(['NET_30', 'NET_30', 'NET_45', 'NET_60', '2_10_NET_30']),
      ein: ein(random),
      duns: duns(random),
      gln: gln(random, `0${random.digits(6)}`),
      place,
      line1: streetLine(random),
      remitPlace,
      remitLine1: `PO BOX ${random.int(1000, 99999)}`,
      phone: phoneDigits(random, place.areaCode),
      website: entry.website,
      parentKey: entry.parentKey,
    };
  });
  // Subsidiaries often sit at the parent's headquarters: same address and phone, different EIN —
  // the hardest negatives for address- and phone-based matching.
  const byKey = new Map(built.map((entity) => [entity.key, entity]));
  for (const entity of built) {
    const parent = entity.parentKey ? byKey.get(entity.parentKey) : undefined;
    if (parent && random.chance(0.5)) Object.assign(entity, { place: parent.place, line1: parent.line1, phone: parent.phone });
  }
  return built;
}
