/**
 * Item lines through the public ingest API for matching tests: an item master feed (`ITEM`, `DESCRIPTION`,
 * `MANUF_NAME`) and a chargemaster feed (`CDM_NUMBER`, `CDM_DESCRIPTION`) with their published mappings, a
 * sender that numbers each row, and the candidates of the potential-match task a record opened.
 */
import { expect } from 'vitest';
import type { TestServer } from '../testServer';
import { ingestAccepted, publishMapping, startIngestServer, type IngestBody } from './ingest';

const MASTER = `{ "sourceId": ITEM, "description": DESCRIPTION, "manufacturer": MANUF_NAME ? { "name": MANUF_NAME } }`;
const CDM = `{ "sourceId": CDM_NUMBER, "description": CDM_DESCRIPTION }`;

/** The source name whose rows are chargemaster lines. */
export const CDM_SOURCE = 'cdm';

/** A test server with the master mapping published for each of `masterSources` and the chargemaster mapping. */
export async function startItemLinesServer(masterSources: string[]): Promise<TestServer> {
  const server = await startIngestServer();
  for (const source of masterSources) await publishMapping(server, { source, domain: 'item', expression: MASTER });
  await publishMapping(server, { source: CDM_SOURCE, domain: 'item', expression: CDM });
  return server;
}

export type IngestedRecord = IngestBody['records'][number];

/** Sends one row at a time (ids numbered from `firstNumber`); each must be accepted. */
export function itemLineSender(
  getServer: () => TestServer,
  firstNumber: number,
): (source: string, row: Record<string, string | undefined>) => Promise<IngestedRecord> {
  let counter = 0;
  return async (source, row) => {
    counter += 1;
    const id = source === CDM_SOURCE ? { CDM_NUMBER: String(firstNumber + counter) } : { ITEM: `I${firstNumber + counter}` };
    return ingestAccepted(getServer(), { source, domain: 'item', row: { ...id, ...row } });
  };
}

export interface ReviewCandidate {
  goldenId: string;
  explanation: { hardRule: { name: string } | null; comparators: Array<{ name: string; outcome: string; level?: string }> };
}

/** The candidates of the open potential-match tasks whose subject is `sourceRecordId`. */
export async function reviewCandidates(server: TestServer, sourceRecordId: string | undefined): Promise<ReviewCandidate[]> {
  const response = await server.request<{ items: Array<{ subject: { sourceRecordId?: string }; candidates?: ReviewCandidate[] }> }>(
    'GET',
    '/api/v1/tasks?domain=item&type=potential-match&limit=200',
  );
  expect(response.status, response.text).toBe(200);
  return response.body.items.filter((task) => task.subject.sourceRecordId === sourceRecordId).flatMap((task) => task.candidates ?? []);
}

/**
 * Canonical item records sent through an identity mapping (as the evaluation corpora are), one source per name
 * in `sources`: `start()` in `beforeAll`, `stop()` in `afterAll`; `send` numbers source ids `<prefix>-N`;
 * `isProposed(a, b)` says whether `b` was put before a steward against `a`'s golden record.
 */
export function canonicalItemLines(sources: readonly string[], prefix: string) {
  let server: TestServer | undefined;
  let counter = 0;
  const current = (): TestServer => {
    if (!server) throw new Error('canonicalItemLines: start() was not called');
    return server;
  };
  return {
    server: current,
    async start(): Promise<void> {
      server = await startIngestServer();
      for (const source of sources) await publishMapping(server, { source, domain: 'item', expression: '$' });
    },
    async stop(): Promise<void> {
      await server?.stop();
    },
    async send(source: string, record: Record<string, unknown>): Promise<IngestedRecord> {
      counter += 1;
      return ingestAccepted(current(), { source, domain: 'item', row: { sourceId: `${prefix}-${counter}`, ...record } });
    },
    async isProposed(a: IngestedRecord, b: IngestedRecord): Promise<boolean> {
      const candidates = await reviewCandidates(current(), b.sourceRecordId);
      return candidates.some((candidate) => candidate.goldenId === a.goldenId);
    },
    /**
     * Sends `line` from the first source, its duplicate `same` from the second and a sibling `other` (another size or
     * strength) from the third: the duplicate is put before a steward and never merged on text alone, the sibling is
     * neither merged nor proposed.
     */
    async expectDuplicateProposedSiblingApart(args: { line: string; same: string; other: string }): Promise<void> {
      const sourceAt = (index: number): string => {
        const source = sources[index];
        if (source === undefined) throw new Error('expectDuplicateProposedSiblingApart needs three sources');
        return source;
      };
      const [lineSource, sameSource, otherSource] = [sourceAt(0), sourceAt(1), sourceAt(2)];
      const isProposed = this.isProposed.bind(this);
      const first = await this.send(lineSource, { description: args.line });
      const duplicate = await this.send(sameSource, { description: args.same });
      expect(duplicate.goldenId, 'text only: never an auto-merge').not.toBe(first.goldenId);
      expect(await isProposed(first, duplicate), 'the duplicate is put before a steward').toBe(true);
      const sibling = await this.send(otherSource, { description: args.other });
      expect(sibling.goldenId, 'another size or strength is never merged').not.toBe(first.goldenId);
      expect(await isProposed(first, sibling), 'nor proposed').toBe(false);
    },
  };
}
