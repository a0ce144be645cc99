import { readdirSync, readFileSync } from 'node:fs';
import { create, createUnitDependencies, unitDependencies } from 'mathjs';
import { describe, expect, test } from 'vitest';
import { conversionFactor, UNIT_FACTORY_FILES } from '../../server/matching/unitConversions';
import type { AttributeExtractor, RuleSet } from '../../server/matching';

/** Factory names in a mathjs dependency object (`{ createX, yDependencies: { … } }`), recursively. */
function factoryNames(dependencies: Record<string, unknown>, into = new Set<string>()): Set<string> {
  for (const [name, value] of Object.entries(dependencies)) {
    if (name.endsWith('Dependencies') && typeof value === 'object' && value !== null) factoryNames(value as Record<string, unknown>, into);
    else if (name.startsWith('create')) into.add(name);
  }
  return into;
}

/** The full mathjs build, as attributes.ts used it before the unit-only instance. */
const full = create({ unitDependencies, createUnitDependencies } as unknown as Parameters<typeof create>[0]);
full.createUnit('mcg', '1 ug', { override: true });
function fullFactor(spec: string, target: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)?\s*(.+)$/.exec(spec);
  const factor = match?.[1] ? Number(match[1]) : 1;
  return factor * full.unit(1, match?.[2] ?? spec).toNumber(target);
}

/** Every (spec, target) conversion the shipped rule files compile. */
function shippedConversions(): Array<{ domain: string; spec: string; target: string }> {
  const conversions: Array<{ domain: string; spec: string; target: string }> = [];
  for (const file of readdirSync('matching-rules').filter((name) => name.endsWith('.json') && name !== 'rules.schema.json')) {
    const rules = JSON.parse(readFileSync(`matching-rules/${file}`, 'utf8')) as RuleSet;
    for (const extractor of (rules.attributes ?? []) as AttributeExtractor[]) {
      if (extractor.kind !== 'quantity' || !extractor.unit) continue;
      const [numerator = extractor.unit, denominator] = extractor.unit.split('/');
      const unitTarget = denominator && extractor.perUnits ? numerator : extractor.unit;
      for (const spec of Object.values(extractor.units ?? {})) conversions.push({ domain: rules.domain, spec, target: unitTarget });
      if (denominator)
        for (const spec of Object.values(extractor.perUnits ?? {})) conversions.push({ domain: rules.domain, spec, target: denominator });
    }
  }
  return conversions;
}

describe('unit conversions from the unit-only mathjs instance', () => {
  test('its factory list is the tree mathjs declares for unit and createUnit', () => {
    const declared = factoryNames({ unitDependencies, createUnitDependencies } as Record<string, unknown>);
    expect(Object.keys(UNIT_FACTORY_FILES).sort()).toEqual([...declared].sort());
  });

  const conversions = shippedConversions();
  test('the shipped rules convert units', () => {
    expect(conversions.length).toBeGreaterThan(10);
  });

  test.each(conversions)('$domain: $spec → $target gives the full build’s factor', ({ spec, target }) => {
    expect(conversionFactor(spec, target)).toBe(fullFactor(spec, target));
  });

  test.each([
    { spec: 'cm^3', target: 'ml', factor: 1.0000000000000002 },
    { spec: '10 mg/ml', target: 'mg/ml', factor: 10 },
    { spec: 'mcg', target: 'mg', factor: 0.001 },
  ])('$spec → $target = $factor', ({ spec, target, factor }) => {
    expect(conversionFactor(spec, target)).toBe(factor);
  });

  test.each([
    { spec: 'ml', target: 'mg' },
    { spec: 'furlongs per fortnight', target: 'ml' },
  ])('$spec → $target is refused', ({ spec, target }) => {
    expect(() => conversionFactor(spec, target)).toThrow();
  });
});
