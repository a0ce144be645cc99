/**
 * Signing secrets of subscriptions. They must be usable to sign every delivery, so they cannot be
 * hashed like API keys: they are stored encrypted (AES-256-GCM) with a key that is not in the store —
 * `MDM_SECRETS_KEY` when set (required when several servers share one MongoDB), otherwise a random key
 * kept in `<dataDir>/secrets.key` (mode 0600). A copy of the database alone does not reveal them.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config';

const PREFIX = 'whsec_';

/** A new Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The HMAC key of a `whsec_` secret. */
export function signingKeyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

/** Encrypts and decrypts stored secrets with the server's secrets key. */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

function keyFromFile(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secrets.key');
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const key = randomBytes(32);
    // `wx`: two processes starting at once cannot both write a key (the loser reads the winner's).
    try {
      writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
      return key;
    } catch {
      return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    }
  }
}

const boxes = new WeakMap<AppConfig, SecretBox>();

/** The secret box of this configuration (created once; the key file on first use). */
export function secretBoxOf(config: AppConfig): SecretBox {
  const existing = boxes.get(config);
  if (existing) return existing;
  const key = config.secretsKey ? createHash('sha256').update(config.secretsKey).digest() : keyFromFile(config.dataDir);
  const box: SecretBox = {
    seal: (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`;
    },
    open: (sealed) => {
      const [version, iv, tag, data] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('unreadable sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    },
  };
  boxes.set(config, box);
  return box;
}
