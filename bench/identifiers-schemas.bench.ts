/**
 * Calls per second of the identifier checks and of canonical-record validation (valid records, and
 * invalid ones including error formatting), single thread.
 * Run: node --import tsx bench/identifiers-schemas.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { checkGtin, checkHibcc, checkNdc, checkNpi, gs1CheckDigit, normalizeOrgName } from '../server/identifiers/index';
import { validateCanonical } from '../server/schemas/canonicalSchemas';

function measure(label: string, iterations: number, run: (index: number) => unknown): void {
  // Warm-up so the figure is for optimised code, not the first compilation.
  for (let index = 0; index < Math.min(iterations, 10_000); index++) run(index);
  const start = performance.now();
  for (let index = 0; index < iterations; index++) run(index);
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(46)} ${Math.round(iterations / seconds).toLocaleString('en-US').padStart(12)} /s`);
}

const gtins = Array.from({ length: 1000 }, (_, index) => {
  const data = String(36000291000 + index).padStart(12, '0');
  return data + String(gs1CheckDigit(data));
});
const item = {
  sourceId: '100234',
  status: 'active',
  description: 'SPONGE GAUZE 4X4IN 12PLY STERILE',
  manufacturer: { name: 'Covidien', id: 'COV' },
  manufacturerPartNumber: '2913',
  gtin: '036000291452',
  ndc: '0002-0152-01',
  unspsc: '42311505',
  baseUom: 'EA',
  packaging: [
    { uom: 'BX', quantityOfEaches: 10, gtin: '10036000291459', containsUom: 'EA', containsQuantity: 10 },
    { uom: 'CA', quantityOfEaches: 120, containsUom: 'BX', containsQuantity: 12 },
  ],
  price: { amount: 12.5, currency: 'USD', uom: 'BX' },
  latexFree: true,
};
const invalidItem = { ...item, gtin: '036000291453', gtinn: 'x', status: 'A' };

measure('checkGtin (13 digits)', 1_000_000, (index) => checkGtin(gtins[index % gtins.length]));
measure('checkNdc (hyphenated 4-4-2)', 1_000_000, () => checkNdc('0002-0152-01'));
measure('checkNpi', 1_000_000, () => checkNpi('1245319599'));
measure('checkHibcc (full barcode, mod 43)', 1_000_000, () => checkHibcc('+A123BJC5D6E71G'));
measure('normalizeOrgName', 500_000, () => normalizeOrgName('Becton, Dickinson and Company®'));
measure('validateCanonical(item), valid full record', 200_000, () => validateCanonical('item', item));
measure('validateCanonical(item), 3 errors formatted', 200_000, () => validateCanonical('item', invalidItem));
