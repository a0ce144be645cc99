/** The golden records behind a list of ids (search hits, inbox tasks), so rows can show names and key identifiers. */
import type { GoldenRecordView } from '../../../../server/contracts/golden';
import type { ApiClient } from '../../api/client';
import { useLoad } from '../../app/useLoad';

/** Loads each `{ domain, id }` once (a retired record: its survivor); ids that fail to load are left out. */
export function useGoldenRecords(
  client: ApiClient,
  wanted: ReadonlyArray<{ domain: string; id: string }>,
): ReadonlyMap<string, GoldenRecordView> {
  const keys = [...new Set(wanted.map(({ domain, id }) => `${domain}/${id}`))].sort();
  const loaded = useLoad(async () => {
    const entries = await Promise.all(
      keys.map(async (key) => {
        const [domain = '', id = ''] = key.split('/');
        const body = await client.call('getGoldenRecord', { params: { domain, id } }).catch(() => null);
        const record = body === null ? null : 'retired' in body ? body.survivor : body;
        return record === null || record === undefined ? null : ([id, record] as const);
      }),
    );
    return new Map(entries.filter((entry) => entry !== null));
  }, [client, keys.join(',')]);
  return loaded.data ?? EMPTY;
}

const EMPTY: ReadonlyMap<string, GoldenRecordView> = new Map();
