// Node stand-in for evaluation.worker.ts: the same evaluator behind worker_threads messaging, so
// the client's timeout/terminate/recreate logic runs against a real thread that can really hang.
import { parentPort } from 'node:worker_threads';
import { createEvaluator } from '../../studio/src/jsonata/evaluation';
import type { EvaluationRequest, EvaluationStarted } from '../../studio/src/jsonata/evaluation';

const evaluator = createEvaluator();
parentPort?.on('message', (request: EvaluationRequest) => {
  parentPort?.postMessage({ id: request.id, started: true } satisfies EvaluationStarted);
  void evaluator.evaluate(request).then((response) => parentPort?.postMessage(response));
});
