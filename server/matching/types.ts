/**
 * Types of the matching engine: the rule-set format (mirrors matching-rules/rules.schema.json),
 * the pre-normalised record the engine scores, and the explanation every decision carries.
 */

export type CanonicalRecord = { sourceId: string } & Record<string, unknown>;

export type BlockingKeyType = 'identifier' | 'partNumber' | 'nameTokens' | 'initials' | 'phonetic' | 'catalogInText' | 'combined';

/** Identifier schemes understood by `identifier` blocking keys and comparators. */
export type IdentifierScheme = 'gtin' | 'ndc' | 'ein' | 'duns' | 'uei' | 'npi' | 'ccn' | 'gln' | 'hibcc' | 'raw';

/** Text normalisers a key or comparator may name. */
export type NormalizerName =
  | 'text'
  | 'measureText'
  | 'requisitionText'
  | 'medicineText'
  | 'orgName'
  | 'anyScriptOrgName'
  | 'makerName'
  | 'scriptReadingOrgName'
  | 'facilityName'
  | 'partNumber'
  | 'postalCode'
  | 'digits'
  | 'phone'
  | 'none';

/** A rewrite of free text before it is read (textRewrites.ts): scanned barcode data out, spoken numbers in digits, catalogue shorthand written out, a caption's legal description off a name, other scripts' numerals and procurement codes. */
export type TextRewriteName =
  | 'barcodeData'
  | 'orderQuantity'
  | 'spokenNumbers'
  | 'catalogueShorthand'
  | 'registrationReferences'
  | 'legalDescription'
  | 'scriptNumerals'
  | 'procurementCodes'
  | 'parLevelColumns'
  | 'requestChatter'
  | 'ocrConfusions'
  | 'listReferences'
  | 'labelledRows'
  | 'transactionReferences';

export interface BlockingKeyRule {
  name: string;
  type: BlockingKeyType;
  /** Dotted paths; arrays along the path are flattened (`addresses.postalCode`). */
  fields: string[];
  params?: {
    scheme?: IdentifierScheme;
    /** identifier with scheme gtin: `base` blocks all packaging levels together (to report them). */
    gtinPart?: 'full' | 'base';
    normalizer?: NormalizerName;
    /** nameTokens: how many of the rarest tokens a record is looked up by. */
    count?: number;
    /**
     * nameTokens: after the `count` rarest tokens, further tokens in order of rarity while the blocks looked up hold at
     * most this many other records in all (default 0: none). Finds a partner that shares only commoner words with a
     * long text, at a bounded number of comparisons (blocking.ts `rarestKeys`).
     */
    lookupBudget?: number;
    /** nameTokens / phonetic / catalogInText: shortest token considered. */
    minLength?: number;
    /** phonetic: how many leading tokens are encoded. */
    tokens?: number;
    /** nameTokens: tokens never used (too generic to block on, e.g. HOSPITAL). */
    /** initials: site words (HOSPITAL, INFIRMARY) for the initials of a site's name before its locality (`CUH` for CORK UNIVERSITY HOSPITAL WILTON) and of a name without one (`VGH` for VANCOUVER GENERAL); server/matching/acronyms.ts. */
    acronymSiteWords?: string[];
    /** With acronymSiteWords: words that make the words after the site word a department or another site (PHARMACY, MATERNITY), not a locality. */
    acronymOtherSiteWords?: string[];
    /** fuzzy and initials: initialisms also spell a name's written words, compounds split before these heads (server/matching/acronyms.ts WrittenAcronyms). */
    writtenAcronyms?: { compoundHeads: string[] };
    stopWords?: string[];
    /** nameTokens / phonetic: a value holding two forms separated by ` / ` (`Société X / X Company`) is keyed by each form too. */
    alternatives?: boolean;
    /** nameTokens / phonetic: a court caption or certificate name is keyed by its own and related names (captionNames.ts). */
    captionNames?: boolean;
    /**
     * nameTokens / phonetic: alias tables of public bodies' official names in two languages (bilingualOrganisationNames): a
     * name, or a part of it between spaced dashes, equal to one row's name is keyed by the row's other names too
     * (server/matching/bilingualNames.ts).
     */
    otherNameTables?: string[];
    /** nameTokens / phonetic: field paths holding names a register states as the record's former names, keyed like its own. */
    relatedNameFields?: string[];
    /** nameTokens: a value that betrays an OCR scan (`ABlOMED lNC`) is keyed by its folded words too (nameReadings.ts). */
    ocrConfusions?: boolean;
    /** nameTokens: a web or e-mail domain (`tandemdiabetes.com`) is keyed by its label's prefixes of four letters or more too, so it meets `TANDEM`. */
    domainNames?: boolean;
    /** nameTokens / fuzzy: a card descriptor `MERCHANT*DETAIL` (`ACME*WEB ORDER`) is also keyed and read by the merchant before the asterisk (nameReadings.ts). */
    merchantDescriptors?: boolean;
    /** nameTokens: each name is keyed by its loanword skeleton too (scriptReadings.ts), so a name in kana, Hangul or Devanagari meets its Latin spelling. */
    scriptSkeletons?: boolean;
    /** identifier (scheme gtin / hibcc): free-text fields whose scanned barcodes give the identifier when `fields` hold none. */
    barcodeFields?: string[];
    /** catalogInText: rewrites applied to the text before its codes are keyed (as the codeInText comparator's `textRewrites`). */
    textRewrites?: TextRewriteName[];
    /** catalogInText: structured code fields (part numbers) emitted into the same key space as the text codes. */
    codeFields?: string[];
    /** nameTokens / phonetic / combined: alias tables (matching-rules/aliases/) applied after the normaliser, in order. */
    aliasTables?: string[];
    /** combined: the parts concatenated into one key, each a single-valued sub-key. */
    parts?: Array<{ field: string; normalizer?: NormalizerName; prefix?: number; firstToken?: boolean }>;
  };
  /** A block with more members than this is an over-collision: reported, never compared pairwise. */
  maxBlockSize: number;
}

