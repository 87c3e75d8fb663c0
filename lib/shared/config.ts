import { envName, type BucketName, type QueueName, type TableName } from '../declaration.ts';

/**
 * Configuration, read from the environment the stack gives each function
 * (CDK in AWS, the local stack on this machine). Resource names are read each
 * time they are used, not at import: a function whose declaration lacks one
 * fails loudly at that use, and a module can be imported before its
 * environment is set (the local stack and the tests do).
 */
const env = process.env;

function required(name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Missing configuration: environment variable ${name} is not set.`);
  return value;
}

function positiveInt(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}".`);
  return value;
}

/** How long a container trusts a firm's settings it read for the sync path (lib/shared/expiring-cache.ts). */
export const SETTINGS_TTL_MS = 2000;

export const config = {
  region: env.AWS_REGION ?? 'us-east-1',
  /** Set locally to the emulators; unset in AWS, where the SDK finds the service. */
  endpoints: {
    dynamodb: env.AWS_ENDPOINT_URL_DYNAMODB,
    sqs: env.AWS_ENDPOINT_URL_SQS,
    s3: env.AWS_ENDPOINT_URL_S3,
  },
  tableName: (t: TableName) => required(envName.table(t)),
  queueUrl: (q: QueueName) => required(envName.queueUrl(q)),
  bucketName: (b: BucketName) => required(envName.bucket(b)),
  sync: {
    /** A link still pending this long is re-sent by the reconciler. */
    redriveAfterSeconds: positiveInt('SYNC_REDRIVE_AFTER_SECONDS', 120),
    /** After this many sends without an answer the link turns `unknown`. */
    maxAttempts: positiveInt('SYNC_MAX_ATTEMPTS', 6),
  },
  invoiceNumbers: {
    /** A number this long reserved and on no invoice is voided (unused-numbers.ts): far above any approval's run time. */
    graceSeconds: positiveInt('INVOICE_NUMBER_GRACE_SECONDS', 300),
  },
  /** Local-only fault points (see lib/shared/faults.ts); never set in AWS. */
  faultInjection: env.FAULT_INJECTION === 'on',
};
