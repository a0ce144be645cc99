/**
 * Medicine names (drugs14, item-3.20.0): one medicine under its INN, US (USAN) and British (BAN) names, in other
 * languages and scripts, with or without its salt, and under a household brand name. The fixture table reads
 * descriptions the way the item `description` comparator does (normaliser and alias tables taken from the shipped
 * rule file, so the table follows the rule); the pairs go through POST /ingest: a synonym or a brand brings the
 * duplicate before a steward, never an auto-merge on text alone, and another strength is neither merged nor proposed.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedAliasTables, withAliasTables } from '../../server/matching/aliases';
import { normalizerFor } from '../../server/matching/normalizers';
import type { NormalizerName } from '../../server/matching/types';
import { canonicalItemLines, reviewCandidates, type IngestedRecord } from '../support/factories/itemLines';
import { must } from '../support/must';

interface DescriptionComparator {
  name: string;
  params: { normalizer: NormalizerName; aliasTables: string[] };
}

const itemRules = JSON.parse(readFileSync(new URL('../../matching-rules/item.json', import.meta.url), 'utf8')) as {
  comparators: DescriptionComparator[];
};
const description = must(
  itemRules.comparators.find((c) => c.name === 'description'),
  'the item description comparator',
);
const readAsCompared = withAliasTables({
  normalize: normalizerFor(description.params.normalizer),
  tables: description.params.aliasTables.map((name) => must(shippedAliasTables().get(name), `alias table ${name}`)),
});

describe('a description as the item description comparator reads it', () => {
  test.each([
    // USAN → INN
    ['ACETAMINOPHEN 500MG TAB', 'PARACETAMOL 500 MG TABLET'],
    ['APAP 325MG TAB', 'PARACETAMOL 325 MG TABLET'],
    ['ALBUTEROL SULFATE 2.5MG/3ML INHAL SOLN', 'SALBUTAMOL 2 5 MG 3 ML INHAL SOLUTION'],
    ['MEPERIDINE 50MG/ML INJ', 'PETHIDINE 50 MG ML INJECTION'],
    ['GLYBURIDE 5MG TAB', 'GLIBENCLAMIDE 5 MG TABLET'],
    ['CYCLOSPORINE 100MG CAP', 'CICLOSPORIN 100 MG CAP'],
    ['RIFAMPIN 300 MG CAPSULE', 'RIFAMPICIN 300 MG CAPSULE'],
    ['SUCCINYLCHOLINE CHLORIDE 20MG/ML 10ML MDV', 'SUXAMETHONIUM 20 MG ML 10 ML MULTIPLE DOSE VIAL'],
    // Former BAN / Ph. Eur. names → INN
    ['FRUSEMIDE 40MG TAB', 'FUROSEMIDE 40 MG TABLET'],
    ['LIGNOCAINE 1% 5ML AMP', 'LIDOCAINE 1 5 ML AMPULE'],
    ['ADRENALINE 1MG/ML 1ML AMP', 'EPINEPHRINE 1 MG ML 1 ML AMPULE'],
    ['NORADRENALINE ACID TARTRATE 2MG/ML', 'NOREPINEPHRINE 2 MG ML'],
    ['AMOXYCILLIN 500MG CAP', 'AMOXICILLIN 500 MG CAP'],
    ['PHENOBARBITONE 30MG TAB', 'PHENOBARBITAL 30 MG TABLET'],
    // Other languages (accents fold first) and other scripts (romanised medicine names only)
    ['Paracétamol 500 mg comprimé', 'PARACETAMOL 500 MG COMPRIME'],
    ['PARACETAMOLO 500 MG COMPRESSE', 'PARACETAMOL 500 MG COMPRESSE'],
    ['Héparine sodique 5000 UI/mL', 'HEPARIN 5000 UNIT ML'],
    ['Парацетамол 500 мг', 'PARACETAMOL 500 MG'],
    ['Амоксициллин 500 мг', 'AMOXICILLIN 500 MG'],
    // Salt words dropped, salts that are also substances folded only inside a medicine's name
    ['AMLODIPINE BESYLATE 5MG TAB', 'AMLODIPINE 5 MG TABLET'],
    ['AMLODIPINE BESILATE 5 MG TABLETS', 'AMLODIPINE 5 MG TABLET'],
    ['LEVOTHYROXINE SOD 50MCG TAB', 'LEVOTHYROXINE 50 MCG TABLET'],
    ['METFORMIN HCL 500MG TAB', 'METFORMIN 500 MG TABLET'],
    ['KETOROLAC TROMETH 30MG/ML 1ML SDV', 'KETOROLAC 30 MG ML 1 ML SINGLE DOSE VIAL'],
    ['SODIUM CHLORIDE 0.9% 1000ML', 'SODIUM CHLORIDE 0 9 1000 ML'],
    ['MAGNESIUM SULFATE 50% 2ML VIAL', 'MAGNESIUM SULFATE 50 2 ML VL'],
    // Brands: the generic name, then the brand
    ['VENTOLIN HFA 90MCG INHALER', 'SALBUTAMOL VENTOLIN HFA 90 MCG INHALER'],
    ['NORVASC 5MG TAB', 'AMLODIPINE NORVASC 5 MG TABLET'],
    ['SYNTHROID 50MCG TAB', 'LEVOTHYROXINE SYNTHROID 50 MCG TABLET'],
    ['Euthyrox 50 µg Tabletten', 'LEVOTHYROXINE EUTHYROX 50 MCG TABLETTEN'],
    ['TYLENOL 325MG TAB', 'PARACETAMOL TYLENOL 325 MG TABLET'],
    ['SOLU-MEDROL 125MG VIAL', 'METHYLPREDNISOLONE SOLU MEDROL 125 MG VL'],
    ['Paracetamol-ratiopharm 500 mg Tabletten', 'PARACETAMOL RATIOPHARM 500 MG TABLETTEN'],
    // Words that are not medicine names are left alone (the micro sign and the Greek mu are MC, as in measureText)
    ['Pipette tips 200 μL yellow', 'PIPETTE TIP 200 MCL YELLOW'],
    ['ΦΛΕΒΟΚΑΘΕΤΗΡΑΣ 20G 1,1x33mm', '20 G 1 1X33 MM'],
    ['GLOVE EXAM NITRILE PF SM 100/BX', 'GLOVE EXAM NITRILE POWDER FREE SMALL 100 BX'],
  ])('%s → %s', (raw, expected) => {
    expect(readAsCompared(raw)).toBe(expected);
  });
});

describe('medicine names through POST /ingest', () => {
  const SOURCES = ['pharmacy-master', 'wholesaler', 'ward-requisition'] as const;
  const lines = canonicalItemLines(SOURCES, 'RX');
  beforeAll(() => lines.start());
  afterAll(() => lines.stop());

  const TABLE: Array<{ title: string; medicine: string; a: string; same: string; other: string }> = [
    {
      title: 'USAN vs INN (acetaminophen = paracetamol); 325 mg is another product',
      medicine: 'PARACETAMOL',
      a: 'ACETAMINOPHEN 500MG TAB',
      same: 'PARACETAMOL 500 MG TABLET',
      other: 'PARACETAMOL 325 MG TABLET',
    },
    {
      title: 'brand vs USAN generic (Ventolin = albuterol); 100 mcg per actuation is another inhaler',
      medicine: 'SALBUTAMOL',
      a: 'VENTOLIN HFA 90MCG INHALER',
      same: 'ALBUTEROL 90 MCG/ACT INHALER',
      other: 'SALBUTAMOL 100 MCG/ACT INHALER',
    },
    {
      title: 'brand vs generic with its salt (Norvasc = amlodipine besylate); 10 mg is another tablet',
      medicine: 'AMLODIPINE',
      a: 'NORVASC 5MG TAB',
      same: 'AMLODIPINE BESILATE 5 MG TABLETS',
      other: 'AMLODIPINE BESILATE 10 MG TABLETS',
    },
    {
      title: 'former BAN vs INN with the salt left out (lignocaine = lidocaine HCl); 2% is another ampoule',
      medicine: 'LIDOCAINE',
      a: 'LIGNOCAINE 1% 5ML AMP',
      same: 'LIDOCAINE HCL 1% 5ML AMPULE',
      other: 'LIDOCAINE HCL 2% 5ML AMPULE',
    },
    {
      title: 'a medicine name in Cyrillic (парацетамол) vs the INN in a suppository line; 250 mg is another',
      medicine: 'PARACETAMOL',
      a: 'Парацетамол суппозитории 125 mg',
      same: 'PARACETAMOL 125 MG SUPPOSITORY',
      other: 'PARACETAMOL 250 MG SUPPOSITORY',
    },
  ];

  test.each(TABLE)('$title', async ({ medicine, a, same, other }) => {
    const first = await lines.send('pharmacy-master', { description: a });
    const duplicate = await lines.send('wholesaler', { description: same });
    expect(duplicate.goldenId, 'text only: never an auto-merge').not.toBe(first.goldenId);
    expect(await lines.isProposed(first, duplicate), 'the duplicate is put before a steward').toBe(true);
    // What the steward reads side by side: both descriptions name the medicine by one word.
    const candidate = must(
      (await reviewCandidates(lines.server(), duplicate.sourceRecordId)).find((c) => c.goldenId === first.goldenId),
      'the candidate',
    );
    const comparators = candidate.explanation.comparators as Array<{ name: string; a?: string | null; b?: string | null }>;
    const compared = must(
      comparators.find((c) => c.name === 'description'),
      'the description comparator',
    );
    expect([compared.a, compared.b].map((text) => (text ?? '').split(' ').includes(medicine))).toEqual([true, true]);
    const sibling: IngestedRecord = await lines.send('ward-requisition', { description: other });
    expect(sibling.goldenId, 'another strength is never merged').not.toBe(first.goldenId);
    expect(sibling.goldenId).not.toBe(duplicate.goldenId);
    expect(await lines.isProposed(first, sibling), 'nor proposed').toBe(false);
  });

  test('two salts of one medicine stay apart although salt words are dropped from the text', async () => {
    const tartrate = await lines.send('pharmacy-master', { description: 'METOPROLOL TARTRATE 25MG TAB' });
    const succinate = await lines.send('wholesaler', { description: 'METOPROLOL SUCCINATE 25MG TAB' });
    expect(succinate.goldenId).not.toBe(tartrate.goldenId);
    expect(await lines.isProposed(tartrate, succinate)).toBe(false);
  });
});
