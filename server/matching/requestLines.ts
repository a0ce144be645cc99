/**
 * Free-text requests to stores (items18, item-3.32.0): a ward clerk's or nurse's e-mail or ticket names the product
 * among words about everything else — a greeting and a sign-off, the ward or theatre (`OR 4`, `4W`, `on 3N`, `L&D 12`),
 * who asks (`new hire on 6S`, `chem lab -`, `IT ticket:`), the request (`can you order`, `running low on`, `pls send`),
 * how many (`need 10`, `6 more`, `2 bx of`, `, 1 box`) and what for (`for tomorrow's hip list`, `to the clinic
 * order`). Those words are rare in an item master, so an idf-weighted comparison of the request with its catalogue
 * line weighed them as much as the product's brand, and an order quantity was read as a count per pack. The text
 * rewrite `requestChatter` (first among the requisition rewrites of `requisitionText` and of the attributes
 * comparator) keeps the product words: the chatter words are the `requestChatter` table (data; a rule set's published version), the shapes of
 * quantities, ward names and purpose clauses are the patterns below.
 *
 * Gated on a cheap literal test (a request word such as `need`, `pls`, `thanks`, `can you`, `out of`): a catalogue or
 * ERP line returns at that test (the matching CPU budget). Hand-written: a request is a sentence shape, no library
 * reads it; what it drops only ever lowers the evidence of words that were never the product's.
 */
import { shippedAliasTables, type AliasTable } from './aliases';
import { withUnlabelledCellsBlanked } from './labelledRows';
import { isRecordLine, withoutRecordNarrative } from './recordLines';
import { isShopperLine, withoutShopperChatter } from './shopperLines';
import { withoutNguniNumberPrefixes } from './spokenNumbers';

/** A request word: a line without one (nor a note cue) is no request and is returned as it is. isiZulu `ngicela` / `sicela` (please, we ask) and `isicelo` (a request form) since item-3.50.0; Kinyarwanda `(gu)saba` (to request) and Somali `codsi(ga)` (the request) since item-3.51.0. */
const REQUEST_CUE =
  /\b(?:needs?|needed|pls|plz|please|thanks|thank you|thx|cheers|can you|could you|can we|running low|out of|reorder|hi|hello|asap|would like|kind regards|many thanks|kia ora|ng[aā] mihi|ngicela|sicela|isicelo|isaba|gusaba|codsiga|codsi)\b|\b(?:can|could|may) (?:i|someone|somebody|anyone)\b|\b(?:does|do|has|have) (?:anyone|anybody|someone|we) (?:have|got|got any|have any)\b|\banyone (?:got|have|has)\b/i;
/**
 * A handover note's or a ticket's word, in lower case as people type them (item-3.36.0): stock left after a count (`2 left`, `none
 * left`, `3 bx left`; never a bare `left`, a side), `down to 3`, `low`, `nearly out`, `we are out`, `par is 10`) and a ticket's reference to an earlier order
 * (`like last time`, `the usual`) and a ticket's `new <thing>`, `replacement`, `broken`, `not working`. Case-sensitive: an upper-case catalogue line's LEFT is a side, its LOW a profile.
 */
