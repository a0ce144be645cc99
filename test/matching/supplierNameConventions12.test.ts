/**
 * Vendor-name conventions of the eleventh organisation round (supplier-3.12.0):
 * - an address run into the name (US customs bill-of-lading shipper lines, OCR'd invoices): after the legal form, a
 *   run of words holding a number or an address word (`addressWords`: street, unit, district and country words, and
 *   street names written as one word: `-STRASSE`, `-VEJ`); without a form, a house number and a street word;
 * - a card descriptor's tail (`regionCodes`): a city or a customer-service phone, a store number, a state or province;
 * - legal forms written out or romanised (Mexican `S A DE C V`, `Limitada`, `E.I.R.L.`, India's `(OPC) Private
 *   Limited`, Korean `Jusik Hoesa` / `Chusik Hoesa`, Japanese `Kabushiki-gaisha`, Israeli `Be'am`) and the honorifics
 *   `M/s`, `Messrs` before a firm's name;
 * - the legal-form family read before such an address, so a sister company abroad stays apart;
 * - a name given again in brackets (the Swiss gazette's languages, a romanised register name with its English name)
 *   as another form of the name; a brand, parent, place or tagline in brackets is not.
 * The companies here are made up, not those of the corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeText } from '../../server/identifiers/names';
import { loadRules } from '../../server/matching';
import { nameForms } from '../../server/matching/bracketedNames';
import { addressWordsOf, isAddressTailOf, namesBeforeDescriptorTail, TRUNCATED_SCORE } from '../../server/matching/truncation';
import { startIngestServer } from '../support/factories/ingest';
import { attributeReader, nameComparison, shippedNameReadings, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

const compareNames = (a: string, b: string): ReturnType<typeof nameComparison> => nameComparison({ server, domain: 'supplier', a, b });

const readings = shippedNameReadings();
const { forms } = readings;

describe('an address run into the name (addressWords)', () => {
  test.each<[string, string, boolean]>([
    // US: house number, street and city after the form, or with no form at all (USPS street suffixes, PO box).
    ['QUILLAN MEDICAL SUPPLY INC 1200 N MAIN ST SPRINGFIELD IL', 'QUILLAN MEDICAL SUPPLY', true],
    ['QUILLAN MEDICAL SUPPLY 1200 N MAIN ST SPRINGFIELD IL', 'QUILLAN MEDICAL SUPPLY', true],
    ['QUILLAN MEDICAL INC PO BOX 4410 DALLAS TX', 'QUILLAN MEDICAL', true],
    // UK: unit, estate and postcode.
    ['HALVORSEN SURGICAL LTD UNIT 4 RIVERSIDE ESTATE LEEDS LS1 4AP', 'HALVORSEN SURGICAL', true],
    // German and Swiss: a street name written as one word, the postcode before the town.
    ['KORVANE MEDIZINTECHNIK GMBH HAUPTSTRASSE 12 78532 TUTTLINGEN', 'KORVANE MEDIZINTECHNIK', true],
    ['KORVANE AG BAHNHOFSTRASSE BASEL SWITZERLAND', 'KORVANE', true],
    // Nordic street names (-VEJ, -VAGEN) after a spaced form.
    ['KORVANE A S INDUSTRIVEJ 5 LYNGE', 'KORVANE', true],
    ['KORVANE AB SVEAVAGEN 10 STOCKHOLM', 'KORVANE', true],
    // Japanese and Korean: ward (ku, gu) and city, with or without the block number.
    ['QUILLAN SEIKI CO LTD CHUO KU OSAKA', 'QUILLAN SEIKI', true],
    ['QUILLAN SEIKI CO LTD 2 5 3 HONMACHI CHUO KU OSAKA JAPAN', 'QUILLAN SEIKI', true],
    ['HANBIT MEDICAL CO LTD GANGNAM GU SEOUL', 'HANBIT MEDICAL', true],
    // Chinese and Indian: number and road, industrial area.
    ['QUILLAN BIOTECH CO LTD NO 8 KEXUE RD SCIENCE CITY', 'QUILLAN BIOTECH', true],
    ['QUILLAN SURGICALS PVT LTD TTC INDUSTRIAL AREA NAVI MUMBAI', 'QUILLAN SURGICALS', true],
    // A name that holds a number is not cut: no street word after it, or a numbered designator after the form.
    ['ROUTE 66 MEDICAL SUPPLY', 'ROUTE', false],
    ['QUILLAN 1 800 CONTACTS', 'QUILLAN', false],
    ['CINTAS CORPORATION NO 2', 'CINTAS', false],
    ['QUILLAN MEDICAL INC 2', 'QUILLAN MEDICAL', false],
    // Words after the form that are no address: a division, a region.
    ['QUILLAN MEDICAL GMBH MEDICAL DIVISION', 'QUILLAN MEDICAL', false],
    ['QUILLAN AG NORTH EAST REGION', 'QUILLAN', false],
    // After CO alone no address is read (`ACME CO PRODUCTS`).
    ['QUILLAN CO 12 PRODUCTS LANE', 'QUILLAN', false],
  ])('isAddressTailOf(%s, %s) = %s', (long, short, expected) => {
    expect(isAddressTailOf(long, short, readings)).toBe(expected);
  });

  test('without the address table only numbers mark an address', () => {
    const none = addressWordsOf({ addressTables: [], regionTables: [], normalize: normalizeText });
    expect(isAddressTailOf('QUILLAN SEIKI CO LTD CHUO KU OSAKA', 'QUILLAN SEIKI', { forms, address: none })).toBe(false);
    expect(isAddressTailOf('QUILLAN SEIKI CO LTD CHUO KU OSAKA', 'QUILLAN SEIKI', readings)).toBe(true);
  });

  test('through the public API: a shipper line is near-identical to the name, never the same name', async () => {
    expect(
      await compareNames('KORVANE MEDIZINTECHNIK GMBH HAUPTSTRASSE 12 78532 TUTTLINGEN GERMANY', 'Korvane Medizintechnik GmbH'),
    ).toMatchObject({
      outcome: 'partial',
      score: TRUNCATED_SCORE,
    });
    // Place words alone after the form (no street number): since supplier-3.34.0 a place of one to three words after a
    // legal form that is no ordinary word is read off as a payables descriptor's town (registerNames.ts).
    expect(await compareNames('QUILLAN SEIKI CO LTD CHUO KU OSAKA', 'QUILLAN SEIKI CO.,LTD.')).toMatchObject({
      outcome: 'match',
      score: 1,
    });
  });
});

describe('the legal form before an address is read (legalForm attribute)', () => {
  const rules = loadRules('supplier');
  test.each<[string, string]>([
    ['KORVANE GMBH ERWIN HIELSCHER STR 9 MUNICH', 'de'],
    ['KORVANE LTD 2 HOLZMAN ST REHOVOT ISRAEL', 'limited'],
    ['KORVANE INC 1200 N MAIN ST', 'us'],
    ['KORVANE GMBH', 'de'],
  ])('%s → %s', async (text, family) => {
    expect(attributeReader((await rules).rules)(text)).toMatchObject({ legalForm: [family] });
  });

  test('a sister company abroad, named with its form before its street, is not put before a steward', async () => {
    const explanation = await verifyPair({
      server,
      domain: 'supplier',
      a: { name: 'KORVANE GMBH ERWIN HIELSCHER STR 9 MUNICH' },
      b: {
        name: 'Korvane, Inc.',
        addresses: [{ line1: '1 Korvane Way', city: 'Naples', state: 'FL', postalCode: '34108', country: 'US' }],
      },
    });
    expect(explanation.band).toBe('no-match');
  });
});

describe("a card descriptor's tail (regionCodes)", () => {
  test.each<[string, string[]]>([
    // One or two city words (`SOLUT CHICAGO` may be a two-word city: both readings are kept).
    ['QUILLAN HEALTHCARE SOLUT CHICAGO IL', ['QUILLAN HEALTHCARE SOLUT', 'QUILLAN HEALTHCARE']],
    ['QUILLAN DIRECT 800 555 0199 IL', ['QUILLAN DIRECT']],
    ['QUILLAN PRESS 1417 KETTERING OH', ['QUILLAN PRESS', 'QUILLAN PRESS KETTERING']],
    ['QUILLAN MOBILITY MISSISSAUGA ON', ['QUILLAN MOBILITY']],
    // No region code at the end, or too few words for a name before the tail.
    ['QUILLAN HEALTHCARE SOLUT CHICAGO', []],
    ['QUILLAN DENTAL ME', []],
  ])('%s → %j', (descriptor, names) => {
    expect(namesBeforeDescriptorTail(descriptor, readings).sort()).toEqual([...names].sort());
  });

  test.each<[string, string]>([
    ['SUNVALE HEALTHCARE SOLUT CHICAGO IL', 'Sunvale Healthcare Solutions, Inc.'],
    ['QUILLAN SCIENTIFIC SARASOTA FL', 'Quillan Scientific'],
    ['QUILLAN DIRECT 800-555-0199 IL', 'QUILLAN DIRECT'],
    ['QUILLAN PRESS #1417 KETTERING OH', 'Quillan Press'],
  ])('through the public API: %s ≈ %s (near-identical)', async (descriptor, name) => {
    expect(await compareNames(descriptor, name)).toMatchObject({ outcome: 'partial', score: TRUNCATED_SCORE });
  });
});

describe('legal forms written out or romanised, and honorifics (legalSuffixes 1.6.0, legalPrefixes 1.2.0, through the public API)', () => {
  test.each<[string, string]>([
    ['LABORATORIOS QUILLAN S A DE C V', 'Laboratorios Quillan, S.A. de C.V.'],
    ['Laboratorios Quillan Sociedad Anónima de Capital Variable', 'LABORATORIOS QUILLAN SA DE CV'],
    ['Quillan Medica Limitada', 'QUILLAN MEDICA LTDA'],
    ['Quillan Medica E.I.R.L.', 'Quillan Medica Empresa Individual de Responsabilidad Limitada'],
    ['Quillan Healthcare (OPC) Private Limited', 'QUILLAN HEALTHCARE OPC PVT LTD'],
    ['Quillan Healthcare (OPC) Private Limited', 'Quillan Healthcare Pvt. Ltd.'],
    ['Jusik Hoesa Hanbit Medical', 'Hanbit Medical Co., Ltd.'],
    ['Chusik Hoesa Hanbit Medical', 'HANBIT MEDICAL CO LTD'],
    ['Kabushiki-gaisha Quillan Seiki', 'Quillan Seiki K.K.'],
    ["Quillan Be'am", 'Quillan Ltd.'],
    ['M/s Quillan Surgicals Pvt. Ltd.', 'QUILLAN SURGICALS PRIVATE LIMITED'],
    ['M/s. Quillan Surgicals Private Limited', 'Quillan Surgicals Pvt Ltd'],
    ['Messrs Quillan Traders', 'Quillan Traders'],
    ['M/s The Quillan Company Ltd.', 'Quillan Company Limited (The)'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a name that starts with MS or M S written as initials is kept', async () => {
    expect((await compareNames('MS QUILLAN', 'QUILLAN'))?.score ?? 0).toBeLessThan(1);
  });
});

describe('a name given again in brackets (alternatives)', () => {
  test.each<[string, string[]]>([
    // Swiss gazette: one company in German, French and English.
    ['Korvane AG (Korvane SA) (Korvane Ltd)', ['Korvane SA', 'Korvane Ltd', 'Korvane AG']],
    // EUDAMED / Asian registers: the romanised register name (its form first), the English name in brackets.
    ['Kabushiki Kaisha Kuiran Seiki (Quillan Seiki Co., Ltd.)', ['Quillan Seiki Co., Ltd.', 'Kabushiki Kaisha Kuiran Seiki']],
    ['Jusik Hoesa Hanbit Medikal (Hanbit Medical Co., Ltd.)', ['Hanbit Medical Co., Ltd.', 'Jusik Hoesa Hanbit Medikal']],
    // Not names of the record's own entity: a brand or parent, a place, a tagline, a former name, a listing qualifier.
    ['Quillan (Korvane)', []],
    ['Quillan Surgical, Inc. (Korvane Holdings Inc)', []],
    ['Quillan Medical (Hong Kong) Limited', []],
    ['Quillan Surgical, Inc. (a Korvane company)', []],
    ['Quillan Surgical Inc. (formerly Quillan Instruments Inc.)', []],
    ['Quillan AB (publ)', []],
  ])('%s → %j', (raw, names) => {
    expect(nameForms(raw)).toEqual([raw, ...names]);
  });

  test('through the public API: the English name in brackets equals the English record, a language form the other', async () => {
    expect(await compareNames('Kabushiki Kaisha Kuiran Seiki (Quillan Seiki Co., Ltd.)', 'QUILLAN SEIKI CO LTD')).toMatchObject({
      outcome: 'match',
      score: 1,
    });
    expect(await compareNames('Korvane AG (Korvane SA) (Korvane Ltd)', 'KORVANE SA')).toMatchObject({ outcome: 'match', score: 1 });
  });

  test('a parent named in brackets does not make the subsidiary the parent', async () => {
    expect((await compareNames('Quillan Surgical, Inc. (Korvane Holdings Inc)', 'Korvane Holdings Inc'))?.score ?? 0).toBeLessThan(0.9);
  });
});
