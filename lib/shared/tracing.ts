import type middy from '@middy/core';

/**
 * What a function's tracer adds (lib/shared/tracer.ts): a middleware that
 * opens the handler's segment. Kept apart from the tracer itself, so code
 * that only names tracing does not load the X-Ray SDK: the two functions
 * whose bundles would pass 1 MB with it run without (docs/operations.md, "Observability").
 */
export interface Tracing {
  middleware(): middy.MiddlewareObj;
}

interface SdkClient {
  middlewareStack: unknown;
}

const clients: SdkClient[] = [];
let capture: ((client: SdkClient) => void) | undefined;

/**
 * An AWS SDK client the function's tracer captures (each call becomes a
 * subsegment), as soon as one is loaded; in a function without a tracer the
 * client stays as it is. lib/aws/* wrap each client they make in this.
 */
export function traceable<C extends SdkClient>(client: C): C {
  clients.push(client);
  capture?.(client);
  return client;
}

/** Called once by the tracer: captures every client made so far and from now on. */
export function captureClientsWith(captureClient: (client: SdkClient) => void): void {
  capture = captureClient;
  for (const client of clients) captureClient(client);
}
