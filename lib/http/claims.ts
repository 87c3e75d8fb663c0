import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { Forbidden, Unauthorized } from '../shared/errors.ts';
import type { Access } from '../api/route.ts';

export type Scope = 'practice' | 'accounting' | 'billing' | 'admin';

export interface Caller {
  userId: string;
  firmId: string;
  scopes: ReadonlySet<string>;
}

/**
 * The caller, from the claims the JWT authorizer verified (API Gateway in AWS,
 * the local router here). A token without `sub` or `firm` is not ours: 401.
 */
export function callerOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  const userId = claims?.sub;
  const firmId = claims?.firm;
  if (typeof userId !== 'string' || typeof firmId !== 'string' || !userId || !firmId) {
    throw new Unauthorized('The token must carry `sub` and `firm` claims.');
  }
  const scope = typeof claims?.scope === 'string' ? claims.scope : '';
  return { userId, firmId, scopes: new Set(scope.split(/\s+/).filter(Boolean)) };
}

/** Reads need any valid token of the firm; writes need the scope of what they write. */
export function requireAccess(caller: Caller, access: Access): void {
  if (access === 'public' || access === 'read') return;
  if (!caller.scopes.has(access)) {
    throw new Forbidden(`This request needs the "${access}" scope.`);
  }
}
