/**
 * Labelled export rows (items21exports, item-3.43.0): many systems export an item as `Label: value` fields on one line —
 * a shop's product export (Shopify `Title: … | Option1 Name: Size | Option1 Value: 3 | Variant SKU: … | Vendor: …`,
 * WooCommerce `Attribute 1 name / value`), an ERP's variant display name (Odoo `[CODE] Name (Size: 3, Colour: Yellow)`),
 * an inventory or LIMS entry (`Name: … | Container type: … | Location: … | Qty: … | Vendor: …`), a recall notice
 * (`Product: … | ARTG: … | Catalogue no: … | Action: … | Sponsor: …`), a formulary (`Formulary category: … | Product: …
 * | Indication: … | Order code: …`), a procedure note (`Procedure: … | Instrument: … | Specimens: …`), a service-desk
 * ticket or a form answer. The labels are rare words in an item master, so an idf-weighted comparison found two
 * unrelated rows of one export alike by their labels alone; and the values of some fields (where the item is stored,
 * how many are left, what it is indicated for) are no product words at all.
 *
 * The text rewrite `labelledRows` reads such a row by the `exportFieldLabels` table (data, English and the common export
 * languages): every label is taken out, and its value is routed by what the label means — the product phrase, the
 * maker and the codes stay as written (the maker's name is part of the description comparison as a manufacturer field
 * is); an attribute stays as its value (`Colour: Yellow` → `Yellow`), or with its name when a bare value needs it
 * (`Size: 3` → `Size 3`); a count per pack is written as one (`Pack: 100` → `pack of 100`); a named option and its value
 * (`Option1 Name: Needle | Option1 Value: No`) are read as that attribute (`without Needle`); an ERP's own reference in
 * square brackets opening the row (`[GL-204] Exam glove (Size: M)`) is taken out, the seller's number and no maker's code; yes / no values of an
 * attribute are written `with X` / `without X` (`non-X` / `X` for an adjective such as `Sterile`); an order or stock
 * count is taken out (a count per pack written in it kept); the fields about where, who, when, price, category,
 * indication, action and registration are taken out with their values.
 *
 * What counts as a labelled row: two listed labels at the start of the text or after a separator (`|`, `;`, a tab, a
 * line break, a comma), or a bracketed variant suffix `(Attr: value, Attr: value)` holding a listed label (inside it,
 * a label the table does not list is an attribute name too: the brackets hold nothing else). A label not listed is
 * left in the text with its value (it may be a product word: `Needle: SH`). A request form's answer (a field names the
 * product asked for: `Item needed`) is left to the form-answer reader of the requestChatter rewrite (requestLines.ts),
 * which also reads its requester, purpose and order count. When nothing of the product would be left, the row is
 * returned as it is.
 *
 * Hand-written: a field label is a spreadsheet convention, no library reads it. One regular expression finds the
 * label candidates of a text once per record (results are remembered per text, `rememberRecent`), never per pair.
 */
import anyAscii from 'any-ascii';
import { shippedAliasTables, type AliasTable } from './aliases';
import { withoutDocumentCells } from './transactionReferences';

type FieldRole =
  | 'product'
  | 'requestedProduct'
  | 'maker'
  | 'code'
  | 'attribute'
  | 'namedAttribute'
  | 'countPerPack'
  | 'optionName'
  | 'optionValue'
  | 'howMany'
  | 'ownNumber'
  | 'notProduct'
  | 'namedItem'
  | 'eventAccount';

/** The table's entries (their canonical names) and the role of the labels each lists. */
const ROLE_OF_ENTRY: Readonly<Record<string, FieldRole>> = {
  'field: the product': 'product',
  'field: the product asked for': 'requestedProduct',
  'field: the maker': 'maker',
  'field: a code': 'code',
  'field: an attribute': 'attribute',
  'field: an attribute read with its name': 'namedAttribute',
  'field: count per pack': 'countPerPack',
  'field: option name': 'optionName',
  'field: option value': 'optionValue',
  'field: how many': 'howMany',
  'field: not the product': 'notProduct',
  "field: the seller's own number": 'ownNumber',
  'field: not the product (messages, tickets, event and care records)': 'notProduct',
  'field: the item an event record names': 'namedItem',
  'field: a description (an account of the event when another field names the item)': 'eventAccount',
};

/**
 * Entries listing single words of labels (items22sources, item-3.45.0): a label the table does not list is read by its
 * words inside a row that is a labelled row already (`Purchase description`, `Purchases account`, `Seller item id`,
 * `Invoiced quantity`, `Recalling firm`). English labels are noun phrases whose last noun is their head (a purchase
 * description is a description, a purchases account an account), so the words are read from the last to the first and
 * the first one listed decides; a qualifier naming the seller, the buyer or the row's parent makes a code label the
 * row's own number (`Seller item id`, `Buyer item id`, `Parent`).
 */
const ROLE_OF_WORD_ENTRY: Readonly<Record<string, FieldRole>> = {
  'label word: the product': 'product',
  'label word: the maker': 'maker',
  'label word: a code': 'code',
  'label word: an attribute': 'namedAttribute',
  'label word: how many': 'howMany',
  'label word: not the product': 'notProduct',
};
const OWN_QUALIFIER_ENTRY = "label word: the seller's or buyer's own";

/** The roles of a table version: full labels, label words, and the words that make a code label the row's own number. */
interface LabelRoles {
  labels: ReadonlyMap<string, FieldRole>;
  words: ReadonlyMap<string, FieldRole>;
  ownQualifiers: ReadonlySet<string>;
  /** The labels of the trade-document table (`COLONLESS_TABLE`), the only ones read in a cell without a colon. */
  colonless: ReadonlyMap<string, FieldRole>;
}

