/**
 * A survivorship-conflict task: the trusted sources' values side by side, *Use this value* per source,
 * and for a multi-valued attribute (every value a list, such as NPIs) *Keep all values* as one override.
 */
import type { TaskView } from '../../../../server/contracts/stewardship';
import { StructuredValue } from '../../ui/StructuredValue';
import { isMultiValued, unionOf } from './taskDecisionState';
import type { TaskAction } from './taskActions';

export function SurvivorshipConflict(props: {
  task: TaskView;
  canDecide: boolean;
  isBusy: boolean;
  reason: string;
  onAct: (action: TaskAction, body: Record<string, unknown>, done: string) => void;
}) {
  const { task, canDecide, isBusy, reason, onAct } = props;
  const values = task.values ?? [];
  return (
    <>
      {canDecide && isMultiValued(values) && (
        <p className="keep-both">
          <button
            type="button"
            className="button-secondary"
            disabled={isBusy}
            onClick={() =>
              onAct(
                'override',
                {
                  value: unionOf(values.map((entry) => entry.value as unknown[])),
                  reason: reason || `Steward kept every source's ${task.subject.attribute ?? 'values'}`,
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
      <table className="data-table compact" aria-label="Conflicting values">
        <thead>
          <tr>
            <th>Source record</th>
            <th>{task.subject.attribute}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {values.map((entry) => (
            <tr key={entry.sourceRecordId}>
              <td>{entry.sourceRecordId}</td>
              <td className="mono">
                <StructuredValue value={entry.value} />
              </td>
              <td>
                {canDecide && (
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={isBusy}
                    onClick={() =>
                      onAct(
                        'override',
                        { sourceRecordId: entry.sourceRecordId, reason: reason || `Steward chose the ${entry.source} value` },
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
    </>
  );
}

/** A data-quality task: the exception it is about, linking to the queue. */
export function DataQualityCard(props: { task: TaskView; exceptionHref: (id: string) => string }) {
  const { task } = props;
  if (task.exception === undefined) return null;
  return (
    <div className="card">
      <p>
        <strong>{task.exception.code}</strong> at {task.exception.stage}
        {task.exception.sourceId ? ` for ${task.exception.sourceId}` : ''}
      </p>
      <p>{task.exception.message}</p>
      {task.subject.exceptionId !== undefined && <a href={props.exceptionHref(task.subject.exceptionId)}>Open in the exception queue</a>}
    </div>
  );
}
