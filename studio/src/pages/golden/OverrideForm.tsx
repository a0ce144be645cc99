/** The override form under the attributes: a value (JSON or text) and a reason; a refusal is shown by the field it names. */
import { FieldError } from '../../ui/FieldError';
import { invalidProps } from '../../ui/fieldErrors';

export interface OverrideDraft {
  attribute: string;
  value: string;
  reason: string;
}

/** The fields the form places a refusal next to (the page shows any other refusal). */
export const OVERRIDE_FIELDS = ['value', 'reason'] as const;

export function OverrideForm(props: {
  draft: OverrideDraft;
  error: unknown;
  onChange: (draft: OverrideDraft) => void;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  const { draft, error } = props;
  return (
    <form
      className="override-form"
      aria-label="Override"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      <strong>Override {draft.attribute}</strong>
      <span className="field">
        <input
          aria-label="Override value (JSON or text)"
          {...invalidProps(error, 'value', 'override-value-error')}
          value={draft.value}
          onChange={(event) => props.onChange({ ...draft, value: event.target.value })}
        />
        <FieldError id="override-value-error" error={error} field="value" />
      </span>
      <span className="field">
        <input
          aria-label="Override reason"
          {...invalidProps(error, 'reason', 'override-reason-error')}
          placeholder="Reason (required)"
          value={draft.reason}
          onChange={(event) => props.onChange({ ...draft, reason: event.target.value })}
        />
        <FieldError id="override-reason-error" error={error} field="reason" />
      </span>
      <button type="submit" className="button-primary" disabled={draft.reason.trim() === ''}>
        Set override
      </button>
      <button type="button" className="button-ghost" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** The value the form's text stands for: JSON as typed, anything else as a string. */
export function overrideValueOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
