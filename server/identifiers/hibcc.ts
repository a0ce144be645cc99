import { invalid, valid } from './types';
import type { IdentifierCheck } from './types';

const MOD43_TABLE = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

/** HIBCC mod-43 check character over the barcode data, leading `+` included. */
export function hibccCheckCharacter(dataWithPlus: string): string {
  let sum = 0;
  for (const character of dataWithPlus) {
    const position = MOD43_TABLE.indexOf(character);
    if (position < 0) throw new TypeError(`"${character}" is not in the HIBCC character set`);
    sum += position;
  }
  return MOD43_TABLE.charAt(sum % 43);
}

// Labeler identification code (letter + 3 alphanumerics), catalogue number (1–18), unit-of-measure digit.
const DEVICE_IDENTIFIER = /^([A-Z][A-Z0-9]{3})([A-Z0-9]{1,18})([0-9])$/;
// GUDID-stored DIs: no `+`, usually no check character, sometimes one; so the last character
// may be either the unit-of-measure digit or a check character after it.
const STORED_DEVICE_IDENTIFIER = /^[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}[0-9][A-Z0-9\-. $/+%]?$/;

function describeProblem(value: string, isBarcode: boolean): string {
  if (!/^[A-Z]/.test(value)) return 'should start with the labeler code, whose first character is a letter';
  if (value.length < 6)
    return `is too short: labeler code (4) + catalogue number (at least 1) + unit-of-measure digit, got ${value.length} characters`;
  const longest = isBarcode ? 23 : 24;
  const counted = isBarcode ? 'between "+" and the check character' : 'without the leading "+"';
  if (value.length > longest) return `is too long: at most ${longest} characters ${counted}, got ${value.length}`;
  const bad = value.match(/[^A-Z0-9]/)?.[0];
  if (bad !== undefined) return `should contain only letters and digits, found "${bad}"`;
  return isBarcode
    ? 'should end with the unit-of-measure digit followed by the check character'
    : 'should end with the unit-of-measure digit (optionally followed by the check character)';
}

/**
 * Validates a HIBCC device identifier. A full barcode string (starting with `+`, optionally wrapped
 * in Code 39 `*` delimiters) must carry a correct mod-43 check character; a GUDID-stored value
 * (no `+`) is checked by pattern only. The normalised value is the DI without `+` and without the
 * check character of a full barcode, the form GUDID stores.
 */
export function checkHibcc(value: string): IdentifierCheck {
  let text = value.trim().toUpperCase();
  if (text.startsWith('*') && text.endsWith('*') && text.length > 1) text = text.slice(1, -1);
  if (text === '') return invalid('INVALID_HIBCC', 'is empty');
  if (!text.startsWith('+')) {
    return STORED_DEVICE_IDENTIFIER.test(text) ? valid(text) : invalid('INVALID_HIBCC', describeProblem(text, false));
  }
  if (text.includes('/')) {
    return invalid('INVALID_HIBCC', 'holds primary and secondary data together; send the primary barcode only');
  }
  const body = text.slice(1, -1);
  const check = text[text.length - 1];
  if (!DEVICE_IDENTIFIER.test(body)) {
    return invalid('INVALID_HIBCC', `barcode ${describeProblem(body, true)}`);
  }
  const expected = hibccCheckCharacter('+' + body);
  if (expected !== check) return invalid('INVALID_HIBCC', `check character should be "${expected}", got "${check}"`);
  return valid(body);
}