export type ComparatorType =
  'exact' | 'normalizedExact' | 'fuzzy' | 'tokenSet' | 'numeric' | 'identifier' | 'address' | 'codeInText' | 'attributes';

export interface ComparatorRule {
  name: string;
  type: ComparatorType;
  /** Values of all fields are pooled; the best-scoring value pair wins. */
  fields: string[];
  weight: number;
  params?: {
    normalizer?: NormalizerName;
    scheme?: IdentifierScheme;
    /** fuzzy: `jaroWinkler` (default, fast), `tokenJaroWinkler` (word by word, for multi-word names) or `fuse` (fuse.js bitap, slower). */
    algorithm?: 'jaroWinkler' | 'tokenJaroWinkler' | 'fuse';
    /** fuzzy/tokenSet: scores below this count as 0 (keeps noise out of the total). */
    floor?: number;
    /** fuzzy: values equal once spaces are removed score 1 (COOPER SURGICAL = COOPERSURGICAL). */
    ignoreSpaces?: boolean;
    /** fuzzy: an acronym on one side and its expansion on the other compare as one (GE HEALTHCARE = GENERAL ELECTRIC HEALTHCARE; server/matching/acronyms.ts). */
    acronyms?: boolean;
    /**
     * fuzzy with acronyms: the outcome of a pair equal only through an acronym that is the whole of one value
     * (`CMC` / `CAROLINAS MEDICAL CENTER`). `related` gives it a level of its own (default `partial`, like any similar name).
     */
    acronymOnlyOutcome?: 'partial' | 'related';
    /**
     * fuzzy with acronyms: words of the kind of site (HOSPITAL, INFIRMARY) after which a whole-value initialism may
     * leave the other name's locality unspelled (`CUH` / CORK UNIVERSITY HOSPITAL WILTON), and whose absence lets a
     * final H stand for HOSPITAL (`VGH` / VANCOUVER GENERAL); server/matching/acronyms.ts.
     */
    acronymSiteWords?: string[];
    /** With acronymSiteWords: words that make the words after the site word a department or another site (PHARMACY, MATERNITY), not a locality. */
    acronymOtherSiteWords?: string[];
    /** fuzzy and initials: initialisms also spell a name's written words, compounds split before these heads (server/matching/acronyms.ts WrittenAcronyms). */
    writtenAcronyms?: { compoundHeads: string[] };
    /**
     * fuzzy: a pair whose one value's words all stand, in order, in the other value (more words), one of them not a
     * stop word, is outcome `related` with score 0.8 instead of a similar or different name (`FAULKNER HOSPITAL` /
     * `BRIGHAM AND WOMENS FAULKNER HOSPITAL`; server/matching/containedNames.ts). Stop words are written as the
     * comparator's normaliser and alias tables write them. A campus word among the words the longer value adds
     * (`MIAMI VALLEY HOSPITAL SOUTH`) names another campus: not contained.
     */
    containedNames?: {
      stopWords: string[];
      campusWords?: string[];
      kindWords?: string[];
      /**
       * A health system's own name against its flagship site's (`GRADY HEALTH SYSTEM` / `GRADY MEMORIAL HOSPITAL`):
       * one value ends in a systemWord and holds nothing but the brand and systemWords, the other holds a siteWord and
       * nothing but the same brand and stop words; read as contained (facility-2.21.0).
       */
      systemOfSite?: { systemWords: string[]; siteWords: string[] };
    };
    /**
     * fuzzy: a partial pair whose own words (the words both values start and end with set aside) differ on both sides
     * is outcome `mismatch`, its score kept: two sites of one group (`ACME HEALTH NORTHSIDE HOSPITAL` / `ACME HEALTH
     * RIVERSIDE HOSPITAL`; server/matching/groupSiteNames.ts).
     */
    otherSiteNames?: { genericWords: string[]; siteWords: string[] };
    /**
     * address: the outcome of a pair whose best-matching addresses share no street line and no postal code to compare
     * — only a city and / or state (`ANKARA` vs `ANKARA`; a register's full address vs a list that gives the city alone).
     * `related` gives it a level of its own: one city holds many hospitals, so agreeing on it is weak evidence next to
     * an agreeing street address (default: `match` / `partial` by score, like any address).
     */
    localityOnlyOutcome?: 'related';
    /**
     * address: the outcome of a pair whose addresses hold no part on both sides (a register's street line and postal code
     * in a script the normaliser does not read, against a list that gives the city alone). `missing`: nothing is compared,
     * so nothing disagrees (default: score 0, a different address).
     */
    unsharedPartsOutcome?: 'missing';
    /**
     * address: a city agrees with the suburb the other address's street line names after its street designator
     * (`9 Guild Rd Parktown West, Johannesburg` against a register giving `Parktown`: server/matching/address.ts).
     */
    localityInStreet?: boolean;
    /**
     * address: addresses that compare only their towns (and states: no street line or postal code on both sides) and name
     * two towns (alike below 0.85) score 0, a different address, however their states agree (server/matching/address.ts).
     */
    otherTownApart?: boolean;
    /**
     * address with otherTownApart: the name fields whose words after the first (the record's own town blanked), with the
     * last comma segment of the street line, may name the other record's town; two towns one record names so are a suburb
     * and its postal town, not set apart (server/matching/address.ts placesNamedBy).
     */
    townNamedIn?: string[];
    /**
     * attributes: the path of the record's town (`address.city`); a town of two words or more written in the record's own
     * name is blanked before the attributes are read (a compass word opening the town, `- North Vancouver`, is no campus).
     */
    ownTownUnread?: string;
    /**
     * fuzzy: a value cut by a fixed-width field inside a word (`… INFORMATION MANA`), or the other plus an AP copy counter
     * or a place or street address after the legal form, scores 0.97 against the other (server/matching/truncation.ts).
     * The legal forms are those of the comparator's `removeTrailing` alias tables.
     */
    truncated?: boolean;
    /** fuzzy with truncated: alias tables of places a register writes before the name; the other without them scores 0.97. */
    placePrefixTables?: string[];
    /**
     * fuzzy with truncated: alias tables of address words (`STR`, `ROAD`, `KU`, `BLDG`, `JAPAN`; `-STRASSE` is an ending);
     * a value that is the other plus its legal form and an address (a bill-of-lading shipper line) scores 0.97.
     */
    addressTailTables?: string[];
    /** fuzzy with truncated: alias tables of state / province codes; a card descriptor's city (or phone) + code is read past. */
    regionCodeTables?: string[];
    /**
     * fuzzy: alias tables of the descriptive words a brand-only name leaves out (`Netsmart` = NETSMART TECHNOLOGIES);
     * a value that is the other's first words before such words scores 0.9 (server/matching/brandNames.ts).
     */
    brandDescriptorTables?: string[];
    /**
     * fuzzy: alias tables of country and territory names (ISO 3166-1): two names whose only shared words are one of
     * these names are different names (server/matching/territoryNames.ts).
     */
    territoryNameTables?: string[];
    /**
     * fuzzy: alias tables of public bodies' official names in two languages (bilingualOrganisationNames): a name, or a part
     * of it between spaced dashes, equal to one row's name also states the row's other names, compared strictly as a name
     * stated in brackets is: a review, never a merge on the row alone (server/matching/bilingualNames.ts).
     */
    otherNameTables?: string[];
    /** fuzzy: a value holding two forms separated by ` / ` (`Société X / X Company`) also compares as each form. */
    alternatives?: boolean;
    /**
     * fuzzy with alternatives: a field path (`address.city`); a record without a value there also compares by each name
     * before a place segment at its end (`Policlinico San Matteo - Pavia`, `Ambroise Paré Clinic, Toulouse`: placeTails.ts).
     */
    placeTailUnless?: string;
    /**
     * fuzzy with alternatives: a field path (address.state); a name ending in a hyphen and that value as a two-letter
     * code (`Union Memorial Hospital-MD` in MD: the NRMP Match directory's Institution-ST form) also compares without it.
     */
    ownStateSuffix?: string;
    /** fuzzy with alternatives: a field path (addresses.city); a name ending in `, <that town>` or ` - <that town>[, ST]` also compares by the name before it. */
    ownTownSuffix?: string;
    /**
     * fuzzy with alternatives: a name stating its own former or later name in brackets (`X (formerly Y)`, `X (ehem. Y)`,
     * `X (anciennement Y)`, `X (now Y)`) also compares as `X` and as `Y` (captionNames.ts `statedRenamingForms`).
     */
    statedRenamings?: boolean;
    /**
     * fuzzy: a name as court captions, lien filings and certificates write it (captionNames.ts): a legal description,
     * group or agency tail is read off, a name in two scripts compares as each, and a former, later or trade name
     * (`f/k/a`, `n/k/a`, `d/b/a`, `a division of`) compares with the other's names at most near-identically (0.97).
     */
    captionNames?: boolean;
    /**
     * fuzzy: field paths holding names a register or ERP card states as the record's former names (`formerNames`,
     * previous company names; `;`-separated lists read as several): compared as related names, like `X (formerly Y)`.
     */
    relatedNameFields?: string[];
    /**
     * fuzzy: a value whose words betray an OCR scan (`ABlOMED lNC`, `C.R. 8ARD`, `TECHN0LOGIES`) is also read with the
     * look-alikes as letters; that reading scores at most 0.97 (near-identical) against the other (nameReadings.ts).
     */
    ocrConfusions?: boolean;
    /**
     * fuzzy: a value that is a web or e-mail domain (`tandemdiabetes.com`) is read as the other value's leading words
     * its label spells written together (`TANDEM DIABETES`), scored like them and at most 0.97 (nameReadings.ts).
     */
    domainNames?: boolean;
    /**
     * fuzzy: payment-file field widths (NACHA: 16 for the company name, 22 for the individual name). An upper-case value of
     * exactly that many characters is also read as a cut of the other's name (truncation.ts `fieldCutScore`): 0.97 when it
     * lost only a legal form or the end of the other's last word, 0.9 when a whole word or a number may be lost.
     */
    fieldCutWidths?: number[];
    /** fuzzy: a card descriptor `MERCHANT*DETAIL` (`ACME*WEB ORDER`) is also read as the merchant before the asterisk, at most 0.97 (nameReadings.ts). */
    merchantDescriptors?: boolean;
    /**
     * fuzzy: a value in another script (kana, Hangul, Devanagari…) is also read as its loanword skeleton and compared
     * with the other's names' skeletons: agreeing long skeletons score 0.96, shorter or near ones 0.9 (scriptReadings.ts).
     */
    scriptSkeletons?: boolean;
    /**
     * fuzzy: runs of single-letter initials compare written together (`C R BARD` = `CR BARD`, also in the truncation
     * readings), and a value that is the other without its leading initials (`LUNDBECK` / `H LUNDBECK`) scores 0.9.
     */
    initials?: boolean;
    /** numeric: absolute tolerance; relativeTolerance is a fraction of the larger value. */
    tolerance?: number;
    relativeTolerance?: number;
    /**
     * identifier (scheme gtin / hibcc): free-text fields whose scanned GS1 element strings ((01) / (02) GTIN) or HIBC
     * strings are read as the record's identifier when its own `fields` hold none (textRewrites.ts).
     */
    barcodeFields?: string[];
    /** codeInText: the free-text fields searched for the codes in `fields`. */
    textFields?: string[];
    /**
     * attributes / codeInText (and the catalogInText blocking key): rewrites applied to the free text before it is
     * read, in order — `barcodeData` takes scanned GS1 / HIBC element strings out (a lot or expiry is no code and no
     * attribute), `orderQuantity` an order quantity after its label (`qty 2 BX`), `spokenNumbers` writes dictated numbers in digits, `legalDescription` reads a court
     * caption's legal description, group or agency tail off the end of a name (`, a Delaware corporation`) (textRewrites.ts).
     */
    textRewrites?: TextRewriteName[];
    minLength?: number;
    /**
     * codeInText: when both texts carry codes, none is shared and no structured code of one side is in
     * the other's text, the outcome is `mismatch` (score 0) instead of `missing`: two titles naming
     * different model numbers are different products.
     */
    isTextCodeConflict?: boolean;
    /**
     * codeInText: a code written behind a short letter prefix (a distributor's or reseller's `CLS` + Corning
     * number, `EP` + Eppendorf number) also matches the other side's code equal to what follows the prefix:
     * up to `maxPrefix` letters, then at least `minRest` characters that start with a digit. Only the
     * prefixed side is cut (two cut codes are never compared with each other).
     */
    prefixedCodes?: { maxPrefix: number; minRest: number };
    /** fuzzy / tokenSet / normalizedExact: alias tables applied after the normaliser, in order. */
    aliasTables?: string[];
    /** fuzzy: tables applied after `aliasTables` that read a family (brand owner, former owner); values equal only after them are `related`. */
    relatedTables?: string[];
    /** attributes: the rule set's attribute extractors compared (default: all of them). */
    attributes?: string[];
    /** attributes: leave out a value that is only the extractor's `absent` value (a comparator of stated values: two departments, not a department vs the whole facility). */
    statedOnly?: boolean;
    /**
     * attributes: a pair on which no compared attribute agrees or conflicts but one side states one of them and the other
     * side none is outcome `related` (score null) instead of `missing` — a hard rule can read "only one record says
     * it" (a pack count stated beside a part number that pack levels share).
     */
    oneSidedRelated?: boolean;
    /**
     * attributes: agreement on one of these (a drug strength, a concentration) is score 1; a pair whose
     * attributes agree only on others (sterile, size M, a count per pack) scores 0.5 — outcome `match`
     * either way, so a level (`scoreAtLeast: 1`) can weigh a precise agreement apart. Absent: every
     * agreement is score 1.
     */
    strongAttributes?: string[];
    /**
     * attributes: agreement on at least this many declared attributes (a volume, a gauge and a needle length) also
     * scores 1, as an agreement on a strong attribute does; any conflict still makes the pair a mismatch.
     */
    strongAgreements?: number;
    /** tokenSet: `idf` weighs each token by its rarity in the domain (inverse document frequency); `uniform` (default) counts tokens alike. */
    weighting?: TokenWeighting;
    /** tokenSet: `mean` (default) averages the share of each side's weight found in the other; `containment` takes the share of the lighter side (truncated descriptions). */
    measure?: 'mean' | 'containment';
    /** tokenSet with idf: read token frequencies kept for this other idf comparator (same fields and normalisers) instead of keeping a table of its own. */
    termsOf?: string;
    /**
     * tokenSet with idf: a source's layout words. A token on at least `minShare` of one source's records
     * (once that source has `minRecords` records with the comparator's value) is that source's boilerplate —
     * its form's labels, queue words, signatures — and weighs `weight` × its idf on that source's records.
     * Frequencies are kept per source beside the domain's (sourceLayoutWords.ts).
     */
    sourceLayoutWords?: SourceLayoutWords;
    /**
     * tokenSet: ERP shorthand — a word of letters that is a prefix (≥ `minLength`, default 3) or the
     * consonant skeleton of a word on the other side counts at `credit` (default 0.75) of an exact word;
     * words with digits and the `exclude` words never do.
     */
    shorthand?: {
      minLength?: number;
      credit?: number;
      exclude?: string[];
      /** Words of at least this many letters (both sides) one edit apart also pair (typos of ward free text); absent or 0: off. */
      typoMinLength?: number;
      /** Words of at least this many letters that are two words of the other side written together (MICROTOUCH / MICRO TOUCH) pair as exact words; absent or 0: off. */
      joinMinLength?: number;
      /** A one- or two-letter word and the word beside it written together on the other side (I GEL / IGEL, X RAY / XRAY) pair as exact words; absent: off. */
      joinLetterPrefix?: boolean;
      /** A word written without some of its vowels (at least two dropped: NANOSVR / NANOSAVER, CATHTR / CATHETER) pairs at `credit`; absent: off. */
      vowelDrops?: boolean;
      /** Two words sharing a stem of at least this many letters, with at most three letters after it on each side (BIOPSY / BIOPSIA, LAMINATING / LAMINATOR), pair at `credit`; absent or 0: off. */
      stemMinLength?: number;
      /** Two words of one side that, written together, sound like one word of the other (same consonant skeleton: VENN FLON / VENFLON, ZETA VIT / ZETUVIT, MICRO POUR / MICROPORE) pair at `credit`; needs `joinMinLength`; absent: off. */
      soundAlikeJoins?: boolean;
    };
    /**
     * tokenSet with `measure: containment`: measurement words — a dimension written as one word (`3X3`,
     * `5X24`), the `units` words (`MM`, `IN`, `FR`…) and, with `numbers`, words of digits — are left out
     * of the measure when that raises it: the `attributes` comparator already compares the sizes they
     * spell, so a short line's `3X3` or `18 IN` is no differing word against a title that writes the
     * size another way.
     */
    measurements?: { units: string[]; numbers?: boolean };
    /**
     * tokenSet: words of other scripts are also read by sound (scriptSounds.ts: romanised by script family, reduced to
     * a consonant skeleton), and a Latin word of the other side with the same sound key counts at `credit` of its
     * weight (a transliterated brand noun: `ブラウン` / `Braun`); words of `shorthand.exclude` never do. Absent: off.
     */
    scriptSounds?: { credit: number };
  };
  /**
   * Fellegi–Sunter comparison levels, tried in order; the first whose conditions hold is the pair's
   * level. The last level must have no conditions (it catches everything else). A `missing`
   * comparison is never levelled: it contributes a match weight of 0.
   */
  levels?: ComparisonLevel[];
}

