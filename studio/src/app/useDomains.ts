/**
 * The canonical domains as the server lists them (`GET /api/v1/schemas`), read once per signed-in
 * client and shared by every page: domains are configuration, never a list in the studio.
 */
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { useSession } from './SessionContext';

const cache = new WeakMap<ApiClient, Promise<string[]>>();
// Answers already received, so a page opened later renders its domains at once (no loading flash).
const resolved = new WeakMap<ApiClient, string[]>();

function loadDomains(client: ApiClient): Promise<string[]> {
  let pending = cache.get(client);
  if (pending === undefined) {
    pending = client.call('listCanonicalSchemas').then((body) => {
      const domains = body.items.map((item) => item.domain);
      resolved.set(client, domains);
      return domains;
    });
    // A failed read is not remembered: the next page that asks tries again.
    pending.catch(() => cache.delete(client));
    cache.set(client, pending);
  }
  return pending;
}

/** The server's domains (null while loading) and the load error, if any. */
export function useDomains(): { domains: string[] | null; error: unknown } {
  const { client } = useSession();
  const [state, setState] = useState<{ domains: string[] | null; error: unknown }>(() => ({
    domains: resolved.get(client) ?? null,
    error: null,
  }));
  useEffect(() => {
    let isCurrent = true;
    loadDomains(client).then(
      (domains) => isCurrent && setState({ domains, error: null }),
      (error: unknown) => isCurrent && setState({ domains: null, error }),
    );
    return () => {
      isCurrent = false;
    };
  }, [client]);
  return state;
}
