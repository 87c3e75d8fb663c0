import { randomUUID } from 'node:crypto';
import type { AwsRequest } from './aws-request.ts';

/** An HTTP answer of the proxy's own (a refusal), as the service would send it. */
export interface ServiceAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A refusal exactly as the service answers it in AWS, so the SDK inside the
 * function throws what it would throw there:
 * - DynamoDB: 400, `{"__type":"com.amazon.coral.service#AccessDeniedException","Message":…}`
 *   (the SDK names the error after the `#`: AccessDeniedException);
 * - SQS (JSON protocol): 403 with `x-amzn-query-error: AccessDenied;Sender`, from which the SDK's
 *   query-compatible client names the error AccessDenied, as in the query protocol's XML (also answered);
 * - S3: 403 `<Error><Code>AccessDenied</Code>…` (no body for HEAD).
 */
export function accessDenied(request: Pick<AwsRequest, 'service' | 'protocol'>, message: string, method: string): ServiceAnswer {
  return refusal(request, method, { code: 'AccessDenied', dynamoType: 'com.amazon.coral.service#AccessDeniedException', message });
}

/** A request signed with a key no local function holds, refused as AWS refuses an unknown key. */
export function unknownCredentials(request: Pick<AwsRequest, 'service' | 'protocol'>, method: string): ServiceAnswer {
  return request.service === 's3'
    ? refusal(request, method, { code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' })
    : refusal(request, method, {
        code: 'InvalidClientTokenId',
        dynamoType: 'com.amazon.coral.service#UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
      });
}

function refusal(
  request: Pick<AwsRequest, 'service' | 'protocol'>,
  method: string,
  error: { code: string; dynamoType?: string; message: string },
): ServiceAnswer {
  const requestId = randomUUID();
  if (request.service === 'dynamodb') {
    return {
      status: 400,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId },
      body: JSON.stringify({ __type: error.dynamoType ?? `com.amazon.coral.service#${error.code}`, Message: error.message }),
    };
  }
  if (request.service === 'sqs' && request.protocol === 'json') {
    return {
      status: 403,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId, 'x-amzn-query-error': `${error.code};Sender` },
      body: JSON.stringify({ __type: `com.amazon.coral.service#${error.code === 'AccessDenied' ? 'AccessDeniedException' : error.code}`, message: error.message }),
    };
  }
  if (request.service === 'sqs') {
    return {
      status: 403,
      headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
      body: `<?xml version="1.0"?><ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error><Type>Sender</Type><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message><Detail/></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
    };
  }
  return {
    status: 403,
    headers: { 'content-type': 'application/xml', 'x-amz-request-id': requestId },
    body:
      method.toUpperCase() === 'HEAD'
        ? ''
        : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message><RequestId>${requestId}</RequestId><HostId>local</HostId></Error>`,
  };
}
