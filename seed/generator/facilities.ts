/** Facility payloads: CMS Hospital General Information, NPPES organisations and Workday locations. */
import type { Random } from './random';
import type { Place } from './places';
import type { RecordRef } from './truth';
import { TruthBuilder } from './truth';
import { CCN_STATE_CODE, PLACES, streetLine, titleCase, zipPlus4 } from './places';
import { formatPhone, gln, malformedNpi, npi, phoneDigits, stripLeadingZeros } from './codes';
import { toCsv } from './csv';
import { directoryToFhirBundle, type DirectoryOrganization } from './fhir';
import { present } from '../../server/invariant';

export interface FacilitySeed {
  cmsCsv: string;
  nppesCsv: string;
  workday: unknown[];
  /** The provider directory's FHIR searchset Bundle (Organizations with included Locations). */
  directoryBundle: string;
  truth: TruthBuilder;
}

type HospitalType = 'Acute Care Hospitals' | 'Critical Access Hospitals' | 'Childrens' | 'Psychiatric';

interface Hospital {
  key: string;
  name: string;
  formerName?: string;
  type: HospitalType;
  ccn: string;
  npis: string[];
  place: Place;
  line1: string;
  phone: string;
  ownership: string;
  emergency: boolean;
  inSystem: boolean;
}

const CMS_COLUMNS = [
  'Facility ID', 'Facility Name', 'Address', 'City/Town', 'State', 'ZIP Code', 'County/Parish', 'Telephone Number', 'Hospital Type',
  'Hospital Ownership', 'Emergency Services', 'Meets criteria for birthing friendly designation', 'Hospital overall rating',
];

const NPPES_COLUMNS = [
  'NPI', 'Entity Type Code', 'Replacement NPI', 'Employer Identification Number (EIN)', 'Provider Organization Name (Legal Business Name)',
  'Provider Other Organization Name', 'Provider Other Organization Name Type Code',
  'Provider First Line Business Practice Location Address', 'Provider Second Line Business Practice Location Address',
  'Provider Business Practice Location Address City Name', 'Provider Business Practice Location Address State Name',
  'Provider Business Practice Location Address Postal Code', 'Provider Business Practice Location Address Country Code (If outside U.S.)',
  'Provider Business Practice Location Address Telephone Number', 'Provider Enumeration Date', 'Last Update Date',
  'NPI Deactivation Reason Code', 'NPI Deactivation Date', 'Healthcare Provider Taxonomy Code_1', 'Healthcare Provider Primary Taxonomy Switch_1',
  'Other Provider Identifier_1', 'Other Provider Identifier Type Code_1', 'Other Provider Identifier State_1',
  'Is Organization Subpart', 'Parent Organization LBN',
];

const TAXONOMY: Record<HospitalType, string> = {
  'Acute Care Hospitals': '282N00000X', 'Critical Access Hospitals': '282NC0060X', Childrens: '282NC2000X', Psychiatric: '283Q00000X',
};
const CCN_RANGE: Record<HospitalType, [number, number]> = {
  'Acute Care Hospitals': [1, 879], 'Critical Access Hospitals': [1300, 1399], Childrens: [3300, 3399], Psychiatric: [4000, 4499],
};
const OWNERSHIP = [
  'Voluntary non-profit - Private', 'Voluntary non-profit - Private', 'Voluntary non-profit - Church', 'Voluntary non-profit - Other',
  'Proprietary', 'Government - Hospital District or Authority', 'Government - Local', 'Government - State',
];
const SAINTS = ['ST. MARY', 'ST. JOSEPH', 'ST. FRANCIS', 'ST. LUKE', 'ST. VINCENT', 'ST. ELIZABETH', 'ST. ANTHONY', 'ST. AGNES', 'ST. PETER', 'ST. CLARE'];
const SURNAMES = ['WILSON', 'HARRISON', 'BAKER', 'CAMPBELL', 'FULLER', 'MONTGOMERY', 'PRESTON', 'WHITFIELD', 'ELLIS', 'CRAWFORD'];
const REBRANDS = ['ATRIUM HEALTH', 'ASCENSION', 'TRINITY HEALTH', 'ADVOCATE', 'NORTHSTAR HEALTH'];
/** Hospitals of the health system whose Workday tenant is in the seed. */
const SYSTEM_HOSPITALS = ['RIVERSIDE MEDICAL CENTER', 'LAKEVIEW COMMUNITY HOSPITAL', "ST. CLARE'S HOSPITAL", 'RIVERSIDE CHILDREN\'S HOSPITAL', 'HUDSON VALLEY BEHAVIORAL HEALTH CENTER', 'MOHAWK VALLEY COMMUNITY HOSPITAL'];