/**
 * A distinguishing attribute read from free text (size, gauge, volume…): patterns run in order on
 * the upper-cased text, each match masks its span so later patterns and attributes cannot read it
 * again (`NON-STERILE` is not also `STERILE`; `4X4IN` is not also `4IN`).
 */
export interface AttributeExtractor {
  name: string;
  description?: string;
  /** text: a canonical word; number: a plain number; quantity: a number converted to `unit`. */
  kind: 'text' | 'number' | 'quantity';
  /**
   * Regular expressions (JavaScript syntax, matched against upper-case text) with named groups:
   * `value` (and `value2`, `value3` for dimensions; `numerator` + `denominator` for fractions, `value`
   * then being the whole part; `sign` makes a single number negative, `times` multiplies it: a case of
   * 4 x 6 is 24), `unit` (quantity) and `per` (the denominator unit of a concentration,
   * with optional `perValue`). `value` on a pattern is a fixed result or a
   * template with `{group}` placeholders. `values` on a pattern is an equivalence table from a
   * published standard: the value read (a number is looked up as a plain number, `0,5` = `0.5`) is
   * replaced by the table's canonical value(s), and a value the table lacks is not read at all
   * (needle outer diameter in mm → gauge, ISO 9626; EP metric suture size → USP).
   * `unit` on a pattern (quantity) is the unit spelling (a key of `units`) of a pattern without a `unit` group: a
   * convention that leaves the unit out (a needle length after its gauge, `21GX3/4`, is in inches).
   * `anyUnit` instead is for a convention that leaves the unit out without saying which it is (a
   * dressing's `3X3` is inches in a US item master, centimetres in a European one): the value is read
   * once in each of these spellings, so it agrees with the same size written in any of them and
   * conflicts with a size none of them gives. A reading may give each number its own unit, separated by
   * a space (`IN FT`: a roll's `18X125` is 18 in x 125 ft).
   */
  patterns: Array<{
    regex: string;
    value?: string;
    requires?: string;
    values?: Record<string, string | string[]>;
    unit?: string;
    anyUnit?: string[];
  }>;
  /**
   * A cheap regular expression the text must match before the patterns run (`STER|STRL`), and per
   * pattern the same (`\bGLOVES?\b` before bare glove sizes). Number and quantity attributes skip
   * texts without a digit on their own.
   */
  requires?: string;
  /** text: spellings → canonical value (`SM` → `S`, `SMALL` → `S`); unlisted values are kept as read. */
  values?: Record<string, string>;
  /** quantity: the unit values are expressed in (a mathjs unit: `ml`, `mm`, `mg`, `mg/ml`). */
  unit?: string;
  /** quantity: spellings of source units → a mathjs unit, optionally with a factor (`CC` → `cm^3`, `%` → `10 mg/ml`). */
  units?: Record<string, string>;
  /** quantity: values agree when every dimension is within this fraction of the larger (rounded metric / imperial conversions: 13 IN ≈ 34 CM); default exact. */
  relativeTolerance?: number;
  /**
   * quantity: unit spellings whose written values are roundings of a value converted from another
   * system (catalogues print `46 CM` for 18 IN): such a value also agrees with an unrounded one within
   * half its last written digit (`46` ± 0.5 cm, `4,57` ± 0.005 m). Never between two rounded values.
   */
  roundedUnits?: string[];
  /** quantity: `per` spellings → mathjs unit of the denominator (`ML` → `ml`). */
  perUnits?: Record<string, string>;
  /**
   * The value read when no pattern matches a record that has text (a qualifier's absence is a value:
   * a facility name without LABORATORY or CHILDREN'S is the main facility). Default: nothing read.
   */
  absent?: string;
  /**
   * `absent` is read only when one of the record's texts matches this pattern (upper-case, accents
   * folded): a convention of one jurisdiction, read from a field the extractor also reads (the country).
   */
  absentRequires?: string;
  /**
   * Another attribute of the same kind and unit whose values this one's are (stored and compared under
   * that name): a later extractor for the same size written another way (dimensions without a unit,
   * read after every attribute that has one) without changing the reading order.
   */
  sameAs?: string;
  /**
   * The spans this attribute reads are left in the text for the attributes declared after it (by
   * default a span read is blanked, so a later, broader pattern does not read it again): a fill volume
   * read from a strength written per total volume (`100 MCG/2 ML` is also a 2 mL ampoule) before the
   * concentration reads the same words.
   */
  keepsText?: boolean;
}

