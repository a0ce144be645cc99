/** Loads the canonical domains and the selected domain's JSON Schema from the API. */
import { useEffect, useState } from 'react';
import { useSession } from '../../app/SessionContext';
import type { JsonSchema } from '../../jsonata/schemaShape';

export interface DomainSummary {
  domain: string;
  version?: string;
  title?: string;
}

/** Domains (`GET /schemas`) and the schema of `domain` (`GET /schemas/{domain}`), with load errors. */
export function useCanonicalSchemas(domain: string): { domains: DomainSummary[]; schema: JsonSchema | null; error: unknown } {
  const { client } = useSession();
  const [domains, setDomains] = useState<DomainSummary[]>([]);
  const [schema, setSchema] = useState<JsonSchema | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let isCurrent = true;
    client.get<{ items: DomainSummary[] }>('/schemas').then(
      (body) => isCurrent && setDomains(body.items),
      (err: unknown) => isCurrent && setError(err),
    );
    return () => {
      isCurrent = false;
    };
  }, [client]);

  useEffect(() => {
    let isCurrent = true;
    setSchema(null);
    client.get<JsonSchema>(`/schemas/${encodeURIComponent(domain)}`).then(
      (body) => {
        if (!isCurrent) return;
        setSchema(body);
        setError(null);
      },
      (err: unknown) => isCurrent && setError(err),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, domain]);

  return { domains, schema, error };
}
