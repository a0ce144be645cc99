/**
 * Rule sets: loading `matching-rules/<domain>.json`, validating against rules.schema.json (ajv,
 * JSON Schema 2020-12) plus the cross-references a schema cannot express, and compiling into
 * the key and comparator functions the engine runs.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';
import { createAjv, toErrorDetails } from '../schemas';
import { UnprocessableError, type ErrorDetail } from '../errors';
import { shippedAliasTables, type AliasTable, type AliasTables } from './aliases';
import { compileExtractors, extractorProblems } from './attributes';
import { compileBlockingKey, type CompiledBlockingKey } from './blocking';
import { compileComparator, type CompiledComparator } from './comparators';
import { tablesReadBy } from './normalizers';
import { tablesReadByRewrites } from './textRewrites';
import { BRACKET_READING_TABLES } from './bracketedNames';
import {
  compileConditions,
  compileLevels,
  priorMatchWeight,
  validateFellegiSunter,
  type CompiledCondition,
  type CompiledLevel,
} from './probabilistic';
import type { HardRule, MatchModel, RuleSet, SourceLayoutWords } from './types';

/** Alias tables a rule set may name: the given ones (published versions) over the shipped files. */
export interface AliasTableOptions {
  aliasTables?: AliasTables;
}

const RULES_DIRECTORY = fileURLToPath(new URL('../../matching-rules/', import.meta.url));

export interface CompiledRules {
  rules: RuleSet;
  domain: string;
  version: string;
  keyRules: CompiledBlockingKey[];
  comparators: CompiledComparator[];
  /**
   * Per comparator, the index of the first comparator with the same `preparationKey` (its own index
   * when none comes before it): `prepareRecord` prepares a shared value once and stores the same
   * value under each name. Absent on hand-built rules: every comparator prepares its own.
   */
  preparedWith?: number[];
  /** comparator name → index in `comparators`, for hard-rule conditions. */
  comparatorIndex: Map<string, number>;
  /** The alias tables compiled in, name → table `version` (recorded so a steward can tell which tables decided). */
  aliasTableVersions: Record<string, string>;
  model: MatchModel;
  /** Fellegi–Sunter levels per comparator (same order as `comparators`; empty when none declared). */
  levels: CompiledLevel[][];
  /** fellegiSunter: log2 of the prior odds (0 for the weighted model). */
  priorMatchWeight: number;
  /** `rules.hardRules` in order, each with its conditions compiled for the hot path. */
  hardRuleChecks: Array<{ rule: HardRule; conditions: CompiledCondition[] }>;
  /** Names of comparators that weigh tokens by rarity (`weighting: "idf"`): their token frequencies are kept per domain. */
  idfComparators: string[];
  /** Idf comparators that also keep their token frequencies per source (`sourceLayoutWords`), with those params. */
  sourceLayoutComparators: ReadonlyMap<string, SourceLayoutWords>;
  /** By comparator index: the condition lists under which its source layout weights are not applied (`sourceLayoutWords.notWhenAny`). */
  sourceLayoutExemptions: ReadonlyMap<number, CompiledCondition[][]>;
}

/** The comparator params that name alias tables. */
const TABLE_PARAMS = [
  'aliasTables',
  'relatedTables',
  'placePrefixTables',
  'addressTailTables',
  'regionCodeTables',
  'brandDescriptorTables',
  'territoryNameTables',
  'otherNameTables',
] as const;

/** Names of the alias tables a rule set refers to (comparators and blocking keys), in first-use order. */
export function aliasTableNamesOf(rules: RuleSet): string[] {
  const names = new Set<string>();
  for (const key of rules.blocking)
    for (const name of [...(key.params?.aliasTables ?? []), ...(key.params?.otherNameTables ?? [])]) names.add(name);
  for (const comparator of rules.comparators)
    for (const param of TABLE_PARAMS) for (const name of comparator.params?.[param] ?? []) names.add(name);
  // The tables a normaliser reads itself (facilityName's facility nouns and romaji syllables) are the rule set's too.
  for (const rule of [...rules.blocking, ...rules.comparators]) for (const name of tablesReadBy(rule.params?.normalizer)) names.add(name);
  // So are those a text rewrite reads (requestChatter) and those a name's bracketed forms are read by (`alternatives`).
  for (const rule of [...rules.blocking, ...rules.comparators]) {
    for (const name of tablesReadByRewrites(rule.params?.textRewrites)) names.add(name);
    if (rule.params?.alternatives) for (const name of BRACKET_READING_TABLES) names.add(name);
  }
  return [...names];
}

