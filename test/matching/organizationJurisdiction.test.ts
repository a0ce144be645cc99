/**
 * Country and legal-form family as distinguishing attributes of organisations (supplier rules): a US
 * operating company and its sister or parent abroad share a name but never a country, and their names
 * end in legal forms of different families. Through the public ingest API: such pairs are never merged
 * nor put in one cluster task, while spellings of one company (`Inc` / `Incorporated`, `S.A.` /
 * `Sociedad Anonima`) still are. The extractor itself is a fixture table.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TaskView } from '../../server/contracts/stewardship';
import { loadRules } from '../../server/matching';
import { compileExtractors, extractAttributes } from '../../server/matching/attributes';
import { ingestAccepted, publishMapping, startIngestServer, type IngestBody } from '../support/factories/ingest';
import type { TestServer } from '../support/testServer';

const supplierRules = await loadRules('supplier');
const legalForm = compileExtractors((supplierRules.rules.attributes ?? []).filter((a) => a.name === 'legalForm'));
const formOf = (name: string): string[] | undefined => extractAttributes(legalForm, [name])?.legalForm;

describe('legalForm extractor (fixture table)', () => {
  test.each<{ name: string; form: string | undefined }>([
    { name: 'Medline Industries, LP', form: 'us' },
    { name: 'MEDLINE INDUSTRIES INC', form: 'us' },
    { name: 'Hologic, Incorporated', form: 'us' },
    { name: 'Cook Medical, L.L.C.', form: 'us' },
    { name: 'Medline International France SAS', form: 'sa' },
    { name: 'Grifols, S.A.', form: 'sa' },
    { name: 'GRIFOLS SOCIEDAD ANONIMA', form: 'sa' },
    { name: 'Baxter Healthcare SA', form: 'sa' },
    { name: 'Drägerwerk AG & Co. KGaA', form: 'de' },
    { name: 'KARL STORZ SE & Co. KG', form: 'de' },
    { name: 'Fresenius Kabi Deutschland GmbH', form: 'de' },
    { name: 'Coloplast A/S', form: 'nordic' },
    { name: 'Mölnlycke Health Care AB', form: 'nordic' },
    { name: 'Koninklijke Philips N.V.', form: 'nv' },
    { name: 'ConvaTec Limited', form: 'limited' },
    // supplier-3.6.0: `Co., Ltd.` renders kabushiki kaisha / 주식회사 / 股份有限公司 in English, so it names no family
    // (like `Corporation`); `ASAHI INTECC KK` and `ASAHI INTECC CO., LTD.` are one form, not two families.
    { name: 'Shenzhen Mindray Bio-Medical Electronics Co., Ltd.', form: undefined },
    { name: 'STERIS plc', form: 'limited' },
    { name: 'Terumo Kabushiki Kaisha', form: 'kk' },
    // Corporation translates Kabushiki Kaisha and Aktiengesellschaft too: no family.
    { name: 'Terumo Corporation', form: undefined },
    { name: 'Stryker Corp.', form: undefined },
    // A legal-form word inside a name is not its legal form.
    { name: 'AB Dick Company', form: undefined },
    { name: 'SA Medical Supply Co', form: undefined },
  ])('$name → $form', ({ name, form }) => {
    expect(formOf(name)).toEqual(form === undefined ? undefined : [form]);
  });
});

let server: TestServer;

// A vendor master export with the country of the main address.
const VENDORS = `{ "sourceId": VENDOR_ID, "name": NAME1, "taxId": TAX_ID ? TAX_ID, "addresses": CITY ? [{ "purposes": ["main"], "line1": STREET, "city": CITY, "postalCode": POSTAL, "country": COUNTRY }] }`;

beforeAll(async () => {
  server = await startIngestServer();
  await publishMapping(server, { source: 'sap', domain: 'supplier', expression: VENDORS });
  await publishMapping(server, { source: 'coupa', domain: 'supplier', expression: VENDORS });
});
afterAll(async () => server?.stop());

let counter = 0;
type Vendor = { NAME1: string; STREET?: string; CITY?: string; POSTAL?: string; COUNTRY?: string; TAX_ID?: string };

function ingestVendor(source: string, vendor: Vendor): Promise<IngestBody['records'][number]> {
  counter += 1;
  return ingestAccepted(server, { source, domain: 'supplier', row: { VENDOR_ID: `V${counter}`, ...vendor } });
}

async function stewardQuestionsAbout(goldenId: string): Promise<TaskView[]> {
  const response = await server.request<{ items: TaskView[] }>('GET', '/api/v1/tasks?domain=supplier&limit=200');
  expect(response.status, response.text).toBe(200);
  return response.body.items.filter(
    (task) =>
      (task.members ?? []).some((m) => m.goldenId === goldenId) ||
      task.subject.goldenId === goldenId ||
      (task.candidates ?? []).some((c) => c.goldenId === goldenId),
  );
}

describe('sister companies abroad (public ingest API)', () => {
  test.each<{ title: string; home: Vendor; abroad: Vendor; rule: string }>([
    {
      title: 'Baxter Healthcare Corporation (US) vs Baxter Healthcare SA (CH)',
      home: { NAME1: 'Baxter Healthcare Corporation', STREET: 'One Baxter Parkway', CITY: 'Deerfield', POSTAL: '60015', COUNTRY: 'US' },
      abroad: { NAME1: 'Baxter Healthcare SA', STREET: 'Thurgauerstrasse 130', CITY: 'Glattpark (Opfikon)', POSTAL: '8152', COUNTRY: 'CH' },
      rule: 'otherCountry',
    },
    {
      title: 'Medline Industries LP (US) vs Medline International France SAS (FR)',
      home: { NAME1: 'Medline Industries LP', STREET: 'Three Lakes Drive', CITY: 'Northfield', POSTAL: '60093', COUNTRY: 'US' },
      abroad: {
        NAME1: 'Medline International France SAS',
        STREET: '5 rue Charles Lindbergh',
        CITY: 'Tremblay-en-France',
        POSTAL: '93290',
        COUNTRY: 'FR',
      },
      rule: 'otherCountry',
    },
  ])('$title: never merged, not one cluster, vetoed by $rule', async ({ home, abroad, rule }) => {
    const a = await ingestVendor('sap', home);
    const b = await ingestVendor('coupa', abroad);
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(await stewardQuestionsAbout(b.goldenId as string)).toEqual([]);
    const verify = await server.request<{ explanation: { band: string; hardRule: { name: string } | null } }>(
      'POST',
      '/api/v1/matching/verify',
      {
        body: {
          domain: 'supplier',
          a: {
            sourceId: 'a',
            name: home.NAME1,
            addresses: [{ purposes: ['main'], line1: home.STREET, city: home.CITY, postalCode: home.POSTAL, country: home.COUNTRY }],
          },
          b: {
            sourceId: 'b',
            name: abroad.NAME1,
            addresses: [
              { purposes: ['main'], line1: abroad.STREET, city: abroad.CITY, postalCode: abroad.POSTAL, country: abroad.COUNTRY },
            ],
          },
        },
      },
    );
    expect(verify.status, verify.text).toBe(200);
    expect(verify.body.explanation.band).toBe('no-match');
    expect(verify.body.explanation.hardRule?.name).toBe(rule);
  });

  test('names alone in other legal-form families (no addresses): a steward may be asked, never an auto-merge', async () => {
    const verify = await server.request<{ explanation: { band: string; hardRule: { name: string } | null } }>(
      'POST',
      '/api/v1/matching/verify',
      {
        body: {
          domain: 'supplier',
          a: { sourceId: 'a', name: 'Coloplast Corp', alternateNames: ['Coloplast Inc'] },
          b: { sourceId: 'b', name: 'Coloplast A/S' },
        },
      },
    );
    expect(verify.status, verify.text).toBe(200);
    expect(verify.body.explanation.band).not.toBe('auto-merge');
  });

  test('one company written Inc and Incorporated, S.A. and Sociedad Anonima: still found', async () => {
    const a = await ingestVendor('sap', {
      NAME1: 'HOLOGIC INC',
      STREET: '250 Campus Drive',
      CITY: 'Marlborough',
      POSTAL: '01752',
      COUNTRY: 'US',
    });
    const b = await ingestVendor('coupa', {
      NAME1: 'Hologic, Incorporated',
      STREET: '250 Campus Dr',
      CITY: 'Marlborough',
      POSTAL: '01752-3020',
      COUNTRY: 'US',
    });
    const found = b.goldenId === a.goldenId || (await stewardQuestionsAbout(b.goldenId as string)).length > 0;
    expect(found).toBe(true);
    const c = await ingestVendor('sap', {
      NAME1: 'GRIFOLS SA',
      STREET: 'Avinguda de la Generalitat 152',
      CITY: 'Sant Cugat del Valles',
      POSTAL: '08174',
      COUNTRY: 'ES',
    });
    const d = await ingestVendor('coupa', {
      NAME1: 'Grifols Sociedad Anonima',
      STREET: 'Avinguda de la Generalitat, 152-158',
      CITY: 'Sant Cugat del Vallès',
      POSTAL: '08174',
      COUNTRY: 'ES',
    });
    const foundSa = d.goldenId === c.goldenId || (await stewardQuestionsAbout(d.goldenId as string)).length > 0;
    expect(foundSa).toBe(true);
  });
});
