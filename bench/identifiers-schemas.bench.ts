/**
 * Calls per second of the identifier checks and of canonical-record validation (valid records, and
 * invalid ones including error formatting), single thread.
 * Run: node --import tsx bench/identifiers-schemas.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { checkGtin, checkHibcc, checkNdc, checkNpi, gs1CheckDigit, normalizeOrgName } from '../server/identifiers/index';
import { validateCanonical } from '../server/schemas/canonicalSchemas';
import { present } from '../server/invariant';

function measure(options: { label: string; iterations: number; run: (index: number) => unknown }): void {
  const { label, iterations, run } = options;
  // Warm-up so the figure is for optimised code, not the first compilation.
  for (let index = 0; index < Math.min(iterations, 10_000); index++) run(index);
  const start = performance.now();
  for (let index = 0; index < iterations; index++) run(index);
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${label.padEnd(46)} ${Math.round(iterations / seconds)
      .toLocaleString('en-US')
      .padStart(12)} /s`,
  );
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

measure({
  label: 'checkGtin (13 digits)',
  iterations: 1_000_000,
  run: (index) => checkGtin(present(gtins[index % gtins.length], 'gtins[index % gtins.length]')),
});
measure({ label: 'checkNdc (hyphenated 4-4-2)', iterations: 1_000_000, run: () => checkNdc('0002-0152-01') });
measure({ label: 'checkNpi', iterations: 1_000_000, run: () => checkNpi('1245319599') });
measure({ label: 'checkHibcc (full barcode, mod 43)', iterations: 1_000_000, run: () => checkHibcc('+A123BJC5D6E71G') });
measure({ label: 'normalizeOrgName', iterations: 500_000, run: () => normalizeOrgName('Becton, Dickinson and Company®') });
measure({ label: 'validateCanonical(item), valid full record', iterations: 200_000, run: () => validateCanonical('item', item) });
measure({ label: 'validateCanonical(item), 3 errors formatted', iterations: 200_000, run: () => validateCanonical('item', invalidItem) });
