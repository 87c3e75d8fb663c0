import type * as z from 'zod';
import type { FunctionName } from '../declaration.ts';

/**
 * Who may call a route: `public` needs no token, `read` any valid token of the
 * firm; the others need that scope in the token.
 */
export type Access = 'public' | 'read' | 'practice' | 'accounting' | 'billing' | 'admin';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One HTTP route of the contract: the single source for CDK, the local router, handlers and OpenAPI. */
export interface RouteSpec<
  Body extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
> {
  readonly method: Method;
  readonly path: string;
  readonly fn: FunctionName;
  readonly access: Access;
  /** One line: what the route does (OpenAPI `summary`). */
  readonly summary: string;
  /** A few sentences more for clients: what it changes, what follows, its refusals (OpenAPI `description`). */
  readonly description: string;
  /** The group it is listed under (OpenAPI `tags`; each described in routes.ts `tags`). */
  readonly tag: string;
  readonly body?: Body;
  /** The body may be left out altogether, meaning `{}` ("none named = all", as the contract says of bill actions). */
  readonly bodyOptional?: boolean;
  readonly query?: Query;
  readonly response?: Response;
  /** Success status (200 unless said). */
  readonly status?: number;
  /** The success body's media type when it is not JSON (`response` then describes nothing). */
  readonly produces?: 'application/pdf';
  /** Honours If-Match (PATCH/PUT of versioned records). */
  readonly conditional?: boolean;
}

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;

export function defineRoute<B extends z.ZodType = z.ZodNever, Q extends z.ZodType = z.ZodNever, R extends z.ZodType = z.ZodType>(
  spec: RouteSpec<B, Q, R>,
): RouteSpec<B, Q, R> {
  return spec;
}
