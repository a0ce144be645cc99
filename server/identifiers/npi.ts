import { digitsOnlyMessage, invalid, lengthMessage, stripSeparators, valid } from './types';
import type { IdentifierCheck } from './types';

/** Luhn check digit of an NPI's first 9 digits, computed over the card-issuer prefix 80840 as CMS specifies. */
export function npiCheckDigit(firstNineDigits: string): number {
  const data = '80840' + firstNineDigits;
  let sum = 0;
  for (let index = 0; index < data.length; index++) {
    let digit = data.charCodeAt(data.length - 1 - index) - 48;
    // Doubling starts at the rightmost data digit, because the check digit will sit to its right.
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Validates a 10-digit NPI (first digit 1 or 2, Luhn check digit). */
export function checkNpi(value: string): IdentifierCheck {
  const digits = stripSeparators(value);
  if (digits === '') return invalid('INVALID_NPI', 'is empty');
  if (!/^[0-9]+$/.test(digits)) return invalid('INVALID_NPI', digitsOnlyMessage(digits));
  if (digits.length !== 10) return invalid('INVALID_NPI', lengthMessage('10 digits', digits.length));
  if (digits[0] !== '1' && digits[0] !== '2') return invalid('INVALID_NPI', `should start with 1 or 2, got ${digits[0]}`);
  const expected = npiCheckDigit(digits.slice(0, 9));
  const actual = Number(digits[9]);
  return expected === actual ? valid(digits) : invalid('INVALID_NPI', `check digit should be ${expected}, got ${actual}`);
}
