import { invalid, valid, valueOrNull } from './types';
import type { IdentifierCheck } from './types';

// Target widths of the 11-digit billing form (labeler-product-package, 5-4-2).
const SEGMENT_WIDTHS = [5, 4, 2] as const;
const SEGMENT_NAMES = ['labeler', 'product', 'package'] as const;

/**
 * Validates an NDC and normalises it to 11 digits (5-4-2, no hyphens). Hyphenated 10-digit forms
 * (4-4-2, 5-3-2, 5-4-1) are padded segment by segment; an unhyphenated 10-digit value is rejected
 * because it cannot be told apart (which segment lost its zero?).
 */
export function checkNdc(value: string): IdentifierCheck {
  const text = value.trim();
  if (text === '') return invalid('INVALID_NDC', 'is empty');
  if (!/^[0-9-]+$/.test(text)) {
    return invalid('INVALID_NDC', `should contain only digits and hyphens, found "${text.match(/[^0-9-]/)?.[0]}"`);
  }
  if (!text.includes('-')) {
    if (text.length === 11) return valid(text);
    if (text.length === 10) {
      return invalid('INVALID_NDC', '10 digits without hyphens are ambiguous; send the hyphenated form (4-4-2, 5-3-2 or 5-4-1)');
    }
    return invalid('INVALID_NDC', `should have 10 or 11 digits, got ${text.length}`);
  }
  const segments = text.split('-');
  if (segments.length !== 3 || segments.some((segment) => segment === '')) {
    return invalid('INVALID_NDC', 'should have three hyphen-separated parts: labeler-product-package');
  }
  // Widths are checked per segment rather than against a list of known layouts, so a labeler
  // code of unexpected width gets a precise message instead of a generic "bad format".
  const parts = segments.map((digits, index) => ({ digits, name: SEGMENT_NAMES[index] ?? '', width: SEGMENT_WIDTHS[index] ?? 0 }));
  for (const part of parts) {
    if (part.digits.length > part.width) {
      return invalid('INVALID_NDC', `${part.name} code has ${part.digits.length} digits; the 11-digit form allows at most ${part.width}`);
    }
  }
  const digitCount = segments.join('').length;
  if (digitCount !== 10 && digitCount !== 11) {
    return invalid('INVALID_NDC', `should have 10 or 11 digits, got ${digitCount}`);
  }
  return valid(parts.map((part) => part.digits.padStart(part.width, '0')).join(''));
}

/** The 11-digit 5-4-2 form of an NDC (no hyphens), or null. */
export function normalizeNdc11(value: string): string | null {
  return valueOrNull(checkNdc(value));
}

/** Formats an 11-digit NDC with hyphens as 5-4-2, for display. */
export function formatNdc11(ndc11: string): string {
  return `${ndc11.slice(0, 5)}-${ndc11.slice(5, 9)}-${ndc11.slice(9)}`;
}