function resolveAliasTable(name: string, options: AliasTableOptions): AliasTable | undefined {
  return options.aliasTables?.get(name) ?? shippedAliasTables().get(name);
}

let validator: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined;

function schemaValidator(): ((data: unknown) => boolean) & { errors?: ErrorObject[] | null } {
  if (!validator) {
    const schema: unknown = JSON.parse(readFileSync(`${RULES_DIRECTORY}rules.schema.json`, 'utf8'));
    // strictRequired off: the if/then branches require params declared in the main branch.
    validator = createAjv({ strictRequired: false }).compile(schema as object);
  }
  return validator;
}

function duplicates(names: string[]): string[] {
  return names.filter((name, i) => names.indexOf(name) !== i);
}

/** Validates a rule set; returns the problems as ErrorDetail list (empty when valid). */
export function validateRules(json: unknown, options: AliasTableOptions = {}): ErrorDetail[] {
  const validate = schemaValidator();
  if (!validate(json)) return toErrorDetails(validate.errors ?? []);
  const rules = json as RuleSet;
  const problems: ErrorDetail[] = [];
  for (const name of duplicates(rules.blocking.map((k) => k.name))) {
    problems.push({ path: 'blocking', code: 'DUPLICATE_NAME', message: `blocking key name "${name}" is used twice` });
  }
  const comparatorNames = rules.comparators.map((c) => c.name);
  for (const name of duplicates(comparatorNames)) {
    problems.push({ path: 'comparators', code: 'DUPLICATE_NAME', message: `comparator name "${name}" is used twice` });
  }
  rules.hardRules.forEach((rule, i) => {
    rule.when.forEach((condition, j) => {
      if (!comparatorNames.includes(condition.comparator)) {
        problems.push({
          path: `hardRules[${i}].when[${j}].comparator`,
          code: 'UNKNOWN_COMPARATOR',
          message: `hard rule "${rule.name}" refers to comparator "${condition.comparator}", which is not defined`,
        });
      }
    });
  });
  (rules.clusterReview?.edges ?? []).forEach((edge, i) => {
    for (const key of ['when', 'unless'] as const) {
      (edge[key] ?? []).forEach((condition, j) => {
        if (!comparatorNames.includes(condition.comparator)) {
          problems.push({
            path: `clusterReview.edges[${i}].${key}[${j}].comparator`,
            code: 'UNKNOWN_COMPARATOR',
            message: `cluster edge "${edge.name}" refers to comparator "${condition.comparator}", which is not defined`,
          });
        }
      });
    }
  });
  (rules.clusterReview?.splitWhen ?? []).forEach((split, i) => {
    const marker = split.marker;
    if (marker)
      (['pattern', 'otherPattern', 'ignore'] as const).forEach((key) => {
        const pattern = marker[key];
        if (pattern === undefined) return;
        try {
          new RegExp(pattern, 'iu');
        } catch (error) {
          problems.push({
            path: `clusterReview.splitWhen[${i}].marker.${key}`,
            code: 'INVALID_PATTERN',
            message: `cluster split "${split.name}": ${(error as Error).message}`,
          });
        }
      });
    if (marker?.compare === 'values' && marker.otherPattern !== undefined)
      problems.push({
        path: `clusterReview.splitWhen[${i}].marker.otherPattern`,
        code: 'INVALID_MARKER',
        message: `cluster split "${split.name}": a marker that compares values reads no otherPattern`,
      });
    if (marker?.compare !== 'values' && marker?.values !== undefined)
      problems.push({
        path: `clusterReview.splitWhen[${i}].marker.values`,
        code: 'INVALID_MARKER',
        message: `cluster split "${split.name}": values are read only by a marker with compare "values"`,
      });
    split.when.forEach((condition, j) => {
      if (!comparatorNames.includes(condition.comparator)) {
        problems.push({
          path: `clusterReview.splitWhen[${i}].when[${j}].comparator`,
          code: 'UNKNOWN_COMPARATOR',
          message: `cluster split "${split.name}" refers to comparator "${condition.comparator}", which is not defined`,
        });
      }
    });
  });
  (rules.clusterReview?.bridgeAnchors ?? []).forEach((anchor, i) => {
    anchor.forEach((condition, j) => {
      if (!comparatorNames.includes(condition.comparator))
        problems.push({
          path: `clusterReview.bridgeAnchors[${i}][${j}].comparator`,
          code: 'UNKNOWN_COMPARATOR',
          message: `cluster bridge anchor ${i} refers to comparator "${condition.comparator}", which is not defined`,
        });
    });
  });
  (['when', 'unless'] as const).forEach((key) =>
    (rules.clusterReview?.attachLoneMember?.[key] ?? []).forEach((condition, j) => {
      if (!comparatorNames.includes(condition.comparator))
        problems.push({
          path: `clusterReview.attachLoneMember.${key}[${j}].comparator`,
          code: 'UNKNOWN_COMPARATOR',
          message: `cluster attach rule refers to comparator "${condition.comparator}", which is not defined`,
        });
    }),
  );
  const attach = rules.clusterReview?.attachLoneMember;
  if (attach && attach.othersBelow > attach.probabilityAtLeast)
    problems.push({
      path: 'clusterReview.attachLoneMember.othersBelow',
      code: 'THRESHOLD_ORDER',
      message: 'clusterReview.attachLoneMember.othersBelow must not exceed probabilityAtLeast',
    });
  rules.comparators.forEach((comparator, i) =>
    (comparator.params?.sourceLayoutWords?.notWhenAny ?? []).forEach((conditions, j) =>
      conditions.forEach((condition, k) => {
        if (!comparatorNames.slice(0, i).includes(condition.comparator))
          problems.push({
            path: `comparators[${i}].params.sourceLayoutWords.notWhenAny[${j}][${k}].comparator`,
            code: 'UNKNOWN_COMPARATOR',
            message: `sourceLayoutWords refers to comparator "${condition.comparator}", which is not defined before "${comparator.name}"`,
          });
      }),
    ),
  );
  (rules.transitiveReview?.unlessAny ?? []).forEach((condition, j) => {
    if (!comparatorNames.includes(condition.comparator))
      problems.push({
        path: `transitiveReview.unlessAny[${j}].comparator`,
        code: 'UNKNOWN_COMPARATOR',
        message: `transitiveReview refers to comparator "${condition.comparator}", which is not defined`,
      });
  });
  for (const name of duplicates((rules.clusterReview?.edges ?? []).map((e) => e.name))) {
    problems.push({ path: 'clusterReview.edges', code: 'DUPLICATE_NAME', message: `cluster edge name "${name}" is used twice` });
  }
  if (rules.thresholds.review > rules.thresholds.autoMerge) {
    problems.push({ path: 'thresholds', code: 'THRESHOLD_ORDER', message: 'thresholds.review must not exceed thresholds.autoMerge' });
  }
  rules.blocking.forEach((key, i) => {
    for (const param of ['aliasTables', 'otherNameTables'] as const)
      (key.params?.[param] ?? []).forEach((name, j) => {
        if (!resolveAliasTable(name, options))
          problems.push({
            path: `blocking[${i}].params.${param}[${j}]`,
            code: 'UNKNOWN_ALIAS_TABLE',
            message: `blocking key "${key.name}" names alias table "${name}", which does not exist`,
          });
      });
  });
  const attributeNames = (rules.attributes ?? []).map((a) => a.name);
  for (const name of duplicates(attributeNames)) {
    problems.push({ path: 'attributes', code: 'DUPLICATE_NAME', message: `attribute name "${name}" is used twice` });
  }
  problems.push(...extractorProblems(rules.attributes ?? []));
  rules.comparators.forEach((comparator, i) => {
    for (const param of TABLE_PARAMS)
      (comparator.params?.[param] ?? []).forEach((name, j) => {
        if (!resolveAliasTable(name, options))
          problems.push({
            path: `comparators[${i}].params.${param}[${j}]`,
            code: 'UNKNOWN_ALIAS_TABLE',
            message: `comparator "${comparator.name}" names alias table "${name}", which does not exist`,
          });
      });
    const termsOf = comparator.params?.termsOf;
    if (termsOf !== undefined) {
      const owner = rules.comparators.find((c) => c.name === termsOf);
      if (!owner || owner.type !== 'tokenSet' || owner.params?.weighting !== 'idf' || owner.params.termsOf !== undefined)
        problems.push({
          path: `comparators[${i}].params.termsOf`,
          code: 'UNKNOWN_TERMS',
          message: `comparator "${comparator.name}" reads the token frequencies of "${termsOf}", which is not a tokenSet comparator with weighting "idf" keeping its own`,
        });
    }
    if (comparator.type !== 'attributes') return;
    if (attributeNames.length === 0) {
      problems.push({
        path: `comparators[${i}]`,
        code: 'NO_ATTRIBUTES',
        message: `comparator "${comparator.name}" compares attributes, but the rule set declares none in "attributes"`,
      });
    }
    for (const param of ['attributes', 'strongAttributes'] as const)
      (comparator.params?.[param] ?? []).forEach((name, j) => {
        if (!attributeNames.includes(name))
          problems.push({
            path: `comparators[${i}].params.${param}[${j}]`,
            code: 'UNKNOWN_ATTRIBUTE',
            message: `comparator "${comparator.name}" names attribute "${name}", which the rule set does not declare`,
          });
      });
  });
  if ((rules.model ?? 'weighted') === 'weighted' && rules.comparators.every((c) => c.weight === 0)) {
    problems.push({ path: 'comparators', code: 'NO_WEIGHT', message: 'at least one comparator needs a weight above 0' });
  }
  problems.push(...validateFellegiSunter(rules));
  return problems;
}

