/** Landing page: who is signed in, what the role may do, and shortcuts into the sections. */
import { NAV_ITEMS } from '../app/navigation';
import { useSession } from '../app/SessionContext';

/** The dashboard. */
export function DashboardPage() {
  const { me } = useSession();
  const allowed = Object.entries(me.abilities).filter(([, isAllowed]) => isAllowed).map(([action]) => action);
  return (
    <section className="page">
      <header className="page-header">
        <h1>Dashboard</h1>
        <p className="muted">
          Signed in as <strong>{me.key.name}</strong> with the <span className="badge">{me.key.role}</span> role.
        </p>
      </header>
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
      <details className="abilities">
        <summary>What this key may do ({allowed.length} actions)</summary>
        <ul className="ability-list">
          {Object.entries(me.abilities).map(([action, isAllowed]) => (
            <li key={action} className={isAllowed ? 'yes' : 'no'}>
              <span aria-hidden="true">{isAllowed ? '✓' : '–'}</span> {action}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
