import { readFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { buckets, envName, functions, queues, tables, type BucketName, type FunctionName, type QueueName, type TableName } from '#lib/declaration';
import { LOCAL_CREDENTIALS } from '../../../infra/local/emulators.ts';
import { lambdaContext, type AnyHandler } from '../../../infra/local/lambda-context.ts';
import { localNames } from '../../../infra/local/provision.ts';
import { projectRoot } from '../../../infra/local/paths.ts';
import type { StackInfo } from '../../../infra/local/stack.ts';

/*
 * Invoking the deployed handler modules (functions/queue, functions/stream)
 * directly in the test process, with the event shapes Lambda passes, against
 * the emulators of the running integration stack.
 */

/**
 * The environment the local stack gives its handlers (infra/local/stack.ts),
 * pointed at the test stack's emulators: endpoints, region, credentials and
 * every table, queue and bucket name. The handlers read it at import, so this
 * must run before the first handler (or lib module) is imported. Answers a
 * function that puts the environment back as it was.
 */
export function useStackEnvironment(stack: StackInfo): () => void {
  const env: Record<string, string> = {
    AWS_REGION: stack.region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: stack.endpoints.dynamodb,
    AWS_ENDPOINT_URL_SQS: stack.endpoints.sqs,
    AWS_ENDPOINT_URL_S3: stack.endpoints.s3,
    SMTP_URL: stack.endpoints.smtp,
    // Fault injection stays off (FAULT_INJECTION unset): the handlers run as deployed.
    // Their own logs (a failed record is logged at ERROR) only when asked for.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    POWERTOOLS_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'SILENT',
    // Their metrics are the stack's to count (GET /__local/metrics), not printed into the test output; no X-Ray here.
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
  };
  for (const t of Object.keys(tables) as TableName[]) env[envName.table(t)] = stack.tables[t];
  for (const q of Object.keys(queues) as QueueName[]) env[envName.queueUrl(q)] = stack.queueUrls[q];
  for (const b of Object.keys(buckets) as BucketName[]) env[envName.bucket(b)] = localNames.bucket(b);
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  return () => {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

/** Points one queue's URL variable elsewhere (a private queue, a queue that does not exist) until the answer is called. */
export function redirectQueue(queue: QueueName, url: string): () => void {
  const name = envName.queueUrl(queue);
  const before = process.env[name];
  process.env[name] = url;
  return () => {
    process.env[name] = before;
  };
}

type QueueFunction = { [F in FunctionName]: (typeof functions)[F]['trigger'] extends { kind: 'queue' } ? F : never }[FunctionName];
type StreamFunction = { [F in FunctionName]: (typeof functions)[F]['trigger'] extends { kind: 'stream' } ? F : never }[FunctionName];

async function load(name: FunctionName): Promise<AnyHandler> {
  const module = (await import(join(projectRoot, functions[name].entry))) as { handler: AnyHandler };
  return module.handler;
}

/** A queue-triggered function, invoked as its event source mapping would: a batch in, the failed records out. */
export async function queueFunction(name: QueueFunction): Promise<(records: SQSRecord[]) => Promise<SQSBatchResponse>> {
  const handler = await load(name);
  const timeout = (functions[name] as { timeoutSeconds?: number }).timeoutSeconds;
  return async (records) => (await handler({ Records: records } satisfies SQSEvent, lambdaContext(name, timeout))) as SQSBatchResponse;
}

/** A stream-triggered function, invoked with a batch of stream records (its filter is not applied: the test picks the records). */
export async function streamFunction(name: StreamFunction): Promise<(records: DynamoDBRecord[]) => Promise<DynamoDBBatchResponse>> {
  const handler = await load(name);
  return async (records) => (await handler({ Records: records } satisfies DynamoDBStreamEvent, lambdaContext(name))) as DynamoDBBatchResponse;
}

/** A message of events/samples (each file is one message body), with fresh `id` and the fields given replaced. */
export function sample<T extends Record<string, unknown> = Record<string, any>>(type: string, fields: Record<string, unknown> = {}): T {
  const body = JSON.parse(readFileSync(join(projectRoot, 'events/samples', `${type}.json`), 'utf8')) as Record<string, unknown>;
  if (body.type !== type) throw new Error(`events/samples/${type}.json is a ${String(body.type)}`);
  return { ...body, id: `msg_${randomUUID()}`, ...fields } as unknown as T;
}

/**
 * An SQS record as Lambda delivers it from `queue`: `body` (a message, or any
 * text) as sent, delivered for the `receiveCount`th time (the queue's
 * maxReceiveCount makes it the last delivery).
 */
export function sqsRecord(queue: QueueName, body: unknown, options: { messageId?: string; receiveCount?: number } = {}): SQSRecord {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const message = typeof body === 'object' && body !== null ? (body as { type?: unknown; firmId?: unknown }) : {};
  const now = String(Date.now());
  const stringAttribute = (value: string) => ({ dataType: 'String', stringValue: value, stringListValues: [], binaryListValues: [] });
  return {
    messageId: options.messageId ?? randomUUID(),
    receiptHandle: `handle-${randomUUID()}`,
    body: text,
    attributes: {
      ApproximateReceiveCount: String(options.receiveCount ?? 1),
      SentTimestamp: now,
      SenderId: 'AIDAIENQZJOLO23YVJ4VO',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {
      ...(typeof message.type === 'string' ? { type: stringAttribute(message.type) } : {}),
      ...(typeof message.firmId === 'string' ? { firmId: stringAttribute(message.firmId) } : {}),
    },
    md5OfBody: createHash('md5').update(text).digest('hex'),
    eventSource: 'aws:sqs',
    eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${localNames.queue(queue)}`,
    awsRegion: 'us-east-1',
  };
}

let sequence = BigInt(Date.now()) * 1_000_000n;

/**
 * A DynamoDB stream record of `table` (NEW_IMAGE view, as the outbox table
 * streams): `item` written (INSERT, or the event named), with a fresh,
 * increasing sequence number.
 */
export function streamRecord(table: TableName, item: Record<string, unknown>, eventName: 'INSERT' | 'MODIFY' | 'REMOVE' = 'INSERT'): DynamoDBRecord {
  const image = marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
  const keys = { pk: image.pk!, sk: image.sk! };
  return {
    eventID: randomUUID().replace(/-/g, ''),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    eventSourceARN: `arn:aws:dynamodb:us-east-1:000000000000:table/${localNames.table(table)}/stream/2026-01-01T00:00:00.000`,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: keys as never,
      // A NEW_IMAGE stream carries no image of a deleted item.
      ...(eventName === 'REMOVE' ? {} : { NewImage: image as never }),
      SequenceNumber: String(++sequence).padStart(21, '0'),
      SizeBytes: JSON.stringify(image).length,
      StreamViewType: 'NEW_IMAGE',
    },
  };
}

/** The messageIds / sequence numbers a batch response reports, sorted (the order is not part of the contract). */
export const failedIds = (response: SQSBatchResponse | DynamoDBBatchResponse) => response.batchItemFailures.map((f) => f.itemIdentifier).sort();
