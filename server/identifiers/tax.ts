import { digitsOnlyMessage, invalid, lengthMessage, stripSeparators, valid, valueOrNull } from './types';
import type { IdentifierCheck } from './types';

// Prefixes the IRS has never assigned (reference: healthcare-master-data.md).
const INVALID_EIN_PREFIXES = new Set([
  '00',
  '07',
  '08',
  '09',
  '17',
  '18',
  '19',
  '28',
  '29',
  '49',
  '69',
  '70',
  '78',
  '79',
  '89',
  '96',
  '97',
]);

/**
 * Validates a US EIN (9 digits, written XX-XXXXXXX; no checksum exists). Messages never repeat
 * the value: sole-proprietor vendors may carry an SSN in this field.
 */
export function checkEin(value: string): IdentifierCheck {
  const text = value.trim();
  if (text === '') return invalid('INVALID_EIN', 'is empty');
  if (/^[0-9]{3}-[0-9]{2}-[0-9]{4}$/.test(text)) {
    return invalid('INVALID_EIN', 'is written like an SSN (XXX-XX-XXXX), not an EIN (XX-XXXXXXX)');
  }
  const digits = stripSeparators(text);
  if (!/^[0-9]+$/.test(digits)) return invalid('INVALID_EIN', 'should contain only digits and an optional hyphen');
  if (digits.length !== 9) return invalid('INVALID_EIN', lengthMessage('9 digits', digits.length));
  const prefix = digits.slice(0, 2);
  if (INVALID_EIN_PREFIXES.has(prefix)) return invalid('INVALID_EIN', `prefix ${prefix} is never assigned to an EIN`);
  return valid(digits);
}

/** The 9-digit EIN without hyphen, or null. */
export function normalizeEin(value: string): string | null {
  return valueOrNull(checkEin(value));
}

/** Validates a DUNS number (9 digits, format only); restores a lost leading zero of 8-digit values. */
export function checkDuns(value: string): IdentifierCheck {
  const digits = stripSeparators(value);
  if (digits === '') return invalid('INVALID_DUNS', 'is empty');
  if (!/^[0-9]+$/.test(digits)) return invalid('INVALID_DUNS', digitsOnlyMessage(digits));
  if (digits.length !== 9 && digits.length !== 8) return invalid('INVALID_DUNS', lengthMessage('9 digits', digits.length));
  const padded = digits.padStart(9, '0');
  if (padded === '000000000') return invalid('INVALID_DUNS', 'cannot be all zeros');
  if (padded === '999999999') return invalid('INVALID_DUNS', 'cannot be all nines');
  return valid(padded);
}

/** The 9-digit DUNS, or null. */
export function normalizeDuns(value: string): string | null {
  return valueOrNull(checkDuns(value));
}

/** Validates a SAM Unique Entity ID (12 characters; its checksum is not public, so pattern rules only). */
export function checkUei(value: string): IdentifierCheck {
  const text = value.trim().toUpperCase();
  if (text === '') return invalid('INVALID_UEI', 'is empty');
  const bad = text.match(/[^A-Z0-9]/)?.[0];
  if (bad !== undefined) return invalid('INVALID_UEI', `should contain only letters and digits, found "${bad}"`);
  if (text.length !== 12) return invalid('INVALID_UEI', lengthMessage('12 characters', text.length));
  if (/[IO]/.test(text)) return invalid('INVALID_UEI', 'cannot contain the letters I or O');
  if (text[0] === '0') return invalid('INVALID_UEI', 'cannot start with 0');
  if (/[0-9]{9}/.test(text)) return invalid('INVALID_UEI', 'cannot contain 9 digits in a row');
  return valid(text);
}
