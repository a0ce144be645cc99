/**
 * Postal addresses for comparison: line 1 split into house number and street with the usual
 * abbreviations folded (STREET → ST), 5-digit postal codes (lost leading zeros restored by
 * normalizePostalCode), upper-case city and state.
 */
import { normalizeWith } from './normalizers';
import { jaroWinkler } from './similarity';
import type { PreparedAddress } from './types';
import { present } from '../invariant';

const STREET_ABBREVIATIONS: Record<string, string> = {
  STREET: 'ST',
  AVENUE: 'AVE',
  AV: 'AVE',
  ROAD: 'RD',
  DRIVE: 'DR',
  BOULEVARD: 'BLVD',
  LANE: 'LN',
  COURT: 'CT',
  PLACE: 'PL',
  PARKWAY: 'PKWY',
  HIGHWAY: 'HWY',
  SUITE: 'STE',
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  CIRCLE: 'CIR',
  TERRACE: 'TER',
  SQUARE: 'SQ',
  FLOOR: 'FL',
  BUILDING: 'BLDG',
  POST: 'PO',
  OFFICE: '',
  P: '',
  O: '',
};

/** Normalises one address object; null when it has neither street, city nor postal code. */
export function prepareAddress(value: Record<string, unknown>): PreparedAddress | null {
  const text = (key: string): string => (typeof value[key] === 'string' ? (normalizeWith('text', value[key] as string) ?? '') : '');
  const tokens = text('line1')
    .split(' ')
    .filter((t) => t !== '')
    .map((t) => STREET_ABBREVIATIONS[t] ?? t)
    .filter((t) => t !== '');
  // "PO BOX 1234": the box number plays the role of the house number.
  const numberIndex = tokens.findIndex((t) => /^\d/.test(t));
  const number = numberIndex >= 0 ? present(tokens[numberIndex], 'house number token') : '';
  const street = tokens.filter((_, i) => i !== numberIndex).join(' ');
  const postal = typeof value.postalCode === 'string' ? (normalizeWith('postalCode', value.postalCode) ?? '') : '';
  const prepared = { number, street, city: text('city'), state: text('state'), postalCode: postal.slice(0, 5) };
  return prepared.street || prepared.city || prepared.postalCode ? prepared : null;
}

/** Address similarity: line1 (number + street) 0.5, postal code 0.25, city 0.15, state 0.1, over the parts present on both sides. */
export function addressSimilarity(a: PreparedAddress, b: PreparedAddress): number {
  let total = 0;
  let weight = 0;
  if (a.street && b.street) {
    const numbersAgree = !a.number || !b.number || a.number === b.number;
    total += 0.5 * (numbersAgree ? jaroWinkler(a.street, b.street) : 0);
    weight += 0.5;
  }
  if (a.postalCode && b.postalCode) {
    total += 0.25 * (a.postalCode === b.postalCode ? 1 : 0);
    weight += 0.25;
  }
  if (a.city && b.city) {
    total += 0.15 * jaroWinkler(a.city, b.city);
    weight += 0.15;
  }
  if (a.state && b.state) {
    total += 0.1 * (a.state === b.state ? 1 : 0);
    weight += 0.1;
  }
  return weight === 0 ? 0 : total / weight;
}

/** One-line form for explanations. */
export function formatAddress(a: PreparedAddress): string {
  return [`${a.number} ${a.street}`.trim(), a.city, a.state, a.postalCode].filter((p) => p !== '').join(', ');
}
