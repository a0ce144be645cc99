/**
 * The verdict on every sample record, not only the one shown: each record either maps and matches
 * the canonical schema, or fails with its mapping error or its schema violations. The preview's
 * "2 of 20 fail" and its jump list come from here.
 */
import type { RecordResult } from '../../jsonata/evaluation';
import { validateOutput } from '../../jsonata/outputCheck';
import type { JsonSchema } from '../../jsonata/schemaShape';

export interface RecordFailure {
  /** Index of the record in the samples. */
  index: number;
  kind: 'mapping' | 'schema' | 'empty';
  /** Plain-language problems, one per line (`path: message` for schema violations). */
  messages: string[];
}

export interface RecordCheck {
  total: number;
  failures: RecordFailure[];
  /** False when there is no schema to validate against (only mapping errors are found). */
  isSchemaChecked: boolean;
}

/** Checks every evaluated record against the schema. */
export function checkEveryRecord(schema: JsonSchema | null, results: readonly RecordResult[]): RecordCheck {
  const failures: RecordFailure[] = [];
  results.forEach((result, index) => {
    if (!result.ok) {
      failures.push({ index, kind: 'mapping', messages: [`${result.error.code}: ${result.error.message}`] });
      return;
    }
    if (result.value === undefined) {
      failures.push({ index, kind: 'empty', messages: ['The expression produced no value for this record.'] });
      return;
    }
    if (schema === null) return;
    const errors = validateOutput(schema, result.value);
    if (errors.length > 0) failures.push({ index, kind: 'schema', messages: errors.map((error) => (error.path ? `${error.path}: ${error.message}` : error.message)) });
  });
  return { total: results.length, failures, isSchemaChecked: schema !== null };
}

/** "20 records · all pass", "2 of 20 fail". */
export function describeRecordCheck(check: RecordCheck): string {
  if (check.total === 0) return 'No sample records';
  const noun = `record${check.total === 1 ? '' : 's'}`;
  if (check.failures.length === 0) return check.isSchemaChecked ? `${check.total} ${noun} · all pass the schema` : `${check.total} ${noun} · all map (schema not loaded)`;
  return `${check.failures.length} of ${check.total} fail`;
}
