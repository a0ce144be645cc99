/** Custom ajv formats backed by the identifier check functions. */
import {
  checkCcn,
  checkDuns,
  checkEin,
  checkGln,
  checkGtin,
  checkHibcc,
  checkNdc,
  checkNpi,
  checkUei,
  checkUnspsc,
  checkUom,
} from '../identifiers';
import type { IdentifierCheck } from '../identifiers';
import { checkPlainText } from './plainText';

/** Custom formats backed by the identifier check functions; the error formatter re-runs them for the precise reason. */
export const IDENTIFIER_FORMATS: Readonly<Record<string, (value: string) => IdentifierCheck>> = {
  gtin: checkGtin,
  gln: checkGln,
  hibcc: checkHibcc,
  ndc: checkNdc,
  unspsc: checkUnspsc,
  ein: checkEin,
  duns: checkDuns,
  uei: checkUei,
  npi: checkNpi,
  ccn: checkCcn,
  uom: checkUom,
};

/** Formats of free text (not identifiers): request names, reasons and notes; checked the same way. */
export const TEXT_FORMATS: Readonly<Record<string, (value: string) => IdentifierCheck>> = {
  'plain-text': checkPlainText,
};

/** Annotation keywords our schemas carry that ajv's strict mode would otherwise reject as typos. */
/** `x-standardize` names the ingest standardiser of a plain-string field (server/schemas/standardise.ts). */
export const ANNOTATION_KEYWORDS = ['x-version', 'x-standardize', 'example'] as const;
