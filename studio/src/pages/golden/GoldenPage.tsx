/** Golden records: pick a domain, type to search (the server's typo-tolerant search, as you type), open a record. */
import { useEffect, useRef, useState } from 'react';
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf, navigate } from '../../app/route';
import { useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { useDomains } from '../../app/useDomains';
import { formatScore, formatWhen } from '../../ui/format';
import { TabList, TabPanel } from '../../ui/Tabs';
import { GoldenRecordPage } from './GoldenRecordPage';
import { summaryLine } from '../../ui/recordSummary';
import { displayName } from './goldenSearch';
import { useGoldenRecords } from './useGoldenRecords';

/** The golden-records section: search (the server's first domain by default), or a record when `id` is given. */
export function GoldenPage(props: { domain?: string; id?: string; query?: URLSearchParams }) {
  const { domains, error } = useDomains();
  if (props.domain !== undefined && props.id !== undefined)
    return <GoldenRecordPage key={`${props.domain}/${props.id}`} domain={props.domain} id={props.id} />;
  const domain = props.domain ?? domains?.[0];
  if (domains === null || domain === undefined)
    return (
      <section className="page">
        <h1>Golden records</h1>
        {error !== null ? <ErrorNotice error={error} /> : <p className="muted">Loading the domains…</p>}
      </section>
    );
  return <GoldenSearchPage domains={domains} domain={domain} source={props.query?.get('source') ?? ''} />;
}

interface ResultRow {
  id: string;
  label: string;
  /** The record itself when the list has it (search hits: loaded for their summary). */
  record?: GoldenRecordView;
  detail: string;
}

/** Waits `delayMs` after the last change before passing the value on (typeahead without a request per keystroke). */
function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function GoldenSearchPage(props: { domains: string[]; domain: string; source: string }) {
  const { client } = useSession();
  const statistics = useLoad(() => client.call('getStatistics'), [client]);
  const sources = (statistics.data?.sources ?? []).filter((entry) => entry.domain === props.domain).map((entry) => entry.source);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [isOpen, setIsOpen] = useState(true);
  const input = useRef<HTMLInputElement>(null);
  const settled = useDebounced(query.trim(), 120);
  const results = useLoad<{ rows: ResultRow[]; note: string }>(async () => {
    if (settled === '') {
      const page = await client.call('listGoldenRecords', {
        params: { domain: props.domain },
        query: { status: 'active', limit: 30, ...(props.source === '' ? {} : { source: props.source }) },
      });
      return {
        rows: page.items.map((record) => ({
          id: record.id,
          label: displayName(record),
          record,
          detail: `${record.id} · ${record.sourceRecordIds.length} source record${record.sourceRecordIds.length === 1 ? '' : 's'} · v${record.version} · ${formatWhen(record.updatedAt)}`,
        })),
        note:
          props.source === ''
            ? 'Type to search: names, identifiers, source ids (MT-100234) or a source name.'
            : `Golden records fed by ${props.source}. Type to search.`,
      };
    }
    const found = await client.call('searchGolden', { params: { domain: props.domain }, query: { q: settled, limit: 30 } });
    return {
      rows: found.items.map((item) => ({
        id: item.id,
        label: item.displayName,
        detail: `${item.id} · matched on ${item.matchedField} · ${formatScore(item.score)}`,
      })),
      note: found.isTruncated
        ? 'Only common words matched: add a word to narrow the list.'
        : `${found.items.length} match${found.items.length === 1 ? '' : 'es'}`,
    };
  }, [client, props.domain, props.source, settled]);
  const rows = results.data?.rows ?? [];
  // Search hits carry a name only: load the records shown so rows also say city, identifiers and sources.
  const hitRecords = useGoldenRecords(
    client,
    rows.filter((row) => row.record === undefined).map((row) => ({ domain: props.domain, id: row.id })),
  );

  const rowIds = rows.map((row) => row.id).join(',');
  // A new list (not a re-render of the same one, e.g. when row summaries arrive) starts at its first row.
  useEffect(() => setActive(0), [rowIds]);
  // Ready to type on arrival, unless the user is on a control already (a domain tab chosen by keyboard keeps focus).
  useEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) input.current?.focus();
  }, [props.domain]);

  return (
    <section className="page">
      <header className="page-header">
        <h1>Golden records</h1>
        <p className="muted">
          The mastered records. Type a name, a description or an identifier (typos are forgiven); ↑/↓ and Enter open a record.
        </p>
      </header>
      <TabList
        label="Domain"
        idPrefix="golden-domain"
        tabs={props.domains.map((domain) => ({ id: domain, label: domain }))}
        selected={props.domain}
        onSelect={(domain) => navigate(hrefOf(['golden', domain], { source: props.source }))}
      />
      <TabPanel idPrefix="golden-domain" selected={props.domain}>
        <div className="search-bar">
          <input
            ref={input}
            type="search"
            className="search-input"
            role="combobox"
            aria-label={`Search ${props.domain} golden records`}
            aria-expanded={isOpen && rows.length > 0}
            aria-controls="golden-results"
            aria-autocomplete="list"
            aria-activedescendant={isOpen && rows[active] !== undefined ? `golden-result-${active}` : undefined}
            placeholder={`Search ${props.domain}s…`}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setIsOpen(true);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                setIsOpen(true);
                setActive((value) => Math.min(rows.length - 1, value + 1));
              } else if (event.key === 'ArrowUp') setActive((value) => Math.max(0, value - 1));
              else if (event.key === 'Escape' && isOpen) setIsOpen(false);
              else if (event.key === 'Escape') setQuery('');
              else if (event.key === 'Enter' && isOpen && rows[active] !== undefined && settled === query.trim())
                navigate(hrefOf(['golden', props.domain, rows[active].id]));
              else return;
              event.preventDefault();
            }}
          />
          <label className="field field-inline">
            <span>Source system</span>
            <select
              aria-label="Filter by source system"
              value={props.source}
              onChange={(event) => navigate(hrefOf(['golden', props.domain], { source: event.target.value }))}
            >
              <option value="">every source</option>
              {[...new Set([...sources, ...(props.source === '' ? [] : [props.source])])].sort().map((source) => (
                <option key={source} value={source}>
                  {source}
                </option>
              ))}
            </select>
          </label>
          <span className="muted" role="status">
            {results.isLoading ? 'Searching…' : (results.data?.note ?? '')}
          </span>
        </div>
        {results.error !== null && <ErrorNotice error={results.error} />}
        {/* The popup of the combobox; closed (Escape) it stays as a plain list of links. */}
        <ul id="golden-results" className="result-list" role={isOpen ? 'listbox' : 'list'} aria-label="Search results">
          {rows.map((row, position) => (
            <li
              key={row.id}
              id={`golden-result-${position}`}
              role={isOpen ? 'option' : 'listitem'}
              aria-selected={isOpen ? position === active : undefined}
              className={isOpen && position === active ? 'active' : undefined}
            >
              <a href={hrefOf(['golden', props.domain, row.id])} tabIndex={isOpen ? -1 : undefined}>
                <strong>{row.label}</strong>
                <RowSummary record={row.record ?? hitRecords.get(row.id)} />
                <span className="muted">{row.detail}</span>
              </a>
            </li>
          ))}
          {!results.isLoading && rows.length === 0 && (
            <li
              className="muted empty-row"
              role={isOpen ? 'option' : 'listitem'}
              aria-selected={isOpen ? false : undefined}
              aria-disabled="true"
            >
              No {props.domain} matches “{query}”.
            </li>
          )}
        </ul>
      </TabPanel>
    </section>
  );
}

/** The identifying facts of a result row ("City JOLIET · CCN 140007 · cms, nppes"). */
function RowSummary(props: { record: GoldenRecordView | undefined }) {
  const line = props.record === undefined ? '' : summaryLine(props.record);
  return line === '' ? null : (
    <span className="record-summary" data-testid="record-summary">
      {line}
    </span>
  );
}
