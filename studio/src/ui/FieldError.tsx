/** An error message under a form control (its id goes in the control's `aria-describedby`: see `invalidProps`). */
import { fieldError, type FieldErrorSource, type FieldKey } from './fieldErrors';

/** Renders the message `error` has for `field`, if any. */
export function FieldError(props: { id: string; error: FieldErrorSource; field: FieldKey }) {
  const message = fieldError(props.error, props.field);
  return message === null ? null : (
    <span id={props.id} className="field-error" role="alert">
      {message}
    </span>
  );
}
