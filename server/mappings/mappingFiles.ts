/**
 * The on-disk layout of mappings as code, read and written in one place:
 *   <dir>/<source>/<domain>.jsonata            inbound expression
 *   <dir>/<source>/<domain>.json               { description, samples, tests }
 *   <dir>/<source>/<domain>.outbound.jsonata   outbound (same model, later)
 *   <dir>/lookups/<name>.json                  { description, entries }
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { DOMAIN_PATTERN, LOOKUP_NAME_PATTERN, mappingTestCaseSchema, SOURCE_PATTERN, sourceFormatSchema } from '../contracts/mappings';
import { sourceFormatProblem } from '../ingest/sourceFormat';
import type { SourceFormat } from '../ingest/formats/registry';
import { createAjv, toErrorDetails } from '../schemas/ajv';
import { normalizeExpression, type MappingKey } from './mappingIdentity';
import { toTestCases } from './saveMappingDraft';
import type { MappingContent } from './types';
import { DEFAULT_MAX_JSON_DEPTH, describePath, findTooDeep } from '../http/jsonDepth';

export const LOOKUPS_FOLDER = 'lookups';
const EXPRESSION_FILE = /^(.+?)(\.outbound)?\.jsonata$/;

export type MappingFile = { key: MappingKey; label: string } & ({ content: MappingContent } | { problem: string });
export type LookupFile = { name: string; label: string } & ({ description: string; entries: Record<string, unknown> } | { problem: string });

const ajv = createAjv();
const metaValidator: ValidateFunction = ajv.compile({
  type: 'object',
  additionalProperties: false,
  properties: { description: { type: 'string' }, format: sourceFormatSchema, samples: { type: 'array' }, tests: { type: 'array', items: mappingTestCaseSchema } },
});
const lookupValidator: ValidateFunction = ajv.compile({
  type: 'object',
  additionalProperties: false,
  required: ['entries'],
  properties: { description: { type: 'string' }, entries: { type: 'object' } },
});

function problemOf(validate: ValidateFunction, label: string): string {
  const details = toErrorDetails(validate.errors ?? [], { rootPath: label });
  return details.map((detail) => detail.message).join('; ');
}

async function readJson(file: string): Promise<{ value: unknown } | { problem: string } | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    return { problem: `${path.basename(file)} is not valid JSON: ${(error as Error).message}` };
  }
  // The same bound as request bodies: a table nested thousands deep would reach every evaluation through $lookup.
  const tooDeepAt = findTooDeep(value, DEFAULT_MAX_JSON_DEPTH);
  if (tooDeepAt !== null) return { problem: `${path.basename(file)} nests more than ${DEFAULT_MAX_JSON_DEPTH} levels deep (at ${describePath(tooDeepAt)})` };
  return { value };
}

async function listDirectory(dir: string): Promise<Array<{ name: string; isDirectory: boolean }>> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() })).sort((a, b) => a.name.localeCompare(b.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The relative file names of a mapping: `<source>/<domain>[.outbound].jsonata|json`. */
export function mappingFileNames(key: MappingKey): { expression: string; meta: string } {
  const stem = path.join(key.source, key.direction === 'outbound' ? `${key.domain}.outbound` : key.domain);
  return { expression: `${stem}.jsonata`, meta: `${stem}.json` };
}

async function readMappingFile(dir: string, key: MappingKey): Promise<MappingFile> {
  const names = mappingFileNames(key);
  const label = names.expression;
  const expression = normalizeExpression(await readFile(path.join(dir, names.expression), 'utf8'));
  if (expression === '') return { key, label, problem: `${label} is empty` };
  const meta = await readJson(path.join(dir, names.meta));
  if (meta && 'problem' in meta) return { key, label, problem: meta.problem };
  const value = meta?.value ?? {};
  if (!metaValidator(value)) return { key, label, problem: problemOf(metaValidator, names.meta) };
  const parsed = value as { description?: string; format?: SourceFormat; samples?: unknown[]; tests?: Array<{ name: string; input?: unknown; output?: unknown; error?: string }> };
  const formatProblem = parsed.format ? sourceFormatProblem(parsed.format, `${names.meta}: format`) : null;
  if (formatProblem) return { key, label, problem: formatProblem };
  try {
    const tests = toTestCases(parsed.tests ?? [], `${names.meta}: tests`);
    return { key, label, content: { expression, description: parsed.description ?? '', samples: parsed.samples ?? [], tests, ...(parsed.format ? { format: parsed.format } : {}) } };
  } catch (error) {
    return { key, label, problem: (error as Error).message };
  }
}

