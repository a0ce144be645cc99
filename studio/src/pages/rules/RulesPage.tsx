/**
 * Matching rules per domain: the rule set as JSON in Monaco with live schema validation, save the
 * draft, run the impact preview on the current data, verify a pair, publish; versions with rollback.
 */
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import { useUnsavedChangesGuard } from '../../app/navigationGuard';
import type { OperationResponse } from '../../../../server/contracts/operations';
import type { PreviewResult } from '../../../../server/matching/preview';
import { ErrorNotice } from '../../app/ErrorNotice';
import { askInPage } from '../../ui/Dialog';
import { hrefOf, navigate } from '../../app/route';
import { useAbility, useSession } from '../../app/SessionContext';
import { useLoad } from '../../app/useLoad';
import { useDomains } from '../../app/useDomains';
import { TabList, tabPanelProps } from '../../ui/Tabs';
import { useBusyAction } from '../../ui/useBusyAction';
import { VersionsCard } from './VersionsCard';
import { AliasTablesPage } from './AliasTablesPage';
import { ImpactReport } from './ImpactReport';
import { RulesForm, rulesFormFieldKeys } from './RulesForm';
import { allDetails, isPlacedByFields, underRoot } from '../../ui/fieldErrors';
import { validateRulesText } from './rulesValidation';
import { TrainingCard } from './TrainingCard';
import { VerifyPair } from './VerifyPair';

type RuleSetView = OperationResponse<'getMatchingRules'>;

// Monaco only loads when this page opens, as on the Mappings page.
const MonacoEditor = lazy(() => import('../../editor/MonacoEditor').then((module) => ({ default: module.MonacoEditor })));

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
  return <DomainRules domain={domain} />;
}

