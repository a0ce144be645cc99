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

/** A request word: a line without one is no request and is returned as it is. */
const REQUEST_CUE =
  /\b(?:needs?|needed|pls|plz|please|thanks|thank you|thx|cheers|can you|could you|can we|running low|out of|reorder|hi|hello|asap)\b/i;

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
  /\b(?:in|on|at|from|for|to)\s+(?:the\s+)?(?:ICU|NICU|PICU|CCU|HDU|PACU|SCBU|NNU|MAU|AMU|ED|ER|A\s?&\s?E|OR|theatres?|recovery|maternity|outpatients|dialysis|endoscopy|cath lab)\b/gi;
/** A US ward named by floor and wing, `4W`, `3N`, `6S` — upper-case wing letter, at the start or after on / in / at. */
const FLOOR_WING = /(?:^|\b(?:on|in|at|from|to)\s+)\d{1,2}[NSEW]\b/g;
/** Who the item is for, a doctor or a nurse by name: `for dr patel`. */
const FOR_PERSON = /\bfor\s+(?:dr|doctor|nurse|mr|mrs|ms|prof)\.?\s+[a-z'-]+/gi;
/** How many of the product at the end of the request: `hibiclens 4oz x 12`, `gauze 4x4 × 10` (a count after a space, never `4x4`). */
const TIMES_QUANTITY = /\s[x×]\s?\d{1,3}\s*$/i;
/** What for, at the end of the line: `for the robot room`, `for tomorrows hip list`, `to the clinic order`. */
const PURPOSE_CLAUSE =
  /\s(?:for|to)\s+(?:the\s+(?:new\s+)?|tomorrow'?s?\s+|today'?s?\s+|tonight'?s?\s+|our\s+|my\s+|this\s+|next\s+)(?:[a-z&'-]+\s*){1,4}$/i;
/** A sign-off at the end: `, thanks`, `thank you!`, `cheers - Sam`. */
const SIGN_OFF = /[\s,.;!-]*\b(?:thanks|thank you|thx|ty|cheers|regards|kind regards|many thanks)\b(?:[\s,.;!-]+[a-z]+)?[\s.!]*$/i;
/** A requester before a colon or a dash that opens the request: `IT ticket:`, `chem lab -`, `sexual health clinic:`. */
const REQUESTER_PREFIX =
  /^\s*(?:[a-z0-9&'/]+\s+){0,4}[a-z0-9&'/]+\s*(?::|\s-\s|\s–\s)\s*(?=(?:hi|hello|hey|pls|plz|please|can|could|need|needs|running|out|we|i|our|low|reorder|order|send|the|a)\b)/i;
/** Who asks before the request verb, when it names a place or a person: `mom in L&D 12 needs`, `front desk needs`. */
const SUBJECT_BEFORE_VERB =
  /^\s*(?:[a-z0-9&'/]+\s+){0,5}?(?=(?:needs?|is out of|are out of|is running low|are running low|has expired|have expired)\b)/i;
const PLACE_OR_PERSON =
  /(?:^|\s)(?:\d{1,2}[NSEW]|OR\s?\d+|L\s?&\s?D|ICU|NICU|PICU|CCU|HDU|PACU|ED|ER|ward|unit|clinic|lab|desk|theatre|theater|room|bay|bed|hire|starter|nurse|mom|mum|patient|dr|doctor|team|office|reception|floor|aed|in|on|at)(?=\s|$)/i;

/** A `requestChatter` table as one pattern, longest phrase first; words apart by spaces or hyphens (none: a pattern matching nothing). */
function chatterPatternOf(table: AliasTable | undefined): RegExp {
  const variants = (table?.entries ?? [])
    .flatMap((entry) => entry.variants)
    .sort((x, y) => y.length - x.length)
    .map((variant) =>
      variant
        .split(/\s+/)
        .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join(String.raw`[\s'’-]+`),
    );
  if (variants.length === 0) return /(?!)/g;
  return new RegExp(String.raw`(?<![A-Za-z0-9])(?:${variants.join('|')})(?![A-Za-z0-9])`, 'gi');
}

/** True when `text` reads as a free-text request to stores (a request word in it). */
export function isRequestLine(text: string): boolean {
  return REQUEST_CUE.test(text);
}

/**
 * The rewrite `requestChatter` with the chatter words of `table` (a rule set's published version of `requestChatter`:
 * textRewrites.ts and the `requisitionText` normaliser build one per version, so an analyst's edit reaches it).
 */
export function requestChatterRemover(table: AliasTable | undefined): (text: string) => string {
  const words = chatterPatternOf(table);
  return (text) => withoutChatter(text, words);
}

let shipped: ((text: string) => string) | undefined;

/** `text` with the chatter of a request to stores out (the text itself when it is no request), by the shipped table. */
export function withoutRequestChatter(text: string): string {
  shipped ??= requestChatterRemover(shippedAliasTables().get('requestChatter'));
  return shipped(text);
}

function withoutChatter(text: string, chatterWords: RegExp): string {
  if (!REQUEST_CUE.test(text)) return text;
  let out = text.replace(SIGN_OFF, ' ');
  out = out.replace(REQUESTER_PREFIX, ' ');
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
    .replace(PURPOSE_CLAUSE, ' ')
    .replace(TIMES_QUANTITY, ' ')
    .replace(chatterWords, ' ')
    .replace(TRAILING_QUANTITY, ' ');
  // A request made only of chatter keeps its words: nothing else would describe it.
  return /[A-Za-z]{2}/.test(out) ? out : text;
}
