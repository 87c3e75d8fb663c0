import { describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { parseBody, parseIfMatch, MAX_BODY_BYTES } from '../../lib/http/request.ts';
import { toResult, accepted } from '../../lib/http/response.ts';
import { BadRequest, PayloadTooLarge } from '../../lib/shared/errors.ts';
import { requireAccess } from '../../lib/http/claims.ts';

const event = (body?: string, headers: Record<string, string> = {}) => ({ body, headers, isBase64Encoded: false }) as unknown as APIGatewayProxyEventV2;
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
