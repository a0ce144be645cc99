/**
 * What a subscription sends: event types, changed paths, JSONata filters, payload modes and outbound
 * mappings (the shipped FHIR R4 Organization and Oracle supplier CSV, and a custom one that skips,
 * splits and fails), through the public API to a real local receiver.
 */
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Webhook } from 'standardwebhooks';
import type { DeliveryView } from '../../server/contracts/subscriptions';
import { parseHl7Text } from '../../server/ingest/formats/hl7v2';
import { fhirSchemaErrors } from '../support/fhirSchema';
import { applyCanonical, itemRecord } from '../support/factories/golden';
import { at, firstOf, must } from '../support/must';
import { startTestServer, type TestServer } from '../support/testServer';
import { startReceiver, waitFor, type ReceivedRequest, type WebhookReceiver } from '../support/webhookReceiver';

let server: TestServer;
let receiver: WebhookReceiver;

beforeAll(async () => {
  // Compiling the official FHIR R4 schema (3 MB) takes seconds on a loaded machine: once, here, not inside a test's time.
  fhirSchemaErrors('Organization', {});
  fhirSchemaErrors('Location', {});
  receiver = await startReceiver();
  server = await startTestServer({
    env: { MDM_EGRESS_ALLOW: '127.0.0.1', MDM_SYNC_RETRY_SCHEDULE_MS: '20,20', MDM_SYNC_INTERVAL_MS: '20' },
  });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

async function subscribe(body: Record<string, unknown>): Promise<{ id: string; secret: string }> {
  const response = await server.request<{ id: string; secret: string }>('POST', '/api/v1/subscriptions', {
    body: { name: 'content', domains: ['item'], transport: { type: 'webhook', url: receiver.url }, ...body },
  });
  expect(response.status, response.text).toBe(201);
  return response.body;
}

function received(subscriptionId: string): ReceivedRequest[] {
  return receiver.requests.filter((r) => r.headers['webhook-id']?.startsWith(`msg_${subscriptionId.slice(4)}_`));
}

/** Waits until the subscription has read the whole feed and has nothing pending: every change so far was decided. */
async function settle(subscriptionId: string): Promise<void> {
  let end = '';
  for (;;) {
    const page = await server.request<{ items: unknown[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/changes?limit=1000${end ? `&after=${end}` : ''}`,
    );
    if (page.body.items.length === 0) break;
    end = page.body.nextCursor ?? end;
  }
  await waitFor('the subscription to catch up', async () => {
    const stats = (
      await server.request<{ stats: { cursor: string | null; pending: number } }>('GET', `/api/v1/subscriptions/${subscriptionId}`)
    ).body.stats;
    return stats.cursor === end && stats.pending === 0;
  });
}

const bodies = (requests: ReceivedRequest[]) =>
  requests.map(
    (r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> & { record?: { attributes: Record<string, unknown> } } },
  );

describe('what is sent', () => {
  test('changedPaths: updates fire only when a watched path changed; creates always', async () => {
    const sub = await subscribe({ changedPaths: ['manufacturerPartNumber'] });
    const canonical = itemRecord();
    const { goldenId } = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical });
    await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...canonical, description: `${canonical.description} NEW` },
    });
    await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...canonical, description: `${canonical.description} NEW`, manufacturerPartNumber: 'J999H' },
    });
    await waitFor('two events', () => received(sub.id).length === 2);
    const sent = bodies(received(sub.id));
    expect(sent.map((b) => [b.type, b.data.version])).toEqual([
      ['golden.created', 1],
      ['golden.updated', 3],
    ]);
    expect(at(sent, 1, 'update event').data).toMatchObject({ goldenId, previousVersion: 2, changedPaths: ['manufacturerPartNumber'] });
  });

  test('a JSONata filter over the event selects records; a filter that fails parks only that record', async () => {
    const sub = await subscribe({
      filter:
        'data.record.attributes.description = "BOOM" ? $error("no such thing") : data.record.attributes.manufacturer.name = "Medline Industries"',
      payload: 'thin',
    });
    const medline = await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: itemRecord({ manufacturer: { name: 'Medline Industries' } }),
    });
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord({ manufacturer: { name: 'Ethicon, Inc.' } }) });
    const boom = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord({ description: 'BOOM' }) });
    await waitFor('medline sent', () => received(sub.id).length === 1);
    await settle(sub.id);
    const sent = bodies(received(sub.id));
    expect(sent.map((b) => b.data.goldenId)).toEqual([medline.goldenId]);
    // thin: ids and what changed, no record.
    const thin = at(sent, 0, 'thin event');
    expect(thin.data.record).toBeUndefined();
    expect(thin.data.changedPaths).toContain('description');
    const parked = (await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${sub.id}/deliveries?status=parked`)).body
      .items;
    expect(parked).toHaveLength(1);
    expect(parked[0]).toMatchObject({ goldenId: boom.goldenId, failure: { stage: 'filter', code: 'MAPPING_ERROR' } });
    expect(at(parked, 0, 'parked delivery').failure?.message).toContain('no such thing');
  });

  test('delta and snapshot+delta carry before/after of the changed paths, as of the event', async () => {
    const delta = await subscribe({ payload: 'delta' });
    const both = await subscribe({ payload: 'snapshot+delta' });
    const canonical = itemRecord({ manufacturer: { name: 'Ethicon, Inc.' } });
    const { goldenId } = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical });
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...canonical, manufacturer: { name: 'Ethicon LLC' } } });
    // A later change must not leak into the earlier event's payload.
    await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: { ...canonical, manufacturer: { name: 'Ethicon US' } } });
    const update = await waitFor('update with delta', () =>
      bodies(received(delta.id)).find((b) => b.data.goldenId === goldenId && b.data.version === 2),
    );
    expect(update.data.delta).toEqual({ 'manufacturer.name': { before: 'Ethicon, Inc.', after: 'Ethicon LLC' } });
    expect(update.data.record).toBeUndefined();
    const full = await waitFor('update with both', () =>
      bodies(received(both.id)).find((b) => b.data.goldenId === goldenId && b.data.version === 2),
    );
    expect(full.data.delta).toEqual(update.data.delta);
    expect(full.data.record?.attributes.manufacturer).toEqual({ name: 'Ethicon LLC' });
  });
});

