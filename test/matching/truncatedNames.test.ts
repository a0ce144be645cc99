/**
 * Vendor names cut by a fixed-width field or abbreviated to fit one (supplier-3.4.0: fuzzy param `truncated`,
 * organizationAbbreviations 1.1.0). Through the public API (`POST /matching/verify`):
 * - a name cut inside a word after 30 / 35 characters is a near-identical name (0.97: a cluster edge, a review,
 *   never the same name), while a name that is another plus whole words (a parent and its subsidiary) is not;
 * - AP abbreviations (MGMT, INFO, PROF, SOLNS, GRP…) read as the words they stand for.
 * The companies here are not those of the held-out corpora.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isTruncationOf, TRUNCATED_SCORE } from '../../server/matching/truncation';
import { startIngestServer } from '../support/factories/ingest';
import { comparatorOf, verifyPair } from '../support/factories/matching';
import type { TestServer } from '../support/testServer';

let server: TestServer;

beforeAll(async () => {
  server = await startIngestServer();
});
afterAll(async () => server?.stop());

async function nameComparison(a: string, b: string): Promise<{ outcome: string; score: number | null } | undefined> {
  return comparatorOf(await verifyPair({ server, domain: 'supplier', a: { name: a }, b: { name: b } }), 'name');
}

describe('a name cut by a fixed-width field', () => {
  test.each<[string, string]>([
    ['UNIVERSITY HEALTHSYSTEM CONSORT', 'University HealthSystem Consortium Services Corporation'],
    ['CARDINAL HEALTH PHARMACY SOLUTI', 'Cardinal Health Pharmacy Solutions Management LLC'],
    ['SIEMENS HEALTHCARE DIAGNOSTICS MA', 'Siemens Healthcare Diagnostics Manufacturing Ltd'],
    ['MEDTRONIC SOFAMOR DANEK USA I', 'Medtronic Sofamor Danek USA, Inc.'],
    ['INTUITIVE SURGICAL OPERATIONS INCORP', 'Intuitive Surgical Operations, Inc.'],
  ])('%s is %s cut: near-identical, not the same name', async (cut, full) => {
    expect(await nameComparison(cut, full)).toMatchObject({ outcome: 'partial', score: TRUNCATED_SCORE });
  });

  test('a name that is another plus whole words is not a cut (parent and subsidiary)', async () => {
    const comparison = await nameComparison('OWENS AND MINOR HEALTHCARE', 'Owens & Minor Healthcare Distribution');
    expect(comparison?.score ?? 1).toBeLessThan(TRUNCATED_SCORE);
  });

  test.each<[string, string, boolean]>([
    ['STERICYCLE ENVIRONMENTAL SOLUT', 'STERICYCLE ENVIRONMENTAL SOLUTIONS', true],
    ['OWENS AND MINOR HEALTHCARE', 'OWENS AND MINOR HEALTHCARE DISTRIBUTION', false],
    ['ACME MEDICAL SUPP', 'ACME MEDICAL SUPPLY', false],
    ['STERICYCLE ENVIRONMENTAL SOLUT', 'STERICYCLE ENVIRONMENTAL SERVICES', false],
    ['MEDTRONIC SOFAMOR DANEK USA I', 'MEDTRONIC SOFAMOR DANEK USA', true],
    ['MEDTRONIC SOFAMOR DANEK USA X', 'MEDTRONIC SOFAMOR DANEK USA', false],
  ])('isTruncationOf(%s, %s) = %s', (short, long, expected) => {
    expect(isTruncationOf(short, long)).toBe(expected);
  });
});

describe('AP abbreviations read as the words they stand for', () => {
  test.each<[string, string]>([
    ['SODEXO MGMT INC', 'Sodexo Management, Inc.'],
    ['COMPASS GRP USA INC', 'Compass Group USA, Inc.'],
    ['JOHNSON CONTROLS PROF SVCS', 'Johnson Controls Professional Services'],
    ['NTT DATA INFO SOLNS', 'NTT Data Information Solutions'],
  ])('%s = %s', async (a, b) => {
    expect(await nameComparison(a, b)).toMatchObject({ outcome: 'match', score: 1 });
  });
});
