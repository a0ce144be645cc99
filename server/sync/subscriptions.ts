/**
 * Subscription use cases (HTTP-agnostic): create, update, pause/resume, rotate the secret, delete.
 * Each change writes a version (the settings as they became) and an audit entry in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { recordAudit } from '../audit/auditLog';
import type { CreateSubscriptionBody, UpdateSubscriptionBody } from '../contracts/subscriptions';
import { BadRequestError, ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { ErrorDetail } from '../errors';
import { getPublishedMapping } from '../mappings';
import { listDomains } from '../schemas/canonicalSchemas';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { deleteBodies } from './bodies';
import { SUBSCRIPTION_STATE, SUBSCRIPTION_VERSIONS, SUBSCRIPTIONS, DELIVERIES } from './collections';
import { egressAllowList } from './egress';
import { isNonPublicAddress } from './egressRules';
import { fileDirectoryProblem } from './fileTransport';
import { newSigningSecret, secretBoxOf } from './secrets';
import { SUBSCRIPTION_EVENTS } from '../contracts/subscriptions';
import type {
  SubscriptionDocument,
  SubscriptionSettings,
  SubscriptionStateDocument,
  SubscriptionVersionDocument,
  SyncActor,
} from './types';

type Services = Pick<AppServices, 'store' | 'config' | 'mappingRuntime'>;

export function subscriptionsCollection(services: Pick<AppServices, 'store'>) {
  return services.store.collection<SubscriptionDocument>(SUBSCRIPTIONS);
}

/** The subscription, or 404. */
export async function requireSubscription(
  services: Pick<AppServices, 'store'>,
  id: string,
  session?: StoreSession,
): Promise<SubscriptionDocument> {
  const found = await subscriptionsCollection(services).findOne({ _id: id }, { session });
  if (!found) throw new NotFoundError(`Subscription "${id}"`);
  return found;
}

/** Whether the actor may see sensitive values (the golden-record API's rule: admins and stewards). */
function canSeeSensitive(actor: SyncActor): boolean {
  return actor.role === 'admin' || actor.role === 'steward';
}

/** A subscription sending sensitive values unmasked is set up and changed by admins only (else anyone could redirect it). */
export function assertMayHandleSensitive(actor: SyncActor, isSensitive: boolean): void {
  if (isSensitive && !canSeeSensitive(actor)) {
    throw new ForbiddenError(
      `Your API key does not allow this action: role "${actor.role}" may not create or change a subscription with includeSensitive (admins only).`,
    );
  }
}

/** Checks what ajv cannot: known domains, the filter's syntax, published outbound mappings. */
async function checkSettings(services: Services, settings: SubscriptionSettings): Promise<void> {
  const details: ErrorDetail[] = [];
  const known = listDomains();
  settings.domains.forEach((domain, index) => {
    if (!known.includes(domain))
      details.push({
        path: `body.domains[${index}]`,
        code: 'UNKNOWN_DOMAIN',
        message: `domain "${domain}" has no canonical schema; known domains: ${known.join(', ')}`,
      });
  });
  if (settings.filter) {
    const syntax = services.mappingRuntime.checkSyntax(settings.filter);
    if (syntax)
      details.push({
        path: 'body.filter',
        code: 'FILTER_SYNTAX_ERROR',
        message: `filter is not valid JSONata: ${syntax.message}${syntax.position !== undefined ? ` (at ${syntax.position})` : ''}`,
      });
  }
  if (settings.outboundMapping) {
    for (const domain of settings.domains.filter((d) => known.includes(d))) {
      const published = await getPublishedMapping(services, { source: settings.outboundMapping.target, domain, direction: 'outbound' });
      if (!published) {
        details.push({
          path: 'body.outboundMapping.target',
          code: 'OUTBOUND_MAPPING_NOT_PUBLISHED',
          message: `no published outbound mapping ${settings.outboundMapping.target}/${domain}: publish it first (PUT /api/v1/mappings/${settings.outboundMapping.target}/${domain}?direction=outbound)`,
        });
      }
    }
  }
  if (settings.responseMapping) {
    for (const domain of settings.domains.filter((d) => known.includes(d))) {
      if (!(await getPublishedMapping(services, { source: settings.responseMapping.target, domain, direction: 'outbound' }))) {
        details.push({
          path: 'body.responseMapping.target',
          code: 'OUTBOUND_MAPPING_NOT_PUBLISHED',
          message: `no published outbound mapping ${settings.responseMapping.target}/${domain} to read replies with`,
        });
      }
    }
  }
  if (settings.transport.type === 'file') {
    const problem = fileDirectoryProblem(settings.transport.directory, services.config.syncFileDirs);
    if (problem)
      details.push({ path: 'body.transport.directory', code: 'FILE_DIRECTORY_NOT_ALLOWED', message: `transport.directory: ${problem}` });
    if (settings.transport.format === 'csv' && settings.outboundMapping?.contentType !== 'csv') {
      details.push({
        path: 'body.transport.format',
        code: 'CSV_NEEDS_CSV_MAPPING',
        message: 'transport.format csv needs an outbound mapping with contentType csv (its rows are what the file holds)',
      });
    }
  }
  if (settings.transport.type !== 'file') {
    const problem = await literalAddressProblem(services, settings.transport.url);
    if (problem) details.push({ path: 'body.transport.url', code: 'EGRESS_REFUSED', message: `transport.url: ${problem}` });
  }
  const [firstDetail] = details;
  if (firstDetail) throw new BadRequestError('VALIDATION_FAILED', firstDetail.message, details);
}

