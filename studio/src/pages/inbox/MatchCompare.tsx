/**
 * A potential match side by side: every attribute of the two golden records, differing ones
 * highlighted with a choice of which value survives, and the engine's explanation (per-comparator
 * scores, the rule that fired, the band).
 */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import { hrefOf } from '../../app/route';
import { formatScore, formatValue, isSameValue } from '../../ui/format';

export type SurvivorChoice = 'auto' | 'subject' | 'candidate';

interface ComparatorLine {
  name: string;
  field?: string;
  type?: string;
  weight?: number;
  score: number | null;
  outcome?: string;
  a?: unknown;
  b?: unknown;
}

/** Reads the engine's explanation defensively: it is typed `unknown` in the contract. */
function comparatorsOf(explanation: unknown): { lines: ComparatorLine[]; rule: string | null } {
  if (explanation === null || typeof explanation !== 'object') return { lines: [], rule: null };
  const value = explanation as { comparators?: unknown; hardRule?: { name?: string; action?: string } | null };
  const lines = Array.isArray(value.comparators) ? (value.comparators as ComparatorLine[]).filter((line) => typeof line?.name === 'string') : [];
  const rule = value.hardRule?.name ? `${value.hardRule.name}${value.hardRule.action ? ` (${value.hardRule.action})` : ''}` : null;
  return { lines, rule };
}

export interface MatchCompareProps {
  subject: GoldenRecordView;
  candidate: GoldenRecordView;
  explanation: unknown;
  score?: number;
  band?: string;
  choices: Record<string, SurvivorChoice>;
  /** Absent when the viewer may not decide (read-only). */
  onChoose?: (choices: Record<string, SurvivorChoice>) => void;
}

/** The comparison table and the explanation. */
export function MatchCompare(props: MatchCompareProps) {
  const { subject, candidate } = props;
  const attributes = [...new Set([...Object.keys(subject.attributes), ...Object.keys(candidate.attributes)])].sort();
  const { lines, rule } = comparatorsOf(props.explanation);
  const choose = (attribute: string, choice: SurvivorChoice): void => props.onChoose?.({ ...props.choices, [attribute]: choice });
  const differing = attributes.filter((attribute) => !isSameValue(subject.attributes[attribute], candidate.attributes[attribute]));
  return (
    <div className="match-compare">
      <p className="match-summary">
        Score <strong>{formatScore(props.score)}</strong> · band <strong>{props.band ?? '—'}</strong>
        {rule !== null && (
          <>
            {' '}
            · rule <strong>{rule}</strong>
          </>
        )}{' '}
        · {differing.length} of {attributes.length} attributes differ
      </p>
      <table className="data-table compare-table" aria-label="Records side by side">
        <thead>
          <tr>
            <th>Attribute</th>
            <th>
              New record <a href={hrefOf(['golden', subject.domain, subject.id])}>{subject.id}</a>
            </th>
            <th>
              Existing record <a href={hrefOf(['golden', candidate.domain, candidate.id])}>{candidate.id}</a>
            </th>
            {props.onChoose && <th>Survives</th>}
          </tr>
        </thead>
        <tbody>
          {attributes.map((attribute) => {
            const isDifferent = differing.includes(attribute);
            const choice = props.choices[attribute] ?? 'auto';
            return (
              <tr key={attribute} className={isDifferent ? 'differs' : undefined} data-differs={isDifferent ? 'true' : undefined}>
                <th scope="row">{attribute}</th>
                <td className={choice === 'subject' ? 'mono chosen' : 'mono'}>{formatValue(subject.attributes[attribute])}</td>
                <td className={choice === 'candidate' ? 'mono chosen' : 'mono'}>{formatValue(candidate.attributes[attribute])}</td>
                {props.onChoose && (
                  <td>
                    {isDifferent && (
                      <select aria-label={`Surviving ${attribute}`} value={choice} onChange={(event) => choose(attribute, event.target.value as SurvivorChoice)}>
                        <option value="auto">survivorship rules</option>
                        <option value="subject">new record</option>
                        <option value="candidate">existing record</option>
                      </select>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {lines.length > 0 && (
        <table className="data-table compact explanation" aria-label="Match explanation">
          <thead>
            <tr>
              <th>Comparator</th>
              <th>Field</th>
              <th>Weight</th>
              <th>Score</th>
              <th>Outcome</th>
              <th>New</th>
              <th>Existing</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.name} className={`outcome-${line.outcome ?? 'none'}`}>
                <td>{line.name}</td>
                <td className="muted">{line.field}</td>
                <td>{line.weight ?? ''}</td>
                <td>
                  {line.score === null ? '—' : (
                    <span className="score-bar" style={{ ['--score' as string]: String(line.score) }}>
                      {formatScore(line.score)}
                    </span>
                  )}
                </td>
                <td>{line.outcome}</td>
                <td className="mono">{formatValue(line.a)}</td>
                <td className="mono">{formatValue(line.b)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
