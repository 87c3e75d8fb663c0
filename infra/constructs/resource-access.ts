import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as iam from 'aws-cdk-lib/aws-iam';
import { envName, type BucketName, type FunctionDecl, type QueueName, type TableName } from '#lib/declaration';
import type { QueueWithDlq } from './queue-with-dlq.ts';
import { entriesOf } from './records.ts';

export interface DeclaredResources {
  readonly tables: Record<TableName, dynamodb.Table>;
  readonly queues: Record<QueueName, QueueWithDlq>;
  readonly buckets: Record<BucketName, s3.Bucket>;
}

/**
 * Gives a function exactly the access its declaration lists and nothing more:
 * each grant comes with the one environment variable that names the
 * resource, so a function can neither see nor touch what it was not given.
 */
export function grantDeclaredAccess(fn: lambda.Function, decl: FunctionDecl, resources: DeclaredResources): void {
  for (const [name, access] of entriesOf(decl.tables ?? {})) {
    const table = resources.tables[name];
    if (access === 'read') table.grantReadData(fn);
    else table.grantReadWriteData(fn);
    fn.addEnvironment(envName.table(name), table.tableName);
  }
  for (const name of decl.sendsTo ?? []) {
    const { queue } = resources.queues[name];
    queue.grantSendMessages(fn);
    fn.addEnvironment(envName.queueUrl(name), queue.queueUrl);
  }
  for (const [name, access] of entriesOf(decl.buckets ?? {})) {
    const bucket = resources.buckets[name];
    if (access === 'read') bucket.grantRead(fn);
    else bucket.grantReadWrite(fn);
    fn.addEnvironment(envName.bucket(name), bucket.bucketName);
  }
  if (decl.mail) {
    // Invoice email goes out through SES from the configured sender identity.
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: ['*'] }));
    fn.addEnvironment('MAIL_FROM', mailFrom(fn));
  }
}

/** The sender of invoice email, from the `mailFrom` context (a verified SES identity). */
function mailFrom(fn: lambda.Function): string {
  return (fn.node.tryGetContext('mailFrom') as string | undefined) ?? 'Billing <billing@law-billing-sync.dev>';
}
