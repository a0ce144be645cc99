/**
 * The exception queue: records that could not be accepted, grouped by code and by source, each with
 * its payload and error; open one in the mapping editor as the sample, replay after a fix, or close it.
 */
import { useMemo, useState } from 'react';
import type { BodyOf, QueryOf } from '../../api/client';
import { ErrorNotice } from '../../app/ErrorNotice';
import { askInPage } from '../../ui/Dialog';
import { hrefOf, navigate } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { queryString, useLoad } from '../../app/useLoad';
import { formatWhen } from '../../ui/format';

const FILTER_KEYS = ['code', 'source', 'domain', 'status'] as const;

/** The exceptions page; the query holds the filters and the open exception (`id`). */
export function ExceptionsPage(props: { query: URLSearchParams }) {
  const { client } = useSession();
  const canManage = useAbility('exceptions.manage');
  const canMap = useAbility('mappings.read');
  const filters = useMemo(() => {
    const result: Record<string, string> = {};
    for (const key of FILTER_KEYS) {
      const value = props.query.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [props.query]);
  const openId = props.query.get('id') ?? undefined;
  const filterText = queryString(filters);
  const counts = useLoad(
    () => client.call('countExceptions', { query: { status: filters.status } as QueryOf<'countExceptions'> }),
    [client, filters.status],
  );
  const list = useLoad(
    () => client.call('listExceptions', { query: { ...filters, limit: 200 } as QueryOf<'listExceptions'> }),
    [client, filterText],
  );
  const detail = useLoad(openId === undefined ? null : () => client.call('getException', { params: { id: openId } }), [client, openId]);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const go = (patch: Record<string, string | undefined>): void => navigate(hrefOf(['exceptions'], { ...filters, id: openId, ...patch }));
  const refresh = (): void => {
    list.reload();
    counts.reload();
    detail.reload();
  };
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
  // The dialog sends the request itself, so a refused reason (too long, say) is shown by the reason field.
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

  const item = detail.data;
  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>Exceptions</h1>
          <p className="muted">{list.data === null ? 'Loading…' : `${list.data.total} ${filters.status ?? 'open'} exceptions match.`}</p>
        </div>
        <div className="header-controls">
          <select
            aria-label="Status"
            value={filters.status ?? 'open'}
            onChange={(event) => go({ status: event.target.value === 'open' ? undefined : event.target.value })}
          >
            {['open', 'replayed', 'resolved', 'discarded'].map((status) => (
              <option key={status}>{status}</option>
            ))}
          </select>
          {canManage && (filters.status ?? 'open') === 'open' && (
            <button type="button" className="button-secondary" onClick={() => void replayMatching()}>
              Replay all matching
            </button>
          )}
        </div>
      </header>
      {(error ?? counts.error ?? list.error) !== null && (
        <ErrorNotice error={error ?? counts.error ?? list.error} onDismiss={() => setError(null)} />
      )}
      {notice !== '' && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      <div className="filters">
        <div className="chip-group" aria-label="By code">
          <span className="chip-label">Code</span>
          <button type="button" className={filters.code ? 'chip' : 'chip active'} onClick={() => go({ code: undefined })}>
            all
          </button>
          {(counts.data?.byCode ?? []).map((entry) => (
            <button
              key={entry.code}
              type="button"
              className={filters.code === entry.code ? 'chip active' : 'chip'}
              onClick={() => go({ code: entry.code })}
            >
              {entry.code} <span className="chip-count">{entry.count}</span>
            </button>
          ))}
        </div>
        <div className="chip-group" aria-label="By source">
          <span className="chip-label">Source</span>
          <button
            type="button"
            className={filters.source ? 'chip' : 'chip active'}
            onClick={() => go({ source: undefined, domain: undefined })}
          >
            all
          </button>
          {(counts.data?.bySource ?? []).map((entry) => (
            <button
              key={`${entry.source}/${entry.domain}`}
              type="button"
              className={filters.source === entry.source && filters.domain === entry.domain ? 'chip active' : 'chip'}
              onClick={() => go({ source: entry.source, domain: entry.domain })}
            >
              {entry.source} → {entry.domain} <span className="chip-count">{entry.count}</span>
            </button>
          ))}
        </div>
      </div>
      <div className={openId ? 'split split-detail' : 'split'}>
        <ul className="task-list" aria-label="Exceptions">
          {(list.data?.items ?? []).map((entry) => (
            <li key={entry.id} className={entry.id === openId ? 'active' : undefined}>
              <button type="button" className="task-row" onClick={() => go({ id: entry.id })}>
                <span className="task-title">
                  <span className="code-tag">{entry.code}</span> {entry.message}
                </span>
                <span className="task-meta">
                  {entry.source} → {entry.domain}
                  {entry.sourceId ? ` · ${entry.sourceId}` : ''} · {entry.stage}
                  {entry.path ? ` · ${entry.path}` : ''} · seen {entry.occurrences}× · {formatWhen(entry.lastSeenAt)}
                </span>
              </button>
            </li>
          ))}
          {!list.isLoading && (list.data?.items ?? []).length === 0 && <li className="muted empty-row">No exceptions here.</li>}
        </ul>
        {openId !== undefined && (
          <div className="detail" aria-label="Exception">
            {detail.error !== null && <ErrorNotice error={detail.error} />}
            {item !== null && (
              <>
                <header className="detail-header">
                  <div>
                    <h2>
                      {item.code} <span className="muted">at {item.stage}</span>
                    </h2>
                    <p className="muted">
                      {item.source} → {item.domain} {item.sourceId ?? ''} · mapping v{item.mappingVersion ?? '—'} · {item.status}
                    </p>
                  </div>
                </header>
                <p className="error-text">{item.message}</p>
                {item.problems.length > 0 && (
                  <ul className="problem-list" aria-label="Problems">
                    {item.problems.map((problem, index) => (
                      <li key={index}>
                        <span className="mono">{problem.path ?? ''}</span> {problem.code}: {problem.message}
                      </li>
                    ))}
                  </ul>
                )}
                <h3>Payload</h3>
                <pre className="payload" aria-label="Payload">
                  {typeof item.raw === 'string' ? item.raw : JSON.stringify(item.raw, null, 2)}
                </pre>
                <div className="decision-bar">
                  {canMap && (
                    <a className="button-secondary" href={hrefOf(['mappings', 'edit', item.source, item.domain], { exception: item.id })}>
                      Open in mapping editor
                    </a>
                  )}
                  {canManage && item.status === 'open' && (
                    <>
                      <button
                        type="button"
                        className="button-primary"
                        disabled={!item.isReplayable}
                        title={
                          item.isReplayable
                            ? 'Run it through the pipeline again with the published mapping'
                            : 'This record cannot be replayed (unreadable input)'
                        }
                        onClick={() => void replayOne(item.id)}
                      >
                        Replay
                      </button>
                      <button type="button" className="button-ghost" onClick={() => void close(item.id, 'resolve')}>
                        Resolve…
                      </button>
                      <button type="button" className="button-ghost" onClick={() => void close(item.id, 'discard')}>
                        Discard…
                      </button>
                    </>
                  )}
                  {item.closed?.goldenId !== undefined && (
                    <a href={hrefOf(['golden', item.domain, item.closed.goldenId])}>Golden record {item.closed.goldenId}</a>
                  )}
                </div>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
