/**
 * Supplier names as payment rails cut and write them, and parents beside their national or US subsidiaries
 * (supplier-3.29.0; fuzzy params `fieldCutWidths` and `merchantDescriptors`, truncation.ts `fieldCutScore` and the phone
 * tail of card descriptors, cluster splits `nationalSubsidiaryAndParent` and `europeanCompanyAndUsCorporation`):
 * - NACHA's company-name field is 16 characters and the individual-name field 22: an upper-case name of exactly that
 *   width is read as the other's name cut by the field (near-identical when it lost only a legal form or the end of the
 *   last word; a similar name for review when a whole word, a number or all but one or two letters of a word may be lost);
 * - card descriptors: `MERCHANT*DETAIL` names the merchant before the asterisk; a customer-service phone ends a
 *   card-not-present descriptor without a state code;
 * - `X USA, Inc.` beside `X, Inc.`, `X plc` / `X A/S` beside `X Corporation`: two legal entities, two cluster tasks.
 * Every company here is made up, written in the conventions of those files; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { fieldWidthCutOf, merchantBeforeAsterisk } from '../../server/matching/nameReadings';
import { fieldCutScore, namesBeforeDescriptorTail } from '../../server/matching/truncation';
import { comparatorOf, shippedNameReadings, verifyPair } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, clusterTaskOf } = vendorTestServer({ sources: ['ach', 'erp', 'gpo'], idPrefix: 'P' });

const readings = shippedNameReadings();

describe('fieldWidthCutOf: an upper-case value of a payment field width (16, 22)', () => {
  const widths = new Set([16, 22]);
  test.each<[string, 'inField' | 'atWordEnd' | null]>([
    ['QUILLMARK SURGIC', 'inField'],
    ['CARRAWAY HEALTH 212 LL', 'inField'],
    // A cut at a word's end keeps the field's padding, or loses it to trimming (one character short of the width).
    ['HARLOW BIOMEDIC ', 'inField'],
    ['HARLOW BIOMEDIC', 'atWordEnd'],
    ['Quillmark Surgic', null],
    ['QUILLMARK SURGICA', null],
    ['QUILLMARK SURG', null],
    ['1234567890123456', null],
  ])('%s: %s', (raw, expected) => {
    expect(fieldWidthCutOf(raw, widths)).toBe(expected);
  });
});

describe('fieldCutScore: a field-width cut against the other name (normalised values)', () => {
  test.each<[string, string, number | null]>([
    // Only the legal form was cut: the whole name is kept.
    ['BRAVELLO CORPORA', 'BRAVELLO', 0.97],
    ['HARLOW MEDICAL I', 'HARLOW MEDICAL', 0.97],
    ['CARRAWAY HEALTH 212 LL', 'CARRAWAY HEALTH 212', 0.97],
    // The end of the other's last word was cut, three letters or more of it kept.
    ['QUILLMARK INDUSTRI', 'QUILLMARK INDUSTRIES', 0.97],
    ['QUILLMARK SURGIC', 'QUILLMARK SURGICAL', 0.97],
    // A whole word may be lost (the field was full), or the other goes on after the cut word: for review.
    ['QUILLMARK HEALTH', 'QUILLMARK HEALTH CARE US', 0.9],
    ['QUILLMARK SURGIC', 'QUILLMARK SURGICAL OPERATIONS', 0.9],
    // A number or a one-letter fragment may name another entity of the group.
    ['CARRAWAY HEALTH 2', 'CARRAWAY HEALTH 212', 0.9],
    ['QUILLMARK DIGITAL H', 'QUILLMARK DIGITAL HEALTH', 0.9],
    // No cut: another word after the name, another name, a name too short before the cut form.
    ['HARLOW MEDICAL ONE', 'HARLOW MEDICAL', null],
    ['QUILLMARK SURGIC', 'QUILMARK SURGICAL', null],
    ['ACE I', 'ACE', null],
    ['QUILLMARK SURGICAL', 'QUILLMARK SURGICAL', null],
  ])('%s / %s: %s', (cut, other, expected) => {
    expect(fieldCutScore(cut, other, readings.forms)).toBe(expected);
  });
});

describe('card descriptors', () => {
  test.each<[string, string | null]>([
    ['TALLOWIN*WEB ORDER', 'TALLOWIN'],
    ['TALLOWIN *SHIP SUPPLIES', 'TALLOWIN'],
    // A facilitator's two letters, and names written with an asterisk, are no merchant.
    ['SQ *TALLOWIN', null],
    ['E*TRADE', null],
    ['TALLOWIN SUPPLY', null],
  ])('merchantBeforeAsterisk(%s) = %s', (raw, expected) => {
    expect(merchantBeforeAsterisk(raw)).toBe(expected);
  });

  test.each<[string, string[]]>([
    ['TALLOWIN 800 555 0142', ['TALLOWIN']],
    ['TALLOWIN MEDICAL 8005550142', ['TALLOWIN MEDICAL']],
    // One short word before a phone is no merchant name; a year is no phone.
    ['ACE 800 555 0142', []],
    ['TALLOWIN MEDICAL 2024', []],
  ])('namesBeforeDescriptorTail(%s) = %j', (value, expected) => {
    expect(namesBeforeDescriptorTail(value, readings)).toEqual(expected);
  });
});

describe('through the public API (POST /matching/verify)', () => {
  const nameOf = async (a: string, b: string) => {
    const explanation = await verifyPair({ server: server(), domain: 'supplier', a: { name: a }, b: { name: b } });
    return { band: explanation.band, name: comparatorOf(explanation, 'name') };
  };

  test.each<[string, string]>([
    ['BRAVELLO CORPORA', 'Bravello Corporation'],
    ['HARLOW MEDICAL I', 'Harlow Medical, Inc.'],
    ['KIMBERWOOD-ASH C', 'Kimberwood-Ash Corporation'],
    ['CARRAWAY HEALTH 212 LL', 'Carraway Health 212, LLC'],
    ['TALLOWIN*WEB ORDER', 'Tallowin, Inc.'],
    ['TALLOWIN 800-555-0142', 'TALLOWIN INC'],
  ])('%s reads as %s cut or described: near-identical, reviewed, never merged on the name', async (a, b) => {
    const { band, name } = await nameOf(a, b);
    expect(name).toMatchObject({ outcome: 'partial', score: 0.97 });
    expect(band).toBe('review');
  });

  test('a cut that may have lost a word is a similar name, below a cluster edge', async () => {
    const { band, name } = await nameOf('QUILLMARK SURGIC', 'Quillmark Surgical Operations, Inc.');
    expect(name?.score).toBe(0.9);
    expect(band).toBe('review');
  });

  test('the same cut one character shorter is no field cut', async () => {
    const { name } = await nameOf('BRAVELLO CORPOR', 'Bravello Corporation');
    expect(name?.score ?? 0).toBeLessThan(0.9);
  });

  test('a name of the field width that ends in a whole legal form is read as written', async () => {
    // `HARLOW MEDIC INC` is 16 characters: the cut reading would be HARLOW MEDIC, a prefix of HARLOW MEDICAL.
    const { name } = await nameOf('HARLOW MEDIC INC', 'Harlow Medical Supply, Inc.');
    expect(name?.score ?? 0).toBeLessThan(0.9);
  });
});

describe('cluster tasks (POST /ingest)', () => {
  test('an ACH cut joins the cluster task of the name it cuts', async () => {
    const legal = await ingestVendors('gpo', [
      { name: 'Bravello Corporation', street: '1 Main St', city: 'Tulsa', country: 'US' },
      { name: 'BRAVELLO CORP', street: 'PO Box 40', city: 'Dallas', country: 'US' },
    ]);
    const [cut] = await ingestVendors('ach', [{ name: 'BRAVELLO CORPORA' }]);
    expect(memberIdsOf(await clusterTaskOf(cut))).toEqual([...legal, cut].sort());
  });

  test('X USA, Inc. and X, Inc.: two cluster tasks; two spellings of X USA, Inc. stay in one', async () => {
    const national = await ingestVendors('gpo', [
      { name: 'Brisendal USA, Inc.', street: '9 Elm St', city: 'Omaha', country: 'US' },
      { name: 'BRISENDAL USA INC', street: 'PO Box 77', city: 'Lincoln', country: 'US' },
    ]);
    const group = await ingestVendors('erp', [
      { name: 'Brisendal, Inc.', street: '4 Bay St', city: 'Boston', country: 'US' },
      { name: 'BRISENDAL INC', street: 'PO Box 12', city: 'Quincy', country: 'US' },
    ]);
    expect(memberIdsOf(await clusterTaskOf(national[0]))).toEqual([...national].sort());
    expect(memberIdsOf(await clusterTaskOf(group[0]))).toEqual([...group].sort());
  });

  test.each<[string, string]>([
    ['Vantorp plc', 'Vantorp Corporation'],
    ['Kelderhus A/S', 'Kelderhus Corp.'],
  ])('%s and %s: the European parent and its US subsidiary in two cluster tasks', async (european, american) => {
    const parent = await ingestVendors('gpo', [
      { name: european, street: '2 Quay Rd' },
      { name: european.toUpperCase(), street: 'PO Box 3' },
    ]);
    const subsidiary = await ingestVendors('erp', [
      { name: american, street: '8 Oak Ave' },
      { name: american.toUpperCase(), street: 'PO Box 9' },
    ]);
    expect(memberIdsOf(await clusterTaskOf(parent[0]))).toEqual([...parent].sort());
    expect(memberIdsOf(await clusterTaskOf(subsidiary[0]))).toEqual([...subsidiary].sort());
  });
});
