/** A pure string function's recent results remembered (`rememberRecent`), for the readers of one record's texts. */

const RECENT_VALUES = 64;

/**
 * A pure string function with its last results remembered. One record's value passes through several
 * comparators and blocking keys one right after the other (a GTIN through `gtin`, `anyGtin` and the
 * `gtinBase` key; a part number through five), so a small memory answers all but the first. Emptied
 * when full: it never grows, and what it keeps is young.
 */
export function rememberRecent<T>(compute: (value: string) => T): (value: string) => T {
  let recent = new Map<string, T>();
  return (value) => {
    const known = recent.get(value);
    // One look-up on a hit (a remembered result is never undefined for the shipped functions; `has` settles it otherwise).
    if (known !== undefined || recent.has(value)) return known as T;
    const result = compute(value);
    if (recent.size >= RECENT_VALUES) recent = new Map();
    recent.set(value, result);
    return result;
  };
}
