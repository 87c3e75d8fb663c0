import { describe, expect, it } from 'vitest';
import { readAwsRequest, UnreadableRequest, type RawRequest } from '../../infra/local/bundled/aws-request.ts';
import { accessDenied } from '../../infra/local/bundled/access-denied.ts';

/*
 * How the bundled mode's IAM proxy reads a request: who signed it, and every
 * action on every resource IAM authorizes for it (as AWS documents each
 * operation's authorization). Requests are spelled as the SDK v3 sends them.
 */

const ARN = 'arn:aws:dynamodb:us-east-1:000000000000:table';
const auth = (service: string, key = 'LOCALjobsApi') => `AWS4-HMAC-SHA256 Credential=${key}/20261202/us-east-1/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc`;

const dynamo = (operation: string, input: unknown): RawRequest => ({
  method: 'POST',
  url: '/',
  headers: { authorization: auth('dynamodb'), 'x-amz-target': `DynamoDB_20120810.${operation}`, 'content-type': 'application/x-amz-json-1.0' },
  body: Buffer.from(JSON.stringify(input)),
});
const sqs = (operation: string, input: unknown): RawRequest => ({
  method: 'POST',
  url: '/',
  headers: { authorization: auth('sqs'), 'x-amz-target': `AmazonSQS.${operation}`, 'content-type': 'application/x-amz-json-1.0' },
  body: Buffer.from(JSON.stringify(input)),
});
const s3 = (method: string, url: string, headers: Record<string, string> = {}, body = ''): RawRequest => ({
  method,
  url,
  headers: { authorization: auth('s3'), ...headers },
  body: Buffer.from(body),
});

describe('reading DynamoDB requests', () => {
  it('names the signer and the operation on its table, or on the index a query names', () => {
    const get = readAwsRequest(dynamo('GetItem', { TableName: 'lbs-jobs', Key: {} }));
    expect(get).toMatchObject({ service: 'dynamodb', accessKeyId: 'LOCALjobsApi', operation: 'GetItem', protocol: 'json' });
    expect(get.checks).toEqual([{ action: 'dynamodb:GetItem', resource: `${ARN}/lbs-jobs` }]);
    expect(readAwsRequest(dynamo('Query', { TableName: 'lbs-practice', IndexName: 'gsi1' })).checks).toEqual([
      { action: 'dynamodb:Query', resource: `${ARN}/lbs-practice/index/gsi1` },
    ]);
  });

  it('a transaction needs each item\'s own action on its table; a batch its action on every table', () => {
    const tx = readAwsRequest(
      dynamo('TransactWriteItems', {
        TransactItems: [{ Put: { TableName: 'lbs-practice' } }, { Update: { TableName: 'lbs-outbox' } }, { Delete: { TableName: 'lbs-practice' } }, { ConditionCheck: { TableName: 'lbs-jobs' } }],
      }),
    );
    expect(tx.checks).toEqual([
      { action: 'dynamodb:PutItem', resource: `${ARN}/lbs-practice` },
      { action: 'dynamodb:UpdateItem', resource: `${ARN}/lbs-outbox` },
      { action: 'dynamodb:DeleteItem', resource: `${ARN}/lbs-practice` },
      { action: 'dynamodb:ConditionCheckItem', resource: `${ARN}/lbs-jobs` },
    ]);
    expect(readAwsRequest(dynamo('TransactGetItems', { TransactItems: [{ Get: { TableName: 'lbs-jobs' } }] })).checks).toEqual([{ action: 'dynamodb:GetItem', resource: `${ARN}/lbs-jobs` }]);
    expect(readAwsRequest(dynamo('BatchWriteItem', { RequestItems: { 'lbs-practice': [], 'lbs-outbox': [] } })).checks).toEqual([
      { action: 'dynamodb:BatchWriteItem', resource: `${ARN}/lbs-practice` },
      { action: 'dynamodb:BatchWriteItem', resource: `${ARN}/lbs-outbox` },
    ]);
    expect(readAwsRequest(dynamo('BatchGetItem', { RequestItems: { 'lbs-accounting': {} } })).checks).toEqual([{ action: 'dynamodb:BatchGetItem', resource: `${ARN}/lbs-accounting` }]);
  });

  it('a table named by its ARN keeps it; a request naming no table is unreadable (and refused)', () => {
    expect(readAwsRequest(dynamo('GetItem', { TableName: `${ARN}/other` })).checks[0]!.resource).toBe(`${ARN}/other`);
    expect(() => readAwsRequest(dynamo('GetItem', {}))).toThrow(UnreadableRequest);
  });
});

