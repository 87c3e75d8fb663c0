import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { buckets, envName, queueRetentionDays, queues, tables, type QueueName, type TableName } from '#lib/declaration';

/** Local physical names: the declaration's logical names under one prefix. */
export const localNames = {
  table: (t: TableName) => `lbs-${t}`,
  queue: (q: QueueName) => `lbs-${q.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  dlq: (q: QueueName) => `${localNames.queue(q)}-dlq`,
  bucket: (b: string) => `lbs-${b}`,
};

export interface Provisioned {
  env: Record<string, string>;
  streamArns: Partial<Record<TableName, string>>;
  queueUrls: Record<QueueName, string>;
  dlqUrls: Record<QueueName, string>;
}

/**
 * Creates (or finds, on a persistent restart) every table, queue and bucket
 * of the declaration in the emulators, and returns the environment the
 * handlers read them from: the same variable names CDK sets in AWS.
 */
export async function provision(
  clients: { dynamo: DynamoDBClient; sqs: SQSClient; s3: S3Client },
  options: { visibilityTimeoutSeconds?: number | undefined },
): Promise<Provisioned> {
  const env: Record<string, string> = {};
  const streamArns: Provisioned['streamArns'] = {};
  for (const [name, decl] of Object.entries(tables) as [TableName, (typeof tables)[TableName]][]) {
    const TableName = localNames.table(name);
    try {
      await clients.dynamo.send(
        new CreateTableCommand({
          TableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: decl.keys.pk, AttributeType: 'S' },
            { AttributeName: decl.keys.sk, AttributeType: 'S' },
            ...decl.indexes.flatMap((i) => [
              { AttributeName: i.pk, AttributeType: 'S' as const },
              { AttributeName: i.sk, AttributeType: 'S' as const },
            ]),
          ],
          KeySchema: [
            { AttributeName: decl.keys.pk, KeyType: 'HASH' },
            { AttributeName: decl.keys.sk, KeyType: 'RANGE' },
          ],
          ...(decl.indexes.length
            ? {
                GlobalSecondaryIndexes: decl.indexes.map((i) => ({
                  IndexName: i.name,
                  KeySchema: [
                    { AttributeName: i.pk, KeyType: 'HASH' as const },
                    { AttributeName: i.sk, KeyType: 'RANGE' as const },
                  ],
                  Projection: { ProjectionType: i.projection === 'all' ? ('ALL' as const) : ('KEYS_ONLY' as const) },
                })),
              }
            : {}),
          ...(decl.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } } : {}),
        }),
      );
      if (decl.ttlAttribute) {
        await clients.dynamo.send(
          new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: { AttributeName: decl.ttlAttribute, Enabled: true } }),
        );
      }
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    const described = await clients.dynamo.send(new DescribeTableCommand({ TableName }));
    if (!decl.stream && described.Table?.StreamSpecification?.StreamEnabled) {
      // Kept data from an earlier layout where the books streamed: a stream nobody reads only slows writes.
      await clients.dynamo.send(new UpdateTableCommand({ TableName, StreamSpecification: { StreamEnabled: false } }));
    }
    if (decl.stream && described.Table?.LatestStreamArn) streamArns[name] = described.Table.LatestStreamArn;
    env[envName.table(name)] = TableName;
  }

  const days = (n: number) => String(n * 24 * 3600);
  const queueUrls = {} as Record<QueueName, string>;
  const dlqUrls = {} as Record<QueueName, string>;
  for (const [name, decl] of Object.entries(queues) as [QueueName, (typeof queues)[QueueName]][]) {
    const dlq = await clients.sqs.send(
      new CreateQueueCommand({ QueueName: localNames.dlq(name), Attributes: { MessageRetentionPeriod: days(queueRetentionDays.deadLetter) } }),
    );
    const dlqArn = (
      await clients.sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl!, AttributeNames: ['QueueArn'] }))
    ).Attributes!.QueueArn!;
    const queue = await clients.sqs.send(
      new CreateQueueCommand({
        QueueName: localNames.queue(name),
        Attributes: {
          VisibilityTimeout: String(options.visibilityTimeoutSeconds ?? decl.visibilityTimeoutSeconds),
          MessageRetentionPeriod: days(queueRetentionDays.queue),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: decl.maxReceiveCount }),
        },
      }),
    );
    queueUrls[name] = queue.QueueUrl!;
    dlqUrls[name] = dlq.QueueUrl!;
    env[envName.queueUrl(name)] = queue.QueueUrl!;
  }

  for (const name of Object.keys(buckets) as (keyof typeof buckets)[]) {
    try {
      await clients.s3.send(new CreateBucketCommand({ Bucket: localNames.bucket(name) }));
    } catch (error) {
      const code = (error as { name?: string }).name;
      if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
    }
    env[envName.bucket(name)] = localNames.bucket(name);
  }
  return { env, streamArns, queueUrls, dlqUrls };
}
