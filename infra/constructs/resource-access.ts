import { Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as iam from 'aws-cdk-lib/aws-iam';
import { envName, tables, type BucketName, type FunctionDecl, type QueueName, type TableName } from '#lib/declaration';
import type { QueueWithDlq } from './queue-with-dlq.ts';
import { entriesOf } from './records.ts';
import { acknowledge, nagArn } from './acknowledge.ts';

export interface DeclaredResources {
  readonly tables: Record<TableName, dynamodb.Table>;
  readonly queues: Record<QueueName, QueueWithDlq>;
  readonly buckets: Record<BucketName, s3.Bucket>;
}

/** The sender of invoice email when the `mailFrom` context does not name one (a verified SES identity). */
export const DEFAULT_MAIL_FROM = 'Billing <billing@law-billing-sync.dev>';

/**
 * What a bucket grant allows, as the code uses it (`lib/aws/s3.ts`): reading
 * a document (GetObject, also what a presigned link is signed for) and, for
 * `readwrite`, storing one (PutObject). ListBucket lets a missing key read as
 * NoSuchKey (a document not there yet) rather than AccessDenied. Nothing
 * deletes, tags, restores or aborts uploads, so no grant does.
 */
export const bucketActions = {
  objects: { read: ['s3:GetObject'], readwrite: ['s3:GetObject', 's3:PutObject'] },
  bucket: ['s3:ListBucket'],
} as const;

/**
 * Gives a function exactly the access its declaration lists and nothing more:
 * each grant comes with the one environment variable that names the
 * resource, so a function can neither see nor touch what it was not given.
 */
export function grantDeclaredAccess(fn: lambda.Function, decl: FunctionDecl, resources: DeclaredResources): void {
  const role = fn.role!;
  for (const [name, access] of entriesOf(decl.tables ?? {})) {
    const table = resources.tables[name];
    if (access === 'read') table.grantReadData(fn);
    else table.grantReadWriteData(fn);
    fn.addEnvironment(envName.table(name), table.tableName);
    const indexes = tables[name].indexes.map((i) => i.name);
    if (indexes.length) {
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::${nagArn(table)}/index/*]`,
        `Queries the ${name} table's indexes (${indexes.join(', ')}): the table grant names them index/*, and the table has no other indexes than these, declared in lib/declaration.ts.`,
      );
    }
  }
  for (const name of decl.sendsTo ?? []) {
    const { queue } = resources.queues[name];
    queue.grantSendMessages(fn);
    fn.addEnvironment(envName.queueUrl(name), queue.queueUrl);
  }
  for (const [name, access] of entriesOf(decl.buckets ?? {})) {
    const bucket = resources.buckets[name];
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...bucketActions.objects[access]], resources: [bucket.arnForObjects('*')] }));
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: [...bucketActions.bucket], resources: [bucket.bucketArn] }));
    fn.addEnvironment(envName.bucket(name), bucket.bucketName);
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${nagArn(bucket)}/*]`,
      `Object keys are made at run time (a folder per firm, then the bill: lib/aws/s3.ts), so the grant covers the objects of this one bucket; the actions are only ${bucketActions.objects[access].join(' and ')}.`,
    );
  }
  if (decl.mail) {
    // Invoice email goes out through SES from the configured sender: the grant names that identity (the
    // address, or its domain when the domain is what SES verified), nothing else.
    const from = mailFrom(fn);
    const address = (/<([^>]+)>/.exec(from)?.[1] ?? from).trim();
    if (!/^[^@\s]+@[^@\s]+$/.test(address)) throw new Error(`mailFrom "${from}" has no sender address (name@domain).`);
    const domain = address.slice(address.lastIndexOf('@') + 1);
    const identity = (name: string) => Stack.of(fn).formatArn({ service: 'ses', resource: 'identity', resourceName: name });
    fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ses:SendEmail', 'ses:SendRawEmail'], resources: [identity(address), identity(domain)] }));
    fn.addEnvironment('MAIL_FROM', from);
  }
}

/** The sender of invoice email, from the `mailFrom` context (a verified SES identity). */
function mailFrom(fn: lambda.Function): string {
  return (fn.node.tryGetContext('mailFrom') as string | undefined) ?? DEFAULT_MAIL_FROM;
}
