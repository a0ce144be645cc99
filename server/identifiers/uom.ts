import { invalid, valid, valueOrNull } from './types';
import type { IdentifierCheck } from './types';

/** The controlled list of unit-of-measure codes used in canonical records. */
export const UOM_CODES = ['EA', 'BX', 'CS', 'PK', 'CT', 'DZ', 'KT', 'BG', 'BT', 'VL', 'TB', 'RL', 'TR', 'PR', 'SET'] as const;

export type UomCode = (typeof UOM_CODES)[number];

/** Source spellings mapped to controlled codes (X12 writes CA for case and BO for bottle; ERPs spell words out). */
export const UOM_ALIASES: Readonly<Record<string, UomCode>> = {
  EACH: 'EA',
  EACHES: 'EA',
  BOX: 'BX',
  BOXES: 'BX',
  CA: 'CS',
  CASE: 'CS',
  CASES: 'CS',
  PACK: 'PK',
  PACKS: 'PK',
  PKG: 'PK',
  PACKAGE: 'PK',
  CARTON: 'CT',
  CARTONS: 'CT',
  DOZEN: 'DZ',
  DOZ: 'DZ',
  KIT: 'KT',
  KITS: 'KT',
  BAG: 'BG',
  BAGS: 'BG',
  BO: 'BT',
  BTL: 'BT',
  BOTTLE: 'BT',
  BOTTLES: 'BT',
  VIAL: 'VL',
  VIALS: 'VL',
  TUBE: 'TB',
  TUBES: 'TB',
  ROLL: 'RL',
  ROLLS: 'RL',
  TRAY: 'TR',
  TRAYS: 'TR',
  PAIR: 'PR',
  PAIRS: 'PR',
  ST: 'SET',
  SETS: 'SET',
};

const CODES = new Set<string>(UOM_CODES);

/** Validates a unit of measure against the controlled list (aliases accepted) and returns the controlled code. */
export function checkUom(value: string): IdentifierCheck {
  const text = value.trim().toUpperCase().replace(/\.$/, '');
  if (text === '') return invalid('INVALID_UOM', 'is empty');
  if (CODES.has(text)) return valid(text);
  const alias = UOM_ALIASES[text];
  if (alias !== undefined) return valid(alias);
  return invalid('INVALID_UOM', `is not a known unit of measure; use one of ${UOM_CODES.join(', ')}`);
}

/** The controlled UOM code for a source spelling, or null. */
export function normalizeUom(value: string): string | null {
  return valueOrNull(checkUom(value));
}
