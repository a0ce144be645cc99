/** Right pane: the selected record's canonical output (read-only JSON), ‹ › between records, and the verdict on all of them. */
import { MonacoEditor } from '../../editor/MonacoEditor';

export interface OutputPaneProps {
  text: string;
  selectedIndex: number;
  count: number;
  /** "20 records · 2 failed · 40 ms" (failed = mapping errors and schema violations of any record). */
  status: string;
  failedCount: number;
  onSelect: (index: number) => void;
  onShowFailures: () => void;
}

/** The output pane. */
export function OutputPane(props: OutputPaneProps) {
  return (
    <section className="pane" aria-label="Output">
      <header className="pane-header">
        <h2>Output</h2>
        <div className="record-picker">
          <button type="button" className="button-ghost" aria-label="Previous record" disabled={props.selectedIndex === 0} onClick={() => props.onSelect(props.selectedIndex - 1)}>
            ‹
          </button>
          <span>
            Record {props.count === 0 ? 0 : props.selectedIndex + 1} of {props.count}
          </span>
          <button type="button" className="button-ghost" aria-label="Next record" disabled={props.selectedIndex >= props.count - 1} onClick={() => props.onSelect(props.selectedIndex + 1)}>
            ›
          </button>
        </div>
      </header>
      <MonacoEditor value={props.text} language="json" ariaLabel="Mapping output (read-only)" isReadOnly options={{ lineNumbers: 'off', folding: true }} />
      <footer className="pane-footer">
        <span>{props.status}</span>
        {props.failedCount > 0 && (
          <button type="button" className="button-ghost failures-link" onClick={props.onShowFailures}>
            {props.failedCount} of {props.count} fail: show them
          </button>
        )}
      </footer>
    </section>
  );
}
