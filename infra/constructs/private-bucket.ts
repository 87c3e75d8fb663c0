import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { logRetentionDays } from '#lib/declaration';

const privately = {
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  encryption: s3.BucketEncryption.S3_MANAGED,
  enforceSSL: true,
} as const;

/**
 * The bucket that receives the declared buckets' S3 server access logs:
 * documents are fetched straight from S3 through presigned links, so this is
 * the one record of who downloaded which invoice, and when. Private and
 * TLS-only like the rest; logs expire after their declared days.
 */
export function accessLogBucket(scope: Construct, id: string): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    ...privately,
    lifecycleRules: [{ expiration: Duration.days(logRetentionDays.bucketAccess) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return bucket; // cdk-nag's S1 knows a log target needs no access log of its own
}

/**
 * A declared bucket: private (reached by presigned URLs only), encrypted,
 * TLS-only, versioned and kept, its server access logs under its name in
 * `accessLogs`.
 */
export function privateBucket(scope: Construct, id: string, accessLogs: s3.IBucket, logPrefix: string): s3.Bucket {
  return new s3.Bucket(scope, id, {
    ...privately,
    versioned: true,
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: `${logPrefix}/`,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