export type TokenWeighting = 'uniform' | 'idf';

/** tokenSet with idf: when a token is one of a source's layout words (sourceLayoutWords.ts). */
export interface SourceLayoutWords {
  minRecords: number;
  minShare: number;
  weight: number;
  /**
   * The least share of the domain's records holding a token that must be this source's for the token to be
   * its layout word (absent: 0, the share within the source alone decides). A single-category source's
   * product words are held by the other sources sending that product line too.
   */
  minConcentration?: number;
  /**
   * Pairs the layout weights never apply to: when every condition of one list holds (comparators listed
   * before this one: the records share a strong identifier — the same GTIN, the same part number of one
   * maker), the comparator weighs tokens by the domain's frequencies alone.
   */
  notWhenAny?: HardRuleCondition[][];
}

/** One Fellegi–Sunter level of a comparator: when it applies, and its m and u probabilities. */
export interface ComparisonLevel {
  name: string;
  outcome?: ComparatorOutcome | ComparatorOutcome[];
  scoreAtLeast?: number;
  scoreBelow?: number;
  /** P(level | the records are the same entity). */
  m: number;
  /** P(level | the records are different entities). */
  u: number;
}

/** `weighted`: weighted mean of comparator scores; `fellegiSunter`: log2(m/u) match weights and a match probability. */
export type MatchModel = 'weighted' | 'fellegiSunter';

