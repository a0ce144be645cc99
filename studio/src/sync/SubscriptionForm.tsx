/**
 * Create or edit a subscription: what it receives (domains, event types, changed paths, filter, payload),
 * where it goes (webhook, AMQP or file drops) and in which format (an optional published outbound mapping).
 * The server validates; a refusal naming a field (`body.transport.url`) is shown next to that control
 * (ui/fieldErrors), the rest by the page.
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { FieldError } from '../ui/FieldError';
import { invalidProps, type FieldKey } from '../ui/fieldErrors';
import { CONTENT_TYPES, PAYLOAD_MODES, SUBSCRIPTION_EVENTS, type SubscriptionView } from '../../../server/contracts/subscriptions';
import { useSession } from '../app/SessionContext';
import { useLoad } from '../app/useLoad';

type TransportType = SubscriptionView['transport']['type'];

interface FormState {
  name: string;
  domains: string[];
  events: string[];
  changedPaths: string;
  filter: string;
  payload: (typeof PAYLOAD_MODES)[number];
  transportType: TransportType;
  url: string;
  exchange: string;
  directory: string;
  fileFormat: 'ndjson' | 'csv';
  mapping: string;
  contentType: (typeof CONTENT_TYPES)[number];
  responseMapping: string;
  includeSensitive: boolean;
}

function initialState(existing: SubscriptionView | undefined): FormState {
  const transport = existing?.transport;
  return {
    name: existing?.name ?? '',
    domains: existing?.domains ?? [],
    events: existing?.events ?? [...SUBSCRIPTION_EVENTS],
    changedPaths: (existing?.changedPaths ?? []).join(', '),
    filter: existing?.filter ?? '',
    payload: existing?.payload ?? 'snapshot',
    transportType: transport?.type ?? 'webhook',
    url: transport && transport.type !== 'file' ? transport.url : '',
    exchange: transport?.type === 'amqp' ? transport.exchange : '',
    directory: transport?.type === 'file' ? transport.directory : '',
    fileFormat: transport?.type === 'file' ? (transport.format ?? 'ndjson') : 'ndjson',
    mapping: existing?.outboundMapping?.target ?? '',
    contentType: existing?.outboundMapping?.contentType ?? 'json',
    responseMapping: existing?.responseMapping?.target ?? '',
    includeSensitive: existing?.includeSensitive ?? false,
  };
}

/** The request body the form stands for (the server fills defaults and checks the rest). */
function bodyOf(state: FormState): Record<string, unknown> {
  const transport =
    state.transportType === 'webhook'
      ? { type: 'webhook', url: state.url.trim() }
      : state.transportType === 'amqp'
        ? { type: 'amqp', url: state.url.trim(), exchange: state.exchange.trim() }
        : { type: 'file', directory: state.directory.trim(), format: state.fileFormat };
  return {
    name: state.name.trim(),
    domains: state.domains,
    events: state.events,
    changedPaths: state.changedPaths
      .split(',')
      .map((path) => path.trim())
      .filter(Boolean),
    filter: state.filter.trim() === '' ? null : state.filter,
    payload: state.payload,
    transport,
    outboundMapping: state.mapping === '' ? null : { target: state.mapping, contentType: state.contentType },
    responseMapping: state.responseMapping === '' ? null : { target: state.responseMapping },
    includeSensitive: state.includeSensitive,
  };
}

