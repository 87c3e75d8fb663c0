import * as z from 'zod';
import { allRoutes } from './routes.ts';
import { Problem } from './common-schemas.ts';
import type { RouteSpec } from './route.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return json;
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function parametersOf(route: RouteSpec): unknown[] {
  const params: unknown[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.query) {
    const json = schemaOf(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      params.push({ name, in: 'query', required: json.required?.includes(name) ?? false, schema });
    }
  }
  if (route.conditional) {
    params.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The ETag ("<version>") last read; 412 if stale.' });
  }
  return params;
}

function operationOf(route: RouteSpec) {
  const status = String(route.status ?? 200);
  const responses: Record<string, unknown> = {
    [status]: route.response
      ? { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response, 'output') } } }
      : { description: 'OK' },
    '400': problemResponse('Malformed or invalid input, with `errors[].path`'),
  };
  if (route.access !== 'public') {
    responses['401'] = problemResponse('No token, or a bad one');
    responses['404'] = problemResponse('No such record in this firm');
  }
  if (route.access !== 'public' && route.access !== 'read') responses['403'] = problemResponse(`The token lacks the "${route.access}" scope`);
  if (route.method !== 'GET') responses['409'] = problemResponse('State conflict (duplicate number, locked, restricted)');
  if (route.body) {
    responses['413'] = problemResponse('The body is larger than 256 KB');
    responses['415'] = problemResponse('The body is not declared `application/json`');
  }
  if (route.conditional) responses['412'] = problemResponse('Stale If-Match');
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(route.access !== 'public' && route.access !== 'read' ? { 'x-required-scope': route.access } : {}),
    parameters: parametersOf(route),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the API, generated from the same zod schemas the handlers parse with. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of allRoutes()) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Law billing sync',
      version: '1.0.0',
      description: 'Practice Management and Legal Accounting books of a law firm, kept in step.',
    },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: schemaOf(Problem, 'output') },
    },
    security: [{ bearer: [] }],
  };
}
