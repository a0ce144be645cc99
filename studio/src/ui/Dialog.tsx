/**
 * The studio's one in-page dialog (instead of the browser's prompt and confirm dialogs): a native
 * `<dialog>` opened with `showModal()`, so the rest of the page is inert and focus stays inside it
 * (it starts on the first control: the text field, or Cancel when there is none);
 * Escape or Cancel answers `null`; it is labelled by its title and described by its message.
 * Pages (and the navigation guard, which is not a component) call `askInPage()`; `<DialogHost />`,
 * mounted once by the app, shows one request at a time. With `onConfirm` the dialog performs the action
 * itself and stays open on a refusal: the server's message for `inputField` is shown by the text field
 * (aria-invalid / aria-describedby), any other refusal inside the dialog.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { ErrorNotice } from '../app/ErrorNotice';
import { fieldError, isPlacedByFields } from './fieldErrors';

export interface DialogRequest {
  title: string;
  message?: string;
  /** With a label the dialog asks for a text (a reason); the answer is that text, never empty. */
  inputLabel?: string;
  defaultValue?: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** Runs the action with the answer before the dialog closes; a rejection keeps the dialog open with the error. */
  onConfirm?: (answer: string) => Promise<void>;
  /** The request field the text is sent as (e.g. `reason`), so a refusal naming it is placed by the text field. */
  inputField?: string;
}

interface Pending {
  id: number;
  request: DialogRequest;
  resolve: (answer: string | null) => void;
}

let queue: Pending[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: Pending[]): void {
  queue = next;
  for (const listener of listeners) listener();
}

/** Shows `request` in the page; resolves with the typed text ('' for a plain confirmation) or `null` when cancelled. */
export function askInPage(request: DialogRequest): Promise<string | null> {
  return new Promise((resolve) => publish([...queue, { id: nextId++, request, resolve }]));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Renders the oldest open request; mount once near the root. */
export function DialogHost() {
  const current = useSyncExternalStore(subscribe, () => queue[0] ?? null);
  if (current === null) return null;
  const answer = (value: string | null): void => {
    publish(queue.filter((entry) => entry !== current));
    current.resolve(value);
  };
  return <RequestDialog key={current.id} request={current.request} onAnswer={answer} />;
}

function RequestDialog(props: { request: DialogRequest; onAnswer: (answer: string | null) => void }) {
  const { request, onAnswer } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [value, setValue] = useState(request.defaultValue ?? '');
  const [isEmpty, setIsEmpty] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const asksText = request.inputLabel !== undefined;
  const inputField = request.inputField ?? '';
  const serverMessage = asksText && inputField !== '' ? fieldError(refusal, inputField) : null;
  const isInvalid = isEmpty || serverMessage !== null;

  const confirm = async (answer: string): Promise<void> => {
    if (request.onConfirm === undefined) {
      onAnswer(answer);
      return;
    }
    setIsBusy(true);
    setRefusal(null);
    try {
      await request.onConfirm(answer);
      onAnswer(answer);
    } catch (error) {
      setRefusal(error);
      setIsBusy(false);
    }
  };

  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="in-page-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={request.message !== undefined ? `${id}-message` : undefined}
      onKeyDown={(event) => {
        // A modal dialog makes the page inert, but Tab may still leave for the browser's own UI: cycle inside.
        if (event.key !== 'Tab') return;
        const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('input, button, select, textarea')];
        const first = controls[0];
        const last = controls[controls.length - 1];
        if (first === undefined || last === undefined) return;
        if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
          event.preventDefault();
          (event.shiftKey ? last : first).focus();
        }
      }}
      onCancel={(event) => {
        // Escape: answer ourselves so the page never sees a dialog closed behind its back.
        event.preventDefault();
        onAnswer(null);
      }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (asksText && value.trim() === '') {
            setIsEmpty(true);
            return;
          }
          void confirm(asksText ? value.trim() : '');
        }}
      >
        <h2 id={`${id}-title`}>{request.title}</h2>
        {request.message !== undefined && <p id={`${id}-message`}>{request.message}</p>}
        {refusal !== null && !(inputField !== '' && isPlacedByFields(refusal, [inputField])) && <ErrorNotice error={refusal} />}
        {asksText && (
          <label className="dialog-field">
            <span>{request.inputLabel}</span>
            <input
              value={value}
              aria-invalid={isInvalid || undefined}
              aria-describedby={isInvalid ? `${id}-error` : undefined}
              onChange={(event) => {
                setValue(event.target.value);
                setIsEmpty(false);
                setRefusal(null);
              }}
            />
            {isInvalid && (
              <span id={`${id}-error`} className="field-error" role="alert">
                {isEmpty ? `Enter ${request.inputLabel?.toLowerCase()}: it is kept in the audit log.` : serverMessage}
              </span>
            )}
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" className="button-ghost" onClick={() => onAnswer(null)}>
            {request.cancelLabel ?? 'Cancel'}
          </button>
          <button type="submit" className="button-primary" disabled={isBusy}>
            {request.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
