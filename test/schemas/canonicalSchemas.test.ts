import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { NotFoundError } from '../../server/errors';
import { getCanonicalSchema, listDomains, loadCanonicalSchemas, validateCanonical } from '../../server/schemas';

const fullRecords: Record<string, Record<string, unknown>> = {
  supplier: {
    sourceId: '0000012345',
    status: 'active',
    name: 'Medline Industries, LP',
    legalName: 'Medline Industries, LP',
    alternateNames: ['Medline'],
    taxId: '36-2596623',
    taxIdCountry: 'US',
    organizationType: 'PARTNERSHIP',
    duns: '02-544-1234',
    uei: 'J7M9HPTGJ1S9',
    npi: '1245319599',
    gln: '0614141000005',
    company: 'SHARE',
    parentSourceId: '0000010000',
    remitToSourceId: '0000012346',
    category: 'Medical Surgical',
    paymentTerms: 'NET30',
    phone: '+1 800 633 5463',
    website: 'www.medline.com',
    email: 'ar@medline.example',
    addresses: [
      {
        purposes: ['order', 'main'],
        line1: 'Three Lakes Drive',
        city: 'Northfield',
        state: 'IL',
        postalCode: '60093',
        country: 'US',
        gln: '0614141000005',
      },
      { purposes: ['remit'], line1: 'PO Box 382075', city: 'Pittsburgh', state: 'PA', postalCode: '15251-8075', country: 'US' },
    ],
    extensions: { TaxOrganizationTypeCode: 'PARTNERSHIP', vendorGroup: 1 },
  },
  item: {
    sourceId: '100234',
    status: 'active',
    description: 'SPONGE GAUZE 4X4IN 12PLY STERILE',
    shortDescription: 'GAUZE 4X4 12P STR',
    manufacturer: { name: 'Covidien', id: 'COV' },
    manufacturerPartNumber: '2913',
    vendor: { name: 'Owens & Minor', sourceId: '0000054321' },
    vendorCatalogNumber: '10-775-PA-55',
    company: 'SHARE',
    gtin: '036000291452',
    ndc: '0002-0152-01',
    hibcc: 'H9991234561',
    unspsc: '42311505',
    category: 'MEDSURG',
    baseUom: 'EA',
    packaging: [
      { uom: 'BX', quantityOfEaches: 10, gtin: '10036000291459', containsUom: 'EA', containsQuantity: 10 },
      { uom: 'CA', quantityOfEaches: 120, containsUom: 'BX', containsQuantity: 12 },
    ],
    price: { amount: 12.5, currency: 'USD', uom: 'BX' },
    patientChargeable: false,
    hazardous: false,
    latexFree: true,
    sterile: true,
  },
  facility: {
    sourceId: '220071',
    status: 'active',
    name: 'MASSACHUSETTS GENERAL HOSPITAL',
    alternateNames: ['MGH'],
    ccn: '220071',
    npis: ['1234567893', '1245319599'],
    gln: '0614141000005',
    facilityType: 'Acute Care Hospitals',
    ownership: 'Voluntary non-profit - Private',
    address: { line1: '55 Fruit Street', city: 'Boston', state: 'MA', postalCode: '2114', county: 'Suffolk', country: 'US' },
    phone: '(617) 726-2000',
    parentSourceId: 'MGB',
    emergencyServices: true,
    taxonomyCode: '282N00000X',
    effectiveDate: '2020-01-01',
  },
  account: {
    sourceId: 'SHARE|6010.40',
    status: 'active',
    name: 'Medical/Surgical Supplies - Daily Hospital Services',
    accountNumber: '6010.40',
    kind: 'gl-account',
    accountType: 'expense',
    company: 'SHARE',
    parentSourceId: 'SHARE|6000',
    segments: { company: '01', costCenter: '6010', account: '40' },
    effectiveDate: '2019-07-01',
    endDate: '2030-06-30',
    currency: 'USD',
    costReportLine: '30',
    alternateNames: ['MED/SURG SUPPLIES'],
  },
};

