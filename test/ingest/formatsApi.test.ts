/**
 * Source formats through the public ingest API: XML/SOAP, X12 832 (inline and as an upload job), FHIR R4
 * Bundles, pipe-delimited uploads in Windows-1252 and UTF-16 with BOM, Content-Type parameters overriding
 * a mapping's `format`, and an unreadable message in the middle of a batch becoming an exception in place.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestServer } from '../support/testServer';
import { ingest, startIngestServer, type IngestBody } from '../support/factories/ingest';
import { at, firstOf } from '../support/must';

interface JobView {
  status: string;
  result: { totals: IngestBody['totals'] } | null;
  /** What the upload answered before the job ran. */
  estimatedRecords?: number;
}

/** PUTs a draft with its `format` setting and publishes it. */
async function publishWithFormat(
  server: TestServer,
  input: { source: string; domain: string; expression: string; format: { contentType: string; options?: Record<string, unknown> } },
): Promise<void> {
  const put = await server.request('PUT', `/api/v1/mappings/${input.source}/${input.domain}`, {
    body: { expression: input.expression, format: input.format },
  });
  expect([200, 201], put.text).toContain(put.status);
  const published = await server.request('POST', `/api/v1/mappings/${input.source}/${input.domain}/publish`, { body: {} });
  expect([200, 201], published.text).toContain(published.status);
}

/** The canonical record the hub keeps for a source id. */
async function canonicalOf(server: TestServer, domain: string, source: string, sourceId: string): Promise<Record<string, unknown>> {
  const xref = await server.request<{ goldenId: string }>('GET', `/api/v1/xref/${domain}/${source}/${encodeURIComponent(sourceId)}`);
  expect(xref.status, xref.text).toBe(200);
  const golden = await server.request<{ sources: Array<{ canonical: Record<string, unknown> }> }>(
    'GET',
    `/api/v1/golden/${domain}/${xref.body.goldenId}?include=sources`,
  );
  expect(golden.status).toBe(200);
  const found = golden.body.sources.find((entry) => entry.canonical.sourceId === sourceId);
  expect(found, `source ${sourceId} under its golden record`).toBeDefined();
  return found!.canonical;
}

