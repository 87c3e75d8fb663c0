import type { IncomingHttpHeaders } from 'node:http';
import { localArn, queueArnOfUrl } from './local-arns.ts';

/** One authorization IAM makes for a call: an action on a resource. A call may need several (a transaction across tables). */
export interface IamCheck {
  action: string;
  resource: string;
}

/** What an AWS API request is, as IAM sees it. */
export interface AwsRequest {
  /** The signing name in the SigV4 credential scope: dynamodb, sqs, s3. */
  service: string;
  /** The access key id the request is signed with (header or presigned query); undefined when unsigned. */
  accessKeyId: string | undefined;
  /** The API operation (PutItem, SendMessage, GetObject…). */
  operation: string;
  /** How errors are answered: AWS JSON (DynamoDB, SQS), the query protocol (older SQS clients), REST-XML (S3). */
  protocol: 'json' | 'query' | 'rest-xml';
  checks: IamCheck[];
}

export interface RawRequest {
  method: string;
  /** Path and query string, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** Thrown for a request the check cannot read: it is refused (fail closed), and the message says why. */
export class UnreadableRequest extends Error {}

const header = (h: IncomingHttpHeaders, name: string) => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** `Credential=<key>/<date>/<region>/<service>/aws4_request`, from the Authorization header or a presigned URL's query. */
function credentialScope(r: RawRequest): { accessKeyId: string; service: string } | undefined {
  const fromHeader = /Credential=([^/,\s]+)\/[^/]+\/[^/]+\/([^/]+)\/aws4_request/.exec(header(r.headers, 'authorization') ?? '');
  if (fromHeader) return { accessKeyId: fromHeader[1]!, service: fromHeader[2]! };
  const query = new URL(r.url, 'http://x').searchParams.get('X-Amz-Credential');
  const fromQuery = query ? /^([^/]+)\/[^/]+\/[^/]+\/([^/]+)\/aws4_request$/.exec(query) : null;
  return fromQuery ? { accessKeyId: fromQuery[1]!, service: fromQuery[2]! } : undefined;
}

/** Reads one request: who signed it, for which service, and every action on every resource it needs. */
export function readAwsRequest(r: RawRequest): AwsRequest {
  const scope = credentialScope(r);
  const target = header(r.headers, 'x-amz-target');
  const service = scope?.service ?? (target?.startsWith('DynamoDB') ? 'dynamodb' : target?.startsWith('AmazonSQS') ? 'sqs' : 's3');
  const accessKeyId = scope?.accessKeyId;
  switch (service) {
    case 'dynamodb':
      return { service, accessKeyId, protocol: 'json', ...dynamoChecks(target, r.body) };
    case 'sqs':
      return { service, accessKeyId, ...sqsChecks(target, r) };
    case 's3':
      return { service, accessKeyId, protocol: 'rest-xml', ...s3Checks(r) };
    default:
      throw new UnreadableRequest(`The local stack has no ${service} service`);
  }
}

const json = (body: Buffer): Record<string, any> => {
  try {
    return body.length ? (JSON.parse(body.toString('utf8')) as Record<string, any>) : {};
  } catch {
    throw new UnreadableRequest('The request body is not JSON');
  }
};

/** A TableName may be the table's name or its ARN. */
const tableArn = (table: unknown) => {
  if (typeof table !== 'string' || !table) throw new UnreadableRequest('The request names no table');
  return table.startsWith('arn:') ? table : localArn.table(table);
};

/** What a transaction's items ask for: IAM authorizes each item's own action on its table. */
const transactionItemActions = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem', Get: 'GetItem' } as const;

/**
 * DynamoDB (AWS JSON 1.0, `X-Amz-Target: DynamoDB_20120810.<Operation>`): the
 * operation on its table, or on the index a Query or Scan names; a batch needs
 * its operation on every table it touches; a transaction needs each item's
 * operation (PutItem, UpdateItem, DeleteItem, ConditionCheckItem, GetItem) on
 * that item's table, as IAM authorizes TransactWriteItems and TransactGetItems.
 */
function dynamoChecks(target: string | undefined, body: Buffer): Pick<AwsRequest, 'operation' | 'checks'> {
  const operation = /^DynamoDB(?:Streams)?_\d+\.(\w+)$/.exec(target ?? '')?.[1];
  if (!operation) throw new UnreadableRequest(`Not a DynamoDB operation: X-Amz-Target ${target ?? '(none)'}`);
  const input = json(body);
  const action = `dynamodb:${operation}`;
  switch (operation) {
    case 'BatchGetItem':
    case 'BatchWriteItem':
      return { operation, checks: Object.keys(input.RequestItems ?? {}).map((t) => ({ action, resource: tableArn(t) })) };
    case 'TransactWriteItems':
    case 'TransactGetItems': {
      const checks = ((input.TransactItems ?? []) as Record<string, { TableName?: string }>[]).flatMap((item) =>
        Object.entries(item).map(([kind, detail]) => {
          const itemAction = transactionItemActions[kind as keyof typeof transactionItemActions];
          if (!itemAction) throw new UnreadableRequest(`A transaction item of kind ${kind}`);
          return { action: `dynamodb:${itemAction}`, resource: tableArn(detail.TableName) };
        }),
      );
      return { operation, checks };
    }
    case 'ListTables':
      return { operation, checks: [{ action, resource: '*' }] };
    case 'DescribeStream':
    case 'GetRecords':
    case 'GetShardIterator':
      return { operation, checks: [{ action, resource: String(input.StreamArn ?? String(input.ShardIterator ?? '').split('|')[0]) }] };
    default: {
      const table = tableArn(input.TableName);
      const resource = input.IndexName ? `${table}/index/${String(input.IndexName)}` : table;
      return { operation, checks: [{ action, resource }] };
    }
  }
}

/** The IAM action of an SQS operation: the batch operations are authorized as their single forms. */
const sqsAction = (operation: string) => `sqs:${operation.replace(/Batch$/, '')}`;

/**
 * SQS, in its JSON protocol (`X-Amz-Target: AmazonSQS.<Operation>`, what the
 * SDK v3 speaks) or the older query protocol (form-encoded `Action=`): the
 * operation on the queue its QueueUrl (or, for GetQueueUrl and CreateQueue,
 * its QueueName) names.
 */
function sqsChecks(target: string | undefined, r: RawRequest): Pick<AwsRequest, 'operation' | 'checks' | 'protocol'> {
  const fromTarget = /^AmazonSQS\.(\w+)$/.exec(target ?? '')?.[1];
  const form = fromTarget ? undefined : new URLSearchParams(r.body.toString('utf8') || new URL(r.url, 'http://x').search);
  const operation = fromTarget ?? form?.get('Action') ?? undefined;
  if (!operation) throw new UnreadableRequest('Not an SQS operation: no X-Amz-Target or Action');
  const input: Record<string, unknown> = fromTarget ? json(r.body) : Object.fromEntries(form!);
  const protocol = fromTarget ? 'json' : 'query';
  const action = sqsAction(operation);
  if (operation === 'ListQueues') return { operation, protocol, checks: [{ action, resource: '*' }] };
  if (typeof input.QueueUrl === 'string') {
    const resource = queueArnOfUrl(input.QueueUrl);
    if (!resource) throw new UnreadableRequest(`Not a queue URL: ${input.QueueUrl}`);
    return { operation, protocol, checks: [{ action, resource }] };
  }
  if (typeof input.QueueName === 'string') {
    const arn = localArn.queue(input.QueueName);
    const owner = typeof input.QueueOwnerAWSAccountId === 'string' ? input.QueueOwnerAWSAccountId : undefined;
    return { operation, protocol, checks: [{ action, resource: owner ? arn.replace(/:\d{12}:/, `:${owner}:`) : arn }] };
  }
  throw new UnreadableRequest(`SQS ${operation} names no queue`);
}

/**
 * The query parameters that make a request a different operation (subresources), without those that
 * only describe it: the SDK's `x-id=<Operation>`, a presigned URL's signature (`X-Amz-*`), the headers it
 * hoisted into the query (`x-amz-checksum-mode`…) and its `response-*` overrides, and a listing's paging
 * and filters.
 */
function subresources(query: URLSearchParams): Set<string> {
  const describing = /^(x-id|x-amz-.*|response-.*|list-type|prefix|delimiter|continuation-token|max-keys|start-after|encoding-type|fetch-owner|marker)$/i;
  return new Set([...query.keys()].filter((k) => !describing.test(k)));
}

/** Object operations by method, and the subresources that make them other actions. */
function s3ObjectAction(method: string, sub: Set<string>): string | undefined {
  const has = (k: string) => sub.has(k);
  const only = (...keys: string[]) => [...sub].every((k) => keys.includes(k));
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (has('uploadId')) return 's3:ListMultipartUploadParts';
      if (has('tagging')) return has('versionId') ? 's3:GetObjectVersionTagging' : 's3:GetObjectTagging';
      if (has('acl')) return 's3:GetObjectAcl';
      if (has('attributes')) return has('versionId') ? 's3:GetObjectVersionAttributes' : 's3:GetObjectAttributes';
      if (only('versionId', 'partNumber')) return has('versionId') ? 's3:GetObjectVersion' : 's3:GetObject';
      return undefined;
    case 'PUT':
      if (has('tagging')) return 's3:PutObjectTagging';
      if (has('acl')) return 's3:PutObjectAcl';
      if (only('partNumber', 'uploadId')) return 's3:PutObject';
      return undefined;
    case 'POST':
      return has('uploads') || has('uploadId') ? 's3:PutObject' : undefined;
    case 'DELETE':
      if (has('uploadId')) return 's3:AbortMultipartUpload';
      if (has('tagging')) return 's3:DeleteObjectTagging';
      if (only('versionId')) return has('versionId') ? 's3:DeleteObjectVersion' : 's3:DeleteObject';
      return undefined;
    default:
      return undefined;
  }
}

