import { recordAudit } from '../audit/auditLog';
import { BadRequestError, NotFoundError } from '../errors';
import type { Principal } from '../policies/abilities';
import type { AppServices } from '../services';
import { API_KEYS_COLLECTION } from './collections';
import type { ApiKeyDocument } from './apiKeyStore';

/** Revokes a key (idempotent); a key cannot revoke itself, so an admin cannot lock everyone out by mistake. */
export async function revokeApiKey(
  services: Pick<AppServices, 'store'>,
  input: { keyId: string; actor: Principal; reason?: string },
): Promise<ApiKeyDocument> {
  const keys = services.store.collection<ApiKeyDocument>(API_KEYS_COLLECTION);
  const existing = await keys.findOne({ _id: input.keyId });
  if (!existing) throw new NotFoundError(`API key "${input.keyId}"`);
  if (existing._id === input.actor.keyId) {
    throw new BadRequestError('CANNOT_REVOKE_OWN_KEY', 'An API key cannot revoke itself; use another admin key.');
  }
  if (existing.revokedAt) return existing;
  const revokedAt = new Date().toISOString();
  return services.store.withTransaction(async (session) => {
    const updated = await keys.findOneAndUpdate(
      { _id: input.keyId, revokedAt: { $exists: false } },
      { $set: { revokedAt, revokedBy: input.actor.keyId } },
      { session },
    );
    await recordAudit({
      store: services.store,
      session,
      actor: { keyId: input.actor.keyId, name: input.actor.name, role: input.actor.role },
      action: 'apiKey.revoke',
      target: { type: 'apiKey', id: input.keyId },
      before: { revokedAt: null },
      after: { revokedAt },
      reason: input.reason,
    });
    return updated ?? existing;
  });
}