export type ComparatorOutcome = 'missing' | 'match' | 'partial' | 'mismatch' | 'related';

export interface HardRuleCondition {
  comparator: string;
  outcome?: ComparatorOutcome | ComparatorOutcome[];
  scoreAtLeast?: number;
  scoreBelow?: number;
}

/** `capAtReview`: an auto-merge becomes review; review and no-match stay as scored. */
export type HardRuleAction = 'veto' | 'forceReview' | 'forceMerge' | 'capAtReview';

export interface HardRule {
  name: string;
  description?: string;
  /** All conditions must hold. */
  when: HardRuleCondition[];
  action: HardRuleAction;
  /** A relationship hint reported when the rule fires (e.g. `packaging-level`). */
  relationship?: string;
}

export interface RuleSet {
  $schema?: string;
  domain: string;
  version: string;
  description?: string;
  blocking: BlockingKeyRule[];
  comparators: ComparatorRule[];
  hardRules: HardRule[];
  /** Distinguishing attributes read from free text, compared by `attributes` comparators. */
  attributes?: AttributeExtractor[];
  /** The score denominator is at least this weight, so sparse records cannot reach auto-merge on one field. */
  minEvidenceWeight?: number;
  /** Scoring model (default `weighted`). With `fellegiSunter` the thresholds are match probabilities. */
  model?: MatchModel;
  /** fellegiSunter: the probability that a candidate pair (records sharing a blocking key) is a match, before comparing. */
  priorMatchProbability?: number;
  thresholds: { autoMerge: number; review: number };
  /** Where evidence is weak and spread over many records (e.g. names only), review whole clusters instead of pairs. */
  clusterReview?: ClusterReviewRule;
  /** Review evidence passed on through a shared golden record (see `TransitiveReviewRule`). */
  transitiveReview?: TransitiveReviewRule;
}

