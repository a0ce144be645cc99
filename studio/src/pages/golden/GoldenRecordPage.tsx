/**
 * One golden record: attributes with, per value, the source system and record that supplied it (or
 * the steward override); its source records (unmerge one); relationships; the history timeline.
 */
import { useState } from 'react';
import { ErrorNotice } from '../../app/ErrorNotice';
import { askInPage } from '../../ui/Dialog';
import { hrefOf } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { formatValue, formatWhen } from '../../ui/format';
import { SyncStatusCard } from '../../sync/SyncStatusCard';
import { StructuredValue } from '../../ui/StructuredValue';
import { FieldError } from '../../ui/FieldError';
import { invalidProps, isPlacedByFields } from '../../ui/fieldErrors';
import { HistoryTimeline } from './HistoryTimeline';
import { displayName } from './goldenSearch';

/** The record page. */
export function GoldenRecordPage(props: { domain: string; id: string }) {
  const { client } = useSession();
  const canWrite = useAbility('golden.write');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<{ attribute: string; value: string; reason: string } | null>(null);
  const params = { domain: props.domain, id: props.id };
  const loaded = useLoad(
    () => client.call('getGoldenRecord', { params, query: { include: ['lineage', 'sources', 'history', 'relationships'] } }),
    [client, props.domain, props.id],
  );

  const act = async (run: () => Promise<unknown>, done: string): Promise<void> => {
    setError(null);
    try {
      await run();
      setNotice(done);
      setEditing(null);
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };

  if (loaded.error !== null)
    return (
      <section className="page">
        <ErrorNotice error={loaded.error} />
      </section>
    );
  if (loaded.data === null) return <section className="page muted">Loading…</section>;
  if ('retired' in loaded.data) {
    const retired = loaded.data;
    return (
      <section className="page">
        <h1>{retired.id}</h1>
        <p className="notice notice-warning">
          {retired.survivorId === null ? (
            'This record was merged into another one and retired; the survivor can no longer be found.'
          ) : (
            <>
              This record was merged into <a href={hrefOf(['golden', props.domain, retired.survivorId])}>{retired.survivorId}</a> and
              retired.
            </>
          )}
        </p>
      </section>
    );
  }
  const record = loaded.data;
  const attributes = [...new Set([...Object.keys(record.attributes), ...Object.keys(record.overrides)])].sort();
  const sources = record.sources ?? [];

  const unmerge = async (sourceRecordId: string): Promise<void> => {
    const reason = await askInPage({
      title: `Unmerge ${sourceRecordId}`,
      message: 'The source record is split off this golden record and matched again on its own.',
      inputLabel: 'Reason',
      confirmLabel: 'Unmerge',
    });
    if (reason === null) return;
    await act(
      () => client.call('unmergeSourceRecord', { params, body: { sourceRecordId, reason, expectedVersion: record.version } }),
      `Unmerged ${sourceRecordId}: it was re-matched on its own.`,
    );
  };

  const saveOverride = (): void => {
    if (editing === null) return;
    let value: unknown = editing.value;
    try {
      value = JSON.parse(editing.value);
    } catch {
      // Plain text is a string value; JSON is taken as typed.
    }
    void act(
      () =>
        client.call('setGoldenOverride', {
          params: { ...params, attribute: editing.attribute },
          body: { value, reason: editing.reason, expectedVersion: record.version },
        }),
      `Override set on ${editing.attribute}.`,
    );
  };

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>
            <a href={hrefOf(['golden', props.domain])} className="crumb">
              {props.domain}
            </a>{' '}
            / {displayName(record)}
          </h1>
          <p className="muted">
            {record.id} · version {record.version} · {record.status} · updated {formatWhen(record.updatedAt)}
          </p>
        </div>
      </header>
      {error !== null && !(editing !== null && isPlacedByFields(error, ['value', 'reason'])) && (
        <ErrorNotice error={error} onDismiss={() => setError(null)} />
      )}
      {notice !== '' && (
        <p className="notice notice-success" role="status">
          {notice}
        </p>
      )}
      <div className="record-grid">
        <div className="card">
          <h2>Attributes</h2>
          <table className="data-table compact" aria-label="Attributes">
            <thead>
              <tr>
                <th>Attribute</th>
                <th>Value</th>
                <th>From</th>
                {canWrite && <th />}
              </tr>
            </thead>
            <tbody>
              {attributes.map((attribute) => {
                const override = record.overrides[attribute];
                const lineage = record.lineage?.[attribute];
                return (
                  <tr key={attribute}>
                    <th scope="row">{attribute}</th>
                    <td className="mono">
                      <StructuredValue value={record.attributes[attribute]} />
                    </td>
                    <td className="lineage">
                      {override !== undefined ? (
                        <span title={override.reason}>
                          <span className="badge badge-warning">override</span> by {override.by.name}: {override.reason}
                        </span>
                      ) : lineage !== undefined ? (
                        <span>
                          <strong>{lineage.source}</strong> {lineage.sourceId} <span className="muted">({lineage.strategy})</span>
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    {canWrite && (
                      <td>
                        <button
                          type="button"
                          className="button-ghost"
                          aria-label={`Override ${attribute}`}
                          onClick={() => setEditing({ attribute, value: JSON.stringify(record.attributes[attribute] ?? null), reason: '' })}
                        >
                          Override
                        </button>
                        {override !== undefined && (
                          <button
                            type="button"
                            className="button-ghost"
                            onClick={async () => {
                              const reason = await askInPage({
                                title: `Clear the override on ${attribute}`,
                                message: 'Survivorship decides the value again.',
                                inputLabel: 'Reason',
                                defaultValue: 'Survivorship value is right again',
                                confirmLabel: 'Clear override',
                              });
                              if (reason !== null)
                                await act(
                                  () =>
                                    client.call('clearGoldenOverride', {
                                      params: { ...params, attribute },
                                      body: { reason, expectedVersion: record.version },
                                    }),
                                  `Override on ${attribute} cleared.`,
                                );
                            }}
                          >
                            Clear
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {editing !== null && (
            <form
              className="override-form"
              aria-label="Override"
              onSubmit={(event) => {
                event.preventDefault();
                saveOverride();
              }}
            >
              <strong>Override {editing.attribute}</strong>
              <span className="field">
                <input
                  aria-label="Override value (JSON or text)"
                  {...invalidProps(error, 'value', 'override-value-error')}
                  value={editing.value}
                  onChange={(event) => setEditing({ ...editing, value: event.target.value })}
                />
                <FieldError id="override-value-error" error={error} field="value" />
              </span>
              <span className="field">
                <input
                  aria-label="Override reason"
                  {...invalidProps(error, 'reason', 'override-reason-error')}
                  placeholder="Reason (required)"
                  value={editing.reason}
                  onChange={(event) => setEditing({ ...editing, reason: event.target.value })}
                />
                <FieldError id="override-reason-error" error={error} field="reason" />
              </span>
              <button type="submit" className="button-primary" disabled={editing.reason.trim() === ''}>
                Set override
              </button>
              <button type="button" className="button-ghost" onClick={() => setEditing(null)}>
                Cancel
              </button>
            </form>
          )}
        </div>
        <div className="card">
          <h2>Source records ({sources.length})</h2>
          <ul className="source-list" aria-label="Source records">
            {sources.map((source) => (
              <li key={source.id}>
                <div>
                  <strong>{source.source}</strong> {source.sourceId}
                  <div className="muted">
                    mapping v{source.mappingVersion} · received {formatWhen(source.receivedAt)}
                  </div>
                  <details>
                    <summary>Record as mapped{source.raw !== undefined ? ' and as received' : ''}</summary>
                    <pre className="payload">{JSON.stringify(source.canonical, null, 2)}</pre>
                    {source.raw !== undefined && (
                      <pre className="payload">{typeof source.raw === 'string' ? source.raw : JSON.stringify(source.raw, null, 2)}</pre>
                    )}
                  </details>
                </div>
                {canWrite && sources.length > 1 && (
                  <button type="button" className="button-secondary" onClick={() => void unmerge(source.id)}>
                    Unmerge
                  </button>
                )}
              </li>
            ))}
          </ul>
          <h2>Relationships</h2>
          {(record.relationships ?? []).length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul className="source-list" aria-label="Relationships">
              {(record.relationships ?? []).map((relationship) => (
                <li key={`${relationship.type}-${relationship.otherGoldenId}-${relationship.direction}`}>
                  <span>
                    {relationship.direction === 'outgoing' ? '→' : '←'} {relationship.type}{' '}
                    <a href={hrefOf(['golden', relationship.otherGoldenId.split('-')[0] ?? props.domain, relationship.otherGoldenId])}>
                      {relationship.otherGoldenId}
                    </a>
                    {relationship.attributes !== undefined && <span className="muted"> {formatValue(relationship.attributes)}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <SyncStatusCard goldenId={record.id} currentVersion={record.version} />
      <div className="card">
        <h2>History</h2>
        <HistoryTimeline entries={record.history ?? []} />
      </div>
    </section>
  );
}
