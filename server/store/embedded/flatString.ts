/**
 * V8 represents `a + b` (and a template literal) of 13 characters or more as a cons string: a 32-byte node pointing
 * at its two parts. When such a string becomes a `Map` key, hashing it flattens it — a new sequential copy is made
 * and the cons node is kept pointing at it — so every long key or id the store keeps costs 32 bytes more than its
 * characters (index keys are `'s' + value`, ids `chq_${uuid}`). No JavaScript API flattens a string in place, so the
 * store copies the strings it keeps for long into a sequential one once: joining an array of parts builds it
 * directly (~70 ns for a 40-character key; a `join` with an empty part returns the cons itself, hence the split).
 */

/** Below this length V8 concatenates into a sequential string already (ConsString::kMinLength). */
const CONS_MIN_LENGTH = 13;

/** `text` as a sequential (flat) string: the same characters without a cons node in front (see above). */
export function flatString(text: string): string {
  if (text.length < CONS_MIN_LENGTH) return text;
  return [text.charAt(0), text.substring(1)].join('');
}
