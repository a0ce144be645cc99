/**
 * FHIR R4 JSON (`application/fhir+json`): a Bundle gives one record per entry whose resource is of
 * `resourceType` (other entries are not this mapping's records and are skipped); a single resource of
 * that type is one record. Each record is the entry's `resource`, unchanged. An OperationOutcome (a
 * server's error answer) and entries without a resource are reported in place.
 */
import type { ParsedItem } from './types';

export interface FhirOptions {
  /** The resource type this source × domain maps (e.g. Organization, Location, Device); empty = every resource. */
  resourceType?: string;
}

function unreadable(code: string, message: string, text: string, position: ParsedItem['position']): ParsedItem {
  return { kind: 'unreadable', code, message, text, position };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function outcomeText(resource: Record<string, unknown>): string {
  const issues = Array.isArray(resource.issue) ? resource.issue : [];
  return (
    issues
      .map((issue: Record<string, unknown>) =>
        String(issue.diagnostics ?? (issue.details as Record<string, unknown> | undefined)?.text ?? issue.code ?? ''),
      )
      .filter(Boolean)
      .join('; ') || 'no details'
  );
}

/** The records of a FHIR JSON document. */
export function parseFhirText(text: string, options: FhirOptions = {}): ParsedItem[] {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return [unreadable('FHIR_PARSE_ERROR', `The FHIR document is not valid JSON: ${(error as Error).message}.`, text.slice(0, 65536), {})];
  }
  const wanted = options.resourceType ?? '';
  if (!isObject(document) || typeof document.resourceType !== 'string') {
    return [unreadable('FHIR_PARSE_ERROR', 'The document is not a FHIR resource (no resourceType).', text.slice(0, 65536), {})];
  }
  if (document.resourceType === 'OperationOutcome')
    return [
      unreadable(
        'FHIR_OPERATION_OUTCOME',
        `The server answered with an OperationOutcome: ${outcomeText(document)}.`,
        text.slice(0, 65536),
        { path: 'OperationOutcome' },
      ),
    ];
  if (document.resourceType !== 'Bundle') {
    if (wanted && document.resourceType !== wanted)
      return [
        unreadable(
          'FHIR_WRONG_RESOURCE_TYPE',
          `The document is a ${document.resourceType}; this source maps ${wanted} resources.`,
          text.slice(0, 65536),
          { path: document.resourceType },
        ),
      ];
    return [{ kind: 'record', raw: document, position: { index: 0, path: document.resourceType } }];
  }
  const entries = Array.isArray(document.entry) ? document.entry : [];
  const items: ParsedItem[] = [];
  entries.forEach((entry: unknown, index: number) => {
    const path = `Bundle.entry[${index}]`;
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(resource) || typeof resource.resourceType !== 'string') {
      items.push(
        unreadable('FHIR_PARSE_ERROR', `${path} has no resource with a resourceType.`, JSON.stringify(entry ?? null).slice(0, 65536), {
          index,
          path,
        }),
      );
      return;
    }
    if (resource.resourceType === 'OperationOutcome' && wanted !== 'OperationOutcome') {
      items.push(
        unreadable(
          'FHIR_OPERATION_OUTCOME',
          `${path} is an OperationOutcome: ${outcomeText(resource)}.`,
          JSON.stringify(resource).slice(0, 65536),
          { index, path },
        ),
      );
      return;
    }
    if (wanted && resource.resourceType !== wanted) return;
    items.push({ kind: 'record', raw: resource, position: { index, path: `${path}.resource(${resource.resourceType})` } });
  });
  return items;
}
