/** Preview: exactly what the subscription would send for a chosen golden record (nothing is sent). */
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { PreviewMessageView, SubscriptionPreviewView, SubscriptionView } from '../../../server/contracts/subscriptions';
import { ErrorNotice } from '../app/ErrorNotice';
import { useSession } from '../app/SessionContext';

function Messages(props: { label: string; messages: PreviewMessageView[] }) {
  return (
    <div aria-label={props.label}>
      <h3>{props.label}</h3>
      {props.messages.map((message) => (
        <div key={message.id}>
          <p className="muted">
            <span className="mono">{message.id}</span> · {message.event} · {message.contentType ?? '—'}
          </p>
          {message.failure ? (
            <p className="notice notice-warning">{message.failure.message}</p>
          ) : (
            <pre className="payload">{message.body ?? '(hidden: sensitive values, admins only)'}</pre>
          )}
        </div>
      ))}
    </div>
  );
}

export function PreviewCard(props: { subscription: SubscriptionView }) {
  const { client } = useSession();
  const [goldenId, setGoldenId] = useState('');
  const [preview, setPreview] = useState<SubscriptionPreviewView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(null);
    try {
      setPreview(await client.call('previewSubscription', { params: { id: props.subscription.id }, body: { goldenId: goldenId.trim() } }));
    } catch (err) {
      setPreview(null);
      setError(err);
    }
  };
  return (
    <div className="card" aria-label="Preview">
      <h2>Preview a message</h2>
      <form className="field-inline" onSubmit={(event) => void submit(event)}>
        <input
          aria-label="Golden record id"
          className="grow mono"
          value={goldenId}
          onChange={(event) => setGoldenId(event.target.value)}
          placeholder={`${props.subscription.domains[0] ?? 'supplier'}-…`}
        />
        <button type="submit" className="button-secondary" disabled={goldenId.trim() === ''}>
          Preview
        </button>
      </form>
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {preview && (
        <>
          <p className="muted">
            Latest change of {preview.goldenId}: {preview.change.type}, version {preview.change.version} (cursor {preview.change.cursor}).
          </p>
          {preview.liveSkipped ? (
            <p className="notice notice-warning">{preview.liveSkipped}</p>
          ) : (
            <Messages label="Sent live" messages={preview.live} />
          )}
          {preview.snapshot.length > 0 && <Messages label="Sent by a backfill" messages={preview.snapshot} />}
        </>
      )}
    </div>
  );
}
