import * as z from 'zod';
import { routes, tags } from './routes.ts';
import { Problem } from './common-schemas.ts';
import type { RouteSpec } from './route.ts';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return json;
};

/** Where the API runs: the local stack, and the HTTP API the CDK stack deploys. */
const servers = [
  { url: 'http://127.0.0.1:3000', description: 'The local stack (`npm start`; PORT picks another port)' },
  {
    url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
    description: 'The HTTP API in AWS (the stack output `ApiUrl`)',
    variables: {
      apiId: { default: 'your-api-id', description: 'The HTTP API id' },
      region: { default: 'us-east-1', description: 'The AWS region it is deployed in' },
    },
  },
];

const GATEWAY_401 =
  'In AWS, API Gateway\'s JWT authorizer answers a missing, expired or wrongly signed token itself, before any function ' +
  'runs, with its own body `{"message":"Unauthorized"}` (`application/json`), not a problem document.';

const description = [
  'Practice Management and Legal Accounting books of a law firm, kept in step.',
  '',
  'Every error the API answers is a problem document (`application/problem+json`, RFC 9457) with a stable `code`, and ' +
    '`errors[].path` for invalid input, but one: ' + GATEWAY_401,
  '',
  'Records with a `version` answer with an `ETag`; send it back as `If-Match` on PUT, PATCH and approval (412 when stale). ' +
    'Long work answers 202 with a job and its `Location` (`/jobs/{id}`). Lists come a page at a time: pass `nextCursor` ' +
    'as `cursor`. Reads need any valid token of the firm; writes need the scope named in `x-required-scope`.',
].join('\n');

const problemResponse = (text: string) => ({
  description: text,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const unauthorized = {
  description: `No token, or one that is not valid for this API. ${GATEWAY_401} A verified token without the claims this API needs gets a problem document.`,
  content: {
    'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    'application/json': { schema: { $ref: '#/components/schemas/GatewayError' } },
  },
};

const successText: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted: the job, to follow at its `Location`',
  204: 'Done; no content',
};

function parametersOf(route: RouteSpec): unknown[] {
  const params: unknown[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    description: 'The record\'s id (anything not shaped like one of ours is a 404)',
    schema: { type: 'string' },
  }));
  if (route.query) {
    const json = schemaOf(route.query, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      params.push({ name, in: 'query', required: json.required?.includes(name) ?? false, schema });
    }
  }
  if (route.conditional) {
    params.push({ name: 'If-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The ETag (`"<version>"`) last read; 412 if stale.' });
  }
  return params;
}

/** The success response: its body and the headers the handler sets (lib/http/response.ts). */
function successOf(route: RouteSpec, status: number) {
  const text = successText[status] ?? 'OK';
  if (route.produces) {
    return {
      description: `${text}: the document itself`,
      headers: { 'Content-Disposition': { $ref: '#/components/headers/ContentDisposition' } },
      content: { [route.produces]: { schema: { type: 'string', contentMediaType: route.produces } } },
    };
  }
  if (!route.response) return { description: text };
  const schema = schemaOf(route.response, 'output') as JsonSchema & { properties?: Record<string, unknown>; required?: string[] };
  const headers: Record<string, unknown> = {};
  // accepted(): every 202 answers its job's Location. toResult(): a body with a version answers its ETag.
  if (status === 202) headers.Location = { $ref: '#/components/headers/Location' };
  if (schema.properties?.version) {
    headers.ETag = schema.required?.includes('version')
      ? { $ref: '#/components/headers/ETag' }
      : { description: 'The record\'s version, quoted, when it has one', schema: { type: 'string' } };
  }
  return {
    description: text,
    ...(Object.keys(headers).length ? { headers } : {}),
    content: { 'application/json': { schema } },
  };
}

function operationOf(name: string, route: RouteSpec) {
  const status = route.status ?? 200;
  const responses: Record<string, unknown> = {
    [String(status)]: successOf(route, status),
    '400': problemResponse('Malformed or invalid input, with `errors[].path`'),
  };
  if (route.access !== 'public') {
    responses['401'] = unauthorized;
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
    operationId: name,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(route.access !== 'public' && route.access !== 'read' ? { 'x-required-scope': route.access } : {}),
    parameters: parametersOf(route),
    ...(route.body
      ? { requestBody: { required: !route.bodyOptional, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } }
      : {}),
    responses,
  };
}

/**
 * The OpenAPI 3.1 document of the API, generated from the route declarations
 * (lib/api/routes.ts: operation ids, summaries, descriptions, tags) and the
 * same zod schemas the handlers parse with. Linted by Redocly and Spectral
 * (test/infra/openapi-lint.test.ts).
 */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  const used = new Set<string>();
  for (const [name, route] of Object.entries(routes) as [string, RouteSpec][]) {
    if (!(route.tag in tags)) throw new Error(`Route ${name}: the tag "${route.tag}" is not described in routes.ts \`tags\``);
    used.add(route.tag);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(name, route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Law billing sync', version: '1.0.0', description },
    servers,
    tags: Object.entries(tags)
      .filter(([tag]) => used.has(tag))
      .map(([tag, text]) => ({ name: tag, description: text })),
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: schemaOf(Problem, 'output'),
        GatewayError: {
          type: 'object',
          description: 'The body API Gateway itself answers with (a token its JWT authorizer refused)',
          properties: { message: { type: 'string' } },
          required: ['message'],
        },
      },
      headers: {
        ETag: { description: 'The record\'s version, quoted (`"3"`): send it as If-Match to change it', required: true, schema: { type: 'string' } },
        Location: { description: 'The job to poll: `/jobs/{id}`', required: true, schema: { type: 'string' } },
        ContentDisposition: { description: '`inline`, with the document\'s file name', required: true, schema: { type: 'string' } },
      },
    },
    security: [{ bearer: [] }],
  };
}
