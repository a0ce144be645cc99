/**
 * Free-text records that name a product among words about something else (items21text, item-3.43.0): a
 * resuscitation-trolley or emergency-cart check list (`Drawer 2 Airway: … x1 - present, sealed, exp 03/2028 - checked
 * RN`), an anaesthetic or nursing care record (`… inserted 1st attempt, ETCO2 trace present`), a theatre consumables
 * log (`Consumable used: 1 x … - Theatre 2 anaesthetic room`) and a lab-notebook methods sentence (`media stored in
 * … bottles`, `extract filtered through … paper`, `autoclaved before use`). Every EHR check-list module, OR / theatre
 * log, procedure note and electronic lab notebook writes the product this way: the item is the object of a verb of
 * use or of a check, and the words around it are the check's outcome, the storage place, the clinical observation
 * and the date, never the product's.
 *
 * `isRecordLine` is the cheap gate (a check-list outcome, an expiry date, an attempt, a verb of use followed by its
 * preposition); `withoutRecordNarrative` drops the shapes below (a table's words are dropped by the request reader
 * after it: the `requestChatter` entries `check list`, `care record`, `lab notebook`). Lower-case cues only where a
 * catalogue line's upper-case word means a product (`PRESENT` is no catalogue word, but `Sealed` may be a pouch's).
 * Hand-written: a record line is a sentence shape; what it drops only ever lowers the evidence of words that were
 * never the product's.
 */

/** A check list's outcome or a care record's verb of use, in lower case as staff type them (an upper-case catalogue word such as `SEALED` may be a pouch's). */
const RECORD_WORD_CUE =
  /\b(?:present|checked|sealed|in date|intact|restocked|inserted|sited)\b|\b(?:stored|filtered|autoclaved|incubated|centrifuged|dissolved|diluted|collected|transferred|kept)\s+(?:in|into|through|on|at|with|using|before)\b/;
/** An attempt, an expiry date, a log's or a notebook's heading (`Consumable used:`, `Materials:`). */
const RECORD_SHAPE_CUE =
  /\b(?:\d|first|second|third)(?:st|nd|rd|th)?\s+attempt\b|\bexp(?:iry|ires)?\.?:?\s*\d{1,2}[/.-]\d{2,4}\b|^\s*(?:consumables?|instruments?|equipment|devices?)\s+used\s*:|^\s*materials\s*:/i;

/** An expiry date: `exp 03/2028`, `Exp: 3/28`, `expiry 03-2028`, `expires 12.2027`. */
const EXPIRY_DATE = /\bexp(?:iry|ires)?\.?:?\s*(?:date\s*:?\s*)?\d{1,2}[/.-]\d{2,4}\b/gi;
/** Who checked, by initials or a staff title: `checked RN`, `checked by JS`, `signed AB` (the outcome word stays for the table). */
const CHECKED_BY = /\b(checked|signed|initialled|counted)(?:\s+by)?\s+(?:[A-Z]{2,4}|RN|EN|HCA|ODP|CNS)\b/g;
/** Where a check list's item is kept: `Drawer 2`, `shelf B`, `cabinet 2`, `locker 14` (a drawer, shelf or cupboard with its number or letter). */
const STORAGE_PLACE = /\b(?:drawer|shelf|cabinet|cupboard|locker|fridge|freezer|compartment)\s+(?:[0-9]{1,3}[A-Za-z]?|[A-Z])\b/gi;
/** An attempt and its ordinal: `1st attempt`, `second attempt`, `2 attempts`. */
const ATTEMPT = /\b(?:\d{1,2}|first|second|third)(?:st|nd|rd|th)?\s+attempts?\b/gi;
/** A lab-notebook clause before the material: `media stored in`, `extract filtered through`, `cells were grown on` (the subject, the verb, the preposition). */
const METHOD_CLAUSE =
  /(^|[:;,.])\s*(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,2}?(?:(?:was|were|is|are)\s+)?(?:stored|filtered|autoclaved|incubated|centrifuged|dissolved|diluted|collected|transferred|kept|grown|cultured|plated|prepared|sterilised|sterilized)\s+(?:in|into|through|on|at|with|using)\s+/g;
/** A log's heading and the count used: `Consumable used: 1 x`, `Materials:`, `Instruments used:` (the item follows). */
const LOG_HEADING =
  /^\s*(?:(?:consumables?|instruments?|equipment|devices?|materials?)\s+used|materials)\s*:\s*(?:\d{1,3}\s?x\s+(?=[A-Za-z]))?/i;
/** A check list's tally after the item, `size 3 x1 -`, `pink x4,` (the `x` glued to the count, a separator after): never a dimension `3 x 1`. */
const TALLY = /\s[x×]\d{1,3}(?=\s*(?:[-–,;|]|$))/g;
/** A method at the end of a sentence: `, autoclaved before use`, `, sterilised prior to use`. */
const METHOD_TAIL = /,\s*(?:[a-z]+\s+){0,2}?(?:before|prior to)\s+use\b/gi;

/** True when `text` reads as a check list, a care record, a theatre log or a lab-notebook sentence. */
export function isRecordLine(text: string): boolean {
  return RECORD_WORD_CUE.test(text) || RECORD_SHAPE_CUE.test(text);
}

/** `text` without a record's outcome, place, date, attempt and method clause (the text itself when it is no record line). */
export function withoutRecordNarrative(text: string): string {
  if (!isRecordLine(text)) return text;
  return text
    .replace(LOG_HEADING, ' ')
    .replace(EXPIRY_DATE, ' ')
    .replace(TALLY, ' ')
    .replace(CHECKED_BY, '$1 ')
    .replace(STORAGE_PLACE, ' ')
    .replace(ATTEMPT, ' ')
    .replace(METHOD_TAIL, ' ')
    .replace(METHOD_CLAUSE, '$1 ');
}
