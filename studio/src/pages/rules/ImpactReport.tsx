/** The impact preview of candidate rules: counts under the published and the candidate rules, and example pairs. */
import type { BandCounts, PairChange, PreviewResult } from '../../../../server/matching/preview';
import type { RecordLabel } from '../../../../server/matching/recordLabel';
import { Fragment } from 'react';
import { formatScore } from '../../ui/format';
import { MatchExplanationView } from '../../ui/MatchExplanation';

const ROWS: Array<[keyof BandCounts, string]> = [
  ['pairsCompared', 'Pairs compared'],
  ['autoMergePairs', 'Auto-merge pairs'],
  ['reviewPairs', 'Review pairs'],
  ['clusters', 'Clusters'],
  ['recordsInClusters', 'Records in clusters'],
  ['mergesBlockedByCannotLink', 'Merges blocked by not-a-match'],
];

function delta(after: number, before: number): string {
  const change = after - before;
  return change === 0 ? '' : change > 0 ? `+${change}` : String(change);
}

/** A record as a steward knows it: its name, then source and source id. */
function RecordCell(props: { label: RecordLabel; id: string }) {
  return (
    <td title={props.id}>
      <span className="record-name">{props.label.name}</span>
      <br />
      <span className="muted mono">
        {props.label.source} · {props.label.sourceId}
      </span>
    </td>
  );
}

function Examples(props: { title: string; pairs: PairChange[] }) {
  if (props.pairs.length === 0) return null;
  return (
    <details open>
      <summary>
        {props.title} ({props.pairs.length} shown)
      </summary>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Record A</th>
            <th>Record B</th>
            <th>Published</th>
            <th>Candidate</th>
          </tr>
        </thead>
        <tbody>
          {props.pairs.map((pair) => (
            <Fragment key={`${pair.a}-${pair.b}`}>
              <tr>
                <RecordCell label={pair.labels.a} id={pair.a} />
                <RecordCell label={pair.labels.b} id={pair.b} />
                <td>
                  {formatScore(pair.current.score)} · {pair.current.band}
                </td>
                <td>
                  {formatScore(pair.candidate.score)} · {pair.candidate.band}
                  {pair.candidate.hardRule ? ` · ${pair.candidate.hardRule.name}` : ''}
                </td>
              </tr>
              <tr className="example-explanation">
                <td colSpan={4}>
                  <details>
                    <summary>Why, under the candidate rules</summary>
                    <MatchExplanationView explanation={pair.candidate} sides={['Record A', 'Record B']} />
                  </details>
                </td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** The report panel. */
export function ImpactReport(props: { report: PreviewResult }) {
  const { report } = props;
  return (
    <div className="impact" aria-label="Impact preview">
      <p role="status">
        {report.records} source records re-matched: <strong>{report.mergesGained} merges gained</strong>,{' '}
        <strong>{report.mergesLost} lost</strong>; review pairs +{report.reviewGained} / −{report.reviewLost} ({report.rules.current} →{' '}
        {report.rules.candidate}).
      </p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th />
            <th>Published ({report.current.rulesVersion})</th>
            <th>Candidate ({report.candidate.rulesVersion})</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{String(report.current[key])}</td>
              <td>{String(report.candidate[key])}</td>
              <td>{delta(Number(report.candidate[key]), Number(report.current[key]))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Examples title="Merges gained" pairs={report.examples.gained} />
      <Examples title="Merges lost" pairs={report.examples.lost} />
    </div>
  );
}
