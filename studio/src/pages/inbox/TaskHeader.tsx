/** The task pane's title (the subject's name and summary line), when it opened, and its status. */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import type { TaskView } from '../../../../server/contracts/stewardship';
import { formatWhen } from '../../ui/format';
import { summaryLine } from '../../ui/recordSummary';
import { displayName } from '../golden/goldenSearch';
import { taskTitle } from './taskTitle';

export function TaskHeader(props: { task: TaskView; subject: GoldenRecordView | null }) {
  const { task, subject } = props;
  const isOpen = task.status === 'open';
  return (
    <header className="detail-header">
      <div>
        <h2 data-testid="task-title">
          {/* Without a subject record (a cluster task) the title says what the task is, not its type twice. */}
          {subject !== null ? displayName(subject) : taskTitle(task, undefined)}{' '}
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
  );
}

/** The task's history, folded. */
export function TaskHistory(props: { history: TaskView['history'] }) {
  if (props.history.length === 0) return null;
  return (
    <details className="task-history">
      <summary>History ({props.history.length})</summary>
      <ol>
        {props.history.map((entry, index) => (
          <li key={index}>
            {formatWhen(entry.at)} · {entry.by} · {entry.action}
            {entry.note ? ` — ${entry.note}` : ''}
          </li>
        ))}
      </ol>
    </details>
  );
}
