/** Sign-in with an API key; the key is checked against GET /api/v1/me before the studio opens. */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorNotice } from './ErrorNotice';

/** The sign-in screen; `onSubmit` resolves when the key works and rejects with the reason when not. */
export function SignIn(props: { onSubmit: (key: string) => Promise<void>; initialError?: unknown }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<unknown>(props.initialError ?? null);
  const [isChecking, setIsChecking] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (key.trim() === '') return;
    setIsChecking(true);
    setError(null);
    try {
      await props.onSubmit(key.trim());
    } catch (err) {
      setError(err);
      setIsChecking(false);
    }
  }

  return (
    <main className="signin">
      <form className="signin-card" onSubmit={(event) => void submit(event)}>
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          MDM Hub Studio
        </div>
        <p className="muted">Sign in with the API key an administrator issued to you. It is kept for this browser tab only.</p>
        <label className="field">
          <span>API key</span>
          <input
            type="password"
            autoComplete="off"
            // The sign-in page has this one field: focusing it is what every user, with or without a screen reader, expects.
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            spellCheck={false}
            value={key}
            onChange={(event) => setKey(event.target.value)}
            placeholder="mdm_…"
          />
        </label>
        {error !== null && <ErrorNotice error={error} />}
        <button type="submit" className="button-primary" disabled={isChecking || key.trim() === ''}>
          {isChecking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
