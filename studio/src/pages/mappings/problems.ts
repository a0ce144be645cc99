/**
 * Everything wrong with the mapping under test, as one list for the problems panel: the syntax
 * error, the selected record's runtime error, schema violations of its output, and required
 * fields the expression never sets.
 */
import type { ErrorDetail } from '../../../../server/errors';
import { markerForError } from '../../jsonata/errorMarkers';
import type { EditorMarker } from '../../jsonata/errorMarkers';
import type { EvaluationOutcome } from '../../jsonata/evaluationClient';
import type { RequiredFieldReport } from '../../jsonata/outputCheck';

export type ProblemKind = 'syntax' | 'runtime' | 'timeout' | 'schema' | 'required';

export interface Problem {
  kind: ProblemKind;
  message: string;
  /** Where in the expression, when known (markers use the same range). */
  marker?: EditorMarker;
  /** Output field path for schema problems. */
  path?: string;
}

/** The problems for the current evaluation of `expression`, focusing on record `selectedIndex`. */
export function collectProblems(input: {
  expression: string;
  outcome: EvaluationOutcome | null;
  selectedIndex: number;
  schemaErrors: readonly ErrorDetail[];
  required: RequiredFieldReport | null;
}): Problem[] {
  const { expression, outcome, selectedIndex } = input;
  const problems: Problem[] = [];
  if (outcome?.status === 'timeout') {
    problems.push({
      kind: 'timeout',
      message: `The mapping did not finish within ${outcome.timeoutMs} ms and was stopped (an endless loop or a very slow regular expression?).`,
    });
  } else if (outcome?.status === 'crashed') {
    problems.push({ kind: 'runtime', message: outcome.message });
  } else if (outcome?.status === 'done') {
    const { compileError, results } = outcome.response;
    if (compileError !== null) {
      const marker = markerForError(expression, compileError);
      problems.push({ kind: 'syntax', message: marker.message, marker });
    }
    const selected = results[selectedIndex];
    if (selected !== undefined && !selected.ok) {
      const marker = selected.error.position === undefined ? undefined : markerForError(expression, selected.error);
      problems.push({ kind: 'runtime', message: marker?.message ?? selected.error.message, marker });
    }
  }
  const neverSet = new Set(input.required?.missing ?? []);
  for (const detail of input.schemaErrors) {
    // "required" from ajv repeats the static never-set finding, which says more; keep one.
    if (detail.code === 'REQUIRED' && detail.path !== undefined && neverSet.has(detail.path)) continue;
    problems.push({ kind: 'schema', message: detail.path ? `${detail.path}: ${detail.message}` : detail.message, path: detail.path });
  }
  for (const field of input.required?.missing ?? []) {
    problems.push({ kind: 'required', message: `The schema requires "${field}" but the expression never sets it.`, path: field });
  }
  return problems;
}
