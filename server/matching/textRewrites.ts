/**
 * Named rewrites of free text applied before a comparator reads it (param `textRewrites` of the attributes and
 * codeInText comparators and of the catalogInText blocking key; the `requisitionText` normaliser applies both before
 * `measureText`). Each keeps every other character as written, so the patterns that read punctuation still do.
 */
import { gtinsInBarcodeText, hibcInBarcodeText } from './barcodeText';
import {
  recentCatalogueShorthand,
  recentOcrConfusionsRead,
  recentSpokenNumbersWritten,
  recentWithoutBarcodeData,
  recentWithoutListReferences,
  recentWithoutOrderQuantity,
  recentWithoutParLevelColumns,
  recentWithoutRegistrationReferences,
  recentWithoutRequestChatter,
  recentLabelledRowsRead,
  rememberRecent,
  stringsAtPaths,
} from './normalizers';
import { requestChatterRemover } from './requestLines';
import { LABEL_TABLES, labelledRowReader } from './labelledRows';
import { builtWithTableVersions, type AliasTable } from './aliases';
import { withLatinNumerals, withoutProcurementCodes } from './scriptItemText';
import { withoutLegalDescription } from './captionNames';
import { recentWithoutTransactionReferences } from './transactionReferences';
import type { IdentifierScheme, TextRewriteName } from './types';

// Every rewrite that more than one chain runs (the item attributes and codeInText comparators, the catalogInText key
// and the requisitionText normaliser run the same description through the same steps) remembers its recent results
// (normalizers.ts): the first chain pays, the others look up. Pure functions of the text, so the results are the same.
const TEXT_REWRITES: Record<TextRewriteName, (text: string) => string> = {
  // GS1 element strings and HIBC strings scanned into a line: lot, expiry and serial are no product data (barcodeText.ts).
  barcodeData: recentWithoutBarcodeData,
  // `qty 2 BX` after a requisition line's label: how many were ordered, not the product (barcodeText.ts).
  orderQuantity: recentWithoutOrderQuantity,
  // Numbers dictated in words, written in digits (spokenNumbers.ts).
  spokenNumbers: recentSpokenNumbersWritten,
  // Humanitarian / national catalogue abbreviations and pack notations written out (catalogueShorthand.ts).
  catalogueShorthand: recentCatalogueShorthand,
  // Registration, tender and classification numbers out of the line: no product codes (catalogueShorthand.ts).
  registrationReferences: recentWithoutRegistrationReferences,
  // A court caption's legal description (`, a Delaware corporation`), group or agency tail read off the end of a name (captionNames.ts).
  legalDescription: withoutLegalDescription,
  // Eastern Arabic / Persian digits, and units and pack words of Cyrillic, Arabic and Chinese lines, written as Latin lines write them (scriptItemText.ts).
  scriptNumerals: withLatinNumerals,
  // CPV / ДК 021 / НК 024 procurement classification codes after their labels: categories, not part numbers (scriptItemText.ts).
  procurementCodes: rememberRecent(withoutProcurementCodes),
  // A par-level / bin sheet's unit, bin, par and reorder-point columns out; its unit of issue as a count per pack (parLevelLines.ts).
  parLevelColumns: recentWithoutParLevelColumns,
  // A free-text request's greetings, ward names, order quantities and purpose out (requestLines.ts, item-3.32.0).
  requestChatter: recentWithoutRequestChatter,
  // Words an OCR engine wrote with digits for letters (PALAC0S, B0NE, 4 0Z) read as the words (exportedItemLines.ts).
  ocrConfusions: recentOcrConfusionsRead,
  // Contract, standing-offer, reseller and slip-column numbers around the product out (CPSM 3813756, QTY SHP 10 EA; exportedItemLines.ts).
  listReferences: recentWithoutListReferences,
  // A labelled export row's labels out, each value kept or taken out by what its label means (Title / Vendor / SKU / Size: … ; labelledRows.ts).
  labelledRows: recentLabelledRowsRead,
  // Purchase-order, goods-received, returns, invoice, slip, requisition, ticket and bin numbers out: a document's or a shelf's, never the product's (transactionReferences.ts).
  transactionReferences: recentWithoutTransactionReferences,
};

