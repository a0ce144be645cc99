/**
 * One stored mapping as the editor works on it: load (draft, else published), save the draft with
 * the revision last read, run tests, publish, "what changes", versions and rollback — all through
 * the mapping API. A mapping that does not exist yet is created by the first save.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DiffPreviewResponse, TestReportView } from '../../../../server/contracts/mappingEvaluation';
import type { MappingTestCaseView, MappingVersionSummaryView, MappingVersionView, MappingView, PublishResponse } from '../../../../server/contracts/mappings';
import type { SourceFormat } from '../../../../server/ingest/formats/registry';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/SessionContext';

export interface MappingContent {
  expression: string;
  samples: unknown[];
  tests: MappingTestCaseView[];
  description: string;
  /** The source's content type and parser options (saved with the draft; ingest reads with them). */
  format?: SourceFormat;
}

export interface MappingDocument {
  view: MappingView | null;
  /**
   * What the server holds (null while loading; empty content for a mapping that does not exist
   * yet). Replaced by a new object after every load, save, publish and rollback, so the editor can
   * show the server's content after any action.
   */
  loaded: MappingContent | null;
  isNew: boolean;
  loadError: unknown;
  save: (content: MappingContent) => Promise<MappingView>;
  runTests: (content: Pick<MappingContent, 'expression' | 'tests'>) => Promise<TestReportView>;
  publish: (note?: string) => Promise<PublishResponse>;
  whatChanges: () => Promise<DiffPreviewResponse>;
  listVersions: () => Promise<MappingVersionSummaryView[]>;
  getVersion: (version: number) => Promise<MappingVersionView>;
  rollback: (version: number, reason: string) => Promise<MappingVersionSummaryView>;
}

/** The content the editor edits: the draft, else the published version. */
export function contentOf(view: MappingView): MappingContent {
  const content = view.draft ?? view.published;
  return {
    expression: content?.expression ?? '',
    samples: content?.samples ?? [],
    tests: content?.tests ?? [],
    description: content?.description ?? '',
    ...(content?.format ? { format: { contentType: content.format.contentType, options: (content.format.options ?? {}) as SourceFormat['options'] } } : {}),
  };
}

/** The mapping `source`/`domain` (inbound), or null when the page is the scratch workbench. */
export function useMappingDocument(key: { source: string; domain: string } | null): MappingDocument {
  const { client } = useSession();
  const [view, setViewState] = useState<MappingView | null>(null);
  // Actions chained in one handler (save, then publish) must see the revision the save produced.
  const latest = useRef<MappingView | null>(null);
  const setView = useCallback((next: MappingView | null) => {
    latest.current = next;
    setViewState(next);
  }, []);
  const [loaded, setLoaded] = useState<MappingContent | null>(null);
  const [isNew, setIsNew] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const source = key?.source ?? '';
  const domain = key?.domain ?? '';
  // Calls are made only for a mapping (key not null): the scratch workbench has no server document.
  const params = useMemo(() => ({ source, domain }), [source, domain]);
  const hasDocument = key !== null;

  const hold = useCallback(
    (body: MappingView) => {
      setView(body);
      setLoaded(contentOf(body));
    },
    [setView],
  );

  useEffect(() => {
    if (!hasDocument) return undefined;
    let isCurrent = true;
    client.call('getMapping', { params }).then(
      (body) => {
        if (!isCurrent) return;
        hold(body);
      },
      (error: unknown) => {
        if (!isCurrent) return;
        if (error instanceof ApiError && error.status === 404) {
          setIsNew(true);
          setLoaded({ expression: '{\n  \n}', samples: [], tests: [], description: '' });
        } else setLoadError(error);
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [client, hasDocument, params, hold]);

  const save = useCallback(
    async (content: MappingContent): Promise<MappingView> => {
      const current = latest.current;
      const revision = current?.draft?.revision ?? (current === null ? 0 : undefined);
      const { format, ...rest } = content;
      // The contract types options as an open object (each format's options are checked by the server).
      const formatBody = format ? { format: { contentType: format.contentType, options: { ...format.options } as Record<string, unknown> } } : {};
      const saved = await client.call('putMappingDraft', { params, body: { ...rest, ...formatBody, samples: content.samples.slice(0, 100), revision } });
      hold(saved);
      setIsNew(false);
      return saved;
    },
    [client, params, hold],
  );

  const runTests = useCallback((content: Pick<MappingContent, 'expression' | 'tests'>) => client.call('testMappingDraft', { params, body: content }), [client, params]);

  const publish = useCallback(
    async (note?: string): Promise<PublishResponse> => {
      const result = await client.call('publishMapping', { params, body: { note, revision: latest.current?.draft?.revision } });
      hold(await client.call('getMapping', { params }));
      return result;
    },
    [client, params, hold],
  );

  const whatChanges = useCallback(() => client.call('diffPreviewMapping', { params, body: { limit: 200 } }), [client, params]);
  const listVersions = useCallback(async () => (await client.call('listMappingVersions', { params })).items, [client, params]);
  const getVersion = useCallback((version: number) => client.call('getMappingVersion', { params: { ...params, version } }), [client, params]);
  const rollback = useCallback(
    async (version: number, reason: string): Promise<MappingVersionSummaryView> => {
      const result = await client.call('rollbackMapping', { params, body: { version, reason } });
      hold(await client.call('getMapping', { params }));
      return result;
    },
    [client, params, hold],
  );

  return { view, loaded, isNew, loadError, save, runTests, publish, whatChanges, listVersions, getVersion, rollback };
}
