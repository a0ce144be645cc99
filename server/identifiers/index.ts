/** Identifier validators and normalisers: pure, synchronous, shared by mapping, standardisation, matching and validation. */
export type { IdentifierCheck } from './types';
export { checkGtin, checkGln, normalizeGtin, gtinIndicator, gtinBase, gtinWithIndicator, gs1CheckDigit } from './gs1';
export { checkHibcc, hibccCheckCharacter } from './hibcc';
export { checkNdc, normalizeNdc11, formatNdc11 } from './ndc';
export { checkUnspsc, unspscParents } from './unspsc';
export { checkEin, normalizeEin, checkDuns, normalizeDuns, checkUei } from './tax';
export { checkNpi, npiCheckDigit } from './npi';
export { checkCcn, normalizeCcn, ccnFacilityType } from './ccn';
export { checkUom, normalizeUom, UOM_CODES, UOM_ALIASES } from './uom';
export type { UomCode } from './uom';
export { normalizeOrgName, normalizePartNumber, normalizeText, normalizePostalCode } from './names';
