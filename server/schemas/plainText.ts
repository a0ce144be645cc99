/**
 * The `plain-text` format: free text a person types into the API — key and subscription names,
 * reasons, notes, comments, descriptions. Tab, newline and carriage return are allowed; other
 * control characters (C0, DEL, C1), bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069: they make a name display as something else in the studio, the audit log and
 * every export) and unpaired surrogates (not text; they break JSON and UTF-8 consumers
 * downstream) are refused with their position, rather than stored and shown; so is a value of
 * spaces only.
 */
import type { IdentifierCheck } from '../identifiers';

// Control characters are what this pattern is for.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function codePointName(character: string): string {
  const code = character.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  if (code >= 0xd800 && code <= 0xdfff) return `an unpaired surrogate (${hex})`;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return `a bidirectional control character (${hex})`;
  return `a control character (${hex})`;
}

/** Whether `value` is plain text; the failure names the first offending character and its position (1-based). */
export function checkPlainText(value: string): IdentifierCheck {
  const found = FORBIDDEN.exec(value);
  if (!found) {
    if (value.length > 0 && value.trim() === '') return { ok: false, code: 'NOT_PLAIN_TEXT', message: 'is blank (only spaces)' };
    return { ok: true, value };
  }
  return {
    ok: false,
    code: 'NOT_PLAIN_TEXT',
    message: `contains ${codePointName(found[0])} at character ${found.index + 1}; control characters other than tab and newline, bidirectional overrides and unpaired surrogates are not allowed`,
  };
}
