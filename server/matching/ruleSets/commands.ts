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
import type { Store, StoreSession } from '../../store/types';
import type { AliasTables } from '../aliases';
import { aliasTableNamesOf, validateRules } from '../rules';
import type { RuleSet } from '../types';
import { listRuleSetVersions, requireRuleSet, requireRuleSetVersion, ruleSetHash, storedAliasTables, versionId } from './queries';
import {
  MATCH_ALIAS_TABLES,
  MATCH_RULE_SETS,
  MATCH_RULE_SET_VERSIONS,
  type AliasPointer,
  type RuleSetAuthor,
  type RuleSetDocument,
  type RuleSetOrigin,
  type RuleSetVersionDocument,
} from './types';
import type { VersionedKind } from './versionedKind';

type Services = { store: Store };

/** Rule sets as a versioned kind: one per domain, validated against rules.schema.json and the alias tables in the store. */
export const RULE_SETS: VersionedKind = {
  heads: MATCH_RULE_SETS,
  versions: MATCH_RULE_SET_VERSIONS,
  auditType: 'matchRules',
  describe: (domain) => `matching rules of "${domain}"`,
  problems: async ({ store, key, content, rootPath }) => {
    const named =
      content &&
      typeof content === 'object' &&
      Array.isArray((content as RuleSet).comparators) &&
      Array.isArray((content as RuleSet).blocking)
        ? aliasTableNamesOf(content as RuleSet)
        : [];
    return ruleSetProblems({
      domain: key,
      rules: content,
      rootPath,
      aliasTables: named.length > 0 ? await storedAliasTables({ store, names: named }) : undefined,
    });
  },
  versionOf: (content) => (content as RuleSet).version,
  versionPath: 'rules.version',
};

/** Validates a rule set for `domain`; problems carry paths under `rootPath` (e.g. `body.rules`). */
export function ruleSetProblems(args: { domain: string; rules: unknown; rootPath: string; aliasTables?: AliasTables }): ErrorDetail[] {
  const problems = validateRules(args.rules, { aliasTables: args.aliasTables }).map((problem) => ({
    ...problem,
    path: joinPath(args.rootPath, problem.path),
  }));
  const domain = (args.rules as { domain?: unknown } | null)?.domain;
  if (problems.length === 0 && domain !== args.domain) {
    problems.push({
      path: `${args.rootPath}.domain`,
      code: 'DOMAIN_MISMATCH',
      message: `${args.rootPath}.domain is "${String(domain)}" but the rules are saved for domain "${args.domain}"`,
    });
  }
  return problems;
}

/** Prefixes a problem path with the request root (`body.rules` + `thresholds` → `body.rules.thresholds`). */
export function joinPath(root: string, path: string | undefined): string {
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
export async function saveRulesDraft(
  services: Services,
  input: { domain: string; rules: unknown; expectedRevision?: number; actor: RuleSetAuthor },
): Promise<{ ruleSet: RuleSetDocument; isCreated: boolean }> {
  assertMatchingDomain(input.domain);
  return saveDraft(services, RULE_SETS, {
    key: input.domain,
    content: input.rules,
    expectedRevision: input.expectedRevision,
    actor: input.actor,
    rootPath: 'body.rules',
  });
}

/** Saves the draft of one item of `kind`; `expectedRevision` (when given) must be the current draft revision. */
export async function saveDraft(
  services: Services,
  kind: VersionedKind,
  input: { key: string; content: unknown; expectedRevision?: number; actor: RuleSetAuthor; rootPath: string },
): Promise<{ ruleSet: RuleSetDocument; isCreated: boolean }> {
  const problems = await kind.problems({ store: services.store, key: input.key, content: input.content, rootPath: input.rootPath });
  const [first] = problems;
  if (first !== undefined)
    throw new ValidationError(
      `The ${kind.describe(input.key)} have ${problems.length} problem(s); the first: ${first.path}: ${first.message}`,
      problems,
    );
  const content = input.content as RuleSet;
  const hash = ruleSetHash(content);
  return services.store.withTransaction(async (session) => {
    const heads = services.store.collection<RuleSetDocument>(kind.heads);
    const current = await heads.findOne({ _id: input.key }, { session });
    const revision = current?.draft?.revision ?? 0;
    if (input.expectedRevision !== undefined && input.expectedRevision !== revision) {
      throw new ConflictError(
        'STALE_REVISION',
        `The draft ${kind.describe(input.key)} is at revision ${revision}, not ${input.expectedRevision}; reload it and apply your change again.`,
        {
          current: { draftRevision: revision, publishedNumber: current?.published?.number ?? null },
        },
      );
    }
    if (current?.draft?.contentHash === hash) return { ruleSet: current, isCreated: false };
    const now = new Date().toISOString();
    const draft = { rules: content, revision: revision + 1, contentHash: hash, updatedAt: now, updatedBy: input.actor };
    const next: RuleSetDocument = current
      ? { ...current, draft, updatedAt: now }
      : { _id: input.key, domain: input.key, draft, published: null, createdAt: now, updatedAt: now };
    await heads.replaceOne({ _id: input.key }, next, { upsert: true, session });
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: `${kind.auditType}.update`,
      target: { type: kind.auditType, id: input.key, domain: input.key },
      before: current?.draft ? { revision: current.draft.revision, contentHash: current.draft.contentHash } : undefined,
      after: { revision: draft.revision, contentHash: hash, rulesVersion: kind.versionOf(content) },
    });
    return { ruleSet: next, isCreated: !current };
  });
}

