/**
 * A subscription's deliveries, newest change first and refreshed while open: filter by status, inspect
 * one (its message and each attempt's exact request and answer), replay one, replay all parked (or
 * delivered) since a time, rewind the cursor.
 */
import { useState } from 'react';
import type { DeliveryAttemptView, SubscriptionView } from '../../../server/contracts/subscriptions';
import { DELIVERY_STATUSES } from '../../../server/contracts/subscriptions';
import { ErrorNotice } from '../app/ErrorNotice';
import { useSession } from '../app/SessionContext';
import { useLoad } from '../app/useLoad';
import type { QueryOf } from '../api/client';
import { formatWhen } from '../ui/format';
import { useBusyAction } from '../ui/useBusyAction';
import { useAutoRefresh } from './useAutoRefresh';

function Attempt(props: { attempt: DeliveryAttemptView; index: number }) {
  const { attempt } = props;
  return (
    <details className="attempt" open={props.index === 0}>
      <summary>
        {formatWhen(attempt.at)} · <strong>{attempt.outcome}</strong> ·{' '}
        {attempt.response ? `HTTP ${attempt.response.status}` : (attempt.error ?? '')} · {attempt.durationMs} ms
      </summary>
      <h4>Request</h4>
      <pre className="payload" aria-label="Request">
        {`${attempt.request.method} ${attempt.request.url}\n${Object.entries(attempt.request.headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n')}`}
      </pre>
      <h4>Answer</h4>
      {attempt.response ? (
        <pre className="payload" aria-label="Response">
          {`HTTP ${attempt.response.status}\n${Object.entries(attempt.response.headers)
            .map(([name, value]) => `${name}: ${value}`)
            .join('\n')}\n\n${attempt.response.body}`}
        </pre>
      ) : (
        <p className="muted">{attempt.error ?? 'No answer.'}</p>
      )}
    </details>
  );
}

