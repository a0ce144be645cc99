import { invalid, lengthMessage, valid, valueOrNull } from './types';
import type { IdentifierCheck } from './types';

/** Validates a CMS Certification Number (2-digit state code + 4 characters) and restores a lost leading zero. */
export function checkCcn(value: string): IdentifierCheck {
  const text = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '');
  if (text === '') return invalid('INVALID_CCN', 'is empty');
  const bad = text.match(/[^A-Z0-9]/)?.[0];
  if (bad !== undefined) return invalid('INVALID_CCN', `should contain only letters and digits, found "${bad}"`);
  // Spreadsheets drop the leading zero of states 01–09; only an all-digit value can have lost one.
  const padded = text.length === 5 && /^[0-9]+$/.test(text) ? '0' + text : text;
  if (padded.length !== 6) return invalid('INVALID_CCN', lengthMessage('6 characters', padded.length));
  if (!/^[0-9]{2}/.test(padded)) return invalid('INVALID_CCN', 'should start with a 2-digit state code');
  if (padded.slice(2) === '0000') return invalid('INVALID_CCN', 'facility number cannot be 0000');
  if (!/^[0-9A-Z][0-9]{3}$/.test(padded.slice(2))) {
    return invalid('INVALID_CCN', 'should end with 4 digits (a letter is allowed only in position 3, for special units)');
  }
  return valid(padded);
}

/** The 6-character CCN, or null. */
export function normalizeCcn(value: string): string | null {
  return valueOrNull(checkCcn(value));
}

// Facility-number ranges (positions 3–6). The reference names these; others exist and map to null.
const CCN_RANGES: ReadonlyArray<{ from: number; to: number; type: string }> = [
  { from: 1, to: 879, type: 'short-term hospital' },
  { from: 1300, to: 1399, type: 'critical access hospital' },
  { from: 3300, to: 3399, type: "children's hospital" },
  { from: 4000, to: 4499, type: 'psychiatric hospital' },
  { from: 5000, to: 6499, type: 'skilled nursing facility' },
];

/** Facility type implied by a CCN's number range; `special unit` when position 3 is a letter; null when not known. */
export function ccnFacilityType(ccn: string): string | null {
  const normalized = normalizeCcn(ccn);
  if (normalized === null) return null;
  if (/[A-Z]/.test(normalized.charAt(2))) return 'special unit';
  const number = Number(normalized.slice(2));
  return CCN_RANGES.find((range) => number >= range.from && number <= range.to)?.type ?? null;
}