/** Every mapping file under `dir` (files whose names are not a valid source/domain are reported as problems). */
export async function readMappingFiles(dir: string): Promise<MappingFile[]> {
  const files: MappingFile[] = [];
  const sourcePattern = new RegExp(SOURCE_PATTERN);
  const domainPattern = new RegExp(DOMAIN_PATTERN);
  for (const folder of await listDirectory(dir)) {
    if (!folder.isDirectory || folder.name === LOOKUPS_FOLDER || folder.name.startsWith('.')) continue;
    for (const entry of await listDirectory(path.join(dir, folder.name))) {
      const [, domain, outbound] = EXPRESSION_FILE.exec(entry.name) ?? [];
      if (entry.isDirectory || domain === undefined) continue;
      const key: MappingKey = { source: folder.name, domain, direction: outbound ? 'outbound' : 'inbound' };
      const label = path.join(folder.name, entry.name);
      if (!sourcePattern.test(key.source)) files.push({ key, label, problem: `folder "${folder.name}" is not a valid source name (lower-case letters, digits, _ and -)` });
      else if (!domainPattern.test(key.domain)) files.push({ key, label, problem: `"${key.domain}" is not a valid domain name` });
      else files.push(await readMappingFile(dir, key));
    }
  }
  return files;
}

/** Every lookup table file in `<dir>/lookups/`. */
export async function readLookupFiles(dir: string): Promise<LookupFile[]> {
  const files: LookupFile[] = [];
  const namePattern = new RegExp(LOOKUP_NAME_PATTERN);
  for (const entry of await listDirectory(path.join(dir, LOOKUPS_FOLDER))) {
    if (entry.isDirectory || !entry.name.endsWith('.json')) continue;
    const name = entry.name.slice(0, -'.json'.length);
    const label = path.join(LOOKUPS_FOLDER, entry.name);
    if (!namePattern.test(name)) {
      files.push({ name, label, problem: `"${name}" is not a valid lookup table name` });
      continue;
    }
    const parsed = await readJson(path.join(dir, label));
    if (parsed === null) continue;
    if ('problem' in parsed) files.push({ name, label, problem: parsed.problem });
    else if (!lookupValidator(parsed.value)) files.push({ name, label, problem: problemOf(lookupValidator, label) });
    else {
      const value = parsed.value as { description?: string; entries: Record<string, unknown> };
      files.push({ name, label, description: value.description ?? '', entries: value.entries });
    }
  }
  return files;
}

/** Reads one mapping's files if present (null when the expression file does not exist). */
export async function readExistingMappingFile(dir: string, key: MappingKey): Promise<MappingFile | null> {
  try {
    return await readMappingFile(dir, key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes a mapping's two files (expression with a final newline; JSON pretty-printed). */
export async function writeMappingFiles(dir: string, key: MappingKey, content: MappingContent): Promise<string[]> {
  const names = mappingFileNames(key);
  await mkdir(path.join(dir, key.source), { recursive: true });
  await writeFile(path.join(dir, names.expression), `${content.expression}\n`);
  const meta = { description: content.description, ...(content.format ? { format: content.format } : {}), samples: content.samples, tests: content.tests };
  await writeFile(path.join(dir, names.meta), `${JSON.stringify(meta, null, 2)}\n`);
  return [names.expression, names.meta];
}

/** Writes a lookup table file. */
export async function writeLookupFile(dir: string, table: { name: string; description: string; entries: Record<string, unknown> }): Promise<string> {
  const label = path.join(LOOKUPS_FOLDER, `${table.name}.json`);
  await mkdir(path.join(dir, LOOKUPS_FOLDER), { recursive: true });
  await writeFile(path.join(dir, label), `${JSON.stringify({ description: table.description, entries: table.entries }, null, 2)}\n`);
  return label;
}
