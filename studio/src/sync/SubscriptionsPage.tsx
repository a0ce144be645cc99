/**
 * Downstream sync in the studio: the subscriptions with their health at a glance, a form for a new one
 * (its signing secret is shown once, right after creation), and one subscription's page (`#/sync/<id>`).
 */
import { useState } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { hrefOf, navigate } from '../app/route';
import { useAbility, useSession } from '../app/SessionContext';
import { useLoad } from '../app/useLoad';
import type { BodyOf } from '../api/client';
import { formatWhen } from '../ui/format';
import { SecretOnce } from './SecretOnce';
import { SubscriptionDetail } from './SubscriptionDetail';
import { SUBSCRIPTION_FORM_FIELDS, SubscriptionForm } from './SubscriptionForm';
import { isPlacedByFields } from '../ui/fieldErrors';
import { destinationOf } from './syncFormat';
import { TargetIdLookup } from './TargetIdLookup';

/** `#/sync` (list), `#/sync/new`, `#/sync/<id>` (one subscription; `?delivery=<id>` inspects a delivery). */
export function SubscriptionsPage(props: { segments: string[]; query: URLSearchParams }) {
  const [first] = props.segments;
  if (first !== undefined && first !== 'new') return <SubscriptionDetail id={first} query={props.query} />;
  return <SubscriptionList isCreating={first === 'new'} />;
}

function SubscriptionList(props: { isCreating: boolean }) {
  const { client } = useSession();
  const canWrite = useAbility('subscriptions.write');
  const canReadGolden = useAbility('golden.read');
  const list = useLoad(() => client.call('listSubscriptions'), [client]);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<{ id: string; name: string; secret: string } | null>(null);

  const create = async (body: Record<string, unknown>): Promise<void> => {
    setError(null);
    try {
      // The form assembles the body field by field; the server validates it (400 naming the field).
      const result = await client.call('createSubscription', { body: body as BodyOf<'createSubscription'> });
      setCreated({ id: result.id, name: result.name, secret: result.secret });
      list.reload();
      navigate(hrefOf(['sync']));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>Downstream sync</h1>
          <p className="muted">
            Subscriptions push every golden-record change to a downstream system, in its own format, signed, retried and replayable.
          </p>
        </div>
        {canWrite && !props.isCreating && (
          <div className="header-controls">
            <a className="button-primary" href={hrefOf(['sync', 'new'])}>
              New subscription
            </a>
          </div>
        )}
      </header>
      {/* A refusal the form places by its fields is not repeated here. */}
      {((isPlacedByFields(error, SUBSCRIPTION_FORM_FIELDS) ? null : error) ?? list.error) !== null && (
        <ErrorNotice
          error={(isPlacedByFields(error, SUBSCRIPTION_FORM_FIELDS) ? null : error) ?? list.error}
          onDismiss={() => setError(null)}
        />
      )}
      {created !== null && (
        <SecretOnce
          secret={created.secret}
          title={`Subscription "${created.name}" created`}
          onDone={() => navigate(hrefOf(['sync', created.id]))}
          doneLabel="Open it"
        />
      )}
      {props.isCreating && canWrite && (
        <SubscriptionForm submitLabel="Create subscription" error={error} onSubmit={create} onCancel={() => navigate(hrefOf(['sync']))} />
      )}
      <table className="data-table" aria-label="Subscriptions">
        <thead>
          <tr>
            <th>Name</th>
            <th>Domains</th>
            <th>Destination</th>
            <th>Status</th>
            <th>Updated</th>
          </tr>
        </thead>
        <tbody>
          {(list.data?.items ?? []).map((subscription) => (
            <tr key={subscription.id}>
              <td>
                <a href={hrefOf(['sync', subscription.id])}>{subscription.name}</a>
              </td>
              <td>{subscription.domains.join(', ')}</td>
              <td className="mono">{destinationOf(subscription)}</td>
              <td>
                <span className={subscription.status === 'active' ? 'badge' : 'badge badge-warning'}>{subscription.status}</span>
              </td>
              <td className="muted">{formatWhen(subscription.updatedAt)}</td>
            </tr>
          ))}
          {!list.isLoading && (list.data?.items ?? []).length === 0 && (
            <tr>
              <td colSpan={5} className="muted empty-row">
                No subscriptions yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {canReadGolden && <TargetIdLookup subscriptions={list.data?.items ?? []} />}
    </section>
  );
}
