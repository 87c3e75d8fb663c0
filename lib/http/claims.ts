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
 * Claim shapes. The firm id starts every key of the firm's records, so it is
 * a plain identifier; a user id may be any IdP's subject (`auth0|…`, an
 * email); scopes are space-separated words. API Gateway hands claims on as
 * strings, turning an object into "[object Object]", an array into "[a b]"
 * and null into "null": none of those fits a shape, so two different
 * non-string claims can never read as one firm.
 */
const FIRM_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@|+-]{0,254}$/;
const SCOPE = /^[A-Za-z0-9:._/-]+(?: +[A-Za-z0-9:._/-]+)*$/;
const NOT_A_VALUE = new Set(['null', 'undefined', 'true', 'false', 'NaN']);

const claimOf = (claims: Record<string, unknown> | undefined, name: string, shape: RegExp): string | undefined => {
  const value = claims?.[name];
  return typeof value === 'string' && shape.test(value) && !NOT_A_VALUE.has(value) ? value : undefined;
};

/**
 * The caller, from the claims the JWT authorizer verified (API Gateway in AWS,
 * the local router here). A token without `sub` and `firm` of the right
 * shape, or with a malformed `scope`, is not ours: 401.
 */
export function callerOf(event: APIGatewayProxyEventV2WithJWTAuthorizer): Caller {
  const claims = event.requestContext?.authorizer?.jwt?.claims as Record<string, unknown> | undefined;
  const userId = claimOf(claims, 'sub', USER_ID);
  const firmId = claimOf(claims, 'firm', FIRM_ID);
  if (!userId || !firmId) {
    throw new Unauthorized('The token must carry `sub` and `firm` claims, each a plain identifier string.');
  }
  const rawScope = claims?.scope;
  if (rawScope !== undefined && rawScope !== '' && claimOf(claims, 'scope', SCOPE) === undefined) {
    throw new Unauthorized('The token\'s `scope` claim must be a string of space-separated scopes.');
  }
  const scope = typeof rawScope === 'string' ? rawScope : '';
  return { userId, firmId, scopes: new Set(scope.split(/\s+/).filter(Boolean)) };
}

/** Reads need any valid token of the firm; writes need the scope of what they write. */
export function requireAccess(caller: Caller, access: Access): void {
  if (access === 'public' || access === 'read') return;
  if (!caller.scopes.has(access)) {
    throw new Forbidden(`This request needs the "${access}" scope.`);
  }
}
