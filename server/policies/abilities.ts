/**
 * Declarative permissions. Every route names one action; this table says which roles may perform it.
 * `source:<name>` keys may only ingest for their own source system (checked against the route's
 * `source` parameter). The studio renders from the abilities computed here (GET /api/v1/me).
 */
import { ForbiddenError } from '../errors';

export const FIXED_ROLES = ['admin', 'steward', 'analyst', 'consumer'] as const;
export type FixedRole = (typeof FIXED_ROLES)[number];
/** A fixed role or `source:<name>`. */
export type Role = FixedRole | `source:${string}`;

export const SOURCE_ROLE_PATTERN = /^source:[a-z0-9][a-z0-9_-]{0,62}$/;

/** Every action a route can require, and the fixed roles allowed to perform it. */
export const ACTIONS = {
  'keys.manage': ['admin'],
  'me.read': ['admin', 'steward', 'analyst', 'consumer', 'source'],
  'schemas.read': ['admin', 'steward', 'analyst', 'consumer', 'source'],
  'mappings.read': ['admin', 'steward', 'analyst'],
  'mappings.write': ['admin', 'analyst'],
  'mappings.publish': ['admin', 'analyst'],
  'lookups.read': ['admin', 'steward', 'analyst'],
  'lookups.write': ['admin', 'analyst'],
  'ingest.write': ['admin', 'source'],
  // Upload jobs (a file through the published mapping, progress and totals in /jobs): analysts run
  // such loads to onboard a source from the studio. Inline ingest stays with feeds and admins.
  'ingest.upload': ['admin', 'analyst', 'source'],
  'jobs.read': ['admin', 'steward', 'analyst', 'source'],
  'jobs.manage': ['admin', 'steward', 'analyst', 'source'],
  'exceptions.read': ['admin', 'steward', 'analyst'],
  'exceptions.manage': ['admin', 'steward', 'analyst'],
  'golden.read': ['admin', 'steward', 'analyst', 'consumer'],
  'golden.write': ['admin', 'steward'],
  'tasks.read': ['admin', 'steward', 'analyst'],
  'tasks.act': ['admin', 'steward'],
  'rules.read': ['admin', 'steward', 'analyst'],
  'rules.write': ['admin', 'analyst'],
  'match.verify': ['admin', 'steward', 'analyst'],
  'audit.read': ['admin', 'steward', 'analyst'],
  'changes.read': ['admin', 'steward', 'analyst', 'consumer'],
  'stats.read': ['admin', 'steward', 'analyst', 'consumer'],
  'subscriptions.read': ['admin', 'analyst'],
  'subscriptions.write': ['admin', 'analyst'],
  'subscriptions.replay': ['admin', 'analyst'],
  'egress.manage': ['admin'],
} as const satisfies Record<string, ReadonlyArray<FixedRole | 'source'>>;

export type Action = keyof typeof ACTIONS;

export interface Principal {
  keyId: string;
  name: string;
  role: Role;
}

/** The source system a `source:<name>` role is bound to, or undefined for fixed roles. */
export function sourceOfRole(role: Role): string | undefined {
  return role.startsWith('source:') ? role.slice('source:'.length) : undefined;
}

/** Whether `principal` may perform `action`; `resource.source` scopes source-bound keys. */
export function can(principal: Principal, action: Action, resource: { source?: string } = {}): boolean {
  const allowed: ReadonlyArray<string> = ACTIONS[action];
  const boundSource = sourceOfRole(principal.role);
  if (boundSource !== undefined) {
    if (!allowed.includes('source')) return false;
    return resource.source === undefined || resource.source === boundSource;
  }
  return allowed.includes(principal.role);
}

/** Throws 403 unless `principal` may perform `action`. */
export function authorize(principal: Principal, action: Action, resource: { source?: string } = {}): void {
  if (!can(principal, action, resource)) {
    const bound = sourceOfRole(principal.role);
    const why =
      bound !== undefined && resource.source !== undefined && resource.source !== bound
        ? `a key for source "${bound}" may not act for source "${resource.source}"`
        : `role "${principal.role}" may not perform "${action}"`;
    throw new ForbiddenError(`Your API key does not allow this action: ${why}.`);
  }
}

/** Every action with whether the principal may perform it (source-scoped actions for its own source). */
export function abilitiesOf(principal: Principal): Record<Action, boolean> {
  const result = {} as Record<Action, boolean>;
  for (const action of Object.keys(ACTIONS) as Action[]) result[action] = can(principal, action);
  return result;
}

/** Whether a string is a valid role name. */
export function isRole(value: string): value is Role {
  return (FIXED_ROLES as readonly string[]).includes(value) || SOURCE_ROLE_PATTERN.test(value);
}
