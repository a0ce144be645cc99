/** What leaves the server about alias tables: the rule-set presenters with the content named `table`. */
import type { AliasTableListView } from '../../contracts/matching';
import type { AliasTable } from '../aliases';
import { presentRuleSet, presentRuleSetVersionSummary } from '../ruleSets/presenter';
import type { RuleSetDocument, RuleSetVersionDocument } from '../ruleSets/types';

/** A version's metadata. */
export const presentAliasTableVersionSummary = presentRuleSetVersionSummary;

/** A version with its table. */
export function presentAliasTableVersion(version: RuleSetVersionDocument, currentNumber: number | null) {
  return { ...presentRuleSetVersionSummary(version, currentNumber), table: version.rules as unknown as AliasTable };
}

/** A table: published version (with content), draft, and the domains whose published rules use it. */
export function presentAliasTable(head: RuleSetDocument, published: RuleSetVersionDocument | null, usedBy: string[]) {
  const view = presentRuleSet(head, published);
  return {
    table: head.domain,
    published: published ? presentAliasTableVersion(published, head.published?.number ?? null) : null,
    draft: view.draft
      ? {
          revision: view.draft.revision,
          contentHash: view.draft.contentHash,
          table: view.draft.rules as unknown as AliasTable,
          updatedAt: view.draft.updatedAt,
          updatedBy: view.draft.updatedBy,
        }
      : null,
    draftState: view.draftState,
    usedBy,
  };
}

/** One row of the table list. */
export function presentAliasTableListItem(
  head: RuleSetDocument,
  published: RuleSetVersionDocument | null,
): AliasTableListView['items'][number] {
  const table = (published?.rules ?? head.draft?.rules) as unknown as AliasTable | undefined;
  return {
    table: head.domain,
    description: table?.description ?? null,
    mode: table?.mode ?? 'replace',
    entries: table?.entries.length ?? 0,
    publishedNumber: head.published?.number ?? null,
    version: head.published?.rulesVersion ?? null,
    draftState: presentRuleSet(head, published).draftState as AliasTableListView['items'][number]['draftState'],
  };
}
