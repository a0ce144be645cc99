/**
 * Item requisitions in Kannada, Lao and Belarusian, and the attributes a band's colour, an ink line's yield and a drive's
 * capacity are read by (items29langs, item-3.54.0). Lines are written for this test in the conventions of Karnataka
 * government indents, Lao material requests and Belarusian requisitions (their labels, digits, units and words), with
 * products other than any corpus's; the rows that must stay apart name the nearest sibling in the same language.
 */
import { describe, expect, test } from 'vitest';
import { shippedItemReadings } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('Kannada, Lao and Belarusian requisitions are read for their product words', () => {
  test.each([
    // Kannada indent: the indent number (Kannada digits), hospital and department out; sterile, glove, large read.
    [
      'ಇಂಡೆಂಟ್ ಸಂಖ್ಯೆ: ೪೫/೨೦೨೬-೨೭ | ಜಿಲ್ಲಾ ಆಸ್ಪತ್ರೆ, ಮಂಡ್ಯ | ವಿಭಾಗ: ಶಸ್ತ್ರಚಿಕಿತ್ಸಾ ವಿಭಾಗ | ವಸ್ತು: ಕ್ರಿಮಿರಹಿತ ಕೈಗವಸು, ದೊಡ್ಡ (L) | ಘಟಕ: ಪೆಟ್ಟಿಗೆ | ಬೇಕಾದ ಪ್ರಮಾಣ: ೧೦',
      ['STERILE', 'GLOVE', 'LARGE', 'L'],
      ['45', '2026', '10', 'JILLA'],
    ],
    // Kannada: an ink cartridge's words written in Kannada.
    ['ವಸ್ತು: Canon PG-745 ಶಾಯಿ ಕಾರ್ಟ್ರಿಡ್ಜ್ - ಕಪ್ಪು | ಬೇಕಾದ ಪ್ರಮಾಣ: ೪', ['CANON', 'INK', 'CARTRIDGE', 'BLACK'], ['4']],
    // Lao material request (unspaced words, Lao digits): the request number, hospital and department out.
    [
      'ໃບສະເໜີຂໍວັດສະດຸ ເລກທີ ໑໒/2026 | ໂຮງໝໍມະໂຫສົດ | ພະແນກ: ຫ້ອງຜ່າຕັດ | ຊື່ວັດສະດຸ: ຖົງມືຜ່າຕັດ ປາສະຈາກເຊື້ອ ຂະໜາດກາງ | ຫົວໜ່ວຍ: ຄູ່ | ຈຳນວນ: ໕໐',
      ['GLOVE', 'STERILE', 'MEDIUM'],
      ['12', '2026', '50'],
    ],
    ['ຊື່ວັດສະດຸ: ເຂັມສັກຢາ 23G, 100 ອັນ/ກັບ | ຫົວໜ່ວຍ: ກັບ | ຈຳນວນ: ໓', ['NEEDLE', '23', 'G'], ['3']],
    // Belarusian requisition: the request's number and date, the hospital (with `г.` before its city) and department out.
    [
      'Заяўка № 88 ад 02.02.2026 | УЗ «Гродзенская абласная дзіцячая клінічная бальніца» г. Гродна | Аддзяленне: Хірургія | Найменне: Пальчаткі хірургічныя стэрыльныя, памер 7,5 | Адз. вым.: пара | Колькасць: 50',
      ['GLOVE', 'SURGICAL', 'STERILE'],
      ['88', '2026', '50', 'GRODZENSKAYA', 'HRODNA', 'GRODNA'],
    ],
    ['Найменне: Кроплі вочныя Refresh Tears 15 мл | Адз. вым.: флак. | Колькасць: 6', ['DROP', 'EYE', 'REFRESH', '15', 'ML'], ['6']],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });
});

