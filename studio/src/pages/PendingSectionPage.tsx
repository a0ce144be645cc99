/** Sections whose server API is not built yet say so plainly instead of showing an empty screen. */
import type { NavItem } from '../app/navigation';

/** A page for a section that arrives in a later pass. */
export function PendingSectionPage(props: { item: NavItem }) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>{props.item.label}</h1>
        <p className="muted">{props.item.description}</p>
      </header>
      <div className="empty-state">
        <p>This section will be wired to the API in the next pass of the studio.</p>
      </div>
    </section>
  );
}
