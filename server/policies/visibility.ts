/**
 * What each role may SEE — the companion of the actions table in abilities.ts, which says what each
 * role may DO. Every presenter asks this module, so the decision lives in one place (documented in
 * docs/SECURITY.md):
 *
 * | role            | sensitive values (tax ids) | query by them | raw payloads of stored records | raw payloads of exceptions |
 * |-----------------|----------------------------|---------------|--------------------------------|----------------------------|
 * | admin, steward  | yes                        | yes           | yes                            | yes                        |
 * | analyst         | masked                     | no            | no                             | yes (to fix mappings)      |
 * | consumer        | masked                     | no            | no                             | no (no access)             |
 * | source:<name>   | masked                     | no            | no                             | no (no access)             |
 *
 * Sensitive attributes are data: each domain's survivorship rules list them (`maskedAttributes`).
 * Masking keeps the last four characters (`*****8666`), enough to recognise a value, never to use it.
 */
import { checkEin } from '../identifiers';
import { loadSurvivorshipConfig, type SurvivorshipConfig } from '../golden/survivorshipConfig';
import type { Principal, Role } from './abilities';
import { sourceOfRole } from './abilities';

export interface Visibility {
  /** Sensitive attribute values unmasked (admins and stewards decide on them). */
  canSeeSensitive: boolean;
  /** May search or filter by a sensitive attribute (otherwise a lookup would confirm a masked value). */
  canQuerySensitive: boolean;
  /** Raw payloads of accepted source records, and anything computed freely from them (a draft mapping's output). */
  canSeeRawPayloads: boolean;
  /** Raw payloads of exceptions: the analyst's working material for fixing a mapping. */
  canSeeExceptionPayloads: boolean;
}

const FULL: Visibility = { canSeeSensitive: true, canQuerySensitive: true, canSeeRawPayloads: true, canSeeExceptionPayloads: true };
const NONE: Visibility = { canSeeSensitive: false, canQuerySensitive: false, canSeeRawPayloads: false, canSeeExceptionPayloads: false };

/** The visibility of each fixed role; `source:<name>` keys see like `source`. */
export const VISIBILITY: Record<'admin' | 'steward' | 'analyst' | 'consumer' | 'source', Visibility> = {
  admin: FULL,
  steward: FULL,
  analyst: { ...NONE, canSeeExceptionPayloads: true },
  consumer: NONE,
  source: NONE,
};

/** What `principal` may see. */
export function visibilityOf(principal: Pick<Principal, 'role'>): Visibility {
  return visibilityOfRole(principal.role);
}

/** What a role may see. */
export function visibilityOfRole(role: Role): Visibility {
  if (sourceOfRole(role) !== undefined) return VISIBILITY.source;
  return VISIBILITY[role as keyof typeof VISIBILITY] ?? NONE;
}

/** The most restrictive view: what a presenter shows when it is not told who is asking. */
export const RESTRICTED: Visibility = NONE;

export type MaskRule = { when: 'always' | 'ssnLike' };
/** Sensitive attributes of a domain: attribute → rule. */
export type MaskRules = ReadonlyMap<string, MaskRule>;

const NO_RULES: MaskRules = new Map();

/** The sensitive attributes of `domain` (from its survivorship rules; none for a domain without valid rules). */
export function maskRulesOf(domain: string | undefined): MaskRules {
  if (!domain) return NO_RULES;
  try {
    return maskRulesFromConfig(loadSurvivorshipConfig(domain));
  } catch {
    // A domain without valid survivorship rules has nothing configured as sensitive.
    return NO_RULES;
  }
}

/** The sensitive attributes listed by survivorship rules. */
export function maskRulesFromConfig(config: Pick<SurvivorshipConfig, 'maskedAttributes'>): MaskRules {
  return new Map((config.maskedAttributes ?? []).map((rule) => [rule.attribute, { when: rule.when }] as const));
}

/** A 9-digit tax id an EIN cannot be (SSN layout or a never-assigned EIN prefix). */
export function isSsnLike(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const digits = value.replace(/[^0-9]/g, '');
  return digits.length === 9 && !checkEin(value).ok;
}

/** Masks all but the last four characters; other non-empty values become `***`. */
export function maskValue(value: unknown): unknown {
  if (typeof value !== 'string' && typeof value !== 'number') return value === undefined || value === null ? value : '***';
  const text = String(value);
  return `${'*'.repeat(Math.max(0, text.length - 4))}${text.slice(-4)}`;
}

/**
 * THE masking function: `value` of an attribute governed by `rule`, as a viewer who may not see
 * sensitive values sees it. Every presenter masks through here.
 */
