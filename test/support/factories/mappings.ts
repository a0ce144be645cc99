/** Factories for mapping and lookup-table tests: realistic Lawson-style item payloads and a mapping for them. */
import type { TestServer } from '../testServer';

/** A Lawson IC11-style item row. */
export function lawsonItemPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ITEM: '100234',
    DESCRIPTION: 'GLOVE EXAM NITRILE MED PF',
    STOCK_UOM: 'BOX',
    MANUF_NBR: 'N8822',
    GTIN: '10888277123458',
    ACTIVE_STATUS: 'A',
    ...overrides,
  };
}

/** An item mapping using a lookup table, a flag and a rename. */
export const LAWSON_ITEM_EXPRESSION = `{
  "sourceId": ITEM,
  "description": DESCRIPTION,
  "manufacturerPartNumber": MANUF_NBR,
  "baseUom": $lookup('lawson-uom', STOCK_UOM, STOCK_UOM),
  "status": ACTIVE_STATUS = 'A' ? 'active' : 'inactive'
}`;

/** The expected output of LAWSON_ITEM_EXPRESSION for `lawsonItemPayload(overrides)` with the `lawson-uom` table below. */
export function lawsonItemOutput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sourceId: '100234',
    description: 'GLOVE EXAM NITRILE MED PF',
    manufacturerPartNumber: 'N8822',
    baseUom: 'BX',
    status: 'active',
    ...overrides,
  };
}

export const LAWSON_UOM_ENTRIES = { BOX: 'BX', CASE: 'CS', EACH: 'EA' };

/** PUTs a lookup table and asserts it was stored. */
export async function putLookup(server: TestServer, name: string, entries: Record<string, unknown>, description = ''): Promise<void> {
  const response = await server.request('PUT', `/api/v1/lookups/${name}`, { body: { description, entries } });
  if (response.status !== 200 && response.status !== 201) throw new Error(`PUT lookup ${name} failed: ${response.status} ${response.text}`);
}

/** PUTs a draft and returns its revision. */
export async function putDraft(server: TestServer, path: string, body: Record<string, unknown>): Promise<number> {
  const response = await server.request<{ draft: { revision: number } }>('PUT', `/api/v1/mappings/${path}`, { body });
  if (response.status !== 200 && response.status !== 201)
    throw new Error(`PUT mapping ${path} failed: ${response.status} ${response.text}`);
  return response.body.draft.revision;
}
