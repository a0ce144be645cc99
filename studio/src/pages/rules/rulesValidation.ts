/**
 * Live validation of a rule set in the editor against matching-rules/rules.schema.json, with the
 * server's ajv set-up and error wording. The server validates again on save and adds the checks a
 * schema cannot express (duplicate names, hard rules naming unknown comparators).
 */
import type { ErrorObject } from 'ajv';
import rulesSchema from '../../../../matching-rules/rules.schema.json';
import { createAjv } from '../../../../server/schemas/ajv';
import { toErrorDetails } from '../../../../server/schemas/errorDetails';

export interface RuleProblem {
  path?: string;
  code: string;
  message: string;
}

let compiled: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | null = null;

/** Problems of `text` as a rule set: JSON syntax first, then the schema's. Empty when valid. */
export function validateRulesText(text: string): RuleProblem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [{ code: 'INVALID_JSON', message: `Not valid JSON: ${(error as Error).message}` }];
  }
  // strictRequired off, as on the server: the if/then branches require params declared in the main branch.
  compiled ??= createAjv({ strictRequired: false }).compile(rulesSchema as object);
  if (compiled(value)) return [];
  return toErrorDetails(compiled.errors ?? []);
}
