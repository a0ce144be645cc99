/**
 * Matching rules. The page asks the server's OpenAPI document which matching-rule operations exist,
 * so it only offers what this server can do; while the rules API is absent it says so plainly.
 */
import { ErrorNotice } from '../../app/ErrorNotice';
import { useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';

interface OpenApiDocument {
  paths: Record<string, Record<string, { summary?: string }>>;
}

/** The matching-rules page. */
export function RulesPage(props: { domain?: string }) {
  const { client } = useSession();
  const api = useLoad(() => client.get<OpenApiDocument>('/openapi.json'), [client]);
  const operations = Object.entries(api.data?.paths ?? {})
    .filter(([path]) => path.startsWith('/api/v1/matching/'))
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => `${method.toUpperCase()} ${path} — ${operation.summary ?? ''}`));
  return (
    <section className="page">
      <header className="page-header">
        <h1>Matching rules{props.domain ? ` · ${props.domain}` : ''}</h1>
        <p className="muted">How candidate duplicates are found and scored, per domain.</p>
      </header>
      {api.error !== null && <ErrorNotice error={api.error} />}
      {api.data !== null && operations.length === 0 && (
        <div className="empty-state">
          <p>
            This server does not offer the matching-rules API yet (no <code>/api/v1/matching/…</code> operations in its OpenAPI
            document), so rules cannot be viewed or edited here. The rules in force are the files in <code>matching-rules/</code>.
          </p>
        </div>
      )}
      {operations.length > 0 && (
        <ul className="muted">
          {operations.map((operation) => (
            <li key={operation}>{operation}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
