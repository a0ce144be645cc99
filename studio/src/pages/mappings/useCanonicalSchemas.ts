/** Loads the canonical domains and the selected domain's JSON Schema from the API. */
import { useEffect, useState } from 'react';
import { useSession } from '../../app/SessionContext';
import type { OperationResponse } from '../../../../server/contracts/operations';
import type { JsonSchema } from '../../jsonata/schemaShape';

export type DomainSummary = OperationResponse<'listCanonicalSchemas'>['items'][number];

/** Domains (`GET /schemas`) and the schema of `domain` (`GET /schemas/{domain}`), with load errors. */
export function useCanonicalSchemas(domain: string): { domains: DomainSummary[]; schema: JsonSchema | null; error: unknown } {
  const { client } = useSession();
  const [domains, setDomains] = useState<DomainSummary[]>([]);
  const [schema, setSchema] = useState<JsonSchema | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let isCurrent = true;
    client.call('listCanonicalSchemas').then(
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
    client.call('getCanonicalSchema', { params: { domain } }).then(
      (body) => {
        if (!isCurrent) return;
        // The answer is the domain's JSON Schema document (its contract declares only `$schema` and `$id`).
        setSchema(body as JsonSchema);
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
