/** Golden-record search through HTTP: typos, prefixes, identifiers in any form, ranking fields, unknown domains. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROCESSORS } from '../../server/processors/collections';
import { SEARCH_INDEX, SEARCH_INDEX_PROCESSOR, SEARCH_TERM_STATS, syncSearchIndex, type SearchEntry } from '../../server/search';
import { queryTerms, documentTerms } from '../../server/search/searchTerms';
import { applyCanonical, gtin } from '../support/factories/golden';
import { startTestServer, type TestServer } from '../support/testServer';
import { at } from '../support/must';

let server: TestServer;
const ids: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  const item = async (key: string, canonical: Record<string, unknown> & { sourceId: string }) => {
    ids[key] = (await applyCanonical(server, { domain: 'item', source: 'lawson', canonical })).goldenId;
  };
  await item('suture', {
    sourceId: 'I1',
    description: 'SUTURE VICRYL 3-0 SH UNDYED',
    manufacturer: { name: 'Ethicon, Inc.' },
    manufacturerPartNumber: 'J-416H',
    gtin: gtin('0070123456789'),
  });
  await item('glove', {
    sourceId: 'I2',
    description: 'GLOVE EXAM NITRILE PF LG',
    manufacturer: { name: 'Medline Industries' },
    manufacturerPartNumber: 'MDS-195085',
  });
  await item('heparin', {
    sourceId: 'I3',
    description: 'HEPARIN SODIUM 5000 UNIT/ML VIAL 1ML',
    manufacturer: { name: 'Pfizer' },
    ndc: '00409272001',
  });
  await item('gown', {
    sourceId: 'I4',
    description: 'GOWN ISOLATION UNIVERSAL YELLOW',
    manufacturer: { name: 'Cardinal Health' },
    manufacturerPartNumber: 'AT-7001',
  });
  ids.supplier = (
    await applyCanonical(server, {
      domain: 'supplier',
      source: 'oracle',
      canonical: { sourceId: 'V1', name: 'Cardinal Health 414, LLC', taxId: '31-0958666' },
    })
  ).goldenId;
  await syncSearchIndex(server.running.services);
});
afterAll(async () => server?.stop());

interface Hits {
  items: Array<{ id: string; domain: string; displayName: string; matchedField: string; score: number }>;
}

const search = (domain: string, q: string) => server.request<Hits>('GET', `/api/v1/search/${domain}?q=${encodeURIComponent(q)}&limit=5`);

describe('search', () => {
  test.each([
    { title: 'a typo in a name', domain: 'item', q: 'sutre vicryl', target: 'suture', field: 'description' },
    { title: 'a prefix being typed', domain: 'item', q: 'glove nitr', target: 'glove', field: 'description' },
    { title: 'a manufacturer name', domain: 'item', q: 'ethicon', target: 'suture', field: 'manufacturer.name' },
    {
      title: 'a GTIN without its leading zeros',
      domain: 'item',
      q: gtin('0070123456789').replace(/^0+/, ''),
      target: 'suture',
      field: 'gtin',
      exact: true,
    },
    { title: 'a GTIN-14 as stored', domain: 'item', q: gtin('0070123456789'), target: 'suture', field: 'gtin', exact: true },
    {
      title: 'a part number without punctuation',
      domain: 'item',
      q: 'mds195085',
      target: 'glove',
      field: 'manufacturerPartNumber',
      exact: true,
    },
    {
      title: 'a part number with other punctuation',
      domain: 'item',
      q: 'AT 7001',
      target: 'gown',
      field: 'manufacturerPartNumber',
      exact: true,
    },
    { title: 'an NDC in 10 digits with hyphens', domain: 'item', q: '0409-2720-01', target: 'heparin', field: 'ndc', exact: true },
    { title: 'an EIN without its hyphen', domain: 'supplier', q: '310958666', target: 'supplier', field: 'taxId', exact: true },
  ])('$title: "$q"', async ({ domain, q, target, field, exact }) => {
    const response = await search(domain, q);
    expect(response.status, response.text).toBe(200);
    expect(response.body.items[0], JSON.stringify(response.body.items)).toMatchObject({ id: ids[target], domain, matchedField: field });
    if (exact) expect(at(response.body.items, 0).score).toBe(1);
    else expect(at(response.body.items, 0).score).toBeGreaterThan(0);
    expect(at(response.body.items, 0).displayName.length).toBeGreaterThan(0);
  });

  test('unrelated words find nothing; an unknown domain is 400; consumers may search', async () => {
    expect((await search('item', 'xylophone')).body.items).toEqual([]);
    expect((await search('widget', 'glove')).status).toBe(400);
    const consumer = await server.createKey('consumer');
    expect((await server.request('GET', '/api/v1/search/item?q=glove', { key: consumer })).status).toBe(200);
  });

  test("a merged-away golden record leaves the index; the survivor is found by both records' identifiers", async () => {
    const other = await applyCanonical(server, {
      domain: 'item',
      source: 'epic',
      canonical: {
        sourceId: 'E9',
        description: 'Isolation gown, universal, yellow',
        manufacturer: { name: 'Cardinal' },
        vendorCatalogNumber: 'CAH-AT7001-Y',
      },
    });
    await syncSearchIndex(server.running.services);
    const merged = await server.request('POST', `/api/v1/golden/item/${ids.gown}/merge`, {
      body: { otherId: other.goldenId, reason: 'same gown' },
    });
    expect(merged.status, merged.text).toBe(200);
    await syncSearchIndex(server.running.services);
    const found = await search('item', 'isolation gown');
    expect(found.body.items.map((hit) => hit.id)).toEqual([ids.gown]);
  });
});

describe('names in scripts other than Latin', () => {
  const named: Record<string, string> = {};
  beforeAll(async () => {
    const names = {
      cyrillic: 'ООО Медтехника',
      greek: 'Ελληνική Ιατρική Α.Ε.',
      hebrew: '\u202Eשלום מדיקל\u202C',
      japanese: '東京医療機器株式会社',
      mixed: 'Siemens Healthineers 日本',
    };
    for (const [key, name] of Object.entries(names)) {
      named[key] = (
        await applyCanonical(server, { domain: 'supplier', source: 'oracle', canonical: { sourceId: `SCRIPT-${key}`, name } })
      ).goldenId;
    }
    await syncSearchIndex(server.running.services);
  });

  test.each([
    { title: 'a Cyrillic word', q: 'Медтехника', target: 'cyrillic' },
    { title: 'a Cyrillic prefix being typed, lower-case', q: 'медтех', target: 'cyrillic' },
    { title: 'Greek without its accents', q: 'ΙΑΤΡΙΚΗ', target: 'greek' },
    { title: 'Hebrew inside bidi override marks', q: 'שלום', target: 'hebrew' },
    { title: 'a Japanese name written without spaces', q: '東京医療機器株式会社', target: 'japanese' },
    { title: 'a Japanese prefix of three characters', q: '東京医', target: 'japanese' },
    { title: 'the Latin word of a mixed name', q: 'healthineers', target: 'mixed' },
    { title: 'the Japanese word of a mixed name', q: '日本', target: 'mixed' },
  ])('$title: "$q"', async ({ q, target }) => {
    const response = await search('supplier', q);
    expect(response.status, response.text).toBe(200);
    expect(response.body.items[0], JSON.stringify(response.body.items)).toMatchObject({ id: named[target], matchedField: 'name' });
  });

  test('words in another script are indexed as whole words and prefixes, without a Latin sound term', () => {
    const terms = documentTerms({ texts: ['ООО Медтехника'], identifiers: [] });
    expect(terms).toEqual(expect.arrayContaining(['w:МЕДТЕХНИКА', 'p:МЕД', 'p:МЕДТЕХНИ', 'w:ООО']));
    expect(terms.filter((t) => t.startsWith('m:'))).toEqual([]);
    // Latin text is unchanged: accents folded, punctuation dropped.
    expect(documentTerms({ texts: ['Łódź Straße'], identifiers: [] })).toEqual(expect.arrayContaining(['w:LODZ', 'w:STRASSE']));
  });
});

describe('catch-up from scratch', () => {
  test('the index rebuilt from the whole change feed equals the one kept up to date change by change', async () => {
    const { store } = server.running.services;
    const snapshot = async () => ({
      entries: (await store.collection<SearchEntry>(SEARCH_INDEX).find({}, { sort: { _id: 1 } })).map(
        ({ indexedAt: _ignored, ...rest }) => rest,
      ),
      stats: await store.collection(SEARCH_TERM_STATS).find({}, { sort: { _id: 1 } }),
    });
    await syncSearchIndex(server.running.services);
    const incremental = await snapshot();
    expect(incremental.entries.length).toBeGreaterThan(3);
    await store.collection(SEARCH_INDEX).deleteMany({});
    await store.collection(SEARCH_TERM_STATS).deleteMany({});
    await store.collection(PROCESSORS).updateOne({ _id: SEARCH_INDEX_PROCESSOR }, { $set: { cursor: null } });
    expect(await syncSearchIndex(server.running.services)).toBeGreaterThan(0);
    expect(await snapshot()).toEqual(incremental);
  });
});

describe('terms', () => {
  test.each([
    { q: '10-775-PA-55', term: 'i:10775PA55' },
    { q: '12345678905', term: `i:${gtin('0001234567890')}` },
    { q: '0409-2720-01', term: 'i:00409272001' },
    { q: '31-0958666', term: 'i:310958666' },
  ])('query "$q" looks up $term', ({ q, term }) => {
    expect(queryTerms(q).identifiers).toContain(term);
  });

  test('a record is indexed by words, prefixes, sounds, word pairs and the codes in its text', () => {
    const terms = documentTerms({ texts: ['Suture Vicryl J-416H'], identifiers: [] });
    expect(terms).toEqual(expect.arrayContaining(['w:SUTURE', 'p:SUT', 'p:SUTUR', 'w:VICRYL', 'b:SUTURE|VICRYL', 'i:J416H']));
    expect(terms.some((t) => t.startsWith('m:'))).toBe(true);
  });

  test("a word's terms are the same whether computed afresh, repeated, or after the per-word cache filled and was cleared", () => {
    const record = { texts: ['Glove Exam Nitrile Medline'], identifiers: [] };
    const first = documentTerms(record);
    expect(first.slice(0, 5)).toEqual(['w:GLOVE', 'p:GLO', 'p:GLOV', 'm:KLF', 'w:EXAM']);
    expect(documentTerms(record)).toEqual(first);
    // More distinct words than the cache holds (50,000): it is cleared on the way.
    const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(65 + (n % 26));
    for (let n = 0; n < 50_100; n += 100)
      documentTerms({ texts: [Array.from({ length: 100 }, (_, k) => `QZ${letters(n + k)}`).join(' ')], identifiers: [] });
    expect(documentTerms(record)).toEqual(first);
  });
});
