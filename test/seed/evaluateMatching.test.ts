import { describe, expect, test } from 'vitest';
import type { GroundTruth, RecordRef } from '../../seed/loadSeed';
import { scorePairwise } from '../../seed/evaluateMatching';

const r = (sourceId: string, source = 'ps'): RecordRef => ({ source, sourceId });
const truth: GroundTruth = {
  description: 'fixture',
  clusters: [[r('a'), r('b'), r('c')], [r('d'), r('e')]],
  relationships: [],
  badRecords: [{ source: 'ps', sourceId: 'x', expectedCode: 'REQUIRED', reason: 'fixture' }],
};

describe('scorePairwise', () => {
  test.each([
    { name: 'perfect', predicted: [[r('a'), r('b'), r('c')], [r('d'), r('e')]], tp: 4, fp: 0, fn: 0 },
    { name: 'nothing predicted', predicted: [], tp: 0, fp: 0, fn: 4 },
    { name: 'one cluster split', predicted: [[r('a'), r('b')], [r('c')], [r('d'), r('e')]], tp: 2, fp: 0, fn: 2 },
    { name: 'two clusters merged', predicted: [[r('a'), r('b'), r('c'), r('d'), r('e')]], tp: 4, fp: 6, fn: 0 },
    { name: 'same id in another source is another record', predicted: [[r('a'), r('b', 'lawson')]], tp: 0, fp: 1, fn: 4 },
    { name: 'bad records are left out', predicted: [[r('d'), r('e'), r('x')]], tp: 1, fp: 0, fn: 3 },
  ])('$name', ({ predicted, tp, fp, fn }) => {
    const score = scorePairwise({ truth, predicted });
    expect([score.truePositives, score.falsePositives, score.falseNegatives]).toEqual([tp, fp, fn]);
    expect(score.precision).toBeCloseTo(tp + fp === 0 ? 1 : tp / (tp + fp));
    expect(score.recall).toBeCloseTo(tp / (tp + fn));
  });

  test('bad records count when asked to', () => {
    expect(scorePairwise({ truth, predicted: [[r('d'), r('x')]], includeBadRecords: true }).falsePositives).toBe(1);
  });
});
