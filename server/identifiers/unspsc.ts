import { digitsOnlyMessage, invalid, lengthMessage, valid } from './types';
import type { IdentifierCheck } from './types';

/** Validates an 8-digit UNSPSC code (segment, family, class, commodity; two digits each). */
export function checkUnspsc(value: string): IdentifierCheck {
  const digits = value.trim().replace(/[\s.-]+/g, '');
  if (digits === '') return invalid('INVALID_UNSPSC', 'is empty');
  if (!/^[0-9]+$/.test(digits)) return invalid('INVALID_UNSPSC', digitsOnlyMessage(digits));
  if (digits.length !== 8) return invalid('INVALID_UNSPSC', lengthMessage('8 digits', digits.length));
  const [segment, family, klass] = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6)];
  const commodity = digits.slice(6, 8);
  if (segment === '00') return invalid('INVALID_UNSPSC', 'segment (first two digits) cannot be 00');
  // The hierarchy is read by zeroing the tail, so a zero level followed by a non-zero one has no parent chain.
  if (family === '00' && (klass !== '00' || commodity !== '00')) {
    return invalid('INVALID_UNSPSC', 'family is 00, so class and commodity must be 00 too');
  }
  if (klass === '00' && commodity !== '00') {
    return invalid('INVALID_UNSPSC', 'class is 00, so commodity must be 00 too');
  }
  return valid(digits);
}

/** Ancestors of a UNSPSC code, nearest first (42132205 → 42132200, 42130000, 42000000); [] when invalid. */
export function unspscParents(code: string): string[] {
  const check = checkUnspsc(code);
  if (!check.ok) return [];
  const parents: string[] = [];
  for (const keep of [6, 4, 2]) {
    const parent = check.value.slice(0, keep).padEnd(8, '0');
    if (parent !== check.value && !parents.includes(parent)) parents.push(parent);
  }
  return parents;
}