/** Refuses other content under a `version` string an earlier version already used. */
async function assertVersionStringFree(
  services: Services,
  kind: VersionedKind,
  input: { domain: string; rules: RuleSet; hash: string },
): Promise<void> {
  const version = kind.versionOf(input.rules);
  const clash = (await listRuleSetVersions({ store: services.store, domain: input.domain, collection: kind.versions })).find(
    (v) => v.rulesVersion === version && v.contentHash !== input.hash,
  );
  if (clash) {
    throw new ConflictError(
      'RULES_VERSION_REUSED',
      `Version string "${version}" already names other content of the ${kind.describe(input.domain)} (published as version ${clash.number}); change "version" before publishing.`,
      {
        current: { number: clash.number, rulesVersion: clash.rulesVersion },
        path: kind.versionPath,
      },
    );
  }
}

/** Appends the next published version with `rules` and points the head at it (one transaction, audited). */
export async function publishRuleSetVersion(
  services: Services,
  input: {
    domain: string;
    rules: RuleSet;
    origin: RuleSetOrigin;
    actor: RuleSetAuthor;
    note?: string;
    rolledBackFrom?: number;
    fileHash?: string;
    /** Rule sets by default. */
    kind?: VersionedKind;
  },
): Promise<RuleSetVersionDocument> {
  const kind = input.kind ?? RULE_SETS;
  const hash = ruleSetHash(input.rules);
  await assertVersionStringFree(services, kind, { domain: input.domain, rules: input.rules, hash });
  return services.store.withTransaction(async (session) => {
    const heads = services.store.collection<RuleSetDocument>(kind.heads);
    const now = new Date().toISOString();
    const current = await heads.findOne({ _id: input.domain }, { session });
    const number = (current?.published?.number ?? 0) + 1;
    const version: RuleSetVersionDocument = {
      _id: versionId(input.domain, number),
      domain: input.domain,
      number,
      rulesVersion: kind.versionOf(input.rules),
      rules: input.rules,
      contentHash: hash,
      origin: input.origin,
      ...(input.rolledBackFrom !== undefined ? { rolledBackFrom: input.rolledBackFrom } : {}),
      ...(input.note ? { note: input.note } : {}),
      author: input.actor,
      createdAt: now,
    };
    await services.store.collection<RuleSetVersionDocument>(kind.versions).insertOne(version, { session });
    const published = { number, rulesVersion: kind.versionOf(input.rules), contentHash: hash, publishedAt: now, publishedBy: input.actor };
    // Files and rollbacks carry an untouched draft along; unpublished API work stays as it is.
    const isDraftClean = !current?.draft || current.draft.contentHash === current.published?.contentHash;
    const draft =
      input.origin !== 'api' && isDraftClean
        ? { rules: input.rules, revision: (current?.draft?.revision ?? 0) + 1, contentHash: hash, updatedAt: now, updatedBy: input.actor }
        : (current?.draft ?? null);
    const next: RuleSetDocument = {
      ...(current ?? { _id: input.domain, domain: input.domain, createdAt: now }),
      draft,
      published,
      ...(input.fileHash ? { fileHash: input.fileHash } : {}),
      updatedAt: now,
    } as RuleSetDocument;
    // Conditional on the published number read above: two publishers cannot both win.
    const guard = { _id: input.domain, 'published.number': current?.published?.number ?? null };
    const written = current
      ? await heads.replaceOne(guard, next, { session })
      : (await heads.insertOne(next, { session }), { matchedCount: 1 });
    if (written.matchedCount === 0)
      throw new ConflictError('CONCURRENT_CHANGE', `The ${kind.describe(input.domain)} changed while publishing; reload and try again.`, {
        current: { publishedNumber: current?.published?.number ?? null },
      });
    await shareAliasPointers({ store: services.store, session, kind, key: input.domain, pointer: { number, contentHash: hash } });
    await recordAudit({
      store: services.store,
      session,
      actor: input.actor,
      action: input.origin === 'rollback' ? `${kind.auditType}.rollback` : `${kind.auditType}.publish`,
      target: { type: kind.auditType, id: input.domain, domain: input.domain },
      before: current?.published ? { number: current.published.number, rulesVersion: current.published.rulesVersion } : undefined,
      after: {
        number,
        rulesVersion: kind.versionOf(input.rules),
        contentHash: hash,
        origin: input.origin,
        rolledBackFrom: input.rolledBackFrom,
      },
      reason: input.note,
    });
    return version;
  });
}

