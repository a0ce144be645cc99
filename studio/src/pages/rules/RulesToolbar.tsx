/** The rules editor's status (published version, draft state, unsaved changes, the action running) and its actions. */
import type { OperationResponse } from '../../../../server/contracts/operations';

export function RulesToolbar(props: {
  view: OperationResponse<'getMatchingRules'> | null;
  isDirty: boolean;
  busy: string;
  canWrite: boolean;
  canPreview: boolean;
  /** Actions wait for a valid rule set. */
  isValid: boolean;
  onSave: () => void;
  onPreview: () => void;
  onPublish: () => void;
}) {
  const { view, busy } = props;
  const published = view?.published;
  const isDisabled = busy !== '' || !props.isValid;
  return (
    <div className="toolbar mapping-toolbar">
      <span className="badge">{published ? `v${published.number} · ${published.rulesVersion}` : 'not published'}</span>
      <span className="muted draft-state" data-testid="rules-state">
        {view?.draft ? `draft r${view.draft.revision} (${view.draftState})` : 'no draft'}
        {props.isDirty && <strong className="unsaved"> · unsaved changes</strong>}
      </span>
      {busy !== '' && (
        <span className="muted" role="status">
          {busy}
        </span>
      )}
      {props.canWrite && (
        <button type="button" className="button-secondary" disabled={isDisabled} onClick={props.onSave}>
          Save draft
        </button>
      )}
      {props.canPreview && (
        <button type="button" className="button-secondary" disabled={isDisabled} onClick={props.onPreview}>
          Impact preview
        </button>
      )}
      {props.canWrite && (
        <button type="button" className="button-primary" disabled={isDisabled} onClick={props.onPublish}>
          Publish
        </button>
      )}
    </div>
  );
}