describe('shipped canonical schemas', () => {
  test('domains come from the files present', () => {
    expect(listDomains()).toEqual(['account', 'facility', 'item', 'supplier']);
  });

  test.each(['account', 'facility', 'item', 'supplier'])('%s has $id, version, title', (domain) => {
    const canonical = getCanonicalSchema(domain);
    expect(canonical).toMatchObject({ domain, $id: `https://schemas.mdm-hub.dev/canonical/${domain}/1.0.0.json`, version: '1.0.0' });
    expect(canonical.schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(canonical.title).not.toBe('');
  });

  test.each(['account', 'facility', 'item', 'supplier'])(
    'every property of %s has a title and a description (the studio shows them)',
    (domain) => {
      const missing: string[] = [];
      const walk = (node: unknown, path: string): void => {
        if (typeof node !== 'object' || node === null) return;
        const properties = (node as { properties?: Record<string, Record<string, unknown>> }).properties;
        for (const [name, property] of Object.entries(properties ?? {})) {
          if (typeof property.title !== 'string' || typeof property.description !== 'string') missing.push(`${path}${name}`);
          walk(property, `${path}${name}.`);
          walk(property.items, `${path}${name}[].`);
        }
      };
      walk(getCanonicalSchema(domain).schema, '');
      expect(missing).toEqual([]);
    },
  );

  test.each(Object.keys(fullRecords))('a realistic full %s record is valid', (domain) => {
    expect(validateCanonical(domain, fullRecords[domain])).toEqual([]);
  });

  test.each([
    { domain: 'supplier', record: { sourceId: 'S1', name: 'Acme' } },
    { domain: 'item', record: { sourceId: 'I1', description: 'Gauze' } },
    { domain: 'facility', record: { sourceId: 'F1', name: 'Memorial Hospital' } },
    { domain: 'account', record: { sourceId: 'A1', name: 'Cash' } },
  ])('the minimal $domain record is valid', ({ domain, record }) => {
    expect(validateCanonical(domain, record)).toEqual([]);
  });

  test.each([
    { domain: 'supplier', record: { name: 'Acme' }, expected: [{ path: 'sourceId', code: 'REQUIRED', message: 'sourceId is required' }] },
    {
      domain: 'item',
      record: { sourceId: 'I1', name: 'Gauze' },
      expected: [
        { path: 'description', code: 'REQUIRED', message: 'description is required' },
        { path: 'name', code: 'ADDITIONAL_PROPERTY', message: 'name is not an allowed field' },
      ],
    },
    {
      domain: 'item',
      record: { sourceId: 'I1', description: 'Gauze', gtn: '00036000291452' },
      expected: [{ path: 'gtn', code: 'ADDITIONAL_PROPERTY', message: 'gtn is not an allowed field (did you mean gtin?)' }],
    },
    {
      domain: 'item',
      record: { sourceId: 'I1', description: 'Gauze', gtin: '00036000291453', ndc: '0002015201' },
      expected: [
        { path: 'gtin', code: 'FORMAT_GTIN', message: 'gtin: check digit should be 2, got 3' },
        {
          path: 'ndc',
          code: 'FORMAT_NDC',
          message: 'ndc: 10 digits without hyphens are ambiguous; send the hyphenated form (4-4-2, 5-3-2 or 5-4-1)',
        },
      ],
    },
    {
      domain: 'item',
      record: {
        sourceId: 'I1',
        description: 'Gauze',
        packaging: [
          { uom: 'BX', quantityOfEaches: 10 },
          { quantityOfEaches: 0, gtin: '1003600029' },
        ],
      },
      expected: [
        { path: 'packaging[1].uom', code: 'REQUIRED', message: 'packaging[1].uom is required' },
        {
          path: 'packaging[1].quantityOfEaches',
          code: 'EXCLUSIVE_MINIMUM',
          message: 'packaging[1].quantityOfEaches should be greater than 0',
        },
        { path: 'packaging[1].gtin', code: 'FORMAT_GTIN', message: 'packaging[1].gtin should have 8, 12, 13 or 14 digits, got 10' },
      ],
    },
    {
      domain: 'item',
      record: { sourceId: 'I1', description: 'Gauze', baseUom: 'GALLON', price: { amount: -1, currency: 'usd' } },
      expected: [
        {
          path: 'baseUom',
          code: 'FORMAT_UOM',
          message: 'baseUom is not a known unit of measure; use one of EA, BX, CS, PK, CT, DZ, KT, BG, BT, VL, TB, RL, TR, PR, SET',
        },
        { path: 'price.amount', code: 'MINIMUM', message: 'price.amount should be at least 0' },
        { path: 'price.currency', code: 'PATTERN', message: 'price.currency does not have the expected form (pattern ^[A-Z]{3}$)' },
      ],
    },
    {
      domain: 'item',
      record: { sourceId: 'I1', description: 'Gauze', latexFree: 'Y' },
      expected: [{ path: 'latexFree', code: 'TYPE', message: 'latexFree should be a boolean, got a string' }],
    },
    {
      domain: 'supplier',
      record: {
        sourceId: 'S1',
        name: 'Acme',
        status: 'A',
        taxId: '123-45-6789',
        addresses: [{ purposes: ['remit-to'], postalCode: 60093 }],
      },
      expected: [
        { path: 'status', code: 'ENUM', message: 'status should be one of active or inactive, got "A"' },
        { path: 'taxId', code: 'FORMAT_EIN', message: 'taxId is written like an SSN (XXX-XX-XXXX), not an EIN (XX-XXXXXXX)' },
        {
          path: 'addresses[0].purposes[0]',
          code: 'ENUM',
          message: 'addresses[0].purposes[0] should be one of order, remit, ship, bill or main, got "remit-to"',
        },
        { path: 'addresses[0].postalCode', code: 'TYPE', message: 'addresses[0].postalCode should be a string, got an integer' },
      ],
    },
    {
      domain: 'facility',
      record: { sourceId: 'F1', name: 'Memorial', ccn: '22-0071X', npis: ['1234567890'], emergencyServices: 'Yes' },
      expected: [
        { path: 'ccn', code: 'FORMAT_CCN', message: 'ccn should have 6 characters, got 7' },
        { path: 'npis[0]', code: 'FORMAT_NPI', message: 'npis[0]: check digit should be 3, got 0' },
        { path: 'emergencyServices', code: 'TYPE', message: 'emergencyServices should be a boolean, got a string' },
      ],
    },
    {
      domain: 'account',
      record: { sourceId: 'A1', name: 'Cash', kind: 'gl', accountType: 'Expense', effectiveDate: '07/01/2019' },
      expected: [
        { path: 'kind', code: 'ENUM', message: 'kind should be one of gl-account or cost-center, got "gl"' },
        {
          path: 'accountType',
          code: 'ENUM',
          message: 'accountType should be one of asset, liability, equity, revenue, expense or statistical, got "Expense"',
        },
        { path: 'effectiveDate', code: 'FORMAT_DATE', message: 'effectiveDate should be a date written YYYY-MM-DD' },
      ],
    },
    { domain: 'account', record: null, expected: [{ code: 'TYPE', message: 'the value should be an object, got null' }] },
  ])('$domain violations are reported with exact paths, codes and messages (#$#)', ({ domain, record, expected }) => {
    expect(validateCanonical(domain, record)).toEqual(expected);
  });

  test('extensions accept any source-specific extras', () => {
    expect(
      validateCanonical('item', { sourceId: 'I1', description: 'G', extensions: { MATKL: '001', UMREZ: 12, nested: { a: [1] } } }),
    ).toEqual([]);
  });

  test('an unknown domain is a NotFoundError', () => {
    expect(() => getCanonicalSchema('patient')).toThrow(NotFoundError);
    expect(() => validateCanonical('patient', {})).toThrow(NotFoundError);
  });
});

describe('loadCanonicalSchemas', () => {
  let directory: string | undefined;
  afterEach(() => {
    if (directory) rmSync(directory, { recursive: true, force: true });
    directory = undefined;
  });

  function schemaFile(domain: string, overrides: Record<string, unknown> = {}): string {
    return JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `https://schemas.mdm-hub.dev/canonical/${domain}/2.1.0.json`,
      'x-version': '2.1.0',
      title: 'Location',
      type: 'object',
      required: ['sourceId'],
      additionalProperties: false,
      properties: { sourceId: { type: 'string' }, gln: { type: 'string', format: 'gln' } },
      ...overrides,
    });
  }

  test('a new domain is a new file: no code change', () => {
    directory = mkdtempSync(join(tmpdir(), 'canonical-'));
    writeFileSync(join(directory, 'location.schema.json'), schemaFile('location'));
    writeFileSync(join(directory, 'README.md'), 'not a schema');
    const registry = loadCanonicalSchemas(directory);
    expect(registry.listDomains()).toEqual(['location']);
    expect(registry.getCanonicalSchema('location')).toMatchObject({
      version: '2.1.0',
      $id: 'https://schemas.mdm-hub.dev/canonical/location/2.1.0.json',
    });
    expect(registry.validateCanonical('location', { sourceId: 'L1', gln: '0614141000006' })).toEqual([
      { path: 'gln', code: 'FORMAT_GLN', message: 'gln: check digit should be 5, got 6' },
    ]);
  });

  test('every broken file is listed in one error', () => {
    directory = mkdtempSync(join(tmpdir(), 'canonical-'));
    writeFileSync(join(directory, 'a.schema.json'), '{ not json');
    writeFileSync(join(directory, 'b.schema.json'), schemaFile('b', { 'x-version': 'one' }));
    writeFileSync(join(directory, 'c.schema.json'), schemaFile('other'));
    writeFileSync(join(directory, 'd.schema.json'), schemaFile('d', { properties: { sourceId: { type: 'string', requird: true } } }));
    // A misspelt required field would make every record invalid: canonical schemas are checked with strictRequired.
    writeFileSync(join(directory, 'e.schema.json'), schemaFile('e', { required: ['sourceid'] }));
    let message = '';
    try {
      loadCanonicalSchemas(directory);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/a\.schema\.json: is not valid JSON/);
    expect(message).toMatch(/b\.schema\.json: "x-version" should be a version such as 1\.0\.0/);
    expect(message).toMatch(/c\.schema\.json: "\$id" should end with \/c\/2\.1\.0\.json/);
    expect(message).toMatch(/d\.schema\.json: does not compile \(strict mode: unknown keyword: "requird"\)/);
    expect(message).toMatch(/e\.schema\.json: does not compile \(strict mode: required property "sourceid" is not defined/);
  });

  test('the shipped files are what the default registry serves', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../canonical-schemas/item.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(getCanonicalSchema('item').schema).toEqual(shipped);
  });
});