async function runUpload(server: TestServer, path: string, raw: string | Buffer, contentType: string): Promise<JobView> {
  const created = await server.request<{ location: string; estimatedRecords: number }>('POST', path, { raw, contentType });
  expect(created.status, created.text).toBe(202);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = await server.request<JobView>('GET', created.body.location);
    if (['succeeded', 'failed', 'cancelled'].includes(job.body.status))
      return { ...job.body, estimatedRecords: created.body.estimatedRecords };
    if (Date.now() > deadline) throw new Error(`job did not finish: ${job.text}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const SOAP = `<?xml version="1.0" encoding="UTF-8"?>
<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wd="urn:com.workday/bsvc">
  <env:Body>
    <wd:Get_Suppliers_Response>
      <wd:Response_Data>
        <wd:Supplier>
          <wd:Supplier_Reference><wd:ID wd:type="Supplier_ID">SUP-000100</wd:ID></wd:Supplier_Reference>
          <wd:Supplier_Data><wd:Supplier_Name>MEDLINE INDUSTRIES LP</wd:Supplier_Name>
            <wd:Address_Data><wd:Municipality>Northfield</wd:Municipality></wd:Address_Data></wd:Supplier_Data>
        </wd:Supplier>
        <wd:Supplier>
          <wd:Supplier_Reference><wd:ID wd:type="WID">9f1</wd:ID><wd:ID wd:type="Supplier_ID">SUP-000101</wd:ID></wd:Supplier_Reference>
          <wd:Supplier_Data><wd:Supplier_Name>Cardinal Health 200, LLC &amp; Affiliates</wd:Supplier_Name>
            <wd:Address_Data><wd:Municipality>Dublin</wd:Municipality></wd:Address_Data>
            <wd:Address_Data><wd:Municipality>Waukegan</wd:Municipality></wd:Address_Data></wd:Supplier_Data>
        </wd:Supplier>
      </wd:Response_Data>
    </wd:Get_Suppliers_Response>
  </env:Body>
</env:Envelope>`;

const SOAP_EXPRESSION = `{
  "sourceId": Supplier_Reference.ID[\`@type\` = 'Supplier_ID'].\`#text\`,
  "name": Supplier_Data.Supplier_Name,
  "alternateNames": [Supplier_Data.Address_Data.Municipality]
}`;

const ISA = 'ISA*00*          *00*          *ZZ*OWENSMINOR     *ZZ*HOSPITAL       *241201*0600*^*00501*000000417*0*P*:~';
const x12 = (...segments: string[]) =>
  `${ISA}\nGS*SC*OWENSMINOR*HOSPITAL*20241201*0600*417*X*005010~\n${segments.join('~\n')}~\nGE*1*417~\nIEA*1*000000417~\n`;
const X12_EXPRESSION = `{ "sourceId": LIN.(LIN02 = 'VC' ? LIN03 : LIN05), "description": PID[PID01 = 'F'].PID05, "baseUom": CTP[0].CTP05 }`;

describe('source formats through the ingest API', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startIngestServer();
    await publishWithFormat(server, {
      source: 'wd',
      domain: 'supplier',
      expression: SOAP_EXPRESSION,
      format: {
        contentType: 'text/xml',
        options: { recordPath: 'Envelope.Body.Get_Suppliers_Response.Response_Data.Supplier', alwaysArray: ['ID', 'Address_Data'] },
      },
    });
    await publishWithFormat(server, {
      source: 'om',
      domain: 'item',
      expression: X12_EXPRESSION,
      format: { contentType: 'application/edi-x12' },
    });
    await publishWithFormat(server, {
      source: 'epicx',
      domain: 'item',
      expression: `{ "sourceId": ITM[0].ItemIdentifier.EntityIdentifier, "description": ITM[0].ItemDescription }`,
      format: { contentType: 'application/hl7-v2' },
    });
    await publishWithFormat(server, {
      source: 'fhirsrv',
      domain: 'supplier',
      expression: `{ "sourceId": id, "name": name }`,
      format: { contentType: 'application/fhir+json', options: { resourceType: 'Organization' } },
    });
    await publishWithFormat(server, {
      source: 'lawx',
      domain: 'item',
      expression: `{ "sourceId": ITEM, "description": DESCRIPTION }`,
      format: { contentType: 'text/csv', options: { delimiter: '|', encoding: 'windows-1252' } },
    });
  });
  afterAll(async () => server.stop());

  test('SOAP XML inline: one record per Supplier at the mapping recordPath, alwaysArray makes one and many alike', async () => {
    const response = await ingest(server, {
      source: 'wd',
      domain: 'supplier',
      body: SOAP,
      contentType: 'application/soap+xml; charset=utf-8',
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.totals).toEqual({ received: 2, accepted: 2, unchanged: 0, exceptions: 0 });
    expect(response.body.records.map((record) => [record.sourceId, record.position])).toEqual([
      ['SUP-000100', expect.objectContaining({ index: 0 })],
      ['SUP-000101', expect.objectContaining({ index: 1 })],
    ]);
    expect(await canonicalOf(server, 'supplier', 'wd', 'SUP-000100')).toMatchObject({ alternateNames: ['Northfield'] });
    expect(await canonicalOf(server, 'supplier', 'wd', 'SUP-000101')).toMatchObject({
      name: 'Cardinal Health 200, LLC & Affiliates',
      alternateNames: ['Dublin', 'Waukegan'],
    });
  });

  test('Content-Type parameters override the mapping format for one request (recordPath, then a bad option → 400)', async () => {
    const wrongPath = await ingest(server, {
      source: 'wd',
      domain: 'supplier',
      body: SOAP,
      contentType: 'text/xml; recordPath="Envelope.Payload.Supplier"',
    });
    expect(wrongPath.status, wrongPath.text).toBe(200);
    expect(wrongPath.body.records, wrongPath.text).toHaveLength(1);
    expect(at(wrongPath.body.records, 0).exception?.code).toBe('XML_RECORD_PATH_NOT_FOUND');
    const badOption = await ingest(server, {
      source: 'lawx',
      domain: 'item',
      body: 'ITEM|DESCRIPTION\n',
      contentType: 'text/csv; charset=ebcdic',
    });
    expect(badOption.status).toBe(400);
    expect((badOption.body as unknown as { error: { code: string; message: string } }).error.code).toBe('INVALID_FORMAT_OPTIONS');
    expect(badOption.text).toContain('encoding');
  });

  test('X12 832 inline: one record per LIN loop; an unreadable loop in the middle is an exception with its raw text and position', async () => {
    const body = x12(
      'ST*832*0001',
      'BCT*PS*OM-CAT-2024',
      'LIN*1*UP*080196734571*VC*MDS195084',
      'PID*F****GLOVE EXAM NITRILE MEDIUM',
      'CTP**CON*9.10*1*BX',
      'LIN*2*VC*DYND70246',
      '**broken segment without id',
      'LIN*3*VC*NON25400',
      'PID*F****GAUZE SPONGE 4X4 12PLY STERILE',
      'CTP**CON*31.20*1*CS',
      'SE*11*0001',
    );
    const response = await ingest(server, { source: 'om', domain: 'item', body, contentType: 'application/edi-x12' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.totals).toEqual({ received: 3, accepted: 2, unchanged: 0, exceptions: 1 });
    const [first, broken, third] = firstOf(response.body.records, 3);
    expect(first).toMatchObject({ outcome: 'accepted', sourceId: 'MDS195084' });
    expect(third).toMatchObject({ outcome: 'accepted', sourceId: 'NON25400' });
    expect(broken.outcome).toBe('exception');
    expect(broken.exception?.code).toBe('X12_PARSE_ERROR');
    expect(broken.position).toMatchObject({ message: 1, index: 1, path: 'ST 0001 / LIN loop 2 / segment 7' });
    const stored = await server.request<{ raw: unknown; isReplayable: boolean; position: unknown }>(
      'GET',
      `/api/v1/exceptions/${broken.exception!.id}`,
    );
    expect(stored.status).toBe(200);
    expect(String(stored.body.raw)).toContain('**broken segment without id');
    expect(String(stored.body.raw)).toContain('LIN*2*VC*DYND70246');
    expect(stored.body.isReplayable).toBe(false);
    expect(stored.body.position).toMatchObject({ path: 'ST 0001 / LIN loop 2 / segment 7' });
    expect(await canonicalOf(server, 'item', 'om', 'NON25400')).toMatchObject({
      description: 'GAUZE SPONGE 4X4 12PLY STERILE',
      baseUom: 'CS',
    });
  });

  test('X12 832 as an upload job: every loop of every transaction set, exact totals', async () => {
    const loops = Array.from({ length: 40 }, (_, n) => [
      `LIN*${n + 1}*VC*OM-${String(n).padStart(5, '0')}`,
      `PID*F****SUTURE VICRYL 3-0 SH ${n}`,
      'CTP**CON*112.00*1*BX',
    ]);
    const body = x12(
      'ST*832*0001',
      'BCT*PS*OM-CAT',
      ...loops.slice(0, 20).flat(),
      `SE*${2 + 20 * 3 + 1}*0001`,
      'ST*832*0002',
      'BCT*PS*OM-CAT',
      ...loops.slice(20).flat(),
      `SE*${2 + 20 * 3 + 1}*0002`,
    ).replace('GE*1*417', 'GE*2*417');
    const job = await runUpload(server, '/api/v1/ingest/om/item/jobs', body, 'application/edi-x12');
    expect(job.status).toBe('succeeded');
    expect(job.result?.totals).toEqual({ received: 40, accepted: 40, unchanged: 0, exceptions: 0 });
    expect(await canonicalOf(server, 'item', 'om', 'OM-00039')).toMatchObject({ description: 'SUTURE VICRYL 3-0 SH 39' });
  });

  test('FHIR R4 Bundle inline: one record per entry of the mapped resource type, other entries skipped', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: { resourceType: 'Organization', id: 'org-1', name: 'Baxter Healthcare Corporation' } },
        { resource: { resourceType: 'Location', id: 'loc-1', name: 'Main Dock' } },
        { resource: { resourceType: 'Organization', id: 'org-2', name: 'Stryker Instruments' } },
      ],
    };
    const response = await ingest(server, {
      source: 'fhirsrv',
      domain: 'supplier',
      body: JSON.stringify(bundle),
      contentType: 'application/fhir+json',
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body.totals).toEqual({ received: 2, accepted: 2, unchanged: 0, exceptions: 0 });
    expect(response.body.records.map((record) => record.sourceId)).toEqual(['org-1', 'org-2']);
    expect(at(response.body.records, 1).position).toMatchObject({ index: 2 });
    expect(await canonicalOf(server, 'supplier', 'fhirsrv', 'org-2')).toMatchObject({ name: 'Stryker Instruments' });
  });

  test('SOAP XML as an upload job: read record by record at the recordPath; a broken Supplier is an exception with its element path', async () => {
    const suppliers = Array.from({ length: 60 }, (_, n) => {
      const id = `SUP-${String(700 + n).padStart(6, '0')}`;
      const name = n === 30 ? `<wd:Supplier_Name>BROKEN ${n}</wd:Name>` : `<wd:Supplier_Name>UPLOADED SUPPLIER ${n}</wd:Supplier_Name>`;
      return `<wd:Supplier><wd:Supplier_Reference><wd:ID wd:type="Supplier_ID">${id}</wd:ID></wd:Supplier_Reference><wd:Supplier_Data>${name}<wd:Address_Data><wd:Municipality>Town ${n}</wd:Municipality></wd:Address_Data></wd:Supplier_Data></wd:Supplier>`;
    });
    const body = SOAP.replace(
      /<wd:Response_Data>[\s\S]*<\/wd:Response_Data>/,
      `<wd:Response_Data>\n${suppliers.join('\n')}\n</wd:Response_Data>`,
    );
    const job = await runUpload(server, '/api/v1/ingest/wd/supplier/jobs', body, 'text/xml');
    expect(job.estimatedRecords).toBe(60);
    expect(job.status).toBe('succeeded');
    expect(job.result?.totals).toEqual({ received: 60, accepted: 59, unchanged: 0, exceptions: 1 });
    expect(await canonicalOf(server, 'supplier', 'wd', 'SUP-000759')).toMatchObject({
      name: 'UPLOADED SUPPLIER 59',
      alternateNames: ['Town 59'],
    });
    const exceptions = await server.request<{ items: Array<{ code: string; position?: Record<string, unknown> }> }>(
      'GET',
      '/api/v1/exceptions?source=wd&code=XML_PARSE_ERROR',
    );
    expect(exceptions.body.items).toHaveLength(1);
    expect(at(exceptions.body.items, 0).position).toMatchObject({
      index: 30,
      line: 36,
      path: '/Envelope/Body/Get_Suppliers_Response/Response_Data/Supplier[31]',
    });
  });

  test('FHIR Bundle as an upload job: entries streamed, included Locations skipped, exact totals', async () => {
    const entry = Array.from({ length: 80 }, (_, n) =>
      n % 4 === 3
        ? { fullUrl: `urn:uuid:l${n}`, resource: { resourceType: 'Location', id: `loc-${n}` }, search: { mode: 'include' } }
        : {
            fullUrl: `urn:uuid:o${n}`,
            resource: { resourceType: 'Organization', id: `org-u${n}`, name: `Uploaded Org ${n}` },
            search: { mode: 'match' },
          },
    );
    const body = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', total: 60, entry }, null, 1);
    const job = await runUpload(server, '/api/v1/ingest/fhirsrv/supplier/jobs', body, 'application/fhir+json');
    expect(job.estimatedRecords).toBe(60);
    expect(job.status).toBe('succeeded');
    expect(job.result?.totals).toEqual({ received: 60, accepted: 60, unchanged: 0, exceptions: 0 });
    expect(await canonicalOf(server, 'supplier', 'fhirsrv', 'org-u78')).toMatchObject({ name: 'Uploaded Org 78' });
  });

  test('an XML upload without a record path is refused (it could not be read record by record), naming the option', async () => {
    const refused = await server.request<{ error: { code: string; message: string } }>('POST', '/api/v1/ingest/fhirsrv/supplier/jobs', {
      raw: '<Suppliers><Supplier/></Suppliers>',
      contentType: 'application/xml',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('XML_RECORD_PATH_REQUIRED');
    expect(refused.body.error.message).toContain('recordPath');
  });

  test('pipe-delimited upload in Windows-1252 (the mapping setting) and in UTF-16 with BOM (charset parameter overrides it)', async () => {
    const cp1252 = Buffer.concat([
      Buffer.from('ITEM|DESCRIPTION\r\nLX-1001|BANDAGE ELASTIC 4IN ', 'latin1'),
      Buffer.from([0x96]), // en dash in Windows-1252
      Buffer.from(' ACE', 'latin1'),
      Buffer.from([0x99]), // ™
      Buffer.from('\r\nLX-1002|CAF', 'latin1'),
      Buffer.from([0xc9]), // É
      Buffer.from(' CUP 8OZ\r\n', 'latin1'),
    ]);
    const first = await runUpload(server, '/api/v1/ingest/lawx/item/jobs', cp1252, 'text/csv');
    expect(first.status).toBe('succeeded');
    expect(first.result?.totals).toEqual({ received: 2, accepted: 2, unchanged: 0, exceptions: 0 });
    expect(await canonicalOf(server, 'item', 'lawx', 'LX-1001')).toMatchObject({ description: 'BANDAGE ELASTIC 4IN – ACE™' });
    expect(await canonicalOf(server, 'item', 'lawx', 'LX-1002')).toMatchObject({ description: 'CAFÉ CUP 8OZ' });

    const utf16 = Buffer.from('\ufeffITEM|DESCRIPTION\r\nLX-2001|GASA ESTÉRIL 10×10 CM\r\nLX-2002|日本 カテーテル\r\n', 'utf16le');
    const second = await runUpload(server, '/api/v1/ingest/lawx/item/jobs', utf16, 'text/csv; charset=utf-16');
    expect(second.status).toBe('succeeded');
    expect(second.result?.totals).toEqual({ received: 2, accepted: 2, unchanged: 0, exceptions: 0 });
    expect(await canonicalOf(server, 'item', 'lawx', 'LX-2001')).toMatchObject({ description: 'GASA ESTÉRIL 10×10 CM' });
    expect(await canonicalOf(server, 'item', 'lawx', 'LX-2002')).toMatchObject({ description: '日本 カテーテル' });

    // The delimiter parameter overrides the mapping's pipe for this request only.
    const semicolon = await ingest(server, {
      source: 'lawx',
      domain: 'item',
      body: 'ITEM;DESCRIPTION\nLX-3001;SYRINGE 10ML LUER LOCK\n',
      contentType: 'text/csv; delimiter=";"; charset=utf-8',
    });
    expect(semicolon.status, semicolon.text).toBe(200);
    expect(semicolon.body.records[0]).toMatchObject({ outcome: 'accepted', sourceId: 'LX-3001' });
  });

  test('HL7 v2 batch: a malformed message between two good ones is an exception with its raw text and message number', async () => {
    const msh = (id: string) => `MSH|^~\\&|EPIC|SUPPLY|MDM|HUB|20241124060000||MFN^M16^MFN_M16|${id}|P|2.6`;
    const body = [
      'FHS|^~\\&|EPIC|SUPPLY',
      'BHS|^~\\&|EPIC|SUPPLY',
      msh('EPX1'),
      'ITM|204101^EPIC-SUP|Catheter, Foley 16Fr \\T\\ Drainage Bag',
      msh('EPX2'),
      'ITM|204102^EPIC-SUP|Bad escape \\Q\\ here',
      msh('EPX3'),
      'ITM|204103^EPIC-SUP|Tape, Surgical Silk 1in',
      'BTS|3',
      'FTS|1',
    ].join('\r');
    const response = await ingest(server, { source: 'epicx', domain: 'item', body, contentType: 'application/hl7-v2' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.totals).toEqual({ received: 3, accepted: 2, unchanged: 0, exceptions: 1 });
    const [first, broken, third] = firstOf(response.body.records, 3);
    expect(first).toMatchObject({ outcome: 'accepted', sourceId: '204101' });
    expect(third).toMatchObject({ outcome: 'accepted', sourceId: '204103' });
    expect(broken.exception?.code).toBe('HL7_PARSE_ERROR');
    expect(broken.position).toMatchObject({ message: 2 });
    const stored = await server.request<{ raw: unknown }>('GET', `/api/v1/exceptions/${broken.exception!.id}`);
    expect(String(stored.body.raw)).toContain('EPX2');
    expect(String(stored.body.raw)).toContain('Bad escape');
    expect(await canonicalOf(server, 'item', 'epicx', '204101')).toMatchObject({ description: 'Catheter, Foley 16Fr & Drainage Bag' });
  });
});
