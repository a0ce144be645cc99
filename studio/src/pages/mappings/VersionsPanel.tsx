/** Published versions: the history, a side-by-side diff of any two (or of the draft), and rollback. */
import { useEffect, useState } from 'react';
import type { MappingVersionSummaryView } from '../../../../server/contracts/mappings';
import { ErrorNotice } from '../../app/ErrorNotice';
import { MonacoDiffEditor } from '../../editor/MonacoDiffEditor';
import { JSONATA_LANGUAGE_ID } from '../../jsonata/monarch';
import { askInPage } from '../../ui/Dialog';
import { formatWhen } from '../../ui/format';
import type { MappingDocument } from './useMappingDocument';

const DRAFT = 0;

/** The Versions tab; `draftExpression` is the editor's current text (compared as "draft"). */
export function VersionsPanel(props: { document: MappingDocument; draftExpression: string; canPublish: boolean; hasUnsavedChanges: boolean; onRolledBack: (version: number) => void }) {
  const { listVersions, getVersion, rollback } = props.document;
  const [versions, setVersions] = useState<MappingVersionSummaryView[]>([]);
  const [left, setLeft] = useState<number | null>(null);
  const [right, setRight] = useState<number>(DRAFT);
  const [texts, setTexts] = useState<Record<number, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    listVersions().then(
      (items) => {
        setVersions(items);
        setLeft((current) => current ?? items[0]?.version ?? null);
      },
      (err: unknown) => setError(err),
    );
  }, [listVersions, generation]);

  useEffect(() => {
    for (const version of [left, right]) {
      if (version === null || version === DRAFT || texts[version] !== undefined) continue;
      getVersion(version).then(
        (full) => setTexts((current) => ({ ...current, [version]: full.expression })),
        (err: unknown) => setError(err),
      );
    }
  }, [left, right, texts, getVersion]);

  const textOf = (version: number | null): string => (version === null ? '' : version === DRAFT ? props.draftExpression : (texts[version] ?? ''));
  const label = (version: number | null): string => (version === null ? '—' : version === DRAFT ? 'Draft (editor)' : `v${version}`);

  const doRollback = async (version: number): Promise<void> => {
    const reason = await askInPage({
      title: `Roll back to v${version}`,
      message: `Publishes v${version} again as a new version.${
        props.hasUnsavedChanges ? ' The editor has unsaved changes: after the rollback it shows what the server holds, and those changes are lost.' : ''
      }`,
      inputLabel: 'Reason',
      defaultValue: `Roll back to v${version}`,
      confirmLabel: props.hasUnsavedChanges ? 'Discard changes and roll back' : 'Roll back',
    });
    if (reason === null) return;
    try {
      const created = await rollback(version, reason);
      setMessage(`Published v${created.version} with the content of v${version}.`);
      setGeneration((value) => value + 1);
      props.onRolledBack(created.version);
    } catch (err) {
      setError(err);
    }
  };

  const picker = (value: number | null, onChange: (version: number) => void, name: string) => (
    <select aria-label={name} value={value ?? ''} onChange={(event) => onChange(Number(event.target.value))}>
      <option value={DRAFT}>Draft (editor)</option>
      {versions.map((version) => (
        <option key={version.version} value={version.version}>
          v{version.version}
          {version.isCurrent ? ' (published)' : ''}
        </option>
      ))}
    </select>
  );

  return (
    <div className="versions-panel">
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {message !== '' && <p className="notice notice-success">{message}</p>}
      <div className="versions-body">
        <table className="data-table compact" aria-label="Published versions">
          <thead>
            <tr>
              <th>Version</th>
              <th>Published</th>
              <th>By</th>
              <th>Tests</th>
              <th>Note</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {versions.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  Not published yet.
                </td>
              </tr>
            )}
            {versions.map((version) => (
              <tr key={version.version}>
                <td>
                  v{version.version} {version.isCurrent && <span className="badge">current</span>}
                  {version.rolledBackFrom !== null && <span className="muted"> (= v{version.rolledBackFrom})</span>}
                </td>
                <td className="muted">{formatWhen(version.createdAt)}</td>
                <td className="muted">{version.author.name}</td>
                <td className="muted">
                  {version.testSummary.passed}/{version.testSummary.total}
                </td>
                <td className="muted">{version.note ?? ''}</td>
                <td>
                  {props.canPublish && !version.isCurrent && (
                    <button type="button" className="button-ghost" onClick={() => void doRollback(version.version)}>
                      Roll back to v{version.version}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="versions-diff">
          <div className="toolbar">
            <span>Compare</span>
            {picker(left, setLeft, 'Left version')}
            <span>with</span>
            {picker(right, setRight, 'Right version')}
          </div>
          <div className="diff-labels">
            <span>{label(left)}</span>
            <span>{label(right)}</span>
          </div>
          <MonacoDiffEditor original={textOf(left)} modified={textOf(right)} language={JSONATA_LANGUAGE_ID} ariaLabel="Version diff" />
        </div>
      </div>
    </div>
  );
}
