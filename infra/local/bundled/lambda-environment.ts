import type { FunctionName } from '#lib/declaration';
import { LOCAL_REGION } from '../emulators.ts';
import { functionCredentials } from './function-credentials.ts';
import type { TemplateFunction } from './template-functions.ts';

/** Log levels Lambda's advanced logging controls know (AWS_LAMBDA_LOG_LEVEL). */
const ALC_LEVELS = new Set(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']);

export interface LocalRuntime {
  /** Where the function's bundle is (LAMBDA_TASK_ROOT). */
  taskRoot: string;
  /** The IAM proxy, the functions' only way to the emulators. */
  awsEndpoint: string;
  /** The mail gate, logged in as this function. */
  smtpUrl: string;
  /** The stack's log level, given as Lambda's advanced logging controls give one. */
  logLevel: string | undefined;
}

/**
 * A bundled function's whole environment: the template's variables and
 * nothing of this machine's, plus what Lambda itself sets in every function
 * (region, the role's credentials, the function's name, memory, log group,
 * task root and handler), and the few things only the local stack needs.
 * Of what a deployed function sees, only these differ:
 * - the credentials: the function's own local key (function-credentials.ts);
 * - AWS_ENDPOINT_URL_DYNAMODB/_SQS/_S3 (the IAM proxy) and SMTP_URL (the mail gate): what stands in for AWS;
 * - AWS_LAMBDA_MAX_CONCURRENCY: one thread runs a function's concurrent invocations, as on a Lambda
 *   Managed Instance (which sets it), so Powertools keeps each invocation's state apart;
 * - AWS_LAMBDA_LOG_LEVEL/_FORMAT: the stack's --log-level, as advanced logging controls would set it;
 * - AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: this machine's Node is older than Lambda's,
 *   and the SDK would warn about it in every thread.
 * Not set: AWS_EXECUTION_ENV and the X-Ray variables. They would turn the tracer on, and there is no X-Ray
 * daemon or trace header here (test/infra/bundles.test.ts runs a bundle with tracing on); nor any
 * variable the local unbundled mode adds (FAULT_INJECTION, LOG_LEVEL, SYNC_REDRIVE_AFTER_SECONDS…).
 */
export function lambdaEnvironment(name: FunctionName, fn: TemplateFunction, local: LocalRuntime): Record<string, string> {
  const credentials = functionCredentials(name);
  const logLevel = local.logLevel?.toUpperCase();
  return {
    ...fn.environment,
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken,
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memoryMb),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${name}`,
    AWS_LAMBDA_LOG_STREAM_NAME: 'local',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LAMBDA_TASK_ROOT: local.taskRoot,
    _HANDLER: fn.handler,
    AWS_ENDPOINT_URL_DYNAMODB: local.awsEndpoint,
    AWS_ENDPOINT_URL_SQS: local.awsEndpoint,
    AWS_ENDPOINT_URL_S3: local.awsEndpoint,
    SMTP_URL: local.smtpUrl,
    AWS_LAMBDA_MAX_CONCURRENCY: '1000',
    ...(logLevel && ALC_LEVELS.has(logLevel) ? { AWS_LAMBDA_LOG_LEVEL: logLevel, AWS_LAMBDA_LOG_FORMAT: 'JSON' } : {}),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
