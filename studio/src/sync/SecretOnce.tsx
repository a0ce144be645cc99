/** A signing secret shown once (after creation or rotation): the server never shows it again. */
export function SecretOnce(props: { title: string; secret: string; onDone: () => void; doneLabel: string }) {
  return (
    <div className="notice notice-success secret-once" role="status" aria-label="Signing secret">
      <strong>{props.title}.</strong> Copy the signing secret now — it is shown only this once (receivers verify each message's{' '}
      <code>webhook-signature</code> with it):
      <pre className="payload mono" data-testid="signing-secret">
        {props.secret}
      </pre>
      <button type="button" className="button-secondary" onClick={props.onDone}>
        {props.doneLabel}
      </button>
    </div>
  );
}
