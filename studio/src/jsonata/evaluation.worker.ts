/** Web Worker running mapping evaluations off the UI thread; the client kills it when it overruns. */
import { createEvaluator } from './evaluation';
import type { EvaluationRequest, EvaluationStarted } from './evaluation';

const evaluator = createEvaluator();

self.onmessage = (event: MessageEvent<EvaluationRequest>) => {
  self.postMessage({ id: event.data.id, started: true } satisfies EvaluationStarted);
  void evaluator.evaluate(event.data).then((response) => self.postMessage(response));
};
