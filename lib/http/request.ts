import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod';
import { BadRequest, PayloadTooLarge } from '../shared/errors.ts';
import { fieldErrors } from './zod-errors.ts';
import { assertJsonContentType, decodeUtf8, parseJsonText } from './json-body.ts';

/** Bodies above this are refused before parsing (API Gateway itself allows 10 MB). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Fields the service owns; a client may echo them back in a PUT/PATCH and they are ignored. */
const READ_ONLY_FIELDS = ['id', 'version', 'createdAt', 'updatedAt', 'link'];

const header = (event: APIGatewayProxyEventV2, name: string) =>
  Object.entries(event.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

export function parseBody<T extends z.ZodType>(event: APIGatewayProxyEventV2, schema: T, optional = false): z.infer<T> {
  const bytes = event.body === undefined || event.body === null ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new PayloadTooLarge(MAX_BODY_BYTES);
  const raw = decodeUtf8(bytes);
  if (raw.trim() === '') {
    if (optional) return schema.parse({});
    throw new BadRequest('A JSON body is required.', [{ path: '', message: 'is required' }]);
  }
  assertJsonContentType(header(event, 'content-type'));
  const json = parseJsonText(raw);
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
  const ifMatch = header(event, 'if-match');
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(ifMatch);
  if (!match) {
    throw new BadRequest('If-Match must be an ETag this service gave, like "3".', [
      { path: 'If-Match', message: 'is not a version ETag' },
    ]);
  }
  return Number(match[1]);
}
