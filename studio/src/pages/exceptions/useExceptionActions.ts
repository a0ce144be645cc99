/**
 * What a steward does with exceptions — replay one, replay all matching, resolve or discard with a
 * reason (in the page dialog, which sends the request itself so a refused reason is shown by its field)
 * — each reporting a notice or an error, then refreshing the lists.
 */
import { useState } from 'react';
import type { ApiClient, BodyOf } from '../../api/client';
import { askInPage } from '../../ui/Dialog';

export interface ExceptionActions {
  error: unknown;
  notice: string;
  dismissError: () => void;
  replayOne: (id: string) => Promise<void>;
  replayMatching: () => Promise<void>;
  close: (id: string, action: 'resolve' | 'discard') => Promise<void>;
}

/** The actions on the queue filtered by `filters`; `refresh` reloads the counts, the list and the open exception. */
export function useExceptionActions(input: { client: ApiClient; filters: Record<string, string>; refresh: () => void }): ExceptionActions {
  const { client, filters, refresh } = input;
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const act = async (run: () => Promise<string>): Promise<void> => {
    setError(null);
    try {
      setNotice(await run());
      refresh();
    } catch (err) {
      setError(err);
    }
  };

  const replayOne = (id: string): Promise<void> =>
    act(async () => {
      const result = await client.call('replayException', { params: { id } });
      return result.status === 'replayed'
        ? `Replayed: accepted${result.result.goldenId ? ` into ${result.result.goldenId}` : ''}.`
        : `Still failing: ${result.exception.code} — ${result.exception.message}`;
    });

  const replayMatching = (): Promise<void> =>
    act(async () => {
      const { status: _status, ...filter } = filters;
      const result = await client.call('replayExceptions', { body: filter as BodyOf<'replayExceptions'> });
      return result.jobId !== null
        ? `Replaying ${result.matched} exceptions as job ${result.jobId}.`
        : `${result.matched} replayed: ${result.replayed ?? 0} accepted, ${result.stillFailing ?? 0} still failing.`;
    });

  const close = async (id: string, action: 'resolve' | 'discard'): Promise<void> => {
    setError(null);
    const perform = async (reason: string): Promise<void> => {
      await client.call(action === 'resolve' ? 'resolveException' : 'discardException', { params: { id }, body: { reason } });
    };
    const reason = await askInPage(
      action === 'resolve'
        ? {
            title: 'Mark the exception resolved',
            inputLabel: 'Resolved how?',
            confirmLabel: 'Mark resolved',
            inputField: 'reason',
            onConfirm: perform,
          }
        : {
            title: 'Discard the record',
            message: 'The record will not be ingested.',
            inputLabel: 'Why is this record not wanted?',
            confirmLabel: 'Discard',
            inputField: 'reason',
            onConfirm: perform,
          },
    );
    if (reason === null) return;
    setNotice(action === 'resolve' ? 'Marked resolved.' : 'Discarded.');
    refresh();
  };

  return { error, notice, dismissError: () => setError(null), replayOne, replayMatching, close };
}
