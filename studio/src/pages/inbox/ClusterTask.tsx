/**
 * A cluster task ("these records look like one supplier"): the members as a table (name, key
 * identifiers, source record), the evidence of each edge (the best pair of records between two
 * members, with the comparators that had something to say), checkboxes to split members off, and the
 * decisions: accept all, split off the checked members (the rest stays a cluster, or merges), reject.
 */
import type { TaskAction } from './taskActions';
import { useState } from 'react';
import type { ClusterEdgeView, ClusterMemberView, TaskView } from '../../../../server/contracts/stewardship';
import { hrefOf } from '../../app/route';
import { formatScore, formatValue } from '../../ui/format';

interface EvidenceLine {
  name: string;
  outcome: string;
  score: number | null;
  a: unknown;
  b: unknown;
}

/** The comparators of an edge's explanation that compared something (missing ones say nothing). */
export function evidenceOf(explanation: unknown): { lines: EvidenceLine[]; rule: string | null } {
  if (explanation === null || typeof explanation !== 'object') return { lines: [], rule: null };
  const value = explanation as { comparators?: unknown; hardRule?: { name?: string } | null };
  const lines = (Array.isArray(value.comparators) ? (value.comparators as EvidenceLine[]) : []).filter(
    (line) => typeof line?.name === 'string' && line.outcome !== 'missing',
  );
  return { lines, rule: value.hardRule?.name ?? null };
}

/** Display name of a member: its first record's name, else its id. */
export function memberName(member: ClusterMemberView | undefined, fallback: string): string {
  return member?.records.find((r) => r.name !== null)?.name ?? fallback;
}

export interface ClusterTaskProps {
  task: TaskView;
  /** The viewer may decide and the task is open. */
  canDecide: boolean;
  isBusy: boolean;
  reason: string;
  onAct: (action: TaskAction, body: Record<string, unknown>, done: string) => void;
}

function EdgeEvidence(props: { edge: ClusterEdgeView; names: Map<string, string> }) {
  const { lines, rule } = evidenceOf(props.edge.explanation);
  return (
    <li>
      <strong>{props.names.get(props.edge.a) ?? props.edge.a}</strong> ↔ <strong>{props.names.get(props.edge.b) ?? props.edge.b}</strong>{' '}
      <span className="muted">
        {props.edge.rule} · score {formatScore(props.edge.score)}
        {rule !== null ? ` · rule ${rule}` : ''}
      </span>
      {lines.length > 0 && (
        <span className="edge-lines">
          {' — '}
          {lines
            .map(
              (line) =>
                `${line.name} ${line.outcome}${line.score === null ? '' : ` ${formatScore(line.score)}`} (${formatValue(line.a ?? undefined)} / ${formatValue(line.b ?? undefined)})`,
            )
            .join('; ')}
        </span>
      )}
    </li>
  );
}

/** The cluster task pane: member table, edges' evidence, decisions. */
export function ClusterTask(props: ClusterTaskProps) {
  const { task } = props;
  const members = task.members ?? [];
  const edges = task.edges ?? [];
  const [splitIds, setSplitIds] = useState<Set<string>>(new Set());
  const names = new Map(members.map((m) => [m.goldenId, memberName(m, m.goldenId)]));
  const identifierNames = [...new Set(members.flatMap((m) => m.records.flatMap((r) => Object.keys(r.identifiers))))].sort();
  const toggle = (goldenId: string): void => {
    const next = new Set(splitIds);
    if (next.has(goldenId)) next.delete(goldenId);
    else next.add(goldenId);
    setSplitIds(next);
  };
  const staying = members.length - splitIds.size;
  const reason = (fallback: string): string => props.reason || fallback;
  const split = (mergeRest: boolean): void =>
    props.onAct(
      'split',
      { goldenIds: [...splitIds], mergeRest, reason: reason('Split off by steward: not the same organisation') },
      mergeRest
        ? `Split off ${splitIds.size}; the other ${staying} merged.`
        : `Split off ${splitIds.size}; ${staying} stay in the cluster.`,
    );

  return (
    <div className="cluster-task">
      <p className="match-summary">
        <strong>{members.length}</strong> records look like one {task.domain} · strongest link <strong>{formatScore(task.score)}</strong> ·{' '}
        {edges.length} links
      </p>
      <table className="data-table compact" aria-label="Cluster members">
        <thead>
          <tr>
            {props.canDecide && <th>Split off</th>}
            <th>Name</th>
            {identifierNames.map((name) => (
              <th key={name}>{name}</th>
            ))}
            <th>Source</th>
            <th>Golden record</th>
          </tr>
        </thead>
        <tbody>
          {members.flatMap((member) =>
            member.records.map((record, index) => (
              <tr key={record.sourceRecordId} className={splitIds.has(member.goldenId) ? 'differs' : undefined}>
                {props.canDecide && (
                  <td>
                    {index === 0 && (
                      <input
                        type="checkbox"
                        aria-label={`Split off ${record.name ?? member.goldenId}`}
                        checked={splitIds.has(member.goldenId)}
                        onChange={() => toggle(member.goldenId)}
                      />
                    )}
                  </td>
                )}
                <td>{record.name ?? '—'}</td>
                {identifierNames.map((name) => (
                  <td key={name} className="mono">
                    {formatValue(record.identifiers[name] ?? undefined)}
                  </td>
                ))}
                <td>
                  {record.source} <span className="muted mono">{record.sourceId}</span>
                </td>
                <td>{index === 0 && <a href={hrefOf(['golden', task.domain, member.goldenId])}>{member.goldenId}</a>}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      <details className="cluster-evidence" open={edges.length <= 12}>
        <summary>Evidence ({edges.length} links)</summary>
        <ul aria-label="Cluster evidence">
          {edges.map((edge) => (
            <EdgeEvidence key={`${edge.a}~${edge.b}`} edge={edge} names={names} />
          ))}
        </ul>
      </details>
      {props.canDecide && (
        <div className="decision-bar" aria-label="Cluster decisions">
          <button
            type="button"
            className="button-primary"
            disabled={props.isBusy || splitIds.size > 0}
            onClick={() =>
              props.onAct(
                'accept-cluster',
                { reason: reason('Same organisation: confirmed by steward') },
                `Merged ${members.length} records into one.`,
              )
            }
          >
            Accept all ({members.length})
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={props.isBusy || splitIds.size === 0 || staying === 0}
            onClick={() => split(false)}
          >
            Split off {splitIds.size}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={props.isBusy || splitIds.size === 0 || staying < 2}
            onClick={() => split(true)}
          >
            Split off {splitIds.size}, merge the other {staying}
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={props.isBusy}
            onClick={() =>
              props.onAct('reject', { reason: reason('Different organisations: confirmed by steward') }, 'Marked: none of them match.')
            }
          >
            Reject all
          </button>
        </div>
      )}
    </div>
  );
}
