/**
 * Standard Webhooks signatures: `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, one per
 * valid secret, space-separated (so a receiver holding either secret verifies during a rotation).
 * Node's crypto rather than the `standardwebhooks` package: same algorithm, native HMAC, and
 * several secrets at once; the tests verify our headers with the package.
 */
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { signingKeyOf } from './secrets';

/** One HMAC key object per secret (decoding the base64 secret for every message is wasted work). */
const keys = new Map<string, KeyObject>();
const KEYS_KEPT = 256;
function hmacKeyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= KEYS_KEPT) keys.clear();
    key = createSecretKey(signingKeyOf(secret));
    keys.set(secret, key);
  }
  return key;
}

/** The `webhook-signature` header value for a message. */
export function signatureHeader(input: { secrets: string[]; id: string; timestamp: number; body: string | Buffer }): string {
  return input.secrets
    .map((secret) => {
      const hmac = createHmac('sha256', hmacKeyOf(secret));
      hmac.update(`${input.id}.${input.timestamp}.`);
      hmac.update(input.body);
      return `v1,${hmac.digest('base64')}`;
    })
    .join(' ');
}
