/**
 * One copy of each string prepared records hold often (description tokens, attribute values): a
 * million prepared records otherwise keep a million copies of `GLOVE` and `10 ml`. Bounded: when the
 * table is full it stops learning new strings (those are returned as given), so a process matching
 * ever-new vocabulary never grows it past `maxSize`. Interned tokens also compare equal by identity,
 * which is what the token-set merge walks test first.
 */
export type Intern = (value: string) => string;

/** Default bound of one table: about the vocabulary of a domain's descriptions (a few MiB). */
export const MAX_INTERNED = 1 << 18;

/** A new bounded intern table. */
export function createIntern(maxSize: number = MAX_INTERNED): Intern {
  const known = new Map<string, string>();
  return (value) => {
    const interned = known.get(value);
    if (interned !== undefined) return interned;
    if (known.size < maxSize) known.set(value, value);
    return value;
  };
}
