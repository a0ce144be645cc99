/**
 * Makes sure an admin can sign in on a fresh install. With MDM_ADMIN_KEY the key is registered (or
 * re-registered after a change); without it the first start generates one and prints it once. Several
 * servers starting together on one MongoDB race on a fixed `_id`, so only one generates a key.
 *
 * A revoked MDM_ADMIN_KEY stays revoked: start-up never re-registers a secret whose hash is stored as
 * revoked, and reports it (`kind: 'revoked'`) so the operator sets a new key. When MDM_ADMIN_KEY changes,
 * the previous bootstrap key is kept under another id, revoked, so its hash is remembered: putting an
 * old secret back into the environment cannot bring it back to life either.
 */
import type { Store } from '../store/types';
import { DuplicateKeyError } from '../store/types';
import { API_KEYS_COLLECTION } from './collections';
import { generateApiKeySecret, hashApiKey, newApiKeyDocument, type ApiKeyDocument } from './apiKeyStore';

export const BOOTSTRAP_KEY_ID = 'key_bootstrap_admin';

export type AdminKeySource =
  | { kind: 'environment' }
  | { kind: 'generated'; secret: string }
  | { kind: 'existing' }
  /** MDM_ADMIN_KEY names a key that was revoked: it stays revoked and cannot sign in. */
  | { kind: 'revoked'; keyId: string; revokedAt: string };

/** Moves the previous bootstrap key to its own id, revoked (if it was not already), so its hash stays known. */
async function retirePreviousBootstrapKey(store: Store, previous: ApiKeyDocument): Promise<void> {
  const keys = store.collection<ApiKeyDocument>(API_KEYS_COLLECTION);
  const retiredAt = new Date().toISOString();
  const retired: ApiKeyDocument = {
    ...previous,
    _id: `${BOOTSTRAP_KEY_ID}_retired_${retiredAt.replace(/[^0-9]/g, '')}`,
    name: `${previous.name} (replaced when MDM_ADMIN_KEY changed)`,
    revokedAt: previous.revokedAt ?? retiredAt,
    revokedBy: previous.revokedBy ?? 'system',
  };
  await keys.deleteOne({ _id: BOOTSTRAP_KEY_ID, hash: previous.hash });
  try {
    await keys.insertOne(retired);
  } catch (error) {
    // Another server starting at the same moment retired it first.
    if (!(error instanceof DuplicateKeyError)) throw error;
  }
}

/** Registers the bootstrap admin key; returns where the admin key came from. */
export async function bootstrapAdminKey(store: Store, adminKey: string | undefined): Promise<AdminKeySource> {
  const keys = store.collection<ApiKeyDocument>(API_KEYS_COLLECTION);
  if (adminKey) {
    const hash = hashApiKey(adminKey);
    const known = await keys.findOne({ hash });
    if (known?.revokedAt) return { kind: 'revoked', keyId: known._id, revokedAt: known.revokedAt };
    if (known) return { kind: 'environment' };
    const previous = await keys.findOne({ _id: BOOTSTRAP_KEY_ID });
    if (previous) await retirePreviousBootstrapKey(store, previous);
    const document = newApiKeyDocument({
      id: BOOTSTRAP_KEY_ID,
      name: 'Bootstrap admin (MDM_ADMIN_KEY)',
      role: 'admin',
      secret: adminKey,
      createdBy: 'system',
    });
    try {
      await keys.insertOne(document);
    } catch (error) {
      // Several servers with the same MDM_ADMIN_KEY starting together: one of them registered it.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
    return { kind: 'environment' };
  }
  const anyAdmin = await keys.findOne({ role: 'admin', revokedAt: { $exists: false } });
  if (anyAdmin) return { kind: 'existing' };
  const secret = generateApiKeySecret();
  const document = newApiKeyDocument({
    id: BOOTSTRAP_KEY_ID,
    name: 'Bootstrap admin (generated)',
    role: 'admin',
    secret,
    createdBy: 'system',
  });
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
