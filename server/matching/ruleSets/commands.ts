/**
 * Changing rule sets: saving a draft (validated against rules.schema.json, 400 with field paths),
 * publishing it as the next version, rolling back to an earlier one. Every change is audited in the
 * same transaction. A rules `version` string names one content forever: publishing other content
 * under a version string used before is refused, so explanations and match-index entries that name
 * a version always mean the same rules.
 */
import { recordAudit } from '../../audit/auditLog';
import { ConflictError, ValidationError, type ErrorDetail } from '../../errors';
import { listDomains } from '../../schemas/canonicalSchemas';
import type { Store } from '../../store/types';
import { validateRules } from '../rules';
import type { RuleSet } from '../types';
import { listRuleSetVersions, requireRuleSet, requireRuleSetVersion, ruleSetHash, versionId } from './queries';
import { MATCH_RULE_SETS, MATCH_RULE_SET_VERSIONS, type RuleSetAuthor, type RuleSetDocument, type RuleSetOrigin, type RuleSetVersionDocument } from './types';

type Services = { store: Store };

/** Validates a rule set for `domain`; problems carry paths under `rootPath` (e.g. `body.rules`). */
export function ruleSetProblems(args: { domain: string; rules: unknown; rootPath: string }): ErrorDetail[] {
  const problems = validateRules(args.rules).map((problem) => ({ ...problem, path: joinPath(args.rootPath, problem.path) }));
  const domain = (args.rules as { domain?: unknown } | null)?.domain;
  if (problems.length === 0 && domain !== args.domain) {
    problems.push({ path: `${args.rootPath}.domain`, code: 'DOMAIN_MISMATCH', message: `${args.rootPath}.domain is "${String(domain)}" but the rules are saved for domain "${args.domain}"` });
  }
  return problems;
}

