/**
 * Vendor-name conventions of the twelfth organisation round (supplier-3.14.0):
 * - OCR confusions in accounts-payable scans (`ocrConfusions`): a lower-case l inside an upper-case word, a look-alike
 *   digit inside a word of letters; numbered companies and codes are not folded;
 * - a name taken from a web or e-mail domain (`domainNames`): the registrable label against the other name's leading
 *   words written together;
 * - initials with and without dots or spaces, and a founder's initial before the brand (`initials`);
 * - `Name, Inc., City, ST (US)` as patent-assignee and FDA firm lists write it (regionCodes after the legal form);
 * - legal forms: `GmbH u. Co. KG`, `k.s.` / `v.o.s.` written without a space (legalSuffixes 1.7.0).
 * Every reading gives a near-identical name at most: a cluster edge or a review, never an automatic merge on the
 * name alone. The companies here are made up, not those of the corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRules } from '../../server/matching';
import { domainLabel, joinedInitials, leadingWordsSpelled, ocrFolded, withoutLeadingInitials } from '../../server/matching/nameReadings';
import { INITIALS_DROPPED_SCORE, READING_SCORE } from '../../server/matching/nameReadingComparison';
import { isCityRegionAfterFormOf } from '../../server/matching/truncation';
import { startIngestServer } from '../support/factories/ingest';
import { nameComparison, shippedNameReadings, verifyPair } from '../support/factories/matching';
import { must } from '../support/must';
import type { TestServer } from '../support/testServer';

let server: TestServer;
beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

const compareNames = (a: string, b: string): ReturnType<typeof nameComparison> => nameComparison({ server, domain: 'supplier', a, b });

describe('OCR confusions (ocrFolded)', () => {
  test.each<[string, string | null]>([
    // A lower-case l inside an upper-case word is an I.
    ['QUENTARO MEDlCAL lNC', 'QUENTARO MEDICAL INC'],
    ['lVANTEC SYSTEMS', 'IVANTEC SYSTEMS'],
    // A look-alike digit inside a word of letters: 0 = O, 1 = I, 5 = S, 8 = B.
    ['K.R. 8ELLMAN, INC.', 'K.R. BELLMAN, INC.'],
    ['VANTORI TECHN0LOGIES', 'VANTORI TECHNOLOGIES'],
    ['5ANVIK MED1CAL', 'SANVIK MEDICAL'],
    // Mixed-case names are written so on purpose; numbered companies and codes are not scans.
    ['iVantec Systems', null],
    ['McQuentaro Medical', null],
    ['3M COMPANY', null],
    ['5AM VENTURES', null],
    ['A1 MEDICAL SUPPLY', null],
    ['QUENTARO 2000 INC', null],
    ['QUENTARO MED01', null],
    ['QUENTARO LAB 24', null],
  ])('%s → %s', (raw, folded) => {
    expect(ocrFolded(raw)).toBe(folded);
  });

  test.each<[string, string]>([
    ['QUENTARO MEDlCAL lNC', 'Quentaro Medical, Inc.'],
    ['K.R. 8ELLMAN, INC.', 'KR BELLMAN INC'],
    ['VANT0RI TECHN0L0GIES INC', 'Vantori Technologies, Inc.'],
  ])('through the public API: %s ≈ %s (near-identical, not the same name)', async (scanned, name) => {
    expect(await compareNames(scanned, name)).toMatchObject({ outcome: 'partial', score: READING_SCORE });
  });

  test('through the public API: a folded scan is no match for a different company', async () => {
    expect((await compareNames('QUENTARO MEDlCAL lNC', 'Quintara Dental, Inc.'))?.score ?? 0).toBeLessThan(0.9);
  });
});

describe('a name taken from a web or e-mail domain (domainLabel, leadingWordsSpelled)', () => {
  test.each<[string, string | null]>([
    ['quentaromedical.com', 'QUENTAROMEDICAL'],
    ['www.vantori.com', 'VANTORI'],
    ['https://www.vantori-health.com/', 'VANTORIHEALTH'],
    ['ap@quentaro.co.uk', 'QUENTARO'],
    ['orders@vantori.com.au', 'VANTORI'],
    ['vantori.de', 'VANTORI'],
    // Not a domain: a name with a dot, an abbreviation.
    ['Quentaro Medical Inc.', null],
    ['St. Vantori', null],
    ['Q.R. Bellman', null],
  ])('%s → %s', (raw, label) => {
    expect(domainLabel(raw)).toBe(label);
  });

  test.each<[string, string, string | null]>([
    ['QUENTARODIABETES', 'QUENTARO DIABETES CARE', 'QUENTARO DIABETES'],
    ['QUENTARO', 'QUENTARO', 'QUENTARO'],
    ['QUENTAROMEDICAL', 'QUENTARO MEDICAL', 'QUENTARO MEDICAL'],
    // The label must end at a word boundary of the name.
    ['QUENTAROMED', 'QUENTARO MEDICAL', null],
    ['VANTORI', 'QUENTARO MEDICAL', null],
  ])('%s spells the leading words of %s: %s', (label, name, words) => {
    expect(leadingWordsSpelled(label, name)).toBe(words);
  });

  test.each<[string, string, number]>([
    ['quentaromedical.com', 'Quentaro Medical, Inc.', READING_SCORE],
    ['ap@vantori.co.uk', 'VANTORI PLC', READING_SCORE],
  ])('through the public API: %s ≈ %s', async (domain, name, score) => {
    expect(await compareNames(domain, name)).toMatchObject({ outcome: 'partial', score });
  });

  test('through the public API: a label that spells part of the name scores as those words, below near-identical', async () => {
    const domain = await compareNames('quentarodiabetes.com', 'Quentaro Diabetes Care, Inc.');
    const words = await compareNames('Quentaro Diabetes', 'Quentaro Diabetes Care, Inc.');
    expect(domain?.score).toBe(words?.score);
    expect(domain?.score ?? 1).toBeLessThan(READING_SCORE);
  });

  test('through the public API: another company named in a domain does not come close', async () => {
    expect((await compareNames('quentaro.com', 'Vantori Medical'))?.score ?? 0).toBe(0);
  });
});

describe('blocking keys of the readings (nameTokens ocrConfusions, domainNames)', () => {
  test.each<[string, string[]]>([
    // A domain is filed under its label and the label's prefixes, so it meets the name's first word.
    ['quentaro.com', ['QUEN', 'QUENT', 'QUENTARO']],
    ['quentarodiabetes.com', ['QUENTARO', 'QUENTARODIABETES']],
    // A scan is filed under its folded words too.
    ['QUENTARO MEDlCAL lNC', ['QUENTARO', 'MEDICAL']],
    ['VANT0RI TECHN0L0GIES', ['VANTORI', 'TECHNOLOGIES']],
  ])('%s is keyed by %j', async (name, keys) => {
    const rules = await loadRules('supplier');
    const nameTokens = must(
      rules.keyRules.find((key) => key.rule.name === 'nameTokens'),
      'nameTokens key',
    );
    expect(nameTokens.indexValues({ sourceId: 'a', name })).toEqual(expect.arrayContaining(keys));
  });
});

describe('initials with and without dots or spaces, a founder’s initial before the name (initials)', () => {
  test.each<[string, string]>([
    ['C R BELLMAN', 'CR BELLMAN'],
    ['K R B MEDICAL', 'KRB MEDICAL'],
    ['QUENTARO A B', 'QUENTARO AB'],
    ['QUENTARO MEDICAL', 'QUENTARO MEDICAL'],
  ])('joinedInitials(%s) = %s', (value, joined) => {
    expect(joinedInitials(value)).toBe(joined);
  });

  test.each<[string, string | null]>([
    ['H VANTORSEN', 'VANTORSEN'],
    ['G R QUENTARO BOSKE', 'QUENTARO BOSKE'],
    // An acronym or a name of short words only is no initial before a brand.
    ['GE VANTORSEN', null],
    ['A B C', null],
  ])('withoutLeadingInitials(%s) = %s', (value, rest) => {
    expect(withoutLeadingInitials(value)).toBe(rest);
  });

  test('through the public API: initials joined or spaced, with the city and state after the form', async () => {
    expect(await compareNames('C. R. BELLMAN, INC.', 'CR BELLMAN INC')).toMatchObject({ outcome: 'match', score: 1 });
    expect(await compareNames('C R BELLMAN INC', 'C.R. Bellman, Inc., Murray Hill, NJ')).toMatchObject({
      outcome: 'partial',
      score: READING_SCORE,
    });
  });

  test('through the public API: the brand without the founder’s initial is a similar name, for review', async () => {
    expect(await compareNames('H. Vantorsen A/S', 'Vantorsen')).toMatchObject({ outcome: 'partial', score: INITIALS_DROPPED_SCORE });
    const explanation = await verifyPair({ server, domain: 'supplier', a: { name: 'H. Vantorsen A/S' }, b: { name: 'Vantorsen' } });
    expect(explanation.band).toBe('review');
  });
});

describe('the city and state after the legal form (isCityRegionAfterFormOf)', () => {
  const readings = shippedNameReadings();
  test.each<[string, string, boolean]>([
    ['QUENTARO MEDICAL INC MURRAY HILL NJ', 'QUENTARO MEDICAL', true],
    ['QUENTARO DIABETES CARE INC SAN DIEGO CA US', 'QUENTARO DIABETES CARE', true],
    ['QUENTARO INCORPORATED SALT LAKE CITY UT', 'QUENTARO', true],
    ['QUENTARO LTD MISSISSAUGA ON', 'QUENTARO', true],
    // No form before the city, no state code after it, or more than three city words.
    ['QUENTARO MEDICAL MURRAY HILL NJ', 'QUENTARO MEDICAL', false],
    ['QUENTARO MEDICAL INC MURRAY HILL', 'QUENTARO MEDICAL', false],
    ['QUENTARO INC NORTH EAST DENTAL DIVISION NJ', 'QUENTARO', false],
  ])('%s after %s: %s', (long, short, expected) => {
    expect(isCityRegionAfterFormOf(long, short, readings)).toBe(expected);
  });

  test('through the public API: a patent-assignee line is near-identical to the name', async () => {
    expect(await compareNames('Quentaro Diabetes Care, Inc., San Diego, CA (US)', 'QUENTARO DIABETES CARE INC')).toMatchObject({
      outcome: 'partial',
      score: READING_SCORE,
    });
  });
});

describe('legal forms (legalSuffixes 1.7.0, through the public API)', () => {
  test.each<[string, string]>([
    ['V. Quentaro GmbH u. Co. KG', 'V. Quentaro GmbH & Co. KG'],
    ['V QUENTARO GMBH UND CO KG', 'V. Quentaro GmbH + Co. KG'],
    ['Vantori, k.s.', 'Vantori k. s.'],
    ['Vantori v.o.s.', 'VANTORI V O S'],
  ])('%s = %s', async (a, b) => {
    expect(await compareNames(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});