/**
 * A destination written as a private, loopback or link-local address (or `localhost`) that the allow-list does not
 * cover is refused when the subscription is saved, not only at its first delivery (`checkEgress` still checks every
 * delivery, after resolving host names: a name is not resolved here, its answer may change). Null when acceptable.
 */
async function literalAddressProblem(services: Services, rawUrl: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null; // sealTransport reports the invalid URL
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const address = host.toLowerCase() === 'localhost' ? '127.0.0.1' : host;
  if (isIP(address) === 0 || !isNonPublicAddress(address)) return null;
  // The allow-list is read only for an address it could matter to (a store read).
  if ((await egressAllowList(services)).allows(host, address)) return null;
  return `"${host}" is a private, loopback or link-local address: allow it first with PUT /api/v1/sync/egress-allow or MDM_EGRESS_ALLOW (e.g. ${address}), or use a public host`;
}

/** An amqp URL's credentials are sealed; the settings keep it with the password replaced by `***`. */
function sealTransport(
  config: AppServices['config'],
  transport: SubscriptionSettings['transport'],
): { transport: SubscriptionSettings['transport']; sealedTransportUrl?: string } {
  if (transport.type === 'file') return { transport };
  let url: URL;
  try {
    url = new URL(transport.url);
  } catch {
    throw new BadRequestError('VALIDATION_FAILED', `body.transport.url "${transport.url}" is not a valid URL.`, [
      { path: 'body.transport.url', code: 'INVALID_URL', message: 'not a valid URL' },
    ]);
  }
  if (transport.type !== 'amqp') return { transport };
  const sealedTransportUrl = secretBoxOf(config).seal(transport.url);
  if (url.password) url.password = '***';
  return { transport: { ...transport, url: url.toString() }, sealedTransportUrl };
}

function settingsOf(input: CreateSubscriptionBody): SubscriptionSettings {
  return {
    name: input.name,
    domains: [...input.domains],
    transport: { ...input.transport },
    events: input.events ? [...input.events] : [...SUBSCRIPTION_EVENTS],
    filter: input.filter ?? null,
    changedPaths: input.changedPaths ? [...input.changedPaths] : [],
    payload: input.payload ?? 'snapshot',
    outboundMapping: input.outboundMapping
      ? { target: input.outboundMapping.target, contentType: input.outboundMapping.contentType ?? 'json' }
      : null,
    responseMapping: input.responseMapping ? { target: input.responseMapping.target } : null,
    includeSensitive: input.includeSensitive === true,
  };
}

