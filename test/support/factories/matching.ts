/** Factories for matching-operation tests: the shipped rules of a domain as JSON, changed copies of them, a pair verified through the API. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect } from 'vitest';
import { scorePair } from '../../../server/matching';
import { compileExtractors, extractAttributes } from '../../../server/matching/attributes';
import { normalizeText } from '../../../server/identifiers/names';
import { shippedAliasTables, withAliasTables } from '../../../server/matching/aliases';
import { normalizerFor } from '../../../server/matching/normalizers';
import { compileTextRewrites } from '../../../server/matching/textRewrites';
import { addressWordsOf, legalFormsOf, type AddressWords, type LegalForms } from '../../../server/matching/truncation';
import type { CompiledRules } from '../../../server/matching/rules';
import type { CanonicalRecord, NormalizerName, RuleSet, TextRewriteName } from '../../../server/matching/types';
import { must } from '../must';
import { publishMapping, startIngestServer } from './ingest';
import type { TestServer } from '../testServer';

/** The shipped `matching-rules/<domain>.json`, parsed (a fresh copy on every call). */
export function shippedRules(domain: string): RuleSet {
  return JSON.parse(readFileSync(new URL(`../../../matching-rules/${domain}.json`, import.meta.url), 'utf8')) as RuleSet;
}

/** The shipped rules with a new version string and `change` applied. */
export function changedRules(domain: string, version: string, change: (rules: RuleSet) => void = () => undefined): RuleSet {
  const rules = shippedRules(domain);
  rules.version = version;
  change(rules);
  return rules;
}

/** The explanation `POST /matching/verify` gives for two canonical records (fields as the records hold them). */
export interface VerifiedPair {
  band: string;
  hardRule: { name: string } | null;
  comparators: Array<{ name: string; outcome: string; score: number | null }>;
}

/** Scores two records of `domain` through the public API; fails the test on any status but 200. */
export async function verifyPair(args: {
  server: TestServer;
  domain: string;
  a: Record<string, unknown>;
  b: Record<string, unknown>;
}): Promise<VerifiedPair> {
  const response = await args.server.request<{ explanation: VerifiedPair }>('POST', '/api/v1/matching/verify', {
    body: { domain: args.domain, a: { sourceId: 'a', ...args.a }, b: { sourceId: 'b', ...args.b } },
  });
  expect(response.status, response.text).toBe(200);
  return response.body.explanation;
}

/** One comparator of a verified pair (undefined when the rules have none of that name). */
export function comparatorOf(explanation: VerifiedPair, name: string): VerifiedPair['comparators'][number] | undefined {
  return explanation.comparators.find((c) => c.name === name);
}

/** A comparator's result with the compared values it shows (the verify response holds them; the shared type does not). */
export type ShownComparison = VerifiedPair['comparators'][number] & { a?: string | null; b?: string | null };

/** The `name` comparator's outcome and score for two records of `domain` that hold only a name, through the public API. */
export async function nameComparison(args: {
  server: TestServer;
  domain: string;
  a: string;
  b: string;
}): Promise<ShownComparison | undefined> {
  return comparatorOf(await verifyPair({ server: args.server, domain: args.domain, a: { name: args.a }, b: { name: args.b } }), 'name');
}

/** The attributes a rule set's extractors read from one text (an empty object when none). */
export function attributeReader(ruleSet: RuleSet): (text: string) => Record<string, unknown> {
  const extractors = compileExtractors(ruleSet.attributes ?? []);
  return (text) => extractAttributes(extractors, [text]) ?? {};
}

/** The level a named comparator reached in a scored pair; fails when the rules have no such comparator. */
export function comparatorLevel(explanation: ReturnType<typeof scorePair>, name: string) {
  return must(
    explanation.comparators.find((comparator) => comparator.name === name),
    name,
  ).level;
}

/** An item record holding only a description (and a manufacturer name when given). */
export function describedItem(sourceId: string, description: string, manufacturer?: string): CanonicalRecord {
  return { sourceId, description, ...(manufacturer ? { manufacturer: { name: manufacturer } } : {}) };
}

