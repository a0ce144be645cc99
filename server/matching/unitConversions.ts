/**
 * Unit conversion factors for the attribute extractors, computed with mathjs units — loaded on the
 * first conversion and only the part units need.
 *
 * Why not `import { create, unitDependencies } from 'mathjs'`: the package entry evaluates every
 * mathjs module and builds its whole default instance (~0.9 s CPU and ~90 MiB at start-up, most of
 * the matching engine's import cost). The extractors need only `unit(…).toNumber(…)`, whose factory
 * tree is the 40 factories below. The package's `exports` map does not expose its files, so they are
 * required by path from the package root (the CommonJS build, so the first conversion stays
 * synchronous: rules compile synchronously). test/matching/unitConversions.test.ts checks that this
 * list is the tree mathjs declares for `unit` and `createUnit` and that every conversion in the
 * shipped rules gives the full build's factor; a mathjs upgrade that moves a file fails there and at
 * the first conversion, never silently.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FactoryFunctionMap, MathJsInstance } from 'mathjs';

/** Factory name → file under mathjs's `lib/cjs`, for `unitDependencies` and `createUnitDependencies`. */
export const UNIT_FACTORY_FILES: Readonly<Record<string, string>> = {
  createTyped: 'core/function/typed.js',
  createBigNumberClass: 'type/bignumber/BigNumber.js',
  createComplexClass: 'type/complex/Complex.js',
  createFractionClass: 'type/fraction/Fraction.js',
  createMatrixClass: 'type/matrix/Matrix.js',
  createDenseMatrixClass: 'type/matrix/DenseMatrix.js',
  createSparseMatrixClass: 'type/matrix/SparseMatrix.js',
  createIsNumeric: 'function/utils/isNumeric.js',
  createIsZero: 'function/utils/isZero.js',
  createNumeric: 'function/utils/numeric.js',
  createEqualScalar: 'function/relational/equalScalar.js',
  createEqual: 'function/relational/equal.js',
  createNumber: 'type/number.js',
  createBignumber: 'type/bignumber/function/bignumber.js',
  createFraction: 'type/fraction/function/fraction.js',
  createMatrix: 'type/matrix/function/matrix.js',
  createUnaryMinus: 'function/arithmetic/unaryMinus.js',
  createAbs: 'function/arithmetic/abs.js',
  createAddScalar: 'function/arithmetic/addScalar.js',
  createSubtractScalar: 'function/arithmetic/subtractScalar.js',
  createCeil: 'function/arithmetic/ceil.js',
  createFix: 'function/arithmetic/fix.js',
  createFloor: 'function/arithmetic/floor.js',
  createRound: 'function/arithmetic/round.js',
  createMultiplyScalar: 'function/arithmetic/multiplyScalar.js',
  createMultiply: 'function/arithmetic/multiply.js',
  createDivideScalar: 'function/arithmetic/divideScalar.js',
  createPow: 'function/arithmetic/pow.js',
  createConj: 'function/complex/conj.js',
  createIdentity: 'function/matrix/identity.js',
  createSize: 'function/matrix/size.js',
  createZeros: 'function/matrix/zeros.js',
  createDot: 'function/matrix/dot.js',
  createDet: 'function/matrix/det.js',
  createInv: 'function/matrix/inv.js',
  createFormat: 'function/string/format.js',
  createUnitClass: 'type/unit/Unit.js',
  createUnitFunction: 'type/unit/function/unit.js',
  createCreateUnit: 'type/unit/function/createUnit.js',
};

type UnitMath = Pick<MathJsInstance, 'unit' | 'createUnit'>;

let instance: UnitMath | undefined;

/** A mathjs instance with units only (built on first use, then shared by the process). */
export function unitMath(): UnitMath {
  if (instance) return instance;
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('mathjs/package.json')), 'lib', 'cjs');
  const factories: Record<string, unknown> = {};
  for (const [name, file] of Object.entries(UNIT_FACTORY_FILES)) {
    const factory = (require(join(root, file)) as Record<string, unknown>)[name];
    if (typeof factory !== 'function') throw new Error(`mathjs has no ${name} in lib/cjs/${file} (was mathjs upgraded?)`);
    factories[name] = factory;
  }
  const { create } = require(join(root, 'core', 'create.js')) as { create: (factories: FactoryFunctionMap) => UnitMath };
  const math = create(factories as FactoryFunctionMap);
  // Pharmacy spelling of micrograms.
  math.createUnit('mcg', '1 ug', { override: true });
  instance = math;
  return math;
}

/** Factor from a unit spec (`10 mg/ml`: a factor and a unit, or `cm^3`) to `target`; throws when not convertible. */
export function conversionFactor(spec: string, target: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)?\s*(.+)$/.exec(spec);
  const factor = match?.[1] ? Number(match[1]) : 1;
  return (
    factor *
    unitMath()
      .unit(1, match?.[2] ?? spec)
      .toNumber(target)
  );
}
