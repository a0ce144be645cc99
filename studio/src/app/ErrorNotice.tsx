/** Shows an error readably: the server's message, then field-level details. */
import { describeError } from '../api/client';

/** A dismissible error panel for any caught error. */
export function ErrorNotice(props: { error: unknown; onDismiss?: () => void }) {
  const { title, lines } = describeError(props.error);
  return (
    <div className="notice notice-error" role="alert">
      <div className="notice-body">
        <strong>{title}</strong>
        {lines.length > 0 && (
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
      {props.onDismiss && (
        <button type="button" className="button-ghost" onClick={props.onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}
