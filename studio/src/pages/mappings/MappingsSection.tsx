/** The Mappings section's sub-routes: the list, the editor for one mapping, the scratch workbench, lookup tables. */
import { LookupsPage } from './LookupsPage';
import { MappingsListPage } from './MappingsListPage';
import { MappingsPage } from './MappingsPage';

/** Chooses the page from the route segments after `/mappings`. */
export function MappingsSection(props: { segments: string[]; query: URLSearchParams }) {
  const [first, second, third] = props.segments;
  if (first === 'edit' && second !== undefined && third !== undefined) {
    // key: a fresh editor per mapping, so nothing of the previous one leaks into it.
    return <MappingsPage key={`${second}/${third}`} source={second} domain={third} exceptionId={props.query.get('exception') ?? undefined} />;
  }
  if (first === 'workbench') return <MappingsPage key="workbench" />;
  if (first === 'lookups') return <LookupsPage name={second} />;
  return <MappingsListPage />;
}
