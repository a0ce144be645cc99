/**
 * The exception queue: records that could not be accepted, grouped by code and by source, each with
 * its payload and error; open one in the mapping editor as the sample, replay after a fix, or close it.
 * The page reads the filters from the address, loads, and composes the panels; the actions live in
 * useExceptionActions (two pieces of state — a notice and an error — so no reducer).
 */
import { useMemo } from 'react';
import type { QueryOf } from '../../api/client';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf, navigate } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { queryString, useLoad } from '../../app/useLoad';
import { ExceptionDetail } from './ExceptionDetail';
import { ExceptionFilters } from './ExceptionFilters';
import { ExceptionList } from './ExceptionList';
import { useExceptionActions } from './useExceptionActions';

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
  const actions = useExceptionActions({
    client,
    filters,
    refresh: () => {
      list.reload();
      counts.reload();
      detail.reload();
    },
  });

  const go = (patch: Record<string, string | undefined>): void => navigate(hrefOf(['exceptions'], { ...filters, id: openId, ...patch }));
  const pageError = actions.error ?? counts.error ?? list.error;
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
            <button type="button" className="button-secondary" onClick={() => void actions.replayMatching()}>
              Replay all matching
            </button>
          )}
        </div>
      </header>
      {pageError !== null && <ErrorNotice error={pageError} onDismiss={actions.dismissError} />}
      {actions.notice !== '' && (
        <p className="notice notice-success" role="status">
          {actions.notice}
        </p>
      )}
      <ExceptionFilters counts={counts.data} filters={filters} onFilter={go} />
      <div className={openId ? 'split split-detail' : 'split'}>
        <ExceptionList items={list.data?.items ?? []} isLoading={list.isLoading} openId={openId} onOpen={(id) => go({ id })} />
        {openId !== undefined && (
          <div className="detail" aria-label="Exception">
            {detail.error !== null && <ErrorNotice error={detail.error} />}
            {detail.data !== null && (
              <ExceptionDetail
                item={detail.data}
                canMap={canMap}
                canManage={canManage}
                onReplay={(id) => void actions.replayOne(id)}
                onClose={(id, action) => void actions.close(id, action)}
              />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
