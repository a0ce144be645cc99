/**
 * One domain's rule set as the rules page works on it: the server's view and versions, the editor
 * state (rulesEditorState.ts), the draft revision last read or written, and the actions — save the
 * draft, impact preview, publish (saving first), roll back (reason asked in the page) — run one at a time.
 */
import { useEffect, useMemo, useReducer, useRef } from 'react';
import type { Dispatch } from 'react';
import type { ApiClient } from '../../api/client';
import type { OperationResponse } from '../../../../server/contracts/operations';
import { useLoad, type Loaded } from '../../app/useLoad';
import { askInPage } from '../../ui/Dialog';
import { useBusyAction } from '../../ui/useBusyAction';
import { initialRulesEditorState, rulesEditorReducer, type RulesEditorAction, type RulesEditorState } from './rulesEditorState';
import { validateRulesText, type RuleProblem } from './rulesValidation';

type RuleSetView = OperationResponse<'getMatchingRules'>;

export interface RuleSetEditor {
  view: Loaded<RuleSetView>;
  versions: Loaded<OperationResponse<'listMatchingRulesVersions'>>;
  state: RulesEditorState;
  dispatch: Dispatch<RulesEditorAction>;
  /** Live schema problems of the text (empty when valid). */
  problems: RuleProblem[];
  isDirty: boolean;
  busy: string;
  error: unknown;
  notice: string;
  clearError: () => void;
  save: () => Promise<void>;
  preview: () => Promise<void>;
  publish: () => Promise<void>;
  rollback: (number: number) => Promise<void>;
}

/** The rules editor of `domain`. */
export function useRuleSet(client: ApiClient, domain: string): RuleSetEditor {
  const params = useMemo(() => ({ domain }), [domain]);
  const view = useLoad(() => client.call('getMatchingRules', { params }), [client, params]);
  const versions = useLoad(() => client.call('listMatchingRulesVersions', { params }), [client, params]);
  const [state, dispatch] = useReducer(rulesEditorReducer, initialRulesEditorState);
  const { busy, error, notice, run, clearError } = useBusyAction();
  // The draft revision last read or written: a save then a failed publish must not leave it stale.
  const revision = useRef(0);

  useEffect(() => {
    if (view.data === null) return;
    const rules = view.data.draft?.rules ?? view.data.published?.rules ?? {};
    revision.current = view.data.draft?.revision ?? 0;
    dispatch({ type: 'serverLoaded', text: JSON.stringify(rules, null, 2) });
  }, [view.data]);

  const { text } = state;
  const problems = useMemo(() => (text === '' ? [] : validateRulesText(text)), [text]);
  const isDirty = text !== state.savedText;

  const putDraft = async (): Promise<RuleSetView> => {
    const saved = await client.call('putMatchingRulesDraft', {
      params,
      body: { rules: JSON.parse(text) as Record<string, unknown>, revision: revision.current },
    });
    revision.current = saved.draft?.revision ?? revision.current;
    dispatch({ type: 'draftSaved', text });
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
      dispatch({ type: 'previewReported', report: answer });
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

  return { view, versions, state, dispatch, problems, isDirty, busy, error, notice, clearError, save, preview, publish, rollback };
}
