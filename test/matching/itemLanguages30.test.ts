/**
 * Item requisitions in Burmese, Malayalam and Faroese read by rules of a whole script or language family (items30langs,
 * item-3.55.0): metric unit names borrowed into any script read by their sound, a requisition's own number, date and
 * quantity cells in any script taken out, and the side, patient and sterility words of the Nordic languages read by
 * their shared stems. Each mechanism is also shown on a language no corpus uses (Tamil, Sinhala, Hindi for the borrowed
 * units; Icelandic, Swedish, Norwegian, Danish for the Nordic words), with products other than any corpus's; the rows
 * that must stay apart name the nearest sibling.
 */
import { describe, expect, test } from 'vitest';
import { compileRules } from '../../server/matching/rules';
import { loanwordSound } from '../../server/matching/scriptItemText';
import { itemPairExpectations, shippedItemReadings, shippedRules } from '../support/factories/matching';

const { readAsCompared, attributesOf } = shippedItemReadings();
const { expectConflict } = itemPairExpectations(compileRules(shippedRules('item')));

/** The words of a description as the description comparator reads them. */
const wordsOf = (text: string): string[] => (readAsCompared(text) ?? '').split(' ').filter(Boolean);

describe('metric unit names borrowed into any script are read by their sound', () => {
  test.each([
    ['metre', 'mt'],
    ['centimetre', 'sntmt'],
    ['millilitre', 'mlt'],
    ['milligram', 'mlktm'],
  ])('%s sounds %s', (name, sound) => {
    expect(loanwordSound(name)).toBe(sound);
  });

  test.each([
    // Burmese (Myanmar digits and unit names): a crepe bandage 7.5 cm x 4 m, a bottle of 250 mL, a 5 mg tablet.
    ['ပစ္စည်းအမည် - ကရိတ်ပတ်တီး ၇.၅ စင်တီမီတာ x ၄ မီတာ', { dimensions: ['4000x75 mm ±500/2.5'] }],
    ['ပစ္စည်းအမည် - Betadine ၂၅၀ မီလီလီတာ', { volume: ['250 ml'] }],
    // Malayalam: metres spelled out after a centimetre abbreviation.
    ['ഇനം: ക്രേപ്പ് ബാൻഡേജ് 7.5 സെ.മീ. x 4 മീറ്റർ', { dimensions: ['4000x75 mm ±500/2.5'] }],
    // Tamil, Sinhala and Hindi — no corpus's language for these units — by the same rule.
    ['பொருள்: கட்டுத்துணி 10 சென்டிமீட்டர் x 4 மீட்டர்', { dimensions: ['4000x100 mm ±500/5'] }],
    ['අයිතමය: සේලයින් 500 මිලිලීටර්', { volume: ['500 ml'] }],
    ['वस्तु: पट्टी 10 सेंटीमीटर x 4 मीटर', { dimensions: ['4000x100 mm ±500/5'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });

  test.each([
    // A counting word after a number is no unit: Thai เม็ด (tablets, romanised emd) is not a metre.
    ['ยาพาราเซตามอล 500 มก. 30 เม็ด', 'length'],
    // Burmese ချောင်း (sticks, pieces) after a count is no unit either.
    ['ပစ္စည်းအမည် - EpiPen (၂ ချောင်းပါ)', 'length'],
  ])('%s reads no %s', (line, attribute) => {
    expect(attributesOf(line)[attribute]).toBeUndefined();
  });

  test('siblings that differ in a borrowed unit stay apart', () => {
    expectConflict('ပစ္စည်းအမည် - ကရိတ်ပတ်တီး ၇.၅ စင်တီမီတာ x ၄ မီတာ', 'Crepe bandage 10 cm x 4 m');
    expectConflict('අයිතමය: සේලයින් 500 මිලිලීටර්', 'Saline 0.9% 1000 mL');
  });
});

describe('a requisition’s own number, date and quantity are out in any script', () => {
  test.each([
    // Burmese: `label - value` cells (dash, not colon), a number with its year, a date in Myanmar digits.
    [
      'ပစ္စည်းတောင်းခံလွှာ အမှတ် ၂၁၄/၂၀၂၇ | မန္တလေးဆေးရုံ | ပစ္စည်းအမည် - Omron M3 သွေးပေါင်ချိန်စက် | ယူနစ် - ခု | တောင်းခံသည့်အရေအတွက် - ၃ | ရက်စွဲ - ၁၂.၃.၂၀၂၇',
      ['OMRON', 'M3'],
      ['214', '2027', '3', '12'],
    ],
    // Malayalam: an indent number with its year and a day-month-year date after their labels.
    [
      'ഇൻഡന്റ് നമ്പർ: 4120/2027 | സ്ഥാപനം: ജില്ലാ ആശുപത്രി | ഇനം: Omron M3 ബിപി മോണിറ്റർ | ആവശ്യമായ എണ്ണം: 6 | തീയതി: 14-02-2027',
      ['OMRON', 'M3'],
      ['4120', '2027', '6', '14', '02'],
    ],
    // Sinhala (no corpus's language) in the same layout.
    ['ඉල්ලුම් අංකය: 77/2027 | අයිතමය: Omron M3 | ප්‍රමාණය: 4 | දිනය: 03.05.2027', ['OMRON', 'M3'], ['77', '2027', '4', '03']],
  ])('%s', (line, kept, dropped) => {
    const words = wordsOf(line);
    for (const word of kept) expect(words, word).toContain(word);
    for (const word of dropped) expect(words, word).not.toContain(word);
  });

  test('a number inside the product cell stays', () => {
    expect(wordsOf('ပစ္စည်းအမည် - HemoCue Hb ၂၀၁ microcuvette | ယူနစ် - ဘူး')).toContain('201');
  });
});

describe('Nordic side, patient and sterility words are read by their shared stems', () => {
  test.each([
    // Faroese (vinstru / høgru, vaksin / barn / smábarn, sterilt), Icelandic, Swedish, Norwegian Nynorsk and Danish.
    ['Vøra: Aircast walker stígvél, stødd L, vinstru', { laterality: ['left'], size: ['L'] }],
    ['Vøra: Aircast walker stígvél, stødd L, høgru', { laterality: ['right'] }],
    ['Handleggsspelka, hægri', { laterality: ['right'] }],
    ['Handledsortos, vänster', { laterality: ['left'] }],
    ['Handleddsortose, høgre', { laterality: ['right'] }],
    ['Blodtryksmanchet, voksen', { patientPopulation: ['adult'] }],
    ['Blodtrycksmanschett, vuxen', { patientPopulation: ['adult'] }],
    ['Blóðtrýstmansjetta, vaksin', { patientPopulation: ['adult'] }],
    ['Blóðtrýstmansjetta, barn', { patientPopulation: ['paediatric'] }],
    ['Blóðtrýstmansjetta, smábarn', { patientPopulation: ['infant'] }],
    ['Blodtrycksmanschett, spädbarn', { patientPopulation: ['infant'] }],
    ['Kompressur, sterilt, 10 x 10 cm', { sterility: ['sterile'] }],
    ['Kompressur, ikki sterilt, 10 x 10 cm', { sterility: ['non-sterile'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });

  test.each([
    // `stødd` (size) starts with ST but is no sterile mark; a children's ward named in a word is no patient population.
    ['Vøra: Aircast walker stígvél, stødd L', 'sterility'],
    ['Deild: Barnadeildin | Vøra: Aircast walker stígvél', 'patientPopulation'],
  ])('%s reads no %s', (line, attribute) => {
    expect(attributesOf(line)[attribute]).toBeUndefined();
  });

  test('siblings by side or patient stay apart across languages', () => {
    expectConflict('Vøra: Aircast walker stígvél, stødd L, vinstru', 'Aircast walker boot, large, right');
    expectConflict('Blóðtrýstmansjetta, smábarn', 'Blood pressure cuff, child');
    expectConflict('Blodtrycksmanschett, vuxen', 'Blood pressure cuff, child');
  });
});

describe('Malayalam and Burmese words a sibling is told apart by', () => {
  test.each([
    ['ഇനം: Welch Allyn രക്തസമ്മർദ്ദ കഫ് - മുതിർന്നവർ', { patientPopulation: ['adult'] }],
    ['ഇനം: Welch Allyn രക്തസമ്മർദ്ദ കഫ് - കുട്ടികൾക്ക്', { patientPopulation: ['paediatric'] }],
    ['ഇനം: Aircast കാൽമുട്ട് ബ്രേസ് - വലത്', { laterality: ['right'] }],
    ['ഇനം: Energizer ടോർച്ച് - ചുവപ്പ്', { colour: ['red'] }],
    ['ပစ္စည်းအမည် - Aircast ဒူးထိန်း အကြီးစား ဘယ်ဘက်', { laterality: ['left'] }],
    ['ပစ္စည်းအမည် - Energizer ဓာတ်မီး အပြာရောင်', { colour: ['blue'] }],
  ])('%s reads %o', (line, attributes) => {
    expect(attributesOf(line)).toMatchObject(attributes);
  });

  test('colour and side siblings stay apart', () => {
    expectConflict('ഇനം: Energizer ടോർച്ച് - ചുവപ്പ്', 'Energizer LED torch, black');
    expectConflict('ပစ္စည်းအမည် - Aircast ဒူးထိန်း ဘယ်ဘက်', 'Aircast knee brace, right');
  });
});
