/**
 * Top-level component: restores the API key from sessionStorage, loads `GET /api/v1/me`, and
 * shows either the sign-in screen or the signed-in shell with the page for the current route.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import type { MeView } from '../../../server/contracts/apiKeys';
import { ApiError, createApiClient } from '../api/client';
import type { ApiClient } from '../api/client';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { ExceptionsPage } from '../pages/exceptions/ExceptionsPage';
import { GoldenPage } from '../pages/golden/GoldenPage';
import { JobsPage } from '../pages/jobs/JobsPage';
import { InboxPage } from '../pages/inbox/InboxPage';
import { SubscriptionsPage } from '../sync/SubscriptionsPage';
import { present } from '../../../server/invariant';
import { NAV_ITEMS } from './navigation';
import { SessionContext } from './SessionContext';
import type { Session } from './SessionContext';
import { SignIn } from './SignIn';
import { Shell } from './Shell';
import { clearStoredKey, readStoredKey, storeKey } from './session';
import { useHashRoute } from './useHashRoute';
import { DialogHost } from '../ui/Dialog';
import { parseRoute } from './route';
import { PageErrorBoundary } from './PageErrorBoundary';

// Monaco is large: load it only when the Mappings or Rules page opens (the rules page also brings ajv
// and the rules schema), so sign-in, the dashboard and the inbox stay small.
const RulesPage = lazy(() => import('../pages/rules/RulesPage').then((module) => ({ default: module.RulesPage })));
const MappingsSection = lazy(() => import('../pages/mappings/MappingsSection').then((module) => ({ default: module.MappingsSection })));

type State = { phase: 'checking' } | { phase: 'signedOut'; error?: unknown } | { phase: 'signedIn'; client: ApiClient; me: MeView };

/** Who the key belongs to and what it may do; throws ApiError (401 for a key the server rejects). */
function loadMe(key: string): Promise<MeView> {
  return createApiClient({ apiKey: key }).call('getMe');
}

/** The studio application. */
export function App() {
  const route = useHashRoute();
  const [state, setState] = useState<State>(() => (readStoredKey() === null ? { phase: 'signedOut' } : { phase: 'checking' }));

  const signOut = useCallback((error?: unknown) => {
    clearStoredKey();
    setState({ phase: 'signedOut', error });
  }, []);

  const onUnauthorized = useCallback(
    () => signOut(new ApiError({ status: 401, code: 'UNAUTHORIZED', message: 'Your API key is no longer accepted. Sign in again.' })),
    [signOut],
  );

  useEffect(() => {
    const stored = readStoredKey();
    if (stored === null) return;
    loadMe(stored).then(
      (me) => setState({ phase: 'signedIn', client: createApiClient({ apiKey: stored, onUnauthorized }), me }),
      // Only a rejected key is forgotten; an unreachable server should not cost the analyst their key.
      (error: unknown) => (error instanceof ApiError && error.status !== 401 ? setState({ phase: 'signedOut', error }) : signOut(error)),
    );
  }, [onUnauthorized, signOut]);

  const signIn = useCallback(
    async (key: string) => {
      const me = await loadMe(key);
      storeKey(key);
      setState({ phase: 'signedIn', client: createApiClient({ apiKey: key, onUnauthorized }), me });
    },
    [onUnauthorized],
  );

  const session = useMemo<Session | null>(
    () => (state.phase === 'signedIn' ? { client: state.client, me: state.me, signOut: () => signOut() } : null),
    [state, signOut],
  );

  if (state.phase === 'checking') return <div className="splash">Loading…</div>;
  if (session === null) return <SignIn onSubmit={signIn} initialError={state.phase === 'signedOut' ? state.error : undefined} />;

  const parsed = parseRoute(route);
  const section = parsed.segments.length === 0 ? '/' : `/${parsed.segments[0]}`;
  const item = NAV_ITEMS.find((candidate) => candidate.path === section) ?? present(NAV_ITEMS[0], 'the dashboard navigation item');
  const isAllowed = item.action === null || session.me.abilities[item.action] === true;
  const rest = parsed.segments.slice(1);
  let page;
  if (!isAllowed) {
    page = (
      <section className="page">
        <h1>{item.label}</h1>
        <p className="notice notice-warning">Your role ({session.me.key.role}) may not open this section.</p>
      </section>
    );
  } else if (item.path === '/mappings') {
    page = (
      <Suspense fallback={<div className="splash">Loading the editor…</div>}>
        <MappingsSection segments={rest} query={parsed.query} />
      </Suspense>
    );
  } else if (item.path === '/inbox') {
    page = <InboxPage taskId={rest[0]} query={parsed.query} />;
  } else if (item.path === '/golden') {
    page = <GoldenPage domain={rest[0]} id={rest[1]} query={parsed.query} />;
  } else if (item.path === '/exceptions') {
    page = <ExceptionsPage query={parsed.query} />;
  } else if (item.path === '/jobs') {
    page = <JobsPage query={parsed.query} />;
  } else if (item.path === '/sync') {
    page = <SubscriptionsPage segments={rest} query={parsed.query} />;
  } else if (item.path === '/rules') {
    page = (
      <Suspense fallback={<div className="splash">Loading the rules…</div>}>
        <RulesPage domain={rest[0]} table={rest[1]} />
      </Suspense>
    );
  } else {
    page = <DashboardPage />;
  }

  return (
    <SessionContext.Provider value={session}>
      <Shell route={item.path}>
        <PageErrorBoundary route={route}>{page}</PageErrorBoundary>
      </Shell>
      <DialogHost />
    </SessionContext.Provider>
  );
}
