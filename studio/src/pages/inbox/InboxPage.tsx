/**
 * The steward inbox: tasks with the API's filters and counts, a selection for bulk decisions, and
 * the open task beside the list (`#/inbox/<taskId>`). j/k move through the list; m merge, n not a match, s skip.
 */
import { useEffect, useMemo, useState } from 'react';
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import type { TaskView } from '../../../../server/contracts/stewardship';
import type { QueryOf } from '../../api/client';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf, navigate } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { queryString, useLoad } from '../../app/useLoad';
import { formatScore, formatWhen } from '../../ui/format';
import { summaryLine } from '../../ui/recordSummary';
import { useGoldenRecords } from '../golden/useGoldenRecords';
import { TaskDetail } from './TaskDetail';
import { taskTitle } from './taskTitle';

const FILTER_KEYS = ['type', 'domain', 'source', 'band', 'assignee', 'status', 'sort'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** The inbox page; `taskId` opens a task beside the list. */
export function InboxPage(props: { taskId?: string; query: URLSearchParams }) {
  const { client } = useSession();
  const canAct = useAbility('tasks.act');
  const filters = useMemo(() => {
    const result: Partial<Record<FilterKey, string>> = {};
    for (const key of FILTER_KEYS) {
      const value = props.query.get(key);
      if (value !== null && value !== '') result[key] = value;
    }
    return result;
  }, [props.query]);
  const filterText = queryString(filters);
  const counts = useLoad(
    () => client.call('countTasks', { query: { ...filters, sort: undefined } as QueryOf<'countTasks'> }),
    [client, filterText],
  );
  const list = useLoad(() => client.call('listTasks', { query: { ...filters, limit: 100 } as QueryOf<'listTasks'> }), [client, filterText]);
  const [selection, setSelection] = useState<Set<string>>(new Set());
  const [bulkReason, setBulkReason] = useState('Reviewed in bulk');
  const [bulkState, setBulkState] = useState('');
  const [bulkError, setBulkError] = useState<unknown>(null);
  const items = list.data?.items ?? [];
  const subjects = useGoldenRecords(
    client,
    items.flatMap((task) => (task.subject.goldenId !== undefined ? [{ domain: task.domain, id: task.subject.goldenId }] : [])),
  );

  const setFilter = (key: FilterKey, value: string): void => {
    setSelection(new Set());
    navigate(hrefOf(['inbox', ...(props.taskId ? [props.taskId] : [])], { ...filters, [key]: value }));
  };
  const open = (id: string): void => navigate(hrefOf(['inbox', id], filters));
  const subjectOf = (task: TaskView): GoldenRecordView | undefined =>
    task.subject.goldenId !== undefined ? subjects.get(task.subject.goldenId) : undefined;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || (target !== null && /INPUT|TEXTAREA|SELECT/.test(target.tagName))) return;
      if (event.key !== 'j' && event.key !== 'k') return;
      const index = items.findIndex((task) => task.id === props.taskId);
      const next = items[event.key === 'j' ? index + 1 : Math.max(0, index - 1)];
      if (next !== undefined) open(next.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const runBulk = async (action: 'merge' | 'not-a-match'): Promise<void> => {
    const chosen = items.filter((task) => selection.has(task.id) && task.type === 'potential-match' && task.status === 'open');
    setBulkError(null);
    let done = 0;
    const failures: string[] = [];
    for (const task of chosen) {
      setBulkState(`${action === 'merge' ? 'Merging' : 'Rejecting'} ${done + 1} of ${chosen.length}…`);
      try {
        await client.call(action === 'merge' ? 'mergeTask' : 'notAMatchTask', {
          params: { id: task.id },
          body: { expectedVersion: task.version, reason: bulkReason },
        });
        done += 1;
      } catch (error) {
        failures.push(`${task.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    setBulkState(
      `${done} of ${chosen.length} ${action === 'merge' ? 'merged' : 'marked not a match'}.${failures.length > 0 ? ` ${failures.length} failed.` : ''}`,
    );
    if (failures.length > 0) setBulkError(new Error(failures.join('\n')));
    setSelection(new Set());
    list.reload();
    counts.reload();
  };

  const chip = (key: FilterKey, group: Record<string, number> | undefined, label: string) => (
    <div className="chip-group" aria-label={label}>
      <span className="chip-label">{label}</span>
      <button type="button" className={filters[key] === undefined ? 'chip active' : 'chip'} onClick={() => setFilter(key, '')}>
        all
      </button>
      {Object.entries(group ?? {})
        .filter(([name]) => name !== 'none' || key === 'assignee')
        .sort((a, b) => b[1] - a[1])
        .map(([name, count]) => (
          <button key={name} type="button" className={filters[key] === name ? 'chip active' : 'chip'} onClick={() => setFilter(key, name)}>
            {name} <span className="chip-count">{count}</span>
          </button>
        ))}
    </div>
  );

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>Steward inbox</h1>
          <p className="muted">
            {counts.data === null ? 'Loading…' : `${counts.data.total} ${filters.status === 'closed' ? 'closed' : 'open'} tasks match.`} j/k
            move through the list; m merge, n not a match, s skip.
          </p>
        </div>
        <div className="header-controls">
          <select
            aria-label="Status"
            value={filters.status ?? 'open'}
            onChange={(event) => setFilter('status', event.target.value === 'open' ? '' : event.target.value)}
          >
            <option value="open">Open</option>
            <option value="closed">Closed</option>
          </select>
          <select aria-label="Sort" value={filters.sort ?? '-priority'} onChange={(event) => setFilter('sort', event.target.value)}>
            <option value="-priority">Priority</option>
            <option value="-score">Score, high first</option>
            <option value="score">Score, low first</option>
            <option value="createdAt">Oldest first</option>
            <option value="-createdAt">Newest first</option>
          </select>
        </div>
      </header>
      {(counts.error ?? list.error) !== null && <ErrorNotice error={counts.error ?? list.error} />}
      <div className="filters">
        {chip('type', counts.data?.byType, 'Type')}
        {chip('domain', counts.data?.byDomain, 'Domain')}
        {chip('source', counts.data?.bySource, 'Source')}
        {chip('band', counts.data?.byBand, 'Band')}
      </div>
      {canAct && selection.size > 0 && (
        <div className="toolbar bulk-bar" aria-label="Bulk actions">
          <strong>{selection.size} selected</strong>
          <input aria-label="Reason for the bulk decision" value={bulkReason} onChange={(event) => setBulkReason(event.target.value)} />
          <button type="button" className="button-secondary" onClick={() => void runBulk('merge')} disabled={bulkReason.trim() === ''}>
            Merge selected
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => void runBulk('not-a-match')}
            disabled={bulkReason.trim() === ''}
          >
            Not a match
          </button>
          <button type="button" className="button-ghost" onClick={() => setSelection(new Set())}>
            Clear
          </button>
        </div>
      )}
      {bulkState !== '' && (
        <p className="muted" role="status">
          {bulkState}
        </p>
      )}
      {bulkError !== null && <ErrorNotice error={bulkError} onDismiss={() => setBulkError(null)} />}
      <div className={props.taskId ? 'split split-detail' : 'split'}>
        <ul className="task-list" aria-label="Tasks">
          {items.map((task) => (
            <li key={task.id} data-task-id={task.id} className={task.id === props.taskId ? 'active' : undefined}>
              {canAct && task.type === 'potential-match' && task.status === 'open' ? (
                <input
                  type="checkbox"
                  aria-label={`Select ${task.id}`}
                  checked={selection.has(task.id)}
                  onChange={(event) =>
                    setSelection((current) => {
                      const next = new Set(current);
                      if (event.target.checked) next.add(task.id);
                      else next.delete(task.id);
                      return next;
                    })
                  }
                />
              ) : (
                <span className="checkbox-spacer" />
              )}
              <button type="button" className="task-row" onClick={() => open(task.id)}>
                <span className="task-title">{taskTitle(task, subjectOf(task))}</span>
                {subjectOf(task) !== undefined && (
                  <span className="record-summary" data-testid="record-summary">
                    {summaryLine(subjectOf(task) as GoldenRecordView)}
                  </span>
                )}
                <span className="task-meta">
                  <span className={`type-tag type-${task.type}`}>{task.type}</span> {task.domain}
                  {task.source ? ` · ${task.source}` : ''} {task.score !== undefined && `· ${formatScore(task.score)}`}{' '}
                  {task.band !== undefined && `· ${task.band}`} · {formatWhen(task.createdAt)}
                  {task.resolution !== undefined && ` · ${task.resolution}`}
                </span>
              </button>
            </li>
          ))}
          {!list.isLoading && items.length === 0 && <li className="muted empty-row">Nothing to review here.</li>}
        </ul>
        {props.taskId !== undefined && (
          <TaskDetail
            key={props.taskId}
            taskId={props.taskId}
            onDone={() => {
              list.reload();
              counts.reload();
            }}
          />
        )}
      </div>
    </section>
  );
}
