/**
 * A printed document's own cells (items32docs, item-3.57.0, labelledRows.ts `withDocumentOwnCellsBlanked`): in a row of
 * five `|` cells or more whose item field is read (`Item:`, `Supply item:`, `Title:`, `Description:`), a cell holding no
 * field the label tables read is the form's own — its title, numbers, people, places, dates, counts, prices, answers —
 * and is blanked with its label, whatever the label says, unless it holds a measure or a size word, a maker's code after
 * its label, or the item's own words. Everything here is written for this test (other products, other forms), not taken
 * from any corpus.
 */
import { describe, expect, test } from 'vitest';
import { batchMatch, loadRules } from '../../server/matching';
import type { CanonicalRecord } from '../../server/matching';
import { withLabelledRowsRead } from '../../server/matching/labelledRows';
import { normalizeWith } from '../../server/matching/normalizers';

const spaced = (text: string): string => text.replace(/[\s|]+/g, ' ').trim();
const read = (row: string): string => spaced(withLabelledRowsRead(row));
const key = (a: string, b: string): string => [a, b].sort().join(' ~ ');
const record = (source: string, id: string, description: string): CanonicalRecord => ({ sourceId: `item|${source}|${id}`, description });

describe('a form row keeps its item and loses its own cells', () => {
  test.each([
    {
      kind: 'a theatre count sheet (unlisted labels, a colour word in a zone, an initial before a name)',
      row: 'THEATRE SWAB COUNT SHEET | Theatre: 4 | Zone: Blue Bay | Item: Kerlix gauze sponge 4.5 in x 4.1 yd | Counted in: 10 | Counted out: 10 | Scrub: P. Okafor',
      kept: ['Kerlix gauze sponge 4.5 in x 4.1 yd'],
      gone: ['THEATRE SWAB COUNT SHEET', 'Blue', 'Okafor', 'Counted'],
    },
    {
      kind: 'a recall effectiveness check (Y / N answers, a date, a number)',
      row: 'RECALL EFFECTIVENESS CHECK | Notice RC-2291 | Product: Covidien Kangaroo enteral pump set 1000 mL | Quarantined: Y | Customer notified: N | Checked: 03/02/2026 | Checker: L. Brandt',
      kept: ['Covidien Kangaroo enteral pump set 1000 mL'],
      gone: ['RECALL EFFECTIVENESS CHECK', 'Quarantined', 'notified', 'Brandt', 'RC-2291'],
    },
    {
      kind: 'a loan-kit return slip (a cause, a condition, a price)',
      row: 'LOAN KIT RETURN | Kit 77 | Item: Stryker System 8 sagittal saw blade 25 mm | Condition: scratched casing | Cause: dropped in transit | Value: $212.40 | Signed: R. Dube',
      kept: ['Stryker System 8 sagittal saw blade 25 mm'],
      gone: ['LOAN KIT RETURN', 'scratched', 'transit', '212', 'Dube'],
    },
  ])('$kind', ({ row, kept, gone }) => {
    const out = read(row);
    for (const text of kept) expect(out).toContain(spaced(text));
    for (const text of gone) expect(out).not.toContain(text);
  });

  test.each([
    {
      kind: 'a cell holding a measure stays (it may be the variant)',
      row: 'WARD STOCK CHECK | Ward: 7B | Item: Tegaderm film dressing | Pad: 10 x 12 cm | Counted: 40 | Checker: A. Moyo',
      kept: '10 x 12 cm',
    },
    {
      kind: 'a maker code after its label without a colon stays',
      row: 'CONSIGNMENT USAGE | Case 5512 | Item: Arthrex FiberWire suture no. 2 | Part no. AR-7200 | Used: 1 | Surgeon: K. Lim',
      kept: 'AR-7200',
    },
    {
      kind: 'a second description repeating the item words stays',
      row: 'ITEM MASTER CHANGE | Request 3321 | Item: Welch Allyn otoscope head 3.5 V | Long text: Welch Allyn MacroView otoscope head with throat illuminator | Requested by: J. Rowe | Approved: Y',
      kept: 'MacroView',
    },
    {
      kind: 'an order mail line after its item field stays (a cell without a label after the item field)',
      row: 'Subject: Order 5521 shipped | From: Acme Vet | Hi, your parcel left today. | 2 x Kruuse rubber bite block small | Total: 18.00',
      kept: 'Kruuse rubber bite block small',
    },
  ])('$kind', ({ row, kept }) => {
    expect(read(row)).toContain(kept);
  });

  test.each([
    // Fewer than five cells: not read as a printed form here.
    'Item: Exam glove nitrile medium | Zone: Green | Counted: 4',
    // No item field: nothing says which cell is the item.
    'COUNT SHEET | Zone: Green | Kerlix gauze sponge | Counted: 4 | Checker: P. Okafor',
  ])('left to the earlier readings: %s', (row) => {
    const out = read(row);
    expect(out).toContain('Green');
  });
});

