/** Lookup tables: the list, one table's entries as an editable key → value grid, save with revision check. */
import { useEffect, useMemo, useState } from 'react';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { formatValue, formatWhen } from '../../ui/format';

type Row = { key: string; value: string };

function rowsOf(entries: Record<string, unknown>): Row[] {
  return Object.entries(entries).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

/** Entry values are strings unless they read as JSON numbers, booleans, objects or arrays. */
function entriesOf(rows: readonly Row[]): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.key.trim() === '') continue;
    let value: unknown = row.value;
    if (/^(-?\d+(\.\d+)?|true|false|null|[[{].*)$/s.test(row.value.trim())) {
      try {
        value = JSON.parse(row.value);
      } catch {
        value = row.value;
      }
    }
    entries[row.key] = value;
  }
  return entries;
}

/** The lookup tables page; `name` opens one table. */
export function LookupsPage(props: { name?: string }) {
  const { client } = useSession();
  const canWrite = useAbility('lookups.write');
  const list = useLoad(() => client.call('listLookupTables'), [client]);
  const table = useLoad(props.name === undefined ? null : () => client.call('getLookupTable', { params: { name: props.name ?? '' } }), [client, props.name]);
  const [rows, setRows] = useState<Row[]>([]);
  const [filter, setFilter] = useState('');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  const [newName, setNewName] = useState('');

  useEffect(() => {
    setRows(table.data === null ? [] : rowsOf(table.data.entries as Record<string, unknown>));
    setSaveError(null);
  }, [table.data]);

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return rows.map((row, index) => ({ row, index })).filter(({ row }) => needle === '' || `${row.key} ${row.value}`.toLowerCase().includes(needle));
  }, [rows, filter]);

  const save = async (): Promise<void> => {
    if (props.name === undefined) return;
    setSaveError(null);
    try {
      const body = { entries: entriesOf(rows), description: table.data?.description ?? '', revision: table.data?.revision ?? 0 };
      const result = await client.call('putLookupTable', { params: { name: props.name }, body });
      setSaved(`Saved revision ${result.revision} (${result.entryCount} entries).`);
      table.reload();
      list.reload();
    } catch (error) {
      setSaveError(error);
    }
  };

  const update = (index: number, patch: Partial<Row>): void => setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>Lookup tables</h1>
          <p className="muted">
            Code translations mappings use with <code>$lookup(table, key)</code>. <a href="#/mappings">Back to mappings</a>
          </p>
        </div>
        {canWrite && (
          <form
            className="header-controls"
            onSubmit={(event) => {
              event.preventDefault();
              if (newName.trim() !== '') window.location.hash = hrefOf(['mappings', 'lookups', newName.trim()]).slice(1);
            }}
          >
            <input aria-label="New lookup table name" placeholder="new table name" value={newName} onChange={(event) => setNewName(event.target.value)} />
            <button type="submit" className="button-secondary" disabled={newName.trim() === ''}>
              New table
            </button>
          </form>
        )}
      </header>
      {list.error !== null && <ErrorNotice error={list.error} />}
      <div className="split">
        <ul className="side-list" aria-label="Lookup tables">
          {(list.data?.items ?? []).map((item) => (
            <li key={item.name}>
              <a href={hrefOf(['mappings', 'lookups', item.name])} className={item.name === props.name ? 'active' : undefined}>
                <strong>{item.name}</strong>
                <span className="muted">
                  {item.entryCount} entries · {item.origin} · {formatWhen(item.updatedAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
        <div className="split-main">
          {props.name === undefined ? (
            <div className="empty-state">Choose a table to see its entries.</div>
          ) : (
            <>
              <div className="toolbar">
                <h2>{props.name}</h2>
                <span className="muted">{table.data === null ? 'new table' : `revision ${table.data.revision} · ${table.data.entryCount} entries`}</span>
                <input type="search" placeholder="Filter entries…" aria-label="Filter entries" value={filter} onChange={(event) => setFilter(event.target.value)} />
                {canWrite && (
                  <>
                    <button type="button" className="button-secondary" onClick={() => setRows((current) => [...current, { key: '', value: '' }])}>
                      Add entry
                    </button>
                    <button type="button" className="button-primary" onClick={() => void save()}>
                      Save table
                    </button>
                  </>
                )}
              </div>
              {table.error !== null && !(table.error instanceof Error && /not found/i.test(table.error.message)) && <ErrorNotice error={table.error} />}
              {saveError !== null && <ErrorNotice error={saveError} onDismiss={() => setSaveError(null)} />}
              {saved !== '' && <p className="notice notice-success">{saved}</p>}
              <table className="data-table compact" aria-label={`Entries of ${props.name}`}>
                <thead>
                  <tr>
                    <th>Source code</th>
                    <th>Canonical value</th>
                    {canWrite && <th aria-label="Remove" />}
                  </tr>
                </thead>
                <tbody>
                  {visible.slice(0, 500).map(({ row, index }) => (
                    <tr key={index}>
                      <td>{canWrite ? <input aria-label="Source code" value={row.key} onChange={(event) => update(index, { key: event.target.value })} /> : row.key}</td>
                      <td>{canWrite ? <input aria-label="Canonical value" value={row.value} onChange={(event) => update(index, { value: event.target.value })} /> : formatValue(row.value)}</td>
                      {canWrite && (
                        <td>
                          <button type="button" className="button-ghost" aria-label={`Remove ${row.key}`} onClick={() => setRows((current) => current.filter((_, at) => at !== index))}>
                            ×
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
              {visible.length > 500 && <p className="muted">Showing the first 500 of {visible.length} entries; filter to find others.</p>}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
