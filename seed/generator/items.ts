/** Item payloads for PeopleSoft, Lawson and an Epic supply feed (HL7 MFN^M16 shaped), with planted duplicates. */
import type { Random } from './random';
import type { Family, Manufacturer } from './item-catalog';
import type { RecordRef } from './truth';
import { FAMILIES, MANUFACTURERS } from './item-catalog';
import { TruthBuilder } from './truth';
import { corruptCheckDigit, gtin14, ndcGtin14, stripLeadingZeros } from './codes';
import { toCsv } from './csv';
import { catalogToX12, type CatalogLine } from './x12';
import { present } from '../../server/invariant';

export interface ItemSeed {
  peoplesoft: unknown[];
  lawsonCsv: string;
  epic: unknown[];
  /** Owens & Minor's 832 price catalog (X12) for med-surg items the hospitals also carry. */
  owensMinorX12: string;
  truth: TruthBuilder;
}

export interface Distributor {
  key: string;
  name: string;
  vendorId: string;
}

interface Product {
  key: string;
  family: Family;
  manufacturer: Manufacturer;
  size: string;
  catalog: string;
  ndc?: string;
  gtins: { EA: string; BX: string; CS: string };
}

const LAWSON_COLUMNS = [
  'ITEM', 'DESCRIPTION', 'DESCRIPTION2', 'MANUF_CODE', 'MANUF_NBR', 'STOCK_UOM', 'ACTIVE_STATUS', 'GTIN', 'UNSPSC_CODE',
  'VENDOR', 'VEN_ITEM', 'UOM', 'UOM_MULT', 'PKG_DESC', 'UNIT_COST',
];

/** Reformats a catalog number the way another clerk or distributor would type it. */
function catalogVariant(random: Random, catalog: string): string {
  const plain = catalog.replace(/[^A-Za-z0-9]/g, '');
  const choice = random.int(0, 3);
  if (choice === 0) return catalog;
  if (choice === 1) return plain;
  if (choice === 2 && plain.length >= 6) return `${plain.slice(0, 3)}-${plain.slice(3)}`;
  return catalog.toLowerCase() === catalog ? catalog.toUpperCase() : catalog.replace(/-/g, ' ');
}

/** 5-4-2 billing form of a hyphenated NDC-10, without hyphens. */
function ndc11Digits(ndc: string): string {
  const [labeler, product, pack] = ndc.split('-');
  if (labeler === undefined || product === undefined || pack === undefined) throw new Error(`NDC ${ndc} is not labeler-product-package`);
  return labeler.padStart(5, '0') + product.padStart(4, '0') + pack.padStart(2, '0');
}

function buildProducts(random: Random): Product[] {
  const manufacturers = new Map(MANUFACTURERS.map((manufacturer) => [manufacturer.key, manufacturer]));
  const usedRefs = new Set<string>();
  const products: Product[] = [];
  for (const family of FAMILIES) {
    const manufacturer = manufacturers.get(family.manufacturer) as Manufacturer;
    family.sizes.forEach(([size, catalog], index) => {
      let gtins: Product['gtins'];
      let ndc: string | undefined;
      if (family.ndc) {
        ndc = `${manufacturer.labeler}-${catalog}`;
        const digits = ndc.replace(/-/g, '');
        gtins = { EA: ndcGtin14(0, digits), BX: ndcGtin14(1, digits), CS: ndcGtin14(5, digits) };
      } else {
        let itemRef = random.digits(5);
        while (usedRefs.has(manufacturer.gs1Prefix + itemRef)) itemRef = random.digits(5);
        usedRefs.add(manufacturer.gs1Prefix + itemRef);
        const base = manufacturer.gs1Prefix + itemRef;
        gtins = { EA: gtin14(0, base), BX: gtin14(1, base), CS: gtin14(5, base) };
      }
      products.push({ key: `${family.key}-${index}`, family, manufacturer, size, catalog, ndc, gtins });
    });
  }
  return products;
}

