/**
 * Matching rules per domain: the rule set as JSON in Monaco with live schema validation, the rules
 * form beside it, save the draft, run the impact preview on the current data, verify a pair, publish;
 * versions with rollback. The page composes useRuleSet (server copy, reducer, actions) and the panels.
 */
import { useMemo } from 'react';
import { useUnsavedChangesGuard } from '../../app/navigationGuard';
import { ErrorNotice } from '../../app/ErrorNotice';
import { hrefOf, navigate } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useDomains } from '../../app/useDomains';
import { allDetails, isPlacedByFields, underRoot } from '../../ui/fieldErrors';
import { TabList, tabPanelProps } from '../../ui/Tabs';
import { AliasTablesPage } from './AliasTablesPage';
import { ImpactReport } from './ImpactReport';
import { RulesForm, rulesFormFieldKeys } from './RulesForm';
import { RulesJsonPane } from './RulesJsonPane';
import { RulesToolbar } from './RulesToolbar';
import { TrainingCard } from './TrainingCard';
import { useRuleSet } from './useRuleSet';
import { VerifyPair } from './VerifyPair';
import { VersionsCard } from './VersionsCard';

/** The rules page's tabs: one per server domain, then the alias tables. */
function RulesTabs(props: { selected: string }) {
  const { domains } = useDomains();
  return (
    <TabList
      label="Domain"
      idPrefix="rules"
      tabs={[...(domains ?? []).map((name) => ({ id: name, label: name })), { id: 'aliases', label: 'alias tables' }]}
      selected={props.selected}
      onSelect={(id) => navigate(hrefOf(['rules', id]))}
    />
  );
}

/** The alias-tables view of the rules page, under the same header and tabs. */
export function RulesAliasesPage(props: { table?: string }) {
  return (
    <section className="page page-full">
      <header className="page-header page-header-row">
        <div>
          <h1>Matching rules</h1>
          <p className="muted">
            Alias tables: lookups the normalisers apply before comparison and blocking, named by the rule sets&apos; comparators and keys.
          </p>
        </div>
        <RulesTabs selected="aliases" />
      </header>
      <div {...tabPanelProps('rules', 'aliases')}>
        <AliasTablesPage table={props.table} />
      </div>
    </section>
  );
}

/** The matching-rules page for `domain` (supplier by default); `aliases` opens the alias tables. */
export function RulesPage(props: { domain?: string; table?: string }) {
  if (props.domain === 'aliases') return <RulesAliasesPage table={props.table} />;
  return <DomainRulesPage domain={props.domain} />;
}

function DomainRulesPage(props: { domain?: string }) {
  const { domains, error: domainsError } = useDomains();
  const domain = props.domain ?? domains?.[0];
  if (domain === undefined)
    return (
      <section className="page">
        <h1>Matching rules</h1>
        {domainsError !== null ? <ErrorNotice error={domainsError} /> : <p className="muted">Loading the domains…</p>}
      </section>
    );
  if (domains !== null && !domains.includes(domain))
    // A link to a domain the server does not have (mistyped, or since removed): say so instead of an editor whose
    // Save and Publish can only fail.
    return (
      <section className="page">
        <h1>Matching rules</h1>
        <p className="notice notice-warning" role="status" data-testid="unknown-domain">
          There is no domain &quot;{domain}&quot;. Open the rules of{' '}
          {domains.map((name, index) => (
            <span key={name}>
              {index > 0 ? ', ' : ''}
              <a href={hrefOf(['rules', name])}>{name}</a>
            </span>
          ))}
          .
        </p>
      </section>
    );
  return <DomainRules domain={domain} />;
}

function DomainRules(props: { domain: string }) {
  const domain = props.domain;
  const { client } = useSession();
  const canWrite = useAbility('rules.write');
  const canPreview = useAbility('match.verify');
  const rules = useRuleSet(client, domain);
  const { view, state, problems, error } = rules;
  const { text } = state;
  useUnsavedChangesGuard(rules.isDirty, `The ${domain} rule set`);
  // The live problems and the server's refusal, by the rules-form field each names (paths as the server's: `rules.…`).
  const formProblems = useMemo(() => allDetails(underRoot(problems, 'rules'), error), [problems, error]);
  const isErrorPlaced = useMemo(() => error !== null && isPlacedByFields(error, rulesFormFieldKeys(text)), [error, text]);
  const pageError = isErrorPlaced ? view.error : (error ?? view.error);
  const setText = (next: string): void => {
    rules.dispatch({ type: 'textEdited', text: next });
    // A refusal shown by the fields is about the text as it was saved: editing answers it (the next save checks again).
    if (isErrorPlaced) rules.clearError();
  };

  return (
    <section className="page page-full">
      <header className="page-header page-header-row">
        <div>
          <h1>Matching rules</h1>
          <p className="muted">
            Blocking keys, comparators, hard rules and thresholds per domain, validated against the rules schema as you type.
          </p>
        </div>
        <RulesTabs selected={domain} />
      </header>
      <RulesToolbar
        view={view.data}
        isDirty={rules.isDirty}
        busy={rules.busy}
        canWrite={canWrite}
        canPreview={canPreview}
        isValid={problems.length === 0}
        onSave={() => void rules.save()}
        onPreview={() => void rules.preview()}
        onPublish={() => void rules.publish()}
      />
      {pageError !== null && <ErrorNotice error={pageError} onDismiss={rules.clearError} />}
      {rules.notice !== '' && <p className="notice notice-success">{rules.notice}</p>}
      <div className="rules-body" {...tabPanelProps('rules', domain)}>
        <RulesJsonPane
          domain={domain}
          text={text}
          isLoaded={view.data !== null}
          isReadOnly={!canWrite}
          problems={problems}
          onChange={setText}
        />
        <div className="rules-side">
          {state.report !== null && <ImpactReport report={state.report} />}
          {view.data !== null && (
            <RulesForm client={client} text={text} isReadOnly={!canWrite} problems={formProblems} onChange={setText} />
          )}
          {canPreview && (
            <VerifyPair client={client} domain={domain} rulesText={text} isRulesValid={text !== '' && problems.length === 0} />
          )}
          <TrainingCard
            client={client}
            domain={domain}
            canWrite={canWrite}
            publishedRules={view.data?.published?.rules ?? null}
            onLoadDraft={view.reload}
          />
          <VersionsCard label="Rule versions" items={rules.versions.data?.items ?? []} canWrite={canWrite} onRollback={rules.rollback} />
        </div>
      </div>
    </section>
  );
}
