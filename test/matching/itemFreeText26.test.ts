/**
 * Items named in customer reviews, form responses, order-confirmation e-mails and classified listings, and in
 * Kinyarwanda, Somali and Tajik requisitions (items26text, item-3.51.0). Lines are written for this test in the
 * conventions of web-shop review widgets, Google / Microsoft Forms response sheets, Shopify / WooCommerce order
 * notifications, marketplace listings and East African and Central Asian stores requisitions, not copied from a corpus;
 * the guard rows say what must stay as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withLatinNumerals } from '../../server/matching/scriptItemText';
import { isShopperLine } from '../../server/matching/shopperLines';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a review, a form response, an order e-mail and a listing are read for their product words', () => {
  test.each([
    // Review widget: the rating, where and when it was written, the badge and the opinion sentences out; the variant
    // line and the sentence naming the product kept.
    [
      '★★★★☆ 4.0 out of 5 stars | Does the job | Reviewed in the United Kingdom on 4 March 2026 | Colour: White | Size: Large | Verified Purchase | Comfortable all shift. The Kendall foam electrodes stick well.',
      ['WHITE', 'LARGE', 'FOAM', 'ELECTRODE'],
      ['REVIEWED', 'KINGDOM', 'MARCH', 'VERIFIED', 'PURCHASE', 'COMFORTABLE', 'SHIFT', 'DOES', 'JOB', 'STAR'],
    ],
    // Google Forms response sheet: the timestamp, address, department and reason out; question labels ending in `?`.
    [
      'Timestamp: 3/14/2026 10:02:11 | Email Address: ward5@example.org | Department / Unit: Ward 5 | What do you need?: Nitrile exam gloves | Size / type: medium | How many?: 4 boxes | Reason / notes: new starters | Urgent?: Yes',
      ['NITRILE', 'EXAM', 'GLOVE'],
      ['TIMESTAMP', 'EMAIL', 'EXAMPLE', 'DEPARTMENT', 'WARD', 'REASON', 'STARTER', 'MANY', 'TYPE', '2026'],
    ],
    // Order-confirmation e-mail: the order's number, the shop's thanks, the line count and the totals out.
    [
      'Subject: Order #5531 confirmed | From: Example Medical Shop | Thank you for your order! We will let you know when it ships. | 2 x Welch Allyn ear tips 4.25 mm (pack of 34) | Subtotal: 18.00 | Shipping: Express | Total: 24.50',
      ['WELCH', 'ALLYN', 'EAR', 'TIP', '4', '25', 'MM'],
      ['5531', 'CONFIRMED', 'THANK', 'SHIP', 'SUBTOTAL', 'SHIPPING', 'EXPRESS', 'TOTAL', '18', '24'],
    ],
    // Classified listing: the site, the seller's town, the price and the seller's terms out; the title kept.
    [
      'Craigslist | Portland, OR | $25 | Littmann Classic III stethoscope black | Barely used Littmann Classic III, black. Moving house. Cash only, pick up only.',
      ['LITTMANN', 'CLASSIC', 'III', 'STETHOSCOPE', 'BLACK'],
      ['CRAIGSLIST', 'PORTLAND', '25', 'MOVING', 'HOUSE', 'CASH', 'PICK'],
    ],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test('a size answer with its unit is read as what it measures, a bare one as a size', () => {
    expect(attributesOf('What do you need?: Raspberry Pi 4 | Size / type: 4GB | How many?: 2')).toMatchObject({
      storageCapacity: ['4 GB'],
    });
    expect(attributesOf('What do you need?: Exam gloves | Size / type: 7 | How many?: 2')).toMatchObject({ size: ['7'] });
  });

  test.each([
    // Guards: catalogue and shop lines are no reviews, listings or order e-mails.
    ['GLOVE EXAM NITRILE PF SM 100/BX', false],
    ['Star wound dressing 10 x 10 cm, box of 10', false],
    ['Order code: 4521 | Exam glove nitrile small', false],
    ['★★★★★ 5.0 out of 5 stars | Great | Size: Small | Verified Purchase', true],
    ['Gumtree | Leeds, West Yorkshire | £5 | Tubigrip size D', true],
    ['Your order #A-2201 has shipped', true],
  ])('guard: %s is a shopper line: %s', (line, isShopper) => {
    expect(isShopperLine(line)).toBe(isShopper);
  });

  test('a catalogue line keeps every word', () => {
    expect(wordsOf('Littmann Classic III Stethoscope, Black, 27 in')).toEqual(
      expect.arrayContaining(['LITTMANN', 'CLASSIC', 'III', 'STETHOSCOPE', 'BLACK', '27']),
    );
  });
});

describe('Kinyarwanda, Somali and Tajik requisitions read their supply words in English', () => {
  test.each([
    // Kinyarwanda: the form's title and number out, item and quantity labels read, supply words in English.
    [
      'Ifishi isaba ibikoresho No 88/2026 | Ibitaro bya Kibuye | Igikoresho: Umukufi ufata ijosi, ku bantu bakuru | Igipimo: igice | Umubare: 4',
      ['COLLAR', 'ADULT'],
      ['IFISHI', 'ISABA', '88', 'UMUBARE', 'IBITARO'],
    ],
    [
      'Ifishi isaba ibikoresho No 91/2026 | Igikoresho: Igipfukisho cy igikomere kibonerana 10 x 12 cm, kidafite mikorobi | Igipimo: agasanduku karimo 25 | Umubare: 2',
      ['DRESSING', 'WOUND', 'TRANSPARENT', 'STERILE', 'BX', '10', '12', 'CM'],
      ['IFISHI', '91'],
    ],
    // Somali: the form's title and number out, labels read, supply words in English.
    [
      'Foomka codsiga agabka No 40/2026 | Isbitaalka Guud | Shayga: Tuubada dhiigga 4 ml, dabool casaan ah | Halbeeg: sanduuq 100 ah | Tirada: 3',
      ['TUBE', 'BLOOD', 'CAP', 'RED', 'BX', '4', 'ML'],
      ['FOOMKA', 'CODSIGA', 'AGABKA', '40', 'SHAYGA', 'TIRADA', 'ISBITAALKA'],
    ],
    // Tajik: supply words of the Cyrillic line in English.
    ['Найчаи хунгирӣ 4 мл, сарпӯши сурх, барои калонсолон, стерилӣ', ['TUBE', 'CAP', 'RED', 'ADULT', 'STERILE', '4', 'ML'], []],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test.each([
    // A document's number with its year and a numbered hospital are no pack counts; a medicine pack's `№20` is.
    ['Дархостнома № 47/2026 | Гарданбанд', false],
    ['Беморхонаи клиникии шаҳрии №3, Душанбе', false],
    ['Парацетамол 500 мг №20', true],
  ])('Cyrillic `№`: %s is read as a pack count: %s', (line, isPack) => {
    expect(withLatinNumerals(line).includes('PACK OF')).toBe(isPack);
  });
});

describe('through the public ingest API: a review reaches its catalogue line, never a sibling', () => {
  const lines = canonicalItemLines(['catalogue', 'reviews'], 'ITEMS26TEXT');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a review of the 8 x 10 cm dressing is proposed for the 8 x 10 cm catalogue line, never merged', async () => {
    const line = await lines.send('catalogue', {
      description: 'OPSITE POST-OP VISIBLE DRESSING 8CM X 10CM STERILE 20/BX',
      manufacturer: { name: 'Smith & Nephew' },
    });
    const review = await lines.send('reviews', {
      description:
        '★★★★★ 5.0 out of 5 stars | Love these | Reviewed in Australia on 2 May 2026 | Size: 8cm x 10cm | Verified Purchase | Easy to peel. Opsite Post-Op Visible dressings, you can see the wound.',
    });
    expect(review.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, review)).toBe(true);
  });

  test('a review of the 8 x 15 cm size is neither merged with nor proposed for the 8 x 10 cm line', async () => {
    const line = await lines.send('catalogue', {
      description: 'OPSITE POST-OP VISIBLE DRESSING 8CM X 10CM STERILE 20/BX',
      manufacturer: { name: 'Smith & Nephew' },
    });
    const review = await lines.send('reviews', {
      description:
        '★★★★★ 5.0 out of 5 stars | Love these | Reviewed in Australia on 2 May 2026 | Size: 8cm x 15cm | Verified Purchase | Easy to peel. Opsite Post-Op Visible dressings, you can see the wound.',
    });
    expect(review.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, review)).toBe(false);
  });
});
