/**
 * Item lines as exports and scans damage them (item-3.33.0), two named text rewrites (textRewrites.ts) that the
 * `requisitionText` normaliser also applies first:
 *
 * - `ocrConfusions` reads a word an OCR engine misread with digits for letters as the word: inside a token that is
 *   otherwise letters, `0` between two letters is O, `1` is I, `5` is S, `8` is B, `|` is I (`PALAC0S`, `B0NE`,
 *   `HIB1CLENS`, `C0LLECTI0N`, `HAMMERM1LL`, `EV0LVE2`, `HEM-O-L0K`), `0Z` after a number is the unit OZ (`4 0Z`), and
 *   the pound sign after a number is the pound (`20#` = 20 LB, the US paper-weight and sack convention). A token is
 *   read only when it has at least three letters and no run of two digits: catalogue and model numbers carry digit
 *   runs on purpose (`PSLX350H`, `B0822FE340`, `WW620`) and short codes have fewer letters (`H2O`, `B12`, `R25`, `5C`,
 *   `CO2`, `N95`); a digit at the start or end of a word stays (`EVOLVE2`, `LVL1`, `CD10`). Known names written with
 *   a digit between letters on purpose (HbA1c, Cat5e) are kept. Precision risk, documented in docs/MATCHING.md: a
 *   maker's code of the shape letters–one digit–letters (`AB1CD`) written in a description is read as a word there
 *   and is no longer a code of the text.
 * - `listReferences` takes out what a list or a slip writes around the product, not the product: a contract or
 *   standing-offer item number after its label (`CPSM 3813756`, `SOA line 5068022`, `contract line 12`), a
 *   buyer's or reseller's own item number (`Item # 44120`, `Mat. no. 100234`, `Insight #: 8027793`, `SKU 12345`,
 *   `Stock no. 441`), a packing slip's shipped quantity column (`QTY SHP 10 EA`, `QTY SHIPPED 2 BX`, `QTY ORD 4 CS`),
 *   its empty lot / expiry columns with their dotted leaders (`LOT ........ EXP`), and the `Part <number> -` label of
 *   a part-master export, whose number stays in the text as a code (it is the part's number). Numbers of a list are
 *   no codes of the product (they conflicted with the maker's part number of the other record) and no sizes.
 *
 * Hand-written regular expressions, not a package: these are export and scan conventions, not language. Each rewrite
 * is gated on one literal test so a line without any marker returns at once (the matching CPU budget).
 */
import { withEdiSegmentsRead } from './ediSegmentText';
import { asciiFastTest } from './literalGate';

const LETTER = /[A-Za-z]/;
const CONFUSED_DIGIT: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '|': 'I' };