/** Bucket operations by method and subresource (only those the SDK's everyday calls make). */
function s3BucketAction(method: string, sub: Set<string>): string | undefined {
  const has = (k: string) => sub.has(k);
  if (method === 'GET' && has('versions')) return 's3:ListBucketVersions';
  if (method === 'GET' && has('uploads')) return 's3:ListBucketMultipartUploads';
  if (method === 'GET' && has('location')) return 's3:GetBucketLocation';
  if (sub.size) return undefined;
  if (method === 'GET' || method === 'HEAD') return 's3:ListBucket';
  if (method === 'PUT') return 's3:CreateBucket';
  if (method === 'DELETE') return 's3:DeleteBucket';
  return undefined;
}

/**
 * S3, path-style (`/<bucket>/<key>`, as the functions' clients address it
 * locally): object reads and writes on the object's ARN, listings on the
 * bucket's, a copy also reads its source, a multi-object delete deletes each
 * key it lists. Anything else is refused as unreadable rather than let through.
 */
function s3Checks(r: RawRequest): Pick<AwsRequest, 'operation' | 'checks'> {
  const url = new URL(r.url, 'http://x');
  const [, bucket, ...rest] = url.pathname.split('/');
  const key = rest.length ? decodeURIComponent(rest.join('/')) : '';
  const method = r.method.toUpperCase();
  const sub = subresources(url.searchParams);
  if (!bucket) {
    if (method === 'GET') return { operation: 'ListBuckets', checks: [{ action: 's3:ListAllMyBuckets', resource: '*' }] };
    throw new UnreadableRequest(`S3 ${method} / names no bucket`);
  }
  if (!key) {
    if (method === 'POST' && sub.has('delete')) {
      const keys = [...r.body.toString('utf8').matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => unescapeXml(m[1]!));
      return { operation: 'DeleteObjects', checks: keys.map((k) => ({ action: 's3:DeleteObject', resource: localArn.object(bucket, k) })) };
    }
    const action = s3BucketAction(method, sub);
    if (!action) throw new UnreadableRequest(`S3 ${method} /${bucket}${url.search}: a bucket request the local IAM check does not read`);
    return { operation: action.slice(3), checks: [{ action, resource: localArn.bucket(bucket) }] };
  }
  const action = s3ObjectAction(method, sub);
  if (!action) throw new UnreadableRequest(`S3 ${method} /${bucket}/${key}${url.search}: an object request the local IAM check does not read`);
  const checks = [{ action, resource: localArn.object(bucket, key) }];
  const copySource = header(r.headers, 'x-amz-copy-source');
  if (copySource) {
    const [sourceBucket, ...sourceKey] = decodeURIComponent(copySource.replace(/^\//, '').split('?')[0]!).split('/');
    checks.push({ action: 's3:GetObject', resource: localArn.object(sourceBucket!, sourceKey.join('/')) });
  }
  return { operation: action === 's3:GetObject' && method === 'HEAD' ? 'HeadObject' : action.slice(3), checks };
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