/**
 * Two records that each reach REVIEW against one shared golden record are proposed to each other too
 * (added to the new record's potential-match task, never merged, no pair's own task removed), unless
 * a hard rule vetoes the pair or any `unlessAny` condition holds between them (an attribute or
 * manufacturer conflict).
 */
export interface TransitiveReviewRule {
  description?: string;
  unlessAny: HardRuleCondition[];
  /** Most golden records one record is proposed against this way (default 10). */
  maxCandidates?: number;
}

/**
 * Cluster review (stewardship cluster tasks): golden records linked by edges form one task instead of
 * scattered pairwise tasks; a cluster that would contain a vetoed or not-a-match pair is split before
 * it is shown. Two golden records are linked when a pair of their records meets one edge rule's
 * `when` (all conditions) and no pair of their records meets that rule's `unless` (all conditions).
 */
export interface ClusterReviewRule {
  description?: string;
  edges: ClusterEdgeRule[];
  /** How many golden records the index search around one record gathers (default 50). */
  maxMembers?: number;
  /** Two clusters join only when at least this share of their member pairs are edges (default 0.5): no chaining. */
  minLinkShare?: number;
  /**
   * Record pairs that may never share a cluster although no hard rule vetoes them (names in legal forms of
   * different families: a US company and its sister abroad): each is a cannot-link, like a tax id conflict.
   */
  splitWhen?: ClusterSplitRule[];
  /**
   * Evidence that places a bridge of a `leaveOut` split (each entry a condition list, all of which a record pair
   * meets): a member whose edges into one side only meet one (the same explicit legal form, `… CORP` beside
   * `… CORPORATION` and `… S.A.`) joins that side instead of being left out.
   */
  bridgeAnchors?: HardRuleCondition[][];
  /**
   * A golden record in no cluster that resembles one cluster and nothing else joins it (A–B review, B–C edge:
   * A–C covered too); see `ClusterAttachRule`.
   */
  attachLoneMember?: ClusterAttachRule;
  /**
   * A record stating another name of its own entity (`X (formerly Y)`, `X d/b/a Y`) in one of `fields` links a record
   * named Y as a whole: the edge joins the two clusters whatever their link share, and no name-marker split is read
   * between that record pair. `relatedFields`: field paths whose values are such names already (a register's former names).
   */
  statedNames?: { description?: string; fields: string[]; relatedFields?: string[] };
  /**
   * Names cut by a fixed-width field (`widths`: a member whose every record's name is exactly so many characters long and upper case,
   * `X LABORATORIES H` in a 35-character payment line): such a member, when it is the only link
   * between two parts of its cluster, is left out of both (the cut name fits either; ambiguity is a pairwise review).
   */
  fieldCutBridges?: { description?: string; widths: number[] };
}