describe('reading SQS requests', () => {
  it('the queue of its QueueUrl (fauxqs\'s host ends in an IPv4 address); a batch is authorized as its single form', () => {
    const url = 'http://sqs.us-east-1.127.0.0.1:4566/000000000000/lbs-to-accounting';
    expect(readAwsRequest(sqs('SendMessageBatch', { QueueUrl: url, Entries: [] })).checks).toEqual([
      { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:000000000000:lbs-to-accounting' },
    ]);
    expect(readAwsRequest(sqs('DeleteMessageBatch', { QueueUrl: url })).checks[0]!.action).toBe('sqs:DeleteMessage');
    expect(readAwsRequest(sqs('GetQueueUrl', { QueueName: 'lbs-to-practice' })).checks).toEqual([{ action: 'sqs:GetQueueUrl', resource: 'arn:aws:sqs:us-east-1:000000000000:lbs-to-practice' }]);
  });

  it('the query protocol too (Action= in a form)', () => {
    const form: RawRequest = {
      method: 'POST',
      url: '/',
      headers: { authorization: auth('sqs'), 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from('Action=SendMessage&QueueUrl=http%3A%2F%2Flocalhost%3A1%2F000000000000%2Fq&MessageBody=x'),
    };
    expect(readAwsRequest(form)).toMatchObject({ protocol: 'query', operation: 'SendMessage', checks: [{ action: 'sqs:SendMessage', resource: 'arn:aws:sqs:us-east-1:000000000000:q' }] });
  });
});

describe('reading S3 requests (path-style)', () => {
  it('object reads and writes on the object, with the SDK\'s x-id; a copy also reads its source', () => {
    expect(readAwsRequest(s3('GET', '/lbs-documents/firms/a/b%20c.pdf?x-id=GetObject')).checks).toEqual([{ action: 's3:GetObject', resource: 'arn:aws:s3:::lbs-documents/firms/a/b c.pdf' }]);
    expect(readAwsRequest(s3('HEAD', '/lbs-documents/k')).operation).toBe('HeadObject');
    expect(readAwsRequest(s3('PUT', '/lbs-documents/k?x-id=PutObject')).checks[0]!.action).toBe('s3:PutObject');
    expect(readAwsRequest(s3('PUT', '/lbs-documents/k', { 'x-amz-copy-source': '/other/src%2Fkey' })).checks).toEqual([
      { action: 's3:PutObject', resource: 'arn:aws:s3:::lbs-documents/k' },
      { action: 's3:GetObject', resource: 'arn:aws:s3:::other/src/key' },
    ]);
    expect(readAwsRequest(s3('DELETE', '/lbs-documents/k?x-id=DeleteObject')).checks[0]!.action).toBe('s3:DeleteObject');
  });

  it('a presigned GET is signed in its query: the signer from X-Amz-Credential, the hoisted headers are not subresources', () => {
    const presigned = readAwsRequest({
      method: 'GET',
      url: '/lbs-documents/k.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=LOCALbillingApi%2F20261202%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=x&response-content-disposition=inline&x-amz-checksum-mode=ENABLED&x-id=GetObject',
      headers: {},
      body: Buffer.alloc(0),
    });
    expect(presigned).toMatchObject({ accessKeyId: 'LOCALbillingApi', service: 's3', checks: [{ action: 's3:GetObject', resource: 'arn:aws:s3:::lbs-documents/k.pdf' }] });
  });

  it('listings on the bucket, a multi-object delete deletes each key, anything unknown is unreadable', () => {
    expect(readAwsRequest(s3('GET', '/lbs-documents?list-type=2&prefix=firms%2F')).checks).toEqual([{ action: 's3:ListBucket', resource: 'arn:aws:s3:::lbs-documents' }]);
    expect(readAwsRequest(s3('POST', '/lbs-documents?delete', {}, '<Delete><Object><Key>a&amp;b</Key></Object><Object><Key>c</Key></Object></Delete>')).checks).toEqual([
      { action: 's3:DeleteObject', resource: 'arn:aws:s3:::lbs-documents/a&b' },
      { action: 's3:DeleteObject', resource: 'arn:aws:s3:::lbs-documents/c' },
    ]);
    expect(() => readAwsRequest(s3('PUT', '/lbs-documents?policy'))).toThrow(UnreadableRequest);
    expect(() => readAwsRequest(s3('GET', '/lbs-documents/k?torrent'))).toThrow(UnreadableRequest);
  });
});

describe('refusals, as each service answers them', () => {
  it('DynamoDB: 400 AccessDeniedException; SQS JSON: 403 with the query-compatible code; S3: 403 XML (no body for HEAD)', () => {
    const dynamoRefusal = accessDenied({ service: 'dynamodb', protocol: 'json' }, 'User: u is not authorized', 'POST');
    expect(dynamoRefusal.status).toBe(400);
    expect(JSON.parse(dynamoRefusal.body)).toEqual({ __type: 'com.amazon.coral.service#AccessDeniedException', Message: 'User: u is not authorized' });
    const sqsRefusal = accessDenied({ service: 'sqs', protocol: 'json' }, 'no', 'POST');
    expect([sqsRefusal.status, sqsRefusal.headers['x-amzn-query-error']]).toEqual([403, 'AccessDenied;Sender']);
    const s3Refusal = accessDenied({ service: 's3', protocol: 'rest-xml' }, 'a <b>', 'GET');
    expect(s3Refusal.status).toBe(403);
    expect(s3Refusal.body).toContain('<Code>AccessDenied</Code><Message>a &lt;b&gt;</Message>');
    expect(accessDenied({ service: 's3', protocol: 'rest-xml' }, 'x', 'HEAD').body).toBe('');
  });
});
