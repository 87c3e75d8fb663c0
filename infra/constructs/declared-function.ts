import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { logRetentionDays, type FunctionDecl } from '#lib/declaration';
import { acknowledge } from './acknowledge.ts';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What a function gets when its declaration says nothing. */
export const functionDefaults = { timeoutSeconds: 10, memoryMb: 512 } as const;

export const SERVICE_NAME = 'law-billing-sync';

/** The newest Node.js runtime aws-cdk-lib offers; `infra/bundling.ts` targets the same version. */
export const FUNCTION_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** A declared number of days as the log retention CloudWatch accepts (it takes only some values). */
export function logRetention(days: number): logs.RetentionDays {
  if (!Object.values(logs.RetentionDays).includes(days)) throw new Error(`CloudWatch Logs cannot keep logs ${days} days.`);
  return days as logs.RetentionDays;
}

/**
 * A function's code: its entry bundled by infra/bundling.ts, the same build
 * the bundle benchmark measures. Bundling runs locally (esbuild from
 * node_modules, no Docker); the asset is hashed by its output, so an
 * unchanged bundle is not uploaded again. The entry is part of the bundling
 * options, so functions that share an entry share one asset and no two
 * entries ever do.
 */
function bundledCode(entry: string): lambda.Code {
  return lambda.Code.fromAsset(projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: FUNCTION_RUNTIME.bundlingImage,
      command: ['infra/bundle-cli.ts', entry],
      local: {
        tryBundle(outputDir: string) {
          execFileSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'infra', 'bundle-cli.ts'), projectRoot, entry, outputDir], {
            cwd: projectRoot,
            stdio: 'inherit',
          });
          return true;
        },
      },
    },
  });
}

export interface DeclaredFunctionOptions {
  /** Where an asynchronous invocation (a schedule's) goes once Lambda's own retries are spent. */
  readonly asyncFailureQueue?: sqs.IQueue;
}

/** Why a function invoked synchronously has no dead-letter queue of its own, by trigger. */
const noAsyncDlq = {
  http: 'API Gateway invokes this function synchronously: the caller gets the error (a problem document or a 5xx), and an asynchronous-invocation DLQ would never receive anything.',
  queue: 'The SQS event source mapping invokes this function synchronously: a failed message goes back to its queue and, after maxReceiveCount deliveries, to that queue\'s DLQ (alarmed). An asynchronous-invocation DLQ would never receive anything.',
  stream: 'The DynamoDB stream event source mapping invokes this function synchronously: a batch that keeps failing is described on the mapping\'s on-failure queue (alarmed). An asynchronous-invocation DLQ would never receive anything.',
} as const;

/**
 * One declared function: arm64, the newest Node runtime, active X-Ray
 * tracing, logging to a group of its own with the declared retention, and a
 * role of its own that may write only to that group (not the
 * `AWSLambdaBasicExecutionRole` managed policy, which lets a function create
 * and write any log group). Access to resources and triggers are added by the
 * stack from the declaration; a scheduled function's failed invocations go to
 * `asyncFailureQueue`.
 */
export function declaredFunction(scope: Construct, id: string, decl: FunctionDecl, options: DeclaredFunctionOptions = {}): lambda.Function {
  const logGroup = new logs.LogGroup(scope, `${id}Logs`, { retention: logRetention(logRetentionDays.logGroups) });
  const role = new iam.Role(scope, `${id}Role`, {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `${id}: ${decl.description}`,
  });
  logGroup.grantWrite(role);
  const scheduled = decl.trigger.kind === 'schedule';
  if (scheduled && !options.asyncFailureQueue) throw new Error(`${id} runs on a schedule and needs a queue for its failed invocations.`);
  const fn = new lambda.Function(scope, id, {
    code: bundledCode(decl.entry),
    handler: 'index.handler',
    description: decl.description,
    runtime: FUNCTION_RUNTIME,
    architecture: lambda.Architecture.ARM_64,
    timeout: Duration.seconds(decl.timeoutSeconds ?? functionDefaults.timeoutSeconds),
    memorySize: decl.memoryMb ?? functionDefaults.memoryMb,
    logGroup,
    role,
    tracing: lambda.Tracing.ACTIVE,
    ...(scheduled ? { deadLetterQueue: options.asyncFailureQueue } : {}),
    environment: {
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      NODE_OPTIONS: '--enable-source-maps',
    },
  });
  if (decl.trigger.kind !== 'schedule') acknowledge(fn, 'Serverless-LambdaDLQ', noAsyncDlq[decl.trigger.kind]);
  acknowledge(
    role,
    'AwsSolutions-IAM5[Resource::*]',
    'The only statements on "*" are the X-Ray writes of active tracing (xray:PutTraceSegments, xray:PutTelemetryRecords)' +
      (decl.trigger.kind === 'stream' ? ' and the stream mapping\'s dynamodb:ListStreams' : '') +
      ', actions IAM cannot scope to a resource; test/infra/nag.test.ts fails on any other statement on "*".',
  );
  return fn;
}
