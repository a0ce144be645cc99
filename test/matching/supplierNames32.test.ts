/**
 * Supplier names as card statements and company-data sites write them (supplier-3.43.0, session 32):
 * - a card descriptor ends in its card acceptor location (ISO 8583 field 43: the name, then the city or a card-not-present
 *   merchant's customer-service phone, then the state): one ending in a phone is also read as the merchant before it (nameReadings.ts merchantBeforeLocation, fuzzy param `merchantDescriptors`);
 * - company-data sites write `name, town` and certification directories `name - City, ST`: a name ending in the record's
 *   own town after a comma or a spaced dash also compares by the name before it (placeTails.ts withNamesBeforeOwnTown,
 *   fuzzy param `ownTownSuffix`).
 * The look-alikes that must stay apart: a franchisee's store number (`X PRESS #1417`), a number of the name's own, a
 * year, a numbered company, a tail with a legal form; a town run into the name (a franchise's own name), another town than the record's.
 * Every company here is made up, written in the conventions of those lists; none is taken from the corpora.
 */
import { describe, expect, test } from 'vitest';
import { cardMerchantOf, merchantBeforeLocation } from '../../server/matching/nameReadings';
import { withNamesBeforeOwnTown } from '../../server/matching/placeTails';
import { comparatorOf, matchingTestServer, verifyPair } from '../support/factories/matching';

const { server } = matchingTestServer('supplier');

describe('merchantBeforeLocation: an upper-case card descriptor read without its card acceptor location', () => {
  test.each<[string, string | null]>([
    ['HALVERSTON RECORDS INC 800-555-0187', 'HALVERSTON RECORDS INC'],
    ['QUILLBY DATA LLC 888-555-0163 MN', 'QUILLBY DATA LLC'],
    ['QUILLBY DATA (888) 555-0163 MN', 'QUILLBY DATA'],
    ['MARROWAY 8885550163', 'MARROWAY'],
    // A store number may be a franchisee's (one legal entity per number): kept in the name.
    ['QUIRKPRINT PRESS #1417 KETTERING OH', null],
    ['QUIRKPRINT PRESS 7123', null],
    // A number that is the name's own, a year, a numbered company's leading number.
    ['MARROWAY 3000', null],
    ['TALLOWIN MEDICAL 2024', null],
    ['104512345 ALBERTA LTD', null],
    // A tail holding a legal form is part of the name; a descriptor is written in upper case.
    ['KESTWICK PARKING AUSTRALIA 1988 PTY LIMITED', null],
    ['Trellick Parking 204411', null],
    ['TRELLICK PARKING', null],
  ])('%s → %s', (raw, expected) => {
    expect(merchantBeforeLocation(raw)).toBe(expected);
  });

  test('the asterisk form is read first', () => {
    expect(cardMerchantOf('TRELLICK*PERMIT 800-555-0117')).toBe('TRELLICK');
    expect(cardMerchantOf('TRELLICK PARKING 800-555-0117')).toBe('TRELLICK PARKING');
  });
});

describe("withNamesBeforeOwnTown: a name ending in the record's own town", () => {
  test.each<[string, string, string[]]>([
    ['Halverston Archivdienste GmbH, Bremen', 'Bremen', ['Halverston Archivdienste GmbH']],
    ['Quillby Shredding - Tacoma, WA', 'Tacoma', ['Quillby Shredding']],
    ['Quillby Shredding - St. Paul, MN', 'St. Paul', ['Quillby Shredding']],
    // Another town, a town run into the name (a franchise or a branch named so), a name that is only the town: kept whole.
    ['Quillby Shredding - Tacoma, WA', 'Spokane', []],
    // A register naming one site of a multi-site company `name - Town` (no state): the site is a supplier of its own.
    ['Quillby Pathology Laboratories - Tacoma', 'Tacoma', []],
    ['Halverston Archivdienste GmbH - Bremen', 'Bremen', []],
    ['HALVERSTON Bremen', 'Bremen', []],
    ['Bremen', 'Bremen', []],
  ])('%s (%s)', (raw, town, before) => {
    expect(withNamesBeforeOwnTown([raw], [town])).toEqual([raw, ...before]);
  });
});

describe('through the public API (POST /matching/verify)', () => {
  const nameOf = async (a: Record<string, unknown>, b: Record<string, unknown>) =>
    comparatorOf(await verifyPair({ server: server(), domain: 'supplier', a, b }), 'name');
  const inTown = (city: string, state?: string) => [{ purposes: ['main'], city, ...(state ? { state } : {}), country: 'US' }];

  test('a card descriptor with its customer-service phone names the merchant', async () => {
    const name = await nameOf(
      { name: 'TRELLICK PARKING LLC 800-555-0117 CO' },
      { name: 'Trellick Parking, LLC', addresses: inTown('Denver', 'CO') },
    );
    expect(name?.score ?? 0).toBeGreaterThanOrEqual(0.96);
  });

  test('two franchisees of one brand keep their store numbers apart', async () => {
    const name = await nameOf({ name: 'QUIRKPRINT PRESS #1417 KETTERING OH' }, { name: 'QUIRKPRINT PRESS #0962 BEAVERCREEK OH' });
    expect(name?.score ?? 0).toBeLessThan(0.96);
  });

  test("a directory's `name - City, ST` in the record's own town is the name alone", async () => {
    const name = await nameOf(
      { name: 'Quillby Document Destruction - Tacoma, WA', addresses: inTown('Tacoma', 'WA') },
      { name: 'Quillby Document Destruction', addresses: inTown('Tacoma', 'WA') },
    );
    expect(name?.score ?? 0).toBeGreaterThanOrEqual(0.96);
  });

  test('a franchise named with its town is not read without it', async () => {
    const name = await nameOf(
      { name: 'HALVERSTON Bremen', addresses: [{ purposes: ['main'], city: 'Bremen', country: 'DE' }] },
      { name: 'HALVERSTON', addresses: [{ purposes: ['main'], city: 'Hamburg', country: 'DE' }] },
    );
    expect(name?.score ?? 0).toBeLessThan(0.96);
  });
});