export function maskSensitive(value: unknown, rule: MaskRule | undefined): unknown {
  if (!rule || value === null || value === undefined) return value;
  return rule.when === 'always' || isSsnLike(value) ? maskValue(value) : value;
}

/** Masks the sensitive attributes of a record-like object (top level) unless the viewer may see them. */
export function maskRecord(
  values: Record<string, unknown>,
  rules: MaskRules,
  visibility: Pick<Visibility, 'canSeeSensitive'>,
): Record<string, unknown> {
  if (visibility.canSeeSensitive || rules.size === 0) return values;
  const masked = { ...values };
  for (const [attribute, rule] of rules) if (attribute in masked) masked[attribute] = maskSensitive(masked[attribute], rule);
  return masked;
}

/** Whether an attribute path (`taxId`, `addresses.0.x`) falls under a sensitive attribute. */
export function isSensitivePath(path: string, rules: MaskRules): boolean {
  return rules.has(path.split('.')[0] ?? path);
}

/** Masks the compared values of sensitive fields in a match explanation (always: normalised values no longer show an SSN's layout). */
export function maskExplanation(explanation: unknown, rules: MaskRules, visibility: Pick<Visibility, 'canSeeSensitive'>): unknown {
  if (visibility.canSeeSensitive || rules.size === 0 || typeof explanation !== 'object' || explanation === null) return explanation;
  const comparators = (explanation as { comparators?: Array<{ field?: unknown; a?: unknown; b?: unknown; details?: unknown }> })
    .comparators;
  if (!Array.isArray(comparators)) return explanation;
  const always: MaskRule = { when: 'always' };
  // Attribute details (attributes comparators) are read from the same fields: masked with them.
  const maskDetails = (details: unknown) =>
    Array.isArray(details)
      ? {
          details: (details as Array<{ a?: unknown; b?: unknown }>).map((d) => ({
            ...d,
            a: maskSensitive(d.a, always),
            b: maskSensitive(d.b, always),
          })),
        }
      : {};
  return {
    ...explanation,
    comparators: comparators.map((c) =>
      String(c.field ?? '')
        .split(',')
        .some((field) => isSensitivePath(field.trim(), rules))
        ? { ...c, a: maskSensitive(c.a, always), b: maskSensitive(c.b, always), ...maskDetails(c.details) }
        : c,
    ),
  };
}

/**
 * Masks sensitive values wherever a free-form object names them: `{ taxId: … }` at any depth, or
 * `{ attribute: 'taxId', value, values: [{ value }] }` (audit entries, task values).
 */
export function maskDeep(value: unknown, rules: MaskRules, visibility: Pick<Visibility, 'canSeeSensitive'>): unknown {
  if (visibility.canSeeSensitive || rules.size === 0) return value;
  const walk = (item: unknown): unknown => {
    if (Array.isArray(item)) return (item as unknown[]).map(walk);
    if (!item || typeof item !== 'object') return item;
    const object = item as Record<string, unknown>;
    const named = typeof object.attribute === 'string' ? rules.get(object.attribute.split('.')[0] ?? object.attribute) : undefined;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(object)) {
      if (named && key === 'value') out[key] = maskSensitive(child, named);
      else if (named && key === 'values' && Array.isArray(child))
        out[key] = (child as unknown[]).map((v) =>
          v && typeof v === 'object' ? { ...(v as object), value: maskSensitive((v as { value?: unknown }).value, named) } : v,
        );
      else if (rules.has(key)) out[key] = maskSensitive(child, rules.get(key));
      else out[key] = walk(child);
    }
    return out;
  };
  return walk(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern finding `secret` in text even when written with separators (`274819365` in `27-4819365`). */
function secretPattern(secret: string): RegExp {
  const characters = [...secret.replace(/[\s-]/g, '')].map(escapeRegExp);
  return new RegExp(characters.join('[\\s.-]?'), 'g');
}

/**
 * Masks sensitive values quoted in free text: task notes written by the system (`Trusted sources
 * disagree on taxId: erp "274819365", …`), or a draft mapping's output that copies the payload. Each
 * secret is found with or without separators and replaced by its masked form.
 */
export function maskInText(text: string, secrets: readonly unknown[]): string {
  let out = text;
  for (const secret of secrets) {
    if (typeof secret !== 'string' && typeof secret !== 'number') continue;
    const plain = String(secret);
    if (plain.replace(/[\s-]/g, '').length < 5) continue;
    out = out.replace(secretPattern(plain), (found) => String(maskValue(found)));
  }
  return out;
}

/** `maskInText` on every string inside a JSON value. */
export function maskInValue(value: unknown, secrets: readonly unknown[]): unknown {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return maskInText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => maskInValue(item, secrets));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [maskInText(key, secrets), maskInValue(item, secrets)]));
  return value;
}
