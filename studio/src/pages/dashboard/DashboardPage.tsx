/**
 * Landing page: first what needs attention (open exceptions and steward tasks, linking to the
 * filtered lists), then per domain golden records, source records, duplicates merged, open tasks;
 * exception rate by source; records received over time (the server's ingest time series).
 */
import { useState } from 'react';
import type { IngestBucket } from '../../../../server/contracts/stats';
import { NAV_ITEMS } from '../../app/navigation';
import { hrefOf } from '../../app/route';
import { ErrorNotice } from '../../app/ErrorNotice';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { BarChart, TimeChart } from '../../ui/charts';
import { loadDashboardStats } from './dashboardStats';

/** The dashboard. */
export function DashboardPage() {
  const { me, client } = useSession();
  const canReadStats = useAbility('stats.read');
  const canReadTasks = useAbility('tasks.read');
  const canReadExceptions = useAbility('exceptions.read');
  const [bucket, setBucket] = useState<IngestBucket>('hour');
  const stats = useLoad(canReadStats ? () => loadDashboardStats({ client, bucket }) : null, [client, canReadStats, bucket]);
  const data = stats.data;
  const totals = data?.domains.reduce(
    (sum, row) => ({
      golden: sum.golden + row.goldenRecords,
      sources: sum.sources + row.sourceRecords,
      merged: sum.merged + row.duplicatesMerged,
      tasks: sum.tasks + row.openTasks,
      exceptions: sum.exceptions + row.openExceptions,
    }),
    { golden: 0, sources: 0, merged: 0, tasks: 0, exceptions: 0 },
  );
  const attention =
    data === null ? [] : data.domains.filter((row) => (canReadTasks && row.openTasks > 0) || (canReadExceptions && row.openExceptions > 0));

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">
            Signed in as <strong>{me.key.name}</strong> with the <span className="badge">{me.key.role}</span> role.
          </p>
        </div>
        {canReadStats && (
          <button type="button" className="button-secondary" onClick={stats.reload} disabled={stats.isLoading}>
            {stats.isLoading ? 'Loading…' : 'Refresh'}
          </button>
        )}
      </header>
      {stats.error !== null && <ErrorNotice error={stats.error} />}
      {totals !== undefined && (canReadTasks || canReadExceptions) && (
        <section className="card attention" aria-labelledby="attention-title">
          <h2 id="attention-title">Needs attention</h2>
          {totals.tasks + totals.exceptions === 0 ? (
            <p className="muted">Nothing open: no steward tasks and no ingest exceptions wait for a decision.</p>
          ) : (
            <>
              <div className="attention-totals">
                {canReadExceptions && (
                  <a className="attention-link" href={hrefOf(['exceptions'], { status: 'open' })} data-testid="attention-exceptions">
                    <span className="stat-value">{totals.exceptions.toLocaleString()}</span> open exception
                    {totals.exceptions === 1 ? '' : 's'}
                  </a>
                )}
                {canReadTasks && (
                  <a className="attention-link" href={hrefOf(['inbox'], { status: 'open' })} data-testid="attention-tasks">
                    <span className="stat-value">{totals.tasks.toLocaleString()}</span> open steward task{totals.tasks === 1 ? '' : 's'}
                  </a>
                )}
              </div>
              <ul className="attention-list" aria-label="Open work per domain">
                {attention.map((row) => (
                  <li key={row.domain}>
                    <strong>{row.domain}</strong>
                    {canReadExceptions && row.openExceptions > 0 && (
                      <a href={hrefOf(['exceptions'], { status: 'open', domain: row.domain })}>
                        {row.openExceptions.toLocaleString()} exception{row.openExceptions === 1 ? '' : 's'}
                      </a>
                    )}
                    {canReadTasks && row.openTasks > 0 && (
                      <a href={hrefOf(['inbox'], { status: 'open', domain: row.domain })}>
                        {row.openTasks.toLocaleString()} task{row.openTasks === 1 ? '' : 's'}
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {totals !== undefined && (
        <div className="stat-grid">
          <a className="stat" href="#/golden">
            <span className="stat-value">{totals.golden.toLocaleString()}</span> golden records
          </a>
          <div className="stat">
            <span className="stat-value">{totals.sources.toLocaleString()}</span> source records
          </div>
          <div className="stat">
            <span className="stat-value">{totals.merged.toLocaleString()}</span> duplicates merged
          </div>
          {canReadTasks && (
            <a className="stat" href={hrefOf(['inbox'], { status: 'open' })}>
              <span className="stat-value">{totals.tasks.toLocaleString()}</span> open tasks
            </a>
          )}
        </div>
      )}
      {data !== null && (
        <div className="chart-grid">
          <BarChart
            title="Per domain: golden records, source records, duplicates merged"
            series={['golden records', 'source records', 'duplicates merged']}
            groups={data.domains.map((row) => ({
              label: row.domain,
              values: [row.goldenRecords, row.sourceRecords, row.duplicatesMerged],
            }))}
          />
          {canReadTasks && (
            <BarChart
              title="Open steward tasks per domain"
              series={['open tasks']}
              groups={data.domains.map((row) => ({ label: row.domain, values: [row.openTasks] }))}
            />
          )}
          {canReadExceptions && (
            <BarChart
              title="Exception rate by source (exceptions ÷ records received)"
              series={['exception rate']}
              groups={data.sources.map((row) => ({
                label: `${row.source} → ${row.domain}`,
                values: [row.rate],
                note: `(${row.exceptions} of ${row.accepted + row.exceptions})`,
              }))}
              format={(value) => `${(value * 100).toFixed(1)}%`}
            />
          )}
          <div className="chart-with-controls">
            <TimeChart
              title={`Records received per ${data.bucket} (accepted, unchanged and exceptions)`}
              series={data.domains.map((row) => row.domain)}
              buckets={data.ingestOverTime}
              bucket={data.bucket}
            />
            <label className="field field-inline">
              <span>Per</span>
              <select
                aria-label="Ingest chart bucket"
                value={bucket}
                onChange={(event) => setBucket(event.target.value === 'day' ? 'day' : 'hour')}
              >
                <option value="hour">hour (last 24 hours)</option>
                <option value="day">day (last 24 days)</option>
              </select>
            </label>
          </div>
        </div>
      )}
      <div className="card-grid">
        {NAV_ITEMS.filter((item) => item.path !== '/').map((item) => {
          const isAllowed = item.action === null || me.abilities[item.action] === true;
          return isAllowed ? (
            <a key={item.path} className="card card-link" href={`#${item.path}`}>
              <h2>{item.label}</h2>
              <p>{item.description}</p>
            </a>
          ) : (
            <div key={item.path} className="card card-disabled" aria-disabled="true">
              <h2>{item.label}</h2>
              <p>Not available to the {me.key.role} role.</p>
            </div>
          );
        })}
      </div>
    </section>
  );
}
