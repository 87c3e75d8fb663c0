import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A response with a status or headers of its own; a handler may also return just a body. */
export class HttpResponse {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** 202 with a job body and its Location, the contract's answer to long work. */
export const accepted = (job: { id: string }) => new HttpResponse(202, job, { location: `/jobs/${job.id}` });

export function toResult(result: unknown, defaultStatus: number): APIGatewayProxyStructuredResultV2 {
  const response = result instanceof HttpResponse ? result : new HttpResponse(defaultStatus, result);
  const headers: Record<string, string> = { ...response.headers };
  const body = response.body;
  if (body === undefined || response.status === 204) return { statusCode: response.status, headers };
  if (Buffer.isBuffer(body)) {
    headers['content-type'] ??= 'application/octet-stream';
    return { statusCode: response.status, headers, body: body.toString('base64'), isBase64Encoded: true };
  }
  headers['content-type'] ??= 'application/json';
  // Every versioned record answers with its ETag, so clients can send If-Match.
  const version = (body as { version?: unknown })?.version;
  if (typeof version === 'number') headers.etag = `"${version}"`;
  return { statusCode: response.status, headers, body: JSON.stringify(body) };
}