function DomainRules(props: { domain: string }) {
  const domain = props.domain;
  const { client } = useSession();
  const canWrite = useAbility('rules.write');
  const canPreview = useAbility('match.verify');
  const params = useMemo(() => ({ domain }), [domain]);
  const view = useLoad(() => client.call('getMatchingRules', { params }), [client, params]);
  const versions = useLoad(() => client.call('listMatchingRulesVersions', { params }), [client, params]);
  const [text, setText] = useState('');
  const [savedText, setSavedText] = useState('');
  const { busy, error, notice, run, clearError } = useBusyAction();
  const [report, setReport] = useState<PreviewResult | null>(null);
  // The draft revision last read or written: a save then a failed publish must not leave it stale.
  const revision = useRef(0);

  useEffect(() => {
    if (view.data === null) return;
    const rules = view.data.draft?.rules ?? view.data.published?.rules ?? {};
    const initial = JSON.stringify(rules, null, 2);
    revision.current = view.data.draft?.revision ?? 0;
    setText(initial);
    setSavedText(initial);
  }, [view.data]);

  const problems = useMemo(() => (text === '' ? [] : validateRulesText(text)), [text]);
  // The live problems and the server's refusal, by the rules-form field each names (paths as the server's: `rules.…`).
  const formProblems = useMemo(() => allDetails(underRoot(problems, 'rules'), error), [problems, error]);
  const isErrorPlaced = useMemo(() => error !== null && isPlacedByFields(error, rulesFormFieldKeys(text)), [error, text]);
  const isDirty = text !== savedText;
  useUnsavedChangesGuard(isDirty, `The ${domain} rule set`);

  const putDraft = async (): Promise<RuleSetView> => {
    const saved = await client.call('putMatchingRulesDraft', {
      params,
      body: { rules: JSON.parse(text) as Record<string, unknown>, revision: revision.current },
    });
    revision.current = saved.draft?.revision ?? revision.current;
    setSavedText(text);
    return saved;
  };

  const save = (): Promise<void> =>
    run('Saving…', async () => {
      const saved = await putDraft();
      view.reload();
      return `Draft saved (revision ${saved.draft?.revision ?? '?'}).`;
    });

  const preview = (): Promise<void> =>
    run('Previewing…', async () => {
      const answer = await client.call('previewMatchingRules', {
        params,
        body: { rules: JSON.parse(text) as Record<string, unknown>, examples: 10 },
      });
      if ('job' in answer) return `The domain is large: the preview runs as job ${answer.job.id}; its report is the job's result.`;
      setReport(answer);
      return 'Impact preview ready.';
    });

  const publish = (): Promise<void> =>
    run('Publishing…', async () => {
      if (isDirty) await putDraft();
      const published = await client.call('publishMatchingRules', {
        params,
        body: { revision: revision.current === 0 ? undefined : revision.current },
      });
      view.reload();
      versions.reload();
      return published.isNew
        ? `Published version ${published.version.number}: the engine uses it from the next match on.`
        : `Already published as version ${published.version.number}.`;
    });

  const rollback = async (number: number): Promise<void> => {
    const reason = await askInPage({
      title: `Roll back the ${domain} rules to version ${number}`,
      message: `Publishes version ${number} of the ${domain} rules again as the newest version.`,
      inputLabel: 'Reason',
      defaultValue: `Back to version ${number}`,
      confirmLabel: 'Roll back',
    });
    if (reason === null) return;
    await run('Rolling back…', async () => {
      await client.call('rollbackMatchingRules', { params, body: { version: number, reason } });
      view.reload();
      versions.reload();
      return `Version ${number} is published again.`;
    });
  };

  const published = view.data?.published;
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
      <div className="toolbar mapping-toolbar">
        <span className="badge">{published ? `v${published.number} · ${published.rulesVersion}` : 'not published'}</span>
        <span className="muted draft-state" data-testid="rules-state">
          {view.data?.draft ? `draft r${view.data.draft.revision} (${view.data.draftState})` : 'no draft'}
          {isDirty && <strong className="unsaved"> · unsaved changes</strong>}
        </span>
        {busy !== '' && (
          <span className="muted" role="status">
            {busy}
          </span>
        )}
        {canWrite && (
          <button type="button" className="button-secondary" disabled={busy !== '' || problems.length > 0} onClick={() => void save()}>
            Save draft
          </button>
        )}
        {canPreview && (
          <button type="button" className="button-secondary" disabled={busy !== '' || problems.length > 0} onClick={() => void preview()}>
            Impact preview
          </button>
        )}
        {canWrite && (
          <button type="button" className="button-primary" disabled={busy !== '' || problems.length > 0} onClick={() => void publish()}>
            Publish
          </button>
        )}
      </div>
      {(isErrorPlaced ? view.error : (error ?? view.error)) !== null && (
        <ErrorNotice error={isErrorPlaced ? view.error : (error ?? view.error)} onDismiss={clearError} />
      )}
      {notice !== '' && <p className="notice notice-success">{notice}</p>}
      <div className="rules-body" {...tabPanelProps('rules', domain)}>
        <section className="pane" aria-label="Rules">
          <header className="pane-header">
            <h2>{domain} rules (JSON)</h2>
            <span className={problems.length === 0 ? 'muted' : 'error-text'}>
              {problems.length === 0 ? 'Valid against the rules schema' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}
            </span>
          </header>
          {view.data !== null && (
            <Suspense fallback={<div className="splash">Loading the editor…</div>}>
              <MonacoEditor
                key={domain}
                value={text}
                language="json"
                ariaLabel={`${domain} matching rules`}
                isReadOnly={!canWrite}
                onChange={setText}
              />
            </Suspense>
          )}
          {problems.length > 0 && (
            <ul className="problem-list rules-problems" aria-label="Rule problems">
              {problems.map((problem, index) => (
                <li key={index}>
                  {problem.path ? <span className="mono">{problem.path}: </span> : null}
                  {problem.message}
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="rules-side">
          {report !== null && <ImpactReport report={report} />}
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
          <VersionsCard label="Rule versions" items={versions.data?.items ?? []} canWrite={canWrite} onRollback={rollback} />
        </div>
      </div>
    </section>
  );
}
