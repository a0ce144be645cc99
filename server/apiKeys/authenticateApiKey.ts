import type { Principal } from '../policies/abilities';
import type { Store } from '../store/types';
import { API_KEYS_COLLECTION } from './collections';
import { hashApiKey, type ApiKeyDocument } from './apiKeyStore';

/** The principal for a presented secret, or null when unknown or revoked. */
export async function authenticateApiKey(store: Store, secret: string): Promise<Principal | null> {
  const key = await store.collection<ApiKeyDocument>(API_KEYS_COLLECTION).findOne({ hash: hashApiKey(secret) });
  if (!key || key.revokedAt) return null;
  return { keyId: key._id, name: key.name, role: key.role };
}
