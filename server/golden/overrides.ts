/**
 * Steward overrides: a value set on one attribute of a golden record that wins over survivorship
 * until it is cleared, surviving every recomputation (ingest updates, merges, unmerges).
 */
import { recordAudit } from '../audit/auditLog';
import { NotFoundError, UnprocessableError } from '../errors';
import { getCanonicalSchema, validateCanonical } from '../schemas';
import type { AppServices } from '../services';
import type { StoreSession } from '../store/types';
import { assertActive, assertVersion, inTransaction, requireGolden } from './goldenStore';
import { maskRulesOf, maskSensitive } from '../policies/visibility';
import { recomputeGolden } from './recompute';
import { loadSurvivorshipConfig } from './survivorshipConfig';
import type { GoldenActor, GoldenRecordDocument, OverrideEntry } from './types';

/** Audit entries outlive any role check: sensitive attributes are stored masked there. */
function auditValue(domain: string, attribute: string, value: unknown): unknown {
  return maskRulesOf(domain).has(attribute) ? maskSensitive(value, { when: 'always' }) : value;
}

/** Rejects attributes the canonical schema does not define and values it would not accept. */
function validateOverride(args: { golden: GoldenRecordDocument; attribute: string; value: unknown }): void {
  const schema = getCanonicalSchema(args.golden.domain).schema;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  if (args.attribute === 'sourceId' || !(args.attribute in properties)) {
    throw new UnprocessableError(
      'UNKNOWN_ATTRIBUTE',
      `"${args.attribute}" is not an attribute of the ${args.golden.domain} canonical schema.`,
      [
        {
          path: 'params.attribute',
          code: 'UNKNOWN_ATTRIBUTE',
          message: `Use one of: ${Object.keys(properties)
            .filter((p) => p !== 'sourceId')
            .join(', ')}.`,
        },
      ],
    );
  }
  if (args.value === null) return;
  // Validate the value in place, on a record that is otherwise the golden record itself.
  const problems = validateCanonical(args.golden.domain, {
    ...args.golden.attributes,
    sourceId: args.golden._id,
    [args.attribute]: args.value,
  }).filter((p) => (p.path ?? '').replace(/^\//, '').split(/[/.[]/)[0] === args.attribute);
  const [first] = problems;
  if (first) {
    throw new UnprocessableError(
      'INVALID_OVERRIDE_VALUE',
      `The value is not a valid "${args.attribute}": ${first.message}`,
      problems.map((p) => ({ ...p, path: `body.value${(p.path ?? '').replace(new RegExp(`^/?${args.attribute}`), '')}` })),
    );
  }
}

/** Sets (or replaces) a steward override on one attribute. `value: null` forces the attribute empty. */
export async function setOverride(
  services: Pick<AppServices, 'store'>,
  input: {
    goldenId: string;
    attribute: string;
    value: unknown;
    reason: string;
    actor: GoldenActor;
    expectedVersion?: number;
    domain?: string;
    session?: StoreSession;
  },
): Promise<GoldenRecordDocument> {
  return inTransaction(services.store, input.session, async (session) => {
    const golden = await requireGolden({ store: services.store, id: input.goldenId, domain: input.domain, session });
    assertVersion(golden, input.expectedVersion);
    assertActive(golden);
    validateOverride({ golden, attribute: input.attribute, value: input.value });
    const at = new Date().toISOString();
    const entry: OverrideEntry = {
      value: input.value,
      reason: input.reason,
      by: { keyId: input.actor.keyId, name: input.actor.name, role: input.actor.role },
      at,
    };
    const { golden: after } = await recomputeGolden({
      store: services.store,
      session,
      before: golden,
      goldenId: golden._id,
      domain: golden.domain,
      sourceRecordIds: golden.sourceRecordIds,
      overrides: { ...golden.overrides, [input.attribute]: entry },
      config: loadSurvivorshipConfig(golden.domain),
      cause: 'override',
      changeType: 'updated',
      actor: input.actor,
      note: `Override of ${input.attribute}: ${input.reason}`,
      at,
    });
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'golden.override.set',
      target: { type: 'goldenRecord', id: golden._id, domain: golden.domain },
      before: {
        attribute: input.attribute,
        value: auditValue(golden.domain, input.attribute, golden.attributes[input.attribute] ?? null),
        hadOverride: input.attribute in golden.overrides,
      },
      after: { attribute: input.attribute, value: auditValue(golden.domain, input.attribute, input.value), version: after.version },
      reason: input.reason,
      at,
    });
    return after;
  });
}

/** Clears a steward override: the attribute returns to its survivorship value. */
export async function clearOverride(
  services: Pick<AppServices, 'store'>,
  input: {
    goldenId: string;
    attribute: string;
    reason: string;
    actor: GoldenActor;
    expectedVersion?: number;
    domain?: string;
    session?: StoreSession;
  },
): Promise<GoldenRecordDocument> {
  return inTransaction(services.store, input.session, async (session) => {
    const golden = await requireGolden({ store: services.store, id: input.goldenId, domain: input.domain, session });
    assertVersion(golden, input.expectedVersion);
    assertActive(golden);
    const cleared = golden.overrides[input.attribute];
    if (cleared === undefined) throw new NotFoundError(`An override of "${input.attribute}" on golden record "${golden._id}"`);
    const at = new Date().toISOString();
    const overrides = { ...golden.overrides };
    delete overrides[input.attribute];
    const { golden: after } = await recomputeGolden({
      store: services.store,
      session,
      before: golden,
      goldenId: golden._id,
      domain: golden.domain,
      sourceRecordIds: golden.sourceRecordIds,
      overrides,
      config: loadSurvivorshipConfig(golden.domain),
      cause: 'override-cleared',
      changeType: 'updated',
      actor: input.actor,
      note: `Override of ${input.attribute} cleared: ${input.reason}`,
      at,
    });
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: 'golden.override.clear',
      target: { type: 'goldenRecord', id: golden._id, domain: golden.domain },
      before: {
        attribute: input.attribute,
        value: auditValue(golden.domain, input.attribute, cleared.value),
        overrideReason: cleared.reason,
      },
      after: {
        attribute: input.attribute,
        value: auditValue(golden.domain, input.attribute, after.attributes[input.attribute] ?? null),
        version: after.version,
      },
      reason: input.reason,
      at,
    });
    return after;
  });
}
