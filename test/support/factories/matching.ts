/** Factories for matching-operation tests: the shipped rules of a domain as JSON, changed copies of them. */
import { readFileSync } from 'node:fs';
import type { RuleSet } from '../../../server/matching/types';

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
