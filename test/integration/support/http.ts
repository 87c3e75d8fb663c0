import { stack } from '../helpers.ts';
import { assertContract } from './contract.ts';

export interface RawReply {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

/**
 * One request with full control of the body: `json` is serialised with
 * JSON.stringify, `raw` is sent as is (a string or bytes), so malformed and
 * oversized bodies reach the server exactly as written.
 */
export async function send(
  method: string,
  path: string,
  options: { token?: string | undefined; json?: unknown; raw?: string | Uint8Array; headers?: Record<string, string> } = {},
): Promise<RawReply> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined = options.raw;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(stack.url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  await assertContract(stack.url, method, path, { status: res.status, contentType: res.headers.get('content-type') ?? '', json, headers: res.headers });
  return { status: res.status, headers: res.headers, text, json };
}

/**
 * Why a reply is not a proper RFC 9457 problem document of its own status
 * ([] when it is): `application/problem+json`, `type`, `title`, `status`
 * (equal to the HTTP status) and `detail`; a 400 also lists `errors` with a
 * `path` (and a `message`) each.
 */
export function problemFlaws(reply: RawReply): string[] {
  const flaws: string[] = [];
  const type = reply.headers.get('content-type') ?? '';
  if (!type.includes('application/problem+json')) flaws.push(`content-type is "${type}", not application/problem+json`);
  const body = reply.json;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [...flaws, `body is not a JSON object: ${reply.text.slice(0, 200)}`];
  for (const field of ['type', 'title', 'detail'] as const) {
    if (typeof body[field] !== 'string' || body[field] === '') flaws.push(`"${field}" is missing or not a string`);
  }
  if (body.status !== reply.status) flaws.push(`"status" is ${JSON.stringify(body.status)}, the HTTP status is ${reply.status}`);
  if (reply.status === 400) {
    if (!Array.isArray(body.errors) || body.errors.length === 0) flaws.push('a 400 without "errors"');
    else {
      for (const e of body.errors) {
        if (!e || typeof e.path !== 'string') flaws.push(`an error without a string "path": ${JSON.stringify(e)}`);
        else if (typeof e.message !== 'string') flaws.push(`an error without a "message": ${JSON.stringify(e)}`);
      }
    }
  }
  return flaws;
}

/** A short description of a reply for assertion messages. */
export const describeReply = (reply: RawReply | undefined) => (reply ? `${reply.status} ${reply.text.slice(0, 400)}` : '(not sent)');
