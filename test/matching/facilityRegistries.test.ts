/**
 * Hospitals as registries write them (facility-2.2.0): CMS (CCN, upper case), NPPES (the owning
 * corporation's legal business name, the hospital as other name, a taxonomy code), state licence lists
 * (`MED CTR`, `HOSP`, `UNIV`) and location tables (`… MAIN CAMPUS`). Through the public API:
 * - abbreviations, campus qualifiers and USPS address forms (suite / floor, `ONE` = `1`, `EIGHTH` = `8TH`,
 *   `N.E.` = `NE`, state names) compare as one (`POST /matching/verify`);
 * - records of one hospital from three registries end in one golden record (`POST /ingest`);
 * - a clinic or cancer center registered under the hospital's legal name at the hospital's address (NPPES
 *   taxonomy 261Q…, or a name saying so) is never auto-merged with it.
 * The hospitals here are not those of the held-out corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestAccepted, publishMapping, startIngestServer } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';

/** The hard rules that keep another kind of facility apart: the kind rule (facility-2.4.1) and, for loosely alike names, the outright veto of facility-2.21.0. */
// facility-2.26.0: a name contained in the other with a children's or maternity word more is vetoed (otherKindContainedName).
const KIND_RULES = ['otherKindOfFacility', 'otherKindLooseName', 'otherKindContainedName'];

let server: TestServer;

const FACILITIES = `{ "sourceId": ID, "name": NAME, "alternateNames": OTHER ? [OTHER] : undefined, "ccn": CCN, "npis": NPI ? [NPI] : undefined, "taxonomyCode": TAXONOMY, "address": { "line1": STREET, "city": CITY, "state": STATE, "postalCode": ZIP, "country": "US" } }`;

beforeAll(async () => {
  server = await startIngestServer();
  for (const source of ['cms', 'nppes', 'state']) await publishMapping(server, { source, domain: 'facility', expression: FACILITIES });
});
afterAll(async () => server?.stop());

interface Explanation {
  band: string;
  hardRule: { name: string } | null;
  comparators: Array<{ name: string; outcome: string; score: number | null }>;
}

async function verify(a: Record<string, unknown>, b: Record<string, unknown>): Promise<Explanation> {
  const response = await server.request<{ explanation: Explanation }>('POST', '/api/v1/matching/verify', {
    body: { domain: 'facility', a: { sourceId: 'a', ...a }, b: { sourceId: 'b', ...b } },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.explanation;
}

const comparator = (explanation: Explanation, name: string) => explanation.comparators.find((c) => c.name === name);

describe('facility names written by different registries compare as one (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['BAPTIST MEM HOSP', 'Baptist Memorial Hospital'],
    ['ST. ELIZABETH REGL MED CTR', 'Saint Elizabeth Regional Medical Center'],
    ['UNIV OF KANSAS HOSP', 'University of Kansas Hospital'],
    ['MT CARMEL EAST HOSPITAL', 'Mount Carmel East Hospital'],
    ['PORTER ADVENTIST HOSPITAL - MAIN CAMPUS', 'PORTER ADVENTIST HOSPITAL'],
    ['Hennepin County Medical Center, Inc.', 'HENNEPIN COUNTY MEDICAL CENTER'],
    ['UNIVERSITY OF KANSAS HOSPITALS', 'University of Kansas Hospital'],
  ])('%s = %s', async (a, b) => {
    const explanation = await verify({ name: a }, { name: b });
    expect(comparator(explanation, 'name'), JSON.stringify(explanation)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a named campus keeps its name', async () => {
    const explanation = await verify({ name: 'MERCY HOSPITAL SOUTH CAMPUS' }, { name: 'MERCY HOSPITAL' });
    expect(comparator(explanation, 'name')?.outcome).not.toBe('match');
  });
});

