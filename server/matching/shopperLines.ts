/**
 * What shoppers write about a product they bought or sell (items26text, item-3.51.0): a customer review copied out of a
 * web shop (`★★★★☆ 4.0 out of 5 stars | title | Reviewed in Canada on 3 September 2026 | Size: Pedi | Verified
 * Purchase | text`: Amazon, Walmart, Bazaarvoice and Judge.me / Yotpo widgets), a classified listing (`Facebook
 * Marketplace | Boise, ID | $8 | title | text`: Kijiji, Gumtree, Craigslist, OfferUp, Marktplaats, leboncoin, Trade Me…)
 * and a web shop's order-confirmation e-mail (`Subject: Order #40211 confirmed | … thanks for your order! | 1 x … |
 * Subtotal: …`: Shopify's, WooCommerce's and BigCommerce's notification templates). Each names the product in a variant
 * line, a title or one sentence among a rating, a place, a price, the shop's boilerplate and the writer's opinion. Those
 * words are rare in an item master, so an idf-weighted comparison of the text with its catalogue line weighed them as
 * much as the brand: such records were neither merged nor put before a steward.
 *
 * `isShopperLine` is the cheap gate (a rating, a review's `Verified Purchase` / `Reviewed in … on`, a marketplace's name
 * opening a cell or a seller's `pick up only` / `OBO`, an order's `Order #… confirmed` / `thanks for your order`);
 * `withoutShopperChatter` drops the shapes below. The words left for the `requestChatter` table (requestLines.ts reads
 * it after this) are its `customer review`, `classified listing` and `order e-mail` entries. Hand-written: these are
 * page layouts, no library reads them; what it drops only ever lowers the evidence of words that were never the product's.
 */

/** A review: a star rating, Amazon's `Reviewed in <country> on <date>`, a verified-purchase badge, a helpfulness count. */
const REVIEW_CUE =
  /[★☆⭐]|\bout of 5 stars?\b|\brated \d(?:[.,]\d)? out of 5\b|\bverified (?:purchase|buyer|reviewer|owner)\b|\breviewed in\b[^|]{1,60}\bon\b|\bfound this (?:review )?helpful\b/i;
/** A marketplace's name opening a cell, or a seller's terms (`pick up only`, `collection only`, `OBO` / `ONO`: or best / nearest offer). */
const LISTING_CUE =
  /(?:^|\|)\s*(?:facebook marketplace|marketplace|kijiji|gumtree|craigslist|offerup|(?:ebay )?kleinanzeigen|marktplaats|2dehands|leboncoin|wallapop|milanuncios|subito|olx|avito|trade ?me|donedeal|mercari|vinted|carousell|nextdoor|letgo|blocket|finn(?:\.no)?|tori(?:\.fi)?|jofogas|bazos)\s*(?:\||$)|\b(?:pick\s?-?up only|pickup only|collection only|obo|ono|or best offer|or nearest offer|cash only|no lowballers?)\b/i;
/** An order confirmation: the order's number with its state, or the shop's thanks for the order. */
const ORDER_MAIL_CUE =
  /\border\s*(?:#|no\.?|number)\s*:?\s*#?[A-Za-z0-9-]*\d[A-Za-z0-9-]*\s+(?:is\s+|has\s+(?:been\s+)?)?(?:confirmed|received|placed|shipped|dispatched|on its way|delivered)\b|\b(?:thanks|thank you) for (?:your|the) (?:order|purchase)\b|\border confirmation\b/i;

/** A star rating: the stars, `4.0 out of 5 stars`, `Rated 4 out of 5`, `5/5 stars`. */
const STAR_RATING = /[★☆⭐]+|\b(?:rated\s+)?\d(?:[.,]\d)?\s*(?:out of|\/)\s*5(?:\s*stars?)?\b/gi;
/** Where and when a review was written (`Reviewed in the United States on October 14, 2026`, `Reviewed in Canada on 3 September 2026`), to its cell's end. */
const REVIEW_PLACE_DATE = /\breviewed in\b[^|]*/gi;
/** How many found a review helpful: `12 people found this helpful`, `One person found this helpful`. */
const HELPFUL_COUNT = /\b(?:\d+|one|a)\s+(?:people|person|customers?)\s+found this (?:review )?helpful\b/gi;

/** A marketplace's name as a cell of its own (the site the listing was copied from). */
const LISTING_SITE_CELL =
  /(^|\|)\s*(?:facebook marketplace|marketplace|kijiji|gumtree|craigslist|offerup|(?:ebay )?kleinanzeigen|marktplaats|2dehands|leboncoin|wallapop|milanuncios|subito|olx|avito|trade ?me|donedeal|mercari|vinted|carousell|nextdoor|letgo|blocket|finn(?:\.no)?|tori(?:\.fi)?|jofogas|bazos)\s*(?=\||$)/gi;
/** An asking price as a cell of its own: `$8`, `£5`, `€12,50`, `CA$15`, `15 €`, `Free`, `$20 OBO`. */
const PRICE_CELL =
  /(^|\|)\s*(?:(?:[A-Z]{1,3})?[$£€¥₹]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[$£€¥₹]|kr|zł|eur|usd|gbp|cad|aud|nzd)|free)(?:\s+(?:obo|ono|firm|neg(?:otiable)?))?\s*(?=\||$)/gi;
