import { describe, expect, it } from 'vitest';
import { DynamoDBClient, DynamoDBServiceException, GetItemCommand, PutItemCommand, QueryCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SendMessageCommand, SQSClient, SQSServiceException } from '@aws-sdk/client-sqs';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import nodemailer from 'nodemailer';
import type { FunctionName } from '#lib/declaration';
import { localNames } from '../../infra/local/provision.ts';
import { stack } from '../integration/helpers.ts';

/*
 * The IAM check of bundled mode, against the real emulators behind it: calls
 * signed as one function (its access key, its endpoint: exactly what its
 * thread was given) are allowed or refused as that function's role policy in
 * the synthesized template says, and a refusal is the error AWS's SDK throws
 * there. No AWS client is mocked.
 */

const bundled = stack.bundled!;
const envOf = (fn: FunctionName) => bundled.environments[fn];
const as = (fn: FunctionName) => {
  const env = envOf(fn);
  return {
    region: env.AWS_REGION,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY!, sessionToken: env.AWS_SESSION_TOKEN! },
    maxAttempts: 1,
  };
};
const dynamoAs = (fn: FunctionName) => new DynamoDBClient({ ...as(fn), endpoint: envOf(fn).AWS_ENDPOINT_URL_DYNAMODB });
const sqsAs = (fn: FunctionName) => new SQSClient({ ...as(fn), endpoint: envOf(fn).AWS_ENDPOINT_URL_SQS });
const s3As = (fn: FunctionName) => new S3Client({ ...as(fn), endpoint: envOf(fn).AWS_ENDPOINT_URL_S3, forcePathStyle: true });

/** The error a call throws (the test fails if it does not). */
async function refusal(call: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to be refused');
}

const key = { pk: { S: 'IAM#test' }, sk: { S: 'IAM#test' } };
const bucket = localNames.bucket('documents');

describe('IAM in bundled mode: DynamoDB', () => {
  it('a read the grant allows goes through to DynamoDB Local', async () => {
    const out = await dynamoAs('jobsApi').send(new GetItemCommand({ TableName: stack.tables.jobs, Key: key }));
    expect(out.$metadata.httpStatusCode).toBe(200);
  });

  it('a write on a table granted read-only is AccessDeniedException (400), naming the action, the table and the role', async () => {
    const error = await refusal(dynamoAs('jobsApi').send(new PutItemCommand({ TableName: stack.tables.jobs, Item: key })));
    expect(error).toBeInstanceOf(DynamoDBServiceException);
    expect(error.name).toBe('AccessDeniedException');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    expect(error.message).toMatch(
      /^User: arn:aws:sts::000000000000:assumed-role\/JobsApiRole\w+\/jobsApi is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table\/lbs-jobs because no identity-based policy allows the dynamodb:PutItem action$/,
    );
  });

  it('a table the function has no grant on is refused, and so is an index of a table granted without indexes', async () => {
    expect((await refusal(dynamoAs('jobsApi').send(new GetItemCommand({ TableName: stack.tables.practice, Key: key })))).name).toBe('AccessDeniedException');
    // practice's grant covers its indexes (index/*): a query of one goes through.
    const pendingQuery = (fn: FunctionName, table: string) =>
      dynamoAs(fn).send(new QueryCommand({ TableName: table, IndexName: 'pending', KeyConditionExpression: 'pendingPk = :p', ExpressionAttributeValues: { ':p': { S: 'PENDING#0' } } }));
    expect((await pendingQuery('practiceReconciler', stack.tables.practice)).$metadata.httpStatusCode).toBe(200);
    // The outbox grant names the table alone; so a query of an index on it is refused before DynamoDB says there is none.
    expect((await refusal(pendingQuery('practiceReconciler', stack.tables.outbox))).name).toBe('AccessDeniedException');
  });

  it('a transaction needs each item\'s action on each table it writes: one table too many and the whole call is refused', async () => {
    const put = (table: string) => ({ Put: { TableName: table, Item: key, ConditionExpression: 'attribute_not_exists(pk)' } });
    const check = (table: string) => ({ ConditionCheck: { TableName: table, Key: key, ConditionExpression: 'attribute_not_exists(pk)' } });
    // Checks only (nothing is written): ConditionCheckItem on both of its tables is in its grants.
    const allowed = await dynamoAs('practiceContactsApi').send(new TransactWriteItemsCommand({ TransactItems: [check(stack.tables.practice), check(stack.tables.outbox)] }));
    expect(allowed.$metadata.httpStatusCode).toBe(200);
    const error = await refusal(
      dynamoAs('practiceContactsApi').send(new TransactWriteItemsCommand({ TransactItems: [put(stack.tables.outbox), put(stack.tables.jobs)] })),
    );
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toContain('dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:000000000000:table/lbs-jobs');
  });

  it('a key no function holds is UnrecognizedClientException', async () => {
    const stranger = new DynamoDBClient({ ...as('jobsApi'), credentials: { accessKeyId: 'STRANGER', secretAccessKey: 'x' }, endpoint: bundled.iamProxy });
    expect((await refusal(stranger.send(new GetItemCommand({ TableName: stack.tables.jobs, Key: key })))).name).toBe('UnrecognizedClientException');
  });
});

