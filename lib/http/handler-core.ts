import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from '../shared/logger.ts';
import { lambdaHandler } from '../shared/lambda.ts';
import { metricsForFirm } from '../shared/metrics.ts';
import type { Tracing } from '../shared/tracing.ts';
import { DomainError, NotFound } from '../shared/errors.ts';
import { routeKey, type RouteSpec } from '../api/route.ts';
import { callerOf, requireAccess, type Caller } from './claims.ts';
import { parseBody, parseIfMatch, parseQuery } from './request.ts';
import { internalProblem, problemOf, problemResponse } from './problem.ts';
import { toResult } from './response.ts';

type Infer<T> = NonNullable<T> extends z.ZodType ? z.infer<NonNullable<T>> : undefined;

export interface Request<R extends RouteSpec> {
  caller: Caller;
  firmId: string;
  params: Record<string, string>;
  body: Infer<R['body']>;
  query: Infer<R['query']>;
  /** The If-Match version, on conditional routes. */
  ifMatch: number | undefined;
  requestId: string;
}

export interface Binding {
  route: RouteSpec;
  run: (request: Request<RouteSpec>) => Promise<unknown>;
}

/** Binds a route of the contract to the use case that serves it. */
export function on<R extends RouteSpec>(route: R, run: (request: Request<R>) => Promise<unknown>): Binding {
  return { route, run: run as Binding['run'] };
}

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

const SAFE_ID = /^[A-Za-z0-9_.-]{1,100}$/;

async function dispatch(bindings: Map<string, Binding>, event: Event): Promise<APIGatewayProxyStructuredResultV2> {
  const requestId = event.requestContext?.requestId ?? 'local';
  try {
    const binding = bindings.get(event.routeKey);
    if (!binding) throw new NotFound(`Route ${event.routeKey}`);
    const { route } = binding;
    const caller: Caller = route.access === 'public'
      ? { userId: '', firmId: '', scopes: new Set() }
      : callerOf(event);
    if (caller.firmId) {
      logger.appendKeys({ firmId: caller.firmId, userId: caller.userId });
      metricsForFirm(caller.firmId);
    }
    requireAccess(caller, route.access);
    const params = (event.pathParameters ?? {}) as Record<string, string>;
    // Ids are ours: anything not shaped like one names no record (and must never reach a key).
    for (const value of Object.values(params)) if (!SAFE_ID.test(value)) throw new NotFound('The record');
    const request: Request<RouteSpec> = {
      caller,
      firmId: caller.firmId,
      params,
      body: route.body ? parseBody(event, route.body, route.bodyOptional) : undefined,
      query: route.query ? parseQuery(event, route.query) : undefined,
      ifMatch: route.conditional ? parseIfMatch(event) : undefined,
      requestId,
    };
    return toResult(await binding.run(request), route.status ?? 200);
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.status >= 500) logger.error('request failed', { error });
      else logger.info('request refused', { status: error.status, code: error.code, detail: error.message });
      return problemResponse(problemOf(error, requestId));
    }
    logger.error('unexpected error', { error: error as Error });
    return problemResponse(internalProblem(requestId));
  }
}

/**
 * The Lambda handler of one HTTP function: finds the route by API Gateway's
 * routeKey, checks access, parses with the route's zod schemas, runs the use
 * case and turns every thrown DomainError into a problem document. Traced
 * when given the function's tracing (lib/http/handler.ts gives it).
 */
export function httpHandlerWith(tracing: Tracing | undefined, bindings: Binding[]) {
  const byKey = new Map(bindings.map((b) => [routeKey(b.route), b]));
  return lambdaHandler<Event, APIGatewayProxyStructuredResultV2>(tracing).handler((event) => {
    logger.appendKeys({ requestId: event.requestContext?.requestId, route: event.routeKey });
    return dispatch(byKey, event);
  });
}

/**
 * An HTTP handler without the X-Ray SDK, for the functions whose bundle
 * would pass 1 MB with it (the document and email APIs; docs/operations.md, "Observability").
 */
export const untracedHttpHandler = (...bindings: Binding[]) => httpHandlerWith(undefined, bindings);
