/** The stored mapping's status line and actions: save draft, run tests, what changes, publish. */
import type { MappingView } from '../../../../server/contracts/mappings';
import { formatWhen } from '../../ui/format';

export interface MappingToolbarProps {
  view: MappingView | null;
  isNew: boolean;
  isDirty: boolean;
  /** The mapping could not be read (the error is shown above): never say "loading…" then. */
  hasLoadError?: boolean;
  busy: string;
  canWrite: boolean;
  canPublish: boolean;
  onSave: () => void;
  onRunTests: () => void;
  onPublish: () => void;
}

/** Status badges and action buttons of the mapping editor. */
export function MappingToolbar(props: MappingToolbarProps) {
  const { view } = props;
  const state = props.isNew ? 'new — not saved yet' : view === null ? (props.hasLoadError ? 'could not be loaded' : 'loading…') : view.draft === null ? 'no draft' : `draft r${view.draft.revision} · saved ${formatWhen(view.draft.updatedAt)} by ${view.draft.updatedBy.name}`;
  return (
    <div className="toolbar mapping-toolbar">
      <span className={view?.status === 'published' ? 'badge' : 'badge badge-warning'}>{view?.status ?? 'new'}</span>
      <span>{view?.publishedVersion === null || view === null ? 'not published' : `published v${view.publishedVersion}`}</span>
      <span className="muted draft-state" data-testid="draft-state" title={state}>
        {state}
        {props.isDirty && <strong className="unsaved"> · unsaved changes</strong>}
      </span>
      {props.busy !== '' && <span className="muted" role="status">{props.busy}</span>}
      {props.canWrite && (
        <button type="button" className="button-secondary" onClick={props.onSave} disabled={props.busy !== ''} title="Ctrl/Cmd+S">
          Save draft <kbd>Ctrl S</kbd>
        </button>
      )}
      <button type="button" className="button-secondary" onClick={props.onRunTests} disabled={props.busy !== ''} title="Ctrl/Cmd+Enter">
        Run tests <kbd>Ctrl ↵</kbd>
      </button>
      {props.canPublish && (
        <button type="button" className="button-primary" onClick={props.onPublish} disabled={props.busy !== ''}>
          Publish
        </button>
      )}
    </div>
  );
}
