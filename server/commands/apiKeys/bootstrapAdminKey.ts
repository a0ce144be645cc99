/**
 * Makes sure an admin can sign in on a fresh install. With MDM_ADMIN_KEY the key is registered (or
 * re-registered after a change); without it the first start generates one and prints it once. Several
 * servers starting together on one MongoDB race on a fixed `_id`, so only one generates a key.
 */
import type { Store } from '../../store/types';
import { DuplicateKeyError } from '../../store/types';
import { API_KEYS_COLLECTION } from './collections';
import { generateApiKeySecret, hashApiKey, newApiKeyDocument, type ApiKeyDocument } from './apiKeyStore';

export const BOOTSTRAP_KEY_ID = 'key_bootstrap_admin';

export type AdminKeySource =
  | { kind: 'environment' }
  | { kind: 'generated'; secret: string }
  | { kind: 'existing' };

/** Registers the bootstrap admin key; returns where the admin key came from. */
export async function bootstrapAdminKey(store: Store, adminKey: string | undefined): Promise<AdminKeySource> {
  const keys = store.collection<ApiKeyDocument>(API_KEYS_COLLECTION);
  if (adminKey) {
    const hash = hashApiKey(adminKey);
    const existing = await keys.findOne({ _id: BOOTSTRAP_KEY_ID });
    if (existing?.hash === hash && !existing.revokedAt) return { kind: 'environment' };
    const document = newApiKeyDocument({ id: BOOTSTRAP_KEY_ID, name: 'Bootstrap admin (MDM_ADMIN_KEY)', role: 'admin', secret: adminKey, createdBy: 'system' });
    await keys.replaceOne({ _id: BOOTSTRAP_KEY_ID }, document, { upsert: true });
    return { kind: 'environment' };
  }
  const anyAdmin = await keys.findOne({ role: 'admin', revokedAt: { $exists: false } });
  if (anyAdmin) return { kind: 'existing' };
  const secret = generateApiKeySecret();
  const document = newApiKeyDocument({ id: BOOTSTRAP_KEY_ID, name: 'Bootstrap admin (generated)', role: 'admin', secret, createdBy: 'system' });
  try {
    await keys.insertOne(document);
  } catch (error) {
    if (!(error instanceof DuplicateKeyError)) throw error;
    // Every admin key was revoked, the old bootstrap key included: issue a fresh one in its place.
    const replaced = await keys.replaceOne({ _id: BOOTSTRAP_KEY_ID, revokedAt: { $exists: true } }, document);
    if (replaced.matchedCount === 0) return { kind: 'existing' };
  }
  return { kind: 'generated', secret };
}