describe('IAM in bundled mode: SQS', () => {
  it('a relay may read the attributes of a queue it sends to (as its grant says), another function may not send there', async () => {
    const attributes = await sqsAs('practiceOutboxRelay').send(new GetQueueAttributesCommand({ QueueUrl: stack.queueUrls.toAccounting, AttributeNames: ['QueueArn'] }));
    expect(attributes.Attributes?.QueueArn).toMatch(/lbs-to-accounting$/);
    const error = await refusal(sqsAs('jobsApi').send(new SendMessageCommand({ QueueUrl: stack.queueUrls.toAccounting, MessageBody: '{}' })));
    expect(error).toBeInstanceOf(SQSServiceException);
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata?.httpStatusCode).toBe(403);
    expect(error.message).toContain('is not authorized to perform: sqs:SendMessage on resource: arn:aws:sqs:us-east-1:000000000000:lbs-to-accounting');
  });

  it('the practice relay may not send to accounting\'s own queues', async () => {
    const error = await refusal(sqsAs('practiceOutboxRelay').send(new SendMessageCommand({ QueueUrl: stack.queueUrls.toPractice, MessageBody: '{}' })));
    expect(error.name).toBe('AccessDenied');
  });
});

describe('IAM in bundled mode: S3', () => {
  const docKey = `iam-test/${Date.now()}.txt`;

  it('a function granted readwrite stores a document; one granted read may not, and gets S3\'s AccessDenied (403)', async () => {
    expect((await s3As('billDocumentsApi').send(new PutObjectCommand({ Bucket: bucket, Key: docKey, Body: 'hello' }))).$metadata.httpStatusCode).toBe(200);
    const error = await refusal(s3As('jobsApi').send(new PutObjectCommand({ Bucket: bucket, Key: docKey, Body: 'overwritten' })));
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata?.httpStatusCode).toBe(403);
    const read = await s3As('jobsApi').send(new GetObjectCommand({ Bucket: bucket, Key: docKey }));
    expect(await read.Body!.transformToString()).toBe('hello');
  });

  it('a missing key is NoSuchKey to a function that may list the bucket, AccessDenied to one that may not', async () => {
    const missing = `iam-test/missing-${Date.now()}`;
    expect(await refusal(s3As('jobsApi').send(new GetObjectCommand({ Bucket: bucket, Key: missing })))).toBeInstanceOf(NoSuchKey);
    expect((await refusal(s3As('practiceContactsApi').send(new GetObjectCommand({ Bucket: bucket, Key: missing })))).name).toBe('AccessDenied');
  });
});

describe('IAM in bundled mode: mail (SES in AWS)', () => {
  const send = (fn: FunctionName, from: string) =>
    nodemailer.createTransport(envOf(fn).SMTP_URL!).sendMail({ from, to: `iam-${Date.now()}@example.test`, subject: 'IAM test', text: 'hello' });

  it('a mail function may send as the configured sender; any other function, or any other sender, is refused as AccessDenied', async () => {
    const mailFrom = envOf('billEmailApi').MAIL_FROM!;
    const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
    expect((await send('billEmailApi', address)).accepted).toHaveLength(1);
    expect((await refusal(send('practiceContactsApi', address))).message).toMatch(/AccessDenied: .* is not authorized to perform: ses:SendEmail/);
    expect((await refusal(send('billEmailApi', 'someone@elsewhere.test'))).message).toContain('identity/someone@elsewhere.test');
  });
});