/**
 * Where a listing's seller is, as a cell of its own: a place and its region after a comma (`Boise, ID`, `Sudbury, ON`,
 * `Leeds, West Yorkshire`, `Adelaide, SA`) — every marketplace prints the seller's town and state or county so.
 */
const PLACE_CELL =
  /(^|\|)\s*\p{Lu}[\p{L}.'’-]*(?:[ -]\p{Lu}[\p{L}.'’-]*){0,3},\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}\s*(?=\|)/gu;

/** An order's number and its state (`Order #40211 confirmed`, `Your order no. 5512 has shipped`): the document's, never the product's. */
const ORDER_REFERENCE =
  /\b(?:your\s+)?order\s*(?:#|no\.?|number)\s*:?\s*#?[A-Za-z0-9-]*\d[A-Za-z0-9-]*(?:\s+(?:is\s+|has\s+(?:been\s+)?)?(?:confirmed|received|placed|shipped|dispatched|on its way|delivered))?/gi;
/** How many of a line were ordered, opening its cell (`1 x SAM Splint`, `2 × Collar`) or closing it (`Collar × 2`): never a dimension (a letter follows or a separator closes). */
const LINE_QUANTITY = /(^|\|)(\s*)\d{1,4}\s?[x×]\s+(?=\p{L})|\s[x×]\s?\d{1,4}\s*(?=\||$)/gu;

/** A cell that is a `Label: value` field (a variant line, `Size: 36 in. Rolled`): kept whole, never split at its abbreviations' dots. */
const FIELD_CELL = /^\s*\p{L}[\p{L}\p{N} /&'’-]{0,40}:\s*\S/u;
/** Where a cell's sentences end: after `.`, `?` or `!` before a space and a capital letter or a digit. */
const SENTENCE_END = /(?<=[.?!])\s+(?=[\p{Lu}\p{N}])/u;
/**
 * A sentence that can name a product: one holding a digit (a size, a count, a model number) or a name — a word after
 * its first one that starts with a capital letter (a brand or a maker: `Sizing the adult Perfit ACE`). A review's or a
 * listing's other sentences are the writer's experience (`Light, folds to anything.`, `Pickup only.`): no product's words.
 */
const NAMING_SENTENCE = /\d|\s(?!I(?:'|’|\s|$))\p{Lu}\p{L}/u;

/**
 * A web shop's product question and answer (items27text, item-3.52.0): Amazon's `Customer questions & answers`, Walmart's,
 * Bazaarvoice's and Yotpo's Q&A widgets print a shopper's question and a seller's or another shopper's answer under the
 * product's title and variant line — `Question: … | Answer: … | By Seller on October 8, 2026 | 13 of 25 found this
 * helpful`, `Q: … A: …`, `Asked by …`, `Answered by …`, `Was this helpful?`. The question and the answer are a shopper's
 * doubt and a seller's reply: they name other variants (`or do I need the 100mm`) and other products (`fit a Welch Allyn
 * otoscope`), never only this one's. Cue: a `Question:` / `Q:` cell followed by an `Answer:` / `A:` one, or the widget's
 * heading.
 */
const QANDA_CUE = /\b(?:customer\s+)?questions?\s*(?:&|and)\s*answers?\b|(?:^|[|\n])\s*(?:Q|Question)\s*:[^|\n]*[|\n]\s*(?:A|Answer)\s*:/i;
/** A Q&A widget's heading, its question and answer cells, who asked or answered and when, and the helpfulness votes. */
const QANDA_CELL =
  /(^|[|\n])\s*(?:(?:customer\s+)?questions?\s*(?:&|and)\s*answers?|(?:Q|Question|A|Answer)\s*:[^|\n]*|(?:asked|answered)\s+(?:by\s+)?[^|\n]*|by\s+[^|\n]{1,60}?\s+on\s+[^|\n]*\d{4}|(?:\d+|one)\s+of\s+\d+\s+(?:(?:people|customers?)\s+)?found\s+this\s+(?:answer\s+)?helpful|was\s+this\s+(?:answer\s+)?helpful\??[^|\n]*)\s*(?=[|\n]|$)/gi;

/** True when `text` reads as a customer review, a product Q&A, a classified listing or an order-confirmation e-mail. */
export function isShopperLine(text: string): boolean {
  return REVIEW_CUE.test(text) || QANDA_CUE.test(text) || LISTING_CUE.test(text) || ORDER_MAIL_CUE.test(text);
}

/** A cell of one to three words without a sentence's punctuation: a variant value its label left (`Blue line`), a badge. */
const SHORT_CELL = /^[^.!?,;]*$/;
const isShortCell = (cell: string): boolean => SHORT_CELL.test(cell) && cell.split(/\s+/).length <= 3;

/**
 * `text`'s cells and sentences that name something (a digit, a name, a `Label:` field). A listing's first cell is its
 * title, which names what is sold: kept. A review's first cell is the reviewer's headline, read as any sentence; its
 * later short cells are the variant values a label left (`Colour: Blue line` read as `Blue line`): kept.
 */
function namingSentences(text: string, isReview: boolean): string {
  const kept: string[] = [];
  let isFirst = true;
  let dropped = false;
  for (const cell of text.split('|')) {
    const written = cell.trim();
    if (!/[\p{L}\p{N}]/u.test(written)) continue;
    const isKept = isFirst ? !isReview : isReview && isShortCell(written);
    const sentences = isKept || FIELD_CELL.test(written) ? [written] : written.split(SENTENCE_END);
    for (const sentence of sentences) {
      const trimmed = sentence.trim();
      if (isKept || NAMING_SENTENCE.test(trimmed)) kept.push(trimmed);
      else dropped = true;
    }
    isFirst = false;
  }
  return dropped && kept.length > 0 ? kept.join(' | ') : text;
}

/** `text` without a review's rating, place and date, a listing's site, place and price, an order's number and line counts, and sentences naming nothing (the text itself when it is no shopper line). */
export function withoutShopperChatter(text: string): string {
  if (QANDA_CUE.test(text)) {
    const read = text.replace(QANDA_CELL, '$1 ');
    return /\p{L}{2}/u.test(read) ? read : text;
  }
  const isReview = REVIEW_CUE.test(text);
  const isListing = !isReview && LISTING_CUE.test(text);
  const isOrderMail = ORDER_MAIL_CUE.test(text);
  if (!isReview && !isListing && !isOrderMail) return text;
  let out = text;
  if (isReview) out = out.replace(STAR_RATING, ' ').replace(REVIEW_PLACE_DATE, ' ').replace(HELPFUL_COUNT, ' ');
  if (isListing) out = out.replace(LISTING_SITE_CELL, '$1 ').replace(PRICE_CELL, '$1 ').replace(PLACE_CELL, '$1 ');
  if (isOrderMail) out = out.replace(ORDER_REFERENCE, ' ');
  out = namingSentences(out, isReview);
  if (isOrderMail)
    out = out.replace(LINE_QUANTITY, (whole: string, separator?: string, space?: string) =>
      separator === undefined ? ' ' : `${separator}${space ?? ''}`,
    );
  return /\p{L}{2}/u.test(out) ? out : text;
}
