/** Landing page: per domain golden records, source records, duplicates merged, open tasks; exception rate by source; ingest over time. */
import { NAV_ITEMS } from '../../app/navigation';
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
  const canReadChanges = useAbility('changes.read');
  const stats = useLoad(canReadStats ? () => loadDashboardStats({ client, maxPages: 40, canReadChanges }) : null, [
    client,
    canReadStats,
    canReadChanges,
  ]);
  const data = stats.data;
  const totals = data?.domains.reduce(
    (sum, row) => ({
      golden: sum.golden + row.goldenRecords,
      sources: sum.sources + row.sourceRecords,
      merged: sum.merged + row.duplicatesMerged,
      tasks: sum.tasks + row.openTasks,
    }),
    { golden: 0, sources: 0, merged: 0, tasks: 0 },
  );

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
            <a className="stat" href="#/inbox">
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
          {canReadChanges && (
            <TimeChart
              title={`Ingest volume over time (golden-record changes caused by ingest${data.isCapped ? ', earliest 40,000 changes only' : ''})`}
              series={data.domains.map((row) => row.domain)}
              buckets={data.ingestOverTime}
            />
          )}
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
