/** One exception: its code, message, problems and payload, and what can be done with it (open in the editor, replay, close). */
import type { OperationResponse } from '../../../../server/contracts/operations';
import { hrefOf } from '../../app/route';

type ExceptionItem = OperationResponse<'getException'>;

export function ExceptionDetail(props: {
  item: ExceptionItem;
  canMap: boolean;
  canManage: boolean;
  onReplay: (id: string) => void;
  onClose: (id: string, action: 'resolve' | 'discard') => void;
}) {
  const { item, canMap, canManage } = props;
  return (
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
              onClick={() => props.onReplay(item.id)}
            >
              Replay
            </button>
            <button type="button" className="button-ghost" onClick={() => props.onClose(item.id, 'resolve')}>
              Resolve…
            </button>
            <button type="button" className="button-ghost" onClick={() => props.onClose(item.id, 'discard')}>
              Discard…
            </button>
          </>
        )}
        {item.closed?.goldenId !== undefined && (
          <a href={hrefOf(['golden', item.domain, item.closed.goldenId])}>Golden record {item.closed.goldenId}</a>
        )}
      </div>
    </>
  );
}
