/**
 * The standardise stage's functions. They live beside the canonical schemas (`server/schemas/standardise.ts`) because
 * the mapping workers run them too (docs/INGEST.md, twelfth pass), and the mapping runtime does not depend on ingest.
 */
export { cleanOrganisationName, cleanText, compileStandardiser, standardiseRecord } from '../schemas/standardise';
export type { RecordStandardiser } from '../schemas/standardise';
