/** Golden records: pick a domain, type to search (fuzzy, as you type), open a record. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf, navigate } from '../../app/route';
import { useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { formatWhen } from '../../ui/format';
import { GoldenRecordPage } from './GoldenRecordPage';
import { createGoldenSearch, searchGolden, toSearchEntries } from './goldenSearch';

const DOMAINS = ['supplier', 'item', 'facility', 'account'];
const PAGE_LIMIT = 500;
const MAX_PAGES = 200;

/** The golden-records section: search, or a record when `id` is given. */
export function GoldenPage(props: { domain?: string; id?: string }) {
  if (props.domain !== undefined && props.id !== undefined) return <GoldenRecordPage key={`${props.domain}/${props.id}`} domain={props.domain} id={props.id} />;
  return <GoldenSearchPage domain={props.domain ?? 'supplier'} />;
}

function GoldenSearchPage(props: { domain: string }) {
  const { client } = useSession();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const all = useLoad(async () => {
    const records: GoldenRecordView[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body: { items: GoldenRecordView[]; nextCursor: string | null } = await client.get(`/golden/${encodeURIComponent(props.domain)}?status=active&limit=${PAGE_LIMIT}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      records.push(...body.items);
      cursor = body.nextCursor;
      if (cursor === null) break;
    }
    return records;
  }, [client, props.domain]);
  const entries = useMemo(() => toSearchEntries(all.data ?? []), [all.data]);
  const index = useMemo(() => createGoldenSearch(entries), [entries]);
  const results = useMemo(() => searchGolden({ index, entries, query, limit: 30 }), [index, entries, query]);

  useEffect(() => setActive(0), [query, props.domain]);
  useEffect(() => input.current?.focus(), [props.domain]);

  return (
    <section className="page">
      <header className="page-header">
        <h1>Golden records</h1>
        <p className="muted">The mastered records. Type a name, an identifier or any value; ↑/↓ and Enter open a record.</p>
      </header>
      <div className="search-bar">
        <div className="tabs" role="tablist" aria-label="Domain">
          {DOMAINS.map((domain) => (
            <button key={domain} type="button" role="tab" aria-selected={domain === props.domain} className={domain === props.domain ? 'tab active' : 'tab'} onClick={() => navigate(hrefOf(['golden', domain]))}>
              {domain}
            </button>
          ))}
        </div>
        <input
          ref={input}
          type="search"
          className="search-input"
          aria-label={`Search ${props.domain} golden records`}
          placeholder={`Search ${props.domain}s…`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') setActive((value) => Math.min(results.length - 1, value + 1));
            else if (event.key === 'ArrowUp') setActive((value) => Math.max(0, value - 1));
            else if (event.key === 'Enter' && results[active] !== undefined) navigate(hrefOf(['golden', props.domain, results[active].id]));
            else return;
            event.preventDefault();
          }}
        />
        <span className="muted">{all.isLoading ? 'Loading records…' : `${entries.length} active records`}</span>
      </div>
      {all.error !== null && <ErrorNotice error={all.error} />}
      <ul className="result-list" role="listbox" aria-label="Search results">
        {results.map((entry, position) => (
          <li key={entry.id} role="option" aria-selected={position === active} className={position === active ? 'active' : undefined}>
            <a href={hrefOf(['golden', props.domain, entry.id])}>
              <strong>{entry.label}</strong>
              <span className="muted">
                {entry.id} · {entry.record.sourceRecordIds.length} source record{entry.record.sourceRecordIds.length === 1 ? '' : 's'} · v{entry.record.version} · {formatWhen(entry.record.updatedAt)}
              </span>
            </a>
          </li>
        ))}
        {!all.isLoading && results.length === 0 && <li className="muted empty-row">No {props.domain} matches “{query}”.</li>}
      </ul>
    </section>
  );
}