/** Generates all item sources; the truth builder receives every emitted record. */
export function generateItems(input: { random: Random; distributors: { peoplesoft: Distributor[]; lawson: Distributor[] } }): ItemSeed {
  const { random, distributors } = input;
  const truth = new TruthBuilder('item');
  const products = buildProducts(random);
  const peoplesoft: Array<Record<string, unknown>> = [];
  const lawsonRows: Array<Record<string, string> | { rawLine: string }> = [];
  const epic: Array<Record<string, unknown>> = [];
  let psSeq = 10004100;
  let lawsonSeq = 21040;
  let epicSeq = 104200;

  const distributorCatalog = (distributor: Distributor, product: Product): string => {
    if (distributor.key === product.manufacturer.key) return product.catalog;
    if (distributor.key === 'mckesson') return String(1000000 + random.int(0, 999999));
    if (distributor.key === 'owensminor') return `${product.manufacturer.lawsonCode}-${product.catalog.replace(/[^A-Za-z0-9]/g, '')}`;
    return `${product.manufacturer.lawsonCode}${product.catalog.replace(/[^A-Za-z0-9]/g, '')}`;
  };

  // ---- PeopleSoft ----------------------------------------------------------------------------
  const emitPeopleSoft = (product: Product, options: { descr?: string; gtinEa?: string; stdUom?: string; entityKey?: string } = {}): RecordRef => {
    const itemId = String(psSeq);
    psSeq += random.int(1, 40);
    const family = product.family;
    const perBox = family.box;
    const perCase = family.box * family.caseBoxes;
    const stockInBoxes = !family.ndc && options.stdUom === undefined && random.chance(0.2);
    const std = options.stdUom ?? (stockInBoxes ? 'BX' : 'EA');
    // CONVERSION_RATE = how many standard units one unit of this UOM holds; stocking in boxes makes EA a fraction.
    const rate = (eaches: number): number => (stockInBoxes ? Number((eaches / perBox).toFixed(8)) : eaches);
    const uoms = [{ UNIT_OF_MEASURE: 'EA', CONVERSION_RATE: rate(1) }, { UNIT_OF_MEASURE: 'BX', CONVERSION_RATE: rate(perBox) }];
    if (family.caseBoxes > 1) uoms.push({ UNIT_OF_MEASURE: 'CS', CONVERSION_RATE: rate(perCase) });
    const distributor = random.pick(distributors.peoplesoft);
    const descr = options.descr ?? family.peoplesoft(product.size);
    const gtinRows = [{ MFG_ID: product.manufacturer.peoplesoftId, UNIT_OF_MEASURE: 'EA', GTIN: options.gtinEa ?? product.gtins.EA }];
    if (random.chance(0.6)) gtinRows.push({ MFG_ID: product.manufacturer.peoplesoftId, UNIT_OF_MEASURE: 'BX', GTIN: product.gtins.BX });
    peoplesoft.push({
      SETID: 'SHARE', INV_ITEM_ID: itemId, DESCR60: descr, DESCR: descr.slice(0, 30), ITM_STATUS_CURRENT: random.chance(0.06) ? '4' : '1',
      INV_ITEM_TYPE: 'STK', CATEGORY_CD: family.ndc ? 'RX' : family.unspsc.startsWith('42') ? 'MEDSURG' : 'ENVSVC',
      UNIT_MEASURE_STD: std, LOT_CONTROL: family.ndc ? 'Y' : 'N', HAZ_CLASS_CD: family.hazardous ? '8' : ' ',
      CHARGE_CODE: family.chargeable ? `27${random.digits(5)}` : ' ',
      ITEM_MFG: [{ MFG_ID: product.manufacturer.peoplesoftId, MFG_ITM_ID: family.ndc ? (product.ndc as string) : catalogVariant(random, product.catalog), PREFERRED_MFG: 'Y' }],
      ITM_VENDOR: [{
        VENDOR_SETID: 'SHARE', VENDOR_ID: distributor.vendorId, ITM_ID_VNDR: distributorCatalog(distributor, product), ITM_VNDR_PRIORITY: 1,
        UNIT_OF_MEASURE: 'BX', PRICE_VNDR: Number((family.price * perBox * (0.9 + random.next() * 0.2)).toFixed(2)), CURRENCY_CD: 'USD',
      }],
      INV_ITEM_UOM: uoms,
      ITEM_MFG_GTIN: gtinRows,
    });
    return truth.add(options.entityKey ?? product.key, { source: 'peoplesoft', sourceId: `SHARE:${itemId}` });
  };

  // ---- Lawson --------------------------------------------------------------------------------
  const emitLawson = (product: Product, options: { descriptionOnly?: boolean; level?: 'CS'; uom?: string; gtin?: string; entityKey?: string; description?: string } = {}): RecordRef => {
    const item = String(lawsonSeq);
    lawsonSeq += random.int(1, 25);
    const family = product.family;
    const distributor = random.pick(distributors.lawson);
    const manufacturerShort = present(product.manufacturer.names[random.int(1, product.manufacturer.names.length - 1)], "product.manufacturer.names[random.int(1, product.manufacturer.names.length - 1)]").toUpperCase();
    const purchaseUom = options.level ?? (family.boxUom === 'CS' ? 'CS' : random.chance(0.7) ? 'BX' : 'CS');
    const multiplier = purchaseUom === 'BX' ? family.box : family.box * family.caseBoxes;
    const mangleGtin = random.chance(0.6);
    const gtin = options.gtin ?? (options.level ? product.gtins.CS : product.gtins.EA);
    const row: Record<string, string> = {
      ITEM: item,
      DESCRIPTION: (options.description ?? family.lawson(product.size)).slice(0, 30),
      DESCRIPTION2: product.ndc ? `NDC ${product.ndc}` : '',
      MANUF_CODE: product.manufacturer.lawsonCode,
      // Pharmacy items carry the NDC as the manufacturer number, hyphenated or as the 11-digit billing form.
      MANUF_NBR: product.ndc ? (random.chance(0.5) ? product.ndc : ndc11Digits(product.ndc)) : catalogVariant(random, product.catalog),
      STOCK_UOM: options.uom ?? (options.level ?? 'EA'),
      ACTIVE_STATUS: random.chance(0.05) ? 'I' : 'A',
      // Spreadsheet round-trips drop the leading zeros of indicator-0 GTINs (GTIN-12/13 forms).
      GTIN: random.chance(0.65) || options.gtin || options.level ? (!gtin.startsWith('0') ? gtin : mangleGtin ? stripLeadingZeros(gtin) : gtin.slice(1)) : '',
      UNSPSC_CODE: random.chance(0.7) ? family.unspsc : '',
      VENDOR: distributor.vendorId,
      VEN_ITEM: distributorCatalog(distributor, product),
      UOM: options.level ? 'CS' : purchaseUom,
      UOM_MULT: options.level ? '1' : random.chance(0.8) ? String(multiplier) : '',
      PKG_DESC: options.level ? '1 CS/CS' : `${multiplier} EA/${purchaseUom}`,
      UNIT_COST: (family.price * multiplier * (0.9 + random.next() * 0.2)).toFixed(2),
    };
    if (options.descriptionOnly) {
      // Only evidence: manufacturer and catalog number typed into the free-text description.
      row.DESCRIPTION2 = `${manufacturerShort} ${catalogVariant(random, product.catalog)}`;
      row.MANUF_CODE = '';
      row.MANUF_NBR = '';
      row.GTIN = '';
      row.UNSPSC_CODE = '';
    }
    if (options.level) row.DESCRIPTION2 = `CS/${family.box * family.caseBoxes}`;
    lawsonRows.push(row);
    return truth.add(options.entityKey ?? product.key, { source: 'lawson', sourceId: item });
  };

  // ---- Epic supply feed ----------------------------------------------------------------------
  const emitEpic = (product: Product, options: { level?: 'BX'; description?: string; gtinEa?: string; entityKey?: string } = {}): RecordRef => {
    const id = String(epicSeq);
    epicSeq += random.int(1, 30);
    const family = product.family;
    const manufacturerName = product.manufacturer.names[random.chance(0.5) ? 0 : random.int(0, product.manufacturer.names.length - 1)];
    const pkg = (setId: number, uom: string, quantity: number, gtin: string): Record<string, unknown> => ({
      SetId: String(setId), PackagingUnits: { Identifier: uom, Text: { EA: 'Each', BX: 'Box', CS: 'Case' }[uom] },
      DefaultOrderUnitOfMeasureIndicator: uom === 'BX' ? 'Y' : 'N', PackageQuantity: String(quantity),
      Price: { Quantity: (family.price * (uom === 'EA' ? 1 : uom === 'BX' ? family.box : family.box * family.caseBoxes)).toFixed(2), Denomination: 'USD' },
      GlobalTradeItemNumber: gtin, QuantityOfEach: String(uom === 'EA' ? 1 : uom === 'BX' ? family.box : family.box * family.caseBoxes),
    });
    const packages = options.level
      ? [pkg(1, 'BX', 1, product.gtins.BX)]
      : [pkg(1, 'EA', 1, options.gtinEa ?? product.gtins.EA), pkg(2, 'BX', family.box, product.gtins.BX)];
    const vendorName = random.pick(['OWENS & MINOR', 'MEDLINE INDUSTRIES', 'CARDINAL HEALTH']);
    epic.push({
      MFE: { RecordLevelEventCode: random.chance(0.1) ? 'MUP' : 'MAD', PrimaryKeyValue: { Identifier: id, NamespaceId: 'EPIC-SUP' }, EffectiveDateTime: `2024${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 28)).padStart(2, '0')}` },
      ITM: {
        ItemIdentifier: { Identifier: id, NamespaceId: 'EPIC-SUP' },
        ItemDescription: options.description ?? (options.level ? `${family.epic(product.size)} (Box of ${family.box})` : family.epic(product.size)),
        ItemStatus: random.chance(0.05) ? { Identifier: 'I', Text: 'Inactive' } : { Identifier: 'A', Text: 'Active' },
        ItemType: { Identifier: family.ndc ? 'MED' : 'SUP' },
        ItemCategory: { Identifier: family.unspsc, NameOfCodingSystem: 'UNSPSC' },
        SubjectToExpirationIndicator: family.ndc ? 'Y' : 'N',
        ManufacturerIdentifier: { Identifier: product.manufacturer.labeler ?? product.manufacturer.lawsonCode },
        ManufacturerName: manufacturerName,
        ManufacturerCatalogNumber: product.ndc ?? catalogVariant(random, product.catalog),
        PatientChargeableIndicator: family.chargeable ? 'Y' : 'N',
        LatexIndicator: family.latexFree === false ? 'Y' : family.latexFree ? 'N' : '',
        SupplyRiskCodes: family.hazardous ? [{ Identifier: 'COR', Text: 'Corrosive', NameOfCodingSystem: 'HL70613' }] : [],
      },
      VND: [{ SetId: '1', VendorIdentifier: { Identifier: vendorName.slice(0, 3) + '01' }, VendorName: vendorName, VendorCatalogNumber: `${product.manufacturer.lawsonCode}${product.catalog.replace(/[^A-Za-z0-9]/g, '')}`, PrimaryVendorIndicator: 'Y' }],
      PKG: packages,
    });
    return truth.add(options.entityKey ?? product.key, { source: 'epic-supply', sourceId: id });
  };

  // ---- Coverage and planted patterns ----------------------------------------------------------
  for (const product of products) {
    const inPeopleSoft = random.chance(0.7);
    const inLawson = random.chance(0.6);
    const inEpic = random.chance(0.55) || (!inPeopleSoft && !inLawson);
    if (inPeopleSoft) emitPeopleSoft(product);
    if (inLawson) emitLawson(product, { descriptionOnly: random.chance(0.12) });
    if (inEpic) emitEpic(product);
  }
  // Duplicate item-master entries inside one system: the second was keyed from a requisition.
  for (const product of random.sample(products.filter((p) => !p.family.ndc), 7)) emitLawson(product, { descriptionOnly: true });
  for (const product of random.sample(products, 3)) emitEpic(product, { description: `${product.family.lawson(product.size)} ${product.manufacturer.names[1]} ${product.catalog}` });
  // Packaging levels: the box (Epic) or case (Lawson) set up as its own item — related, not a duplicate.
  for (const product of random.sample(products, 6)) {
    const anchor = truth.first(product.key);
    const boxRecord = emitEpic(product, { level: 'BX', entityKey: `${product.key}#BX` });
    if (anchor) truth.relate({ type: 'packaging', from: boxRecord, to: anchor, note: `box of ${product.family.box}` });
  }
  for (const product of random.sample(products.filter((p) => p.family.caseBoxes > 1), 4)) {
    const anchor = truth.first(product.key);
    const caseRecord = emitLawson(product, { level: 'CS', entityKey: `${product.key}#CS` });
    if (anchor) truth.relate({ type: 'packaging', from: caseRecord, to: anchor, note: `case of ${product.family.box * product.family.caseBoxes}` });
  }

  // ---- Bad records ------------------------------------------------------------------------------
  const spare = (): Product => random.pick(products);
  const bad = (recordRef: RecordRef, expectedCode: string, reason: string): void => truth.expectBad({ ...recordRef, expectedCode, reason });
  {
    const product = spare();
    bad(emitPeopleSoft(product, { gtinEa: corruptCheckDigit(product.gtins.EA), entityKey: 'bad-ps-gtin' }), 'FORMAT_GTIN', 'GTIN check digit is wrong');
    bad(emitPeopleSoft(spare(), { descr: ' ', entityKey: 'bad-ps-descr' }), 'REQUIRED', 'DESCR60 is blank');
    bad(emitPeopleSoft(spare(), { stdUom: 'PLT', entityKey: 'bad-ps-uom' }), 'FORMAT_UOM', 'standard unit of measure PLT is not a known unit');
  }
  {
    const product = spare();
    bad(emitLawson(product, { gtin: corruptCheckDigit(product.gtins.EA), entityKey: 'bad-lw-gtin' }), 'FORMAT_GTIN', 'GTIN check digit is wrong');
    bad(emitLawson(spare(), { uom: 'ZZ', entityKey: 'bad-lw-uom' }), 'FORMAT_UOM', 'stock unit of measure ZZ is not a known unit');
    const item = String(lawsonSeq + 7);
    lawsonRows.push({ rawLine: `${item},"DRSG FOAM 4X4 "BORDERED" ",,MOL,295300,EA,A,,42311511,,,BX,10,10 EA/BX,31.00` });
    truth.bad({ source: 'lawson', sourceId: item, expectedCode: 'CSV_PARSE_ERROR', reason: 'unescaped double quote inside a quoted field', file: 'sources/lawson/item.csv', line: lawsonRows.length + 1 });
  }
  {
    const product = spare();
    bad(emitEpic(product, { gtinEa: corruptCheckDigit(product.gtins.EA), entityKey: 'bad-ep-gtin' }), 'FORMAT_GTIN', 'GTIN check digit is wrong');
    bad(emitEpic(spare(), { description: '', entityKey: 'bad-ep-descr' }), 'REQUIRED', 'ITM item description is empty');
  }

  // ---- Owens & Minor 832 price catalog (drawn last, so the records above do not change) ------------
  const owensMinor = distributors.lawson.find((d) => d.key === 'owensminor') ?? { key: 'owensminor', name: 'Owens & Minor', vendorId: '' };
  const catalogLines: CatalogLine[] = random.sample(products.filter((p) => !p.family.ndc), 16).map((product) => {
    const line: CatalogLine = {
      vendorItem: distributorCatalog(owensMinor, product),
      manufacturerPart: catalogVariant(random, product.catalog),
      gtinEach: product.gtins.EA,
      description: product.family.peoplesoft(product.size).slice(0, 80),
      manufacturer: present(product.manufacturer.names[0], "product.manufacturer.names[0]").toUpperCase(),
      eachesPerBox: product.family.box,
      priceEach: Number((product.family.price * (0.92 + random.next() * 0.1)).toFixed(4)),
    };
    truth.add(product.key, { source: 'owens-minor', sourceId: line.vendorItem });
    return line;
  });
  const owensMinorX12 = catalogToX12({ sender: 'OWENSMINOR', seller: 'OWENS & MINOR DISTRIBUTION INC', catalogId: 'OM-MEDSURG-2024-12', date: '20241201', control: 417, lines: catalogLines });

  return { peoplesoft, lawsonCsv: toCsv({ columns: LAWSON_COLUMNS, rows: lawsonRows }), epic, owensMinorX12, truth };
}
