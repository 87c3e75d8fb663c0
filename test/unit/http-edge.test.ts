import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { parseBody, parseIfMatch, MAX_BODY_BYTES } from '../../lib/http/request.ts';
import { toResult, accepted } from '../../lib/http/response.ts';
import { BadRequest, PayloadTooLarge, Unauthorized, UnsupportedMediaType } from '../../lib/shared/errors.ts';
import { MAX_JSON_DEPTH, nestingDepth } from '../../lib/http/json-body.ts';
import { callerOf, requireAccess } from '../../lib/http/claims.ts';

const json = { 'content-type': 'application/json' };
const event = (body?: string, headers: Record<string, string> = json, isBase64Encoded = false) =>
  ({ body, headers, isBase64Encoded }) as unknown as APIGatewayProxyEventV2;
const Schema = z.strictObject({ name: z.string(), nested: z.strictObject({ n: z.number() }).optional() });

describe('request parsing', () => {
  it('drops read-only fields and prototype keys, refuses unknown fields by path', () => {
    expect(parseBody(event('{"name":"a","id":"x","version":3,"link":{}}'), Schema)).toEqual({ name: 'a' });
    expect(parseBody(event('{"name":"a","__proto__":{"admin":true}}'), Schema)).toEqual({ name: 'a' });
    try {
      parseBody(event('{"name":1,"nested":{"n":"1","evil":1},"x":1}'), Schema);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequest);
      expect((error as BadRequest).errors!.map((e) => e.path).sort()).toEqual(['name', 'nested.evil', 'nested.n', 'x']);
    }
  });

  it('refuses empty, malformed and oversized bodies', () => {
    expect(() => parseBody(event(), Schema)).toThrow(BadRequest);
    expect(() => parseBody(event('{"name":'), Schema)).toThrow(BadRequest);
    expect(() => parseBody(event('[1]'), Schema)).toThrow(BadRequest);
    expect(() => parseBody(event(JSON.stringify({ name: 'x'.repeat(MAX_BODY_BYTES) })), Schema)).toThrow(PayloadTooLarge);
  });

  it('takes JSON only when it is declared JSON (415 otherwise), with any charset', () => {
    expect(parseBody(event('{"name":"a"}', { 'Content-Type': 'application/json; charset=utf-8' }), Schema)).toEqual({ name: 'a' });
    expect(parseBody(event('{"name":"a"}', { 'content-type': 'application/merge-patch+json' }), Schema)).toEqual({ name: 'a' });
    expect(() => parseBody(event('{"name":"a"}', { 'content-type': 'text/plain' }), Schema)).toThrow(UnsupportedMediaType);
    expect(() => parseBody(event('{"name":"a"}', {}), Schema)).toThrow(UnsupportedMediaType);
    expect(() => parseBody(event('{"name":"a"}', { 'content-type': 'application/jsonx' }), Schema)).toThrow(UnsupportedMediaType);
  });

  it('refuses bytes that are not UTF-8 and lone surrogates, rather than storing U+FFFD or half a character', () => {
    const latin1 = Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]).toString('base64'); // {"name":"<0xE9>"}
    expect(() => parseBody(event(latin1, json, true), Schema)).toThrow(/not valid UTF-8/);
    expect(() => parseBody(event('{"name":"caf\uFFFD"}'), Schema)).toThrow(/not valid UTF-8/);
    expect(() => parseBody(event('{"name":"\\ud800"}'), Schema)).toThrow(/lone surrogate/);
    expect(() => parseBody(event('{"name":"\\udc00x"}'), Schema)).toThrow(/lone surrogate/);
    expect(parseBody(event('{"name":"\\ud83d\\ude00 caf\\u00e9"}'), Schema)).toEqual({ name: '😀 café' });
    expect(parseBody(event(Buffer.from('{"name":"Łódź"}').toString('base64'), json, true), Schema)).toEqual({ name: 'Łódź' });
  });

  it('refuses deep nesting with a message that says so, without a recursive parse', () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    expect(() => parseBody(event(deep), Schema)).toThrow(/more than 32 levels deep/);
    expect(nestingDepth('{"a":"[[[[[[","b":[[1]]}', 100)).toBe(3); // brackets inside strings do not count
    expect(nestingDepth('"\\"[[["', 100)).toBe(0);
    expect(nestingDepth(deep, MAX_JSON_DEPTH)).toBe(MAX_JSON_DEPTH + 1); // stops as soon as it knows
  });

  it('reads If-Match ETags', () => {
    expect(parseIfMatch(event(undefined, { 'if-match': '"3"' }))).toBe(3);
    expect(parseIfMatch(event(undefined, { 'if-match': 'W/"12"' }))).toBe(12);
    expect(parseIfMatch(event(undefined, { 'if-match': '*' }))).toBeUndefined();
    expect(parseIfMatch(event(undefined, {}))).toBeUndefined();
    expect(() => parseIfMatch(event(undefined, { 'if-match': '"abc"' }))).toThrow(BadRequest);
  });
});

describe('responses and access', () => {
  it('adds the ETag of versioned bodies and the Location of jobs', () => {
    expect(toResult({ id: 'a', version: 4 }, 200).headers).toMatchObject({ etag: '"4"' });
    const job = toResult(accepted({ id: 'job_1' }), 200);
    expect(job.statusCode).toBe(202);
    expect(job.headers).toMatchObject({ location: '/jobs/job_1' });
  });

  it('needs the scope of the book for writes, nothing more for reads', () => {
    const caller = { userId: 'u', firmId: 'f', scopes: new Set(['practice']) };
    expect(() => requireAccess(caller, 'read')).not.toThrow();
    expect(() => requireAccess(caller, 'practice')).not.toThrow();
    expect(() => requireAccess(caller, 'admin')).toThrow(/admin/);
  });
});

describe('claims', () => {
  const withClaims = (claims: Record<string, unknown>) =>
    ({ requestContext: { authorizer: { jwt: { claims } } } }) as unknown as Parameters<typeof callerOf>[0];

  it('takes plain identifier strings for firm and sub, and space-separated scopes', () => {
    expect(callerOf(withClaims({ sub: 'auth0|u-1', firm: 'firm-1', scope: 'practice  billing' }))).toEqual({
      userId: 'auth0|u-1', firmId: 'firm-1', scopes: new Set(['practice', 'billing']),
    });
    expect(callerOf(withClaims({ sub: 'ada@example.com', firm: 'F.1_x' })).scopes.size).toBe(0);
  });

  it('refuses claims that were never strings (as API Gateway passes them on) and keys in disguise: 401', () => {
    for (const firm of ['[object Object]', '[x y]', 'null', 'undefined', 'true', '', 'a b', 'FIRM#1', '-x', 'x'.repeat(101), 7, null, { id: 1 }, ['x']]) {
      expect(() => callerOf(withClaims({ sub: 'u1', firm })), `firm ${JSON.stringify(firm)}`).toThrow(Unauthorized);
    }
    for (const sub of ['[object Object]', 'null', '', 'a b', 1, null]) {
      expect(() => callerOf(withClaims({ sub, firm: 'f1' })), `sub ${JSON.stringify(sub)}`).toThrow(Unauthorized);
    }
    for (const scope of ['[practice billing]', '[object Object]', 'practice,billing', 3, ['practice']]) {
      expect(() => callerOf(withClaims({ sub: 'u1', firm: 'f1', scope })), `scope ${JSON.stringify(scope)}`).toThrow(Unauthorized);
    }
  });
});
