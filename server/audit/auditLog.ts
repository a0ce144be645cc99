/**
 * The append-only audit log. Every mutation writes its entry in the same store operation (pass the
 * transaction session) as the change it describes: who (key and role, or the rule for automatic
 * decisions), when, what, before and after, and why.
 */
import { randomUUID } from 'node:crypto';
import { correlationField } from '../correlation';
import { insertDeferrable } from '../store/deferredInserts';
import type { Store, StoreSession } from '../store/types';
import { AUDIT_COLLECTION } from './collections';

export interface AuditActor {
  /** API key id, or `system` for automatic decisions. */
  keyId: string;
  name: string;
  role: string;
  /** For automatic decisions: the rule (and version) that made them. */
  rule?: string;
}

export interface AuditEntry {
  _id: string;
  at: string;
  actor: AuditActor;
  action: string;
  target: { type: string; id: string; domain?: string };
  before?: unknown;
  after?: unknown;
  reason?: string;
  /** The correlation id of the request, job or message that caused it (server/correlation.ts). */
  correlationId?: string;
  [key: string]: unknown;
}

/** The actor recorded for decisions the system makes by itself. */
export function systemActor(rule: string): AuditActor {
  return { keyId: 'system', name: 'system', role: 'system', rule };
}

/** Appends one audit entry; pass `session` so it commits with the change it describes. */
export async function recordAudit(options: {
  store: Store;
  session?: StoreSession;
  actor: AuditActor;
  action: string;
  target: AuditEntry['target'];
  before?: unknown;
  after?: unknown;
  reason?: string;
  at?: string;
}): Promise<AuditEntry> {
  const entry: AuditEntry = {
    _id: `aud_${randomUUID()}`,
    at: options.at ?? new Date().toISOString(),
    actor: options.actor,
    action: options.action,
    target: options.target,
    ...(options.before !== undefined ? { before: options.before } : {}),
    ...(options.after !== undefined ? { after: options.after } : {}),
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
    ...correlationField(),
  };
  // Deferred in an ingest group: nothing to await (`insertDeferrable`).
  const written = insertDeferrable({ store: options.store, collection: AUDIT_COLLECTION, doc: entry, session: options.session });
  if (written) await written;
  return entry;
}
