/**
 * A potential match side by side: every attribute of the two golden records, differing ones
 * highlighted with a choice of which value survives, and the engine's explanation (per-comparator
 * scores, the rule that fired, the band).
 */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import { hrefOf } from '../../app/route';
import { readExplanation } from '../../ui/explanation';
import { formatScore, isSameValue } from '../../ui/format';
import { MatchExplanationView } from '../../ui/MatchExplanation';
import { StructuredValue } from '../../ui/StructuredValue';
import { summaryLine } from '../../ui/recordSummary';
import { displayName } from '../golden/goldenSearch';

export type SurvivorChoice = 'auto' | 'subject' | 'candidate';

export interface MatchCompareProps {
  subject: GoldenRecordView;
  candidate: GoldenRecordView;
  explanation: unknown;
  /** `golden-records`: the explanation was computed from the two records shown here. */
  explanationBasis?: 'golden-records' | 'match-decision';
  /** The explanation stored when matching decided (its score and band are `score` / `band`). */
  decisionExplanation?: unknown;
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
  const explanation = readExplanation(props.explanation);
  const decided = readExplanation(props.decisionExplanation);
  const rule = decided?.hardRule ?? (props.explanationBasis === 'golden-records' ? null : explanation?.hardRule) ?? null;
  const choose = (attribute: string, choice: SurvivorChoice): void => props.onChoose?.({ ...props.choices, [attribute]: choice });
  const differing = attributes.filter((attribute) => !isSameValue(subject.attributes[attribute], candidate.attributes[attribute]));
  return (
    <div className="match-compare">
      <p className="match-summary">
        Score <strong>{formatScore(props.score)}</strong> · band <strong>{props.band ?? '—'}</strong>
        {rule !== null && (
          <>
            {' '}
            · rule <strong>{`${rule.name}${rule.action ? ` (${rule.action})` : ''}`}</strong>
          </>
        )}{' '}
        · {differing.length} of {attributes.length} attributes differ
      </p>
      <div className="table-scroll">
        <table className="data-table compare-table" aria-label="Records side by side">
          <thead>
            <tr>
              <th>Attribute</th>
              <th>
                <RecordHeading side="New record" record={subject} />
              </th>
              <th>
                <RecordHeading side="Existing record" record={candidate} />
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
                  <td className={choice === 'subject' ? 'mono chosen' : 'mono'}>
                    <StructuredValue value={subject.attributes[attribute]} />
                  </td>
                  <td className={choice === 'candidate' ? 'mono chosen' : 'mono'}>
                    <StructuredValue value={candidate.attributes[attribute]} />
                  </td>
                  {props.onChoose && (
                    <td>
                      {isDifferent && (
                        <select
                          aria-label={`Surviving ${attribute}`}
                          value={choice}
                          onChange={(event) => choose(attribute, event.target.value as SurvivorChoice)}
                        >
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
      </div>
      {explanation !== null && (
        <section className="explanation-section" aria-label="Why these records match">
          <h3>Why</h3>
          <p className="muted" data-testid="explanation-basis">
            {props.explanationBasis === 'golden-records'
              ? `Computed from the two records as shown above${explanation.rulesVersion ? ` under rules ${explanation.rulesVersion}` : ''}.`
              : 'As matching explained it when it decided.'}
            {props.explanationBasis === 'golden-records' &&
              decided?.bSourceId &&
              ` Matching compared the new record with member ${decided.bSourceId} of the existing record.`}
          </p>
          <MatchExplanationView explanation={props.explanation} />
        </section>
      )}
    </div>
  );
}

/** A compare column's heading: the record's name (a link), what tells it apart, and its id. */
function RecordHeading(props: { side: string; record: GoldenRecordView }) {
  const { record } = props;
  return (
    <span className="record-heading">
      <span className="muted">{props.side}</span> <a href={hrefOf(['golden', record.domain, record.id])}>{displayName(record)}</a>
      <span className="record-summary" data-testid="record-summary">
        {summaryLine(record)}
      </span>
      <span className="muted mono">{record.id}</span>
    </span>
  );
}