/**
 * Validates and compiles a rule set; throws UnprocessableError (422, INVALID_MATCHING_RULES) listing
 * the problems. Alias tables come from `options.aliasTables` (published versions), else the shipped files.
 */
export function compileRules(json: unknown, options: AliasTableOptions = {}): CompiledRules {
  const problems = validateRules(json, options);
  if (problems.length > 0) {
    throw new UnprocessableError('INVALID_MATCHING_RULES', `The matching rules have ${problems.length} problem(s).`, problems);
  }
  const rules = json as RuleSet;
  const aliasTableVersions: Record<string, string> = {};
  const aliasTable = (name: string): AliasTable => {
    const table = resolveAliasTable(name, options) as AliasTable;
    aliasTableVersions[name] = table.version;
    return table;
  };
  const context = { extractors: compileExtractors(rules.attributes ?? []), aliasTable };
  const comparators = rules.comparators.map((rule) => compileComparator(rule, context));
  const comparatorIndex = new Map(comparators.map((c, i) => [c.rule.name, i]));
  const firstWithKey = new Map<string, number>();
  const preparedWith = comparators.map((c, i) => {
    if (c.preparationKey === undefined) return i;
    const first = firstWithKey.get(c.preparationKey) ?? i;
    firstWithKey.set(c.preparationKey, first);
    return first;
  });
  return {
    rules,
    domain: rules.domain,
    version: rules.version,
    keyRules: rules.blocking.map((rule) => compileBlockingKey(rule, aliasTable)),
    comparators,
    preparedWith,
    comparatorIndex,
    hardRuleChecks: rules.hardRules.map((rule) => ({ rule, conditions: compileConditions(rule.when, comparatorIndex) })),
    aliasTableVersions,
    model: rules.model ?? 'weighted',
    levels: rules.comparators.map(compileLevels),
    priorMatchWeight:
      rules.model === 'fellegiSunter' && rules.priorMatchProbability !== undefined ? priorMatchWeight(rules.priorMatchProbability) : 0,
    idfComparators: rules.comparators
      .filter((c) => c.type === 'tokenSet' && c.params?.weighting === 'idf' && c.params.termsOf === undefined)
      .map((c) => c.name),
    sourceLayoutComparators: new Map(
      rules.comparators.flatMap((c) =>
        c.type === 'tokenSet' && c.params?.weighting === 'idf' && c.params.termsOf === undefined && c.params.sourceLayoutWords
          ? [[c.name, c.params.sourceLayoutWords] as const]
          : [],
      ),
    ),
    sourceLayoutExemptions: new Map(
      rules.comparators.flatMap((c, i) => {
        const lists = c.params?.sourceLayoutWords?.notWhenAny;
        return lists ? [[i, lists.map((conditions) => compileConditions(conditions, comparatorIndex))] as const] : [];
      }),
    ),
  };
}

/** Reads `matching-rules/<domain>.json` (or `directory/<domain>.json`) and compiles it. */
export async function loadRules(domain: string, directory: string = RULES_DIRECTORY): Promise<CompiledRules> {
  if (!/^[a-z][a-z0-9-]*$/.test(domain)) {
    throw new UnprocessableError('INVALID_DOMAIN', `"${domain}" is not a domain name (lower-case letters, digits, hyphens).`);
  }
  const path = `${directory.endsWith('/') ? directory : `${directory}/`}${domain}.json`;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UnprocessableError('MATCHING_RULES_NOT_FOUND', `No matching rules exist for domain "${domain}".`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UnprocessableError('INVALID_MATCHING_RULES', `matching-rules/${domain}.json is not valid JSON: ${(error as Error).message}`);
  }
  return compileRules(json);
}
