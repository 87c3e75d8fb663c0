import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import { lambdaHandler } from './lambda.ts';
import { captureClientsWith, type Tracing } from './tracing.ts';

/**
 * One Powertools Tracer per container. In AWS (active tracing) each
 * invocation gets a handler subsegment, annotated with the cold start and the
 * service, and every AWS SDK call of lib/aws/* a subsegment of its own. Off the
 * Lambda runtime (the local stack, tests) Powertools turns it into a no-op;
 * the local stack also sets POWERTOOLS_TRACE_ENABLED=false.
 *
 * This module loads the X-Ray SDK (about 95 kB of bundle): only functions
 * that import it carry it (lib/shared/tracing.ts).
 */
export const tracer = new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'law-billing-sync' });

captureClientsWith((client) => tracer.captureAWSv3Client(client));

/** Responses are not recorded in traces: they hold clients' data, and a segment is limited to 64 kB. */
export const tracing: Tracing = { middleware: () => captureLambdaHandler(tracer, { captureResponse: false }) };

/** The common handler (lib/shared/lambda.ts), traced: for the stream and schedule functions. */
export const tracedLambdaHandler = <E, R>() => lambdaHandler<E, R>(tracing);
