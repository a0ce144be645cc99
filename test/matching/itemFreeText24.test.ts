/**
 * Items named in words only (items24free, item-3.48.0): an incident report, an e-mail to stores, a ticket, an EHR
 * lines-drains-airways row, a shared top-up sheet, an expense line and a dictated voice note name the product with no
 * maker field and no code, among words about what happened, who writes, where and when. Lines are written for this test
 * in the conventions of incident-reporting systems, e-mail, service desks, EHR flowsheets, spreadsheets, expense tools
 * and speech-to-text apps, not copied from a corpus; the guard rows say what must stay as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withSpokenNumbersWritten } from '../../server/matching/spokenNumbers';
import { shorthandCredit, type ShorthandOptions } from '../../server/matching/shorthandTokens';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a free-text record is read for its product words', () => {
  test.each([
    // Incident report: the Device field names the item, so the Description tells what happened; the report's own number, severity and reporter out.
    [
      'Incident 2026-0441 | Category: Medical device | Device: Alaris SmartSite extension set 2 port | Description: line disconnected at the Y site during transfer | Severity: Low | Reported by: Staff nurse',
      ['ALARIS', 'SMARTSITE', 'EXTENSION', 'SET'],
      ['INCIDENT', '0441', 'DISCONNECTED', 'TRANSFER', 'SEVERITY', 'REPORTED', 'NURSE'],
    ],
    // E-mail: the header fields, a greeting with a name, the variant not wanted and the sign-off with name and ward out.
    [
      'From: Ward Sister <ward7@trust.example> | To: Stores | Subject: dressings | Hi Sam, could we have 2 boxes of Mepilex Border 10 x 10 cm rather than the 15 x 15 ones. Kind regards, Jo (Ward 7)',
      ['MEPILEX', 'BORDER', '10', 'CM'],
      ['FROM', 'SISTER', 'SAM', '15', 'JO', 'REGARDS'],
    ],
    // Care-record row: who placed it, when, how many attempts and the score out; the device kept.
    [
      'LDA: PICC line | Placed by: IV team | Placement date/time: 03/02/26 14:10 | Device: Groshong PICC 4 Fr single lumen | Attempts: 1 | VIP score: 1',
      ['GROSHONG', 'PICC', '4', 'FR', 'SINGLE', 'LUMEN'],
      ['PLACED', 'TEAM', 'PLACEMENT', '14', 'ATTEMPT', 'VIP', 'SCORE'],
    ],
    // Shared top-up sheet: the sheet's name, the par and the count on hand out.
    [
      'Sheet: Theatre top-up | Row 12 | Item: Yankauer suction tube with vent | Par: 10 | On hand: 2 | Order: 8',
      ['YANKAUER', 'SUCTION', 'TUBE', 'VENT'],
      ['SHEET', 'THEATRE', 'PAR', 'HAND', 'ORDER', '8'],
    ],
    // Expense line: the merchant, the category and the amount out.
    [
      'Merchant: Staples | Category: Office Supplies | Description: Post-it Super Sticky notes 76 x 76 mm yellow | Amount: USD 14.99',
      ['POST', 'SUPER', 'STICKY', 'NOTE', '76', 'YELLOW'],
      ['MERCHANT', 'STAPLES', 'OFFICE', 'AMOUNT', '99'],
    ],
    // Ticket: its number opening the row, the requester and the queue out; subject and description kept (no device field).
    [
      'Ticket #80412 | Requester: ward clerk | Subject: new headset | Description: Jabra Evolve2 40 USB-A headset for the clinic PC | Queue: Service Desk',
      ['JABRA', 'EVOLVE2', '40', 'HEADSET'],
      ['80412', 'REQUESTER', 'QUEUE', 'DESK'],
    ],
    // Voice note: the dictation marker, the caller naming themselves and the ward out, numbers in digits.
    [
      'voicemail transcript: hi this is Maria on ward nine can we get a box of the twenty two gauge one inch safety needles thanks',
      ['22', 'GA', 'SAFETY', 'NEEDLE'],
      ['VOICEMAIL', 'TRANSCRIPT', 'MARIA', 'WARD', '9'],
    ],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test.each([
    // Guards: a product export's Description stays when no Device / Equipment field names the item; a catalogue line is left alone.
    ['Title: Exam glove nitrile | Description: powder free, textured fingertips | Size: M', ['POWDER', 'FREE', 'TEXTURED', 'FINGERTIP']],
    ['NEEDLE HYPODERMIC 25G X 1IN REGULAR BEVEL 100/BX', ['NEEDLE', 'HYPODERMIC', 'REGULAR', 'BEVEL']],
  ])('guard: %s', (line, kept) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
  });
});

describe('numbers spoken in a dictated request', () => {
  test.each([
    // A brand's `Plus` before a measured number is part of the name, no lens power.
    ['gripper plus twenty two gauge needles', 'gripper plus 22 gauge needles'],
    ['zetuvit plus ten by twenty', 'zetuvit plus 10 X 20'],
    // Inch fractions as staff say them, and half a litre.
    ['three quarter inch huber needle', '3/4 inch huber needle'],
    ['the half-inch paper tape', 'the 1/2 inch paper tape'],
    ['a quarter inch drain', '1/4 inch drain'],
    ['half litre bottle', '0.5 litre bottle'],
    // Guards: a lens power is still read, and a fraction with no unit after it stays words.
    ['plus one fifty readers', '+1.50 readers'],
    ['half the rolls please', 'half the rolls please'],
  ])('%s', (spoken, written) => {
    expect(withSpokenNumbersWritten(spoken)).toBe(written);
  });

  test.each([
    ['need a box of twenty gauge three quarter inch port needles please', { gauge: ['20'] }],
    ['send up a half litre sharps bin please', { volume: ['500 ml'] }],
  ])('attributes of %s', (line, expected) => {
    expect(attributesOf(line)).toMatchObject(expected);
  });
});

describe('a brand dictated as sound-alike words', () => {
  const options: ShorthandOptions = {
    minLength: 3,
    credit: 0.75,
    exclude: new Set(),
    typoMinLength: 6,
    joinMinLength: 6,
    joinLetterPrefix: true,
    vowelDrops: true,
    stemMinLength: 5,
    soundAlikeJoins: true,
  };
  const credit = (a: string[], b: string[], soundAlikeJoins = true) =>
    shorthandCredit({ a: [...a].sort(), wa: null, b: [...b].sort(), wb: null, options: { ...options, soundAlikeJoins } });

  test.each([
    // The joined words share the whole word's consonant skeleton, and neither is written as the whole's start.
    [
      ['ACU', 'VEIN', 'VIEWER'],
      ['ACCUVEIN', 'VIEWER'],
    ],
    [
      ['DURA', 'POUR', 'TAPE'],
      ['DURAPORE', 'TAPE'],
    ],
    [['VENN', 'TOLIN'], ['VENTOLIN']],
  ])('%j pairs with %j', (a, b) => {
    expect(credit(a, b).creditA).toBeCloseTo(0.75 * 2);
    expect(credit(a, b, false).creditA).toBeLessThan(0.75 * 2);
  });

  test.each([
    // Guards: a tail that does not sound like the rest of the whole adds nothing to what the prefix rule gives.
    [['PRO', 'SAFETY'], ['PROSTATE']],
    [['MICRO', 'SCOPE'], ['MICROPORE']],
    [['CAN', 'ULA'], ['CANAL']],
    [['BAND', 'AGE'], ['BANDIT']],
  ])('%j does not pair with %j', (a, b) => {
    expect(credit(a, b).creditA).toBe(credit(a, b, false).creditA);
  });
});

describe('through the public ingest API: a dictated request reaches the catalogue line of its product, never a sibling', () => {
  const lines = canonicalItemLines(['item-master', 'voice-notes'], 'ITEMS24FREE');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a voice note with the brand heard as two words is proposed for its catalogue line', async () => {
    const line = await lines.send('item-master', {
      description: 'SURECAN SAFETY II HUBER NEEDLE 20G X 25MM',
      manufacturer: { name: 'Northgate Infusion Ltd' },
    });
    const note = await lines.send('voice-notes', {
      description:
        'voice note transcribed: hi it is Priya, can we get a box of the sure can safety huber needles twenty gauge one inch please',
    });
    expect(note.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, note)).toBe(true);
  });

  test('a voice note for another gauge is neither merged with nor proposed for the catalogue line', async () => {
    const line = await lines.send('item-master', {
      description: 'SURECAN SAFETY II HUBER NEEDLE 22G X 25MM',
      manufacturer: { name: 'Northgate Infusion Ltd' },
    });
    const note = await lines.send('voice-notes', {
      description: 'voice note transcribed: can we get a box of the sure can safety huber needles twenty gauge one inch please',
    });
    expect(note.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, note)).toBe(false);
  });
});
