/**
 * Item round of session 18 (items18, item-3.32.0): item lines as people write them. A free-text request to stores
 * keeps its product words and loses its chatter — greetings, ward and theatre names, who asks, the request, the order
 * quantity and what it is for (text rewrite `requestChatter`, table `requestChatter`); English plurals read as their
 * singular (`Collection Kits` = `KIT COLLECTION`); shop titles lose their price labels (noiseWords 1.5.0) and the other
 * product they are compatible with (compatibleProductPhrases). Lines are written for this test, not copied from a
 * corpus; the rows fail on item-3.31.0 except the guard rows (what must stay as it was).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest, publishMapping, startIngestServer, toNdjson, type IngestBody } from '../support/factories/ingest';
import { shippedItemReadings } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';
import { at } from '../support/must';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them, in order of the text. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a request to stores is read by its product words', () => {
  test.each([
    ['hi - OR 7 needs 4 more vicryl plus 2-0 ct-1 for this afternoons list, thanks', ['VICRYL', 'PLUS', '2', '0', 'CT1']],
    ['can you order 3 bx of the blue curity gauze sponges (4x4) for the dressing room', ['BLUE', 'CURITY', 'GAUZE', 'SPONGE', '4X4']],
    ['5E is out of the yellow sharps bins, the 2 gallon ones, need 6', ['YELLOW', 'SHARP', 'BIN', '2', 'GALLON']],
    ['renal clinic: running low on tegaderm 1626w dressings, need 3 boxes', ['TEGADERM', '1626', 'DRESSING']],
    ['Hi team, we are out of size 7 sterile gloves - can you send 2 boxes? Thanks!', ['7', 'STERILE', 'GLOVE']],
    ['pharmacy tech on 2N needs a case of alcohol prep pads asap', ['ALCOHOL', 'PREP', 'PAD']],
    ['pls add sani-hands wipes x 6 to the ward order', ['SANI', 'HAND', 'WIPE']],
    ['IT: need 1 dock for dr okafor - the usb c one (thinkpad universal dock)', ['DOCK', 'USB', 'C', 'THINKPAD', 'UNIVERSAL', 'DOCK']],
  ])('%s', (request, words) => {
    expect(wordsOf(request)).toEqual(words);
  });

  test.each([
    // An order quantity is never a count per pack, a ward is never a wattage, a labour ward never a size.
    ['mom in L&D 4 needs the 24mm breast shields - 1 pk', { length: ['24 mm ±0.5'] }, ['countPerPack', 'size']],
    ['4W is out of the medium exam gloves, need 10', { size: ['M'] }, ['wattage', 'countPerPack']],
    ['ICU needs 2 more boxes of the 10ml syringes, luer lock', { volume: ['10 ml'] }, ['countPerPack']],
  ])('attributes of %s', (request, expected, absent) => {
    const attributes = attributesOf(request);
    expect(attributes).toMatchObject(expected);
    for (const name of absent) expect(attributes[name], name).toBeUndefined();
  });

  test.each([
    // Guards: catalogue and ERP lines are no requests and keep every word, their pack counts and their sizes.
    ['GLOVE EXAM NITRILE PF MED 100/BX', ['GLOVE', 'EXAM', 'NITRILE', 'POWDER', 'FREE', 'MEDIUM', '100', 'BX']],
    ['LAMP 4W LED WARM WHITE E14', ['LAMP', '4', 'LED', 'WARM', 'WHITE', 'E14']],
    ['Order set, wound care, 10 per box', ['ORDER', 'SET', 'WOUND', 'CARE', '10', 'BX']],
  ])('guard: %s', (line, words) => {
    expect(wordsOf(line)).toEqual(words);
  });
});

describe('plurals are read as their singular; shop titles lose their price labels and the product they fit', () => {
  test.each([
    ['Specimen Collection Kits, box of 50', 'KIT SPECIMEN COLLECTION 50/BX'],
    ['Disposable Scrub Tops, Ceil Blue', 'TOP SCRUB DISPOSABLE CEIL BLUE'],
    ['Lithium Coin Batteries CR2032', 'BATTERY LITHIUM COIN CR2032'],
    ['Specimen Bags with Pouches', 'BAG SPECIMEN WITH POUCH'],
  ])('%s reads as %s', (plural, singular) => {
    expect(wordsOf(plural).sort()).toEqual(wordsOf(singular).sort());
  });

  test.each([
    ['Glass Slides, Frosted', ['GLASS', 'SLIDE', 'FROSTED']],
    ['Forceps, Dressing, 5 in', ['FORCEPS', 'DRESSING', '5', 'IN']],
    ['Catheter Plus Series', ['CATHETER', 'PLUS', 'SERIES']],
  ])('guard: %s keeps its words that are no plural', (line, words) => {
    expect(wordsOf(line)).toEqual(words);
  });

  test.each([
    [
      'Kendall Curity Gauze Sponges 4 x 4 in, 200 Count | Business Price | Quantity Discounts',
      ['COVIDIEN', 'CURITY', 'GAUZE', 'SPONGE', '4', 'X', '4', 'IN', '200', 'CT'],
    ],
    ['Replacement Valves, 2 Pack, Compatible with Spectra S1 and S2 Pumps | Business Price', ['REPLACEMENT', 'VALVE', '2', 'PK']],
    ['Nitrile exam gloves, medium; 100/pk | Mfr #N19-M', ['NITRILE', 'EXAM', 'GLOVE', 'MEDIUM', '100', 'PK', 'N19M']],
  ])('%s', (title, words) => {
    expect(wordsOf(title)).toEqual(words);
  });
});

describe('through the public ingest API: a ward request reaches the catalogue line of its product, never a sibling', () => {
  let server: TestServer;
  const REQUESTS = `{ "sourceId": MAIL_ID, "description": BODY }`;
  const ERP = `{ "sourceId": ITEM, "description": DESCRIPTION, "manufacturer": MANUF_NAME ? { "name": MANUF_NAME } }`;

  beforeAll(async () => {
    server = await startIngestServer();
    await publishMapping(server, { source: 'ward-mail', domain: 'item', expression: REQUESTS });
    await publishMapping(server, { source: 'item-master', domain: 'item', expression: ERP });
  });
  afterAll(async () => server?.stop());

  let counter = 0;

  /** Sends one item-master row, then one request, and returns both ingest results. */
  async function sendPair(description: string, manufacturer: string, request: string) {
    counter += 1;
    const a = await ingest(server, {
      source: 'item-master',
      domain: 'item',
      contentType: 'application/x-ndjson',
      body: toNdjson([{ ITEM: `I${counter}`, DESCRIPTION: description, MANUF_NAME: manufacturer }]),
    });
    const b = await ingest(server, {
      source: 'ward-mail',
      domain: 'item',
      contentType: 'application/x-ndjson',
      body: toNdjson([{ MAIL_ID: `M${counter}`, BODY: request }]),
    });
    expect(a.status, a.text).toBe(200);
    expect(b.status, b.text).toBe(200);
    return { a: at((a.body as IngestBody).records, 0, 'item-master result'), b: at((b.body as IngestBody).records, 0, 'request result') };
  }

  /** The goldens proposed to a steward for a record, if any. */
  async function proposedFor(sourceRecordId: string | undefined): Promise<string[]> {
    const response = await server.request<{
      items: Array<{ subject: { sourceRecordId?: string }; candidates?: Array<{ goldenId: string }> }>;
    }>('GET', '/api/v1/tasks?domain=item&type=potential-match&limit=200');
    expect(response.status, response.text).toBe(200);
    const task = response.body.items.find((item) => item.subject.sourceRecordId === sourceRecordId);
    return task?.candidates?.map((candidate) => candidate.goldenId) ?? [];
  }

  test.each([
    [
      'DRESSING TEGADERM FOAM ADH 4X4.5IN / 10/BX',
      '3M',
      'hi - 5E needs 6 more tegaderm foam adhesive dressings 4x4.5in for tomorrows dressing round, thanks',
    ],
    [
      'SPONGE GAUZE CURITY 4X4IN 12PLY / STERILE 2/PK',
      'Cardinal Health',
      'can you order 3 bx of the curity gauze sponges (4x4in 12ply sterile) for the treatment room',
    ],
  ])('%s is proposed for the request', async (description, manufacturer, request) => {
    const { a, b } = await sendPair(description, manufacturer, request);
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(await proposedFor(b.sourceRecordId)).toContain(a.goldenId);
  });

  test('a request for another size is neither merged with nor proposed for the catalogue line', async () => {
    const { a, b } = await sendPair(
      'DRESSING TEGADERM FOAM ADH 4X4.5IN / 10/BX',
      '3M',
      'hi - 5E needs 6 more tegaderm foam adhesive dressings 6x6in for tomorrows dressing round, thanks',
    );
    expect(b.goldenId).not.toBe(a.goldenId);
    expect(b.match).not.toBe('merged');
    expect(await proposedFor(b.sourceRecordId)).not.toContain(a.goldenId);
  });
});