function toggle(list: string[], value: string): string[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

/** The request fields the form places a refusal next to (the page shows any other refusal). */
export const SUBSCRIPTION_FORM_FIELDS: readonly FieldKey[] = [
  'name',
  'domains',
  'transport.url',
  'transport.exchange',
  'transport.directory',
  'events',
  'changedPaths',
  'filter',
];

/** The form; `onSubmit` gets the body (create) or the changed settings (edit); `error` is the page's last refusal. */
export function SubscriptionForm(props: {
  existing?: SubscriptionView;
  submitLabel: string;
  error?: unknown;
  onSubmit: (body: Record<string, unknown>) => Promise<void>;
  onCancel?: () => void;
}) {
  const { client } = useSession();
  const [state, setState] = useState<FormState>(() => initialState(props.existing));
  const [isBusy, setIsBusy] = useState(false);
  const domains = useLoad(() => client.call('listCanonicalSchemas'), [client]);
  const outbound = useLoad(() => client.call('listMappings', { query: { direction: 'outbound' } }), [client]);
  const targets = [
    ...new Set(
      (outbound.data?.items ?? [])
        .filter((m) => m.publishedVersion !== null && (state.domains.length === 0 || state.domains.includes(m.domain)))
        .map((m) => m.source),
    ),
  ].sort();
  const set = (patch: Partial<FormState>): void => setState((current) => ({ ...current, ...patch }));
  // Aria attributes and the message element of the control for request field `field`.
  const placed = (field: string) => ({ ...invalidProps(props.error, field, `subscription-${field}-error`) });
  const message = (field: string) => <FieldError id={`subscription-${field}-error`} error={props.error} field={field} />;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setIsBusy(true);
    try {
      await props.onSubmit(bodyOf(state));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <form
      className="card subscription-form"
      aria-label={props.existing ? 'Edit subscription' : 'New subscription'}
      onSubmit={(event) => void submit(event)}
    >
      <label className="field">
        Name
        <input
          value={state.name}
          {...placed('name')}
          onChange={(event) => set({ name: event.target.value })}
          placeholder="e.g. Workday suppliers"
        />
        {message('name')}
      </label>
      <fieldset className="field" {...placed('domains')}>
        <legend>Domains</legend>
        <div className="field-inline">
          {(domains.data?.items ?? []).map(({ domain }) => (
            <label key={domain} className="field-inline">
              <input
                type="checkbox"
                checked={state.domains.includes(domain)}
                onChange={() => set({ domains: toggle(state.domains, domain) })}
              />{' '}
              {domain}
            </label>
          ))}
        </div>
        {message('domains')}
      </fieldset>
      <fieldset className="field">
        <legend>Transport</legend>
        <div className="field-inline">
          <select
            aria-label="Transport type"
            value={state.transportType}
            onChange={(event) => set({ transportType: event.target.value as TransportType })}
          >
            <option value="webhook">webhook (signed HTTP POST)</option>
            <option value="amqp">AMQP 0-9-1 (RabbitMQ)</option>
            <option value="file">file drops (one file per batch)</option>
          </select>
          {state.transportType !== 'file' && (
            <input
              aria-label="URL"
              className="grow"
              {...placed('transport.url')}
              value={state.url}
              onChange={(event) => set({ url: event.target.value })}
              placeholder={
                state.transportType === 'amqp' ? 'amqp://user:password@host:5672/vhost' : 'https://erp.example.org/hooks/suppliers'
              }
            />
          )}
          {state.transportType === 'amqp' && (
            <input
              aria-label="Exchange"
              {...placed('transport.exchange')}
              value={state.exchange}
              onChange={(event) => set({ exchange: event.target.value })}
              placeholder="exchange"
            />
          )}
          {state.transportType === 'file' && (
            <>
              <input
                aria-label="Directory"
                className="grow"
                {...placed('transport.directory')}
                value={state.directory}
                onChange={(event) => set({ directory: event.target.value })}
                placeholder="/var/mdm/drops/oracle (inside MDM_SYNC_FILE_DIRS)"
              />
              <select
                aria-label="File format"
                value={state.fileFormat}
                onChange={(event) => set({ fileFormat: event.target.value as 'ndjson' | 'csv' })}
              >
                <option value="ndjson">NDJSON</option>
                <option value="csv">CSV (csv mapping)</option>
              </select>
            </>
          )}
        </div>
        {message('transport.url')}
        {message('transport.exchange')}
        {message('transport.directory')}
      </fieldset>
      <fieldset className="field" {...placed('events')}>
        <legend>Event types</legend>
        <div className="field-inline">
          {SUBSCRIPTION_EVENTS.map((type) => (
            <label key={type} className="field-inline">
              <input type="checkbox" checked={state.events.includes(type)} onChange={() => set({ events: toggle(state.events, type) })} />{' '}
              {type}
            </label>
          ))}
        </div>
        {message('events')}
      </fieldset>
      <label className="field">
        Changed paths <span className="muted">(updates fire only when one of these changed; comma-separated, empty = any)</span>
        <input
          aria-label="Changed paths"
          value={state.changedPaths}
          {...placed('changedPaths')}
          onChange={(event) => set({ changedPaths: event.target.value })}
          placeholder="name, taxId, addresses"
        />
        {message('changedPaths')}
      </label>
      <label className="field">
        Filter <span className="muted">(JSONata over the event; only events for which it is true are sent)</span>
        <textarea
          aria-label="Filter"
          className="mono"
          rows={2}
          value={state.filter}
          {...placed('filter')}
          onChange={(event) => set({ filter: event.target.value })}
          placeholder={'data.record.status = "active"'}
        />
        {message('filter')}
      </label>
      <div className="field-inline">
        <label className="field">
          Payload
          <select
            aria-label="Payload"
            value={state.payload}
            onChange={(event) => set({ payload: event.target.value as FormState['payload'] })}
          >
            {PAYLOAD_MODES.map((mode) => (
              <option key={mode}>{mode}</option>
            ))}
          </select>
        </label>
        <label className="field">
          Outbound mapping
          <select aria-label="Outbound mapping" value={state.mapping} onChange={(event) => set({ mapping: event.target.value })}>
            <option value="">none (the standard event)</option>
            {targets.map((target) => (
              <option key={target} value={target}>
                {target}
              </option>
            ))}
          </select>
        </label>
        {state.mapping !== '' && (
          <label className="field">
            Content type
            <select
              aria-label="Content type"
              value={state.contentType}
              onChange={(event) => set({ contentType: event.target.value as FormState['contentType'] })}
            >
              {CONTENT_TYPES.map((type) => (
                <option key={type}>{type}</option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          Response mapping (closed loop)
          <select
            aria-label="Response mapping"
            value={state.responseMapping}
            onChange={(event) => set({ responseMapping: event.target.value })}
          >
            <option value="">none</option>
            {targets.map((target) => (
              <option key={target} value={target}>
                {target}
              </option>
            ))}
          </select>
          <span className="muted">Reads the target system’s id from each 2xx reply; shown on the golden record.</span>
        </label>
        <label className="field">
          <span>
            <input
              type="checkbox"
              aria-label="Include sensitive attributes"
              checked={state.includeSensitive}
              onChange={(event) => set({ includeSensitive: event.target.checked })}
            />{' '}
            Send sensitive attributes unmasked
          </span>
          <span className="muted">Admins only; while set, only admins may change this subscription.</span>
        </label>
      </div>
      <div className="toolbar">
        <button type="submit" className="button-primary" disabled={isBusy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button-ghost" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