describe('USPS address forms compare as one address (POST /matching/verify)', () => {
  test.each<[Record<string, string>, Record<string, string>]>([
    [
      { line1: '4000 Cambridge St Ste 200', city: 'Kansas City', state: 'KS', postalCode: '66160' },
      { line1: '4000 CAMBRIDGE STREET', city: 'KANSAS CITY', state: 'KS', postalCode: '66160-7300' },
    ],
    [
      { line1: '2201 Hennepin Ave Fl 3', city: 'Minneapolis', state: 'Minnesota', postalCode: '55415' },
      { line1: '2201 HENNEPIN AVENUE', city: 'MINNEAPOLIS', state: 'MN', postalCode: '55415' },
    ],
    [
      { line1: 'One Baptist Medical Center Drive', city: 'Columbus', state: 'MS', postalCode: '39705' },
      { line1: '1 BAPTIST MEDICAL CENTER DR', city: 'COLUMBUS', state: 'MS', postalCode: '39705' },
    ],
    [
      { line1: '301 Eighth Avenue N.E.', city: 'Great Falls', state: 'MT', postalCode: '59405' },
      { line1: '301 8TH AVE NE', city: 'GREAT FALLS', state: 'MT', postalCode: '59405' },
    ],
  ])('%o = %o', async (a, b) => {
    const explanation = await verify({ name: 'X', address: { ...a, country: 'US' } }, { name: 'Y', address: { ...b, country: 'US' } });
    expect(comparator(explanation, 'address')?.score, JSON.stringify(explanation)).toBeGreaterThanOrEqual(0.95);
  });

  test('a lockbox department keeps its words (a different department is a different address)', async () => {
    const explanation = await verify(
      { name: 'X', address: { line1: 'DEPT CH 10164', city: 'PALATINE', state: 'IL', postalCode: '60055', country: 'US' } },
      { name: 'Y', address: { line1: 'DEPT LA 21443', city: 'PALATINE', state: 'IL', postalCode: '60055', country: 'US' } },
    );
    expect(comparator(explanation, 'address')?.score ?? 0).toBeLessThan(0.95);
  });
});

let counter = 0;
function ingestFacility(source: string, row: Record<string, string>) {
  counter += 1;
  return ingestAccepted(server, { source, domain: 'facility', row: { ID: `F${counter}`, ...row } });
}

describe('one hospital from three registries, and its clinic (POST /ingest)', () => {
  const campus = { CITY: 'Kansas City', STATE: 'KS', ZIP: '66160' };

  test('CMS, NPPES and the state licence list end in one golden record', async () => {
    const cms = await ingestFacility('cms', {
      NAME: 'UNIVERSITY OF KANSAS HOSPITAL',
      CCN: '170040',
      STREET: '4000 CAMBRIDGE STREET',
      ...campus,
    });
    const nppes = await ingestFacility('nppes', {
      NAME: 'UNIVERSITY OF KANSAS HOSPITAL AUTHORITY',
      OTHER: 'UNIVERSITY OF KANSAS HOSPITAL',
      NPI: '1730192345',
      TAXONOMY: '282N00000X',
      STREET: '4000 Cambridge St',
      ...campus,
      ZIP: '661607300',
    });
    const state = await ingestFacility('state', { NAME: 'UNIV OF KANSAS HOSP', STREET: '4000 CAMBRIDGE ST', ...campus });
    expect(nppes.goldenId).toBe(cms.goldenId);
    expect(state.goldenId).toBe(cms.goldenId);
  });

  test('a clinic and a cancer center under the hospital authority at its address are never auto-merged with it', async () => {
    const hospital = await ingestFacility('nppes', {
      NAME: 'HENNEPIN HEALTHCARE SYSTEM, INC.',
      OTHER: 'HENNEPIN COUNTY MEDICAL CENTER',
      NPI: '1972663219',
      TAXONOMY: '282N00000X',
      STREET: '701 Park Ave',
      CITY: 'Minneapolis',
      STATE: 'MN',
      ZIP: '554151623',
    });
    const clinic = await ingestFacility('nppes', {
      NAME: 'HENNEPIN HEALTHCARE SYSTEM, INC.',
      OTHER: 'HENNEPIN HEALTHCARE WHITTIER CLINIC',
      NPI: '1245391234',
      TAXONOMY: '261QM1300X',
      STREET: '701 Park Ave Ste 300',
      CITY: 'Minneapolis',
      STATE: 'MN',
      ZIP: '554151623',
    });
    const cancerCenter = await ingestFacility('state', {
      NAME: 'HENNEPIN HEALTHCARE CANCER CENTER',
      STREET: '701 PARK AVENUE',
      CITY: 'MINNEAPOLIS',
      STATE: 'MN',
      ZIP: '55415',
    });
    expect(clinic.goldenId).not.toBe(hospital.goldenId);
    expect(cancerCenter.goldenId).not.toBe(hospital.goldenId);
    const explanation = await verify(
      {
        name: 'HENNEPIN HEALTHCARE SYSTEM, INC.',
        alternateNames: ['HENNEPIN COUNTY MEDICAL CENTER'],
        taxonomyCode: '282N00000X',
        address: { line1: '701 Park Ave', city: 'Minneapolis', state: 'MN', postalCode: '55415', country: 'US' },
      },
      {
        name: 'HENNEPIN HEALTHCARE SYSTEM, INC.',
        taxonomyCode: '261QM1300X',
        address: { line1: '701 Park Ave', city: 'Minneapolis', state: 'MN', postalCode: '55415', country: 'US' },
      },
    );
    expect(explanation.band).not.toBe('auto-merge');
    expect(explanation.hardRule?.name).toBe('otherKindOfFacility');
  });
});

