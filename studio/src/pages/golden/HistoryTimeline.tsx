/** A golden record's versions as a timeline, newest first: what changed, the cause and who or which rule. */
import type { HistoryEntryView } from '../../../../server/contracts/golden';
import { formatValue, formatWhen } from '../../ui/format';

/** The history timeline. */
export function HistoryTimeline(props: { entries: readonly HistoryEntryView[] }) {
  const entries = [...props.entries].sort((a, b) => b.version - a.version);
  if (entries.length === 0) return <p className="muted">No history.</p>;
  return (
    <ol className="timeline" aria-label="History">
      {entries.map((entry) => (
        <li key={entry.version} className={`timeline-entry cause-${entry.cause}`}>
          <div className="timeline-head">
            <strong>v{entry.version}</strong> <span className="cause">{entry.cause}</span>{' '}
            <span className="muted">
              {formatWhen(entry.at)} · {entry.actor.name}
              {entry.actor.rule ? ` (rule ${entry.actor.rule})` : ''}
            </span>
          </div>
          {entry.note !== undefined && <div className="timeline-note">{entry.note}</div>}
          {entry.changes.length > 0 && (
            <ul className="changes">
              {entry.changes.map((change) => (
                <li key={change.attribute}>
                  <span className="attr">{change.attribute}</span>: <del>{formatValue(change.before)}</del> →{' '}
                  <ins>{formatValue(change.after)}</ins>
                </li>
              ))}
            </ul>
          )}
          {entry.mergedInto !== undefined && <div className="muted">merged into {entry.mergedInto}</div>}
        </li>
      ))}
    </ol>
  );
}