describe('outbound mappings', () => {
  test('the shipped FHIR R4 Organization mapping sends a signed Organization per supplier change', async () => {
    // The receiving ERP needs the tax id: an admin lets this subscription carry sensitive values.
    const sub = await subscribe({ domains: ['supplier'], includeSensitive: true, outboundMapping: { target: 'fhir' } });
    const { goldenId } = await applyCanonical(server, {
      domain: 'supplier',
      source: 'oracle',
      canonical: {
        sourceId: '300000047287000',
        name: 'CARDINAL HEALTH INC',
        taxId: '31-1970282',
        duns: '988446090',
        addresses: [{ line1: '7000 Cardinal Pl', city: 'Dublin', state: 'OH', postalCode: '43017', country: 'US' }],
      },
    });
    const [request] = firstOf(await waitFor('organization', () => received(sub.id).length > 0 && received(sub.id)), 1, 'received request');
    expect(request.headers['content-type']).toBe('application/json');
    const organization = new Webhook(sub.secret).verify(request.body, request.headers) as Record<string, unknown>;
    expect(organization).toMatchObject({
      resourceType: 'Organization',
      id: goldenId,
      active: true,
      name: 'CARDINAL HEALTH INC',
      identifier: expect.arrayContaining([
        { system: 'urn:oid:2.16.840.1.113883.4.4', value: '31-1970282' },
        { system: 'urn:oid:1.3.6.1.4.1.519.1', value: '988446090' },
      ]),
      address: [{ use: 'work', type: 'both', line: ['7000 Cardinal Pl'], city: 'Dublin', state: 'OH', postalCode: '43017', country: 'US' }],
    });
    // R4 shape: id is [A-Za-z0-9\-\.]{1,64}; every identifier has a system URI and a value; no empty arrays or nulls.
    expect(organization.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(JSON.stringify(organization)).not.toMatch(/null|\[\]/); // The published shape: the official FHIR R4 JSON schema (test/support/fhirSchema.ts).
    expect(fhirSchemaErrors('Organization', organization)).toEqual([]);
  });

  test('the FHIR R4 schema check catches what the hand-written checks would miss', () => {
    // So the schema assertions above can fail: wrong types, unknown elements, bad ids are refused.
    expect(fhirSchemaErrors('Organization', { resourceType: 'Organization', name: 'X', active: 'yes' })).not.toEqual([]);
    expect(fhirSchemaErrors('Organization', { resourceType: 'Organization', name: 'X', taxId: '1' })).not.toEqual([]);
    expect(fhirSchemaErrors('Location', { resourceType: 'Location', id: 'has space', status: 'active' })).not.toEqual([]);
    expect(fhirSchemaErrors('Location', { resourceType: 'Location', status: 'open' })).not.toEqual([]);
    expect(fhirSchemaErrors('Location', { resourceType: 'Location', name: 'X', mode: 'instance', status: 'active' })).toEqual([]);
  });

  test('the shipped Oracle supplier mapping sends one POZ_SUPPLIERS_INT CSV row', async () => {
    const sub = await subscribe({
      domains: ['supplier'],
      includeSensitive: true,
      outboundMapping: { target: 'oracle', contentType: 'csv' },
    });
    await applyCanonical(server, {
      domain: 'supplier',
      source: 'workday',
      canonical: { sourceId: 'SUP-0042', name: 'MEDLINE INDUSTRIES, LP', taxId: '36-2596623', organizationType: 'PARTNERSHIP' },
    });
    const [request] = firstOf(await waitFor('csv', () => received(sub.id).length > 0 && received(sub.id)), 1, 'received request');
    expect(request.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parse(request.body, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toEqual([
      expect.objectContaining({
        IMPORT_ACTION: 'CREATE',
        VENDOR_NAME: 'MEDLINE INDUSTRIES, LP',
        TAXPAYER_ID: '362596623',
        ORGANIZATION_TYPE_LOOKUP_CODE: 'PARTNERSHIP',
      }),
    ]);
  });

  test('the shipped HL7 v2 MFN^M16 mapping sends an ER7 item master message that parses, with escaping', async () => {
    const sub = await subscribe({ outboundMapping: { target: 'hl7', contentType: 'hl7v2' } });
    const { goldenId } = await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: itemRecord({
        description: 'GLOVE | NITRILE ^ L',
        manufacturer: { name: 'Medline & Co' },
        manufacturerPartNumber: 'MDS195085',
      }),
    });
    const [request] = firstOf(await waitFor('hl7', () => received(sub.id).length > 0 && received(sub.id)), 1, 'received request');
    expect(request.headers['content-type']).toBe('x-application/hl7-v2+er7; charset=utf-8');
    expect(request.body.endsWith('\r')).toBe(true);
    const segments = request.body
      .split('\r')
      .filter(Boolean)
      .map((line) => line.split('|'));
    expect(segments.map((fields) => fields[0])).toEqual(['MSH', 'MFI', 'MFE', 'ITM', 'PKG']);
    const [msh, , mfe, itm] = firstOf(segments, 4, 'HL7 segments');
    expect(msh[1]).toBe('^~\\&');
    // After splitting on |, MSH field n is at index n - 1 (MSH-1 is the separator itself).
    expect(msh[8]).toBe('MFN^M16^MFN_M16');
    expect(msh[11]).toBe('2.6');
    expect(mfe[1]).toBe('MAD');
    expect(mfe[4]).toBe(`${goldenId}^^MDM`);
    expect(itm[2]).toBe('GLOVE \\F\\ NITRILE \\S\\ L');
    expect(itm[8]).toBe('Medline \\T\\ Co');
    expect(itm[9]).toBe('MDS195085');
    // The hub's own HL7 v2 reader (the one inbound MFN^M16 feeds go through, with v2.6 segment definitions)
    // reads the message as one record and undoes the escaping.
    const [parsed, ...more] = parseHl7Text(request.body);
    expect(more).toEqual([]);
    if (parsed?.kind !== 'record') throw new Error(`the ER7 did not parse: ${JSON.stringify(parsed)}`);
    const itmSegment = at(must((parsed.raw as Record<string, Record<string, unknown>[]>).ITM, 'ITM segments'), 0, 'ITM');
    expect(itmSegment.ItemDescription).toBe('GLOVE | NITRILE ^ L');
    expect(itmSegment.ManufacturerName).toBe('Medline & Co');
    expect(itmSegment.ManufacturerCatalogNumber).toBe('MDS195085');
  });

  test('the shipped Workday supplier mapping sends well-formed Submit_Supplier_Request XML', async () => {
    const sub = await subscribe({ domains: ['supplier'], outboundMapping: { target: 'workday', contentType: 'xml' } });
    await applyCanonical(server, {
      domain: 'supplier',
      source: 'workday',
      canonical: { sourceId: 'SUP-0042', name: 'JOHNSON & JOHNSON <HEALTH>', taxId: '22-1024240' },
    });
    const [request] = firstOf(await waitFor('xml', () => received(sub.id).length > 0 && received(sub.id)), 1, 'received request');
    expect(request.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(request.body)).toBe(true);
    const document = new XMLParser({ ignoreAttributes: false }).parse(request.body) as Record<
      string,
      Record<string, Record<string, unknown>>
    >;
    const data = must(must(document['wd:Submit_Supplier_Request'], 'Submit_Supplier_Request')['wd:Supplier_Data'], 'Supplier_Data');
    // The parser decodes entities: the name round-trips exactly because the mapping escaped it.
    expect(data['wd:Supplier_Name']).toBe('JOHNSON & JOHNSON <HEALTH>');
    expect(request.body).toContain('JOHNSON &amp; JOHNSON &lt;HEALTH&gt;');
    expect(data['wd:Supplier_ID']).toBe('SUP-0042');
  });

  test('the shipped FHIR R4 Location mapping sends a Location per facility change', async () => {
    const sub = await subscribe({ domains: ['facility'], outboundMapping: { target: 'fhir' } });
    const { goldenId } = await applyCanonical(server, {
      domain: 'facility',
      source: 'cms',
      canonical: {
        sourceId: '050194',
        name: 'ST MARY MEDICAL CENTER',
        alternateNames: ['DIGNITY HEALTH ST MARY'],
        ccn: '050194',
        npis: ['1234567893'],
        phone: '(562) 491-9000',
        address: { line1: '1050 Linden Ave', city: 'Long Beach', county: 'Los Angeles', state: 'CA', postalCode: '90813', country: 'US' },
      },
    });
    const [request] = firstOf(await waitFor('location', () => received(sub.id).length > 0 && received(sub.id)), 1, 'received request');
    const location = JSON.parse(request.body) as Record<string, unknown>;
    expect(location).toMatchObject({
      resourceType: 'Location',
      id: goldenId,
      status: 'active',
      mode: 'instance',
      name: 'ST MARY MEDICAL CENTER',
      address: { city: 'Long Beach', line: ['1050 Linden Ave'] },
    });
    expect(location.identifier).toEqual(expect.arrayContaining([{ system: 'urn:oid:2.16.840.1.113883.4.336', value: '050194' }]));
    expect(JSON.stringify(location)).not.toMatch(/null|\[\]/);
    expect(fhirSchemaErrors('Location', location)).toEqual([]);
  });

  test('a mapping may skip an event, split it into several messages, and one that fails parks only its record', async () => {
    const expression =
      '$contains(data.record.attributes.description, "POISON") ? $error("cannot map") : $contains(data.record.attributes.description, "SKIP") ? undefined : [{ "sku": data.goldenId, "part": 1 }, { "sku": data.goldenId, "part": 2 }]';
    const saved = await server.request('PUT', '/api/v1/mappings/testerp/item?direction=outbound', { body: { expression, revision: 0 } });
    expect(saved.status, saved.text).toBe(201);
    expect((await server.request('POST', '/api/v1/mappings/testerp/item/publish?direction=outbound', { body: {} })).status).toBe(201);
    const sub = await subscribe({ outboundMapping: { target: 'testerp' } });
    const split = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
    const skipped = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord({ description: 'SKIP ME' }) });
    const poison = await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: itemRecord({ description: 'POISON PILL' }),
    });
    const after = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical: itemRecord() });
    await waitFor('four messages', () => received(sub.id).length === 4);
    const sent = bodies(received(sub.id)) as unknown as Array<{ sku: string; part: number }>;
    expect(sent.filter((m) => m.sku === split.goldenId).map((m) => m.part)).toEqual([1, 2]);
    expect(sent.filter((m) => m.sku === after.goldenId)).toHaveLength(2);
    expect(sent.some((m) => m.sku === skipped.goldenId || m.sku === poison.goldenId)).toBe(false);
    const ids = received(sub.id)
      .filter((r) => JSON.parse(r.body).sku === split.goldenId)
      .map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(2);
    const parked = (await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${sub.id}/deliveries?status=parked`)).body
      .items;
    expect(parked).toEqual([
      expect.objectContaining({ goldenId: poison.goldenId, failure: expect.objectContaining({ stage: 'mapping', code: 'MAPPING_ERROR' }) }),
    ]);
  });
});

describe('closed loop', () => {
  test('a response mapping reads the target id from the reply; each record shows per subscriber the last version delivered, when, and that id', async () => {
    const saved = await server.request('PUT', '/api/v1/mappings/erp-reply/item?direction=outbound', {
      body: { expression: 'response.json.erpId', revision: 0 },
    });
    expect(saved.status, saved.text).toBe(201);
    expect((await server.request('POST', '/api/v1/mappings/erp-reply/item/publish?direction=outbound', { body: {} })).status).toBe(201);
    const bad = await server.request<{ error: { details: Array<{ path: string }> } }>('POST', '/api/v1/subscriptions', {
      body: { name: 'x', domains: ['item'], transport: { type: 'webhook', url: receiver.url }, responseMapping: { target: 'nope' } },
    });
    expect(at(bad.body.error.details, 0, 'error detail').path).toBe('body.responseMapping.target');
    const sub = await subscribe({ name: 'ERP with ids', responseMapping: { target: 'erp-reply' } });
    receiver.respond = (request) => {
      // Other subscriptions of this file (HL7, CSV…) receive the same changes: answer them plainly.
      if (!request.headers['webhook-id']?.includes(sub.id.slice(4))) return { status: 200 };
      const body = JSON.parse(request.body) as { data: { goldenId: string } };
      return {
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ erpId: `ERP-${body.data.goldenId.slice(-6)}` }),
      };
    };
    const canonical = itemRecord();
    const { goldenId } = await applyCanonical(server, { domain: 'item', source: 'lawson', canonical });
    await applyCanonical(server, {
      domain: 'item',
      source: 'lawson',
      canonical: { ...canonical, description: `${canonical.description} V2` },
    });
    const status = await waitFor('status of version 2', async () => {
      const items = (
        await server.request<{
          items: Array<{
            subscriptionId: string;
            lastVersion: number;
            targetId: string | null;
            deliveredAt: string;
            deliveryId: string;
            subscriptionName: string;
          }>;
        }>('GET', `/api/v1/sync/status/${goldenId}`)
      ).body.items;
      const mine = items.find((i) => i.subscriptionId === sub.id);
      return mine?.lastVersion === 2 && mine;
    });
    expect(status).toMatchObject({ subscriptionName: 'ERP with ids', targetId: `ERP-${goldenId.slice(-6)}`, system: 'erp-reply' });
    expect(Date.parse(status.deliveredAt)).not.toBeNaN();
    // The golden record's cross-references: its source system's id and, closing the loop, the target's.
    const golden = await server.request<{ xrefs: Array<Record<string, unknown>> }>('GET', `/api/v1/golden/item/${goldenId}?include=xrefs`);
    expect(golden.status, golden.text).toBe(200);
    expect(golden.body.xrefs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ direction: 'source', system: 'lawson', id: canonical.sourceId }),
        {
          direction: 'target',
          system: 'erp-reply',
          id: `ERP-${goldenId.slice(-6)}`,
          subscriptionId: sub.id,
          subscriptionName: 'ERP with ids',
          lastVersionDelivered: 2,
          deliveredAt: status.deliveredAt,
        },
      ]),
    );
    const plain = await server.request<Record<string, unknown>>('GET', `/api/v1/golden/item/${goldenId}`);
    expect(plain.body.xrefs).toBeUndefined();
    // And back: the golden record the target system knows by its own id.
    const byTarget = await server.request<{ items: Array<Record<string, unknown>> }>(
      'GET',
      `/api/v1/sync/target-xref/erp-reply/${encodeURIComponent(`ERP-${goldenId.slice(-6)}`)}`,
    );
    expect(byTarget.status, byTarget.text).toBe(200);
    expect(byTarget.body.items).toEqual([
      {
        subscriptionId: sub.id,
        subscriptionName: 'ERP with ids',
        goldenId,
        currentGoldenId: goldenId,
        domain: 'item',
        lastVersion: 2,
        deliveredAt: status.deliveredAt,
        deliveryId: status.deliveryId,
        targetId: `ERP-${goldenId.slice(-6)}`,
        system: 'erp-reply',
      },
    ]);
    const unknown = await server.request<{ error: { code: string } }>('GET', '/api/v1/sync/target-xref/erp-reply/ERP-NOPE');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    const otherSystem = await server.request('GET', `/api/v1/sync/target-xref/workday/${encodeURIComponent(`ERP-${goldenId.slice(-6)}`)}`);
    expect(otherSystem.status).toBe(404);
    receiver.respond = () => ({ status: 200 });
  });
});

describe('sensitive attributes', () => {
  test('masked like the golden-record API unless an admin sets includeSensitive, which analysts may then neither change nor read', async () => {
    const analyst = await server.createKey('analyst');
    const forbidden = await server.request('POST', '/api/v1/subscriptions', {
      key: analyst,
      body: { name: 'x', domains: ['supplier'], transport: { type: 'webhook', url: receiver.url }, includeSensitive: true },
    });
    expect(forbidden.status).toBe(403);
    const masked = await subscribe({ domains: ['supplier'] });
    const open = await subscribe({ domains: ['supplier'], includeSensitive: true });
    const { goldenId } = await applyCanonical(server, {
      domain: 'supplier',
      source: 'lawson',
      canonical: { sourceId: 'V-SSN-1', name: 'JANE DOE CONSULTING', taxId: '078-05-1120' },
    });
    const taxIdOf = (requests: ReceivedRequest[]) =>
      (
        JSON.parse(requests.find((r) => JSON.parse(r.body).data.goldenId === goldenId)?.body ?? '{}') as {
          data?: { record?: { attributes?: { taxId?: string } } };
        }
      ).data?.record?.attributes?.taxId;
    await waitFor('both sent', () => taxIdOf(received(masked.id)) !== undefined && taxIdOf(received(open.id)) !== undefined);
    expect(taxIdOf(received(masked.id))).toBe('*******1120');
    expect(taxIdOf(received(open.id))).toBe('078-05-1120');
    expect(
      (
        await server.request('PATCH', `/api/v1/subscriptions/${open.id}`, {
          key: analyst,
          body: { transport: { type: 'webhook', url: 'https://example.org/mine' } },
        })
      ).status,
    ).toBe(403);
    const delivery = at(
      (await server.request<{ items: DeliveryView[] }>('GET', `/api/v1/subscriptions/${open.id}/deliveries?goldenId=${goldenId}`)).body
        .items,
      0,
      'delivery',
    );
    expect(
      (await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${open.id}/deliveries/${delivery.id}`, { key: analyst })).body.body,
    ).toBeNull();
    expect((await server.request<DeliveryView>('GET', `/api/v1/subscriptions/${open.id}/deliveries/${delivery.id}`)).body.body).toContain(
      '078-05-1120',
    );
  });
});
