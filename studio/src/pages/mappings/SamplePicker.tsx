/**
 * Pick a sample for the mapping under edit: a recent real payload of that source (the raw payload of
 * its latest source records) or a record from the exception queue.
 */
import { useEffect, useState } from 'react';
import { useAbility, useSession } from '../../app/SessionContext';
import type { ApiClient } from '../../api/client';

interface Option {
  value: string;
  label: string;
}

/** The raw payloads of the most recently updated golden records fed by `source` (at most `limit`). */
export async function recentPayloads(args: { client: ApiClient; source: string; domain: string; limit: number }): Promise<unknown[]> {
  const { client, source, domain, limit } = args;
  const page = await client.call('listGoldenRecords', { params: { domain }, query: { limit: 500 } });
  const marker = `${domain}|${source}|`;
  const fed = page.items
    .filter((record) => record.sourceRecordIds.some((id) => id.startsWith(marker)))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
    .slice(0, limit);
  const full = await Promise.all(
    fed.map((record) => client.call('getGoldenRecord', { params: { domain, id: record.id }, query: { include: ['sources'] } })),
  );
  // The list held active records only; one retired since answers with its survivor, whose sources include it.
  return full.flatMap((record) => (('retired' in record ? record.survivor?.sources : record.sources) ?? []).filter((entry) => entry.source === source && entry.raw !== undefined).map((entry) => entry.raw));
}

/** The raw payload of one exception, as sample text. */
export async function exceptionSample(client: ApiClient, id: string): Promise<{ text: string; label: string }> {
  const exception = await client.call('getException', { params: { id } });
  const raw: unknown = exception.raw;
  return { text: typeof raw === 'string' ? raw : JSON.stringify(raw, null, 2), label: `exception ${exception.code}${exception.sourceId ? ` (${exception.sourceId})` : ''}: ${exception.message}` };
}

/** A select that loads a sample into the sample pane. */
export function SamplePicker(props: { source: string; domain: string; onPick: (text: string, label: string) => void; onError: (error: unknown) => void }) {
  const { client } = useSession();
  const canReadExceptions = useAbility('exceptions.read');
  const [options, setOptions] = useState<Option[]>([]);
  const [isBusy, setIsBusy] = useState(false);

  useEffect(() => {
    if (!canReadExceptions) return;
    let isCurrent = true;
    client.call('listExceptions', { query: { source: props.source, domain: props.domain, limit: 50 } }).then(
      (body) => isCurrent && setOptions(body.items.map((item) => ({ value: item.id, label: `${item.code}${item.sourceId ? ` · ${item.sourceId}` : ''} · ${item.message.slice(0, 60)}` }))),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [client, props.source, props.domain, canReadExceptions]);

  const pick = async (value: string): Promise<void> => {
    if (value === '') return;
    setIsBusy(true);
    try {
      if (value === 'recent') {
        const payloads = await recentPayloads({ client, source: props.source, domain: props.domain, limit: 10 });
        props.onPick(JSON.stringify(payloads, null, 2), `${payloads.length} recent ${props.source} payloads`);
      } else {
        const sample = await exceptionSample(client, value);
        props.onPick(sample.text, sample.label);
      }
    } catch (error) {
      props.onError(error);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <select aria-label="Load a sample" value="" disabled={isBusy} onChange={(event) => void pick(event.target.value)}>
      <option value="">{isBusy ? 'Loading…' : 'Load sample…'}</option>
      <option value="recent">Recent real payloads of {props.source}</option>
      {options.length > 0 && (
        <optgroup label="Exception queue">
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
