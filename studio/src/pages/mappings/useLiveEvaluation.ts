/**
 * Debounced live evaluation: after the analyst pauses typing, the expression runs against the
 * samples in a Web Worker with a hard timeout (see jsonata/evaluationClient.ts).
 */
import { useEffect, useRef, useState } from 'react';
import { createEvaluationClient, fromWebWorker } from '../../jsonata/evaluationClient';
import type { EvaluationClient, EvaluationOutcome } from '../../jsonata/evaluationClient';
import EvaluationWorker from '../../jsonata/evaluation.worker?worker';

export const EVALUATION_TIMEOUT_MS = 2000;
const DEBOUNCE_MS = 250;

/** The latest evaluation outcome, the expression text it belongs to, and whether a newer one is pending. */
export function useLiveEvaluation(input: {
  expression: string;
  records: unknown[] | null;
  lookups: Record<string, Record<string, unknown>>;
}): { outcome: EvaluationOutcome | null; evaluatedExpression: string; isRunning: boolean } {
  const clientRef = useRef<EvaluationClient | null>(null);
  const [evaluated, setEvaluated] = useState<{ outcome: EvaluationOutcome | null; expression: string }>({ outcome: null, expression: '' });
  const [isRunning, setIsRunning] = useState(false);

  useEffect(() => {
    const client = createEvaluationClient({ createWorker: () => fromWebWorker(new EvaluationWorker()), timeoutMs: EVALUATION_TIMEOUT_MS });
    clientRef.current = client;
    return () => {
      client.dispose();
      clientRef.current = null;
    };
  }, []);

  const { expression, records, lookups } = input;
  useEffect(() => {
    if (records === null || expression.trim() === '') {
      setEvaluated({ outcome: null, expression });
      setIsRunning(false);
      return undefined;
    }
    setIsRunning(true);
    let isCurrent = true;
    const timer = setTimeout(() => {
      const client = clientRef.current;
      if (client === null) return;
      void client.evaluate({ expression, records, lookups }).then((result) => {
        if (!isCurrent || result.status === 'superseded') return;
        setEvaluated({ outcome: result, expression });
        setIsRunning(false);
      });
    }, DEBOUNCE_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [expression, records, lookups]);

  return { outcome: evaluated.outcome, evaluatedExpression: evaluated.expression, isRunning };
}
