/**
 * One golden record: attributes with, per value, the source system and record that supplied it (or
 * the steward override); its source records (unmerge one); relationships; the history timeline.
 * The page loads the record, runs the steward's actions and composes the panels (AttributesTable,
 * OverrideForm, SourceRecordsCard, HistoryTimeline); its state is three small values, so no reducer.
 */
import { useState } from 'react';
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import { ErrorNotice } from '../../app/ErrorNotice';
import { askInPage } from '../../ui/Dialog';
import { hrefOf } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { formatWhen } from '../../ui/format';
import { SyncStatusCard } from '../../sync/SyncStatusCard';
import { isPlacedByFields } from '../../ui/fieldErrors';
import { AttributesTable } from './AttributesTable';
import { HistoryTimeline } from './HistoryTimeline';
import { OVERRIDE_FIELDS, OverrideForm, overrideValueOf, type OverrideDraft } from './OverrideForm';
import { SourceRecordsCard } from './SourceRecordsCard';
import { displayName } from './goldenSearch';

/** The record page. */
export function GoldenRecordPage(props: { domain: string; id: string }) {
  const { client } = useSession();
  const canWrite = useAbility('golden.write');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<OverrideDraft | null>(null);
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
  const record: GoldenRecordView = loaded.data;

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

  const clearOverride = async (attribute: string): Promise<void> => {
    const reason = await askInPage({
      title: `Clear the override on ${attribute}`,
      message: 'Survivorship decides the value again.',
      inputLabel: 'Reason',
      defaultValue: 'Survivorship value is right again',
      confirmLabel: 'Clear override',
    });
    if (reason === null) return;
    await act(
      () => client.call('clearGoldenOverride', { params: { ...params, attribute }, body: { reason, expectedVersion: record.version } }),
      `Override on ${attribute} cleared.`,
    );
  };

  const saveOverride = (): void => {
    if (editing === null) return;
    void act(
      () =>
        client.call('setGoldenOverride', {
          params: { ...params, attribute: editing.attribute },
          body: { value: overrideValueOf(editing.value), reason: editing.reason, expectedVersion: record.version },
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
      {error !== null && !(editing !== null && isPlacedByFields(error, OVERRIDE_FIELDS)) && (
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
          <AttributesTable
            record={record}
            canWrite={canWrite}
            onOverride={(attribute) => setEditing({ attribute, value: JSON.stringify(record.attributes[attribute] ?? null), reason: '' })}
            onClear={(attribute) => void clearOverride(attribute)}
          />
          {editing !== null && (
            <OverrideForm draft={editing} error={error} onChange={setEditing} onSubmit={saveOverride} onCancel={() => setEditing(null)} />
          )}
        </div>
        <SourceRecordsCard record={record} domain={props.domain} canWrite={canWrite} onUnmerge={(id) => void unmerge(id)} />
      </div>
      <SyncStatusCard goldenId={record.id} currentVersion={record.version} />
      <div className="card">
        <h2>History</h2>
        <HistoryTimeline entries={record.history ?? []} />
      </div>
    </section>
  );
}
