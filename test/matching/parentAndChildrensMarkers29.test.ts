/**
 * Lead's rules of session 29 (supplier-3.40.1, facility-2.32.1), general conventions behind hard negatives that were
 * auto-merged on first measuring the sealed twenty-seventh corpus:
 * - a vendor master marks the parent's record with a bracketed `(Parent)` / `(Parent Co)` or the listed company's with
 *   its stock-exchange ticker (`(NYSE: XYZ)`): against a record of the same name without the mark (a site, a trading
 *   name, an operating company) it is a steward's question, never a merge; two marked records agree;
 * - a numbered operating subsidiary's number is read before a `d/b/a` line too (`X Corporation No. 2 d/b/a X`);
 * - German `Kinder-` glued by a hyphen (`Kinder-XYZ`, `Kinder- und Jugendklinik`) names a children's hospital.
 * The companies and hospitals are made up.
 */
import { describe, expect, test } from 'vitest';
import { comparatorOf, matchingTestServer } from '../support/factories/matching';

const supplier = matchingTestServer('supplier');
const facility = matchingTestServer('facility');

const vendorAt = (name: string) => ({
  name,
  addresses: [{ purposes: ['main'], line1: '410 Kestrel Way', city: 'Dayton', region: 'OH', postalCode: '45402', country: 'US' }],
});
const hospitalAt = (name: string) => ({
  name,
  addresses: [{ line1: 'Lindenallee 12', city: 'Kassel', postalCode: '34117', country: 'DE' }],
});

describe('a parent or listed-company mark (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['VELTRO FOODS (ST BRIGID CAFETERIA)', 'Veltro Foods (NYSE: VLTF)'],
    ['VELTRO FOODS (ST BRIGID CAFETERIA)', 'VELTRO FOODS (PARENT CO)'],
    ['Veltro Foods', 'Veltro Foods (Parent)'],
    ['Veltro Foods Inc', 'VELTRO FOODS INC (NASDAQ: VLTF)'],
  ])('%s and %s: a steward decides, never a merge', async (a, b) => {
    const pair = await supplier.verify(vendorAt(a), vendorAt(b));
    expect(comparatorOf(pair, 'companyWord')?.outcome).toBe('related');
    expect(pair.band).toBe('review');
  });

  test.each<[string, string]>([
    ['Veltro Foods (Parent)', 'VELTRO FOODS (PARENT COMPANY)'],
    ['Veltro Foods (NYSE: VLTF)', 'VELTRO FOODS (PARENT)'],
    // A bracket that is not a parent's mark says nothing of the kind.
    ['VELTRO FOODS (ST BRIGID CAFETERIA)', 'Veltro Foods (Dayton)'],
  ])('%s and %s: the mark does not keep them apart', async (a, b) => {
    const pair = await supplier.verify(vendorAt(a), vendorAt(b));
    expect(comparatorOf(pair, 'companyWord')?.outcome).not.toBe('related');
    expect(pair.band).toBe('auto-merge');
  });
});

describe('a numbered operating subsidiary with a d/b/a line (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Brenlow Uniform Corp. (Parent)', 'BRENLOW UNIFORM CORPORATION NO. 2 D/B/A BRENLOW'],
    ['BRENLOW UNIFORM CORP', 'Brenlow Uniform Corporation No. 3 dba Brenlow Uniforms'],
    ['BRENLOW UNIFORM CORPORATION NO. 2 D/B/A BRENLOW', 'Brenlow Uniform Corporation No. 3 t/a Brenlow'],
  ])('%s and %s: two companies', async (a, b) => {
    const pair = await supplier.verify(vendorAt(a), vendorAt(b));
    expect(pair.hardRule?.name).toBe('otherOperatingCompanyNumber');
    expect(pair.band).toBe('no-match');
  });

  test('one numbered subsidiary written with and without its d/b/a line is one company', async () => {
    const pair = await supplier.verify(vendorAt('BRENLOW UNIFORM CORPORATION NO. 2 D/B/A BRENLOW'), vendorAt('Brenlow Uniform Corp No 2'));
    expect(pair.band).not.toBe('no-match');
  });
});

describe('German Kinder- glued by a hyphen (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Universitätsklinikum Nordhessen (UKN)', 'Universitätsklinikum Nordhessen - Kinder-UKN'],
    ['Klinikum Lindenau', 'Kinder- und Jugendklinik Klinikum Lindenau'],
  ])('%s and %s: the adult hospital and the children’s hospital of its campus', async (a, b) => {
    const pair = await facility.verify(hospitalAt(a), hospitalAt(b));
    expect(comparatorOf(pair, 'hospitalKind')?.outcome).toBe('mismatch');
    expect(pair.band).not.toBe('auto-merge');
  });

  test('two spellings of the children’s hospital agree on its kind', async () => {
    const pair = await facility.verify(
      hospitalAt('Kinder-UKN Kassel'),
      hospitalAt("Kinder-UKN, Children's Hospital of the University Hospital"),
    );
    expect(comparatorOf(pair, 'hospitalKind')?.outcome).toBe('match');
  });
});
