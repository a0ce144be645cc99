/**
 * Alias tables on the matching-rules page: the abbreviations, organisation aliases, legal suffixes and
 * noise words the normalisers apply before comparison and blocking. Edit rows, validate as you type,
 * save the draft, publish (matching uses it from the next match on); versions with rollback.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OperationResponse } from '../../../../server/contracts/operations';
import { ErrorNotice } from '../../app/ErrorNotice';
import { askInPage } from '../../ui/Dialog';
import { hrefOf } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { useBusyAction } from '../../ui/useBusyAction';
import { VersionsCard } from './VersionsCard';
import { FieldError } from '../../ui/FieldError';
import { allDetails, invalidProps, isPlacedByFields, underRoot } from '../../ui/fieldErrors';
import { aliasTableProblems, rowOfEntry, rowsOf, tableOf, type AliasRow, type AliasTableContent } from './aliasTableEditing';

type AliasTableView = OperationResponse<'getAliasTable'>;

const MODE_HELP: Record<string, string> = {
  replace: 'Each variant is rewritten to its canonical form, anywhere in a value.',
  remove: 'Variants are dropped anywhere in a value.',
  removeTrailing: 'Variants are dropped at the end of a value (legal suffixes).',
  removeLeading: 'Variants are dropped at the start of a value (chargemaster prefixes: HC, HCHG, SUP).',
  removeFrom:
    'A variant and every word after it are dropped, when a word precedes it — or as many words as the table’s minWordsBefore says (accounts-payable notes: REMIT, LOCKBOX, ATTN, DBA).',
};

/** The alias-table section: list of tables and the editor of `table`. */
export function AliasTablesPage(props: { table?: string }) {
  const { client } = useSession();
  const canWrite = useAbility('rules.write');
  const list = useLoad(() => client.call('listAliasTables'), [client]);
  const name = props.table ?? list.data?.items[0]?.table;
  const params = useMemo(() => (name ? { table: name } : null), [name]);
  const view = useLoad(params ? () => client.call('getAliasTable', { params }) : null, [client, params]);
  const versions = useLoad(params ? () => client.call('listAliasTableVersions', { params }) : null, [client, params]);
  const [rows, setRows] = useState<AliasRow[]>([]);
  const [version, setVersion] = useState('');
  const [filter, setFilter] = useState('');
  const { busy, error, notice, run, clearError } = useBusyAction();
  const [savedJson, setSavedJson] = useState('');
  const revision = useRef(0);

  const content = (view.data?.draft?.table ?? view.data?.published?.table ?? null) as AliasTableContent | null;
  useEffect(() => {
    if (!content) return;
    setRows(rowsOf(content));
    setVersion(content.version);
    setSavedJson(JSON.stringify(content));
    revision.current = view.data?.draft?.revision ?? 0;
    // Reset only when another table or revision arrives, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view.data]);

  const edited = useMemo(() => (content ? tableOf({ base: content, rows, version }) : null), [content, rows, version]);
  const problems = useMemo(() => (edited ? aliasTableProblems(edited) : []), [edited]);
  // Problems (live, and the server's refusal) by the row field they name: paths `table.entries[i]…`, entry i from row entryRows[i].
  const fieldProblems = useMemo(() => allDetails(underRoot(problems, 'table'), error), [problems, error]);
  const entryOfRow = useMemo(() => new Map(rowOfEntry(rows).map((row, entry) => [row, entry])), [rows]);
  // A register whose rows cite their source (facilityRenames) shows and edits the citation; other tables have none.
  const hasSources = useMemo(() => (content?.entries ?? []).some((entry) => entry.source !== undefined), [content]);
  const rowFieldKey = (index: number, field: 'canonical' | 'variants' | 'source'): string =>
    entryOfRow.has(index) ? `table.entries[${entryOfRow.get(index)}].${field}` : `table.unsaved-row-${index}`;
  const isRowBad = (index: number): boolean =>
    entryOfRow.has(index) && invalidProps(fieldProblems, `table.entries[${entryOfRow.get(index)}]`, '')['aria-invalid'] === true;
  const isErrorPlaced = error !== null && isPlacedByFields(error, ['table.entries', 'table.version']);
  const isDirty = edited !== null && JSON.stringify(edited) !== savedJson;
  const isVersionUnchanged = content !== null && isDirty && version.trim() === view.data?.published?.rulesVersion;

  const putDraft = async (): Promise<AliasTableView> => {
    if (edited === null) throw new Error('The table is not loaded yet.');
    const saved = await client.call('putAliasTableDraft', {
      params: params ?? { table: '' },
      body: { table: edited, revision: revision.current },
    });
    revision.current = saved.draft?.revision ?? revision.current;
    setSavedJson(JSON.stringify(edited));
    return saved;
  };

  const save = (): Promise<void> =>
    run('Saving…', async () => {
      const saved = await putDraft();
      view.reload();
      list.reload();
      return `Draft saved (revision ${saved.draft?.revision ?? '?'}).`;
    });

  const publish = (): Promise<void> =>
    run('Publishing…', async () => {
      if (isDirty) await putDraft();
      const published = await client.call('publishAliasTable', {
        params: params ?? { table: '' },
        body: { revision: revision.current === 0 ? undefined : revision.current },
      });
      view.reload();
      versions.reload();
      list.reload();
      return published.isNew
        ? `Published version ${published.version.number}: matching uses it from the next match on (re-match a domain to apply it to records already indexed).`
        : `Already published as version ${published.version.number}.`;
    });

  const rollback = async (number: number): Promise<void> => {
    const reason = await askInPage({
      title: `Roll back ${name ?? ''} to version ${number}`,
      message: `Publishes version ${number} of the alias table ${name ?? ''} again as the newest version.`,
      inputLabel: 'Reason',
      defaultValue: `Back to version ${number}`,
      confirmLabel: 'Roll back',
    });
    if (reason === null) return;
    await run('Rolling back…', async () => {
      await client.call('rollbackAliasTable', { params: params ?? { table: '' }, body: { version: number, reason } });
      view.reload();
      versions.reload();
      list.reload();
      return `Version ${number} is published again.`;
    });
  };

  const update = (index: number, patch: Partial<AliasRow>): void =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  /** One cell of a row: for a writer its input with the problems of its field, for a reader the value as text. */
  const rowCell = (index: number, row: AliasRow, field: 'canonical' | 'variants' | 'source', label: string, className?: string) => (
    <td>
      {canWrite ? (
        <span className="field">
          <input
            aria-label={label}
            className={className}
            value={row[field] ?? ''}
            {...invalidProps(fieldProblems, rowFieldKey(index, field), `alias-row-${index}-${field}-error`)}
            onChange={(event) => update(index, { [field]: event.target.value })}
          />
          <FieldError id={`alias-row-${index}-${field}-error`} error={fieldProblems} field={rowFieldKey(index, field)} />
        </span>
      ) : (
        row[field]
      )}
    </td>
  );
  const needle = filter.trim().toUpperCase();
  const visible = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => needle === '' || `${row.canonical} ${row.variants}`.toUpperCase().includes(needle));
  const isReplace = content?.mode === 'replace';

  return (
    <div className="split" data-testid="alias-tables">
      <ul className="side-list" aria-label="Alias tables">
        {(list.data?.items ?? []).map((item) => (
          <li key={item.table}>
            <a href={hrefOf(['rules', 'aliases', item.table])} className={item.table === name ? 'active' : undefined}>
              <strong>{item.table}</strong>
              <span className="muted">
                {item.mode} · {item.entries} rows · {item.publishedNumber ? `v${item.publishedNumber}` : 'not published'}
                {item.draftState === 'modified' ? ' · draft' : ''}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <div className="split-main">
        {((isErrorPlaced ? null : error) ?? list.error ?? view.error) !== null && (
          <ErrorNotice error={(isErrorPlaced ? null : error) ?? list.error ?? view.error} onDismiss={clearError} />
        )}
        {notice !== '' && <p className="notice notice-success">{notice}</p>}
        {content === null ? (
          <div className="empty-state">Choose a table to see its rows.</div>
        ) : (
          <>
            <div className="toolbar">
              <h2>{name}</h2>
              <span className="badge">
                {view.data?.published ? `v${view.data.published.number} · ${view.data.published.rulesVersion}` : 'not published'}
              </span>
              <span className="muted" data-testid="alias-state">
                {view.data?.draft ? `draft r${view.data.draft.revision} (${view.data.draftState})` : 'no draft'}
                {isDirty && <strong className="unsaved"> · unsaved changes</strong>}
              </span>
              {busy !== '' && (
                <span className="muted" role="status">
                  {busy}
                </span>
              )}
            </div>
            <p className="muted">
              {MODE_HELP[content.mode]} {content.description} Used by: {(view.data?.usedBy ?? []).join(', ') || 'no published rule set'}.
            </p>
            <div className="toolbar">
              <label>
                Version{' '}
                <input
                  aria-label="Table version"
                  value={version}
                  readOnly={!canWrite}
                  {...invalidProps(fieldProblems, 'table.version', 'alias-version-error')}
                  onChange={(event) => setVersion(event.target.value)}
                />
                <FieldError id="alias-version-error" error={fieldProblems} field="table.version" />
              </label>
              <input
                type="search"
                placeholder="Filter rows…"
                aria-label="Filter rows"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
              {canWrite && (
                <>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => setRows((current) => [...current, { canonical: '', variants: '' }])}
                  >
                    Add row
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={busy !== '' || problems.length > 0 || !isDirty}
                    onClick={() => void save()}
                  >
                    Save draft
                  </button>
                  <button
                    type="button"
                    className="button-primary"
                    disabled={busy !== '' || problems.length > 0}
                    onClick={() => void publish()}
                  >
                    Publish
                  </button>
                </>
              )}
            </div>
            <p className={problems.length === 0 ? 'muted' : 'error-text'} data-testid="alias-validation">
              {problems.length === 0
                ? `Valid: ${edited?.entries.length ?? 0} rows.`
                : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}
              {isVersionUnchanged && ' Change the version before publishing: a version string names one content forever.'}
            </p>
            {problems.length > 0 && (
              <ul className="problem-list" aria-label="Table problems">
                {problems.slice(0, 20).map((problem, index) => (
                  <li key={index}>
                    {problem.path ? <span className="mono">{problem.path}: </span> : null}
                    {problem.message}
                  </li>
                ))}
              </ul>
            )}
            <table className="data-table compact" aria-label={`Rows of ${name ?? ''}`}>
              <thead>
                <tr>
                  {isReplace && <th>Canonical form</th>}
                  <th>{isReplace ? 'Variants (comma-separated)' : 'Words (comma-separated)'}</th>
                  {hasSources && <th>Source</th>}
                  {canWrite && <th aria-label="Remove" />}
                </tr>
              </thead>
              <tbody>
                {visible.map(({ row, index }) => (
                  <tr key={index} className={isRowBad(index) ? 'row-invalid' : undefined}>
                    {isReplace && rowCell(index, row, 'canonical', 'Canonical form')}
                    {rowCell(index, row, 'variants', 'Variants', 'wide-input')}
                    {hasSources && rowCell(index, row, 'source', 'Source')}
                    {canWrite && (
                      <td>
                        <button
                          type="button"
                          className="button-ghost"
                          aria-label={`Remove row ${index + 1}`}
                          onClick={() => setRows((current) => current.filter((_, at) => at !== index))}
                        >
                          ×
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <VersionsCard label="Alias table versions" items={versions.data?.items ?? []} canWrite={canWrite} onRollback={rollback} />
          </>
        )}
      </div>
    </div>
  );
}
