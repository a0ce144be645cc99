/** The reason field and the decision buttons under an open task (with their keys). */
export function DecisionBar(props: {
  reason: string;
  onReason: (reason: string) => void;
  isBusy: boolean;
  /** Merge and Not a match: potential matches only; merge needs a candidate that still exists. */
  pairActions?: { canMerge: boolean; onMerge: () => void; onNotAMatch: () => void };
  onSkip: () => void;
}) {
  const { pairActions } = props;
  return (
    <div className="decision-bar">
      <input
        aria-label="Reason"
        placeholder="Reason (kept in the audit log)"
        value={props.reason}
        onChange={(event) => props.onReason(event.target.value)}
      />
      {pairActions !== undefined && (
        <>
          <button
            type="button"
            className="button-primary"
            disabled={props.isBusy || !pairActions.canMerge}
            onClick={pairActions.onMerge}
            title="m"
          >
            Merge <kbd>m</kbd>
          </button>
          <button type="button" className="button-secondary" disabled={props.isBusy} onClick={pairActions.onNotAMatch} title="n">
            Not a match <kbd>n</kbd>
          </button>
        </>
      )}
      <button type="button" className="button-ghost" disabled={props.isBusy} onClick={props.onSkip} title="s">
        Skip <kbd>s</kbd>
      </button>
    </div>
  );
}