/** The table whose labels are also read without their colon (`withoutColonlessCells`). */
const COLONLESS_TABLE = 'tradeDocumentLabels';

/** The roles that write a field as an attribute (left as written in a row of cells with one listed label). */
const ATTRIBUTE_ROLES: ReadonlySet<FieldRole> = new Set<FieldRole>([
  'attribute',
  'namedAttribute',
  'countPerPack',
  'optionName',
  'optionValue',
]);

/** Letters NFD leaves alone in Nordic and German labels (`Størrelse`, `Vægt`). */
const UNDECOMPOSED: Readonly<Record<string, string>> = { Ø: 'O', Æ: 'AE', Œ: 'OE', Ð: 'D', Þ: 'TH', Ł: 'L' };
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_LABEL_LETTER = /[^A-Z#]+/g;
/** `Cat#` is `Cat #`: the number sign is a word of the label, glued or not. */
const HASH_SIGN = /#/g;
/** A plural written into a label: `value(s)`. */
const PLURAL_MARK = /\(S\)$/;

/**
 * A field name written in camel or Pascal case, as API and inventory-app exports write their columns (`ProductCode`,
 * `DefaultUnitOfMeasure`, `SupplierProductCode`: Cin7, Unleashed, DEAR, Xero's `ItemCode`): a lower-case letter followed by
 * an upper-case one starts a word (items24lines, item-3.48.0).
 */
const CAMEL_CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})/gu;

/** A letter of a script other than Latin (Cyrillic, Telugu, Khmer…): such a label is keyed by its any-ascii romanisation. */
const NON_LATIN_LETTER = /[^\P{L}\p{Script=Latin}]/u;

/**
 * A label as the table lists it: upper case, no accents, no digits, punctuation as spaces (`Option1 Name` = OPTION NAME,
 * `Art.-Nr.` = ART NR, `value(s)` = VALUE, `ProductCode` = PRODUCT CODE). A label written in another script is keyed by
 * its any-ascii romanisation (items28text, item-3.53.0: Kyrgyz `Аталышы` = ATALYSHY, Telugu `వస్తువు`, Khmer `ចំនួន`), so
 * the tables list requisition labels of any script in that script; before, every letter of them was dropped.
 */
export function fieldLabelKey(label: string): string {
  const split = label.replace(CAMEL_CASE_BOUNDARY, ' ').toUpperCase();
  return (NON_LATIN_LETTER.test(split) ? anyAscii(split).toUpperCase() : split)
    .replace(PLURAL_MARK, '')
    .replace(/[ØÆŒÐÞŁ]/g, (letter) => UNDECOMPOSED[letter] ?? letter)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(HASH_SIGN, ' # ')
    .replace(NOT_LABEL_LETTER, ' ')
    .trim();
}

/**
 * A label candidate: at the start or after a separator (`|`, `;`, tab, line break, comma, an opening bracket), a letter
 * then up to 40 label characters (letters with their vowel signs and joiners: Telugu and Khmer write vowels as combining
 * marks, items28text) and a plural `(s)` (`Attribute 1 value(s)`) or a bracketed qualifier (`Standard item id
 * (0160)`), a question mark (a form's question as its column: `How many?:`, items26text), then `:` or `=` (never `://`).
 * Group 1 is the separator, group 2 the label, group 3 the mark.
 */
