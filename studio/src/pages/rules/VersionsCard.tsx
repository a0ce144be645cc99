import { formatWhen } from '../../ui/format';

/** One published version of a rule set or an alias table, as their versions lists return it. */
export interface PublishedVersionRow {
  number: number;
  isCurrent?: boolean;
  rulesVersion: string;
  createdAt: string;
  author: { name?: string | null };
  note?: string | null;
}

/** The versions card shared by the rules and alias-table pages: newest first, with roll back for writers. */
export function VersionsCard(props: {
  label: string;
  items: readonly PublishedVersionRow[];
  canWrite: boolean;
  onRollback: (number: number) => void | Promise<void>;
}) {
  return (
    <div className="card">
      <h2>Versions</h2>
      <table className="data-table compact" aria-label={props.label}>
        <tbody>
          {props.items.map((item) => (
            <tr key={item.number}>
              <td>
                v{item.number} {item.isCurrent && <span className="badge">current</span>}
              </td>
              <td className="muted">{item.rulesVersion}</td>
              <td className="muted">
                {formatWhen(item.createdAt)} · {item.author.name ?? ''}
              </td>
              <td className="muted">{item.note ?? ''}</td>
              <td>
                {props.canWrite && !item.isCurrent && (
                  <button type="button" className="button-ghost" onClick={() => void props.onRollback(item.number)}>
                    Roll back
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
