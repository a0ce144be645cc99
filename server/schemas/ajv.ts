/**
 * The one ajv set-up for the whole service: canonical records, request bodies, query strings and
 * configuration files are all validated by instances from `createAjv`, so formats and error
 * wording are the same everywhere. The studio imports this file in the browser too, so it must
 * stay free of Node-only modules (file loading lives in canonicalSchemas.ts).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { ANNOTATION_KEYWORDS, IDENTIFIER_FORMATS, TEXT_FORMATS } from './formats';

export { toErrorDetails } from './errorDetails';

// ajv-formats is CommonJS; depending on the loader the plugin is the module itself or its `default`.
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

/** An ajv (JSON Schema 2020-12) with standard and identifier formats, all errors and error data for messages. */
export function createAjv(overrides: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    // The error formatter needs the failing value (to re-run identifier checks) and the parent
    // schema (to suggest the intended property name).
    verbose: true,
    strict: true,
    // `required` inside oneOf/if branches names properties declared elsewhere; that is not a typo.
    strictRequired: false,
    allowUnionTypes: true,
    // OpenAPI's `discriminator` on a oneOf of tagged objects: only the branch the tag names is checked.
    discriminator: true,
    ...overrides,
  });
  addFormats(ajv);
  for (const [name, check] of Object.entries({ ...IDENTIFIER_FORMATS, ...TEXT_FORMATS })) {
    ajv.addFormat(name, { type: 'string', validate: (value: string) => check(value).ok });
  }
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword(keyword);
  return ajv;
}
