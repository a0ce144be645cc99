/**
 * One subscription: its health in business terms (lag, delivered / failed / parked, p95, last error,
 * refreshed every few seconds), its settings (edit, pause / resume, rotate the secret), a preview of
 * exactly what it would send for a chosen golden record, and its deliveries — inspect one (the exact
 * request and answer of each attempt), replay one or all failed since a time, rewind, backfill.
 */
import { useMemo, useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { hrefOf, navigate } from '../app/route';
import { useAbility, useSession } from '../app/SessionContext';
import { useLoad } from '../app/useLoad';
import type { BodyOf } from '../api/client';
import { formatWhen } from '../ui/format';
import { useBusyAction } from '../ui/useBusyAction';
import { DeliveriesPanel } from './DeliveriesPanel';
import { PreviewCard } from './PreviewCard';
import { SecretOnce } from './SecretOnce';
import { SUBSCRIPTION_FORM_FIELDS, SubscriptionForm } from './SubscriptionForm';
import { isPlacedByFields } from '../ui/fieldErrors';
import { changedFields, destinationOf, formatDuration } from './syncFormat';
import { useAutoRefresh } from './useAutoRefresh';

export function SubscriptionDetail(props: { id: string; query: URLSearchParams }) {
  const { client } = useSession();
  const canWrite = useAbility('subscriptions.write');
  const canReplay = useAbility('subscriptions.replay');
  const params = useMemo(() => ({ id: props.id }), [props.id]);
  const loaded = useLoad(() => client.call('getSubscription', { params }), [client, params]);
  useAutoRefresh(loaded.reload);
  const action = useBusyAction();
  const [isEditing, setIsEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const subscription = loaded.data;
  if (subscription === null)
    return (
      <section className="page">{loaded.error !== null ? <ErrorNotice error={loaded.error} /> : <p className="muted">Loading…</p>}</section>
    );
  const stats = subscription.stats;

  const act = <T,>(label: string, call: () => Promise<T>, done: (result: T) => string) =>
    action.run(label, async () => {
      const result = await call();
      loaded.reload();
      return done(result);
    });
  const save = async (form: Record<string, unknown>): Promise<void> => {
    const changes = changedFields(subscription as unknown as Record<string, unknown>, form);
    await action.run('save', async () => {
      if (Object.keys(changes).length === 0) return 'Nothing changed.';
      // The form assembles the changed fields; the server validates them (400 naming the field).
      await client.call('updateSubscription', {
        params,
        body: { ...changes, expectedVersion: subscription.version } as BodyOf<'updateSubscription'>,
      });
      setIsEditing(false);
      loaded.reload();
      return `Saved (version ${subscription.version + 1}).`;
    });
  };
  const rotate = () =>
    action.run('rotate', async () => {
      const result = await client.call('rotateSubscriptionSecret', { params, body: {} });
      setSecret(result.secret);
      loaded.reload();
      return 'The old secret keeps signing beside the new one for 24 hours.';
    });

  const remove = () =>
    action.run('delete', async () => {
      await client.call('deleteSubscription', { params });
      navigate(hrefOf(['sync']));
      return 'Deleted.';
    });

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <p className="muted">
            <a href={hrefOf(['sync'])}>Downstream sync</a> /
          </p>
          <h1>
            {subscription.name}{' '}
            <span className={subscription.status === 'active' ? 'badge' : 'badge badge-warning'} data-testid="subscription-status">
              {subscription.status}
            </span>
          </h1>
          <p className="muted">
            {subscription.domains.join(', ')} → <span className="mono">{destinationOf(subscription)}</span> · version {subscription.version}{' '}
            ·{' '}
            {subscription.outboundMapping
              ? `outbound mapping ${subscription.outboundMapping.target} (${subscription.outboundMapping.contentType})`
              : `standard event, ${subscription.payload}`}
            {subscription.responseMapping ? ` · response mapping ${subscription.responseMapping.target} (closed loop)` : ''}
            {subscription.includeSensitive ? ' · sensitive attributes sent unmasked' : ''}
          </p>
          {subscription.disabledReason && <p className="notice notice-warning">{subscription.disabledReason}</p>}
        </div>
        {canWrite && (
          <div className="header-controls">
            {subscription.status === 'active' ? (
              <button
                type="button"
                className="button-secondary"
                disabled={action.busy !== ''}
                onClick={() =>
                  void act(
                    'pause',
                    () => client.call('pauseSubscription', { params, body: {} }),
                    () => 'Paused: changes wait in the feed.',
                  )
                }
              >
                Pause
              </button>
            ) : (
              <button
                type="button"
                className="button-secondary"
                disabled={action.busy !== ''}
                onClick={() =>
                  void act(
                    'resume',
                    () => client.call('resumeSubscription', { params, body: {} }),
                    () => 'Resumed: what waited is being sent.',
                  )
                }
              >
                Resume
              </button>
            )}
            <button type="button" className="button-secondary" disabled={action.busy !== ''} onClick={() => setIsEditing(!isEditing)}>
              {isEditing ? 'Close editor' : 'Edit'}
            </button>
            <button type="button" className="button-secondary" disabled={action.busy !== ''} onClick={() => void rotate()}>
              Rotate secret
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={action.busy !== ''}
              onClick={() =>
                void act(
                  'backfill',
                  () => client.call('backfillSubscription', { params, body: { reason: 'from the studio' } }),
                  (r) => `Backfill run ${r.run} started: a snapshot of every active record, then live.`,
                )
              }
            >
              Backfill
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={action.busy !== '' || isConfirmingDelete}
              onClick={() => setIsConfirmingDelete(true)}
            >
              Delete
            </button>
          </div>
        )}
      </header>
      {isConfirmingDelete && (
        <div className="notice notice-warning" role="alertdialog" aria-label="Confirm deletion">
          <p>
            Delete “{subscription.name}”? It stops at once and its undelivered messages ({(stats?.pending ?? 0) + (stats?.parked ?? 0)}) are
            removed; its versions and audit stay.
          </p>
          <button type="button" className="button-primary" disabled={action.busy !== ''} onClick={() => void remove()}>
            Delete subscription
          </button>{' '}
          <button type="button" className="button-secondary" onClick={() => setIsConfirmingDelete(false)}>
            Keep it
          </button>
        </div>
      )}
      {(action.error ?? null) !== null && !(isEditing && isPlacedByFields(action.error, SUBSCRIPTION_FORM_FIELDS)) && (
        <ErrorNotice error={action.error} onDismiss={action.clearError} />
      )}
      {action.notice !== '' && (
        <p className="notice notice-success" role="status">
          {action.notice}
        </p>
      )}
      {secret !== null && (
        <SecretOnce title="New signing secret" secret={secret} onDone={() => setSecret(null)} doneLabel="I have copied it" />
      )}
      {isEditing && (
        <SubscriptionForm
          existing={subscription}
          submitLabel="Save changes"
          error={action.error}
          onSubmit={save}
          onCancel={() => setIsEditing(false)}
        />
      )}
      {stats && (
        <div className="stat-grid" aria-label="Delivery health">
          <Stat label="Lag" value={formatDuration(stats.lagSeconds * 1000)} hint="age of the oldest change not yet delivered" />
          <Stat label="Delivered" value={String(stats.delivered)} />
          <Stat label="Pending" value={String(stats.pending)} />
          <Stat label="Parked" value={String(stats.parked)} hint="dead letter: replay below" />
          <Stat label="Failed attempts" value={String(stats.failedAttempts)} />
          <Stat label="p95 latency" value={formatDuration(stats.p95LatencyMs)} hint="change → 2xx, last 200 deliveries" />
        </div>
      )}
      {stats?.lastError && (
        <p className="notice notice-warning" data-testid="last-error">
          Last error {formatWhen(stats.lastError.at)}: {stats.lastError.message} (
          <a href={hrefOf(['sync', subscription.id], { delivery: stats.lastError.deliveryId })}>{stats.lastError.deliveryId}</a>)
        </p>
      )}
      {stats?.backfill && (
        <p className="muted">
          Backfill run {stats.backfill.run}: {stats.backfill.planned} snapshots planned
          {stats.backfill.finishedAt ? `, finished ${formatWhen(stats.backfill.finishedAt)}` : ', running'}.
        </p>
      )}
      <PreviewCard subscription={subscription} />
      <DeliveriesPanel
        subscription={subscription}
        openId={props.query.get('delivery') ?? undefined}
        status={props.query.get('status') ?? undefined}
        canReplay={canReplay}
        onOpen={(query) => navigate(hrefOf(['sync', subscription.id], query))}
        onChanged={loaded.reload}
      />
    </section>
  );
}

function Stat(props: { label: string; value: string; hint?: string }) {
  return (
    <div className="stat" title={props.hint} aria-label={props.label}>
      <span className="stat-value">{props.value}</span>
      {props.label}
    </div>
  );
}