function possessive(saint: string): string {
  return `${saint}'S`;
}

function buildHospitals(random: Random): Hospital[] {
  const usedCcn = new Set<string>();
  const hospitals: Hospital[] = [];
  const add = (input: { name: string; type?: HospitalType; place?: Place; inSystem?: boolean }): void => {
    const type = input.type ?? (random.chance(0.8) ? 'Acute Care Hospitals' : 'Critical Access Hospitals');
    const place = input.place ?? random.pick(PLACES);
    const [low, high] = CCN_RANGE[type];
    let ccn = '';
    do ccn = `${CCN_STATE_CODE[place.state]}${String(random.int(low, high)).padStart(4, '0')}`;
    while (usedCcn.has(ccn));
    usedCcn.add(ccn);
    const npiCount = random.pick([1, 1, 1, 2, 2, 3]);
    hospitals.push({
      key: `h${hospitals.length}`, name: input.name, type, ccn, npis: Array.from({ length: npiCount }, () => npi(random, 1)), place,
      line1: streetLine(random), phone: phoneDigits(random, place.areaCode), ownership: random.pick(OWNERSHIP),
      emergency: type !== 'Psychiatric' && random.chance(0.9), inSystem: Boolean(input.inSystem),
    });
  };
  const systemPlaces = PLACES.filter((place) => place.state === 'NY' || place.state === 'NJ');
  SYSTEM_HOSPITALS.forEach((name, index) => add({
    name, inSystem: true, place: systemPlaces[index % systemPlaces.length],
    type: name.includes('CHILDREN') ? 'Childrens' : name.includes('BEHAVIORAL') ? 'Psychiatric' : 'Acute Care Hospitals',
  }));
  // The same name in different towns: different hospitals (hard negatives).
  for (const name of ['MEMORIAL HOSPITAL', 'MEMORIAL HOSPITAL', 'MEMORIAL HOSPITAL', 'MEMORIAL HOSPITAL', 'MERCY HOSPITAL', 'MERCY HOSPITAL', 'MERCY HOSPITAL',
    'GOOD SAMARITAN HOSPITAL', 'GOOD SAMARITAN HOSPITAL', "ST. JOSEPH'S HOSPITAL", "ST. JOSEPH'S HOSPITAL", 'COMMUNITY HOSPITAL', 'COMMUNITY HOSPITAL']) {
    add({ name });
  }
  while (hospitals.length < 78) {
    const place = random.pick(PLACES);
    const pattern = random.int(0, 7);
    const name = pattern === 0 ? `${place.city} GENERAL HOSPITAL`
      : pattern === 1 ? `${possessive(random.pick(SAINTS))} MEDICAL CENTER`
      : pattern === 2 ? `${random.pick(SURNAMES)} MEMORIAL HOSPITAL`
      : pattern === 3 ? `${place.city} REGIONAL MEDICAL CENTER`
      : pattern === 4 ? `${place.county} COUNTY HOSPITAL`
      : pattern === 5 ? `${place.city} CHILDREN'S HOSPITAL`
      : pattern === 6 ? `${place.county} BEHAVIORAL HEALTH CENTER`
      : `${possessive(random.pick(SAINTS))} HOSPITAL`;
    if (hospitals.some((hospital) => hospital.name === name && hospital.place.city === place.city)) continue;
    const type: HospitalType | undefined = pattern === 5 ? 'Childrens' : pattern === 6 ? 'Psychiatric' : pattern === 4 ? 'Critical Access Hospitals' : undefined;
    add({ name, place, type });
  }
  // Renames keep the CCN: the old name survives in other systems.
  for (const hospital of random.sample(hospitals.filter((h) => !h.inSystem && !h.name.startsWith('MEMORIAL')), 7)) {
    hospital.formerName = hospital.name;
    hospital.name = `${random.pick(REBRANDS)} ${hospital.name.replace(/ HOSPITAL$/, '')}`;
  }
  return hospitals;
}