/**
 * When a member that no edge placed joins a cluster: it has a record pair with a member of exactly one
 * cluster at match probability `probabilityAtLeast` or more (not vetoed, meeting `when`), no cannot-link with
 * any member of it, and every other golden record it is compared with — in the cluster graph or among its
 * index candidates — stays below `othersBelow`. The evidence points one way only: a parent's subsidiary
 * resembles the parent's other names and its sisters too, and stays out.
 */
export interface ClusterAttachRule {
  name: string;
  description?: string;
  probabilityAtLeast: number;
  othersBelow: number;
  when?: HardRuleCondition[];
  /**
   * An attach pair meeting all of these puts nothing in (a record stating the same legal form as the member with a name
   * that only partly agrees is another company's complete name, `Kaneka Medix Corporation` beside `KANEKA CORPORATION`,
   * not a stray spelling).
   */
  unless?: HardRuleCondition[];
  /**
   * A golden record of several source records that is in no cluster counts as a cluster of its own (supplier-3.42.0):
   * its records were merged already, so a lone spelling that resembles it and nothing else (a payee's brand beside a
   * vendor whose register, licence and screening records merged) is asked about in a cluster task of two members, when
   * the attach pair also meets all of `when` (the shipped rule: no two different legal suffixes, so a listed parent
   * `X N.V.` never joins its merged operating company `X Nederland B.V.`).
   */
  toMergedRecords?: { when: HardRuleCondition[] };
}

/** A cannot-link between two golden records when any record pair of theirs meets all of `when`. */
export interface ClusterSplitRule {
  name: string;
  description?: string;
  when: HardRuleCondition[];
  /**
   * Besides `when`: a word or form in the name that one record has and the other has not (a trading subsidiary,
   * `X Trading Ltd` beside `X`; a German limited partnership, `X GmbH & Co. KG` beside its general partner `X GmbH`).
   * Read from the records' own values (the comparators' normalised values drop legal forms).
   */
  marker?: ClusterSplitMarker;
  /**
   * A member with edges to both sides of this split and a cannot-link to neither (a name without a legal
   * form between `… Inc` and `… AG`): `joinStrongest` (default) lets edge order place it, `leaveOut` keeps
   * it out of both clusters (it stays in pairwise review with each), since nothing says which side it is.
   */
  bridges?: 'joinStrongest' | 'leaveOut';
}

