/** Result of checking one identifier: the normalised value, or a stable code and a plain-language reason. */
export type IdentifierCheck = { ok: true; value: string } | { ok: false; code: string; message: string };

/** Builds a successful check result. */
export function valid(value: string): IdentifierCheck {
  return { ok: true, value };
}

/** Builds a failed check result. */
export function invalid(code: string, message: string): IdentifierCheck {
  return { ok: false, code, message };
}

/** Trims and removes spaces and hyphens, which sources use as visual separators in numeric identifiers. */
export function stripSeparators(value: string): string {
  return value.trim().replace(/[\s-]+/g, '');
}

/** Names the first character that is not a digit, for messages. */
export function firstNonDigit(value: string): string | undefined {
  return value.match(/[^0-9]/)?.[0];
}

/** Shared wording for "only digits allowed" so every identifier says it the same way. */
export function digitsOnlyMessage(value: string): string {
  return `should contain only digits, found "${firstNonDigit(value)}"`;
}

/** Shared wording for length problems: `lengthMessage('9 digits', 8)` → "should have 9 digits, got 8". */
export function lengthMessage(expected: string, actual: number): string {
  return `should have ${expected}, got ${actual}`;
}

/** Turns a check into the nullable normaliser form other modules use. */
export function valueOrNull(check: IdentifierCheck): string | null {
  return check.ok ? check.value : null;
}
