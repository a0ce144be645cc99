/** The rule set as JSON in Monaco (loaded with this page only), with the live schema problems under it. */
import { Suspense, lazy } from 'react';
import type { RuleProblem } from './rulesValidation';

// Monaco only loads when this page opens, as on the Mappings page.
const MonacoEditor = lazy(() => import('../../editor/MonacoEditor').then((module) => ({ default: module.MonacoEditor })));

export function RulesJsonPane(props: {
  domain: string;
  text: string;
  isLoaded: boolean;
  isReadOnly: boolean;
  problems: readonly RuleProblem[];
  onChange: (text: string) => void;
}) {
  const { domain, problems } = props;
  return (
    <section className="pane" aria-label="Rules">
      <header className="pane-header">
        <h2>{domain} rules (JSON)</h2>
        <span className={problems.length === 0 ? 'muted' : 'error-text'}>
          {problems.length === 0 ? 'Valid against the rules schema' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}
        </span>
      </header>
      {props.isLoaded && (
        <Suspense fallback={<div className="splash">Loading the editor…</div>}>
          <MonacoEditor
            key={domain}
            value={props.text}
            language="json"
            ariaLabel={`${domain} matching rules`}
            isReadOnly={props.isReadOnly}
            onChange={props.onChange}
          />
        </Suspense>
      )}
      {problems.length > 0 && (
        <ul className="problem-list rules-problems" aria-label="Rule problems">
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.path ? <span className="mono">{problem.path}: </span> : null}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