/** Rewrites that read an alias table themselves: the tables, and the rewrite built for a rule set's versions of them. */
const TABLE_READING_REWRITES: Partial<
  Record<
    TextRewriteName,
    { tables: readonly string[]; build: (tableNamed: (name: string) => AliasTable | undefined) => (text: string) => string }
  >
> = {
  requestChatter: {
    tables: ['requestChatter'],
    build: (tableNamed) => rememberRecent(requestChatterRemover(tableNamed('requestChatter'))),
  },
  labelledRows: {
    tables: LABEL_TABLES,
    build: (tableNamed) => rememberRecent(labelledRowReader(...LABEL_TABLES.map(tableNamed))),
  },
};

/** The alias tables the named rewrites read (a rule set naming them loads their published versions, `aliasTableNamesOf`). */
export function tablesReadByRewrites(rewrites: readonly TextRewriteName[] | undefined): string[] {
  return (rewrites ?? []).flatMap((name) => TABLE_READING_REWRITES[name]?.tables ?? []);
}

/** One rewrite; with `aliasTable` (a rule set's resolver) a rewrite that reads a table reads the rule set's version of it. */
function rewriteFor(name: TextRewriteName, aliasTable: ((name: string) => AliasTable | undefined) | undefined): (text: string) => string {
  const reading = TABLE_READING_REWRITES[name];
  if (!reading) return TEXT_REWRITES[name];
  return builtWithTableVersions({
    key: `rewrite:${name}`,
    tables: reading.tables,
    aliasTable,
    build: reading.build,
    shipped: () => TEXT_REWRITES[name],
  });
}

/** A rule's text rewrites as one function (none: undefined), reading the rule set's versions of the tables they read. */
export function compileTextRewrites(
  rewrites: readonly TextRewriteName[] | undefined,
  aliasTable?: (name: string) => AliasTable | undefined,
): ((text: string) => string) | undefined {
  if (!rewrites?.length) return undefined;
  const steps = rewrites.map((name) => rewriteFor(name, aliasTable));
  return (text) => {
    let out = text;
    for (const step of steps) out = step(out);
    return out;
  };
}

/** `stringsAtPaths` with the compiled rewrites (`compileTextRewrites`) applied to each string (none: the strings as they are). */
export function rewrittenStringsAtPaths(
  record: unknown,
  paths: readonly string[],
  rewrite: ((text: string) => string) | undefined,
): string[] {
  const texts = stringsAtPaths(record, paths);
  if (!rewrite) return texts;
  // Rewritten in place: the list is this call's own (a second list per comparator and record was garbage of preparation).
  for (let i = 0; i < texts.length; i++) texts[i] = rewrite(texts[i] as string);
  return texts;
}

/**
 * An identifier comparator's or blocking key's raw values: the record's own `fields`, or — when they hold none — the
 * GTINs (scheme gtin) or HIBC device identifiers (scheme hibcc) of the barcodes scanned into its `barcodeFields`
 * (a scanned requisition line carries its product's identifier only in the element string).
 */
export function identifierStrings(args: {
  record: unknown;
  fields: readonly string[];
  scheme: IdentifierScheme;
  barcodeFields: readonly string[] | undefined;
}): string[] {
  const own = stringsAtPaths(args.record, args.fields);
  if (own.length > 0 || !args.barcodeFields?.length) return own;
  const read = args.scheme === 'gtin' ? gtinsInBarcodeText : args.scheme === 'hibcc' ? hibcInBarcodeText : null;
  if (read === null) return own;
  const texts = stringsAtPaths(args.record, args.barcodeFields);
  // One text (most records): its identifiers as read — a fresh list, as flatMap's copy of it was.
  return texts.length === 1 ? read(texts[0] as string) : texts.flatMap(read);
}