/** Generates all facility sources; the truth builder receives every emitted record. */
export function generateFacilities(random: Random): FacilitySeed {
  const truth = new TruthBuilder('facility');
  const hospitals = buildHospitals(random);
  const cmsRows: Array<Record<string, string> | { rawLine: string }> = [];
  const nppesRows: Array<Record<string, string>> = [];
  const workday: Array<Record<string, unknown>> = [];

  // ---- CMS -----------------------------------------------------------------------------------
  const emitCms = (hospital: Hospital, options: { ccn?: string; name?: string; entityKey?: string } = {}): RecordRef => {
    const excelRoundTrip = random.chance(0.15);
    const ccn = options.ccn ?? (excelRoundTrip ? stripLeadingZeros(hospital.ccn) : hospital.ccn);
    cmsRows.push({
      'Facility ID': ccn, 'Facility Name': options.name ?? hospital.name, Address: hospital.line1, 'City/Town': hospital.place.city,
      State: hospital.place.state, 'ZIP Code': excelRoundTrip ? stripLeadingZeros(hospital.place.zip) : hospital.place.zip,
      'County/Parish': hospital.place.county, 'Telephone Number': formatPhone(hospital.phone), 'Hospital Type': hospital.type,
      'Hospital Ownership': hospital.ownership, 'Emergency Services': hospital.emergency ? 'Yes' : 'No',
      'Meets criteria for birthing friendly designation': hospital.type === 'Acute Care Hospitals' && random.chance(0.5) ? 'Y' : '',
      'Hospital overall rating': hospital.type === 'Psychiatric' ? 'Not Available' : String(random.int(1, 5)),
    });
    return truth.add(options.entityKey ?? hospital.key, { source: 'cms', sourceId: ccn });
  };

  // ---- NPPES ---------------------------------------------------------------------------------
  const emitNppes = (hospital: Hospital, options: { npi: string; subpart?: string; taxonomy?: string; legalName?: string; deactivated?: boolean; entityKey?: string }): RecordRef => {
    const legal = options.legalName ?? (hospital.formerName && random.chance(0.6) ? hospital.formerName : hospital.name);
    const other = options.subpart ? `${hospital.name} ${options.subpart}` : legal !== hospital.name ? hospital.name : '';
    const enumerated = `${String(random.int(1, 12)).padStart(2, '0')}/${String(random.int(1, 28)).padStart(2, '0')}/${random.int(2005, 2012)}`;
    const withCcn = !options.subpart && random.chance(0.5);
    nppesRows.push({
      NPI: options.npi, 'Entity Type Code': '2', 'Replacement NPI': '', 'Employer Identification Number (EIN)': '',
      'Provider Organization Name (Legal Business Name)': legal, 'Provider Other Organization Name': other,
      'Provider Other Organization Name Type Code': other ? '3' : '',
      'Provider First Line Business Practice Location Address': hospital.line1,
      'Provider Second Line Business Practice Location Address': options.subpart ? `FLOOR ${random.int(2, 6)}` : '',
      'Provider Business Practice Location Address City Name': hospital.place.city, 'Provider Business Practice Location Address State Name': hospital.place.state,
      'Provider Business Practice Location Address Postal Code': zipPlus4(random, hospital.place.zip),
      'Provider Business Practice Location Address Country Code (If outside U.S.)': 'US',
      'Provider Business Practice Location Address Telephone Number': hospital.phone,
      'Provider Enumeration Date': enumerated, 'Last Update Date': `${String(random.int(1, 12)).padStart(2, '0')}/${String(random.int(1, 28)).padStart(2, '0')}/${random.int(2019, 2024)}`,
      'NPI Deactivation Reason Code': options.deactivated ? 'DT' : '', 'NPI Deactivation Date': options.deactivated ? '03/14/2023' : '',
      'Healthcare Provider Taxonomy Code_1': options.taxonomy ?? TAXONOMY[hospital.type], 'Healthcare Provider Primary Taxonomy Switch_1': 'Y',
      'Other Provider Identifier_1': withCcn ? hospital.ccn : '', 'Other Provider Identifier Type Code_1': withCcn ? '06' : '',
      'Other Provider Identifier State_1': withCcn ? hospital.place.state : '',
      'Is Organization Subpart': options.subpart ? 'Y' : 'N', 'Parent Organization LBN': options.subpart ? legal : '',
    });
    return truth.add(options.entityKey ?? hospital.key, { source: 'nppes', sourceId: options.npi });
  };

  // ---- Workday locations ---------------------------------------------------------------------
  const ref = (type: string, value: string): { ID: Array<Record<string, string>> } => ({ ID: [{ '-type': type, '#content': value }] });
  let locationSeq = 1000;
  const emitWorkday = (input: { name: string; usage: string; type: string; parent?: string; place?: Place; line1?: string; ccn?: string; entityKey: string; inactive?: boolean }): RecordRef => {
    const id = `LOC-${locationSeq}`;
    locationSeq += random.int(1, 9);
    const data: Record<string, unknown> = {
      Location_ID: id, Location_Name: input.name,
      Location_Usage_Reference: [ref('Location_Usage_ID', input.usage)],
      Location_Type_Reference: ref('Location_Type_ID', input.type),
      Inactive: input.inactive ? '1' : '0',
    };
    if (input.parent) data.Superior_Location_Reference = ref('Location_ID', input.parent);
    if (input.place && random.chance(0.5)) data.Global_Location_Number = gln(random, '0850009');
    if (input.place) {
      data.Contact_Data = { Address_Data: [{
        Country_Reference: ref('ISO_3166-1_Alpha-2_Code', 'US'),
        Address_Line_Data: [{ '-Type': 'ADDRESS_LINE_1', '#content': titleCase(input.line1 ?? streetLine(random)) }],
        Municipality: titleCase(input.place.city), Country_Region_Reference: ref('ISO_3166-2_Code', `US-${input.place.state}`),
        Postal_Code: input.place.zip, Submunicipality_Data: [{ '-Type': 'COUNTY', '#content': titleCase(input.place.county) }],
      }] };
    }
    if (input.ccn) data.Integration_ID_Data = { ID: [{ '-System_ID': 'CMS_CCN', '#content': input.ccn }] };
    workday.push({ Location_Reference: { ID: [{ '-type': 'Location_ID', '#content': id }] }, Location_Data: data });
    return truth.add(input.entityKey, { source: 'workday', sourceId: id });
  };

  // ---- Coverage -------------------------------------------------------------------------------
  for (const hospital of hospitals) {
    if (hospital.inSystem || random.chance(0.88)) emitCms(hospital);
    hospital.npis.forEach((value, index) => {
      if (index === 0 && !hospital.inSystem && random.chance(0.1)) return;
      const subpart = index === 0 ? undefined : random.pick(['INPATIENT REHABILITATION UNIT', 'PSYCHIATRIC UNIT', 'HOSPITAL OUTPATIENT DEPARTMENT']);
      const taxonomy = subpart === 'INPATIENT REHABILITATION UNIT' ? '273Y00000X' : subpart === 'PSYCHIATRIC UNIT' ? '273R00000X' : undefined;
      emitNppes(hospital, { npi: value, subpart, taxonomy });
    });
  }
  // Deactivated NPIs: an old enumeration of the same hospital left behind after a change of ownership.
  for (const hospital of random.sample(hospitals.filter((h) => h.formerName), 3)) {
    emitNppes(hospital, { npi: npi(random, 1), legalName: hospital.formerName, deactivated: true });
  }

  // Workday: health system → regions → hospitals → operational sites.
  const system = emitWorkday({ name: 'Riverside Health System', usage: 'BUSINESS SITE', type: 'ORGANIZATION', entityKey: 'wd-system' });
  const regions = ['Capital Region', 'Metro Region'].map((name) => ({ name, recordRef: emitWorkday({ name: `Riverside Health - ${name}`, usage: 'BUSINESS SITE', type: 'REGION', parent: system.sourceId, entityKey: `wd-region-${name}` }) }));
  truth.relate({ type: 'parent', from: present(regions[0], "regions[0]").recordRef, to: system });
  truth.relate({ type: 'parent', from: present(regions[1], "regions[1]").recordRef, to: system });
  const systemHospitals = hospitals.filter((hospital) => hospital.inSystem);
  systemHospitals.forEach((hospital, index) => {
    const region = present(regions[index % 2], "regions[index % 2]").recordRef;
    const recordRef = emitWorkday({
      name: titleCase(hospital.formerName ?? hospital.name).replace(/'S\b/g, "'s"), usage: 'BUSINESS SITE', type: 'HOSPITAL', parent: region.sourceId,
      place: hospital.place, line1: hospital.line1, ccn: random.chance(0.6) ? hospital.ccn : undefined, entityKey: hospital.key,
    });
    truth.relate({ type: 'parent', from: recordRef, to: region });
    for (const site of random.sample(['Main Campus', 'Central Sterile Processing', 'Receiving Dock', 'Outpatient Pavilion', 'Pharmacy', 'Main Operating Room', 'Emergency Department'], random.int(3, 5))) {
      const siteRef = emitWorkday({
        name: `${titleCase(present(hospital.name.split(' ')[0], "hospital.name.split(' ')[0]"))} - ${site}`, usage: site === 'Receiving Dock' ? 'SHIP TO' : 'INVENTORY SITE', type: 'SITE',
        parent: recordRef.sourceId, place: hospital.place, line1: hospital.line1, entityKey: `${hospital.key}-${site}`, inactive: random.chance(0.05),
      });
      truth.relate({ type: 'parent', from: siteRef, to: recordRef });
    }
  });
  // Other hospitals the system buys for under shared-services agreements, sometimes under an old name.
  for (const hospital of random.sample(hospitals.filter((h) => !h.inSystem), 8)) {
    const recordRef = emitWorkday({
      name: titleCase(hospital.formerName ?? hospital.name), usage: 'BUSINESS SITE', type: 'HOSPITAL', parent: present(regions[1], "regions[1]").recordRef.sourceId,
      place: hospital.place, line1: hospital.line1, ccn: random.chance(0.5) ? hospital.ccn : undefined, entityKey: hospital.key,
    });
    truth.relate({ type: 'parent', from: recordRef, to: present(regions[1], "regions[1]").recordRef });
  }

  // ---- Bad records ------------------------------------------------------------------------------
  // Bad records get an address and phone of their own, so they are not near-duplicates of a real hospital.
  const sparePlace = random.pick(PLACES);
  const spare: Hospital = { ...present(hospitals.at(-1), 'the last hospital'), formerName: undefined, place: sparePlace, line1: streetLine(random), phone: phoneDigits(random, sparePlace.areaCode) };
  truth.expectBad({ ...emitCms({ ...spare, key: 'bad-cms-ccn' }, { ccn: `${spare.ccn}0`, name: 'PRAIRIE VIEW SURGICAL HOSPITAL', entityKey: 'bad-cms-ccn' }), expectedCode: 'FORMAT_CCN', reason: 'CCN has 7 digits' });
  {
    const line = cmsRows.length + 2;
    cmsRows.push({ rawLine: `330999,"ST. ANNE'S "NORTH" CAMPUS",1 CONVENT RD,ALBANY,NY,12208,ALBANY,(518) 555-0199,Acute Care Hospitals,Voluntary non-profit - Church,Yes,,3` });
    truth.bad({ source: 'cms', sourceId: '330999', expectedCode: 'CSV_PARSE_ERROR', reason: 'unescaped double quote inside a quoted field', file: 'sources/cms/facility.csv', line });
  }
  {
    const bad = malformedNpi(random);
    truth.expectBad({ ...emitNppes({ ...spare, key: 'bad-npi', name: 'LAKESHORE AMBULATORY SURGERY CENTER LLC', formerName: undefined }, { npi: bad, legalName: 'LAKESHORE AMBULATORY SURGERY CENTER LLC', entityKey: 'bad-nppes-npi' }), expectedCode: 'FORMAT_NPI', reason: 'NPI Luhn check digit is wrong' });
    const other = npi(random, 1);
    truth.expectBad({ ...emitNppes({ ...spare, key: 'bad-name', name: '', formerName: undefined }, { npi: other, legalName: '', entityKey: 'bad-nppes-name' }), expectedCode: 'REQUIRED', reason: 'organisation name is empty' });
  }
  truth.expectBad({ ...emitWorkday({ name: '', usage: 'INVENTORY SITE', type: 'SITE', parent: system.sourceId, entityKey: 'bad-wd-name' }), expectedCode: 'REQUIRED', reason: 'Location_Name is empty' });

  // ---- FHIR provider directory ----------------------------------------------------------------
  // Drawn after everything above, so adding this source left the other facility files unchanged.
  const organizations: DirectoryOrganization[] = [];
  const withLocation = new Set<string>();
  let organizationSeq = 4100;
  const emitDirectory = (hospital: Hospital, options: { npi: string; entityKey: string; name?: string }): RecordRef => {
    organizationSeq += random.int(1, 17);
    const id = `org-${organizationSeq}`;
    organizations.push({
      id, npi: options.npi, ccn: random.chance(0.7) ? hospital.ccn : undefined, name: options.name ?? hospital.name,
      alias: hospital.formerName && random.chance(0.7) ? hospital.formerName : undefined, taxonomy: TAXONOMY[hospital.type], active: true,
      line1: hospital.line1, city: hospital.place.city, state: hospital.place.state, postalCode: hospital.place.zip, phone: hospital.phone,
      lastUpdated: `2024-${String(random.int(1, 10)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}T0${random.int(1, 9)}:00:00Z`,
    });
    if (random.chance(0.5)) withLocation.add(id);
    return truth.add(options.entityKey, { source: 'provider-directory', sourceId: id });
  };
  for (const hospital of hospitals) if (hospital.inSystem || random.chance(0.6)) emitDirectory(hospital, { npi: present(hospital.npis[0], 'the first NPI of ' + hospital.key), entityKey: hospital.key });
  truth.expectBad({
    ...emitDirectory({ ...spare, formerName: undefined }, { npi: malformedNpi(random), name: 'HARBOR POINT SURGERY CENTER', entityKey: 'bad-directory-npi' }),
    expectedCode: 'FORMAT_NPI', reason: 'NPI identifier fails the Luhn check',
  });

  return {
    cmsCsv: toCsv({ columns: CMS_COLUMNS, rows: cmsRows }), nppesCsv: toCsv({ columns: NPPES_COLUMNS, rows: nppesRows }), workday,
    directoryBundle: directoryToFhirBundle({ organizations, withLocation, timestamp: '2024-11-24T06:00:00Z' }), truth,
  };
}
