/**
 * The signed-in session: the API client, who the key belongs to and what it may do, as computed
 * by the server (`GET /api/v1/me`). The UI renders from these abilities; the server still checks.
 */
import { createContext, useContext } from 'react';
import type { MeView } from '../../../server/contracts/apiKeys';
import type { Action } from '../../../server/policies/abilities';
import type { ApiClient } from '../api/client';

export interface Session {
  client: ApiClient;
  me: MeView;
  signOut: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session; components under the signed-in shell may rely on it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession must be used inside the signed-in studio shell.');
  return session;
}

/** Whether the signed-in key may perform `action` (false while unknown). */
export function useAbility(action: Action): boolean {
  const session = useContext(SessionContext);
  return session?.me.abilities[action] === true;
}
