/** One task: loads it and the golden records it is about, and offers the decisions its type allows. */
import { useEffect, useRef, useState } from 'react';
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import type { TaskCandidateView, TaskView } from '../../../../server/contracts/stewardship';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import type { ApiClient } from '../../api/client';
import { callTaskAction, type TaskAction } from './taskActions';
import { formatWhen, stableJson } from '../../ui/format';
import { ClusterTask } from './ClusterTask';
import { TabList, tabPanelProps } from '../../ui/Tabs';
import { MatchCompare } from './MatchCompare';
import { StructuredValue } from '../../ui/StructuredValue';
import { summaryLine } from '../../ui/recordSummary';
import { displayName } from '../golden/goldenSearch';
import type { SurvivorChoice } from './MatchCompare';

interface Loaded {
  task: TaskView;
  subject: GoldenRecordView | null;
  /** Each candidate's golden record as the API shows it now (a retired one: its survivor), with the task's view of it. */
  candidates: Array<{ record: GoldenRecordView; view: TaskCandidateView }>;
}

async function loadGolden(client: ApiClient, domain: string, id: string): Promise<GoldenRecordView | null> {
  const body = await client.call('getGoldenRecord', { params: { domain, id }, query: { include: ['lineage'] } }).catch(() => null);
  if (body === null) return null;
  return 'retired' in body ? body.survivor : body;
}

