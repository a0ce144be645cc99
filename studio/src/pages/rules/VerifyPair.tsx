/**
 * Verify a pair under the rules being edited: two canonical records as JSON, scored by
 * POST /matching/verify with the editor's rules (standardised as ingest would), and the explanation
 * shown as the inbox shows it (the waterfall for Fellegi–Sunter rules).
 */
import { useState } from 'react';
import type { VerifyResult } from '../../../../server/matching/verify';
import type { ApiClient } from '../../api/client';
import { ErrorNotice } from '../../app/ErrorNotice';
import { formatScore } from '../../ui/format';
import { MatchExplanationView } from '../../ui/MatchExplanation';

/** Parses one record text; the message names the record. */
export function parseRecordText(label: string, text: string): { record: Record<string, unknown> } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `${label} is not valid JSON: ${(error as Error).message}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { problem: `${label} must be a JSON object (one canonical record).` };
  return { record: value as Record<string, unknown> };
}

/** The verify card of the rules page. */
export function VerifyPair(props: { client: ApiClient; domain: string; rulesText: string; isRulesValid: boolean }) {
  const [textA, setTextA] = useState('{\n  \n}');
  const [textB, setTextB] = useState('{\n  \n}');
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const verify = async (): Promise<void> => {
    setProblem('');
    setError(null);
    const a = parseRecordText('Record A', textA);
    const b = parseRecordText('Record B', textB);
    if ('problem' in a || 'problem' in b) {
      setProblem('problem' in a ? a.problem : 'problem' in b ? b.problem : '');
      return;
    }
    setIsBusy(true);
    try {
      setResult(
        await props.client.call('verifyMatch', {
          body: { domain: props.domain, a: a.record, b: b.record, rules: JSON.parse(props.rulesText) as Record<string, unknown> },
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="card verify-pair" aria-label="Verify a pair">
      <h2>Verify a pair</h2>
      <p className="muted">Two {props.domain} records in the canonical model, scored under the rules in the editor.</p>
      <div className="verify-records">
        <label>
          Record A
          <textarea aria-label="Record A" className="mono" rows={6} value={textA} onChange={(event) => setTextA(event.target.value)} />
        </label>
        <label>
          Record B
          <textarea aria-label="Record B" className="mono" rows={6} value={textB} onChange={(event) => setTextB(event.target.value)} />
        </label>
      </div>
      <button type="button" className="button-secondary" disabled={isBusy || !props.isRulesValid} onClick={() => void verify()}>
        Verify
      </button>
      {problem !== '' && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {error !== null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {result?.explanation && (
        <div className="verify-result" role="status">
          <p>
            {result.rules.rulesVersion} ({result.rules.choice}): score <strong>{formatScore(result.explanation.score)}</strong> · band{' '}
            <strong>{result.explanation.band}</strong>
            {result.explanation.hardRule ? ` · rule ${result.explanation.hardRule.name} (${result.explanation.hardRule.action})` : ''}
          </p>
          <MatchExplanationView explanation={result.explanation} sides={['Record A', 'Record B']} />
        </div>
      )}
    </div>
  );
}