const LABEL_CANDIDATE =
  /(^|[|;\t\n,(])[ \t]*(\p{L}[\p{L}\p{M}\u200c\u200d\p{N}_ .#/&'’-]{0,40}?(?:\(s\)|\s?\([\p{L}\p{N} ]{1,12}\))?)[ \t]*\??[ \t]*([:=])(?!\/\/)[ \t]*/gu;
/**
 * A label whose value is a list of `key=value` pairs (Magento's `additional_attributes: brand=Acme,size=M,sterile=Yes`,
 * the attribute columns of other shop and PIM exports): a comma is put before the first key so each pair reads as a field.
 */
const KEY_VALUE_LIST = /([:])[ \t]*(?=\p{L}[\p{L}\p{N}_ ]{0,30}=[^=])/gu;
/**
 * A shop's option string (items23lines, item-3.47.0): BigCommerce's product import / export writes a variant's options
 * as `[RB]Size=25 mm,[S]Colour=Blue`, each name after the bracketed code of its input type (`[S]` drop-down, `[RB]`
 * radio buttons, `[RT]` rectangles, `[C]` checkbox, `[CS]` colour swatch, `[P]` / `[PI]` product list, `[T]` text), and
 * the same `[type]name=value` shape appears in other carts' variant columns. The code names a form control, never the
 * product (`[S]` read as size S conflicted with a real size): it leaves the text, and the pairs are read as the pairs of
 * a `key=value` attribute list (`Size 25 mm`, `French Size 8 Fr`, `Length 36 in`).
 */
const OPTION_TYPE_CODE = /\s*\[[A-Z]{1,3}\](?=\p{L}[\p{L}\p{N}_ /-]{0,30}=[^=])/gu;
/** Rows whose cells are separated by `|` twice or more: one listed label is enough to read them as labelled rows. */
const PIPE = /\|/g;
/** The cheap test: a colon or an equals sign after a letter or a vowel sign (Telugu `పరిమాణం:` ends with one). */
const HAS_LABEL_MARK = /[\p{L}\p{M}][ \t]*[:=]/u;

interface LabelHit {
  /** Where the field starts (its separator, which stays in the text). */
  separatorAt: number;
  separator: string;
  /** Where the label starts and where its value starts (after the colon and spaces). */
  labelAt: number;
  valueAt: number;
  label: string;
  role: FieldRole | undefined;
  /** Inside a bracketed variant suffix: the index of its closing bracket. */
  groupEnd?: number;
  /** `=` rather than `:` after the label (a `key=value` pair). */
  isKeyValue: boolean;
}

/** A yes / no answer, alone in the value (never a preposition that could start a value: `MED` is also medium). */
const TRUE_WORDS = /^(?:YES|Y|WITH|TRUE|JA|MIT|OUI|AVEC|SI|SÍ|KYLLÄ|SIM)$/i;
const FALSE_WORDS = /^(?:NO|N|WITHOUT|FALSE|NONE|NEIN|OHNE|NON|SANS|SIN|ZONDER|UTEN|UTAN|UDEN|EI|NÃO|NAO|SENZA)$/i;
/** A shop's placeholder for a product without variants (Shopify `Option1 Name: Title | Option1 Value: Default Title`). */
const PLACEHOLDER_VALUE = /^default(?:\s+title)?$/i;
/** An attribute named by an adjective (`Sterile`, `Latex free`, `Powder-free`, `Coated`): yes is the word, no is `non-` the word. */
const ADJECTIVE_NAME = /(?:ILE|FREE|ED|ABLE|IBLE|IC|AL|OUS|IVE)$/i;
/** A count per pack in a how-many or pack answer: `box of 12`, `12/box`, `pack of 50`, `x 25`. */
const PACK_COUNT =
  /\b(?:box|bx|pack|pk|case|cs|bag|carton|ctn|tub|tube|roll|kit|tray|sleeve|packet|pkt)(?:es|s|\(es\)|\(s\))?\s+of\s+\d{1,5}\b|\b\d{1,5}\s?\/\s?(?:box|bx|pack|pk|case|cs|bag|carton|ctn)\b/i;
const BARE_COUNT = /^\d{1,5}$/;
const UNDERSCORES = /_+/g;
/**
 * An ERP's own reference opening a labelled row's display name, in square brackets (Odoo `[default_code] name`, the same
 * shape in ERPNext and Dolibarr exports): the seller's stock number, never the maker's code — read as a code of the text,
 * it conflicted with every other source's codes.
 */
const INTERNAL_REFERENCE = /^\s*\[[A-Za-z0-9][A-Za-z0-9._/-]{0,30}\]\s*/;
/**
 * A row is left as it is when none of these (two letters in a row, a vowel sign between them allowed: Telugu and Khmer
 * words may hold no two letters side by side) remain: nothing of the product would be compared.
 */
const HAS_WORD = /\p{L}\p{M}*\p{L}/u;

/** How the roles of one table version read an attribute's name and value. */
function attributeText(name: string, value: string, role: FieldRole | undefined): string {
  const trimmed = value.trim();
  if (trimmed === '' || PLACEHOLDER_VALUE.test(trimmed) || role === 'notProduct' || role === 'howMany' || role === 'ownNumber') return '';
  if (
    role === 'product' ||
    role === 'requestedProduct' ||
    role === 'maker' ||
    role === 'code' ||
    role === 'namedItem' ||
    role === 'eventAccount'
  )
    return trimmed;
  // `Size/type: 6ft` is a size: the first of the alternatives a form's label offers names the attribute.
  const bareName = (name.split('/')[0] ?? name).replace(UNDERSCORES, ' ').trim();
  if (TRUE_WORDS.test(trimmed)) return ADJECTIVE_NAME.test(bareName) ? bareName : `with ${bareName}`;
  if (FALSE_WORDS.test(trimmed)) return ADJECTIVE_NAME.test(bareName) ? `non-${bareName}` : `without ${bareName}`;
  if (role === 'attribute') return trimmed;
  if (role === 'countPerPack') return BARE_COUNT.test(trimmed) ? `pack of ${trimmed}` : trimmed;
  // Read with its name (`Size 3`), unless the value already says it (`Size: Size 3`); a name the table does not list is kept too.
  return fieldLabelKey(trimmed).startsWith(fieldLabelKey(bareName)) ? trimmed : `${bareName} ${trimmed}`;
}

/**
 * How many were bought, opening an item field's value (items28text, item-3.53.0): purchasing-card logs, expense lines and
 * order lines write `4 x KRUUSE Buster Classic …`, `2 × Welch Allyn …` — a count, never a dimension (a letter follows).
 */
const LEADING_COUNT = /^\s*\d{1,4}\s?[x×]\s+(?=\p{L})/u;

/** An order or stock count's answer without the count: only a count per pack written in it stays (`1 box of 12` → `box of 12`). */
function packCountIn(value: string): string {
  const pack = PACK_COUNT.exec(value);
  // `box(es) of 25`: a form's unit with its optional plural is the unit (`box of 25`).
  return pack ? pack[0].replace(/\((?:es|s)\)/i, '') : '';
}

/**
 * The role of a label the table does not list, read by its words from the last to the first (see ROLE_OF_WORD_ENTRY):
 * the last two words as a listed label first (`… catalogue number`), then each word as a label word or a one-word
 * listed label (`… description`, `… quantity`, `… account`).
 */
function roleByWords(key: string, roles: LabelRoles): FieldRole | undefined {
  if (key === '') return undefined;
  const words = key.split(' ');
  const isOwn = words.some((word) => roles.ownQualifiers.has(word));
  const read = (role: FieldRole): FieldRole => (role === 'code' && isOwn ? 'ownNumber' : role);
  for (let i = words.length - 1; i >= 0; i--) {
    const pair = i > 0 ? roles.labels.get(`${words[i - 1] as string} ${words[i] as string}`) : undefined;
    if (pair !== undefined) return read(pair);
    const role = roles.words.get(words[i] as string) ?? roles.labels.get(words[i] as string);
    if (role !== undefined) return read(role);
  }
  return isOwn ? 'ownNumber' : undefined;
}

/** The label candidates of `text` with their roles, and each bracketed variant suffix's end. */
function labelHits(text: string, roles: LabelRoles): LabelHit[] {
  const hits: LabelHit[] = [];
  LABEL_CANDIDATE.lastIndex = 0;
  for (let match = LABEL_CANDIDATE.exec(text); match; match = LABEL_CANDIDATE.exec(text)) {
    const separator = match[1] ?? '';
    const label = match[2] ?? '';
    const key = fieldLabelKey(label);
    const listed = roles.labels.get(key);
    hits.push({
      separatorAt: match.index,
      separator,
      labelAt: match.index + match[0].indexOf(label, separator.length),
      valueAt: match.index + match[0].length,
      label,
      role: listed,
      isKeyValue: match[3] === '=',
    });
  }
  // A bracket opened by a label holds a variant suffix up to its closing bracket: the comma-separated labels inside belong to it.
  for (let i = 0; i < hits.length; i++) {
    const opening = hits[i] as LabelHit;
    if (opening.separator !== '(') continue;
    const close = text.indexOf(')', opening.valueAt);
    const end = close < 0 ? text.length : close;
    const members = [opening];
    for (let j = i + 1; j < hits.length && (hits[j] as LabelHit).separatorAt < end; j++) {
      const member = hits[j] as LabelHit;
      if (member.separator === ',' || member.separator === ';') members.push(member);
    }
    if (!members.some((member) => member.role !== undefined && member.role !== 'notProduct')) continue;
    for (const member of members) member.groupEnd = end;
  }
  return hits;
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

/**
 * A label the table does not list becomes a field of a row that is a labelled row already when it opens a cell (after
 * `|`, `;`, a tab, a line break or the start) or is a `key=value` pair: its role is read from its words, and a pair
 * whose words say nothing is an attribute with its name (`generation=7`, `latex_free=Yes`), as the pairs of an
 * attribute list are.
 */
function withUnlistedFields(text: string, hits: LabelHit[], roles: LabelRoles): void {
  for (const hit of hits) {
    if (hit.role !== undefined || hit.groupEnd !== undefined || hit.separator === '(') continue;
    const opensCell = hit.separator !== ',' || hit.isKeyValue;
    if (!opensCell) continue;
    // The label of a key=value list (`additional_attributes: k=v,…`; KEY_VALUE_LIST put a comma after it) goes, its pairs stay.
    const opensList = text.charAt(hit.valueAt) === ',';
    const role =
      roleByWords(fieldLabelKey(hit.label), roles) ??
      (opensList ? 'product' : hit.isKeyValue && hit.separator === ',' ? 'namedAttribute' : undefined);
    if (role === undefined) continue;
    hit.role = role;
  }
}

/** Reads `text` as a labelled row by `roles` (the text itself when it is none). */
function readLabelledRow(written: string, roles: LabelRoles): string {
  // Most item lines hold neither mark: two string searches answer them before any regular expression runs.
  if ((!written.includes(':') && !written.includes('=')) || !HAS_LABEL_MARK.test(written)) return written;
  // An option string's type codes leave the text even when it is read as no row (a comma opens each of its pairs).
  const original = written.includes('=') && written.includes(']') ? written.replace(OPTION_TYPE_CODE, ',') : written;
  const text = original.includes('=') ? original.replace(KEY_VALUE_LIST, '$1 ,') : original;
  const hits = labelHits(text, roles);
  const grouped = hits.filter((hit) => hit.groupEnd !== undefined);
  // Top-level fields: listed labels outside a variant suffix (an unlisted one stays inside the value before it).
  // A row of cells (`a | b | c`) is a labelled row with one label read (listed, or by its words); a line without
  // cells needs two listed labels, and then its other labels are read by their words.
  // An option string's pairs are fields by its type codes: a row with one label read, like a row of cells.
  const hasOptionString = original !== written;
  const isCellRow = hasOptionString || (text.match(PIPE)?.length ?? 0) >= 2;
  const listedCount = hits.filter((hit) => hit.groupEnd === undefined && hit.role !== undefined && hit.separator !== '(').length;
  if (isCellRow || listedCount >= 2) withUnlistedFields(text, hits, roles);
  const fields = hits.filter((hit) => hit.groupEnd === undefined && hit.role !== undefined && hit.separator !== '(');
  if (fields.length < (isCellRow ? 1 : 2) && grouped.length === 0) return original;
  // A request form (a field names the product asked for: `Item needed`) is read by the form-answer reader of the
  // requestChatter rewrite (requestLines.ts), which also takes the requester, the purpose and the order count out.
  if (fields.some((hit) => hit.role === 'requestedProduct')) return original;

  const edits: Edit[] = [];
  let optionName: { label: string; role: FieldRole | undefined } | undefined;
  // A row of cells with fewer than two listed labels is read for what leaves it (labels, references, counts, places);
  // its attribute fields stay as written: one distributor's `Pack: 14` beside its own `Outer: 84` says which pack
  // level no more than the text did.
  const isThinRow = listedCount < 2 && !hasOptionString;
  // An event record (an incident report, a device-problem report, a procedure or care record: Datix, RL, MAUDE, an EHR's
  // lines-drains-airways row) names the item in its own field (`Device:`, `Equipment:`, `Instrument used:`) and tells what
  // happened under `Description:` / `Details:` — no product words then (items24free, item-3.48.0).
  const namesItem = fields.some((hit) => hit.role === 'namedItem');
  if (fields.length >= (isCellRow ? 1 : 2))
    fields.forEach((field, index) => {
      if (isThinRow && field.role !== undefined && ATTRIBUTE_ROLES.has(field.role)) return;
      const next = fields[index + 1];
      // In a row of cells a value ends with its cell (`| Reason: … | Credit note`: the next cell is no part of the reason).
      const cellEnd = isCellRow ? text.indexOf('|', field.valueAt) : -1;
      const fieldEnd = next ? next.separatorAt : text.length;
      const valueEnd = cellEnd >= 0 && cellEnd < fieldEnd ? cellEnd : fieldEnd;
      const value = text.slice(field.valueAt, valueEnd);
      const role = field.role;
      switch (role) {
        case 'eventAccount':
          edits.push({ from: field.labelAt, to: namesItem ? valueEnd : field.valueAt, text: '' });
          return;
        case 'product':
        case 'namedItem':
          // `Item: 4 x KRUUSE Buster …`: a purchase log's or order line's count bought, before the product.
          edits.push({ from: field.labelAt, to: field.valueAt + (LEADING_COUNT.exec(value)?.[0].length ?? 0), text: '' });
          return;
        case 'requestedProduct':
        case 'maker':
        case 'code':
          edits.push({ from: field.labelAt, to: field.valueAt, text: '' });
          return;
        case 'attribute':
        case 'namedAttribute':
        case 'countPerPack':
          edits.push({ from: field.labelAt, to: valueEnd, text: `${attributeText(field.label, value, role)} ` });
          return;
        case 'optionName':
          optionName = { label: value.trim(), role: roles.labels.get(fieldLabelKey(value)) };
          edits.push({ from: field.labelAt, to: valueEnd, text: '' });
          return;
        case 'optionValue':
          edits.push({
            from: field.labelAt,
            to: valueEnd,
            text: optionName ? `${attributeText(optionName.label, value, optionName.role ?? 'namedAttribute')} ` : value,
          });
          optionName = undefined;
          return;
        case 'howMany':
          edits.push({ from: field.labelAt, to: valueEnd, text: `${packCountIn(value)} ` });
          return;
        default:
          edits.push({ from: field.labelAt, to: valueEnd, text: '' });
      }
    });
  // A variant suffix's fields: each an attribute (a name the table does not list is kept with its value).
  grouped.forEach((field, index) => {
    const next = grouped[index + 1];
    const valueEnd = Math.min(field.groupEnd as number, next && next.separatorAt > field.valueAt ? next.separatorAt : Infinity);
    if (edits.some((edit) => edit.from <= field.labelAt && field.labelAt < edit.to)) return;
    const value = text.slice(field.valueAt, valueEnd);
    edits.push({ from: field.labelAt, to: valueEnd, text: attributeText(field.label, value, field.role ?? 'namedAttribute') });
  });

  edits.sort((x, y) => x.from - y.from);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.from < at) continue;
    out += text.slice(at, edit.from) + edit.text;
    at = edit.to;
  }
  out += text.slice(at);
  const itemField = isCellRow ? itemFieldOf(fields, namesItem) : undefined;
  if (itemField !== undefined) out = withDocumentOwnCellsBlanked({ read: out, written: text, fields, itemField, roles });
  out = out.replace(INTERNAL_REFERENCE, '');
  // A cell naming the row's document (`Incident W481207 |`, `Ticket #48360 |`): no label of the table, no product words either.
  if (isCellRow) out = withoutDocumentCells(out);
  if (itemField !== undefined && !isThinRow && fields.some((hit) => REQUEST_ROLES.has(hit.role))) {
    // A form prints its header (title, number, requester) before its fields: only cells before the item's field are read as context.
    out = withoutUnlabelledCells(out, text, text.slice(0, itemField.labelAt).split('|').length - 1);
  }
  if (isCellRow && !isThinRow) out = out.replace(CONTAINER_NUMBER_CELL, ' ');
  return HAS_WORD.test(out) ? out : original;
}

/**
 * A printed document's row (items32docs, item-3.57.0): an audit checklist, a drill or stock tally, a short-dated stock
 * report, a trial's accountability log, an auction lot, a request for quotation, an order release, a reconciliation
 * report, an insurance schedule of loss, a proforma invoice — each a form of many cells of which one names the item
 * (`Item:`, `Supply item:`, `Title:`, `Description:`) and the others are the form's own: its title, numbers, people,
 * places, dates, counts, prices, answers (`Compliant: Y`), conditions and causes. Nobody can list every form's labels,
 * but the form itself says which cell is the item: in a row of `DOCUMENT_MIN_CELLS` cells or more whose item field
 * is read, a cell holding no field the label tables read (no item, maker, code, attribute or pack field) is the
 * document's own and is blanked, label and value, whatever its label — a labelled cell anywhere, a cell without a
 * label only before the item's field (the form's header: after it, a cell may go on with the item) — unless its value
 * holds a measure or a size word (`CELL_MEASURE`: it may be the item's variant), a maker's code after its label
 * (`Part no. 9118VC005`), or nothing. A colour, side or length word in such a cell
 * (`Zone: Green Treatment`, `Stored 18 in below ceiling: Y`) is the form's, never the item's, and no longer conflicts
 * with the item's own attributes. A cell's value is what follows its last colon (a label may hold a measure:
 * `Stored 18 in below ceiling / 8 in off floor: Y` answers Y).
 */
const DOCUMENT_MIN_CELLS = 5;
const ANY_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/**
 * A capital letter that is no size in a form's cell: a person's initial before a name (`S. Patel`, `Dr N. Rossi`) and a
 * letter of a slashed abbreviation (`L/C at sight`, `w/o`, `c/o`).
 */
const NOT_A_SIZE_LETTER = /(?<![\p{L}\p{N}])\p{L}\.(?=\s*\p{Lu}\p{Ll})/gu;
/** A word that can say which item a cell describes: four letters or digits or more with a letter, or a code of letters and digits (`A2`, `TI-84`). */
const TELLING_WORD = /(?=[\p{L}\p{N}]*\p{L})[\p{L}\p{N}]{4,}|\p{L}+\d[\p{L}\p{N}]*|\d+\p{L}[\p{L}\p{N}]*/gu;
/** A word of a product phrase: three letters or more, no digit. */
const PHRASE_WORD = /(?<![\p{L}\p{N}])\p{L}{3,}(?![\p{L}\p{N}])/gu;
/** The most words a header cell without a label has (`Line 14`, `Protocol RD-115-63`, `Site 129`); a longer one may describe the item. */
const HEADER_CELL_WORDS = 4;

function tellingWordsOf(text: string): Set<string> {
  return new Set((text.toUpperCase().match(TELLING_WORD) ?? []) as string[]);
}

function withDocumentOwnCellsBlanked(args: {
  read: string;
  written: string;
  fields: readonly LabelHit[];
  itemField: LabelHit;
  roles: LabelRoles;
}): string {
  const { read, written, fields, itemField, roles } = args;
  const cells = read.split('|');
  const writtenCells = written.split('|');
  if (writtenCells.length < DOCUMENT_MIN_CELLS || cells.length !== writtenCells.length) return read;
  const cellOf = (at: number): number => written.slice(0, at).split('|').length - 1;
  const fieldCells = new Set(fields.map((hit) => cellOf(hit.labelAt)));
  const itemCell = cellOf(itemField.labelAt);
  const itemEnd = written.indexOf('|', itemField.valueAt);
  const itemValue = written.slice(itemField.valueAt, itemEnd < 0 ? written.length : itemEnd);
  // A field whose value is a code (`Vendor item: 84PLCE/TBL/1L1/AC`) names no product phrase to tell the form's cells from.
  if ((itemValue.match(PHRASE_WORD) ?? []).length < 2) return read;
  const itemWords = tellingWordsOf(itemValue);
  let dropped = false;
  const kept = cells.map((cell, index) => {
    if (index === itemCell || fieldCells.has(index)) return cell;
    const original = writtenCells[index] as string;
    const labelled = original.includes(':');
    // After the item's field a cell without a label may go on with the item (an order mail's `1 x <item>` line); before
    // it, only the row's first cell (the form's title) and short cells are the header.
    if (!labelled && (index > itemCell || (index > 0 && original.trim().split(/\s+/).length > HEADER_CELL_WORDS))) return cell;
    const value = original.slice(original.lastIndexOf(':') + 1).replace(NOT_A_SIZE_LETTER, ' ');
    if (!ANY_LETTER_OR_DIGIT.test(value) || CELL_MEASURE.test(value) || opensWithCodeLabel(original, roles)) return cell;
    // A cell repeating the item's words describes the item again (a long text, a marketing text, a specification).
    for (const word of tellingWordsOf(value)) if (itemWords.has(word)) return cell;
    dropped = true;
    return ' ';
  });
  if (!dropped) return read;
  const out = kept.join('|');
  return HAS_WORD.test(out) ? out : read;
}

/**
 * A cell printing a maker's code after its label without a colon (`Part no. 9118VC005`, `REF 21-3820-24`, `Cat #
 * 5160`): the code is the item's, the cell stays. Its first one to three words are read as a label (listed, or by its
 * words); a document's own numbers (`Claim no.`, `Charge code`, `HS code`) are no code of the item.
 */
function opensWithCodeLabel(cell: string, roles: LabelRoles): boolean {
  const words = fieldLabelKey(cell.slice(0, 40)).split(' ');
  for (let count = Math.min(3, words.length - 1); count >= 1; count--) {
    const key = words.slice(0, count).join(' ');
    if ((roles.labels.get(key) ?? roleByWords(key, roles)) === 'code') return true;
  }
  return false;
}

/** The roles of a field that names the row's item, and of a field that says how many were asked for or who, where, when and why. */
const ITEM_ROLES: ReadonlySet<FieldRole | undefined> = new Set<FieldRole | undefined>(['product', 'namedItem']);
const REQUEST_ROLES: ReadonlySet<FieldRole | undefined> = new Set<FieldRole | undefined>(['howMany', 'notProduct']);
/**
 * A number with a unit of measure, or a size word: a cell holding one may be the item's variant, never a context cell
 * (letters of any script bound the words: `bölümi` holds no size `L`).
 */
export const CELL_MEASURE =
  /\d\s?(?:mm|cm|m|in|inch|inches|ft|yd|ml|l|litres?|liters?|ltrs?|cc|g|mg|kg|oz|fr|ch|ga|gauge|mcg|mic|micron|gb|v)(?![\p{L}\p{N}])|\d["”]|(?<![\p{L}\p{N}'’])(?:xs|s|m|l|xl|xxl|small|medium|large|pocket|adult|paediatric|pediatric|infant|neonatal)(?![\p{L}\p{N}])/iu;

/**
 * The shipping container a row was packed in, opening a labelled row as its own cell (items27text, item-3.52.0): a
 * donation or mission-supply manifest's and a packing list's `Box 23 | …`, `Carton #4 | …`, `Pallet 2 of 6 | …`. The
 * number counts containers, never what a pack holds (`Box 23` was read as a box of 23).
 */
const CONTAINER_NUMBER_CELL =
  /^\s*(?:box|carton|crate|pallet|tote|parcel|package)\s?(?:#|no\.?)?\s?\d{1,4}(?:\s?(?:of|\/)\s?\d{1,4})?\s*(?=\|)/i;

/**
 * The title cell opening a stores or tendering document's row (items28text, item-3.53.0): a stock-transfer note or
 * order (`STOCK TRANSFER NOTE TN-0331`, `INTER-STORE TRANSFER 26/2219`, `TRANSFER ORDER 000481`), a bid tabulation or a
 * tender evaluation / comparison schedule (`BID TABULATION - RFQ 26-118 Veterinary Consumables (County Animal
 * Services)`), a write-off or wastage register — the document's kind, its number and the buyer's programme, shared by
 * every line of the document and by no catalogue line. These documents print the product in a cell of its own without
 * a label, so the header is known by its document words, only as the row's first cell before a `|`. A distributor
 * portal's order-history export (`Order history export | Order # … | <distributor description> | UOM …`: Medline,
 * McKesson, Henry Schein, Cardinal customer portals) opens its rows the same way (items29layouts, item-3.54.0).
 */
const DOCUMENT_TITLE_CELL =
  /^\s*(?:(?:customer\s+)?(?:order|purchase|invoice|buying)\s+history(?:\s+(?:export|report|download))?\b|(?:(?:inter[- ]?(?:store|site|ward|depot)|internal|warehouse|stock|asset\s?\/?\s?stock|stores?)\s+)?transfer\s+(?:note|order|request|voucher|slip)\b|(?:inter[- ]?(?:store|site|ward|depot)|internal|warehouse|stock|asset\s?\/?\s?stock|stores?)\s+transfer\b|bid\s+tab(?:ulation)?\b|tender\s+(?:evaluation|comparison|adjudication|award)\b|(?:stock\s+)?(?:write[- ]?off|wastage)\s+(?:register|log|form|sheet)\b)[^|]*(?=\|)/i;

/** `text` without a stores or tendering document's title cell (DOCUMENT_TITLE_CELL); a row of one cell is left as it is. */
function withoutDocumentTitleCell(text: string): string {
  return text.includes('|') ? text.replace(DOCUMENT_TITLE_CELL, ' ') : text;
}

/**
 * A cell that is a workflow notification's button or an app's footer (items29layouts, item-3.54.0): a requisition
 * approval e-mail ends `| Approve | Reject | Reply APPROVE or open Jaggaer` (Coupa, Ariba, Jaggaer, Workday and
 * Oracle iProcurement approve by e-mail reply or link), a CRM call note `| Created from Salesforce mobile`, a message
 * `| Sent from my iPhone`. The same on every record the system sends, no product word: the whole cell leaves a row of
 * cells (never a cell holding anything else: `Return electrode` stays).
 */
const ACTION_CELL =
  /(?<=^|\|)[ \t]*(?:approve|reject|decline|approve\s?\/\s?reject|reply\s+(?:approve|reject|yes|no)\b[^|]*|(?:created|sent|logged|submitted|posted)\s+(?:from|via|with|using)\s[^|]*|(?:view|open)\s+(?:it\s+)?(?:in|on)\s[^|]*)[ \t]*(?=\||$)/gi;

/** `text` without its notification buttons and app footers (ACTION_CELL), in a row of three cells or more. */
function withoutActionCells(text: string): string {
  const first = text.indexOf('|');
  if (first < 0 || text.indexOf('|', first + 1) < 0) return text;
  return text.replace(ACTION_CELL, ' ');
}

/**
 * The field that names a labelled row's item: a product field (`Item:`, `Product:`, `Аталышы:`), else — when no field
 * names an event's item — its `Description:` (items28text, item-3.53.0): a bid tabulation's, a purchasing-card log's or a
 * value-analysis request's `Description:` is the item's, and the cells before it (`BID TABULATION - RFQ 26-118 … (County
 * …)`, `P-CARD RECONCILIATION`, `Item 14`) are the form's header, as they are before an `Item:` field.
 */
function itemFieldOf(fields: readonly LabelHit[], namesItem: boolean): LabelHit | undefined {
  return fields.find((hit) => ITEM_ROLES.has(hit.role)) ?? (namesItem ? undefined : fields.find((hit) => hit.role === 'eventAccount'));
}

/**
 * A request's or a record's cells without a label (items27text, item-3.52.0), once a field names the item and another
 * says how many or who / where / when: a prior-authorisation request's title and number (`PRIOR AUTHORIZATION REQUEST
 * PA-2026-…`), a requisition form's title, number and requesting hospital and department in any language (`Takardar
 * Neman Kayayyaki Na 719/2026 | <hospital> - <department> | Kaya: …`), a donation site's page (`DonorsChoose | … |
 * <school>, <town>, <state> | Grades 9-12 | Resource: … | Fully funded Oct 10`). They are shared by the unrelated items one
 * requester asks for and absent from every catalogue line: they carry no weight. A cell holding a measure or a size word
 * is kept (it may be the variant), and so is every cell of a row that would keep no word.
 */
/**
 * A sentence's end inside a cell: a message's or a note's text (`Hi Jan, we need … left. Thanks`), never a title or a
 * requester's name. A one-letter word before the point is an abbreviation or an initial, no sentence's end (items29langs:
 * `г. Мінска`, горад — city — before a place name, kept a Belarusian hospital's cell as a message).
 */
const SENTENCE_IN_CELL = /\p{L}{2}[.!?](?:\s|$)/u;

/** A cell that stays: a field, one without words, one with a measure or a size word, or one holding sentences (a message's body). */
function isKeptCell(cell: string): boolean {
  return cell.includes(':') || cell.includes('=') || !HAS_WORD.test(cell) || CELL_MEASURE.test(cell) || SENTENCE_IN_CELL.test(cell.trim());
}

/**
 * `read` (a row as a reader wrote it) with its cells before `beforeCell` blanked where the same cell of `written` (the
 * row as it came, same cell order) is not kept (isKeptCell); undefined when the row has fewer than three cells, the two
 * differ in cells, or no cell was blanked. Shared by the labelled-row reader here and the form reader (requestLines.ts).
 */
export function withUnlabelledCellsBlanked(read: string, written: string, beforeCell: number): string | undefined {
  const cells = read.split('|');
  const writtenCells = written.split('|');
  if (cells.length < 3 || cells.length !== writtenCells.length) return undefined;
  let dropped = false;
  const kept = cells.map((cell, index) => {
    const original = writtenCells[index] as string;
    if (index >= beforeCell || isKeptCell(original)) return cell;
    dropped = true;
    return ' ';
  });
  return dropped ? kept.join('|') : undefined;
}

function withoutUnlabelledCells(read: string, written: string, beforeCell: number): string {
  const out = withUnlabelledCellsBlanked(read, written, beforeCell);
  return out !== undefined && HAS_WORD.test(out) ? out : read;
}

/** The roles of a table's labels, by their keys (`fieldLabelKey`), and of its label words. */
function rolesOf(tables: ReadonlyArray<AliasTable | undefined>): LabelRoles {
  const labels = new Map<string, FieldRole>();
  const words = new Map<string, FieldRole>();
  const ownQualifiers = new Set<string>();
  const colonless = new Map<string, FieldRole>();
  for (const table of tables) {
    for (const entry of table?.entries ?? []) {
      if (entry.canonical === undefined) continue;
      const role = ROLE_OF_ENTRY[entry.canonical];
      const wordRole = ROLE_OF_WORD_ENTRY[entry.canonical];
      for (const variant of entry.variants) {
        if (role) labels.set(fieldLabelKey(variant), role);
        if (role && table?.table === COLONLESS_TABLE) colonless.set(fieldLabelKey(variant), role);
        if (wordRole) words.set(fieldLabelKey(variant), wordRole);
        if (entry.canonical === OWN_QUALIFIER_ENTRY) ownQualifiers.add(fieldLabelKey(variant));
      }
    }
  }
  return { labels, words, ownQualifiers, colonless };
}

/**
 * The tables of field labels the rewrite reads, one set of entry names between them: `exportFieldLabels` (exports,
 * forms, tickets), `tradeDocumentLabels` (customs invoices, backorder and price-change notices, ERP stock items,
 * delivery notes; items25lines, split off when the first reached its size limits), `variantAndFormLabels` (shop
 * variant labels of reviews and order lines, order-mail totals, form-response columns, Kinyarwanda and Somali
 * requisition labels; items26text) and `workflowDocumentLabels` (approval notifications, receiving discrepancy reports,
 * three-way-match exceptions, CRM call notes, expense claims, kit checklists, research core order forms; items29layouts).
 */
export const LABEL_TABLES = ['exportFieldLabels', 'tradeDocumentLabels', 'variantAndFormLabels', 'workflowDocumentLabels'] as const;

/**
 * The rewrite `labelledRows` with the labels of `tables` (a rule set's published versions of `LABEL_TABLES`:
 * textRewrites.ts and the `requisitionText` normaliser build one per version, so an analyst's edit reaches it).
 */
export function labelledRowReader(...tables: Array<AliasTable | undefined>): (text: string) => string {
  const roles = rolesOf(tables);
  return (text) => readLabelledRow(withoutColonlessCells(withoutActionCells(withoutDocumentTitleCell(text)), roles), roles);
}

/** The roles whose value a colon-less cell loses with its label (a seller's own number too: `Supplier item 300452`). */
const DROPPED_WITHOUT_COLON: ReadonlySet<FieldRole> = new Set<FieldRole>(['notProduct', 'howMany', 'ownNumber']);
/** A field's value as documents print it beside its label: a number, date, code with a digit, or a two- or three-letter code (SE, DAP). */
const FIELD_VALUE = /\d|^[A-Z]{2,3}$/;

/**
 * A row of cells whose cells print a label and its value side by side without a colon (items25lines): a commercial
 * invoice's `HS code 9018.39`, `Country of origin SE`, a backorder notice's `Backordered 1`, `Est. avail 02/21/2027`, a
 * price-change notice's `Old price 168.00` — documents laid out as label / value columns lose the colon when exported
 * to one line. A cell that is a listed label of a field that is not the product (or an order count) followed by one or
 * two value words, one of them a number, a date or a two- or three-letter code, is taken out whole. Only the labels of
 * the trade-document table (a par-level sheet's `PAR 24 | ROP 6` columns are read by parLevelLines.ts, which needs
 * them), only rows of three or more cells; a cell with a colon is left to the labelled-row reading.
 */
function withoutColonlessCells(text: string, roles: LabelRoles): string {
  const first = text.indexOf('|');
  if (first < 0 || text.indexOf('|', first + 1) < 0) return text;
  const cells = text.split('|');
  let changed = false;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] as string;
    if (cell.includes(':')) continue;
    const words = cell.trim().split(/\s+/);
    if (words.length < 2 || words.length > 6) continue;
    for (let valueWords = 1; valueWords <= 2 && valueWords < words.length; valueWords++) {
      const role = roles.colonless.get(fieldLabelKey(words.slice(0, words.length - valueWords).join(' ')));
      if (role === undefined || !DROPPED_WITHOUT_COLON.has(role)) continue;
      if (!words.slice(-valueWords).some((word) => FIELD_VALUE.test(word.toUpperCase()))) continue;
      cells[i] = ' ';
      changed = true;
      break;
    }
  }
  return changed ? cells.join('|') : text;
}

let shipped: ((text: string) => string) | undefined;

/** `text` read as a labelled export row by the shipped label tables (the text itself when it is none). */
export function withLabelledRowsRead(text: string): string {
  shipped ??= labelledRowReader(...LABEL_TABLES.map((name) => shippedAliasTables().get(name)));
  return shipped(text);
}
