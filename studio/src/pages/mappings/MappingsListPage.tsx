/** Mappings by source system and domain, with status, published version and last change. */
import { useMemo, useState } from 'react';
import type { MappingSummaryView } from '../../../../server/contracts/mappings';
import { SOURCE_PATTERN } from '../../../../server/contracts/mappings';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { formatWhen } from '../../ui/format';

const SOURCE_NAME = new RegExp(SOURCE_PATTERN);

/** Why `name` cannot name a source system ('' when it can). */
export function sourceNameProblem(name: string): string {
  if (name === '') return 'Enter the source system name.';
  if (SOURCE_NAME.test(name)) return '';
  if (name.length > 63) return 'Source system: at most 63 characters.';
  return 'Source system: use lower-case letters, digits, “_” and “-”, starting with a letter or digit (e.g. infor, meditech_2).';
}

const DRAFT_STATE: Record<MappingSummaryView['draftState'], string> = {
  none: 'no draft',
  unpublished: 'never published',
  'same-as-published': 'draft = published',
  modified: 'draft has changes',
};

/** The list of mappings, grouped by source system. */
export function MappingsListPage() {
  const { client } = useSession();
  const canWrite = useAbility('mappings.write');
  const canReadLookups = useAbility('lookups.read');
  const [filter, setFilter] = useState('');
  const [newSource, setNewSource] = useState('');
  // '' until the analyst picks one: the server's first domain.
  const [pickedDomain, setNewDomain] = useState('');
  const [newSourceError, setNewSourceError] = useState('');
  const list = useLoad(() => client.call('listMappings'), [client]);
  const domains = useLoad(() => client.call('listCanonicalSchemas'), [client]);
  const newDomain = pickedDomain !== '' ? pickedDomain : (domains.data?.items[0]?.domain ?? '');
  const items = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (list.data?.items ?? [])
      .filter((item) => needle === '' || `${item.source} ${item.domain} ${item.direction} ${item.description}`.toLowerCase().includes(needle))
      .sort((a, b) => a.source.localeCompare(b.source) || a.domain.localeCompare(b.domain) || a.direction.localeCompare(b.direction));
  }, [list.data, filter]);

  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>Mappings</h1>
          <p className="muted">One JSONata mapping per source system and canonical domain. Open one to edit its draft, test and publish it.</p>
        </div>
        <div className="header-controls">
          <input type="search" placeholder="Filter mappings…" aria-label="Filter mappings" value={filter} onChange={(event) => setFilter(event.target.value)} />
          <a className="button-secondary" href="#/mappings/workbench">Scratch workbench</a>
          {canReadLookups && <a className="button-secondary" href="#/mappings/lookups">Lookup tables</a>}
        </div>
      </header>
      {list.error !== null && <ErrorNotice error={list.error} />}
      <table className="data-table" aria-label="Mappings">
        <thead>
          <tr>
            <th>Source</th>
            <th>Domain</th>
            <th>Direction</th>
            <th>Status</th>
            <th>Published</th>
            <th>Draft</th>
            <th>Last change</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.source}/${item.domain}/${item.direction}`}>
              <td>
                {item.direction === 'inbound' ? (
                  <a href={hrefOf(['mappings', 'edit', item.source, item.domain])}>{item.source}</a>
                ) : (
                  item.source
                )}
              </td>
              <td>{item.domain}</td>
              <td className="muted">{item.direction}</td>
              <td>
                <span className={item.status === 'published' ? 'badge' : 'badge badge-warning'}>{item.status}</span>
              </td>
              <td>{item.publishedVersion === null ? '—' : `v${item.publishedVersion}`}</td>
              <td className="muted">{DRAFT_STATE[item.draftState]}</td>
              <td className="muted">{formatWhen(item.updatedAt)}</td>
            </tr>
          ))}
          {!list.isLoading && items.length === 0 && (
            <tr>
              <td colSpan={7} className="muted">
                No mappings{filter === '' ? ' yet' : ' match the filter'}.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {canWrite && (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const name = newSource.trim();
            const problem = sourceNameProblem(name);
            setNewSourceError(problem);
            if (problem === '') window.location.hash = hrefOf(['mappings', 'edit', name, newDomain]).slice(1);
          }}
        >
          <strong>New mapping</strong>
          <input
            aria-label="New mapping source system"
            placeholder="source system, e.g. infor"
            value={newSource}
            aria-invalid={newSourceError !== ''}
            aria-describedby="new-source-error"
            onChange={(event) => {
              setNewSource(event.target.value);
              setNewSourceError('');
            }}
          />
          <select aria-label="New mapping domain" value={newDomain} onChange={(event) => setNewDomain(event.target.value)}>
            {(domains.data?.items.map((entry) => entry.domain) ?? [newDomain]).map((domain) => (
              <option key={domain}>{domain}</option>
            ))}
          </select>
          <button type="submit" className="button-secondary" disabled={newSource.trim() === '' || newDomain === ''}>
            Create draft
          </button>
          {newSourceError !== '' && (
            <span id="new-source-error" className="error-text" role="alert">
              {newSourceError}
            </span>
          )}
        </form>
      )}
    </section>
  );
}
