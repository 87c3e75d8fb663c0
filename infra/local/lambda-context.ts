import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import { LOCAL_REGION } from './emulators.ts';

/** A Lambda context as the runtime would pass it, for invoking handlers in-process. */
export function lambdaContext(functionName: string, timeoutSeconds = 30): Context {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * Lambda's per-invocation store (`awslambda.InvokeStore`), multi-context as on
 * a Lambda instance that serves several invocations at once. Here every
 * function shares one process and runs concurrently, so Powertools (which
 * keeps log keys, stored metrics and their metadata in it whenever
 * AWS_LAMBDA_MAX_CONCURRENCY is set) must see each invocation apart, as in
 * AWS. Installed before any AWS SDK call (whose first call installs a
 * single-context one otherwise).
 */
export async function installInvokeStore(): Promise<InvokeStoreBase> {
  const store = await InvokeStore.getInstanceAsync(true);
  store.run({}, () => undefined);
  if (store.hasContext()) throw new Error('The InvokeStore in this process is single-context; install it before the first AWS SDK call.');
  return store;
}

/** The handler, each call of it in an invocation scope of its own (with its request id, as Lambda sets it). */
export function inOwnInvocation(store: InvokeStoreBase, handler: AnyHandler): AnyHandler {
  return (event, context) => store.run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () => handler(event, context));
}
