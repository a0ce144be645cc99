/** Messages between the match-preparation thread's host (`preparationThread.ts`) and its worker. */
import type { CompiledSource, IncomingPreparation } from '../matching';
import type { CanonicalRecord } from '../matching/types';

export interface PreparationRequest {
  requestId: number;
  /** The host's id of the compiled rules; `source` comes with the first batch under them. */
  rulesId: number;
  source?: CompiledSource;
  records: CanonicalRecord[];
}

export type PreparationReply = { requestId: number; preparations: IncomingPreparation[] } | { requestId: number; error: string };
