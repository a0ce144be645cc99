/** What leaves the server about rule sets and their versions. */
import type { RuleSetVersionSummaryView } from '../../contracts/matching';
import type { RuleSetDocument, RuleSetVersionDocument } from './types';

/** A version's metadata; `currentNumber` marks the one the engine uses. */
export function presentRuleSetVersionSummary(version: RuleSetVersionDocument, currentNumber: number | null): RuleSetVersionSummaryView {
  return {
    number: version.number,
    rulesVersion: version.rulesVersion,
    contentHash: version.contentHash,
    origin: version.origin,
    rolledBackFrom: version.rolledBackFrom ?? null,
    note: version.note ?? null,
    author: { ...version.author },
    createdAt: version.createdAt,
    isCurrent: version.number === currentNumber,
  };
}

/** A version with its rules. */
export function presentRuleSetVersion(version: RuleSetVersionDocument, currentNumber: number | null) {
  return { ...presentRuleSetVersionSummary(version, currentNumber), rules: version.rules };
}

/** The rule set of a domain: published version (with rules) and draft. */
export function presentRuleSet(head: RuleSetDocument, published: RuleSetVersionDocument | null) {
  const draft = head.draft;
  const draftState = !draft
    ? 'none'
    : !head.published
      ? 'unpublished'
      : draft.contentHash === head.published.contentHash
        ? 'same-as-published'
        : 'modified';
  return {
    domain: head.domain,
    published: published ? presentRuleSetVersion(published, head.published?.number ?? null) : null,
    draft: draft
      ? {
          revision: draft.revision,
          contentHash: draft.contentHash,
          rules: draft.rules,
          updatedAt: draft.updatedAt,
          updatedBy: { ...draft.updatedBy },
        }
      : null,
    draftState,
  };
}
