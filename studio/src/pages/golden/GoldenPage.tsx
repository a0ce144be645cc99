/** Golden records: pick a domain, type to search (the server's typo-tolerant search, as you type), open a record. */
import { useEffect, useRef, useState } from 'react';
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import type { SearchResponse } from '../../../../server/contracts/matching';
import type { HubStatistics } from '../../../../server/stats/hubStatistics';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf, navigate } from '../../app/route';
import { useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { formatScore, formatWhen } from '../../ui/format';
import { GoldenRecordPage } from './GoldenRecordPage';
import { summaryLine } from '../../ui/recordSummary';
import { displayName } from './goldenSearch';
import { useGoldenRecords } from './useGoldenRecords';

const DOMAINS = ['supplier', 'item', 'facility', 'account'];

/** The golden-records section: search, or a record when `id` is given. */
export function GoldenPage(props: { domain?: string; id?: string; query?: URLSearchParams }) {
  if (props.domain !== undefined && props.id !== undefined)
    return <GoldenRecordPage key={`${props.domain}/${props.id}`} domain={props.domain} id={props.id} />;
  return <GoldenSearchPage domain={props.domain ?? 'supplier'} source={props.query?.get('source') ?? ''} />;
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

function GoldenSearchPage(props: { domain: string; source: string }) {
  const { client } = useSession();
  const statistics = useLoad(() => client.get<HubStatistics>('/stats'), [client]);
  const sources = (statistics.data?.sources ?? []).filter((entry) => entry.domain === props.domain).map((entry) => entry.source);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const settled = useDebounced(query.trim(), 120);
  const results = useLoad<{ rows: ResultRow[]; note: string }>(async () => {
    if (settled === '') {
      const bySource = props.source === '' ? '' : `&source=${encodeURIComponent(props.source)}`;
      const page = await client.get<{ items: GoldenRecordView[] }>(
        `/golden/${encodeURIComponent(props.domain)}?status=active&limit=30${bySource}`,
      );
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
    const found = await client.get<SearchResponse>(`/search/${encodeURIComponent(props.domain)}?q=${encodeURIComponent(settled)}&limit=30`);
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

  useEffect(() => setActive(0), [results.data]);
  useEffect(() => input.current?.focus(), [props.domain]);

  return (
    <section className="page">
      <header className="page-header">
        <h1>Golden records</h1>
        <p className="muted">
          The mastered records. Type a name, a description or an identifier (typos are forgiven); ↑/↓ and Enter open a record.
        </p>
      </header>
      <div className="search-bar">
        <div className="tabs" role="tablist" aria-label="Domain">
          {DOMAINS.map((domain) => (
            <button
              key={domain}
              type="button"
              role="tab"
              aria-selected={domain === props.domain}
              className={domain === props.domain ? 'tab active' : 'tab'}
              onClick={() => navigate(hrefOf(['golden', domain], { source: props.source }))}
            >
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
            if (event.key === 'ArrowDown') setActive((value) => Math.min(rows.length - 1, value + 1));
            else if (event.key === 'ArrowUp') setActive((value) => Math.max(0, value - 1));
            else if (event.key === 'Enter' && rows[active] !== undefined && settled === query.trim())
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
      <ul className="result-list" role="listbox" aria-label="Search results">
        {rows.map((row, position) => (
          <li key={row.id} role="option" aria-selected={position === active} className={position === active ? 'active' : undefined}>
            <a href={hrefOf(['golden', props.domain, row.id])}>
              <strong>{row.label}</strong>
              <RowSummary record={row.record ?? hitRecords.get(row.id)} />
              <span className="muted">{row.detail}</span>
            </a>
          </li>
        ))}
        {!results.isLoading && rows.length === 0 && (
          <li className="muted empty-row">
            No {props.domain} matches “{query}”.
          </li>
        )}
      </ul>
    </section>
  );
}

/** The identifying facts of a result row ("City JOLIET · CCN 140007 · cms, nppes"). */
function RowSummary(props: { record: GoldenRecordView | undefined }) {
  const line = props.record === undefined ? '' : summaryLine(props.record);
  return line === '' ? null : <span className="record-summary" data-testid="record-summary">{line}</span>;
}
