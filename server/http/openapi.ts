/** Generates the OpenAPI 3.1 document from the route declarations (the single source of truth). */
import { ACTIONS } from '../policies/abilities';
import { errorEnvelopeSchema } from './errorEnvelope';
import type { AnyRoute, Schema } from './route';
import { fullPath } from './router';

type JsonObject = Record<string, unknown>;

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function parametersOf(schema: Schema | undefined, location: 'path' | 'query'): JsonObject[] {
  if (!schema || typeof schema !== 'object' || !('properties' in schema) || !schema.properties) return [];
  const required = new Set<string>(('required' in schema && Array.isArray(schema.required) ? schema.required : []) as string[]);
  return Object.entries(schema.properties as Record<string, JsonObject>).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

function securityDescription(route: AnyRoute): string {
  if (route.auth === 'public') return 'No authentication.';
  const roles: readonly string[] = ACTIONS[route.auth.action];
  const list = roles.map((role) =>
    role === 'source' ? `source:<name>${route.auth !== 'public' && route.auth.sourceParam ? ` (own source only)` : ''}` : role,
  );
  return `Requires action \`${route.auth.action}\`: roles ${list.join(', ')}.`;
}

/** The OpenAPI 3.1 document for `routes`. */
export function buildOpenApiDocument(routes: AnyRoute[], info: { version: string }): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of routes) {
    const path = toOpenApiPath(fullPath(route));
    const errorResponse = (description: string): JsonObject => ({
      description,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    });
    const responses: JsonObject = {};
    for (const [status, response] of Object.entries(route.responses)) {
      // Every failure answers the one error envelope, whatever the route declares about it.
      if (Number(status) >= 400) {
        responses[status] = errorResponse(response.description);
        continue;
      }
      responses[status] = {
        description: response.description,
        ...(response.schema || response.contentType
          ? { content: { [response.contentType ?? 'application/json']: response.schema ? { schema: response.schema } : {} } }
          : {}),
      };
    }
    if (route.auth !== 'public') {
      responses['401'] = errorResponse('Missing, unknown or revoked API key.');
      responses['403'] = errorResponse("The key's role may not perform this action.");
      responses['429'] = errorResponse('AUTH_THROTTLED: too many failed authentications from this address; see Retry-After.');
    }
    if ((route.params || route.query || route.body || route.rawBody) && !responses['400'])
      responses['400'] = errorResponse('Invalid input; `details` lists each failing field.');
    responses['500'] = errorResponse('Unexpected error (no internals are returned).');
    const operation: JsonObject = {
      operationId: route.operationId,
      summary: route.summary,
      description: [route.description, securityDescription(route)].filter(Boolean).join('\n\n'),
      tags: route.tags,
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      responses,
      ...(route.auth === 'public' ? { security: [] } : { 'x-required-action': route.auth.action }),
    };
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: route.body } } };
    if (route.rawBody) {
      operation.requestBody = { required: true, content: Object.fromEntries(route.rawBody.contentTypes.map((type) => [type, {}])) };
    }
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Healthcare MDM Hub API',
      version: info.version,
      description:
        'Golden records, cross-references, mappings, ingest, matching and stewardship for suppliers, items, facilities and chart-of-accounts. Authenticate with `Authorization: Bearer <api key>`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key issued by an admin.' } },
      schemas: { Error: errorEnvelopeSchema },
    },
    security: [{ apiKey: [] }],
    paths,
  };
}
