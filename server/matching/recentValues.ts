/** A pure string function's recent results remembered (`rememberRecent`), for the readers of one record's texts. */

const RECENT_VALUES = 64;

/** What `rememberRecent` keeps for a result that is undefined (a `get` answering undefined then means not remembered). */
const UNDEFINED_RESULT: unique symbol = Symbol('undefined result');

/**
 * A pure string function with its last results remembered. One record's value passes through several
 * comparators and blocking keys one right after the other (a GTIN through `gtin`, `anyGtin` and the
 * `gtinBase` key; a part number through five), so a small memory answers all but the first. Emptied
 * when full: it never grows, and what it keeps is young.
 */
export function rememberRecent<T>(compute: (value: string) => T): (value: string) => T {
  let recent = new Map<string, T | typeof UNDEFINED_RESULT>();
  return (value) => {
    // One look-up on a hit and one on a miss: an undefined result is remembered as a mark, so a `get` answering
    // undefined is a miss (most texts of a batch are new to each reader: a second look-up per miss was a third of this).
    const known = recent.get(value);
    if (known !== undefined) return (known === UNDEFINED_RESULT ? undefined : known) as T;
    const result = compute(value);
    if (recent.size >= RECENT_VALUES) recent = new Map();
    recent.set(value, result === undefined ? UNDEFINED_RESULT : result);
    return result;
  };
}
