/** The list of problems under the editors; entries with a position jump to it on click or Enter. */
import type { Problem } from './problems';

const LABEL: Record<Problem['kind'], string> = {
  syntax: 'Syntax',
  runtime: 'Runtime',
  timeout: 'Timeout',
  schema: 'Schema',
  required: 'Required',
};

/** Problems with jump-to-position. */
export function ProblemsPanel(props: { problems: readonly Problem[]; onJump: (line: number, column: number) => void; note?: string; emptyText?: string }) {
  return (
    <section className="problems" aria-label="Problems">
      <header className="pane-header">
        <h2>Problems {props.problems.length > 0 && <span className="count">{props.problems.length}</span>}</h2>
        {props.note && <span className="muted">{props.note}</span>}
      </header>
      {props.problems.length === 0 ? (
        <p className="muted problems-empty">{props.emptyText ?? 'No problems: the output matches the canonical schema.'}</p>
      ) : (
        <ul>
          {props.problems.map((problem, index) => {
            const marker = problem.marker;
            const content = (
              <>
                <span className={`problem-kind kind-${problem.kind}`}>{LABEL[problem.kind]}</span>
                <span className="problem-message">{problem.message}</span>
                {marker && (
                  <span className="problem-where">
                    Ln {marker.startLineNumber}, Col {marker.startColumn}
                  </span>
                )}
              </>
            );
            return (
              <li key={`${problem.kind}-${index}`}>
                {marker ? (
                  <button type="button" className="problem problem-link" onClick={() => props.onJump(marker.startLineNumber, marker.startColumn)}>
                    {content}
                  </button>
                ) : (
                  <div className="problem">{content}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