/**
 * Expectations on two item descriptions of one maker scored with `rules` (the item-round fixture tables):
 * `expectConflict` — they differ in a distinguishing attribute, so are never merged nor put before a steward;
 * `expectAgreement` — both read `attribute` and the attributes agree.
 */
export function itemPairExpectations(rules: CompiledRules) {
  const attributesOf = attributeReader(rules.rules);
  return {
    attributesOf,
    expectConflict(a: string, b: string, manufacturer = 'Maker'): void {
      const explanation = scorePair({ a: describedItem('a', a, manufacturer), b: describedItem('b', b, manufacturer), rules });
      expect(comparatorLevel(explanation, 'attributes')).toBe('conflict');
      expect(explanation.band).toBe('no-match');
    },
    expectAgreement(a: string, b: string, attribute: string): void {
      expect(attributesOf(a)[attribute], a).toBeDefined();
      expect(attributesOf(b)[attribute], b).toBeDefined();
      const explanation = scorePair({ a: describedItem('a', a, 'Maker'), b: describedItem('b', b, 'Maker'), rules });
      expect(comparatorLevel(explanation, 'attributes')).toMatch(/^agree/);
    },
  };
}

/** The legal forms and address words the supplier name comparator's truncation readings take from the shipped tables. */
export function shippedNameReadings(): { forms: LegalForms; address: AddressWords } {
  const shipped = shippedAliasTables();
  return {
    forms: legalFormsOf([must(shipped.get('legalSuffixes'), 'legalSuffixes')], normalizeText),
    address: addressWordsOf({
      addressTables: [must(shipped.get('addressWords'), 'addressWords')],
      regionTables: [must(shipped.get('regionCodes'), 'regionCodes')],
      normalize: normalizeText,
    }),
  };
}

interface ItemTextComparator {
  name: string;
  params: { normalizer: NormalizerName; aliasTables: string[]; textRewrites?: TextRewriteName[] };
}

/**
 * How the shipped item rule reads a text: `readAsCompared` as the description comparator (normaliser and alias tables
 * from the rule file), `attributesOf` as the attributes comparator (its text rewrites, then the extractors).
 */
export function shippedItemReadings(): {
  readAsCompared: (text: string) => string | null;
  attributesOf: (text: string) => Record<string, unknown>;
} {
  const ruleSet = shippedRules('item');
  const comparators = ruleSet.comparators as unknown as ItemTextComparator[];
  const comparatorNamed = (name: string): ItemTextComparator =>
    must(
      comparators.find((c) => c.name === name),
      `the item ${name} comparator`,
    );
  const description = comparatorNamed('description');
  const readAsCompared = withAliasTables({
    normalize: normalizerFor(description.params.normalizer),
    tables: description.params.aliasTables.map((name) => must(shippedAliasTables().get(name), `alias table ${name}`)),
  });
  const rewrite = must(compileTextRewrites(comparatorNamed('attributes').params.textRewrites), 'the attributes text rewrites');
  const readAttributes = attributeReader(ruleSet);
  return { readAsCompared, attributesOf: (text) => readAttributes(rewrite(text)) };
}

/**
 * A test file's own server for matching `domain`'s records through the public API: started (with `mappings`, each a
 * source's published JSONata mapping into `domain`) before the file's tests and stopped after them. `server()` is the
 * started server; `verify` scores two records and `compareNames` two names (`POST /matching/verify`).
 */
export function matchingTestServer(domain: string, options: { mappings?: Array<{ source: string; expression: string }> } = {}) {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startIngestServer();
    for (const mapping of options.mappings ?? []) await publishMapping(started, { ...mapping, domain });
  });
  afterAll(async () => started?.stop());
  const server = (): TestServer => must(started, `the ${domain} matching test server`);
  return {
    server,
    verify: (a: Record<string, unknown>, b: Record<string, unknown>): Promise<VerifiedPair> =>
      verifyPair({ server: server(), domain, a, b }),
    compareNames: (a: string, b: string): Promise<ShownComparison | undefined> => nameComparison({ server: server(), domain, a, b }),
  };
}
