/** The exceptions matching the filters, newest first; a row opens the exception beside the list. */
import type { OperationResponse } from '../../../../server/contracts/operations';
import { formatWhen } from '../../ui/format';

type ExceptionItem = OperationResponse<'listExceptions'>['items'][number];

export function ExceptionList(props: {
  items: readonly ExceptionItem[];
  isLoading: boolean;
  openId?: string;
  onOpen: (id: string) => void;
}) {
  return (
    <ul className="task-list" aria-label="Exceptions">
      {props.items.map((entry) => (
        <li key={entry.id} className={entry.id === props.openId ? 'active' : undefined}>
          <button type="button" className="task-row" onClick={() => props.onOpen(entry.id)}>
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
      {!props.isLoading && props.items.length === 0 && <li className="muted empty-row">No exceptions here.</li>}
    </ul>
  );
}