function pickSettings(doc: SubscriptionDocument): SubscriptionSettings {
  const { name, domains, transport, events, filter, changedPaths, payload, outboundMapping } = doc;
  // Subscriptions created before the closed loop existed have no responseMapping.
  return structuredClone({
    name,
    domains,
    transport,
    events,
    filter,
    changedPaths,
    payload,
    outboundMapping,
    responseMapping: doc.responseMapping ?? null,
    includeSensitive: doc.includeSensitive === true,
  });
}

async function saveVersion(
  services: Pick<AppServices, 'store'>,
  input: {
    doc: SubscriptionDocument;
    change: string;
    reason?: string;
    actor: SyncActor;
    session: StoreSession;
    before?: SubscriptionDocument;
  },
): Promise<void> {
  const { doc } = input;
  const version: SubscriptionVersionDocument = {
    _id: `${doc._id}|v${doc.version}`,
    subscriptionId: doc._id,
    version: doc.version,
    settings: pickSettings(doc),
    status: doc.status,
    change: input.change,
    ...(input.reason ? { reason: input.reason } : {}),
    author: input.actor,
    at: doc.updatedAt,
  };
  await services.store.collection<SubscriptionVersionDocument>(SUBSCRIPTION_VERSIONS).insertOne(version, { session: input.session });
  await recordAudit({
    store: services.store,
    session: input.session,
    actor: input.actor,
    action: `subscription.${input.change}`,
    target: { type: 'subscription', id: doc._id },
    ...(input.before ? { before: { ...pickSettings(input.before), status: input.before.status, version: input.before.version } } : {}),
    after: { ...pickSettings(doc), status: doc.status, version: doc.version },
    reason: input.reason,
    at: doc.updatedAt,
  });
}