describe('an acronym and its expansion (POST /matching/verify, fuzzy param acronyms)', () => {
  test.each<[string, string, 'match' | 'related']>([
    ['UPMC PASSAVANT', 'University of Pittsburgh Medical Center Passavant', 'match'],
    ['OHSU HOSPITAL', 'Oregon Health & Science University Hospital', 'match'],
    // facility-2.3.0: an acronym that is a whole value is the name comparator's own `initialism` level (was partial).
    ['HCMC', 'Hennepin County Medical Center', 'related'],
  ])('%s ~ %s: %s', async (a, b, outcome) => {
    const explanation = await verify({ name: a }, { name: b });
    expect(comparator(explanation, 'name')?.outcome, JSON.stringify(explanation)).toBe(outcome);
  });

  test('an acronym alone is a similar name, never the same one; other initials do not count', async () => {
    const alone = await verify({ name: 'HCMC' }, { name: 'Hennepin County Medical Center' });
    expect(comparator(alone, 'name')?.score ?? 1).toBeLessThan(0.95);
    const other = await verify({ name: 'HCMC HOSPITAL' }, { name: 'Henry County Memorial Hospital' });
    expect(comparator(other, 'name')?.outcome).not.toBe('match');
  });
});

describe("a hospital's foundation or auxiliary is not the hospital (facility-2.3.2)", () => {
  const hospital = {
    name: 'Sarasota Memorial Hospital',
    address: { line1: '1700 S Tamiami Trl', city: 'Sarasota', state: 'FL', postalCode: '34239', country: 'US' },
  };
  test.each([
    ['Sarasota Memorial Hospital Foundation', '1700 S Tamiami Trl Ste 200'],
    ['SARASOTA MEMORIAL HOSP FDN OFFICE', '1700 S TAMIAMI TRL'],
    ['SARASOTA MEMORIAL HOSPITAL AUXILIARY', '1700 SOUTH TAMIAMI TRAIL'],
  ])('%s at the hospital’s address: never an auto-merge', async (name, line1) => {
    const explanation = await verify(hospital, { name, address: { ...hospital.address, line1 } });
    expect(explanation.band, JSON.stringify(explanation)).not.toBe('auto-merge');
    expect(explanation.hardRule?.name).toBe('otherKindOfFacility');
  });

  test('a CLINIC FOUNDATION or FOUNDATION HOSPITALS is the operator’s legal name: no other kind', async () => {
    for (const [a, b] of [
      ['The Cleveland Clinic Foundation', 'Cleveland Clinic'],
      ['Kaiser Foundation Hospitals', 'Kaiser Permanente Oakland Medical Center'],
    ]) {
      const explanation = await verify({ name: a }, { name: b });
      expect(comparator(explanation, 'kind')?.outcome, `${a} ~ ${b}`).not.toBe('mismatch');
    }
  });
});