describe('the item phrase meets its catalogue title; the nearest different products stay apart', () => {
  const form = (item: string, n: number, zone: string, person: string): string =>
    `DECONTAMINATION AUDIT | Bay: ${n} | Zone: ${zone} Area | Auditor: ${person} | Item: ${item} | Wiped: Y | Tagged: N | Next due: 0${n}/05/2026`;
  const records: CanonicalRecord[] = [
    record('audit', 'A1', form('Welch Allyn Connex vital signs monitor 6400 series, adult cuff', 1, 'Red', 'T. Haas')),
    record('audit', 'A2', form('Welch Allyn Connex vital signs monitor 6500 series, adult cuff', 2, 'Red', 'T. Haas')),
    record('audit', 'A3', form('Masimo Rad-97 pulse CO-oximeter, left wall mount', 3, 'Blue', 'M. Ortiz')),
    record('audit', 'A4', form('Masimo Rad-97 pulse CO-oximeter, right wall mount', 4, 'Blue', 'M. Ortiz')),
    record('audit', 'A5', form('Ambu aScope 4 bronchoscope slim 3.8 mm', 5, 'Green', 'M. Ortiz')),
    record('audit', 'A6', form('Ambu aScope 4 bronchoscope regular 5.0 mm', 6, 'Green', 'T. Haas')),
    record('shop', 'S1', 'Welch Allyn Connex Vital Signs Monitor 6400 Series with Adult Cuff'),
    record('shop', 'S2', 'Welch Allyn Connex Vital Signs Monitor 6500 Series with Adult Cuff'),
    record('shop', 'S3', 'Masimo Rad-97 Pulse CO-Oximeter Wall Mount Left'),
    record('shop', 'S5', 'Ambu aScope 4 Broncho Slim 3.8 mm single-use bronchoscope'),
    record('shop', 'S6', 'Ambu aScope 4 Broncho Regular 5.0 mm single-use bronchoscope'),
  ];

  test('the form text keeps only the item words', () => {
    const text = normalizeWith('requisitionText', records[0]?.description as string) ?? '';
    expect(text).toContain('CONNEX');
    expect(text).not.toContain('HAAS');
    expect(text).not.toContain('AUDIT');
    expect(text).not.toContain('RED');
  });

  test('each audited item reaches its shop title; siblings are never merged', async () => {
    const rules = await loadRules('item');
    const result = batchMatch({ records, rules, maxListedPairs: 10_000 });
    const merged = new Set<string>();
    for (const cluster of result.clusters) for (const a of cluster) for (const b of cluster) if (a < b) merged.add(key(a, b));
    const reached = new Set([...merged, ...result.reviewPairs.map((p) => key(p.a, p.b))]);
    const id = (source: string, n: string): string => `item|${source}|${n}`;
    for (const [a, b] of [
      ['A1', 'S1'],
      ['A2', 'S2'],
      ['A3', 'S3'],
      ['A5', 'S5'],
      ['A6', 'S6'],
    ] as const)
      expect(reached.has(key(id('audit', a), id('shop', b))), `${a} ~ ${b}`).toBe(true);
    // Generation (6400 vs 6500), side (left vs right), size (3.8 vs 5.0 mm): different products, never merged.
    for (const [a, b] of [
      [id('audit', 'A1'), id('audit', 'A2')],
      [id('audit', 'A1'), id('shop', 'S2')],
      [id('audit', 'A3'), id('audit', 'A4')],
      [id('audit', 'A4'), id('shop', 'S3')],
      [id('audit', 'A5'), id('audit', 'A6')],
      [id('audit', 'A5'), id('shop', 'S6')],
    ] as const)
      expect(merged.has(key(a, b)), `${a} ~ ${b}`).toBe(false);
    // Unrelated products on one form (same auditor, zone, answers) are not put before a steward.
    expect(reached.has(key(id('audit', 'A1'), id('audit', 'A5')))).toBe(false);
    expect(reached.has(key(id('audit', 'A3'), id('audit', 'A6')))).toBe(false);
  });
});