/** Creates a subscription that starts after the newest change; returns it with its secret (shown once). */
export async function createSubscription(
  services: Services,
  input: { body: CreateSubscriptionBody; actor: SyncActor },
): Promise<{ subscription: SubscriptionDocument; secret: string }> {
  assertMayHandleSensitive(input.actor, input.body.includeSensitive === true);
  const unsealed = settingsOf(input.body);
  await checkSettings(services, unsealed);
  const { transport, sealedTransportUrl } = sealTransport(services.config, unsealed.transport);
  const settings = { ...unsealed, transport };
  const secret = newSigningSecret();
  const at = new Date().toISOString();
  const doc: SubscriptionDocument = {
    _id: `sub_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
    ...settings,
    status: 'active',
    disabledReason: null,
    version: 1,
    secrets: [{ id: `sec_${randomUUID().slice(0, 8)}`, sealed: secretBoxOf(services.config).seal(secret), createdAt: at, expiresAt: null }],
    ...(sealedTransportUrl ? { sealedTransportUrl } : {}),
    createdAt: at,
    updatedAt: at,
    createdBy: input.actor,
    updatedBy: input.actor,
  };
  await services.store.withTransaction(async (session) => {
    // Live from now: the cursor starts at the newest change (drawn inside the transaction).
    const latest = await latestCursor(services);
    await subscriptionsCollection(services).insertOne(doc, { session });
    const state: SubscriptionStateDocument = {
      _id: doc._id,
      cursor: latest,
      lastDeliveredAt: null,
      lastError: null,
      failingSince: null,
      failedAttempts: 0,
    };
    await services.store.collection<SubscriptionStateDocument>(SUBSCRIPTION_STATE).insertOne(state, { session });
    await saveVersion(services, { doc, change: 'create', actor: input.actor, session });
  });
  return { subscription: doc, secret };
}

/** The cursor of the newest change-feed entry (null when the feed is empty). */
async function latestCursor(services: Pick<AppServices, 'store'>): Promise<string | null> {
  const counter = await services.store.collection<{ _id: string; value: number }>('counters').findOne({ _id: 'changes' });
  if (!counter) return null;
  return String(counter.value).padStart(16, '0');
}

async function changeSubscription(
  services: Services,
  input: {
    id: string;
    actor: SyncActor;
    change: string;
    reason?: string;
    expectedVersion?: number;
    apply: (doc: SubscriptionDocument) => SubscriptionDocument | null;
  },
): Promise<SubscriptionDocument> {
  return services.store.withTransaction(async (session) => {
    const before = await requireSubscription(services, input.id, session);
    if (input.expectedVersion !== undefined && before.version !== input.expectedVersion) {
      throw new ConflictError(
        'STALE_VERSION',
        `Subscription "${before._id}" is at version ${before.version}, not ${input.expectedVersion}: reload it and try again.`,
        { currentVersion: before.version },
      );
    }
    const next = input.apply(structuredClone(before));
    if (!next) return before;
    next.version = before.version + 1;
    next.updatedAt = new Date().toISOString();
    next.updatedBy = input.actor;
    const result = await subscriptionsCollection(services).replaceOne({ _id: before._id, version: before.version }, next, { session });
    if (result.matchedCount === 0)
      throw new ConflictError('STALE_VERSION', `Subscription "${before._id}" changed meanwhile: reload it and try again.`);
    await saveVersion(services, { doc: next, before, change: input.change, reason: input.reason, actor: input.actor, session });
    return next;
  });
}

/** Changes settings (PATCH semantics: absent fields stay). */
export async function updateSubscription(
  services: Services,
  input: { id: string; body: UpdateSubscriptionBody; actor: SyncActor },
): Promise<SubscriptionDocument> {
  const current = await requireSubscription(services, input.id);
  const { expectedVersion, reason, ...changes } = input.body;
  assertMayHandleSensitive(input.actor, current.includeSensitive === true || changes.includeSensitive === true);
  const merged: SubscriptionSettings = {
    ...pickSettings(current),
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.domains !== undefined ? { domains: [...changes.domains] } : {}),
    ...(changes.transport !== undefined ? { transport: { ...changes.transport } } : {}),
    ...(changes.events !== undefined ? { events: [...changes.events] } : {}),
    ...(changes.filter !== undefined ? { filter: changes.filter } : {}),
    ...(changes.changedPaths !== undefined ? { changedPaths: [...changes.changedPaths] } : {}),
    ...(changes.payload !== undefined ? { payload: changes.payload } : {}),
    ...(changes.includeSensitive !== undefined ? { includeSensitive: changes.includeSensitive } : {}),
    ...(changes.responseMapping !== undefined
      ? { responseMapping: changes.responseMapping ? { target: changes.responseMapping.target } : null }
      : {}),
    ...(changes.outboundMapping !== undefined
      ? {
          outboundMapping: changes.outboundMapping
            ? { target: changes.outboundMapping.target, contentType: changes.outboundMapping.contentType ?? 'json' }
            : null,
        }
      : {}),
  };
  await checkSettings(services, merged);
  const sealed = changes.transport !== undefined ? sealTransport(services.config, merged.transport) : null;
  return changeSubscription(services, {
    id: input.id,
    actor: input.actor,
    change: 'update',
    reason,
    expectedVersion,
    apply: (doc) => {
      const next: SubscriptionDocument = { ...doc, ...merged };
      if (sealed) {
        next.transport = sealed.transport;
        if (sealed.sealedTransportUrl) next.sealedTransportUrl = sealed.sealedTransportUrl;
        else delete next.sealedTransportUrl;
      }
      return next;
    },
  });
}

/** Stops deliveries (the cursor stays; nothing is lost while paused). */
export async function pauseSubscription(
  services: Services,
  input: { id: string; actor: SyncActor; reason?: string },
): Promise<SubscriptionDocument> {
  return changeSubscription(services, {
    ...input,
    change: 'pause',
    apply: (doc) => (doc.status === 'paused' ? null : { ...doc, status: 'paused' }),
  });
}

/** Resumes a paused or disabled subscription from where it stopped. */
export async function resumeSubscription(
  services: Services,
  input: { id: string; actor: SyncActor; reason?: string },
): Promise<SubscriptionDocument> {
  return changeSubscription(services, {
    ...input,
    change: 'resume',
    apply: (doc) => (doc.status === 'active' ? null : { ...doc, status: 'active', disabledReason: null }),
  });
}

/** Disables an endpoint by itself (410 Gone, or failing for days), with the reason shown on the subscription. */
export async function disableSubscription(services: Services, input: { id: string; reason: string }): Promise<void> {
  const actor = { keyId: 'system', name: 'sync dispatcher', role: 'system' };
  await changeSubscription(services, {
    id: input.id,
    actor,
    change: 'disable',
    reason: input.reason,
    apply: (doc) => (doc.status !== 'active' ? null : { ...doc, status: 'disabled', disabledReason: input.reason }),
  });
}

/** A new signing secret (returned once); the previous ones keep signing until the grace period ends. */
export async function rotateSecret(
  services: Services,
  input: { id: string; actor: SyncActor; gracePeriodSeconds?: number; reason?: string },
): Promise<{ subscription: SubscriptionDocument; secret: string }> {
  const secret = newSigningSecret();
  const now = Date.now();
  const subscription = await changeSubscription(services, {
    ...input,
    change: 'rotate-secret',
    apply: (doc) => {
      const expiresAt = new Date(now + (input.gracePeriodSeconds ?? 24 * 3600) * 1000).toISOString();
      const stillValid = doc.secrets
        .filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now)
        .map((s) => ({ ...s, expiresAt: s.expiresAt ?? expiresAt }));
      return {
        ...doc,
        secrets: [
          ...stillValid,
          {
            id: `sec_${randomUUID().slice(0, 8)}`,
            sealed: secretBoxOf(services.config).seal(secret),
            createdAt: new Date(now).toISOString(),
            expiresAt: null,
          },
        ],
      };
    },
  });
  return { subscription, secret };
}

/** Deletes a subscription and its undelivered messages; versions and audit stay. */
export async function deleteSubscription(services: Services, input: { id: string; actor: SyncActor; reason?: string }): Promise<void> {
  await services.store.withTransaction(async (session) => {
    const doc = await requireSubscription(services, input.id, session);
    await subscriptionsCollection(services).deleteOne({ _id: doc._id }, { session });
    await services.store.collection(SUBSCRIPTION_STATE).deleteOne({ _id: doc._id }, { session });
    const undelivered = await services.store
      .collection(DELIVERIES)
      .find({ subscriptionId: doc._id, isOpen: true }, { projection: { _id: 1 }, session });
    await services.store.collection(DELIVERIES).deleteMany({ subscriptionId: doc._id, isOpen: true }, { session });
    await deleteBodies(
      services,
      undelivered.map((d) => String(d._id)),
      session,
    );
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'subscription.delete',
      target: { type: 'subscription', id: doc._id },
      before: { ...pickSettings(doc), status: doc.status, version: doc.version },
      reason: input.reason,
    });
  });
}

/** Versions of a subscription, newest first. */
export async function listSubscriptionVersions(services: Pick<AppServices, 'store'>, id: string): Promise<SubscriptionVersionDocument[]> {
  return services.store
    .collection<SubscriptionVersionDocument>(SUBSCRIPTION_VERSIONS)
    .find({ subscriptionId: id }, { sort: { version: -1 } });
}

/** Secrets that sign now: the current one and those still in their grace period. */
export function signingSecrets(services: Pick<AppServices, 'config'>, doc: SubscriptionDocument, now: number): string[] {
  const box = secretBoxOf(services.config);
  let openedSecrets = openedByConfig.get(services.config);
  if (!openedSecrets) {
    openedSecrets = new Map();
    openedByConfig.set(services.config, openedSecrets);
  }
  const opened = openedSecrets;
  return doc.secrets
    .filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now)
    .map((s) => {
      // Opened once per sealed secret and server key (an AES-GCM decryption per message otherwise).
      let plain = opened.get(s.sealed);
      if (plain === undefined) {
        if (opened.size >= OPENED_KEPT) opened.clear();
        plain = box.open(s.sealed);
        opened.set(s.sealed, plain);
      }
      return plain;
    });
}
const openedByConfig = new WeakMap<AppServices['config'], Map<string, string>>();
const OPENED_KEPT = 256;
