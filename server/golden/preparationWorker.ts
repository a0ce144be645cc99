/**
 * Worker-thread entry of the match-preparation thread (`preparationThread.ts`): compiles each rule set
 * it is sent once, then prepares batches of canonical records under it (`prepareIncoming`, a pure
 * function of record and rules) and posts the preparations back, in order.
 */
import { parentPort } from 'node:worker_threads';
import { compileCached, prepareIncoming, type CompiledRules } from '../matching';
import type { PreparationReply, PreparationRequest } from './preparationProtocol';

const port = parentPort;
if (!port) throw new Error('preparationWorker must run in a worker thread');

/** Rule sets by the host's id for them; the host sends a rule set's source with its first batch. */
const compiledById = new Map<number, CompiledRules>();
const MAX_RULE_SETS = 8;

function rulesOf(request: PreparationRequest): CompiledRules {
  const known = compiledById.get(request.rulesId);
  if (known) return known;
  if (!request.source) throw new Error(`rule set ${request.rulesId} was never sent`);
  const compiled = compileCached(request.source.rules, request.source.hash, request.source.aliasTables);
  if (compiledById.size >= MAX_RULE_SETS) compiledById.delete(compiledById.keys().next().value as number);
  compiledById.set(request.rulesId, compiled);
  return compiled;
}

// Batches are answered one at a time, in the order they arrive.
port.on('message', (request: PreparationRequest) => {
  let reply: PreparationReply;
  try {
    const rules = rulesOf(request);
    reply = { requestId: request.requestId, preparations: request.records.map((record) => prepareIncoming(record, rules)) };
  } catch (error) {
    reply = { requestId: request.requestId, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