export function DeliveriesPanel(props: {
  subscription: SubscriptionView;
  openId?: string;
  status?: string;
  canReplay: boolean;
  onOpen: (query: Record<string, string | undefined>) => void;
  onChanged: () => void;
}) {
  const { client } = useSession();
  const subscriptionId = props.subscription.id;
  const list = useLoad(
    () =>
      client.call('listDeliveries', {
        params: { id: subscriptionId },
        query: { status: props.status, limit: 100 } as QueryOf<'listDeliveries'>,
      }),
    [client, subscriptionId, props.status],
  );
  const detail = useLoad(
    props.openId === undefined
      ? null
      : () => client.call('getDelivery', { params: { id: subscriptionId, deliveryId: props.openId as string } }),
    [client, subscriptionId, props.openId],
  );
  useAutoRefresh(list.reload);
  const action = useBusyAction();
  const [since, setSince] = useState(() => new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 16));
  const [replayStatus, setReplayStatus] = useState<'parked' | 'delivered'>('parked');
  const [discardReason, setDiscardReason] = useState('');
  const [rewindTo, setRewindTo] = useState('');
  const refresh = (): void => {
    list.reload();
    detail.reload();
    props.onChanged();
  };
  const replayOne = (id: string) =>
    action.run('replay', async () => {
      await client.call('replayDelivery', { params: { id: subscriptionId, deliveryId: id }, body: { reason: 'replayed from the studio' } });
      refresh();
      return `Delivery ${id} queued again with the same webhook-id.`;
    });
  const discardOne = (id: string) =>
    action.run('discard', async () => {
      await client.call('discardDelivery', { params: { id: subscriptionId, deliveryId: id }, body: { reason: discardReason } });
      setDiscardReason('');
      refresh();
      return 'Discarded: it will not be sent; the record’s later events go on.';
    });
  const replaySince = () =>
    action.run('replay-bulk', async () => {
      const result = await client.call('replayDeliveries', {
        params: { id: subscriptionId },
        body: { since: new Date(since).toISOString(), status: replayStatus, reason: 'bulk replay from the studio' },
      });
      refresh();
      return `${result.replayed} ${replayStatus} deliveries queued again.`;
    });
  const rewind = () =>
    action.run('rewind', async () => {
      const target = rewindTo.trim();
      const isCursor = /^\d+$/.test(target);
      if (!isCursor && Number.isNaN(Date.parse(target)))
        throw new Error(`Rewind to: "${target}" is neither a change cursor (digits) nor a time such as 2026-12-01T00:00Z.`);
      const body = isCursor ? { cursor: target } : { at: new Date(target).toISOString() };
      const result = await client.call('rewindSubscription', {
        params: { id: subscriptionId },
        body: { ...body, reason: 'rewound from the studio' },
      });
      refresh();
      return `Cursor moved from ${result.previousCursor ?? 'the start'} to ${result.cursor ?? 'the start'}: later changes are sent again.`;
    });

  const open = detail.data;
  return (
    <div className="card" aria-label="Deliveries">
      <h2>Deliveries</h2>
      {action.error !== null && <ErrorNotice error={action.error} onDismiss={action.clearError} />}
      {action.notice !== '' && (
        <p className="notice notice-success" role="status">
          {action.notice}
        </p>
      )}
      <div className="chip-group" aria-label="By status">
        <button
          type="button"
          className={props.status ? 'chip' : 'chip active'}
          onClick={() => props.onOpen({ status: undefined, delivery: props.openId })}
        >
          all
        </button>
        {DELIVERY_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            className={props.status === status ? 'chip active' : 'chip'}
            onClick={() => props.onOpen({ status, delivery: props.openId })}
          >
            {status}
          </button>
        ))}
      </div>
      {props.canReplay && (
        <div className="toolbar">
          <label className="field-inline">
            Replay all
            <select
              aria-label="Replay status"
              value={replayStatus}
              onChange={(event) => setReplayStatus(event.target.value as 'parked' | 'delivered')}
            >
              <option value="parked">parked</option>
              <option value="delivered">delivered</option>
            </select>
            since
            <input aria-label="Replay since" type="datetime-local" value={since} onChange={(event) => setSince(event.target.value)} />
          </label>
          <button type="button" className="button-secondary" disabled={action.busy !== ''} onClick={() => void replaySince()}>
            Replay
          </button>
          <label className="field-inline">
            Rewind to
            <input
              aria-label="Rewind to"
              value={rewindTo}
              onChange={(event) => setRewindTo(event.target.value)}
              placeholder="cursor or 2026-12-01T00:00Z"
            />
          </label>
          <button
            type="button"
            className="button-secondary"
            disabled={action.busy !== '' || rewindTo.trim() === ''}
            onClick={() => void rewind()}
          >
            Rewind
          </button>
        </div>
      )}
      <div className={props.openId ? 'split split-detail' : 'split'}>
        <table className="data-table compact" aria-label="Delivery list">
          <thead>
            <tr>
              <th>Change</th>
              <th>Record</th>
              <th>Event</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {(list.data?.items ?? []).map((delivery) => (
              <tr key={delivery.id} className={delivery.id === props.openId ? 'active' : undefined}>
                <td>
                  <button
                    type="button"
                    onClick={() => props.onOpen({ status: props.status, delivery: delivery.id })}
                    className="mono link-button"
                  >
                    {delivery.cursor.replace(/^0+/, '')}
                  </button>
                </td>
                <td className="mono">
                  {delivery.goldenId} v{delivery.version}
                </td>
                <td>{delivery.event}</td>
                <td>
                  <span className={delivery.status === 'delivered' ? 'badge' : 'badge badge-warning'}>{delivery.status}</span>
                </td>
                <td>{delivery.attempts}</td>
                <td className="muted">{formatWhen(delivery.deliveredAt ?? delivery.parkedAt ?? delivery.createdAt)}</td>
              </tr>
            ))}
            {!list.isLoading && (list.data?.items ?? []).length === 0 && (
              <tr>
                <td colSpan={6} className="muted empty-row">
                  No deliveries{props.status ? ` ${props.status}` : ''} yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {props.openId !== undefined && (
          <div className="detail" aria-label="Delivery">
            {detail.error !== null && <ErrorNotice error={detail.error} />}
            {open !== null && (
              <>
                <header className="detail-header">
                  <div>
                    <h3 className="mono">{open.id}</h3>
                    <p className="muted">
                      {open.status} · {open.event} · {open.goldenId} v{open.version} · {open.attempts} attempts
                      {open.correlationId ? ` · correlation ${open.correlationId}` : ''}
                      {open.nextAttemptAt ? ` · next attempt ${formatWhen(open.nextAttemptAt)}` : ''}
                    </p>
                  </div>
                  {props.canReplay && open.status !== 'pending' && (
                    <button type="button" className="button-primary" disabled={action.busy !== ''} onClick={() => void replayOne(open.id)}>
                      Replay
                    </button>
                  )}
                </header>
                {props.canReplay && open.status === 'parked' && (
                  <div className="inline-form" aria-label="Discard">
                    <label>
                      Discard (never send it) — reason{' '}
                      <input
                        aria-label="Discard reason"
                        value={discardReason}
                        onChange={(event) => setDiscardReason(event.target.value)}
                        maxLength={500}
                      />
                    </label>{' '}
                    <button
                      type="button"
                      className="button-secondary"
                      disabled={action.busy !== '' || discardReason.trim() === ''}
                      onClick={() => void discardOne(open.id)}
                    >
                      Discard
                    </button>
                  </div>
                )}
                {open.failure && <p className="notice notice-warning">{open.failure.message}</p>}
                <h4>Message ({open.contentType ?? '—'})</h4>
                <pre className="payload" aria-label="Message">
                  {open.body ?? '(hidden: sensitive values, admins only)'}
                </pre>
                <h4>Attempts (newest first)</h4>
                {[...(open.attemptLog ?? [])].reverse().map((attempt, index) => (
                  <Attempt key={`${attempt.at}-${index}`} attempt={attempt} index={index} />
                ))}
              </>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
