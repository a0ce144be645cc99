/**
 * The studio client is typed by the route declarations: these calls are checked by `tsc` (npm run
 * typecheck), and each `@ts-expect-error` fails the type check if the mistake under it ever compiles.
 * The calls are never made (the client's fetch would throw); vitest only runs the assertions.
 */
import { expect, test } from 'vitest';
import type { OperationRequest, OperationResponse } from '../../server/contracts/operations';
import type { GoldenRecordView, RetiredGoldenView } from '../../server/contracts/golden';
import type { ApiClient } from '../../studio/src/api/client';

/** Compile-time checks only. */
function typeChecks(client: ApiClient): void {
  void client.call('getGoldenRecord', { params: { domain: 'item', id: 'g1' }, query: { include: ['lineage'] } });
  // @ts-expect-error a path parameter is missing
  void client.call('getGoldenRecord', { params: { domain: 'item' } });
  // @ts-expect-error an include the server does not know
  void client.call('getGoldenRecord', { params: { domain: 'item', id: 'g1' }, query: { include: ['everything'] } });
  // @ts-expect-error merging needs the other record and a reason
  void client.call('mergeGoldenRecords', { params: { domain: 'item', id: 'g1' }, body: { otherId: 'g2' } });
  const wrongType = { otherId: 'g2', reason: 'x', expectedVersion: '3' };
  // @ts-expect-error a body field of the wrong type (expectedVersion is an integer)
  void client.call('mergeGoldenRecords', { params: { domain: 'item', id: 'g1' }, body: wrongType });
  // @ts-expect-error an unknown operation id
  void client.call('getGoldenRecords', { params: { domain: 'item', id: 'g1' } });
  // @ts-expect-error getMe takes no input, listTasks no body
  void client.call('listTasks', { body: { domain: 'item' } });
  // @ts-expect-error an upload sends its content as-is, not a JSON body
  void client.call('createIngestUploadJob', { params: { source: 'erp', domain: 'item' }, body: { records: [] } });
}

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const answersGoldenOrRetired: Equal<OperationResponse<'getGoldenRecord'>, GoldenRecordView | RetiredGoldenView> = true;
const mergeBodyNeedsReason: Equal<OperationRequest<'mergeGoldenRecords'>['body']['reason'], string> = true;

test('the typed client compiles only calls the route declarations allow', () => {
  expect(typeof typeChecks).toBe('function');
  expect(answersGoldenOrRetired && mergeBodyNeedsReason).toBe(true);
});