/** A letter, a confusable digit (or `|`), a letter: the one shape a misread word has and most lines do not. */
const HAS_OCR_CONFUSION = /[A-Za-z][0158|][A-Za-z]|\d\s?0Z(?![A-Z])|\d#/i;
/** Candidate tokens: letters, digits and `|` run together, three characters or more. */
const OCR_TOKEN = /[A-Za-z0-9|]{3,}/g;
const DIGIT_RUN = /\d\d/;
/** Names written with a digit between letters on purpose: HbA1c, Cat5e / Cat5. */
const KEPT_AS_WRITTEN = /A1C|CAT5/i;
/** `20#`: the pound sign after a number is the US weight in pounds (paper basis weight, a 50# bag), not a label. */
const POUND_SIGN = /(?<![A-Za-z0-9#])(\d{1,3})#(?![A-Za-z0-9#])/g;
/** `4 0Z`, `16 0Z`: the ounce after a number. */
const OUNCE_MISREAD = /(?<=\d\s?)0Z(?![A-Za-z])/gi;

function letterCount(token: string): number {
  let count = 0;
  for (const char of token) if (LETTER.test(char)) count++;
  return count;
}

/**
 * A token of four characters or more needs three letters; a three-character one (`L0K`, `B0X`) is read only as a
 * part of a hyphenated word (`HEM-O-L0K`): alone it is as likely a short code.
 */
function isWordLike(token: string, offset: number, text: string): boolean {
  if (token.length >= 4) return letterCount(token) >= 3;
  return letterCount(token) === 2 && (text.charAt(offset - 1) === '-' || text.charAt(offset + token.length) === '-');
}

/** A token that starts with a digit is a glued measurement or count (`2INX5YD`, `5X5IN`, `10RM`), never a misread word. */
const STARTS_WITH_DIGIT = /^\d/;

function readToken(token: string, offset: number, text: string): string {
  if (STARTS_WITH_DIGIT.test(token) || DIGIT_RUN.test(token) || KEPT_AS_WRITTEN.test(token) || !isWordLike(token, offset, text))
    return token;
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const char = token.charAt(i);
    const letter = CONFUSED_DIGIT[char];
    // After an X the digit is a dimension's (`GAUZEX5`, `4INX5IN` in a word-first token), not a letter.
    const before = token.charAt(i - 1);
    const isBetweenLetters =
      letter !== undefined && LETTER.test(before) && before !== 'X' && before !== 'x' && LETTER.test(token.charAt(i + 1));
    out += isBetweenLetters ? letter : char;
  }
  return out;
}

/** `text` with words an OCR engine wrote with digits for letters read as the words (the text itself when it has none). */
export function withOcrConfusionsRead(text: string): string {
  if (!HAS_OCR_CONFUSION.test(text)) return text;
  return text.replace(OCR_TOKEN, readToken).replace(OUNCE_MISREAD, 'OZ').replace(POUND_SIGN, '$1 LB');
}

const SLIP_UNIT = '(?:EA|EACH|BX|BOX|CS|CASE|CN|CAN|PK|PACK|PR|PAIR|DZ|RM|CT|CTN|BG|BAG|KT|KIT|BT|BTL|RL|ROLL|TB|TUBE|UN|UNITS?)';

/** A shipping label's `Carton 2 of 4`: the number of the carton in the consignment, when it is no more than the count. */
function shipmentSequence(written: string, carton: string, cartons: string): string {
  return Number(carton) <= Number(cartons) ? ' ' : written;
}

const LIST_REFERENCES: ReadonlyArray<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  // A packing list's or despatch note's carton sequence (items24lines, item-3.48.0): `Carton 2 of 4`, `Box 1 of 3`,
  // `Parcel 3 of 3`, `CTN 12 OF 40` — GS1 logistic labels and every carrier's label number the cartons of one shipment;
  // read as `carton 2` it was a pack count of 2 that conflicted with the product's real pack count.
  [
    /(?<![A-Z0-9])(?:CARTON|CTN|BOX|CASE|PARCEL|PACKAGE|PKG|PALLET|PIECE|BAG)\s?(?:NO\.?\s?|#\s?)?(\d{1,4})\s?OF\s?(\d{1,4})(?![0-9])/gi,
    shipmentSequence,
  ],
  // The buyer's own item code a supplier's document quotes (`Cust code WS-CAN-18`, `Customer part no: 88120`): the
  // hospital's number, never the maker's; a packing list, despatch note or supplier invoice prints it beside its own.
  [/(?<![A-Z0-9])CUST(?:OMER)?\.?\s?(?:CODE|PART(?:\sNO\.?)?|ITEM|REF|NO\.?|#)\s?[:#]?\s?[A-Z0-9][A-Z0-9./-]*(?![A-Z0-9])/gi, ' '],
  // A supplier document's label of its own code (`Our code 393224`, `Our ref: G17124`): the label out, the code kept — a
  // distributor's packing list or invoice prints the maker's article there as often as its own.
  [/(?<![A-Z0-9])OUR\s(?:CODE|REF|PART(?:\sNO\.?)?|ITEM(?:\sNO\.?)?)\s?[:#]?\s?(?=[A-Z0-9])/gi, ' '],
  // A reseller's own number in a cell of its own, labelled with the reseller's name (`| Euroffice code EO610185`, `|
  // Camlab code 1161273`, `| Labshop ref: 44-120`): web shops and lab or office distributors print their stock
  // number that way beside the maker's (`| Mfr code …`). A cell labelled by what the code is (maker, manufacturer,
  // product, part, order, catalogue, article, item, model, supplier, vendor, brand) is left alone.
  [
    /(?<=^|\|)\s*(?!(?:MFR|MFG|MANUFACTURER|MANUFACTURERS|MAKER|MAKERS|PRODUCT|PART|ORDER|ORDERING|CATALOGUE|CATALOG|CAT|ARTICLE|ITEM|MODEL|REF|SUPPLIER|SUPPLIERS|VENDOR|VENDORS|BRAND|OEM|STOCK|BAR|QR|UPC|EAN|GTIN|NDC)\s)\p{L}[\p{L}&'-]{2,20}\s(?:CODE|REF)\s?:?\s?(?=[A-Z0-9./-]*\d)[A-Z0-9][A-Z0-9./-]*\s*(?=\||$)/giu,
    ' ',
  ],
  // A barcode's label before its digits (`APN 0707071530008`, the Australian Product Number as AU wholesalers print the
  // GTIN; `UPC 071641084308`, `EAN …`): the label out, the number kept.
  [/(?<![A-Z0-9])(?:APN|EAN|UPC|GTIN)\s?[:#]?\s?(?=\d{8,14}(?![0-9]))/gi, ' '],
  // A pharmacy wholesaler's own product code after its label (items24lines): the UK PIP code (`PIP 342-7718`, `PIP code
  // 3427718`, seven digits, every UK wholesaler's and the Chemist+Druggist list's), the Irish IPU code, New Zealand's
  // Pharmacode and the Australian wholesalers' PDE code. Each numbers the wholesaler's or the pharmacy list's entry, never
  // the maker's article: read as a code of the text it conflicted with the maker's part number of every other source.
  [/(?<![A-Z0-9])(?:PIP|PDE|IPU|PHARMACODE)(?:\s?CODE)?\.?\s?[:#]?\s?\d{2,4}[-\s]?\d{3,4}(?![0-9])/gi, ' '],
  // A packing slip's quantity columns: `QTY SHP 10 EA`, `QTY SHIPPED 2 BX`, `QTY ORD 4`, `QTY B/O 0`.
  [
    new RegExp(
      `(?<![A-Z0-9])QTY\\.?\\s?(?:SHP|SHPD|SHIP|SHIPPED|ORD|ORDERED|RCVD|REC'?D|RECEIVED|B/?O|BACKORDERED|INV|INVOICED)\\.?\\s?[:=]?\\s?\\d{1,6}(?:\\s?${SLIP_UNIT})?(?![A-Z0-9])`,
      'gi',
    ),
    ' ',
  ],
  // Empty lot / expiry columns and dotted leaders: `LOT ........ EXP`, `LOT: ____ EXP: ____`.
  [/(?<![A-Z0-9])(?:LOT|EXP|EXPIRY|BATCH)\.?\s?(?:NO\.?|#)?\s?:?\s?(?:[._]{2,}|$)/gi, ' '],
  [/[._]{3,}/g, ' '],
  // A contract or standing-offer list's own item number: `CPSM 3813756`, `SOA line 5068022`, `contract line 12`.
  [/(?<![A-Z0-9])CPSM\s?(?:NO\.?|#)?\s?:?\s?\d{3,10}(?![0-9])/gi, ' '],
  [
    /(?<![A-Z0-9])(?:SOA|CONTRACT|TENDER|STANDING\sOFFER|AGREEMENT|PRICE\sLIST)\s(?:LINE|ITEM)\s?(?:NO\.?|#)?\s?:?\s?\d{1,10}(?![0-9])/gi,
    ' ',
  ],
  // A buyer's or reseller's own number after its label: `Item # 44120`, `Mat. no. 100234`, `Insight #: 8027793`, `SKU 1234`.
  [
    /(?<![A-Z0-9])(?:ITEM\s?(?:NO\.?|#|NUMBER)|MAT(?:ERIAL)?\.?\s?(?:NO\.?|NR\.?|#|NUMBER)|STOCK\s?(?:NO\.?|#)|SKU\s?#?|INSIGHT\s?#|CDW\s?#)\s?:?\s?[A-Z]{0,3}-?\d[A-Z0-9-]{2,16}(?![A-Z0-9])/gi,
    ' ',
  ],
  // A tender's lot or item position opening its line (items23lines): `Lot 3:`, `Lote 12.`, `Lotto 2 -`, `Los 4:`, `Partija
  // 5:`, `Sklop 1:`, `Część 2:`, `Část 3:`, `Pozycja 7:`, `Pos. 2:` — the number of the lot in the tender, no product data.
  [
    /^\s*(?:LOT|LOTE|LOTTO|LOS|PARTIJA|PARTIA|SKLOP|CZĘŚĆ|CZESC|ČÁST|CAST|LOTAS|DAĻA|DALA|POZYCJA|POZ\.|POS\.?|POSITION)\s?(?:NO\.?|NR\.?|BR\.?|#)?\s?\d{1,4}\s?[:.)–-]\s/iu,
    ' ',
  ],
  // A part master's `Part <number> - <description>`: the label and dash out, the number kept as the part's code.
  [/^\s*PART\s(?=[A-Z0-9][A-Z0-9.-]*\d[A-Z0-9.-]*\s[-–]\s)/i, ''],
  // A distributor's or list's own number opening its line (item-3.36.0): `Acme Supply # 448812 - Tape, …` (the digits are
  // the distributor's, never the maker's part number: a maker's code has letters or stands in the part-number column).
  [/^\s*(?:[A-Z][A-Za-z&'.-]*\s){0,2}#\s?\d{3,10}\s[-–]\s/, ' '],
  // A contract price file's header before the item (item-3.36.0): `<buyer> contract HPG-2207 item:`, `framework RM6173 lot 2 line:`.
  [
    /^\s*(?:[A-Za-z0-9&'.-]+\s){0,3}(?:CONTRACT|FRAMEWORK|AGREEMENT|TENDER)\s[A-Z0-9][A-Z0-9/-]*(?:\sLOT\s\d{1,3})?\s(?:ITEM|LINE)\s?(?:NO\.?|#)?\s?\d{0,8}\s?:\s/i,
    ' ',
  ],
  // A labelled-column row of a price file (item-3.36.0): the row number, unit-of-measure and quantity columns out,
  // the labels of the kept columns out: `Line 0042 | Mfr Part: X | Description: … | UOM: BX | Qty/UOM: 12`.
  [/^\s*LINE\s\d{1,6}\s?\|/i, ' '],
  // The list a line was exported from, at its end (item-3.36.0): `… - PECOS catalogue`, `… - Office Supplies 3 catalog`
  // (lower case, as a sentence names it: an upper-case or title-case CATALOG is a product, a catalog envelope).
  [/\s[-–]\s(?:[A-Za-z0-9&'.-]+\s){1,6}catalogu?e?$/, ' '],
  [/\|\s?(?:UOM|UNIT OF MEASURE|QTY\s?\/\s?UOM|QTY PER UOM|PACK QTY)\s?:\s?[A-Z0-9]{1,6}\s?(?=\||$)/gi, ' '],
  [/(?:^\s*|\|\s?)(?:MFR\.?\s?PART(?:\sNO\.?)?|DESCRIPTION|ITEM DESCRIPTION)\s?:\s?/gi, ' '],
];

/**
 * The labels above as words (`LINE` alone would stop at every SALINE, `MAT` at every MATTRESS, `EXP` at EXPANDER:
 * the gate is worth its cost only when most lines fail it). A price file's `Line 0042 |` opening its row is tested on
 * its own: once the labelledRows rewrite has read the row's labels (`| UOM:`, `| Description:`), it is the only marker left.
 */
// Tested through `asciiFastTest` (literalGate.ts): the same answers, an ASCII line without Unicode case folding.
const HAS_LIST_REFERENCE = asciiFastTest(
  /\d\s?OF\s?\d|\b(?:APN|EAN|UPC|GTIN)\b|\bCUST|\bOUR\s|\s(?:CODE|REF)\s|\b(?:PIP|PDE|IPU|PHARMACODE)\b|#\s?\d{3}|^\s*LINE\s\d{1,6}\s?\||\bCONTRACT\s|CATALOGU?E?$|\bFRAMEWORK\s|\|\s?(?:UOM|DESCRIPTION|MFR)|\bQTY|\b(?:LOT|EXP|EXPIRY|BATCH)\b|\.\.\.|___|CPSM|\b(?:SOA|CONTRACT|TENDER|OFFER|AGREEMENT|LIST)\s(?:LINE|ITEM)\b|\bITEM\s?(?:NO|#|NUMBER)|\bMAT(?:ERIAL)?\.?\s?(?:NO|NR|#|NUMBER)|\bSTOCK\s?(?:NO|#)|\bSKU\b|\bINSIGHT\s?#|\bCDW\s?#|^\s*PART\s|^\s*(?:LOT|LOTE|LOTTO|LOS|PARTIJA|PARTIA|SKLOP|CZĘŚĆ|CZESC|ČÁST|CAST|LOTAS|DAĻA|DALA|POZYCJA|POZ\.|POS\.?|POSITION)\s?(?:NO\.?|NR\.?|BR\.?|#)?\s?\d/iu,
);

/**
 * Document lines (items22sources, item-3.45.0): a line copied out of a business document is a row of cells — a
 * goods-received note (`GRN 104233 | PO 4500881 L2 | <item> | REC'D 10 EA | BIN RESP-04`), a returns authorisation
 * (`RMA 25-00518 | <item> | Qty 4 EA | …`), an invoice or e-invoice line (Peppol / UBL `InvoiceLine 3 | …`), a
 * delivery note, an asset or calibration register (`Asset 004512 | … | S/N EK51231 | Last cal 2026-03-11`), or the
 * text a PDF extractor gives of a purchase order, whose columns are runs of spaces (`3   BRG08116   <item>   2   EA
 * 38.50   77.00`). Every such document names its own references, quantities, places and dates in cells of their own:
 * a cell that holds only a document word and its reference or count (the number of the note, order, return, line,
 * asset, serial, bin or tag; a received, shipped or invoiced quantity and its unit), and a column that holds only a
 * number, a price or a unit, is the document's, never the product's — read as a code it conflicted with every other
 * source's codes, read as a word it diluted the product's. Cells with a product word stay, and so do code cells with
 * letters and digits (`BRG08116`: the part's number) and pack counts (`BX/10`, `CS/500`).
 */
const DOCUMENT_WORD =
  "(?:GRN|GRNI|GR|PO|P\\.O\\.|SO|WO|ASN|RMA|RA|DN|INV|INVOICE|INVOICE ?LINE|ORDER ?LINE|CREDIT ?NOTE|DELIVERY ?NOTE|DELIVERY|RECEIPT|REQ|REQUISITION|LINE|LN|ITEM|ASSET|ASSET ?TAG|TAG|S/?N|SERIAL|BIN|LOC|LOT|BATCH|EXP|QTY|QUANTITY|REC'?D|RCVD|RECEIVED|SHIPPED|SHP|ORD|ORDERED|INVOICED|RETURNED|B/?O|CYCLE ?COUNT|STOCK ?TAKE|STOCK ?COUNT|COUNT ?SHEET|COUNTED|SYSTEM ?QTY|BOOK ?QTY|ON ?HAND|SOH|VAR|VARIANCE|PACKING ?LIST|PACKING ?SLIP|PACK ?LIST|DESPATCH ?NOTE|DISPATCH ?NOTE|PACKED|PICKED|DESPATCHED|DISPATCHED|SUPPLIED|DELIVERED|ORDER ?MULTIPLE|MOQ|MIN(?:IMUM)? ?ORDER|CASE(?= ?#)|ROW)";
/**
 * A qualifier before a document word naming which document a credit note, return or count refers to (`Against invoice
 * INV-301172 line 1`, `Orig inv 5530214 ln 3`, `Ref inv 902418`): the reference is the document's all the same.
 */
const DOCUMENT_QUALIFIER = '(?:AGAINST|ORIG\\.?|ORIGINAL|REF\\.?|RE:?|OUR|YOUR)';
const DOCUMENT_UNIT = '(?:EA|EACH|BX|BOX|CS|CASE|PK|PACK|PR|PAIR|DZ|CT|CTN|BG|BAG|KT|KIT|RL|ROLL|UN|UNITS?|C62|H87)';
/** A reference token: one with a digit (`4500881`, `L2`, `RESP-04`, `25-00518`, `EK51231`, `#104233`), a count in brackets, a unit. */
// A token with a digit is tested by a lookahead and then taken whole: one reading per token, so a cell that is no
// document cell fails in time linear in its length (`[…]*\\d[…]*` could split a long number many ways on every try).
const DOCUMENT_REFERENCE = `(?:[#:]?[+]?(?=[A-Z0-9/.'-]*\\d)[A-Z0-9/.'-]+|\\(\\d{1,5}\\)|${DOCUMENT_UNIT})`;
/** A cell that is a document word (or two) and its references and units only. */
const DOCUMENT_CELL = new RegExp(
  `^\\s*(?:${DOCUMENT_QUALIFIER}\\s)?(?:${DOCUMENT_WORD}(?:\\s${DOCUMENT_WORD})?\\.?(?:(?:\\s+|\\s*[#:]\\s*)${DOCUMENT_REFERENCE}(?=\\s|$))+\\s*)+$`,
  'i',
);
/**
 * A returns or claims document's disposition cell, only its words: `Credit requested`, `Replace, do not credit`, `Restock
 * fee waived`, `Return to vendor`, `Refund approved` (the dispositions an RMA or a credit claim records: credit, refund,
 * replace, repair, restock, return to vendor, scrap).
 */
const DISPOSITION_CELL =
  /^\s*(?:\b(?:credit|credits|credited|refund|refunded|replace|replaced|replacement|repair|restock|restocking|fee|waived|return|returned|to|vendor|supplier|scrap|scrapped|requested|approved|pending|issued|do|not|no|and|or)\b[\s,;.]*)+$/i;
/** A price column: decimals or a currency sign (`38.50`, `$1,224.00`, `€ 12,50`). */
const PRICE_COLUMN =
  /^\s*(?:[$€£]\s?\d{1,3}(?:,\d{3})*(?:[.,]\d{1,4})?|[$€£]?\s?\d{1,3}(?:,\d{3})*\.\d{2,4}|[$€£]?\s?\d+[.,]\d{2}(?!\d))\s*$/;
/**
 * A price with its label (items24lines): `Trade £38.40`, `RRP £12.99`, `Unit cost $4.50`, `Net € 12,50` — a wholesaler's
 * trade price, a shop's list price; the currency sign makes it a price, whatever one or two words name it.
 */
const LABELLED_PRICE_CELL = /^\s*(?:\p{L}+\.?\s){1,2}(?:[A-Z]{3}\s?)?[$€£]\s?\d[\d,]*(?:[.,]\d{1,4})?\s*$/u;
/** A unit-of-measure column (`EA`, `BX`) and the order's own line number or count (`2`, `Item 1`). */
const UNIT_COLUMN = new RegExp(`^\\s*${DOCUMENT_UNIT}\\s*$`, 'i');
const COUNT_COLUMN = /^\s*(?:ITEM\s)?\d{1,5}\s*$/i;
/** Dates are no product data: ISO 8601 (`2026-03-11`) and day / month / four-digit year (`11/03/2026`, `11.03.2026`). */
const DATE = /(?<![0-9])(?:(?:19|20)\d\d-[01]\d-[0-3]\d|[0-3]?\d[/.][01]?\d[/.](?:19|20)\d\d)(?![0-9])/g;
const HAS_DATE = /\d[-/.][01]?\d[-/.]\d/;
/** Cells of a row: at least two `|` separators, or (a PDF's columns) at least three runs of two spaces or more. */
const PIPE_CELLS = /\|/g;
const SPACE_COLUMNS = / {2,}|\t/g;
/** A cell with a word of three letters or more that is no document word (the product's cell). */
const WORD = /\p{L}{3,}/u;

/**
 * A category or folder path after the row's first cell (items26inv, item-3.51.0): web shops print the breadcrumb of
 * their category tree beside a title (`Computers > Components`, `Home > Health > First Aid`), and inventory apps and
 * stores systems the folder or location path an item is kept in (`Station 7 > Rig 71 > Trauma Bag`, Sortly, inFlow,
 * Zoho): two to six steps of one to five words each, joined by `>`, `›` or `»`. A shop's or a store's tree, never the
 * product: its rare words (a rig's number, a shop's department) outweighed the product's in one source's lines.
 */
const PATH_CELL = /^\s*[^\s>›»|][^>›»|]{0,40}(?:\s[>›»]\s[^>›»|]{1,40}){1,5}\s*$/;
/** No step of a path is more than five words (a product phrase with `>` in it — `USB-C > HDMI adapter` — is one step of many words). */
const LONG_STEP = /(?:^|[>›»])\s*(?:\S+\s+){5,}\S+\s*(?=[>›»]|$)/;
/**
 * A web shop's fulfilment, availability or warranty cell (items26inv): `Ships from Auckland`, `Pharmacy pick-up only`,
 * `In stock`, `Free delivery`, `Click & collect`, `12 Months Warranty` — what the shop promises about the order, the
 * same boilerplate on every line of one shop, never the product.
 */
const STOREFRONT_CELL =
  /^\s*(?:ships?\s(?:from|in|within|to)\s[\p{L}\d ,-]{1,30}|(?:free\s)?(?:shipping|delivery)(?:\s[\p{L}\d ,-]{1,30})?|(?:in|out\sof|low)\sstock|(?:(?:pharmacy|store|in-?store|kerbside|curbside)\s)?pick-?\s?up(?:\sonly|\sin\sstore)?|click\s(?:and|&|\+)\scollect|\d{1,2}\s(?:months?|years?|yrs?)\s(?:manufacturer(?:'s)?\s)?(?:warranty|guarantee))\s*[.!]?\s*$/iu;

/**
 * A marketplace's or shop's own listing number in a cell of its own (items26inv): `Mighty Ape ID 33006381`, `Trade Me
 * listing 4471290`, `Shop ID 120044871` — one to three words naming the shop or listing, then ID or listing and the
 * number (digits only; a catalogue's `Item No` or `Cat No` is left): the seller's number, never the maker's (read as a code it conflicted with every maker's code).
 */
const LISTING_ID_CELL = /^\s*(?:\p{L}[\p{L}&'.-]*\s){1,3}(?:ID|LISTING(?:\s(?:ID|NO\.?|#))?)\s?[#:]?\s?\d{5,12}\s*$/iu;

/**
 * A notice's own title and change cells (items26inv): `Price change notice effective 01-Feb-2027`, `Backorder notice`,
 * `Recall notice dated …` name the document, and a signed percentage alone in a cell (`+4.5%`, `-2%`) is the change
 * it announces — the same boilerplate on every line of one notice, never the product (a product's percentage, 0.9 %
 * saline or 70 % alcohol, has no sign).
 */
const NOTICE_CELL = /^\s*(?:[\p{L}-]+\s){0,3}NOTICE(?:\s(?:EFFECTIVE|DATED|FROM|OF)(?:\s[\p{L}\d.,/-]+){0,3})?\s*$/iu;
const SIGNED_PERCENT_CELL = /^\s*[+\-−]\s?\d{1,3}(?:[.,]\d{1,2})?\s?%\s*$/;

/** A cell of a document row that is the document's: its reference, quantity, place, price or unit, or its line number or a count before a unit. */
function isDocumentCell(cells: readonly string[], index: number): boolean {
  const cell = cells[index] as string;
  if (index > 0 && PATH_CELL.test(cell) && !LONG_STEP.test(cell)) return true;
  if (
    STOREFRONT_CELL.test(cell) ||
    LISTING_ID_CELL.test(cell) ||
    NOTICE_CELL.test(cell) ||
    SIGNED_PERCENT_CELL.test(cell) ||
    DOCUMENT_CELL.test(cell) ||
    PRICE_COLUMN.test(cell) ||
    LABELLED_PRICE_CELL.test(cell) ||
    UNIT_COLUMN.test(cell) ||
    DISPOSITION_CELL.test(cell)
  )
    return true;
  return COUNT_COLUMN.test(cell) && (index === 0 || UNIT_COLUMN.test(cells[index + 1] ?? ''));
}

/** `text` without a document's own reference, quantity, place and date cells (the text itself when it is no document row). */
export function withoutDocumentCells(text: string): string {
  let out = HAS_DATE.test(text) ? text.replace(DATE, ' ') : text;
  // Most lines have neither a `|` nor a run of spaces: two string searches answer them.
  if (!out.includes('|') && !out.includes('  ') && !out.includes('\t')) return out;
  const pipes = out.match(PIPE_CELLS)?.length ?? 0;
  const separator = pipes >= 2 ? '|' : (out.trim().match(SPACE_COLUMNS)?.length ?? 0) >= 3 ? SPACE_COLUMNS : undefined;
  if (separator === undefined) return out;
  const cells = out.split(separator);
  const kept = cells.filter((_cell, index) => !isDocumentCell(cells, index));
  // A row whose every cell would go is left as it is: nothing of the product would be compared.
  if (kept.length === cells.length || !kept.some((cell) => WORD.test(cell))) return out;
  out = kept.join(separator === '|' ? ' | ' : '  ');
  return out;
}

/** `text` without list, contract, reseller and slip-column numbers around the product (the text itself when it has none). */
export function withoutListReferences(written: string): string {
  // EDI segments first (ediSegmentText.ts): a message's segments are read before its text is looked at as cells.
  let text = withEdiSegmentsRead(written);
  const cells = withoutDocumentCells(text);
  if (cells !== text) text = cells;
  if (!HAS_LIST_REFERENCE(text)) return text;
  let out = text;
  for (const [pattern, replacement] of LIST_REFERENCES)
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  return out;
}

/** Cyrillic Х / х: a maker's brand written in Cyrillic stands for the Latin H it transliterates (Хереус = Heraeus, Хологик = Hologic). */
const CYRILLIC_HA = /[Хх]/g;
const HAS_CYRILLIC_HA = /[Хх]/;

/**
 * An item maker's name before `normalizeOrgName` (normaliser `makerName`): OCR digits read as letters
 * (`HERAEUS MED1CAL`, `M0LNLYCKE`) and Cyrillic Х written H — a foreign maker's name in a Bulgarian or Russian tender
 * is a transliteration of its Latin name, where Х stands for H (the Bulgarian Streamlined System writes H too), not
 * the KH a generic romanisation writes for native words.
 */
export function makerNameAsLatin(name: string): string {
  const read = withOcrConfusionsRead(name);
  return HAS_CYRILLIC_HA.test(read) ? read.replace(CYRILLIC_HA, (ha) => (ha === 'Х' ? 'H' : 'h')) : read;
}
