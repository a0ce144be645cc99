import { digitsOnlyMessage, invalid, stripSeparators, valid, valueOrNull } from './types';
import type { IdentifierCheck } from './types';

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** GS1 mod-10 check digit for the data digits (everything except the check digit). */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^[0-9]+$/.test(digitsWithoutCheck)) {
    throw new TypeError('gs1CheckDigit expects a string of digits');
  }
  let sum = 0;
  // Weights run 3,1,3,1… starting from the rightmost data digit, so the result is the same
  // whatever left zero-padding the number carries.
  for (let index = 0; index < digitsWithoutCheck.length; index++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - index) - 48;
    sum += index % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

function checkGs1Digits(digits: string, code: string): IdentifierCheck | null {
  const expected = gs1CheckDigit(digits.slice(0, -1));
  const actual = Number(digits[digits.length - 1]);
  return expected === actual ? null : invalid(code, `check digit should be ${expected}, got ${actual}`);
}

/** Validates a GTIN-8/12/13/14 and normalises it to 14 digits. */
export function checkGtin(value: string): IdentifierCheck {
  const digits = stripSeparators(value);
  if (digits === '') return invalid('INVALID_GTIN', 'is empty');
  if (!/^[0-9]+$/.test(digits)) return invalid('INVALID_GTIN', digitsOnlyMessage(digits));
  if (!GTIN_LENGTHS.has(digits.length)) {
    return invalid('INVALID_GTIN', `should have 8, 12, 13 or 14 digits, got ${digits.length}`);
  }
  if (/^0+$/.test(digits)) return invalid('INVALID_GTIN', 'cannot be all zeros');
  return checkGs1Digits(digits, 'INVALID_GTIN') ?? valid(digits.padStart(14, '0'));
}

/** The 14-digit form of a valid GTIN, or null. */
export function normalizeGtin(value: string): string | null {
  return valueOrNull(checkGtin(value));
}

function toGtin14(gtin: string): string {
  const digits = stripSeparators(gtin);
  if (!/^[0-9]{1,14}$/.test(digits)) {
    throw new TypeError('expected a GTIN of at most 14 digits');
  }
  return digits.padStart(14, '0');
}

/** Packaging indicator (first digit of the GTIN-14): 0 base unit, 1–8 higher packaging levels, 9 variable measure. */
export function gtinIndicator(gtin14: string): string {
  return toGtin14(gtin14).charAt(0);
}

/** Digits 2–13 of the GTIN-14: shared by every packaging level of the same product. */
export function gtinBase(gtin14: string): string {
  return toGtin14(gtin14).slice(1, 13);
}

/** GTIN-14 of the same product at another packaging indicator, with the check digit recomputed. */
export function gtinWithIndicator(gtin14: string, indicator: string): string {
  if (!/^[0-9]$/.test(indicator)) throw new TypeError('indicator must be one digit');
  const data = indicator + gtinBase(gtin14);
  return data + String(gs1CheckDigit(data));
}

/** Validates a 13-digit GLN (GS1 mod 10). */
export function checkGln(value: string): IdentifierCheck {
  const digits = stripSeparators(value);
  if (digits === '') return invalid('INVALID_GLN', 'is empty');
  if (!/^[0-9]+$/.test(digits)) return invalid('INVALID_GLN', digitsOnlyMessage(digits));
  if (digits.length !== 13) return invalid('INVALID_GLN', `should have 13 digits, got ${digits.length}`);
  if (/^0+$/.test(digits)) return invalid('INVALID_GLN', 'cannot be all zeros');
  return checkGs1Digits(digits, 'INVALID_GLN') ?? valid(digits);
}
