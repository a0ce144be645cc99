/** A steward's decision on a task, by the name its URL uses, as one typed API call. */
import type { ApiClient, BodyOf } from '../../api/client';

export type TaskAction = 'merge' | 'not-a-match' | 'skip' | 'override' | 'accept-cluster' | 'split' | 'reject';

/**
 * Sends `action` on task `id`. The panes assemble each decision's body field by field (chosen
 * survivors, attributes); the server validates it and answers 400 naming the field.
 */
export function callTaskAction(
  client: ApiClient,
  input: { action: TaskAction; id: string; body: Record<string, unknown> },
): Promise<unknown> {
  const params = { id: input.id };
  switch (input.action) {
    case 'merge':
      return client.call('mergeTask', { params, body: input.body as BodyOf<'mergeTask'> });
    case 'not-a-match':
      return client.call('notAMatchTask', { params, body: input.body as BodyOf<'notAMatchTask'> });
    case 'skip':
      return client.call('skipTask', { params, body: input.body as BodyOf<'skipTask'> });
    case 'override':
      return client.call('overrideTask', { params, body: input.body as BodyOf<'overrideTask'> });
    case 'accept-cluster':
      return client.call('acceptClusterTask', { params, body: input.body as BodyOf<'acceptClusterTask'> });
    case 'split':
      return client.call('splitClusterTask', { params, body: input.body as BodyOf<'splitClusterTask'> });
    case 'reject':
      return client.call('rejectClusterTask', { params, body: input.body as BodyOf<'rejectClusterTask'> });
  }
}
