/** Which rules a verify or preview request runs: ad-hoc rules from the request, the saved draft, or the published version. */
import { ConflictError, ValidationError } from '../../errors';
import type { Store } from '../../store/types';
import type { CompiledRules } from '../rules';
import type { RuleSet } from '../types';
import { aliasTableNamesOf } from '../rules';
import { ruleSetProblems } from './commands';
import { compileCached, findRuleSet, publishedRules, storedAliasTables } from './queries';

export type RulesChoice = 'published' | 'draft' | 'ad-hoc';

/** Resolves the rules to run: `rules` (validated, 400 with `body.rules…` paths) > draft (`useDraft`) > published. */
export async function chooseRules(args: {
  store: Store;
  domain: string;
  rules?: unknown;
  useDraft?: boolean;
}): Promise<{ rules: CompiledRules; choice: RulesChoice }> {
  // Ad-hoc rules and drafts run with the published alias tables, as ingest would.
  const tablesOf = async (rules: RuleSet) => storedAliasTables({ store: args.store, names: aliasTableNamesOf(rules) });
  if (args.rules !== undefined) {
    const isShaped =
      typeof args.rules === 'object' &&
      args.rules !== null &&
      Array.isArray((args.rules as RuleSet).comparators) &&
      Array.isArray((args.rules as RuleSet).blocking);
    const aliasTables = isShaped ? await tablesOf(args.rules as RuleSet) : undefined;
    const problems = ruleSetProblems({ domain: args.domain, rules: args.rules, rootPath: 'body.rules', aliasTables });
    const [first] = problems;
    if (first !== undefined)
      throw new ValidationError(
        `The matching rules have ${problems.length} problem(s); the first: ${first.path}: ${first.message}`,
        problems,
      );
    return { rules: compileCached(args.rules as RuleSet, undefined, aliasTables), choice: 'ad-hoc' };
  }
  if (args.useDraft) {
    const head = await findRuleSet({ store: args.store, domain: args.domain });
    if (!head?.draft) throw new ConflictError('NO_DRAFT', `The matching rules of "${args.domain}" have no draft.`);
    return { rules: compileCached(head.draft.rules, head.draft.contentHash, await tablesOf(head.draft.rules)), choice: 'draft' };
  }
  return { rules: await publishedRules({ store: args.store, domain: args.domain }), choice: 'published' };
}