/** The task pane beside the inbox list. */
export function TaskDetail(props: { taskId: string; onDone: () => void }) {
  const { client } = useSession();
  const canAct = useAbility('tasks.act');
  const [reason, setReason] = useState('');
  const [choices, setChoices] = useState<Record<string, SurvivorChoice>>({});
  // Chosen values are sent as steward overrides (they outlive an unmerge) unless the steward lets survivorship decide.
  const [isKeepingChoices, setIsKeepingChoices] = useState(true);
  const [candidateIndex, setCandidateIndex] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState('');
  const [isBusy, setIsBusy] = useState(false);
  const loaded = useLoad<Loaded>(async () => {
    const task = await client.call('getTask', { params: { id: props.taskId } });
    const subject = task.subject.goldenId ? await loadGolden(client, task.domain, task.subject.goldenId) : null;
    const loadedCandidates = await Promise.all(
      (task.candidates ?? []).map(async (view) => ({ view, record: await loadGolden(client, task.domain, view.goldenId) })),
    );
    const candidates = loadedCandidates.filter(
      (entry): entry is { view: TaskCandidateView; record: GoldenRecordView } => entry.record !== null,
    );
    return { task, subject, candidates };
  }, [client, props.taskId]);

  const act = async (action: TaskAction, body: Record<string, unknown>, done: string): Promise<void> => {
    if (loaded.data === null) return;
    setIsBusy(true);
    setError(null);
    try {
      await callTaskAction(client, { action, id: props.taskId, body: { expectedVersion: loaded.data.task.version, ...body } });
      setOutcome(done);
      loaded.reload();
      props.onDone();
    } catch (err) {
      setError(err);
      // A 409 means someone else acted first: show the task as it is now.
      loaded.reload();
    } finally {
      setIsBusy(false);
    }
  };

  // m merge, n not a match, s skip — outside text fields, for the open task.
  const shortcuts = useRef<Record<string, () => void>>({});
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || (target !== null && /INPUT|TEXTAREA|SELECT/.test(target.tagName))) return;
      const action = shortcuts.current[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (loaded.error !== null)
    return (
      <div className="detail">
        <ErrorNotice error={loaded.error} />
      </div>
    );
  if (loaded.data === null) return <div className="detail muted">Loading task…</div>;
  const { task, subject, candidates } = loaded.data;
  const candidate = candidates[candidateIndex]?.record;
  const candidateView = candidates[candidateIndex]?.view;
  const isOpen = task.status === 'open';
  const reasonText = reason.trim();

  const merge = (): void => {
    if (candidate === undefined) return;
    const attributes: Record<string, { sourceRecordId?: string; value?: unknown }> = {};
    for (const [attribute, choice] of Object.entries(isKeepingChoices ? choices : {})) {
      const from = choice === 'subject' ? subject : choice === 'candidate' ? candidate : null;
      if (from === null) continue;
      const lineage = from.lineage?.[attribute];
      attributes[attribute] = lineage?.sourceRecordId
        ? { sourceRecordId: lineage.sourceRecordId }
        : { value: from.attributes[attribute] ?? null };
    }
    void act(
      'merge',
      {
        candidateGoldenId: candidate.id,
        attributes: Object.keys(attributes).length > 0 ? attributes : undefined,
        reason: reasonText || 'Same organisation: confirmed by steward',
      },
      'Merged.',
    );
  };

  const notAMatch = (): void =>
    void act('not-a-match', { reason: reasonText || 'Different organisations: confirmed by steward' }, 'Marked not a match.');
  const skip = (): void => void act('skip', reasonText ? { reason: reasonText } : {}, 'Skipped.');
  shortcuts.current =
    isOpen && canAct && !isBusy
      ? { ...(task.type === 'potential-match' && candidate !== undefined ? { m: merge, n: notAMatch } : {}), s: skip }
      : {};

  return (
    <div className="detail" aria-label="Task">
      <header className="detail-header">
        <div>
          <h2 data-testid="task-title">
            {subject !== null ? displayName(subject) : task.type}{' '}
            <span className="muted">
              · {task.type} · {task.domain}
              {task.source ? ` · ${task.source}` : ''}
            </span>
          </h2>
          {subject !== null && (
            <p className="record-summary" data-testid="record-summary">
              {summaryLine(subject)}
            </p>
          )}
          <p className="muted">
            Opened {formatWhen(task.createdAt)} · priority {task.priority} · version {task.version}
          </p>
        </div>
        <span className={isOpen ? 'badge' : 'badge badge-muted'} data-testid="task-status">
          {isOpen ? 'open' : `closed: ${task.resolution ?? ''}`}
        </span>
      </header>
      {outcome !== '' && (
        <p className="notice notice-success" role="status">
          {outcome} Press j for the next task.
        </p>
      )}
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}

      {task.type === 'potential-match' && subject !== null && (
        <>
          {candidates.length > 1 && (
            <TabList
              label="Candidates"
              idPrefix="candidates"
              tabs={candidates.map((_, index) => ({ id: String(index), label: `Candidate ${index + 1}` }))}
              selected={String(candidateIndex)}
              onSelect={(id) => setCandidateIndex(Number(id))}
            />
          )}
          <div {...(candidates.length > 1 ? tabPanelProps('candidates', String(candidateIndex)) : {})}>
            {candidate === undefined ? (
              <p className="muted">The candidate records no longer exist (merged or retired since).</p>
            ) : (
              <MatchCompare
                subject={subject}
                candidate={candidate}
                explanation={candidateView?.explanation}
                explanationBasis={candidateView?.explanationBasis}
                decisionExplanation={candidateView?.decisionExplanation}
                score={candidateView?.score}
                band={candidateView?.band}
                choices={choices}
                onChoose={isOpen && canAct ? setChoices : undefined}
              />
            )}
          </div>
          {isOpen && canAct && candidate !== undefined && (
            <MergeChoicesNotice
              chosen={Object.entries(choices)
                .filter(([, choice]) => choice !== 'auto')
                .map(([attribute]) => attribute)}
              isKeeping={isKeepingChoices}
              onChange={setIsKeepingChoices}
            />
          )}
        </>
      )}

      {task.type === 'potential-match-cluster' && (
        <ClusterTask
          key={task.version}
          task={task}
          canDecide={isOpen && canAct}
          isBusy={isBusy}
          reason={reasonText}
          onAct={(action, body, done) => void act(action, body, done)}
        />
      )}

      {task.type === 'survivorship-conflict' && isOpen && canAct && allArrays(task.values ?? []) && (
        <p className="keep-both">
          <button
            type="button"
            className="button-secondary"
            disabled={isBusy}
            onClick={() =>
              void act(
                'override',
                {
                  value: unionOf((task.values ?? []).map((entry) => entry.value as unknown[])),
                  reason: reasonText || `Steward kept every source's ${task.subject.attribute ?? 'values'}`,
                },
                'Override set: every value kept.',
              )
            }
          >
            Keep all values
          </button>{' '}
          <span className="muted">
            {task.subject.attribute} holds several values: keep every source's values as one list (an override).
          </span>
        </p>
      )}
      {task.type === 'survivorship-conflict' && (
        <table className="data-table compact" aria-label="Conflicting values">
          <thead>
            <tr>
              <th>Source record</th>
              <th>{task.subject.attribute}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(task.values ?? []).map((entry) => (
              <tr key={entry.sourceRecordId}>
                <td>{entry.sourceRecordId}</td>
                <td className="mono">
                  <StructuredValue value={entry.value} />
                </td>
                <td>
                  {isOpen && canAct && (
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={isBusy}
                      onClick={() =>
                        void act(
                          'override',
                          { sourceRecordId: entry.sourceRecordId, reason: reasonText || `Steward chose the ${entry.source} value` },
                          'Override set.',
                        )
                      }
                    >
                      Use this value
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {task.type === 'data-quality' && task.exception !== undefined && (
        <div className="card">
          <p>
            <strong>{task.exception.code}</strong> at {task.exception.stage}
            {task.exception.sourceId ? ` for ${task.exception.sourceId}` : ''}
          </p>
          <p>{task.exception.message}</p>
          {task.subject.exceptionId !== undefined && (
            <a href={hrefOf(['exceptions'], { id: task.subject.exceptionId })}>Open in the exception queue</a>
          )}
        </div>
      )}
      {subject !== null && task.type !== 'potential-match' && (
        <p>
          Golden record: <a href={hrefOf(['golden', task.domain, subject.id])}>{subject.id}</a>
        </p>
      )}

      {isOpen && canAct && (
        <div className="decision-bar">
          <input
            aria-label="Reason"
            placeholder="Reason (kept in the audit log)"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
          {task.type === 'potential-match' && (
            <>
              <button type="button" className="button-primary" disabled={isBusy || candidate === undefined} onClick={merge} title="m">
                Merge <kbd>m</kbd>
              </button>
              <button type="button" className="button-secondary" disabled={isBusy} onClick={notAMatch} title="n">
                Not a match <kbd>n</kbd>
              </button>
            </>
          )}
          <button type="button" className="button-ghost" disabled={isBusy} onClick={skip} title="s">
            Skip <kbd>s</kbd>
          </button>
        </div>
      )}
      {task.history.length > 0 && (
        <details className="task-history">
          <summary>History ({task.history.length})</summary>
          <ol>
            {task.history.map((entry, index) => (
              <li key={index}>
                {formatWhen(entry.at)} · {entry.by} · {entry.action}
                {entry.note ? ` — ${entry.note}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

function allArrays(values: ReadonlyArray<{ value: unknown }>): boolean {
  return values.length > 1 && values.every((entry) => Array.isArray(entry.value));
}

/** Every value of the lists, each once (JSON equality), in the order first seen. */
export function unionOf(lists: ReadonlyArray<readonly unknown[]>): unknown[] {
  const seen = new Map<string, unknown>();
  for (const value of lists.flat()) if (!seen.has(stableJson(value))) seen.set(stableJson(value), value);
  return [...seen.values()];
}

/** Before a merge with chosen values: what choosing means (overrides that survive an unmerge), and the way out. */
function MergeChoicesNotice(props: { chosen: string[]; isKeeping: boolean; onChange: (isKeeping: boolean) => void }) {
  if (props.chosen.length === 0) return null;
  return (
    <fieldset className="merge-choices" data-testid="merge-choices">
      <legend>Chosen values ({props.chosen.join(', ')})</legend>
      <p>
        On merge, the values you chose become steward overrides on the surviving record: they stay as they are — even after an unmerge, or
        when a source sends a new value — until someone clears them.
      </p>
      <label>
        <input type="radio" name="merge-choices" checked={props.isKeeping} onChange={() => props.onChange(true)} /> Keep my choices as
        overrides
      </label>
      <label>
        <input type="radio" name="merge-choices" checked={!props.isKeeping} onChange={() => props.onChange(false)} /> Let survivorship
        decide (no overrides)
      </label>
    </fieldset>
  );
}
