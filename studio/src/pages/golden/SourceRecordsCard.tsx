/** A golden record's source records (as mapped and as received; Unmerge for writers) and its relationships. */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import { hrefOf } from '../../app/route';
import { formatValue, formatWhen } from '../../ui/format';

export function SourceRecordsCard(props: {
  record: GoldenRecordView;
  domain: string;
  canWrite: boolean;
  onUnmerge: (sourceRecordId: string) => void;
}) {
  const { record } = props;
  const sources = record.sources ?? [];
  const relationships = record.relationships ?? [];
  return (
    <div className="card">
      <h2>Source records ({sources.length})</h2>
      <ul className="source-list" aria-label="Source records">
        {sources.map((source) => (
          <li key={source.id} data-source-record-id={source.id}>
            <div>
              <strong>{source.source}</strong> {source.sourceId}
              <div className="muted">
                mapping v{source.mappingVersion} · received {formatWhen(source.receivedAt)}
              </div>
              <details>
                <summary>Record as mapped{source.raw !== undefined ? ' and as received' : ''}</summary>
                <pre className="payload">{JSON.stringify(source.canonical, null, 2)}</pre>
                {source.raw !== undefined && (
                  <pre className="payload">{typeof source.raw === 'string' ? source.raw : JSON.stringify(source.raw, null, 2)}</pre>
                )}
              </details>
            </div>
            {props.canWrite && sources.length > 1 && (
              <button type="button" className="button-secondary" onClick={() => props.onUnmerge(source.id)}>
                Unmerge
              </button>
            )}
          </li>
        ))}
      </ul>
      <h2>Relationships</h2>
      {relationships.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="source-list" aria-label="Relationships">
          {relationships.map((relationship) => (
            <li key={`${relationship.type}-${relationship.otherGoldenId}-${relationship.direction}`}>
              <span>
                {relationship.direction === 'outgoing' ? '→' : '←'} {relationship.type}{' '}
                <a href={hrefOf(['golden', relationship.otherGoldenId.split('-')[0] ?? props.domain, relationship.otherGoldenId])}>
                  {relationship.otherGoldenId}
                </a>
                {relationship.attributes !== undefined && <span className="muted"> {formatValue(relationship.attributes)}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
