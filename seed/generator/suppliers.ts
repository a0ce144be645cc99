/** Supplier payloads for Workday, PeopleSoft, Lawson and Oracle Fusion, with planted duplicates and bad rows. */
import type { Random } from './random';
import type { SupplierEntity } from './supplier-entities';
import type { RecordRef } from './truth';
import { TruthBuilder } from './truth';
import { buildSupplierEntities } from './supplier-entities';
import { duns as randomDuns, ein, einWithInvalidPrefix, formatPhone, phoneDigits, stripLeadingZeros } from './codes';
import { PLACES, streetLine, titleCase } from './places';
import { toCsv } from './csv';
import { LAWSON_COLUMNS, LAWSON_TERMS, PEOPLESOFT_TERMS, psAddress, ref, transposeDigits, workdayAddress, workdayWid } from './supplier-payloads';
import { present } from '../../server/invariant';

export interface SupplierSeed {
  workday: unknown[];
  peoplesoft: unknown[];
  lawsonCsv: string;
  oracle: unknown[];
  truth: TruthBuilder;
  /** Vendor ids of the distributors per source, so item vendor references point at real seed suppliers. */
  distributors: Record<'peoplesoft' | 'lawson', Array<{ key: string; name: string; vendorId: string }>>;
}

/** Generates all supplier sources; the truth builder receives every emitted record. */
export function generateSuppliers(random: Random): SupplierSeed {
  const entities = buildSupplierEntities(random);
  const truth = new TruthBuilder('supplier');
  const byKey = new Map(entities.map((entity) => [entity.key, entity]));
  const hasChildren = new Set(entities.map((entity) => entity.parentKey).filter((key): key is string => Boolean(key)));
  const inFamily = (entity: SupplierEntity): boolean => Boolean(entity.parentKey) || hasChildren.has(entity.key);

  const workday: Array<Record<string, unknown>> = [];
  const peoplesoft: Array<Record<string, unknown>> = [];
  const lawsonRows: Array<Record<string, string> | { rawLine: string }> = [];
  const oracle: Array<Record<string, unknown>> = [];
  const refs = { workday: new Map<string, RecordRef>(), peoplesoft: new Map<string, RecordRef>(), lawson: new Map<string, RecordRef>(), oracle: new Map<string, RecordRef>() };

  let workdaySeq = 100;
  let psSeq = 12000;
  let lawsonSeq = 1200;
  let oracleSeq = 1000;

  const nameFor = (entity: SupplierEntity, style: 'legal' | 'clerk' | 'any'): string => {
    if (style === 'legal') return present(entity.names[0], 'the legal name of ' + entity.key);
    if (style === 'clerk') return entity.names[1] ?? present(entity.names[0], "entity.names[0]").toUpperCase();
    return random.pick(entity.names);
  };

  // ---- Workday -------------------------------------------------------------------------------
  const emitWorkday = (entity: SupplierEntity, options: { name?: string; inactive?: boolean; taxId?: string; entityKey?: string } = {}): RecordRef => {
    const id = `SUP-${String(workdaySeq).padStart(6, '0')}`;
    workdaySeq += random.int(1, 9);
    const name = options.name ?? nameFor(entity, random.chance(0.7) ? 'legal' : 'any');
    const data: Record<string, unknown> = {
      Supplier_ID: id,
      Supplier_Name: name,
      Supplier_Category_Reference: ref('Supplier_Category_ID', entity.category),
      Payment_Terms_Reference: ref('Payment_Terms_ID', entity.terms),
      Supplier_Status_Reference: ref('Business_Entity_Status_Value_ID', options.inactive ? 'Inactive' : 'Active'),
    };
    // Tax ids are often missing: the supplier was set up before tax ids were mandatory.
    if (options.taxId || random.chance(0.85)) {
      data.Tax_ID_Data = [{ Tax_ID: options.taxId ?? entity.ein, Tax_ID_Type_Reference: ref('Tax_ID_Type_ID', 'USA-EIN'), Primary_Tax_ID: true }];
    }
    if (random.chance(0.8)) data.DUNS_Number = entity.duns;
    if (entity.dba) {
      data.Business_Entity_Alternate_Name_Data = [{ Alternate_Name: entity.dba, Alternate_Name_Usage_Reference: ref('Alternate_Name_Usage_ID', 'DOING_BUSINESS_AS') }];
    }
    const addresses = [workdayAddress({ line1: entity.line1, city: entity.place.city, state: entity.place.state, zip: entity.place.zip, usage: ['ORDERING'] })];
    if (random.chance(0.5)) addresses.push(workdayAddress({ line1: entity.remitLine1, city: entity.remitPlace.city, state: entity.remitPlace.state, zip: entity.remitPlace.zip, usage: ['REMIT'] }));
    const contact: Record<string, unknown> = {
      Address_Data: addresses,
      Phone_Data: [{ '-Formatted_Phone': `+1 ${formatPhone(entity.phone)}`, Country_ISO_Code: 'USA', Area_Code: entity.phone.slice(0, 3), Phone_Number: `${entity.phone.slice(3, 6)}-${entity.phone.slice(6)}` }],
    };
    if (entity.website) contact.Web_Address_Data = [{ Web_Address: entity.website }];
    data.Business_Entity_Data = { Business_Entity_Name: name, Contact_Data: contact };
    workday.push({ Supplier_Reference: { ID: [{ '-type': 'WID', '#content': workdayWid(random) }, { '-type': 'Supplier_ID', '#content': id }] }, Supplier_Data: data });
    const recordRef = truth.add(options.entityKey ?? entity.key, { source: 'workday', sourceId: id });
    if (!options.entityKey) refs.workday.set(entity.key, recordRef);
    return recordRef;
  };

  // ---- PeopleSoft ----------------------------------------------------------------------------
  const emitPeopleSoft = (entity: SupplierEntity, options: { setId?: string; name?: string; status?: string; remit?: RecordRef; corporate?: string; vendorId?: string; entityKey?: string; ein?: string; isRemit?: boolean } = {}): RecordRef => {
    const setId = options.setId ?? 'SHARE';
    const vendorId = options.vendorId ?? String(psSeq++).padStart(10, '0');
    const name1 = options.name ?? nameFor(entity, 'clerk');
    const addresses = options.isRemit
      ? [psAddress({ seq: 1, effdt: '2016-01-01', line1: entity.remitLine1, city: entity.remitPlace.city, state: entity.remitPlace.state, zip: entity.remitPlace.zip, name1 })]
      : [psAddress({ seq: 1, effdt: '2012-07-01', line1: entity.line1, city: entity.place.city, state: entity.place.state, zip: entity.place.zip, name1 })];
    // Effective-dated address history: an older row that the mapping must not pick.
    if (!options.isRemit && random.chance(0.3)) {
      const old = random.pick(PLACES);
      addresses.unshift(psAddress({ seq: 1, effdt: '2004-01-01', line1: streetLine(random), city: old.city, state: old.state, zip: old.zip, name1 }));
    }
    const psRemitSeq = !options.isRemit && random.chance(0.25);
    if (psRemitSeq) addresses.push(psAddress({ seq: 2, effdt: '2015-03-01', line1: entity.remitLine1, city: entity.remitPlace.city, state: entity.remitPlace.state, zip: entity.remitPlace.zip, name1 }));
    const ids: Array<Record<string, string>> = options.ein || random.chance(0.85) ? [{ STD_ID_NUM_QUAL: 'EIN', STD_ID_NUM: (options.ein ?? entity.ein).replace('-', '') }] : [];
    if (random.chance(0.6)) ids.push({ STD_ID_NUM_QUAL: 'DUNS', STD_ID_NUM: entity.duns });
    const row: Record<string, unknown> = {
      SETID: setId, VENDOR_ID: vendorId, NAME1: name1, NAME2: entity.dba ? entity.dba.toUpperCase() : ' ',
      VENDOR_NAME_SHORT: `${name1.replace(/[^A-Z0-9]/g, '').slice(0, 10)}-001`, VENDOR_STATUS: options.status ?? 'A',
      VENDOR_CLASS: 'R', VENDOR_PERSISTENCE: 'R',
      REMIT_SETID: setId, REMIT_VENDOR: options.remit ? options.remit.sourceId.split(':')[1] : vendorId,
      CORPORATE_SETID: setId, CORPORATE_VENDOR: options.corporate ?? vendorId,
      VENDOR_ID_NBRS: ids, VENDOR_ADDR: addresses,
      VENDOR_LOC: [{ VNDR_LOC: '1', ADDR_SEQ_NUM_ORDR: options.isRemit ? 0 : 1, REMIT_ADDR_SEQ_NUM: psRemitSeq || options.isRemit ? (options.isRemit ? 1 : 2) : 1, PYMNT_TERMS_CD: PEOPLESOFT_TERMS[entity.terms] }],
      VENDOR_ADDR_PHN: [{ ADDRESS_SEQ_NUM: 1, PHONE_TYPE: 'BUSN', PHONE: `${entity.phone.slice(0, 3)}/${entity.phone.slice(3, 6)}-${entity.phone.slice(6)}` }],
    };
    peoplesoft.push(row);
    const recordRef = truth.add(options.entityKey ?? entity.key, { source: 'peoplesoft', sourceId: `${setId}:${vendorId}` });
    if (!options.entityKey && setId === 'SHARE' && !options.isRemit && !refs.peoplesoft.has(entity.key)) refs.peoplesoft.set(entity.key, recordRef);
    return recordRef;
  };

  // ---- Lawson --------------------------------------------------------------------------------
  const emitLawson = (entity: SupplierEntity, options: { group?: string; vendor?: number; location?: { code: string; type: string }; name?: string; status?: string; taxId?: string; entityKey?: string } = {}): RecordRef => {
    const group = options.group ?? 'HOSP';
    const vendorNumber = options.vendor ?? lawsonSeq;
    if (options.vendor === undefined) lawsonSeq += random.int(1, 4);
    const isRemit = options.location?.type === 'R';
    const place = isRemit ? entity.remitPlace : entity.place;
    const spreadsheetMangled = random.chance(0.35);
    const vname = options.name ?? (entity.dba && random.chance(0.7) ? entity.dba.toUpperCase() : nameFor(entity, 'clerk'));
    // A clerk's transposition now and then: a well-formed EIN that belongs to nobody.
    const rawTax = options.taxId ?? (random.chance(0.04) ? transposeDigits(entity.ein) : entity.ein);
    const row: Record<string, string> = {
      VENDOR_GROUP: group,
      // Lawson VENDOR is a right-justified char(9).
      VENDOR: String(vendorNumber).padStart(9, ' '),
      LOCATION_CODE: options.location?.code ?? '',
      LOC_TYPE: options.location?.type ?? '',
      VENDOR_VNAME: vname,
      LEGAL_NAME: entity.dba ? present(entity.names[0], "entity.names[0]").toUpperCase() : random.chance(0.5) ? present(entity.names[0], "entity.names[0]").toUpperCase() : '',
      VENDOR_SNAME: vname.replace(/[^A-Z0-9 ]/g, '').slice(0, 10),
      VEN_CLASS: entity.category.slice(0, 4),
      VENDOR_STATUS: options.status ?? (random.chance(0.05) ? 'H' : 'A'),
      TAX_ID: !options.taxId && random.chance(0.35) ? '' : spreadsheetMangled ? rawTax.replace('-', '') : rawTax,
      DUNS_NBR: random.chance(0.5) ? (spreadsheetMangled ? stripLeadingZeros(entity.duns) : entity.duns) : '',
      GLN_NBR: random.chance(0.2) ? entity.gln : '',
      ADDR1: isRemit ? entity.remitLine1 : entity.line1,
      ADDR2: '',
      CITY_ADDR5: place.city,
      STATE_PROV: place.state,
      POSTAL_CODE: spreadsheetMangled ? stripLeadingZeros(place.zip) : place.zip,
      COUNTRY_CODE: 'US',
      PHONE_NUM: formatPhone(entity.phone),
      TERM_CODE: present(LAWSON_TERMS[entity.terms], 'the Lawson terms code of ' + entity.terms),
    };
    lawsonRows.push(row);
    const sourceId = options.location ? `${group}:${vendorNumber}:${options.location.code}` : `${group}:${vendorNumber}`;
    const recordRef = truth.add(options.entityKey ?? entity.key, { source: 'lawson', sourceId });
    if (!options.entityKey && !options.location && group === 'HOSP' && !refs.lawson.has(entity.key)) refs.lawson.set(entity.key, recordRef);
    return recordRef;
  };

  // ---- Oracle --------------------------------------------------------------------------------
  const emitOracle = (entity: SupplierEntity, options: { name?: string; taxId?: string; entityKey?: string; parentId?: number } = {}): RecordRef => {
    const supplierId = 300000047270000 + oracleSeq * 17;
    const number = String(oracleSeq++);
    const mangled = random.chance(0.3);
    const addresses: Array<Record<string, unknown>> = [{
      SupplierAddressId: supplierId + 1, AddressName: 'HQ', CountryCode: 'US', AddressLine1: titleCase(entity.line1), AddressLine2: null,
      City: titleCase(entity.place.city), State: entity.place.state, PostalCode: entity.place.zip, PhoneAreaCode: entity.phone.slice(0, 3),
      PhoneNumber: `${entity.phone.slice(3, 6)}-${entity.phone.slice(6)}`, GlobalLocationNumber: random.chance(0.4) ? entity.gln : null,
      AddressPurposeOrderingFlag: true, AddressPurposeRemitToFlag: false, AddressPurposeRFQOrBiddingFlag: true, Status: 'ACTIVE',
    }];
    if (random.chance(0.6)) {
      addresses.push({
        SupplierAddressId: supplierId + 2, AddressName: 'REMIT', CountryCode: 'US', AddressLine1: entity.remitLine1, AddressLine2: null,
        City: titleCase(entity.remitPlace.city), State: entity.remitPlace.state, PostalCode: entity.remitPlace.zip, PhoneAreaCode: null, PhoneNumber: null,
        GlobalLocationNumber: null, AddressPurposeOrderingFlag: false, AddressPurposeRemitToFlag: true, AddressPurposeRFQOrBiddingFlag: false, Status: 'ACTIVE',
      });
    }
    const row: Record<string, unknown> = {
      SupplierId: supplierId, Supplier: options.name ?? nameFor(entity, random.chance(0.6) ? 'legal' : 'any'), SupplierNumber: number,
      AlternateName: entity.dba ?? null, TaxOrganizationTypeCode: random.pick(['CORPORATION', 'CORPORATION', 'PARTNERSHIP']),
      SupplierTypeCode: 'SUPPLIER', BusinessRelationshipCode: 'SPEND_AUTHORIZED', Status: 'ACTIVE',
      ParentSupplierId: options.parentId ?? null, DUNSNumber: random.chance(0.7) ? (mangled ? stripLeadingZeros(entity.duns) : entity.duns) : null,
      TaxpayerId: options.taxId || random.chance(0.65) ? (options.taxId ?? entity.ein).replace('-', '') : null, TaxpayerCountryCode: 'US', addresses,
    };
    oracle.push(row);
    const recordRef = truth.add(options.entityKey ?? entity.key, { source: 'oracle', sourceId: String(supplierId) });
    if (!options.entityKey) refs.oracle.set(entity.key, recordRef);
    return recordRef;
  };

  // ---- Coverage: which systems know which supplier -------------------------------------------
  // Parents first so children can point at them.
  const ordered = [...entities].sort((a, b) => Number(Boolean(a.parentKey)) - Number(Boolean(b.parentKey)));
  const oracleIds = new Map<string, number>();
  for (const entity of ordered) {
    const family = inFamily(entity);
    const negative = ['abc-nj', 'abc-tx', 'premier-surgical', 'premier-inc'].includes(entity.key);
    const inWorkday = family || random.chance(0.55);
    const distributor = ['medline', 'owensminor', 'mckesson'].includes(entity.key);
    const inPeopleSoft = family || negative || distributor || random.chance(0.65);
    const inLawson = negative || distributor || random.chance(0.5);
    const inOracle = family || random.chance(0.4) || (!inWorkday && !inPeopleSoft && !inLawson);
    if (inWorkday) emitWorkday(entity);
    if (inPeopleSoft) {
      const parentRef = entity.parentKey ? refs.peoplesoft.get(entity.parentKey) : undefined;
      const usesLockbox = !entity.parentKey && random.chance(0.1);
      const remit = usesLockbox
        ? emitPeopleSoft(entity, { name: `${nameFor(entity, 'clerk')} - LOCKBOX`, isRemit: true })
        : undefined;
      emitPeopleSoft(entity, { remit, corporate: parentRef ? parentRef.sourceId.split(':')[1] : undefined });
    }
    if (inLawson) {
      const main = emitLawson(entity);
      if (random.chance(0.12)) emitLawson(entity, { vendor: Number(main.sourceId.split(':')[1]), location: { code: 'RMT1', type: 'R' } });
    }
    if (inOracle) {
      const parentId = entity.parentKey ? oracleIds.get(entity.parentKey) : undefined;
      const recordRef = emitOracle(entity, { parentId });
      oracleIds.set(entity.key, Number(recordRef.sourceId));
    }
  }

  // Parent/child relationships wherever a system holds both.
  for (const entity of entities) {
    if (!entity.parentKey) continue;
    for (const source of ['workday', 'peoplesoft', 'oracle'] as const) {
      const child = refs[source].get(entity.key);
      const parent = refs[source].get(entity.parentKey);
      if (child && parent) truth.relate({ type: 'parent', from: child, to: parent });
    }
  }
  // Workday expresses the hierarchy from the parent side (Included_Children_Reference).
  for (const record of workday) {
    const data = record.Supplier_Data as Record<string, unknown>;
    const entityKey = [...refs.workday.entries()].find(([, recordRef]) => recordRef.sourceId === data.Supplier_ID)?.[0];
    if (!entityKey || !hasChildren.has(entityKey)) continue;
    const children = entities.filter((entity) => entity.parentKey === entityKey).map((entity) => refs.workday.get(entity.key)).filter((r): r is RecordRef => Boolean(r));
    if (children.length > 0) data.Included_Children_Reference = children.map((child) => ref('Supplier_ID', child.sourceId));
  }

  // ---- Planted duplicates beyond the natural cross-system overlap ------------------------------
  const candidates = entities.filter((entity) => !inFamily(entity) && !entity.key.startsWith('abc') && !entity.key.startsWith('premier'));
  // The same vendor entered again in another SETID / vendor group.
  for (const entity of random.sample(candidates, 5)) emitPeopleSoft(entity, { setId: 'RHS01', name: nameFor(entity, 'any').toUpperCase() });
  for (const entity of random.sample(candidates, 4)) emitLawson(entity, { group: 'PHYS' });
  // Stale records pointing at the surviving vendor ("use vendor …" — duplicate payments follow).
  for (const entity of random.sample(candidates.filter((candidate) => refs.peoplesoft.has(candidate.key)), 4)) {
    const live = refs.peoplesoft.get(entity.key) as RecordRef;
    emitPeopleSoft(entity, { name: `*USE VENDOR ${live.sourceId.split(':')[1]}* ${nameFor(entity, 'clerk')}`, status: 'I' });
  }
  for (const entity of random.sample(candidates.filter((candidate) => refs.lawson.has(candidate.key)), 3)) {
    const live = refs.lawson.get(entity.key) as RecordRef;
    emitLawson(entity, { name: `DO NOT USE - SEE VENDOR ${live.sourceId.split(':')[1]}`, status: 'I' });
  }
  // Remit-to locations in Lawson for vendors that pay to a lockbox.
  const lawsonRemit = new Set(truth.sourceIds('lawson').filter((id) => id.endsWith(':RMT1')).map((id) => id.split(':')[1]));
  for (const entity of random.sample(candidates.filter((candidate) => refs.lawson.has(candidate.key) && !lawsonRemit.has((refs.lawson.get(candidate.key) as RecordRef).sourceId.split(':')[1])), 6)) {
    const live = refs.lawson.get(entity.key) as RecordRef;
    emitLawson(entity, { vendor: Number(live.sourceId.split(':')[1]), location: { code: 'RMT1', type: 'R' } });
  }

  // ---- Bad records (a handful per source) ------------------------------------------------------
  // Bad records get identities of their own, so they are not near-duplicates of a real supplier.
  const badEntity = (key: string): SupplierEntity => {
    const place = random.pick(PLACES);
    return {
      ...random.pick(candidates), key, dba: undefined, duns: randomDuns(random), ein: ein(random), place, line1: streetLine(random),
      phone: phoneDigits(random, place.areaCode), remitPlace: place, remitLine1: `PO BOX ${random.int(1000, 99999)}`, website: undefined,
    };
  };
  {
    const entity = badEntity('bad-wd-1');
    const recordRef = emitWorkday(entity, { name: '', entityKey: 'bad-wd-1' });
    truthBad(truth, recordRef, 'REQUIRED', 'Supplier_Name is empty');
    const entity2 = badEntity('bad-wd-2');
    const ref2 = emitWorkday(entity2, { name: 'Northeast Anesthesia Billing Group LLC', taxId: einWithInvalidPrefix(random), entityKey: 'bad-wd-2' });
    truthBad(truth, ref2, 'FORMAT_EIN', 'EIN prefix never assigned by the IRS');
  }
  {
    const ref1 = emitPeopleSoft(badEntity('bad-ps-1'), { name: ' ', entityKey: 'bad-ps-1' });
    truthBad(truth, ref1, 'REQUIRED', 'NAME1 is blank');
    const ref2 = emitPeopleSoft(badEntity('bad-ps-2'), { name: 'MIDSTATE SURGICAL RENTALS INC', ein: einWithInvalidPrefix(random), entityKey: 'bad-ps-2' });
    truthBad(truth, ref2, 'FORMAT_EIN', 'EIN prefix never assigned by the IRS');
  }
  {
    const ref1 = emitLawson(badEntity('bad-lw-1'), { name: 'COASTAL INFUSION PARTNERS', taxId: einWithInvalidPrefix(random), entityKey: 'bad-lw-1' });
    truthBad(truth, ref1, 'FORMAT_EIN', 'EIN prefix never assigned by the IRS');
    // A hand-typed quote inside a quoted field: the row cannot be parsed (unescaped quote).
    const vendor = 9911;
    lawsonRows.push({ rawLine: `HOSP|      ${vendor}|||"ST. LUKE'S "NORTH" DME SUPPLY"||STLUKES|MEDI|A|27-4410923|||4 INDUSTRIAL PKWY||ALBANY|NY|12208|US|(518) 555-0147|N30` });
    truth.bad({ source: 'lawson', sourceId: `HOSP:${vendor}`, expectedCode: 'CSV_PARSE_ERROR', reason: 'unescaped double quote inside a quoted field', file: 'sources/lawson/supplier.txt', line: lawsonRows.length + 1 });
  }
  {
    const ref1 = emitOracle(badEntity('bad-or-1'), { name: 'Lakeside Oxygen Services Inc.', taxId: einWithInvalidPrefix(random), entityKey: 'bad-or-1' });
    truthBad(truth, ref1, 'FORMAT_EIN', 'EIN prefix never assigned by the IRS');
    const ref2 = emitOracle(badEntity('bad-or-2'), { name: '', entityKey: 'bad-or-2' });
    truthBad(truth, ref2, 'REQUIRED', 'Supplier is empty');
  }

  const distributors = {
    peoplesoft: ['medline', 'owensminor', 'cardinal200', 'mckesson'].flatMap((key) => {
      const found = refs.peoplesoft.get(key);
      return found ? [{ key, name: present((byKey.get(key) as SupplierEntity).names[1], 'a clerk name'), vendorId: present(found.sourceId.split(':')[1], 'a vendor id') }] : [];
    }),
    lawson: ['medline', 'owensminor', 'cardinal200', 'mckesson'].flatMap((key) => {
      const found = refs.lawson.get(key);
      return found ? [{ key, name: present((byKey.get(key) as SupplierEntity).names[1], 'a clerk name'), vendorId: present(found.sourceId.split(':')[1], 'a vendor id') }] : [];
    }),
  };
  return { distributors, workday, peoplesoft, lawsonCsv: toCsv({ columns: LAWSON_COLUMNS, rows: lawsonRows, delimiter: '|' }), oracle, truth };
}


/** Bad records were filed as their own entity on emit; this only adds the expectation. */
function truthBad(truth: TruthBuilder, recordRef: RecordRef, expectedCode: string, reason: string): void {
  truth.expectBad({ ...recordRef, expectedCode, reason });
}
