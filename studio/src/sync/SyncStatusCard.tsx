/** A golden record's sync status per subscriber: last version delivered, when, and the target system's id. */
import { ErrorNotice } from '../app/ErrorNotice';
import { hrefOf } from '../app/route';
import { useAbility, useSession } from '../app/SessionContext';
import { useLoad } from '../app/useLoad';
import { formatWhen } from '../ui/format';

export function SyncStatusCard(props: { goldenId: string; currentVersion?: number }) {
  const { client } = useSession();
  const canOpenSync = useAbility('subscriptions.read');
  const status = useLoad(() => client.call('getSyncStatus', { params: { goldenId: props.goldenId } }), [client, props.goldenId]);
  const items = status.data?.items ?? [];
  return (
    <div className="card" aria-label="Sync status">
      <h2>Downstream sync</h2>
      {status.error !== null && <ErrorNotice error={status.error} />}
      {!status.isLoading && items.length === 0 && <p className="muted">Not delivered to any subscriber yet.</p>}
      {items.length > 0 && (
        <table className="data-table compact" aria-label="Sync status per subscriber">
          <thead>
            <tr>
              <th>Subscriber</th>
              <th>Last version delivered</th>
              <th>When</th>
              <th>Target id</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.subscriptionId}>
                <td>
                  {canOpenSync ? (
                    <a href={hrefOf(['sync', item.subscriptionId], { delivery: item.deliveryId })}>
                      {item.subscriptionName ?? item.subscriptionId}
                    </a>
                  ) : (
                    (item.subscriptionName ?? item.subscriptionId)
                  )}
                </td>
                <td>
                  v{item.lastVersion}
                  {props.currentVersion !== undefined && item.lastVersion < props.currentVersion && (
                    <span className="badge badge-warning">behind (v{props.currentVersion})</span>
                  )}
                </td>
                <td className="muted">{formatWhen(item.deliveredAt)}</td>
                <td className="mono">{item.targetId === null ? '—' : `${item.system ?? '?'}: ${item.targetId}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
