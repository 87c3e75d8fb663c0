import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from './logger.ts';
import { flushMetrics } from './metrics.ts';
import type { Tracing } from './tracing.ts';

/** Flushes the container's metrics when the handler ends, whether it returned or threw. */
const metricsFlush = (): middy.MiddlewareObj => ({ after: flushMetrics, onError: flushMetrics });

/**
 * What every function's handler has, whatever triggers it: the tracer's
 * segment around everything (when the function has one: lib/shared/tracer.ts),
 * the Lambda context in every log line (keys reset per invocation), and the
 * metrics flushed at the end. The HTTP, queue, stream and schedule handlers
 * are all built on it.
 */
export function lambdaHandler<E, R>(tracing: Tracing | undefined) {
  const handler = middy<E, R, Error, Context>();
  if (tracing) handler.use(tracing.middleware());
  return handler.use(injectLambdaContext(logger, { resetKeys: true })).use(metricsFlush());
}
