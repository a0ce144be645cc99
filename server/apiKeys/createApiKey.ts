import { recordAudit } from '../audit/auditLog';
import type { Principal, Role } from '../policies/abilities';
import type { AppServices } from '../services';
import { API_KEYS_COLLECTION } from './collections';
import { generateApiKeySecret, newApiKeyDocument, type ApiKeyDocument } from './apiKeyStore';

/** Creates a key for `role`; returns the stored document and the secret, which is never retrievable again. */
export async function createApiKey(
  services: Pick<AppServices, 'store'>,
  input: { name: string; role: Role; actor: Principal },
): Promise<{ key: ApiKeyDocument; secret: string }> {
  const secret = generateApiKeySecret();
  const key = newApiKeyDocument({ name: input.name, role: input.role, secret, createdBy: input.actor.keyId });
  await services.store.withTransaction(async (session) => {
    await services.store.collection<ApiKeyDocument>(API_KEYS_COLLECTION).insertOne(key, { session });
    await recordAudit({
      store: services.store,
      session,
      actor: { keyId: input.actor.keyId, name: input.actor.name, role: input.actor.role },
      action: 'apiKey.create',
      target: { type: 'apiKey', id: key._id },
      after: { name: key.name, role: key.role, prefix: key.prefix },
    });
  });
  return { key, secret };
}
