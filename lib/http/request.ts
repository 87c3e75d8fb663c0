import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import { BadRequest, PayloadTooLarge } from '../shared/errors.ts';
import { fieldErrors } from './zod-errors.ts';

/** Bodies above this are refused before parsing (API Gateway itself allows 10 MB). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Fields the service owns; a client may echo them back in a PUT/PATCH and they are ignored. */
const READ_ONLY_FIELDS = ['id', 'version', 'createdAt', 'updatedAt', 'link'];

const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function parseBody<T extends z.ZodType>(event: APIGatewayProxyEventV2, schema: T): z.infer<T> {
  const raw = event.body === undefined || event.body === null
    ? ''
    : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new PayloadTooLarge(MAX_BODY_BYTES);
  if (raw.trim() === '') throw new BadRequest('A JSON body is required.', [{ path: '', message: 'is required' }]);
  let json: unknown;
  try {
    // The reviver drops prototype-polluting keys before anything sees them.
    json = JSON.parse(raw, (key, value) => (DANGEROUS_KEYS.has(key) ? undefined : value));
  } catch (error) {
    throw new BadRequest(`The body is not valid JSON: ${(error as Error).message}`, [
      { path: '', message: 'is not valid JSON' },
    ]);
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const field of READ_ONLY_FIELDS) delete (json as Record<string, unknown>)[field];
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new BadRequest('The body has invalid fields.', fieldErrors(parsed.error));
  return parsed.data;
}

export function parseQuery<T extends z.ZodType>(event: APIGatewayProxyEventV2, schema: T): z.infer<T> {
  const parsed = schema.safeParse({ ...(event.queryStringParameters ?? {}) });
  if (!parsed.success) throw new BadRequest('The query string has invalid parameters.', fieldErrors(parsed.error));
  return parsed.data;
}

/** `If-Match: "3"` (or W/"3", or 3) as a version number; absent or `*` = no precondition. */
export function parseIfMatch(event: APIGatewayProxyEventV2): number | undefined {
  const header = event.headers?.['if-match'] ?? event.headers?.['If-Match'];
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw new BadRequest('If-Match must be an ETag this service gave, like "3".', [
      { path: 'If-Match', message: 'is not a version ETag' },
    ]);
  }
  return Number(match[1]);
}