function joinPath(root: string, path: string | undefined): string {
  if (!path) return root;
  const trimmed = path.replace(/^\//, '').replace(/\//g, '.');
  return trimmed.startsWith('[') ? `${root}${trimmed}` : `${root}.${trimmed}`;
}

/** Refuses a domain without a canonical schema (400 naming `params.domain`). */
export function assertMatchingDomain(domain: string): void {
  if (!listDomains().includes(domain)) {
    const message = `domain "${domain}" has no canonical schema; known domains: ${listDomains().join(', ')}`;
    throw new ValidationError(message, [{ path: 'params.domain', code: 'UNKNOWN_DOMAIN', message }]);
  }
}

/** Saves the draft of `domain`'s rules; `expectedRevision` (when given) must be the current draft revision. */
export async function saveRulesDraft(services: Services, input: { domain: string; rules: unknown; expectedRevision?: number; actor: RuleSetAuthor }): Promise<{ ruleSet: RuleSetDocument; isCreated: boolean }> {
  assertMatchingDomain(input.domain);
  const problems = ruleSetProblems({ domain: input.domain, rules: input.rules, rootPath: 'body.rules' });
  if (problems.length > 0) throw new ValidationError(`The matching rules have ${problems.length} problem(s); the first: ${problems[0].path}: ${problems[0].message}`, problems);
  const rules = input.rules as RuleSet;
  const hash = ruleSetHash(rules);
  return services.store.withTransaction(async (session) => {
    const heads = services.store.collection<RuleSetDocument>(MATCH_RULE_SETS);
    const current = await heads.findOne({ _id: input.domain }, { session });
    const revision = current?.draft?.revision ?? 0;
    if (input.expectedRevision !== undefined && input.expectedRevision !== revision) {
      throw new ConflictError('STALE_REVISION', `The draft rules of "${input.domain}" are at revision ${revision}, not ${input.expectedRevision}; reload them and apply your change again.`, {
        current: { draftRevision: revision, publishedNumber: current?.published?.number ?? null },
      });
    }
    if (current?.draft?.contentHash === hash) return { ruleSet: current, isCreated: false };
    const now = new Date().toISOString();
    const draft = { rules, revision: revision + 1, contentHash: hash, updatedAt: now, updatedBy: input.actor };
    const next: RuleSetDocument = current ? { ...current, draft, updatedAt: now } : { _id: input.domain, domain: input.domain, draft, published: null, createdAt: now, updatedAt: now };
    await heads.replaceOne({ _id: input.domain }, next, { upsert: true, session });
    await recordAudit({
      store: services.store, session, actor: input.actor, action: 'matchRules.update', target: { type: 'matchRules', id: input.domain, domain: input.domain },
      before: current?.draft ? { revision: current.draft.revision, contentHash: current.draft.contentHash } : undefined, after: { revision: draft.revision, contentHash: hash, rulesVersion: rules.version },
    });
    return { ruleSet: next, isCreated: !current };
  });
}

/** Refuses other content under a `version` string an earlier version already used. */
async function assertVersionStringFree(services: Services, input: { domain: string; rules: RuleSet; hash: string }): Promise<void> {
  const clash = (await listRuleSetVersions({ store: services.store, domain: input.domain })).find((v) => v.rulesVersion === input.rules.version && v.contentHash !== input.hash);
  if (clash) {
    throw new ConflictError('RULES_VERSION_REUSED', `Version string "${input.rules.version}" already names other rules (published as version ${clash.number}); change "version" in the rules before publishing.`, {
      current: { number: clash.number, rulesVersion: clash.rulesVersion },
      path: 'rules.version',
    });
  }
}

/** Appends the next published version with `rules` and points the head at it (one transaction, audited). */
export async function publishRuleSetVersion(services: Services, input: {
  domain: string;
  rules: RuleSet;
  origin: RuleSetOrigin;
  actor: RuleSetAuthor;
  note?: string;
  rolledBackFrom?: number;
  fileHash?: string;
}): Promise<RuleSetVersionDocument> {
  const hash = ruleSetHash(input.rules);
  await assertVersionStringFree(services, { domain: input.domain, rules: input.rules, hash });
  return services.store.withTransaction(async (session) => {
    const heads = services.store.collection<RuleSetDocument>(MATCH_RULE_SETS);
    const now = new Date().toISOString();
    const current = await heads.findOne({ _id: input.domain }, { session });
    const number = (current?.published?.number ?? 0) + 1;
    const version: RuleSetVersionDocument = {
      _id: versionId(input.domain, number),
      domain: input.domain,
      number,
      rulesVersion: input.rules.version,
      rules: input.rules,
      contentHash: hash,
      origin: input.origin,
      ...(input.rolledBackFrom !== undefined ? { rolledBackFrom: input.rolledBackFrom } : {}),
      ...(input.note ? { note: input.note } : {}),
      author: input.actor,
      createdAt: now,
    };
    await services.store.collection<RuleSetVersionDocument>(MATCH_RULE_SET_VERSIONS).insertOne(version, { session });
    const published = { number, rulesVersion: input.rules.version, contentHash: hash, publishedAt: now, publishedBy: input.actor };
    // Files and rollbacks carry an untouched draft along; unpublished API work stays as it is.
    const isDraftClean = !current?.draft || current.draft.contentHash === current.published?.contentHash;
    const draft = input.origin !== 'api' && isDraftClean ? { rules: input.rules, revision: (current?.draft?.revision ?? 0) + 1, contentHash: hash, updatedAt: now, updatedBy: input.actor } : (current?.draft ?? null);
    const next: RuleSetDocument = {
      ...(current ?? { _id: input.domain, domain: input.domain, createdAt: now }),
      draft,
      published,
      ...(input.fileHash ? { fileHash: input.fileHash } : {}),
      updatedAt: now,
    } as RuleSetDocument;
    // Conditional on the published number read above: two publishers cannot both win.
    const guard = { _id: input.domain, 'published.number': current?.published?.number ?? null };
    const written = current ? await heads.replaceOne(guard, next, { session }) : (await heads.insertOne(next, { session }), { matchedCount: 1 });
    if (written.matchedCount === 0) throw new ConflictError('CONCURRENT_CHANGE', `The rules of "${input.domain}" changed while publishing; reload and try again.`, { current: { publishedNumber: current?.published?.number ?? null } });
    await recordAudit({
      store: services.store, session, actor: input.actor, action: input.origin === 'rollback' ? 'matchRules.rollback' : 'matchRules.publish',
      target: { type: 'matchRules', id: input.domain, domain: input.domain },
      before: current?.published ? { number: current.published.number, rulesVersion: current.published.rulesVersion } : undefined,
      after: { number, rulesVersion: input.rules.version, contentHash: hash, origin: input.origin, rolledBackFrom: input.rolledBackFrom },
      reason: input.note,
    });
    return version;
  });
}

/** Publishes the draft as the next version; a draft equal to the published rules is not republished. */
export async function publishRules(services: Services, input: { domain: string; actor: RuleSetAuthor; note?: string; expectedRevision?: number }): Promise<{ version: RuleSetVersionDocument; isNew: boolean }> {
  const head = await requireRuleSet({ store: services.store, domain: input.domain });
  const draft = head.draft;
  if (!draft) throw new ConflictError('NO_DRAFT', `The matching rules of "${input.domain}" have no draft to publish.`);
  if (input.expectedRevision !== undefined && input.expectedRevision !== draft.revision) {
    throw new ConflictError('STALE_REVISION', `The draft is at revision ${draft.revision}, not ${input.expectedRevision}.`, { current: { draftRevision: draft.revision, publishedNumber: head.published?.number ?? null } });
  }
  if (head.published && head.published.contentHash === draft.contentHash) {
    return { version: await requireRuleSetVersion({ store: services.store, domain: input.domain, number: head.published.number }), isNew: false };
  }
  const problems = ruleSetProblems({ domain: input.domain, rules: draft.rules, rootPath: 'draft.rules' });
  if (problems.length > 0) throw new ValidationError('The draft rules are not valid.', problems);
  return { version: await publishRuleSetVersion(services, { domain: input.domain, rules: draft.rules, origin: 'api', actor: input.actor, note: input.note }), isNew: true };
}

/** Publishes an earlier version's rules again as a new version number. */
export async function rollbackRules(services: Services, input: { domain: string; number: number; actor: RuleSetAuthor; reason?: string }): Promise<RuleSetVersionDocument> {
  const head = await requireRuleSet({ store: services.store, domain: input.domain });
  const target = await requireRuleSetVersion({ store: services.store, domain: input.domain, number: input.number });
  if (head.published?.contentHash === target.contentHash) {
    throw new ConflictError('ALREADY_PUBLISHED', `Version ${target.number} has the same rules as the published version ${head.published.number}; nothing to roll back.`, { current: { publishedNumber: head.published.number } });
  }
  return publishRuleSetVersion(services, { domain: input.domain, rules: target.rules, origin: 'rollback', rolledBackFrom: target.number, actor: input.actor, note: input.reason ?? `Rollback to version ${target.number}` });
}

