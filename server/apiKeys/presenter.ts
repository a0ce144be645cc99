import type { ApiKeyView } from '../contracts/apiKeys';
import type { ApiKeyDocument } from './apiKeyStore';

/** What leaves the server about a key: never its hash. */
export function presentApiKey(key: ApiKeyDocument): ApiKeyView {
  return {
    id: key._id,
    name: key.name,
    role: key.role,
    prefix: key.prefix,
    createdAt: key.createdAt,
    createdBy: key.createdBy,
    revokedAt: key.revokedAt ?? null,
  };
}
