/** Web Worker running mapping evaluations off the UI thread; the client kills it when it overruns. */
import { createEvaluator } from './evaluation';
import type { EvaluationRequest } from './evaluation';

const evaluator = createEvaluator();

self.onmessage = (event: MessageEvent<EvaluationRequest>) => {
  void evaluator.evaluate(event.data).then((response) => self.postMessage(response));
};