const NOTE_CUE =
  /(?:\b(?:\d{1,3}|none|no|nothing|one|two|three|few|couple)\s+(?:[a-z]+\s+){0,2}?left|\blow(?=\s*(?:[,;.!]|$)))\b|\b(?:nearly out|are out|we're out|par is|down to|like last time|the usual|none on|new [a-z]{3,}|replacement|broken|not working|faulty)\b/;

/** A count of stock on the shelf: `- 1 cart left`, `, 3 bx left on the bench`, `only 1 left in dirty utility`, `none left in the obs cupboard`, `down to 2 rolls on trolley` (never `sz 3 left`, a side: the count follows a separator or `only` / `just` / `down to`). */
const STOCK_LEFT =
  /(?:(?:^|[,;:.(]|\s[-–])\s*(?:(?:only|just|about|maybe)\s+)?(?:\d{1,3}|none|no|nothing|one|two|three|four|five|a few|a couple)\s+(?:[a-z]+\s+){0,2}?left\b|\bdown to\s+(?:\d{1,3}|one|two|three|a few)(?:\s+(?!(?:in|on|at)\b)[a-z]+)?\b)(?:\s+(?:in|on|at)\s+[^,;.()]*)?/gi;
/** Stock running out, without a count: `low`, `nearly out`, `we are out in bay 3`, `none on shelf`, `par is 10` (a par level is no pack count). */
const STOCK_STATE =
  /\b(?:(?:is|are|getting|running|very|v)\s+)?low\b(?=\s*(?:[,;.!]|$))|\b(?:nearly|almost|all|completely)\s+out\b|\b(?:we\s+are|we're|were)\s+(?:all\s+)?out\b(?:\s+(?:in|on|at)\s+[^,;.()]*)?|\bnone\s+(?:on|in)\s+(?:the\s+)?[a-z]+\b|\bpar\s+(?:is|level|of)?\s*\d{1,4}\b/gi;
/** Where the stock is kept: `in fridge 2`, `on the bench`, `in the obs cupboard`, `on trolley` — the store words of a ward or a lab. */
const STORE_PLACE =
  /\b(?:in|on|at|from)\s+(?:the\s+)?(?:[a-z0-9]+\s+){0,2}?(?:fridge|freezer|trolley|cupboard|shelf|shelves|bench|utility|storeroom|store room|drawer|cabinet|station|desk|dispensary|admissions|stock room|nurses station|utility room)(?:\s+\d{1,3})?\b/gi;
/** What a ticket's item is for, a place or a workstation: `for the ward clerk desk`, `for pharmacy dispensary`, `for the med cart pc` (never `for the dymo`: the words before the place noun are few and lower case). */
const FOR_PLACE =
  /\bfor\s+(?:the\s+|our\s+|my\s+)?(?:[a-z]+\s+){0,2}(?:desk|station|dispensary|cart|trolley|office|clinic|ward|bay|bed|reception|nurses|admissions)\b/g;
/** A ticket that opens with the thing being new: `new barcode printer …` (the product follows). */
const NEW_THING = /^\s*(?:a\s+)?new\s+(?=[a-z])/;
/** How many in a note, `x2 rolls`, `x1` after a word (never `4 x2`, a dimension). */
const NOTE_TIMES = /(?<=[a-z)]\s)x\s?\d{1,3}\b(?:\s+[a-z]+s\b)?/g;
/** A ticket's reference to what was bought before and the `the … one(s)` that points at a variant: the words around, never the variant. */
const EARLIER_ORDER =
  /\b(?:like|same as)\s+(?:last\s+time|before|the\s+last\s+one)\b|\bthe usual\b|\bones?\b(?=\s*(?:[,;.()!-]|$|\s(?:like|x\d)))/gi;

/**
 * A staff size word before the measure it qualifies (items21text, item-3.43.0): `the little 1ml ones`, `the bigger 3ml
 * ones`, `the narrow 5cm one`, `the wide 10 cm roll` — chat and ward requests name a variant by a relative word and
 * its measure, the catalogue by the measure alone. Dropped only right before a number with a unit (the measure then
 * carries the size): `the wide mouth ones` keeps `wide`, a product attribute.
 */
const SIZE_WORD_BEFORE_MEASURE =
  /\b(?:the|a|an)\s+(?:little|tiny|small|smaller|big|bigger|large|larger|thin|thinner|thick|thicker|short|shorter|long|longer|narrow|narrower|wide|wider|skinny|fat)\s+(?=\d+(?:[.,]\d+)?\s?(?:ml|l|cl|cm|mm|m|in|inch|g|mg|oz|mic|micron|fr|ch|g|ga|gauge)\b)/gi;

/** Units an order is counted in (`2 bx of`, `a case of`, `need 2 boxes`). */
const ORDER_UNIT = String.raw`(?:box(?:es)?|bx|bxs|cases?|cs|packs?|pks?|pkts?|packets?|sets?|units?|ea|each|tubs?|bottles?|btls?|rolls?|bags?|reams?|cartons?|ctns?|pairs?|prs?|kits?|trays?|x)`;
/** How many: digits or the words a request writes a small count in. */
const ORDER_COUNT = String.raw`(?:\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple of|a few|some)`;
const REQUEST_VERB = String.raw`(?:needs?|needed|want|wants|order|reorder|send|add|issue|get|request|requesting)`;

/** `need 6 more`, `order 2 bx of the`, `send 1 set of`, `needs a case of`: the verb, the count and its unit. */
const VERB_QUANTITY = new RegExp(
  String.raw`\b${REQUEST_VERB}\s+(?:another\s+)?${ORDER_COUNT}\s+(?:more\s+)?(?:${ORDER_UNIT}\s+(?:of\s+)?)?(?:(?:the|those|these)\s+)?(?=[a-z0-9])`,
  'gi',
);
/** `6 more`: how many more, never a size or a pack count. */
const MORE_QUANTITY = /\b\d{1,4}\s+more\b/gi;
/** A count after a separator or a request verb at the end of the line or before a bracket: `, need 10`, ` - 1 pk`, `send 2 boxes?`, `, 1 box (6x3ml)` (never `ct-1`). */
const TRAILING_QUANTITY = new RegExp(
  String.raw`(?:[,;:]|\s[-–]|\b${REQUEST_VERB})\s*\d{1,4}\s*(?:${ORDER_UNIT}\b)?(?=[\s?.!]*(?:\(|$))`,
  'gi',
);
/** Ward, theatre, bay and bed names: `OR 4`, `theatre 2`, `ward 7B`, `bed 12`, `L&D 12`. */
const WARD_NAME =
  /\b(?:(?:in|on|at|from)\s+)?(?:(?:ward|unit|bay|bed|room|theatre|theater|OR|pod)\s?\d{1,3}[A-Z]?|L\s?&\s?D(?:\s?\d{1,3})?)\b/gi;
/** A unit named by its acronym after a preposition: `for ED`, `in ICU`, `to A&E`, `from theatres` (never a bare `ER`, a release form). */
const UNIT_ACRONYM =
  /\b(?:in|on|at|from|for|to)\s+(?:the\s+)?(?:ICU|NICU|PICU|CCU|HDU|PACU|SCBU|NNU|MAU|AMU|ED|ER|A\s?&\s?E|OR|theatres?|recovery|maternity|outpatients|dialysis|endoscopy|cath lab|resus|majors|minors)\b/gi;
/** A US ward named by floor and wing, `4W`, `3N`, `6S` — upper-case wing letter, at the start or after on / in / at. */
const FLOOR_WING = /(?:^|\b(?:on|in|at|from|to)\s+)\d{1,2}[NSEW]\b/g;
/** Who the item is for, a doctor or a nurse by name: `for dr patel`. */
const FOR_PERSON = /\bfor\s+(?:(?:dr|doctor|nurse|mr|mrs|ms|prof)\.?\s+[a-z'-]+|(?:the\s+)?(?:pt|patient|pts|patients)\b)/gi;
/** How many of the product at the end of the request: `hibiclens 4oz x 12`, `gauze 4x4 × 10` (a count after a space, never `4x4`). */
const TIMES_QUANTITY = /\s[x×]\s?\d{1,3}\s*$/i;
/** What for, at the end of the line: `for the robot room`, `for tomorrows hip list`, `to the clinic order`. */
const PURPOSE_CLAUSE =
  /\s(?:for|to)\s+(?:the\s+(?:new\s+)?|tomorrow'?s?\s+|today'?s?\s+|tonight'?s?\s+|our\s+|my\s+|this\s+|next\s+)(?:[a-z&'-]+\s*){1,4}$/i;
/**
 * A sign-off at the end: `, thanks`, `thank you!`, `cheers - Sam`; an e-mail's (items24free, item-3.48.0) with its
 * writer's name and the role or team in brackets after it (`Many thanks, Rosie (Band 7, Emergency Department)`,
 * `Thanks a million, Aoife`, `Kind regards, Fiona`, `Ngā mihi, Tama`: the New Zealand sign-off).
 */
const SIGN_OFF =
  /[\s,.;!-]*\b(?:thanks(?:\s+(?:a\s+million|so\s+much|again|in\s+advance))?|thank\s+you(?:\s+so\s+much)?|thx|ty|cheers|regards|kind regards|best regards|warm regards|best wishes|many thanks|ng[aā]\s+mihi)\b(?:[\s,.;!-]+[a-z]+){0,2}(?:\s*\([^()]*\))?[\s.!]*$/i;
/** A greeting with the name of whom it greets before a comma, opening a message: `Hi Jan,`, `Hi both,`, `Kia ora Sam,`, `Dear stores,`. */
const GREETING_NAME =
  /(^|\|)\s*(?:hi|hiya|hello|hey|dear|morning|good\s+(?:morning|afternoon|evening)|kia\s+ora)(?:\s+[a-z]+){0,2}\s*,\s*/i;
/**
 * A caller or writer naming themselves (items24free, item-3.48.0): `it's Dan`, `this is Sarah` — the opening of a voicemail,
 * a dictated note and a phone message: at the start, after a greeting or a label (`Hi, it's Dan`), never mid-sentence
 * (`the one we want, it's Mepilex` names the product).
 */
const SELF_NAME =
  /(^|[|:]|\b(?:[Hh]i|[Hh]ello|[Hh]ey|[Mm]orning|[Aa]fternoon)[\s,]*)\s*(?:[Ii]t'?s|[Ii]t’s|[Ii]t\s+is|[Tt]his\s+is)\s+[A-Z][a-z]+\b/g;
/**
 * What the request is NOT for (items24free, item-3.48.0): `rather than cutting the 2.5 cm rolls`, `instead of borrowing
 * from ED`, `(not the square ones)`, `we only have the 1 inch ones left and they are too long` — a request names the
 * variant it wants beside the one it does not, and the other variant's size read as this one's conflicts with it.
 * Out to the end of its clause (a comma, a full stop, a bracket or the end).
 */
const CONTRAST_CLAUSE =
  /\b(?:rather\s+than|instead\s+of)\b(?:[^,.;()|]|\.(?=\d))*|\(\s*not\s+the\b[^()]*\)|\b(?:we|i)\s+(?:only\s+)?(?:have|got)\s+(?:only\s+)?(?:the\s+)?(?:[^,.;()|]|\.(?=\d))*?\bleft\b(?:[^,.;()|]|\.(?=\d))*/gi;
/** A requester before a colon or a dash that opens the request: `IT ticket:`, `chem lab -`, `sexual health clinic:`. */
const REQUESTER_PREFIX =
  /^\s*(?:[a-z0-9&'/]+\s+){0,4}[a-z0-9&'/]+\s*(?::|\s-\s|\s–\s)\s*(?=(?:hi|hello|hey|pls|plz|please|can|could|need|needs|running|out|we|i|our|low|reorder|order|send|the|a|down|anyone|someone|does)\b(?!-))/i;
/** Who asks before the request verb, when it names a place or a person: `mom in L&D 12 needs`, `front desk needs`. */
const SUBJECT_BEFORE_VERB =
  /^\s*(?:[a-z0-9&'/]+\s+){0,5}?(?=(?:needs?|is out of|are out of|is running low|are running low|has expired|have expired)\b)/i;
const PLACE_OR_PERSON =
  /(?:^|\s)(?:\d{1,2}[NSEW]|OR\s?\d+|L\s?&\s?D|ICU|NICU|PICU|CCU|HDU|PACU|ED|ER|ward|unit|clinic|lab|desk|theatre|theater|room|bay|bed|hire|starter|nurse|mom|mum|patient|dr|doctor|team|office|reception|floor|aed|in|on|at|pharmacy|stores|porters?|it|helpdesk|therapy|physio)(?=\s|$)/i;

/** A chat request's writer introducing the team, `endo unit here -`, `pharmacy here:`, `ED here,` (Teams / Slack / WhatsApp convention). */
const CHAT_SELF_INTRO = /^\s*(?:[a-z0-9&'/]+\s+){0,3}here\s*[-–:,]\s*/i;
/** What the item is needed for, to the end of the sentence: `need it for an NG tube fixation`, `need them to hold a dressing`. */
const NEEDED_FOR = /\bneed(?:ed|s)?\s+(?:it|them|one|these|those)\s+(?:for|to)\b[^.?!;]*/gi;

/** Who writes a note, before a colon: `chem lab:`, `hand clinic:`, `4 west:` — dropped when it names a place or a team (PLACE_OR_PERSON). */
const NOTE_WRITER = /^\s*(?:[a-z0-9&'/]+\s+){0,2}[a-z0-9&'/]+\s*:\s/i;

/** The requester before a colon, or before a dash when it names a place or a person (`chem lab -`); never the product (`green wipes - need more`). */
function withoutRequester(text: string): string {
  const requester = REQUESTER_PREFIX.exec(text);
  if (!requester) return text;
  return requester[0].includes(':') || PLACE_OR_PERSON.test(requester[0].replace(/\s[-–]\s*$/, ''))
    ? text.slice(requester[0].length)
    : text;
}

function withoutNoteWriter(text: string): string {
  const writer = NOTE_WRITER.exec(text);
  return writer && PLACE_OR_PERSON.test(writer[0].replace(/:\s*$/, '')) ? text.slice(writer[0].length) : text;
}

/**
 * The canonical names of the `requestChatter` entries that list a form's field labels (item-3.40.0), never chatter words
 * of their own: a label is read only before a colon in a form answer (`formFieldReader`).
 */
const FORM_CONTEXT_LABELS = 'form field: who, where, when, why';
const FORM_QUANTITY_LABELS = 'form field: how many';
const FORM_PRODUCT_LABELS = 'form field: the product';
/** Since requestChatter-1.2.0 (item-3.43.0): the labels that name the item itself (`Item`, `Product`, `Instrument`, `Consumable used`). */
const FORM_ITEM_LABELS = 'form field: the item';
/**
 * A bare `Name`: the item's in an inventory entry or a lab system's row (Benchling, Quartzy, a LIMS: `Name: … | Location:
 * … | Qty: …`), the requester's in a request form that names the item in another field (`Name: … | Item needed: …`).
 */
const FORM_NAME_LABELS = 'form field: a name (the item unless another field names it)';
const FORM_LABEL_ENTRIES: ReadonlySet<string | undefined> = new Set([
  FORM_CONTEXT_LABELS,
  FORM_QUANTITY_LABELS,
  FORM_PRODUCT_LABELS,
  FORM_ITEM_LABELS,
  FORM_NAME_LABELS,
]);
const isFormLabelEntry = (canonical: string | undefined): boolean => FORM_LABEL_ENTRIES.has(canonical);

/**
 * A form answer or a labelled record written on one line (item-3.40.0): two `Label: value` fields or more apart by `|`,
 * `;` or a line break — a Microsoft / Google Forms stock request (`Item needed: … | Size/type: … | How many: 1 box |
 * Dept: ED`), a service-desk ticket's fields, a lab ordering system's row (`Item: … | Vendor: … | Qty: 1`), a
 * register's extract (`Device name: … | Device identifier: …`). The cheap test: two colons and a separator.
 */
const HAS_FORM_FIELDS = /:[^:]*[|;\n][^:]*:/;
/** One field: its label (a few words before the colon, at the start or after a separator) and its value up to the next separator. */
const FORM_FIELD = /(^|[|;\n])\s*(\p{L}[\p{L}\p{N} #/&.'’()-]{0,40}?)\s*\??\s*:\s*([^|;\n]*)/gu;
/** An order quantity opening a how-many answer: `1 box`, `2 kits`, `3`, `x2`, `a case` (what follows, `of 12`, stays: a count per pack). */
const ANSWERED_COUNT = new RegExp(
  String.raw`^\s*(?:about\s+|approx\.?\s+)?(?:x\s?)?${ORDER_COUNT}\s*(?:x\s*)?(?:${ORDER_UNIT}\b)?\s*`,
  'i',
);
/** What a product answer says it is for, at its end: `for the diathermy`, `for labelling specimen pots`, `for our printer` (the use, not the product). */
const ANSWER_PURPOSE = /\s+for\s+(?:the|our|my|a|an|use|use\s+in|use\s+on|[a-z]+ing)\b[^|;\n]*$/i;

/** A number with its unit or inch mark (`2GB`, `2.7 mL`, `7.5cm x 1m`, `9"`): a size answer that says what it measures, read without the word `size` (`size 2GB` was size 2). */
const MEASURED_VALUE = /\d\s?(?:[A-Za-z]{1,3}\b|["”])/;

/** Upper-case label words, single-spaced, for looking a label up. */
const labelKey = (label: string): string =>
  label
    .toUpperCase()
    // Accented and other Latin letters as their base letter (Turkmen `Ölçeg birligi`, `Mukdary`; items27text).
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Z0-9#/&]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();

/** A how-many answer without its order count: `2 kits` → ``, `1 box of 12` → `box of 12` (the count per pack stays). */
function withoutAnsweredCount(value: string): string {
  const count = ANSWERED_COUNT.exec(value);
  if (!count) return value;
  const rest = value.slice(count[0].length);
  // `3 packs of 50` is a pack of 50: the unit in the singular, as the count-per-pack patterns read it.
  return /^of\b/i.test(rest) ? value.replace(ANSWERED_NUMBER, '').replace(PLURAL_UNIT, '$1$2') : rest;
}
const PLURAL_UNIT = /^(box)es\b|^([a-z]+?)s\b/i;
const ANSWERED_NUMBER = new RegExp(String.raw`^\s*(?:about\s+|approx\.?\s+)?(?:x\s?)?${ORDER_COUNT}\s*(?:x\s*)?`, 'i');

/**
 * A form answer's fields read as the product's words (the text itself when it has no form fields): the values of the
 * fields about who asks, where, when and why (`Dept`, `Ward`, `Requested by`, `Reason`, `Needed by`: the table's
 * `form field: who, where, when, why` entry) out with their labels; the order count of a how-many field (`How many`,
 * `Qty`) out, a count per pack after it kept (`1 box of 12` → `box of 12`); the labels of the fields about the product
 * (`Item needed`, `Description`, `Vendor`, `Device name`) out, a size label read as the word `size` (the size
 * extractors read `size 7`); what a product answer says it is for out (`for the diathermy`). Labels the table does not
 * list stay with their values: a label can be a product word (`Needle: SH`).
 */
export function formFieldReader(table: AliasTable | undefined): (text: string) => string {
  const labelsOf = (canonical: string): Set<string> =>
    new Set((table?.entries ?? []).filter((entry) => entry.canonical === canonical).flatMap((entry) => entry.variants.map(labelKey)));
  const context = labelsOf(FORM_CONTEXT_LABELS);
  const quantity = labelsOf(FORM_QUANTITY_LABELS);
  const item = labelsOf(FORM_ITEM_LABELS);
  const product = new Set([...labelsOf(FORM_PRODUCT_LABELS), ...item]);
  const name = labelsOf(FORM_NAME_LABELS);
  const isListed = (key: string): boolean => context.has(key) || quantity.has(key) || product.has(key) || name.has(key);
  // A label offering alternatives (`Department / Unit`, `Reason / notes`) not listed as a whole is read by its first, as a form's reader does.
  const listedKey = (key: string): string => (isListed(key) || !key.includes('/') ? key : (key.split('/')[0] ?? key));
  return (text) => {
    if (!HAS_FORM_FIELDS.test(text)) return text;
    let fields = 0;
    let namesItem = false;
    for (const field of text.matchAll(FORM_FIELD))
      if (item.has(listedKey(labelKey(field[2] ?? ''))) && /\p{L}{3}/u.test(field[3] ?? '')) namesItem = true;
    const read = text.replace(FORM_FIELD, (whole: string, separator: string, label: string, value: string) => {
      const key = listedKey(labelKey(label));
      const answer =
        context.has(key) || (namesItem && name.has(key))
          ? ''
          : name.has(key)
            ? value
            : quantity.has(key)
              ? withoutAnsweredCount(value)
              : product.has(key)
                ? `${key.includes('SIZE') && !MEASURED_VALUE.test(value) ? 'size ' : ''}${value.replace(ANSWER_PURPOSE, '')}`
                : undefined;
      if (answer === undefined) return whole;
      fields++;
      return `${separator} ${answer}`;
    });
    if (fields < 2) return text;
    if (!namesItem) return read;
    // A form prints its header (title, number, requester) before its fields: only cells before the item's field are context.
    const itemField = [...text.matchAll(FORM_FIELD)].find((field) => item.has(listedKey(labelKey(field[2] ?? ''))));
    return withoutContextCells(read, text, text.slice(0, itemField?.index ?? 0).split('|').length - 1);
  };
}

/**
 * A form's cells without a label when a field names the item (items27text, item-3.52.0): a SharePoint / Microsoft Lists
 * or Airtable row, a prior-authorisation request, a requisition form in any language (`Takardar Neman Kayayyaki Na
 * 719/2026 | <hospital> - <department> | Kaya: … | Yawa: 7`) and a donation list (`DonorsChoose | Project: … | <school>,
 * <town>, <state> | Grades 9-12 | Resource: … | Fully funded Oct 10`) print the form's title and number, the requester's
 * hospital, school or department and the request's state in cells of their own; the item is in its field. Those cells
 * are shared by the unrelated items one requester asks for (one school's or one hospital's name) and absent from every
 * catalogue line: they carry no weight. A cell holding a measure or a size word is kept (it may be the variant).
 * `read` is the form as the field reader wrote it; the cells are found in the written `text` (same cell order).
 */
function withoutContextCells(read: string, text: string, beforeCell: number): string {
  return withUnlabelledCellsBlanked(read, text, beforeCell) ?? read;
}

/** A `requestChatter` table as one pattern, longest phrase first; words apart by spaces or hyphens (none: a pattern matching nothing). */
function chatterPatternOf(table: AliasTable | undefined): RegExp {
  const variants = (table?.entries ?? [])
    .filter((entry) => !isFormLabelEntry(entry.canonical))
    .flatMap((entry) => entry.variants)
    .sort((x, y) => y.length - x.length)
    .map((variant) =>
      variant
        .split(/\s+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(String.raw`[\s'’-]+`),
    );
  if (variants.length === 0) return /(?!)/g;
  // A word glued to a hyphen is part of a compound (`i-gel`, `x-ray`, `re-order`): never a chatter word.
  return new RegExp(String.raw`(?<![A-Za-z0-9]|[A-Za-z0-9]-)(?:${variants.join('|')})(?![A-Za-z0-9]|-[A-Za-z0-9])`, 'gi');
}

/**
 * A social post (items25free, item-3.50.0): Reddit, Lemmy and forum exports name the community and the writer by a
 * handle — `r/nursing`, `u/medic_on_nights`, `Posted by u/…` — and forums by a breadcrumb of the site and its boards
 * (`allnurses.com > Wound Care`). Such a post names a product in a sentence among opinions and questions (`anyone
 * used`, `IMO`, `lol`), so it is read as a request line: the table's chatter words and function words out.
 */
const SOCIAL_POST_CUE = /(?:^|\|)\s*r\/[A-Za-z0-9_]{3,}\s*(?:\||$)|\bposted by\s+u\/[A-Za-z0-9_-]{3,}/i;
/**
 * A handle and who posted: `r/ems`, `Posted by u/throwaway_medic`, `u/legulcer_rn9` (the community and the writer, never
 * the product) — in lower case as Reddit writes them, three characters at least, and never a unit's denominator (`5000
 * u/mL`, `u/kg`, `r/min`: ward lines write doses so).
 */
const SOCIAL_HANDLE =
  /(?:\b[Pp]osted by\s+)?(?<![A-Za-z0-9/])[ru]\/(?!(?:ml|l|dl|kg|g|mg|mcg|hr|h|min|day|dose|vial|amp|unit)s?\b)[A-Za-z0-9_-]{3,}/g;
const FORUM_BREADCRUMB = /^\s*[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|co\.uk|info)\s*>[^|]*/i;

/**
 * A request form's title and its own number (`Isicelo sezimpahla KZN-SR-60419`, `Stock request SR-2291`, `Supply
 * requisition 44/2026`, `Indent No. 118`): the form names itself as an order names itself (transactionReferences.ts), and
 * its number is no product code. isiZulu `isicelo (sezimpahla)` is a request (for supplies); an indent is the
 * requisition of South Asian and British public stores; Kinyarwanda `ifishi isaba ibikoresho` and Somali `foomka codsiga agabka`
 * (a form requesting supplies) title Rwandan and Somali requisitions (items26text).
 */
const REQUEST_FORM_REFERENCE =
  /\b(?:isicelo(?:\s+sezimpahla)?|ifishi\s+isaba\s+ibikoresho|foomka\s+codsiga(?:\s+agabka)?|(?:stock|supply|supplies)\s+(?:request|requisition)|indent)(?:\s*(?:no\.?|#|:))?\s*(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*/gi;

/** Where a post's sentences and cells end: after `.`, `?` or `!` before a space, and at a cell separator. */
const POST_SENTENCE_END = /(?<=[.?!])\s+(?=\S)|\s*\|\s*/;
/**
 * A sentence that can name a product: one holding a digit (a size, a count, a model number) or a name — a word after
 * the sentence's first one that starts with a capital letter (a brand or a maker: `moved to Actico`, `the LoFric
 * Origo`; the pronoun `I` is none). A post's other sentences are the writer's experience and questions (`Patients
 * tolerate it better at night.`, `Anyone found a trick?`, `Check yours.`), no product's words.
 */
const PRODUCT_SENTENCE = /\d|\s(?!I(?:'|\s|$))[A-Z][A-Za-z]/;

/** A social post without its sentences that name nothing after its title (the post itself when all name something). */
function withoutOpinionSentences(post: string): string {
  const sentences = post.split(POST_SENTENCE_END).filter((sentence) => /[A-Za-z0-9]/.test(sentence));
  // The first is the post's title, which names what the post is about: kept.
  const naming = sentences.filter((sentence, index) => index === 0 || PRODUCT_SENTENCE.test(sentence));
  return naming.length === 0 || naming.length === sentences.length ? post : naming.join(' | ');
}

/**
 * A person mentioned by handle (`@Dana can you…`, `cc @jsmith`): the mention convention of Trello, Slack, Teams, GitHub
 * and social posts names who should act, never the product. Not an e-mail address (a letter or digit before the `@`)
 * nor a price or rate (`@ 10`, `@$5`: a letter must follow).
 */
const MENTION = /(?<![A-Za-z0-9._%+-])@[A-Za-z][A-Za-z0-9_.-]*/g;

/**
 * A grant's budget line (items27text, item-3.52.0): an NIH / NSF / foundation budget justification, a research or
 * school grant's itemised budget names each purchase as `<heading>: <product> for <purpose>: <n> <units> x $<unit cost>
 * = $<total>. <where the price comes from>` — `Budget Justification - Year 1 - Materials and Supplies: … for the
 * free-living arm: 180 sensors x $65.00 = $11,700.00. Quoted from the current vendor price list.` The heading, the
 * purpose, the cost arithmetic and the price's source are the proposal's words, shared by every line of one budget and
 * by no catalogue line. Cue: a budget heading, or a cost written as count × price = total.
 */
const BUDGET_LINE_CUE =
  /\bbudget\s+(?:justification|narrative|line|item|request)\b|\d\s*(?:x|×|@)\s*[$£€]\s?\d[\d,.]*\s*(?:each\s*)?=\s*[$£€]/i;
/** A budget's heading up to its colon: `Budget Justification - Year 1 - Materials and Supplies:`, `Budget line 4 (Equipment):`. */
const BUDGET_HEADING = /(^|\|)[^|:]*?\bbudget\s+(?:justification|narrative|line|item|request)\b[^|:]*:\s*/gi;
/** The cost arithmetic: `180 sensors x $65.00 = $11,700.00`, `$4.20 x 27 = $113.40`, `30 boards @ $20 each = $600`. */
const BUDGET_ARITHMETIC =
  /:?\s*(?:\d[\d,]*\s+[\p{L}-]+(?:\s[\p{L}-]+)?\s*(?:x|×|@)\s*[$£€]\s?\d[\d,.]*|[$£€]\s?\d[\d,.]*\s*(?:x|×)\s*\d[\d,]*(?:\s+[\p{L}-]+)?)\s*(?:each|per\s+\p{L}+)?\s*=\s*[$£€]\s?\d[\d,]*(?:\.\d+)?\.?/giu;
/** What a budget line's item is for, before the colon of its arithmetic: `… for the free-living arm:`, `… to replace breakage in the teaching lab:`. */
const BUDGET_PURPOSE =
  /\s(?:for|to|used\s+(?:as|for|in)|needed\s+(?:for|to))\s[^:|]*(?=:\s*(?:\d[\d,]*\s+[\p{L}-]+(?:\s[\p{L}-]+)?\s*(?:x|×|@)|[$£€]))/giu;
/** Where a budget's price comes from: `Quoted from the current vendor price list.`, `Pricing based on the 2026 catalogue.` */
const PRICE_SOURCE =
  /(?<=^|[.!|]\s*)(?:quoted|priced|pricing|prices?|costs?|based)\b[^.|]*\b(?:quotes?|price|prices|catalog(?:ue)?|list|vendor|supplier|website)\b[^.|]*\.?/gi;

function withoutBudgetWording(text: string): string {
  return text.replace(BUDGET_HEADING, '$1 ').replace(BUDGET_PURPOSE, ' ').replace(PRICE_SOURCE, ' ').replace(BUDGET_ARITHMETIC, ' ');
}

/** True when `text` reads as a free-text request to stores (a request word in it), a social post, a record line (recordLines.ts), a shopper's line or a budget line. */
export function isRequestLine(text: string): boolean {
  return (
    REQUEST_CUE.test(text) ||
    NOTE_CUE.test(text) ||
    SOCIAL_POST_CUE.test(text) ||
    isRecordLine(text) ||
    isShopperLine(text) ||
    BUDGET_LINE_CUE.test(text)
  );
}

/**
 * The rewrite `requestChatter` with the chatter words of `table` (a rule set's published version of `requestChatter`:
 * textRewrites.ts and the `requisitionText` normaliser build one per version, so an analyst's edit reaches it).
 */
export function requestChatterRemover(table: AliasTable | undefined): (text: string) => string {
  const words = chatterPatternOf(table);
  const readFormFields = formFieldReader(table);
  return (text) => {
    const read = readFormFields(withoutNguniNumberPrefixes(text));
    return withoutChatter(read, words);
  };
}

let shipped: ((text: string) => string) | undefined;

/** `text` with the chatter of a request to stores out (the text itself when it is no request), by the shipped table. */
export function withoutRequestChatter(text: string): string {
  shipped ??= requestChatterRemover(shippedAliasTables().get('requestChatter'));
  return shipped(text);
}

function withoutChatter(text: string, chatterWords: RegExp): string {
  const isNote = NOTE_CUE.test(text);
  const isRecord = isRecordLine(text);
  const isSocialPost = SOCIAL_POST_CUE.test(text);
  const isShopper = isShopperLine(text);
  const isBudget = BUDGET_LINE_CUE.test(text);
  if (!isNote && !isRecord && !isSocialPost && !isShopper && !isBudget && !REQUEST_CUE.test(text)) return text;
  let out = isRecord ? withoutRecordNarrative(text) : text;
  if (isBudget) out = withoutBudgetWording(out);
  if (isShopper) out = withoutShopperChatter(out);
  out = out.replace(SIGN_OFF, ' ');
  if (isSocialPost) out = withoutOpinionSentences(out.replace(FORUM_BREADCRUMB, ' ').replace(SOCIAL_HANDLE, ' '));
  if (out.includes('@')) out = out.replace(MENTION, ' ');
  out = out.replace(REQUEST_FORM_REFERENCE, ' ');
  if (isNote) out = withoutNoteWriter(out);
  out = withoutRequester(out.replace(CHAT_SELF_INTRO, '').replace(GREETING_NAME, '$1 '));
  if (out.includes('s ') || out.includes('is ')) out = out.replace(SELF_NAME, '$1 ');
  if (/\b(?:than|instead|not the|left)\b/i.test(out)) out = out.replace(CONTRAST_CLAUSE, ' ');
  const subject = SUBJECT_BEFORE_VERB.exec(out);
  if (subject && subject[0].trim() && PLACE_OR_PERSON.test(subject[0])) out = out.slice(subject[0].length);
  out = out
    .replace(TRAILING_QUANTITY, ' ')
    .replace(FLOOR_WING, ' ')
    .replace(WARD_NAME, ' ')
    .replace(UNIT_ACRONYM, ' ')
    .replace(FOR_PERSON, ' ')
    .replace(VERB_QUANTITY, ' ')
    .replace(MORE_QUANTITY, ' ')
    .replace(NEEDED_FOR, ' ')
    .replace(PURPOSE_CLAUSE, ' ')
    .replace(TIMES_QUANTITY, ' ');
  // After the purpose clause: `for the vitros low, 1 left` must not leave `for the vitros` at the end of the line.
  out = out
    .replace(STOCK_LEFT, ' ')
    .replace(STOCK_STATE, ' ')
    .replace(STORE_PLACE, ' ')
    .replace(FOR_PLACE, ' ')
    .replace(EARLIER_ORDER, ' ')
    .replace(NOTE_TIMES, ' ')
    .replace(NEW_THING, ' ')
    .replace(SIZE_WORD_BEFORE_MEASURE, ' ');
  out = out.replace(chatterWords, ' ').replace(TRAILING_QUANTITY, ' ');
  // A request made only of chatter keeps its words: nothing else would describe it.
  return /[A-Za-z]{2}/.test(out) ? out : text;
}
