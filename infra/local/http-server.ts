import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RouteSpec } from '#lib/api/route';
import { routeKey } from '#lib/api/route';
import { problemOf, problemResponse } from '#lib/http/problem';
import { NotFound, PayloadTooLarge, Unauthorized } from '#lib/shared/errors';
import { lambdaContext, type AnyHandler } from './lambda-context.ts';

/** API Gateway's own limit on a request body. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

export interface LocalRoute {
  spec: RouteSpec;
  functionName: string;
  handler: AnyHandler;
}

interface CompiledRoute extends LocalRoute {
  pattern: RegExp;
  names: string[];
}

/** Extra endpoints only the local stack has (schedules, fault injection, JWKS). */
export type LocalEndpoint = (req: IncomingMessage, body: string) => Promise<{ status: number; body: unknown } | undefined>;

function compile(route: LocalRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.spec.path
    .split('/')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      names.push(param[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

function send(res: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers = { ...(result.headers ?? {}) } as Record<string, string>;
  const body = result.body === undefined ? undefined : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(body);
}

const sendProblem = (res: ServerResponse, error: NotFound | Unauthorized | PayloadTooLarge, requestId: string) =>
  send(res, problemResponse(problemOf(error, requestId)));

async function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > GATEWAY_MAX_BODY) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function claimsAsGatewayGivesThem(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? `[${v.join(' ')}]` : String(v)]),
  );
}

/**
 * The local HTTP API: routes from the declaration, JWT verification like the
 * HTTP API's authorizer, and the same handler modules Lambda runs, invoked
 * with real API Gateway v2 (payload 2.0) events.
 */
export function startHttpServer(options: {
  port: number;
  routes: LocalRoute[];
  verify: (token: string) => Promise<Record<string, unknown>>;
  local: LocalEndpoint;
  onError: (error: unknown) => void;
}): Promise<Server> {
  const compiled = options.routes.map(compile);
  const server = createServer(async (req, res) => {
    const requestId = randomUUID();
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = await readBody(req);
      if (raw === 'too_large') return sendProblem(res, new PayloadTooLarge(GATEWAY_MAX_BODY), requestId);
      const localAnswer = await options.local(req, raw.toString('utf8'));
      if (localAnswer) {
        res.writeHead(localAnswer.status, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(localAnswer.body));
      }
      const method = req.method ?? 'GET';
      let match: { route: CompiledRoute; params: Record<string, string> } | undefined;
      for (const route of compiled) {
        if (route.spec.method !== method) continue;
        const m = route.pattern.exec(url.pathname);
        if (!m) continue;
        const params: Record<string, string> = {};
        try {
          route.names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1]!)));
        } catch {
          // A malformed %-escape names no record (API Gateway would not route it either).
          return sendProblem(res, new NotFound(`Route ${method} ${url.pathname}`), requestId);
        }
        match = { route, params };
        break;
      }
      if (!match) return sendProblem(res, new NotFound(`Route ${method} ${url.pathname}`), requestId);

      let claims: Record<string, string> | undefined;
      if (match.route.spec.access !== 'public') {
        const header = req.headers.authorization ?? '';
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        if (!token) return sendProblem(res, new Unauthorized(), requestId);
        try {
          claims = claimsAsGatewayGivesThem(await options.verify(token));
        } catch (error) {
          return sendProblem(res, new Unauthorized(`The token was refused: ${(error as Error).message}`), requestId);
        }
      }

      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
      const query: Record<string, string> = {};
      for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
      const now = Date.now();
      const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
        version: '2.0',
        routeKey: routeKey(match.route.spec),
        rawPath: url.pathname,
        rawQueryString: url.search.slice(1),
        headers,
        ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
        ...(match.route.names.length ? { pathParameters: match.params } : {}),
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
          domainName: `127.0.0.1`,
          domainPrefix: '127',
          http: {
            method,
            path: url.pathname,
            protocol: `HTTP/${req.httpVersion}`,
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: req.headers['user-agent'] ?? '',
          },
          requestId,
          routeKey: routeKey(match.route.spec),
          stage: '$default',
          time: new Date(now).toUTCString(),
          timeEpoch: now,
        },
        ...(raw.length ? { body: raw.toString('utf8') } : {}),
        isBase64Encoded: false,
      };
      const result = (await match.route.handler(event, lambdaContext(match.route.functionName))) as APIGatewayProxyStructuredResultV2;
      send(res, result);
    } catch (error) {
      options.onError(error);
      if (!res.headersSent) {
        res.writeHead(502, { 'content-type': 'application/problem+json' });
        res.end(JSON.stringify({ type: 'about:blank', title: 'Bad gateway', status: 502, detail: 'The function failed.', code: 'bad_gateway' }));
      }
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve(server));
  });
}
