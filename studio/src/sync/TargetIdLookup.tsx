/**
 * Closed loop, back: find the golden record a downstream system knows by its own id (the id its reply gave,
 * read by a subscription's response mapping) and open it. One match opens the record at once; several
 * subscribers of the same system are listed; none says so in the page.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SubscriptionView, TargetXrefView } from '../../../server/contracts/subscriptions';
import { ApiError } from '../api/client';
import { ErrorNotice } from '../app/ErrorNotice';
import { hrefOf, navigate } from '../app/route';
import { useSession } from '../app/SessionContext';
import { formatWhen } from '../ui/format';

function recordHref(item: TargetXrefView): string {
  return hrefOf(['golden', item.domain, item.currentGoldenId]);
}

export function TargetIdLookup(props: { subscriptions: SubscriptionView[] }) {
  const { client } = useSession();
  const [system, setSystem] = useState('');
  const [targetId, setTargetId] = useState('');
  const [found, setFound] = useState<TargetXrefView[] | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The systems that can answer: the targets of the subscriptions' response mappings.
  const systems = [...new Set(props.subscriptions.flatMap((s) => (s.responseMapping ? [s.responseMapping.target] : [])))].sort();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    setNotFound(null);
    setFound(null);
    const query = { system: system.trim(), targetId: targetId.trim() };
    try {
      const result = await client.call('findByTargetXref', { params: query });
      const [only] = result.items;
      if (result.items.length === 1 && only) navigate(recordHref(only));
      else setFound(result.items);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404)
        setNotFound(`No golden record is known to ${query.system} as "${query.targetId}".`);
      else setError(err);
    }
  };

  return (
    <div className="card" aria-label="Find by target id">
      <h2>Find a record by a target system's id</h2>
      <p className="muted">The id a downstream system gave a golden record in its reply (closed loop).</p>
      <form className="field-inline" onSubmit={(event) => void submit(event)}>
        <input
          aria-label="Target system"
          className="mono"
          list="target-systems"
          value={system}
          onChange={(event) => setSystem(event.target.value)}
          placeholder={systems[0] ?? 'workday'}
        />
        <datalist id="target-systems">
          {systems.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <input
          aria-label="Target id"
          className="grow mono"
          value={targetId}
          onChange={(event) => setTargetId(event.target.value)}
          placeholder="SUP-000123"
        />
        <button type="submit" className="button-secondary" disabled={system.trim() === '' || targetId.trim() === ''}>
          Find
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {notFound !== null && (
        <p className="notice notice-warning" role="status">
          {notFound}
        </p>
      )}
      {found !== null && found.length > 0 && (
        <table className="data-table compact" aria-label="Records known by this id">
          <thead>
            <tr>
              <th>Golden record</th>
              <th>Subscriber</th>
              <th>Last version delivered</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {found.map((item) => (
              <tr key={item.subscriptionId}>
                <td className="mono">
                  <a href={recordHref(item)}>{item.currentGoldenId}</a>
                  {item.currentGoldenId !== item.goldenId && <span className="muted"> (was {item.goldenId}, merged)</span>}
                </td>
                <td>{item.subscriptionName ?? item.subscriptionId}</td>
                <td>v{item.lastVersion}</td>
                <td className="muted">{formatWhen(item.deliveredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
