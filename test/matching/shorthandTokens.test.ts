/**
 * ERP / charge-line shorthand in the item description comparators (`tokenSet` param `shorthand`,
 * item-3.8.0): a fixture table of what stands for what (prefix of ≥ 3 letters, or the consonant
 * skeleton), and through the public ingest API a lower-case, vowel-dropped charge line that reaches a
 * steward against the catalogue description while its sibling of another size does not.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isShorthandFor } from '../../server/matching/shorthandTokens';
import { ingestAccepted, publishMapping, startIngestServer } from '../support/factories/ingest';
import { reviewCandidates, type IngestedRecord } from '../support/factories/itemLines';
import type { TestServer } from '../support/testServer';

describe('isShorthandFor', () => {
  test.each([
    { short: 'CUF', long: 'CUFFED', expected: true },
    { short: 'ENDOTRACH', long: 'ENDOTRACHEAL', expected: true },
    { short: 'NTRL', long: 'NITRILE', expected: true },
    { short: 'ETHLN', long: 'ETHILON', expected: true },
    { short: 'APPLCTR', long: 'APPLICATOR', expected: true },
    { short: 'CRVD', long: 'CURVED', expected: true },
    { short: 'SFTY', long: 'SAFETY', expected: true },
    // Too short, another first letter, a skeleton that is not the other's, a word with vowels that is no prefix.
    { short: 'CU', long: 'CUFFED', expected: false },
    { short: 'TRL', long: 'NITRILE', expected: false },
    { short: 'STR', long: 'STERILE', expected: false },
    { short: 'CAP', long: 'CUP', expected: false },
    { short: 'INTRODCR', long: 'INTRODUCER', expected: false },
    { short: 'CUFFED', long: 'CUFFED', expected: false },
  ])('$short for $long: $expected', ({ short, long, expected }) => {
    expect(isShorthandFor(short, long, 3)).toBe(expected);
  });
});

describe('a vowel-dropped charge line through POST /ingest', () => {
  let server: TestServer;
  let counter = 0;
  const send = async (source: string, record: Record<string, unknown>): Promise<IngestedRecord> => {
    counter += 1;
    return ingestAccepted(server, { source, domain: 'item', row: { sourceId: `SH-${counter}`, ...record } });
  };
  const isProposed = async (a: IngestedRecord, b: IngestedRecord): Promise<boolean> =>
    (await reviewCandidates(server, b.sourceRecordId)).some((candidate) => candidate.goldenId === a.goldenId);

  beforeAll(async () => {
    server = await startIngestServer();
    for (const source of ['item-master', 'charge-file']) await publishMapping(server, { source, domain: 'item', expression: '$' });
  });
  afterAll(async () => server?.stop());

  test('drp srgcl incise antmcrbl 60x45cm reaches a steward; the 35x35cm line does not', async () => {
    const first = await send('item-master', {
      description: 'DRAPE SURGICAL INCISE ANTIMICROBIAL IODOPHOR 60X45CM',
      manufacturer: { name: 'ACME DRAPES' },
    });
    const duplicate = await send('charge-file', { description: 'drp srgcl incise antmcrbl iodophr 60x45cm' });
    expect(duplicate.goldenId, 'text only: never an auto-merge').not.toBe(first.goldenId);
    expect(await isProposed(first, duplicate), 'the shorthand line is put before a steward').toBe(true);
    const sibling = await send('charge-file', { description: 'drp srgcl incise antmcrbl iodophr 35x35cm' });
    expect(sibling.goldenId).not.toBe(first.goldenId);
    expect(await isProposed(first, sibling), 'another size is not proposed').toBe(false);
  });
});
