import { SQSClient } from '@aws-sdk/client-sqs';
import { config } from '../shared/config.ts';
import { traceable } from '../shared/tracing.ts';

/**
 * One SQS client per container. Locally the endpoint is explicit: emulator
 * queue URLs name hosts that do not resolve, so the URL alone is not enough.
 * Traced where the function has a tracer (lib/shared/tracing.ts).
 */
export const sqs = traceable(
  new SQSClient({
    region: config.region,
    ...(config.endpoints.sqs ? { endpoint: config.endpoints.sqs } : {}),
  }),
);
