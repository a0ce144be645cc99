/**
 * Items named in free-text records (items21text, item-3.43.0): an emergency-trolley check list, an anaesthetic or
 * nursing care record, a theatre consumables log, a procedure note, a lab-notebook methods sentence, an inventory
 * entry and a chat request name the product among words about the check, the patient, the procedure, the storage
 * place and the person asking. Lines are written for this test in the conventions of EHR check-list modules, OR logs,
 * endoscopy reporting systems, electronic lab notebooks, LIMS inventories and Teams / Slack requests, not copied from a
 * corpus; the guard rows say what must stay as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { canonicalItemLines } from '../support/factories/itemLines';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('a record line is read without its narrative', () => {
  test.each([
    // Emergency-trolley check list: the drawer, the count, the outcome, the expiry date and who checked out.
    [
      'Trolley 3 Drawer 1 Circulation: IV cannula 20g pink x4 - present, in date, exp 11/2027 - checked by JS',
      ['CANNULA', '20', 'PINK'],
      ['DRAWER', 'PRESENT', 'EXP', '2027', 'CHECKED', 'JS', 'X4'],
    ],
    // Anaesthetic record: the attempt, the capnography trace and the seal are the patient's, not the product's.
    [
      'Airway: LMA Unique size 4 inserted 2nd attempt, ETCO2 trace present, good seal',
      ['LARYNGEAL', 'MASK', 'UNIQUE', '4'],
      ['INSERTED', 'ATTEMPT', 'ETCO2', 'TRACE', 'PRESENT', 'SEAL'],
    ],
    // Theatre consumables log: the heading, the count used and the theatre out.
    [
      'Consumables used: 2 x Ligaclip medium clip cartridge - Theatre 4 anaesthetic room',
      ['LIGACLIP', 'MEDIUM', 'CLIP', 'CARTRIDGE'],
      ['CONSUMABLE', 'THEATRE', 'ANAESTHETIC', 'ROOM'],
    ],
    // Lab-notebook methods sentence: the subject and the method verb before the material, the method after it.
    [
      'Materials: lysate centrifuged in 15 mL Falcon conical tubes (Corning), sterilised before use',
      ['15', 'ML', 'FALCON', 'CONICAL', 'TUBE', 'CORNING'],
      ['MATERIAL', 'LYSATE', 'CENTRIFUGED', 'STERILISED', 'BEFORE', 'USE'],
    ],
    // Procedure note: the procedure, the specimens and the indication are context fields; the instrument is the item.
    [
      'Procedure: ERCP | Instrument: sphincterotome 20 mm cutting wire, single use | Specimens: none | Indication: CBD stones',
      ['SPHINCTEROTOME', '20', 'MM', 'CUTTING', 'WIRE'],
      ['PROCEDURE', 'ERCP', 'INSTRUMENT', 'SPECIMEN', 'INDICATION', 'CBD', 'STONE'],
    ],
    // Inventory entry (a LIMS or lab inventory row): a bare `Name` names the item when no other field does.
    [
      'Name: Falcon conical tube 50 mL | Location: Freezer 2, rack C | Qty: 3 racks | Vendor: Corning',
      ['FALCON', 'CONICAL', 'TUBE', '50', 'ML', 'CORNING'],
      ['NAME', 'LOCATION', 'FREEZER', 'QTY'],
    ],
    // A request form that names the item in its own field: `Name` is the requester's.
    [
      'Name: Sam Okafor | Item needed: sharps bin 1 litre yellow lid | Dept: ED majors',
      ['SHARP', 'BIN', 'YELLOW', 'LID'],
      ['SAM', 'OKAFOR', 'NAME', 'DEPT'],
    ],
    // Chat request: the greeting, the question, the staff size word before the measure and the purpose out.
    [
      'hi team, does anyone have the little 3ml luer lock syringes? need them for the flushes, ta',
      ['3', 'ML', 'LUER', 'LOCK', 'SYRINGE'],
      ['HI', 'ANYONE', 'HAVE', 'LITTLE', 'NEED', 'FLUSH'],
    ],
    // Chat request opened by the team's name: `pharmacy here -`.
    [
      'pharmacy here - could someone send up the narrow 2.5cm micropore tape please',
      ['2', '5', 'CM', 'MICROPORE', 'TAPE'],
      ['PHARMACY', 'HERE', 'SOMEONE', 'NARROW'],
    ],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test.each([
    // Guards: catalogue lines have no record cue (upper-case SEALED is a pouch's), a hyphenated brand keeps its letter,
    // a base size word with no measure after it stays (`wide mouth` is the product's).
    ['POUCH STERILIZATION SELF SEALED 3.5X10IN 200/BX', ['SEALED']],
    ['i-gel supraglottic airway size 4, green', ['I', 'GEL', 'SUPRAGLOTTIC', 'AIRWAY']],
    ['does anyone have the wide mouth 250ml bottles?', ['WIDE', 'MOUTH', '250', 'ML', 'BT']],
    ['Present Tense Workbook Grade 4', ['PRESENT', 'TENSE', 'WORKBOOK']],
  ])('guard: %s', (line, kept) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
  });

  test.each([
    // Numbers of the narrative are no attributes: an expiry date, an attempt, a drawer.
    ['Drawer 2 Airway: LMA Unique size 3 x1 - present, sealed, exp 04/2028 - checked RN', { size: ['3'] }, ['countPerPack']],
    ['Airway: LMA Unique size 5 inserted 1st attempt, ETCO2 trace present', { size: ['5'] }, ['countPerPack']],
  ])('attributes of %s', (line, expected, absent) => {
    const attributes = attributesOf(line);
    expect(attributes).toMatchObject(expected);
    for (const name of absent) expect(attributes[name], name).toBeUndefined();
  });
});

describe('through the public ingest API: a record line reaches the catalogue line of its product, never a sibling', () => {
  const lines = canonicalItemLines(['item-master', 'trolley-checks'], 'ITEMS21TEXT');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  test('a check-list line is proposed for its catalogue line', async () => {
    const line = await lines.send('item-master', {
      description: 'LARYNGEAL MASK AIRWAY UNIQUE SILICONE-FREE SZ 4 S/U',
      manufacturer: { name: 'Westbrook Airway Co' },
    });
    const check = await lines.send('trolley-checks', {
      description: 'Drawer 2 Airway: laryngeal mask airway Unique size 4 x1 - present, sealed, exp 05/2028 - checked RN',
    });
    expect(check.goldenId, 'text only: never an auto-merge').not.toBe(line.goldenId);
    expect(await lines.isProposed(line, check)).toBe(true);
  });

  test('a check-list line for another size is neither merged with nor proposed for the catalogue line', async () => {
    const line = await lines.send('item-master', {
      description: 'LARYNGEAL MASK AIRWAY UNIQUE SILICONE-FREE SZ 5 S/U',
      manufacturer: { name: 'Westbrook Airway Co' },
    });
    const check = await lines.send('trolley-checks', {
      description: 'Drawer 2 Airway: laryngeal mask airway Unique size 3 x1 - present, sealed, exp 05/2028 - checked RN',
    });
    expect(check.goldenId).not.toBe(line.goldenId);
    expect(await lines.isProposed(line, check)).toBe(false);
  });
});
