/**
 * One task: loads it and the golden records it is about, and offers the decisions its type allows.
 * The pane's state is one reducer (taskDecisionState.ts); each task type renders its own panel.
 */
import { useReducer } from 'react';
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import type { TaskCandidateView, TaskView } from '../../../../server/contracts/stewardship';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import type { ApiClient } from '../../api/client';
import { callTaskAction, type TaskAction } from './taskActions';
import { ClusterTask } from './ClusterTask';
import { DecisionBar } from './DecisionBar';
import { PotentialMatchPanel } from './PotentialMatchPanel';
import { DataQualityCard, SurvivorshipConflict } from './SurvivorshipConflict';
import { TaskHeader, TaskHistory } from './TaskHeader';
import { initialTaskDecisionState, mergeAttributesOf, taskDecisionReducer } from './taskDecisionState';
import { useTaskShortcuts } from './useTaskShortcuts';

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
  const [state, dispatch] = useReducer(taskDecisionReducer, initialTaskDecisionState);
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
    dispatch({ type: 'decisionStarted' });
    try {
      await callTaskAction(client, { action, id: props.taskId, body: { expectedVersion: loaded.data.task.version, ...body } });
      dispatch({ type: 'decisionSucceeded', outcome: done });
      loaded.reload();
      props.onDone();
    } catch (err) {
      dispatch({ type: 'decisionFailed', error: err });
      // A 409 means someone else acted first: show the task as it is now.
      loaded.reload();
    }
  };

  const data = loaded.data;
  const task = data?.task;
  const candidate = data?.candidates[state.candidateIndex]?.record;
  const isOpen = task?.status === 'open';
  const canDecide = isOpen && canAct;
  const reasonText = state.reason.trim();

  const merge = (): void => {
    if (candidate === undefined || data === null) return;
    const attributes = mergeAttributesOf({
      choices: state.choices,
      isKeepingChoices: state.isKeepingChoices,
      subject: data.subject,
      candidate,
    });
    void act(
      'merge',
      { candidateGoldenId: candidate.id, attributes, reason: reasonText || 'Same organisation: confirmed by steward' },
      'Merged.',
    );
  };
  const notAMatch = (): void =>
    void act('not-a-match', { reason: reasonText || 'Different organisations: confirmed by steward' }, 'Marked not a match.');
  const skip = (): void => void act('skip', reasonText ? { reason: reasonText } : {}, 'Skipped.');
  const isPair = task?.type === 'potential-match';
  useTaskShortcuts(canDecide && !state.isBusy ? { ...(isPair && candidate !== undefined ? { m: merge, n: notAMatch } : {}), s: skip } : {});

  if (loaded.error !== null)
    return (
      <div className="detail">
        <ErrorNotice error={loaded.error} />
      </div>
    );
  if (data === null || task === undefined) return <div className="detail muted">Loading task…</div>;
  const { subject, candidates } = data;
  const onAct = (action: TaskAction, body: Record<string, unknown>, done: string): void => void act(action, body, done);

  return (
    <div className="detail" aria-label="Task">
      <TaskHeader task={task} subject={subject} />
      {state.outcome !== '' && (
        <p className="notice notice-success" role="status">
          {state.outcome} Press j for the next task.
        </p>
      )}
      {state.error !== null && <ErrorNotice error={state.error} onDismiss={() => dispatch({ type: 'errorDismissed' })} />}

      {isPair && subject !== null && (
        <PotentialMatchPanel
          subject={subject}
          candidates={candidates}
          candidateIndex={state.candidateIndex}
          onCandidate={(index) => dispatch({ type: 'candidateShown', index })}
          choices={state.choices}
          onChoose={canDecide ? (choices) => dispatch({ type: 'survivorsChosen', choices }) : undefined}
          isKeepingChoices={state.isKeepingChoices}
          onKeepingChoices={(isKeeping) => dispatch({ type: 'keepingChoicesSet', isKeeping })}
        />
      )}
      {task.type === 'potential-match-cluster' && (
        <ClusterTask key={task.version} task={task} canDecide={canDecide} isBusy={state.isBusy} reason={reasonText} onAct={onAct} />
      )}
      {task.type === 'survivorship-conflict' && (
        <SurvivorshipConflict task={task} canDecide={canDecide} isBusy={state.isBusy} reason={reasonText} onAct={onAct} />
      )}
      {task.type === 'data-quality' && <DataQualityCard task={task} exceptionHref={(id) => hrefOf(['exceptions'], { id })} />}
      {subject !== null && !isPair && (
        <p>
          Golden record: <a href={hrefOf(['golden', task.domain, subject.id])}>{subject.id}</a>
        </p>
      )}

      {canDecide && (
        <DecisionBar
          reason={state.reason}
          onReason={(reason) => dispatch({ type: 'reasonTyped', reason })}
          isBusy={state.isBusy}
          pairActions={isPair ? { canMerge: candidate !== undefined, onMerge: merge, onNotAMatch: notAMatch } : undefined}
          onSkip={skip}
        />
      )}
      <TaskHistory history={task.history} />
    </div>
  );
}