describe('a clinic under the hospital’s CCN, a hospital of another kind on one campus, a health authority (facility-2.4.1)', () => {
  const campus = { line1: '400 W 8TH ST', city: 'GRAND MARAIS', state: 'MN', postalCode: '55604', country: 'US' };

  test('a provider-based clinic listed under the hospital’s CCN at its address (a 340B child site) is not auto-merged', async () => {
    const hospital = { name: 'NORTH SHORE HEALTH-GRAND MARAIS', ccn: '241309', address: campus };
    const clinic = { name: 'NORTH SHORE HEALTH GRAND MARAIS CLINIC', ccn: '241309', address: campus };
    const explanation = await verify(hospital, clinic);
    expect(explanation.band, JSON.stringify(explanation)).toBe('review');
    expect(explanation.hardRule?.name).toBe('otherKindOfFacility');
  });

  test('a brand + CLINIC is still a hospital’s name (Mayo Clinic, Cleveland Clinic)', async () => {
    for (const [a, b] of [
      ['Mayo Clinic', 'MAYO CLINIC HOSPITAL ROCHESTER'],
      ['The Cleveland Clinic Foundation', 'Cleveland Clinic'],
    ]) {
      const explanation = await verify({ name: a }, { name: b });
      expect(comparator(explanation, 'kind')?.outcome, `${a} ~ ${b}`).not.toBe('mismatch');
    }
  });

  test.each([
    ['Hospital de Especialidades del Centro Médico Regional Norte', 'Hospital de Pediatría del Centro Médico Regional Norte'],
    ['HOSPITAL GENERAL DEL CENTRO MEDICO REGIONAL NORTE', 'HOSPITAL INFANTIL DEL CENTRO MEDICO REGIONAL NORTE'],
    ['Ospedale Regionale San Lorenzo', 'Ospedale Pediatrico San Lorenzo'],
    ['Hôpital Saint-Martin', 'Hôpital des Enfants Saint-Martin'],
    ['Hospital Universitario San Lorenzo', 'Hospital Psiquiátrico San Lorenzo'],
  ])('%s vs %s at one address: another kind of hospital, never an auto-merge', async (a, b) => {
    const address = { line1: 'Avenida Central 100', city: 'Monterrey', postalCode: '64000', country: 'MX' };
    const explanation = await verify({ name: a, address }, { name: b, address });
    expect(explanation.band, JSON.stringify(explanation)).not.toBe('auto-merge');
    // Since facility-2.21.0 a loosely alike name of another kind is vetoed outright (otherKindLooseName) before the kind rule.
    expect(KIND_RULES).toContain(explanation.hardRule?.name);
  });

  test.each([
    ['Riverton General Hospital', 'Riverton Maternity Hospital'],
    ['Lakeside University Hospital', 'Lakeside University Maternity Hospital'],
    ['Harbour City Hospital', "Harbour City Women's Hospital"],
    ['HARBOUR CITY HOSPITAL', 'HARBOUR CITY WOMENS HOSPITAL'],
    ['Hospital Central de Valmonte', 'Maternidad Central de Valmonte'],
  ])('%s vs %s on one campus: a maternity or women’s hospital is another hospital (facility-2.16.1)', async (a, b) => {
    const address = { line1: '2 Riverside Avenue', city: 'Riverton', postalCode: '8011', country: 'NZ' };
    const explanation = await verify({ name: a, address }, { name: b, address });
    expect(explanation.band, JSON.stringify(explanation)).not.toBe('auto-merge');
    expect(KIND_RULES).toContain(explanation.hardRule?.name);
  });

  test("WOMEN'S after AND names a general hospital, not a women's hospital", async () => {
    const address = { line1: '75 Francis Street', city: 'Boston', state: 'MA', postalCode: '02115', country: 'US' };
    const explanation = await verify({ name: "Brigham and Women's Hospital", address }, { name: 'BRIGHAM & WOMENS HOSPITAL', address });
    expect(comparator(explanation, 'kind')?.outcome ?? 'none', JSON.stringify(explanation)).not.toBe('mismatch');
    expect(explanation.hardRule?.name).not.toBe('otherKindOfFacility');
  });

  test('a health authority that runs a hospital from its address is not the hospital', async () => {
    const address = { line1: '15 Hospital Road', city: 'Whangarei', postalCode: '0110', country: 'NZ' };
    const explanation = await verify(
      { name: 'Whangarei Hospital', alternateNames: ['Te Tai Tokerau'], address },
      { name: 'Te Tai Tokerau Northland', alternateNames: ['Health New Zealand – Te Tai Tokerau Northland'], address },
    );
    expect(explanation.band, JSON.stringify(explanation)).not.toBe('auto-merge');
    expect(explanation.hardRule?.name).toBe('otherKindOfFacility');
  });
});
