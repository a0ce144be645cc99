/** The verdict on every sample record: "2 of 20 fail" and a jump list to each failing record with its errors. */
import type { RecordCheck } from './recordCheck';
import { describeRecordCheck } from './recordCheck';

/** The Records tab; `onSelect` shows that record in the output pane. */
export function RecordsPanel(props: { check: RecordCheck; selectedIndex: number; onSelect: (index: number) => void }) {
  const { check } = props;
  return (
    <section className="records-panel" aria-label="Every sample record">
      <header className="pane-header">
        <h2 className={check.failures.length > 0 ? 'error-text' : undefined} data-testid="record-check">
          {describeRecordCheck(check)}
        </h2>
        {!check.isSchemaChecked && <span className="muted">The canonical schema is not loaded: only mapping errors are found.</span>}
      </header>
      {check.failures.length === 0 ? (
        <p className="muted">{check.total === 0 ? 'Paste or load sample records to check them.' : 'Every sample record maps and its output matches the canonical schema.'}</p>
      ) : (
        <ul className="record-failures" aria-label="Failing records">
          {check.failures.map((failure) => (
            <li key={failure.index} className={failure.index === props.selectedIndex ? 'selected' : undefined}>
              <button type="button" className="problem problem-link" onClick={() => props.onSelect(failure.index)}>
                <span className={`problem-kind kind-${failure.kind === 'schema' ? 'schema' : 'runtime'}`}>Record {failure.index + 1}</span>
                <span className="problem-message">{failure.messages.join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
