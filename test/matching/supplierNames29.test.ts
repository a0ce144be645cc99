/**
 * Supplier names of session 29 (supplier-3.40.0): the Welsh legal forms a company registered in Wales may end its name
 * with (Companies Act 2006 ss. 58–59: Cyfyngedig / Cyf. = Limited, C.C.C. = plc), the Hawaiian ʻokina inside a word, an
 * acronym that spells a leading initialism whole (`NHS` + the initials of the rest), and a name cut by a fixed-width
 * payment field that fits two names at one place left out of both their cluster tasks. Every company is made up; the
 * public-body names are of the kind, not of any corpus.
 */
import { describe, expect, test } from 'vitest';
import { comparatorOf, verifyPair, type VerifiedPair } from '../support/factories/matching';
import { memberIdsOf, vendorTestServer } from '../support/factories/vendors';

const { server, ingestVendors, clusterTaskOf, verified } = vendorTestServer({
  sources: ['register', 'payables', 'wires'],
  idPrefix: 'S29-',
});

describe('Welsh legal forms (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['BRYNTEG LLAETH CYFYNGEDIG', 'Brynteg Llaeth Cyf'],
    ['Brynteg Llaeth Cyf.', 'BRYNTEG LLAETH LIMITED'],
    ['Gwynant Ynni C.C.C.', 'GWYNANT YNNI PLC'],
  ])('%s and %s: one name, the form dropped', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')?.score).toBe(1);
  });

  test.each<[string, string]>([
    // Two companies of one group at one office, both Cyfyngedig: the distinctive words differ.
    ['GLANNAU TREFNIADAU CYFYNGEDIG', 'GWYNANT TREFNIADAU CYFYNGEDIG'],
    // The form only: a name that differs before it stays another name.
    ['Brynteg Llaeth Cyf', 'Brynteg Llaethdy Cyf'],
  ])('%s and %s: not read as one name', async (a, b) => {
    const explanation = await verified(a, b);
    expect(comparatorOf(explanation, 'name')?.score ?? 0).toBeLessThan(1);
  });
});

describe('the Hawaiian ʻokina (POST /matching/verify)', () => {
  test.each<[string, string]>([
    ['Kaʻala Ridge Water Cooperative', 'KAALA RIDGE WATER COOPERATIVE'],
    ["Ka'ala Ridge Water Cooperative", 'Kaʻala Ridge Water Cooperative'],
    ['Hui Mālama ʻĀina o Kaʻū', 'HUI MALAMA AINA O KAU'],
  ])('%s and %s: one name', async (a, b) => {
    expect(comparatorOf(await verified(a, b), 'name')?.score).toBe(1);
  });

  test('an initialism of a name written with the ʻokina spells its words whole', async () => {
    const explanation = await verified('Kaʻala Ridge Water Cooperative', 'KRWC');
    expect(explanation.band).toBe('review');
  });
});

describe('an acronym that spells a leading initialism whole (POST /matching/verify)', () => {
  const city = { city: 'Newcastle upon Tyne', country: 'GB' };
  const verifiedAt = (a: string, b: string): Promise<VerifiedPair> =>
    verifyPair({
      server: server(),
      domain: 'supplier',
      a: { name: a, addresses: [{ purposes: ['main'], ...city }] },
      b: { name: b, addresses: [{ purposes: ['main'], ...city }] },
    });

  test.each<[string, string]>([
    ['NHS Tyneside Courier Service', 'NHSTCS'],
    ['NHS Orchard Records Agency', 'NHSORA'],
    ['UK Pharmacy Supply Agency', 'UKPSA'],
  ])('%s and %s: reviewed as an initialism, never merged', async (long, short) => {
    const explanation = await verifiedAt(long, short);
    expect(explanation.band).toBe('review');
    expect(comparatorOf(explanation, 'name')?.score).toBeLessThan(1);
  });

  test.each<[string, string]>([
    // Another body of the same parent: the initials after NHS differ.
    ['NHS Orchard Records Agency', 'NHSTCS'],
    ['UK Pharmacy Supply Agency', 'UKPMA'],
  ])('%s and %s: not read as one body', async (long, short) => {
    const explanation = await verifiedAt(long, short);
    expect(explanation.band).toBe('no-match');
  });
});

describe('a name cut by a fixed-width payment field (POST /ingest, cluster tasks)', () => {
  const place = { city: 'Marlborough', country: 'US' };

  test('a 35-character cut that fits the parent and the operating company joins neither task', async () => {
    // The operating company, as a licence list and a payables book write it.
    const operating = await ingestVendors('register', [
      { name: 'Halverstone Clinical Laboratories', ...place },
      { name: 'HALVERSTONE CLINICAL LABORATORIES', ...place },
    ]);
    // The listed parent, as a register writes it.
    const parent = await ingestVendors('payables', [{ name: 'HALVERSTONE CLINICAL LABORATORIES HOLDINGS', ...place }]);
    // A wire's beneficiary line, cut at 35 characters: the parent's name cut, or the operating company's and a letter.
    const [cut] = await ingestVendors('wires', [{ name: 'HALVERSTONE CLINICAL LABORATORIES H', ...place }]);
    for (const goldenId of [...new Set([...operating, ...parent])]) {
      const task = await clusterTaskOf(goldenId);
      const members = memberIdsOf(task);
      // No task holds the operating company beside the parent.
      expect(members.some((id) => operating.includes(id)) && members.some((id) => parent.includes(id))).toBe(false);
    }
    expect(memberIdsOf(await clusterTaskOf(cut))).toEqual([]);
  });

  test('a 35-character cut of one company only still joins that company', async () => {
    const place2 = { city: 'Tewksbury', country: 'US' };
    const [full] = await ingestVendors('register', [{ name: 'Brentmoor Patient Transport Services, Inc.', ...place2 }]);
    const [other] = await ingestVendors('payables', [{ name: 'BRENTMOOR PATIENT TRANSPORT SERVICES INC', ...place2 }]);
    const [cut] = await ingestVendors('wires', [{ name: 'BRENTMOOR PATIENT TRANSPORT SERVICE', ...place2 }]);
    const ids = [...new Set([full, other, cut])].sort();
    // Merged into one golden record, or one cluster task holding all of them.
    if (ids.length > 1) expect(memberIdsOf(await clusterTaskOf(cut))).toEqual(ids);
    else expect(ids).toHaveLength(1);
  });
});