/**
 * Keeps `aliasPointers` on rule-set heads in step: a table publish writes its pointer into every
 * rule-set head; a rule-set head written for the first time copies the pointers of all tables.
 */
async function shareAliasPointers(args: {
  store: Store;
  session: StoreSession;
  kind: VersionedKind;
  key: string;
  pointer: AliasPointer;
}): Promise<void> {
  if (args.kind.heads === MATCH_ALIAS_TABLES) {
    await args.store
      .collection<RuleSetDocument>(MATCH_RULE_SETS)
      .updateMany({}, { $set: { [`aliasPointers.${args.key}`]: args.pointer } }, { session: args.session });
    return;
  }
  const head = await args.store
    .collection<RuleSetDocument>(args.kind.heads)
    .findOne({ _id: args.key }, { projection: { aliasPointers: 1 }, session: args.session });
  if (head?.aliasPointers) return;
  const tables = await args.store
    .collection<RuleSetDocument>(MATCH_ALIAS_TABLES)
    .find({}, { projection: { published: 1 }, session: args.session });
  const pointers = Object.fromEntries(
    tables
      .filter((t) => t.published)
      .map((t) => [t._id, { number: t.published?.number ?? 0, contentHash: t.published?.contentHash ?? '' }]),
  );
  await args.store
    .collection<RuleSetDocument>(args.kind.heads)
    .updateOne({ _id: args.key }, { $set: { aliasPointers: pointers } }, { session: args.session });
}

/** Publishes the draft as the next version; a draft equal to the published rules is not republished. */
export async function publishRules(
  services: Services,
  input: { domain: string; actor: RuleSetAuthor; note?: string; expectedRevision?: number; kind?: VersionedKind },
): Promise<{ version: RuleSetVersionDocument; isNew: boolean }> {
  const kind = input.kind ?? RULE_SETS;
  const head = await requireRuleSet({
    store: services.store,
    domain: input.domain,
    collection: kind.heads,
    what: kind.describe(input.domain),
  });
  const draft = head.draft;
  if (!draft) throw new ConflictError('NO_DRAFT', `The ${kind.describe(input.domain)} have no draft to publish.`);
  if (input.expectedRevision !== undefined && input.expectedRevision !== draft.revision) {
    throw new ConflictError('STALE_REVISION', `The draft is at revision ${draft.revision}, not ${input.expectedRevision}.`, {
      current: { draftRevision: draft.revision, publishedNumber: head.published?.number ?? null },
    });
  }
  if (head.published && head.published.contentHash === draft.contentHash) {
    return {
      version: await requireRuleSetVersion({
        store: services.store,
        domain: input.domain,
        number: head.published.number,
        collection: kind.versions,
      }),
      isNew: false,
    };
  }
  const problems = await kind.problems({ store: services.store, key: input.domain, content: draft.rules, rootPath: 'draft.rules' });
  if (problems.length > 0) throw new ValidationError('The draft is not valid.', problems);
  return {
    version: await publishRuleSetVersion(services, {
      domain: input.domain,
      rules: draft.rules,
      origin: 'api',
      actor: input.actor,
      note: input.note,
      kind,
    }),
    isNew: true,
  };
}

/** Publishes an earlier version's rules again as a new version number. */
export async function rollbackRules(
  services: Services,
  input: { domain: string; number: number; actor: RuleSetAuthor; reason?: string; kind?: VersionedKind },
): Promise<RuleSetVersionDocument> {
  const kind = input.kind ?? RULE_SETS;
  const head = await requireRuleSet({
    store: services.store,
    domain: input.domain,
    collection: kind.heads,
    what: kind.describe(input.domain),
  });
  const target = await requireRuleSetVersion({
    store: services.store,
    domain: input.domain,
    number: input.number,
    collection: kind.versions,
  });
  if (head.published?.contentHash === target.contentHash) {
    throw new ConflictError(
      'ALREADY_PUBLISHED',
      `Version ${target.number} has the same content as the published version ${head.published.number}; nothing to roll back.`,
      { current: { publishedNumber: head.published.number } },
    );
  }
  return publishRuleSetVersion(services, {
    domain: input.domain,
    rules: target.rules,
    origin: 'rollback',
    rolledBackFrom: target.number,
    actor: input.actor,
    note: input.reason ?? `Rollback to version ${target.number}`,
    kind,
  });
}
