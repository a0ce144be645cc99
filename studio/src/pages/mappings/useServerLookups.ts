/**
 * Lookup tables stored on the server: their names (for `$lookup('` completion) and, for the tables
 * the expression actually references, their entries (so live evaluation sees real values). Tables
 * pasted on the page take precedence, so an analyst can try a change before saving it.
 */
import { useEffect, useMemo, useState } from 'react';
import type { LookupSummaryView } from '../../../../server/contracts/mappings';
import { referencedLookupTables } from '../../../../server/mapping-runtime/expressionAnalysis';
import { useAbility, useSession } from '../../app/SessionContext';
import type { LookupTableInfo } from '../../jsonata/completion';

type Entries = Record<string, unknown>;

/** Server tables for completion, and entries of the referenced ones (fetched once per revision). */
export function useServerLookups(expression: string): { tables: LookupTableInfo[]; entries: Record<string, Entries>; error: unknown } {
  const { client } = useSession();
  const canRead = useAbility('lookups.read');
  const [summaries, setSummaries] = useState<LookupSummaryView[]>([]);
  const [loaded, setLoaded] = useState<Record<string, { revision: number; entries: Entries }>>({});
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!canRead) return undefined;
    let isCurrent = true;
    client.call('listLookupTables').then(
      (body) => isCurrent && setSummaries(body.items),
      (err: unknown) => isCurrent && setError(err),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, canRead]);

  // Joined into a string so the effect below reruns only when the set of names changes, not per keystroke.
  const referencedKey = useMemo(() => referencedLookupTables(expression).join('\n'), [expression]);

  useEffect(() => {
    const wanted = referencedKey === '' ? [] : referencedKey.split('\n');
    const missing = summaries.filter((summary) => wanted.includes(summary.name) && loaded[summary.name]?.revision !== summary.revision);
    if (missing.length === 0) return undefined;
    let isCurrent = true;
    Promise.all(missing.map((summary) => client.call('getLookupTable', { params: { name: summary.name } }))).then(
      (tables) => {
        if (!isCurrent) return;
        setLoaded((previous) => {
          const next = { ...previous };
          for (const table of tables) next[table.name] = { revision: table.revision, entries: table.entries as Entries };
          return next;
        });
      },
      (err: unknown) => isCurrent && setError(err),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, referencedKey, summaries, loaded]);

  const tables = useMemo(
    () => summaries.map((summary) => ({ name: summary.name, description: `${summary.entryCount} entries — ${summary.description}` })),
    [summaries],
  );
  const entries = useMemo(() => {
    const result: Record<string, Entries> = {};
    for (const name of referencedKey === '' ? [] : referencedKey.split('\n')) {
      if (loaded[name] !== undefined) result[name] = loaded[name].entries;
    }
    return result;
  }, [referencedKey, loaded]);

  return { tables, entries, error };
}
