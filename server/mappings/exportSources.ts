/** The two places an export reads from: the store directly, or a running server's API (no store lock needed). */
import type { MappingView, LookupSummaryView, LookupView, MappingSummaryView } from '../contracts/mappings';
import { listLookupTables } from '../lookups/lookupTables';
import type { AppServices } from '../services';
import type { ExportSource } from './exportMappings';
import { contentOf } from './publishVersion';
import { findPublishedVersion, listMappings } from './queries';
import type { MappingContent, MappingDirection, MappingTestCase } from './types';

/** Reads the store (the embedded store must not be open in another process). */
export function storeExportSource(services: Pick<AppServices, 'store'>): ExportSource {
  return {
    description: services.store.description,
    mappings: async () => {
      const result = [];
      for (const mapping of await listMappings(services, {})) {
        const published = await findPublishedVersion(services, mapping);
        result.push({
          key: { source: mapping.source, domain: mapping.domain, direction: mapping.direction },
          published: published ? contentOf(published) : null,
          draft: mapping.draft ? contentOf(mapping.draft) : null,
        });
      }
      return result;
    },
    lookupTables: async () => (await listLookupTables(services)).map((table) => ({ name: table._id, description: table.description, entries: table.entries })),
  };
}

function contentFrom(view: { expression: string; description: string; samples: unknown[]; tests: Array<Record<string, unknown>>; format?: MappingContent['format'] } | null): MappingContent | null {
  if (!view) return null;
  return contentOf({ expression: view.expression, description: view.description, samples: view.samples, tests: view.tests as MappingTestCase[], ...(view.format ? { format: view.format } : {}) });
}

/** Reads a running server through its API with an API key allowed `mappings.read` and `lookups.read`. */
export function httpExportSource(options: { baseUrl: string; apiKey: string }): ExportSource {
  const api = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${options.apiKey}` } });
    if (!response.ok) throw new Error(`GET ${api}${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return (await response.json()) as T;
  };
  return {
    description: options.baseUrl,
    mappings: async () => {
      const list = await get<{ items: MappingSummaryView[] }>('/mappings');
      const result = [];
      for (const item of list.items) {
        const view = await get<MappingView>(`/mappings/${encodeURIComponent(item.source)}/${encodeURIComponent(item.domain)}?direction=${item.direction}`);
        result.push({
          key: { source: item.source, domain: item.domain, direction: item.direction as MappingDirection },
          published: contentFrom(view.published),
          draft: contentFrom(view.draft),
        });
      }
      return result;
    },
    lookupTables: async () => {
      const list = await get<{ items: LookupSummaryView[] }>('/lookups');
      const result = [];
      for (const item of list.items) {
        const table = await get<LookupView>(`/lookups/${encodeURIComponent(item.name)}`);
        result.push({ name: table.name, description: table.description, entries: table.entries as Record<string, unknown> });
      }
      return result;
    },
  };
}
