/**
 * A Belgian legal form written before the name (name param `alternatives`): the Crossroads Bank for Enterprises and
 * the EU VIES service return Belgian names as registered, often with the form first (`NV BARCO`, `BV X`, `SRL X`,
 * `VZW X`), where invoices and vendor masters write it last (`Barco NV`). The name with the form moved to its end is
 * one more form of the name, so the legal-suffix table reads it as every other name ending in that form.
 *
 * Only forms that are no ordinary word or initials at the start of a name: `SA` (SA Health), `AB` (AB Sciex) and `AS`
 * are left out, as in the legal-prefix table. A name that also ends in a legal form (`NV X BV`) is not read: which
 * word is the form is then unclear.
 */

/** Belgian forms written before the name: Dutch, French and German spellings, with or without dots. */
const LEADING_FORM =
  /^(N\.?\s?V|B\.?\s?V|B\.?\s?V\.?\s?B\.?\s?A|S\.?\s?P\.?\s?R\.?\s?L|S\.?\s?R\.?\s?L|C\.?\s?V\.?\s?B\.?\s?A|S\.?\s?C\.?\s?R\.?\s?L|V\.?\s?Z\.?\s?W|A\.?\s?S\.?\s?B\.?\s?L)\.?\s+(?=\S)/;

/** The same forms at the end of a name (after the name has been read without the leading one). */
const TRAILING_FORM = /\s(?:N\.?\s?V|B\.?\s?V|BVBA|SPRL|SRL|CVBA|SCRL|VZW|ASBL|S\.?\s?A|AG|GMBH)\.?$/;

/** `raw` with a leading Belgian form moved to its end (`NV BARCO` → `BARCO NV`), or null when it has none. */
export function formMovedToEnd(raw: string): string | null {
  const found = LEADING_FORM.exec(raw);
  if (!found?.[1]) return null;
  const rest = raw.slice(found[0].length).trim();
  if (rest === '' || TRAILING_FORM.test(rest)) return null;
  return `${rest} ${found[1]}`;
}