/** A pattern that one record of a pair matches in one of `fields` and the other record matches in none. */
export interface ClusterSplitMarker {
  /** Canonical fields read (strings or arrays of strings). */
  fields: string[];
  /** Regular expression, matched case-insensitively (Unicode) against each value. */
  pattern: string;
  /**
   * Regular expression (same flags) that the record without the marker must match in one of `fields` and the record with
   * it must not: two exclusive readings (`… Inc` beside `… LLC`; `X Holding Corp.` beside `X, Inc.`, not beside a bare
   * `X`, which may name either). A record carrying both (a converted LLC keeping its former `… Corp` name) splits from
   * neither. Without it, lacking the marker is enough.
   */
  otherPattern?: string;
  /**
   * How the two records' readings are compared. `presence` (default): one record matches `pattern` and the other does
   * not, as above. `values`: every match of `pattern` in a record's fields is a value (its named group `value`, else the first
   * group that took part in the match, else the whole match; upper-cased, letters and digits only, then looked up in `values`); the pair splits
   * when both records read at least one value and no value is shared — two numbered companies whose numbers differ
   * (`2189765 Alberta Ltd.` / `2189756 Alberta Ltd.`), two states of incorporation (`a Minnesota corporation` /
   * `a Wisconsin corporation`). A record that reads none splits from neither. `otherPattern` is not read in this mode.
   */
  compare?: 'presence' | 'values';
  /**
   * Regular expression (same flags) whose matches are removed from each value before `pattern` and `otherPattern` are
   * read: a descriptive tail that is no part of the legal name, such as a court caption's jurisdiction clause
   * (`Alphatec Holdings, Inc., a Delaware corporation` is read as `Alphatec Holdings, Inc.`, not as a name ending in
   * `corporation`).
   */
  ignore?: string;
  /**
   * With `compare: "values"`: a read value → the values it stands for, separated by spaces (a legal form → the
   * countries whose law has it: `DOO` → `SI HR BA RS ME MK`; a country name → its code: `TUNISIE` → `TN`). Two records
   * split only when their value sets do not meet, so `GmbH` (`DE AT CH LI`) and `(Schweiz)` (`CH`) stay together.
   * A value not listed stands for itself.
   */
  values?: Record<string, string>;
  /**
   * With `compare: "values"`: a value that the other record's read texts hold (letters and digits, upper-cased) is
   * shared with it, so two records whose brackets restate each other's names (an alias, `X (Y)` beside `Y (X)`) do not
   * split (supplier-3.42.0).
   */
  namesEachOther?: boolean;
}

export interface ClusterEdgeRule {
  name: string;
  description?: string;
  /** Conditions a record pair must meet (same shape as hard-rule conditions). */
  when: HardRuleCondition[];
  /** A record pair of the two golden records meeting all of these rules the edge out (e.g. addresses that contradict). */
  unless?: HardRuleCondition[];
  /**
   * The pair's match probability (fellegiSunter; the weighted score under the weighted model) must be at least this,
   * besides `when`: a threshold read as a probability, so evidence against the pair that no condition names (a
   * different legal suffix, a phone that disagrees) keeps a similar name from linking.
   */
  probabilityAtLeast?: number;
}

/** codeInText: codes from structured fields and code-like tokens found in free text. */
export interface PreparedCodes {
  codes: string[];
  textCodes: string[];
  /** Short digit runs of the text (`1860`, `2004`): compared with the other side's structured codes only. */
  textNumbers?: string[];
  /** Codes of either kind with their short letter prefix cut (param `prefixedCodes`): compared with the other side's codes. */
  unprefixed?: string[];
}

/** attributes: canonical values per attribute name (only attributes found in the text). */
export type PreparedAttributes = Record<string, string[]>;

/** One pre-normalised comparator value set; plain JSON so it can be stored in the match index. */
export type PreparedValue = string[] | number[] | PreparedAddress[] | PreparedCodes | PreparedAttributes;

export interface PreparedAddress {
  number: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  /** The postal code's area (UK outward code, Canadian FSA, Eircode routing key, Dutch digits; postalCodes.ts); absent for other formats. */
  postalDistrict?: string;
  /** Places the record names besides its own town (address param `townNamedIn`; placesNamedBy), space-padded; absent when none. */
  placesNamed?: string;
}

/** A record normalised once for all comparators (keyed by comparator name). Plain JSON. */
export interface PreparedRecord {
  sourceId: string;
  /** The source that sent the record, when the hub knows it (its stored id): per-source term frequencies (sourceLayoutWords.ts). */
  source?: string;
  rulesVersion: string;
  values: Record<string, PreparedValue>;
}

export type MatchBand = 'auto-merge' | 'review' | 'no-match';

export interface ComparatorExplanation {
  name: string;
  field: string;
  type: ComparatorType;
  weight: number;
  /** 0..1, or null when a side is missing (contributes nothing). */
  score: number | null;
  outcome: ComparatorOutcome;
  /** The best-matching values on each side (normalised), for stewards to read. */
  a: string | null;
  b: string | null;
  /** attributes comparators: each attribute read on either side, and whether the two sides agree. */
  details?: AttributeDetail[];
  /** fellegiSunter: the comparison level (`missing` when a side is missing). */
  level?: string;
  m?: number;
  u?: number;
  /** fellegiSunter: log2(m/u), 0 when missing. */
  matchWeight?: number;
}

export interface AttributeDetail {
  attribute: string;
  a: string | null;
  b: string | null;
  agrees: boolean;
}

export interface MatchExplanation {
  domain: string;
  rulesVersion: string;
  aSourceId: string;
  bSourceId: string;
  comparators: ComparatorExplanation[];
  hardRule: { name: string; action: HardRuleAction; relationship?: string } | null;
  model: MatchModel;
  /** Weighted score (weighted model) or match probability (fellegiSunter) before hard rules, 0..1. */
  score: number;
  /** fellegiSunter: log2 of the prior odds. */
  priorMatchWeight?: number;
  /** fellegiSunter: prior + Σ comparator match weights. */
  matchWeight?: number;
  /** fellegiSunter: 2^w / (1 + 2^w). */
  probability?: number;
  /** Sum of weights of comparators with both sides present. */
  evidenceWeight: number;
  band: MatchBand;
  relationship?: string;
}
