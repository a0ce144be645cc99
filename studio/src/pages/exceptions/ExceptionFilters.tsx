/** The exception queue's filter chips: by code and by source → domain, with the counts the API computes. */
import type { OperationResponse } from '../../../../server/contracts/operations';

type ExceptionCounts = OperationResponse<'countExceptions'>;

export function ExceptionFilters(props: {
  counts: ExceptionCounts | null;
  filters: Record<string, string>;
  onFilter: (patch: Record<string, string | undefined>) => void;
}) {
  const { counts, filters, onFilter } = props;
  return (
    <div className="filters">
      <div className="chip-group" aria-label="By code">
        <span className="chip-label">Code</span>
        <button type="button" className={filters.code ? 'chip' : 'chip active'} onClick={() => onFilter({ code: undefined })}>
          all
        </button>
        {(counts?.byCode ?? []).map((entry) => (
          <button
            key={entry.code}
            type="button"
            className={filters.code === entry.code ? 'chip active' : 'chip'}
            onClick={() => onFilter({ code: entry.code })}
          >
            {entry.code} <span className="chip-count">{entry.count}</span>
          </button>
        ))}
      </div>
      <div className="chip-group" aria-label="By source">
        <span className="chip-label">Source</span>
        <button
          type="button"
          className={filters.source ? 'chip' : 'chip active'}
          onClick={() => onFilter({ source: undefined, domain: undefined })}
        >
          all
        </button>
        {(counts?.bySource ?? []).map((entry) => (
          <button
            key={`${entry.source}/${entry.domain}`}
            type="button"
            className={filters.source === entry.source && filters.domain === entry.domain ? 'chip active' : 'chip'}
            onClick={() => onFilter({ source: entry.source, domain: entry.domain })}
          >
            {entry.source} → {entry.domain} <span className="chip-count">{entry.count}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
