/**
 * Egress checks before any outbound connection: the URL's host is resolved here, every resolved
 * address is checked against the non-public ranges and the allow-list, and the connection is then
 * made to the checked address (see webhookTransport.ts), so a DNS answer that changes between check
 * and connect (rebinding) cannot reach a private address.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { recordAudit, type AuditActor } from '../audit/auditLog';
import { BadRequestError } from '../errors';
import type { AppServices } from '../services';
import { SYNC_SETTINGS } from './collections';
import { EgressAllowList, egressEntryProblem, isNonPublicAddress } from './egressRules';

interface EgressSettingsDocument {
  _id: 'egressAllow';
  entries: string[];
  updatedAt: string;
  updatedBy: AuditActor;
  [key: string]: unknown;
}

/** Thrown when a destination may not be reached; the message says why and how to allow it. */
export class EgressRefusedError extends Error {
  readonly code = 'EGRESS_REFUSED';
}

/** Entries an admin stored through the API (the environment's come on top). */
export async function storedEgressEntries(services: Pick<AppServices, 'store'>): Promise<{ entries: string[]; updatedAt: string | null }> {
  const found = await services.store.collection<EgressSettingsDocument>(SYNC_SETTINGS).findOne({ _id: 'egressAllow' });
  return { entries: found?.entries ?? [], updatedAt: found?.updatedAt ?? null };
}

/** The effective allow-list: `MDM_EGRESS_ALLOW` plus what admins stored. */
export async function egressAllowList(services: Pick<AppServices, 'store' | 'config'>): Promise<EgressAllowList> {
  const stored = await storedEgressEntries(services);
  return new EgressAllowList([...services.config.egressAllow, ...stored.entries]);
}

/** Replaces the stored allow-list (admin), audited; every entry is checked first. */
export async function setEgressAllowList(
  services: Pick<AppServices, 'store'>,
  input: { entries: string[]; actor: AuditActor; reason?: string },
): Promise<{ entries: string[]; updatedAt: string }> {
  const details = input.entries.flatMap((entry, index) => {
    const problem = egressEntryProblem(entry);
    return problem ? [{ path: `body.entries[${index}]`, code: 'INVALID_EGRESS_ENTRY', message: problem }] : [];
  });
  const [firstDetail] = details;
  if (firstDetail) throw new BadRequestError('VALIDATION_FAILED', firstDetail.message, details);
  const at = new Date().toISOString();
  return services.store.withTransaction(async (session) => {
    const settings = services.store.collection<EgressSettingsDocument>(SYNC_SETTINGS);
    const before = await settings.findOne({ _id: 'egressAllow' }, { session });
    await settings.replaceOne(
      { _id: 'egressAllow' },
      { _id: 'egressAllow', entries: input.entries, updatedAt: at, updatedBy: input.actor },
      { upsert: true, session },
    );
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'sync.egress.update',
      target: { type: 'egressAllowList', id: 'egressAllow' },
      before: before?.entries ?? [],
      after: input.entries,
      reason: input.reason,
      at,
    });
    return { entries: input.entries, updatedAt: at };
  });
}

/** Resolves `url`'s host and returns the address to connect to, or throws EgressRefusedError. */
export async function checkEgress(url: URL, allowList: EgressAllowList): Promise<{ address: string; family: 4 | 6 }> {
  if (!['http:', 'https:', 'amqp:', 'amqps:'].includes(url.protocol))
    throw new EgressRefusedError(`Only http(s) and amqp(s) destinations are allowed, not ${url.protocol}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Array<{ address: string; family: number }>;
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      throw new EgressRefusedError(`The host "${host}" could not be resolved (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})`);
    }
  }
  const [chosen] = addresses;
  if (!chosen) throw new EgressRefusedError(`The host "${host}" has no address`);
  for (const { address } of addresses) {
    if (isNonPublicAddress(address) && !allowList.allows(host, address)) {
      throw new EgressRefusedError(
        `"${host}" resolves to ${address}, a private or loopback address: allow it with PUT /api/v1/sync/egress-allow or MDM_EGRESS_ALLOW (e.g. ${address})`,
      );
    }
  }
  return { address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
