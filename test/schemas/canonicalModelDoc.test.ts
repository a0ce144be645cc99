import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { getCanonicalSchema, listDomains } from '../../server/schemas';
import { UOM_ALIASES, UOM_CODES } from '../../server/identifiers';

const doc = readFileSync(new URL('../../docs/CANONICAL-MODEL.md', import.meta.url), 'utf8');

function fieldPaths(properties: Record<string, Record<string, unknown>>, prefix: string): string[] {
  const paths: string[] = [];
  for (const [name, property] of Object.entries(properties)) {
    paths.push(prefix + name);
    const items = property.items as { properties?: Record<string, Record<string, unknown>> } | undefined;
    const nested = property.properties as Record<string, Record<string, unknown>> | undefined;
    if (nested) paths.push(...fieldPaths(nested, `${prefix}${name}.`));
    if (items?.properties) paths.push(...fieldPaths(items.properties, `${prefix}${name}[].`));
  }
  return paths;
}

// The document is hand-written; this keeps it from drifting away from the schemas.
describe('docs/CANONICAL-MODEL.md', () => {
  test.each(listDomains())('documents every field of %s and its $id', (domain) => {
    const canonical = getCanonicalSchema(domain);
    const properties = canonical.schema.properties as Record<string, Record<string, unknown>>;
    const missing = fieldPaths(properties, '').filter((path) => !doc.includes(`\`${path}\``));
    expect(missing).toEqual([]);
    expect(doc).toContain(canonical.$id);
  });

  test('documents every unit-of-measure code and alias', () => {
    for (const code of UOM_CODES) expect(doc).toContain(`\`${code}\``);
    const undocumented = Object.keys(UOM_ALIASES).filter(
      (alias) => !doc.includes(`\`${alias}\``) && !doc.includes(`\`${alias.replace(/S$/, '')}(S)\``),
    );
    expect(undocumented).toEqual([]);
  });
});
