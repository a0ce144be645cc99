/** Worker-thread entry: evaluates batches posted by the pool and reports progress through shared memory. */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchRequest, WorkerInit, WorkerMessage } from './protocol';
import { markIdle, markRecordStart, progressView } from './protocol';
import { createBatchEvaluator } from './batchEvaluator';

const init = workerData as WorkerInit;
const progress = progressView(init.progressBuffer);
const port = parentPort;
if (!port) throw new Error('mappingWorker must run in a worker thread');

const evaluator = await createBatchEvaluator({
  limits: init.limits,
  onRecordStart: (index) => markRecordStart(progress, index),
  onRecordEnd: () => markIdle(progress),
});

// The pool sends one batch at a time per worker, so handlers never overlap.
port.on('message', (request: BatchRequest) => {
  void evaluator.evaluate(request).then((outcomes) => {
    const message: WorkerMessage = { type: 'done', jobId: request.jobId, outcomes };
    port.postMessage(message);
  });
});
const ready: WorkerMessage = { type: 'ready' };
port.postMessage(ready);
