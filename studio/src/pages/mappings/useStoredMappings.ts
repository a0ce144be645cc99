/** The mappings stored on the server, to open one in the workbench (saving arrives in the next pass). */
import { useCallback, useEffect, useState } from 'react';
import type { MappingSummaryView } from '../../../../server/contracts/mappings';
import { useSession } from '../../app/SessionContext';

export interface OpenedMapping {
  source: string;
  domain: string;
  expression: string;
  samples: unknown[];
  /** Which content was opened: the working draft, or the published version when there is no draft. */
  origin: 'draft' | 'published';
}

/** Stored mapping summaries and a loader for one mapping's draft (or published) content. */
export function useStoredMappings(): { mappings: MappingSummaryView[]; error: unknown; open: (source: string, domain: string) => Promise<OpenedMapping | null> } {
  const { client } = useSession();
  const [mappings, setMappings] = useState<MappingSummaryView[]>([]);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let isCurrent = true;
    client.call('listMappings').then(
      (body) => isCurrent && setMappings(body.items.filter((item) => item.direction === 'inbound')),
      (err: unknown) => isCurrent && setError(err),
    );
    return () => {
      isCurrent = false;
    };
  }, [client]);

  const open = useCallback(
    async (source: string, domain: string): Promise<OpenedMapping | null> => {
      try {
        const view = await client.call('getMapping', { params: { source, domain } });
        const content = view.draft ?? view.published;
        if (content === null) return null;
        setError(null);
        return { source, domain, expression: content.expression, samples: content.samples, origin: view.draft === null ? 'published' : 'draft' };
      } catch (err) {
        setError(err);
        return null;
      }
    },
    [client],
  );

  return { mappings, error, open };
}