describe('their attributes are read as English lines write them', () => {
  test.each([
    // Kannada: a box of 100 swabs (the noun stays before the box word), centimetres written with dotted syllables.
    ['ವಸ್ತು: ಗಾಜ್ ಸ್ವಾಬ್ 10 x 10 ಸೆಂ.ಮೀ. (100 ಸ್ವಾಬ್‌ಗಳ ಪೆಟ್ಟಿಗೆ) | ಬೇಕಾದ ಪ್ರಮಾಣ: ೨', { dimensions: ['100x100 mm ±5/5'], countPerPack: ['100'] }],
    ['ವಸ್ತು: ಹತ್ತಿ ಉಂಡೆಗಳು, ಕ್ರಿಮಿರಹಿತವಲ್ಲದ | ಬೇಕಾದ ಪ್ರಮಾಣ: ೧', { sterility: ['non-sterile'] }],
    ['ವಸ್ತು: ಮೂತ್ರ ಕ್ಯಾಥೆಟರ್ 16 Fr, ಮಕ್ಕಳಿಗೆ | ಬೇಕಾದ ಪ್ರಮಾಣ: ೧೦', { french: ['16'], patientPopulation: ['paediatric'] }],
    ['ವಸ್ತು: Canon PG-745XL ಶಾಯಿ ಕಾರ್ಟ್ರಿಡ್ಜ್ - ಕಪ್ಪು', { colour: ['black'], tonerYield: ['high'] }],
    // Lao: centimetres and metres spelled after a number, a count per box written n/box, a colour after ສີ.
    ['ຊື່ວັດສະດຸ: ຜ້າພັນແຜ 10 ຊມ x 4.5 ແມັດ | ຈຳນວນ: ໒໐', { dimensions: ['4500x100 mm ±250/5'] }],
    ['ຊື່ວັດສະດຸ: ເຂັມສັກຢາ 23G, 100 ອັນ/ກັບ', { gauge: ['23'], countPerPack: ['100'] }],
    ['ຊື່ວັດສະດຸ: ສາຍ HDMI ຍາວ 3 ແມັດ', { length: ['3000 mm ±500'] }],
    ['ຊື່ວັດສະດຸ: ໝຶກພິມ Epson 664 ສີເຫຼືອງ', { colour: ['yellow'] }],
    // Belarusian: the decimal comma before a unit, the size label, pieces in a pack (`ва ўпакоўцы`), a numbered school.
    ['Найменне: Кабель HDMI 1,5 м | Колькасць: 2', { length: ['1500 mm ±250'] }],
    ['Найменне: Пальчаткі хірургічныя стэрыльныя, памер 7,5', { size: ['7.5'], sterility: ['sterile'] }],
    ['Найменне: Лейкапластыр бактэрыцыдны 1,9 × 7,2 см, 10 шт. ва ўпакоўцы | Колькасць: 20', { countPerPack: ['10'] }],
    // An English exercise band's and tube's colour is its resistance level.
    ['Resistance band, yellow (light), 1.5 m', { colour: ['yellow'] }],
    ['Exercise tubing green, medium', { colour: ['green'] }],
    // An ink line's XL without the word cartridge.
    ['Epson 502XL ink cyan', { colour: ['cyan'], tonerYield: ['high'] }],
    ['Samsung T7 portable SSD 2TB', { storageCapacity: ['2000 GB'] }],
    // Plasters counted in words, as pharmacy titles write a pack.
    ['Hydrocolloid blister plasters, large - 6 Plasters', { countPerPack: ['6'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });

  test.each([
    // A numbered school's number and its city's `г.` are no pack of 12 and no 12 g.
    [
      'Заяўка № 14 ад 01.09.2026 | ДУА «Сярэдняя школа № 12 г. Брэста» | Аддзяленне: Медыцынскі кабінет | Найменне: Бінт марлевы 7 м × 14 см | Колькасць: 5',
      ['countPerPack', 'strength'],
    ],
    // A five-digit part number before an abbreviation is no capacity in terabytes.
    ['INV ln 1: 20362 TB PROF LATEX BAND 6YD GREEN', ['storageCapacity']],
    // `resistance` of a glove's testing is no exercise band: its colour is not read.
    ['Nitrile exam glove blue, chemical resistance tested', ['colour']],
  ])('%s reads none of %o', (line, names) => {
    const read = attributesOf(line);
    for (const name of names) expect(read, name).not.toHaveProperty(name);
  });
});

describe('siblings in one language stay apart: the attribute that tells them apart is read on both', () => {
  test.each([
    // Kannada exercise bands of two colours (resistance levels).
    ['colour', 'ವಸ್ತು: ವ್ಯಾಯಾಮ ರಬ್ಬರ್ ಪಟ್ಟಿ, ಹಳದಿ, 2 ಮೀ.', 'ವಸ್ತು: ವ್ಯಾಯಾಮ ರಬ್ಬರ್ ಪಟ್ಟಿ, ಕೆಂಪು, 2 ಮೀ.'],
    // Kannada sterile vs non-sterile cotton balls.
    ['sterility', 'ವಸ್ತು: ಹತ್ತಿ ಉಂಡೆಗಳು, ಕ್ರಿಮಿರಹಿತ', 'ವಸ್ತು: ಹತ್ತಿ ಉಂಡೆಗಳು, ಕ್ರಿಮಿರಹಿತವಲ್ಲದ'],
    // Kannada small vs large.
    ['size', 'ವಸ್ತು: ಮಣಿಕಟ್ಟು ಬೆಂಬಲ ಪಟ್ಟಿ, ಸಣ್ಣ (S)', 'ವಸ್ತು: ಮಣಿಕಟ್ಟು ಬೆಂಬಲ ಪಟ್ಟಿ, ದೊಡ್ಡ (L)'],
    // Lao ink of two colours, gloves of two sizes, needles of two counts per box.
    ['colour', 'ຊື່ວັດສະດຸ: ໝຶກພິມ Epson 664 ສີເຫຼືອງ', 'ຊື່ວັດສະດຸ: ໝຶກພິມ Epson 664 ສີດຳ'],
    ['size', 'ຊື່ວັດສະດຸ: ຖົງມືຜ່າຕັດ ຂະໜາດນ້ອຍ', 'ຊື່ວັດສະດຸ: ຖົງມືຜ່າຕັດ ຂະໜາດໃຫຍ່'],
    ['countPerPack', 'ຊື່ວັດສະດຸ: ເຂັມສັກຢາ 23G, 100 ອັນ/ກັບ', 'ຊື່ວັດສະດຸ: ເຂັມສັກຢາ 23G, 50 ອັນ/ກັບ'],
    // Belarusian exercise bands of two colours, cables of two lengths (decimal comma), packs of 10 and 20.
    ['colour', 'Найменне: Стужка-эспандэр жоўтая, 1,5 м', 'Найменне: Стужка-эспандэр сіняя, 1,5 м'],
    ['length', 'Найменне: Кабель HDMI 1,5 м', 'Найменне: Кабель HDMI 2 м'],
    ['countPerPack', 'Найменне: Лейкапластыр 10 шт. ва ўпакоўцы', 'Найменне: Лейкапластыр 20 шт. ва ўпакоўцы'],
    // English: two resistance levels of one band, standard vs XL ink.
    ['colour', 'Resistance band, yellow (light), 1.5 m', 'Resistance band, black (special heavy), 1.5 m'],
    ['tonerYield', 'HP 963XL ink magenta', 'HP 963 standard yield ink magenta'],
    ['countPerPack', 'Elastoplast fabric plasters, 20 Plasters', 'Elastoplast fabric plasters, 40 Plasters'],
  ])('%s: %s / %s', (name, first, second) => {
    const a = attributesOf(first)[name];
    const b = attributesOf(second)[name];
    expect(a, first).toBeDefined();
    expect(b, second).toBeDefined();
    expect(a).not.toEqual(b);
  });
});
