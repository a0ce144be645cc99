/**
 * API keys are random 256-bit secrets shown once at creation; only their SHA-256 hash is stored
 * (a fast hash is right here: the secret has full entropy, so it cannot be brute-forced like a password).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../policies/abilities';

export interface ApiKeyDocument {
  _id: string;
  name: string;
  role: Role;
  hash: string;
  /** First characters of the secret, to recognise a key in lists. */
  prefix: string;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
  [key: string]: unknown;
}

/** SHA-256 of a presented secret, hex. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new random secret in the `mdm_…` format. */
export function generateApiKeySecret(): string {
  return `mdm_${randomBytes(32).toString('base64url')}`;
}

/** A new key document for `secret` (not yet stored). */
export function newApiKeyDocument(options: { id?: string; name: string; role: Role; secret: string; createdBy: string }): ApiKeyDocument {
  return {
    _id: options.id ?? `key_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    name: options.name,
    role: options.role,
    hash: hashApiKey(options.secret),
    prefix: options.secret.slice(0, 8),
    createdAt: new Date().toISOString(),
    createdBy: options.createdBy,
  };
}
